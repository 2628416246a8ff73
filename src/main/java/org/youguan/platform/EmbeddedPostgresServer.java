package org.youguan.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;
import org.youguan.kernel.Text;

/**
 * Starts a real PostgreSQL 15 from the binaries on the class path, with its data in a directory that survives
 * restarts. Used by the application when no external database is configured and by the tests (one per test JVM).
 *
 * <p>Every connection authenticates with a password (SCRAM-SHA-256, local socket and TCP alike; GB/T 22239-2019
 * 8.1.4.1 identification of every database user): the password is generated on the first start into a file readable
 * only by its owner, kept apart from the cluster directory. A cluster created before this (zonky's default
 * {@code trust} authentication, where any local user could connect as the superuser) is upgraded on its next start:
 * the password is set, {@code pg_hba.conf} rewritten and reloaded.
 */
public final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	/** The authentication every line of the cluster's pg_hba.conf uses. */
	static final String PG_HBA = """
			# YouGuan: every connection authenticates with the password kept in the data directory (keys/postgres.password),
			# hashed with SCRAM-SHA-256. Written by EmbeddedPostgresServer; changes are overwritten while trust remains.
			local   all             all                                     scram-sha-256
			host    all             all             127.0.0.1/32            scram-sha-256
			host    all             all             ::1/128                 scram-sha-256
			local   replication     all                                     scram-sha-256
			host    replication     all             127.0.0.1/32            scram-sha-256
			host    replication     all             ::1/128                 scram-sha-256
			""";

	private EmbeddedPostgresServer() {
	}

	/**
	 * The superuser password kept in {@code file}, generated (32 random bytes, base64url) on first use with owner-only
	 * permissions.
	 *
	 * @throws IllegalStateException when the file can be read by others or cannot be read (start-up stops)
	 */
	public static String password(Path file) {
		return KeyFiles.read(file).map(Text::strip).orElseGet(() -> {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			return KeyFiles.create(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random)).strip();
		});
	}

	/**
	 * @param dataDir the cluster directory (created by initdb on first start)
	 * @param runtimeDir where the binaries are unpacked (not the world-writable /tmp default)
	 * @param clean whether to wipe the cluster on close (tests)
	 * @param passwordFile the superuser password's file (see {@link #password}); the password is set on a new cluster
	 * by initdb, on an older trust cluster at this start
	 */
	public static EmbeddedPostgres start(Path dataDir, Path runtimeDir, boolean clean, Path passwordFile) {
		boolean existing = !clean && Files.exists(dataDir.resolve("postgresql.conf"));
		boolean trusting = existing && trusts(dataDir);
		if (existing && !trusting && !Files.exists(passwordFile)) {
			throw new IllegalStateException("内置数据库 " + dataDir + " 要求密码，但密码文件 " + passwordFile + " 不存在：请从备份恢复该文件。");
		}
		String password = password(passwordFile);
		EmbeddedPostgres postgres;
		try {
			Files.createDirectories(dataDir.getParent());
			Files.createDirectories(runtimeDir);
			claim(dataDir);
			stopOrphanedServer(dataDir);
			if (clean) {
				// a cluster left by a JVM that ended without closing it would make initdb refuse the directory
				FileSystemUtils.deleteRecursively(dataDir);
			}
			postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(clean)
				.setOverrideWorkingDirectory(runtimeDir.toFile())
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("synchronous_commit", "on")
				// room for several nodes' or test contexts' pools (youguan.db.pool-size, 20 each)
				.setServerConfig("max_connections", "200")
				.setServerConfig("timezone", "UTC")
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C.UTF-8")
				// zonky passes these maps to initdb as --key=value after its own "-A trust": a new cluster is created
				// with SCRAM authentication and the superuser password from the file, never open for a moment
				.setLocaleConfig("auth", "scram-sha-256")
				.setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
				.setConnectConfig("password", password)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法启动内置PostgreSQL（数据目录 " + dataDir + "）。若提示认证失败，密码文件 "
					+ passwordFile + " 与数据库不符：请从备份恢复该文件。", ex);
		}
		if (trusting) {
			requirePassword(postgres, dataDir, password);
		}
		return postgres;
	}

	/** Whether the cluster lets anyone in without a password (made before password authentication). */
	static boolean trusts(Path dataDir) {
		try {
			return Files.readAllLines(dataDir.resolve("pg_hba.conf"))
				.stream()
				.map(Text::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.anyMatch(line -> List.of(line.split("\\s+")).contains("trust"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Upgrades a trust cluster: sets the superuser's password (hashed by the driver), then rewrites pg_hba.conf. */
	private static void requirePassword(EmbeddedPostgres postgres, Path dataDir, String password) {
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			c.unwrap(PGConnection.class).alterUserPassword("postgres", password.toCharArray(), "scram-sha-256");
			Files.writeString(dataDir.resolve("pg_hba.conf"), PG_HBA);
			s.execute("SELECT pg_reload_conf()");
			log.warn("The embedded PostgreSQL in {} accepted connections without a password; it now requires the password "
					+ "in the data directory (scram-sha-256)", dataDir);
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("无法为内置数据库设置密码认证（" + dataDir + "）", ex);
		}
	}

	/** The data directories this JVM has claimed, with the lock that keeps other processes out. */
	private static final Map<Path, FileLock> CLAIMED = new ConcurrentHashMap<>();

	/**
	 * Claims the data directory for this process for as long as it runs: an exclusive lock on {@code instance.lock}
	 * beside the cluster. A second application started on the same directory stops here, before it could take the
	 * running instance's server for an orphan and stop it. The operating system releases the lock when the process
	 * ends, however it ends, so a server left by a killed JVM is still recognised as orphaned. Contexts within one JVM
	 * (tests) share the claim.
	 * @throws IllegalStateException when another running process holds the directory
	 */
	static void claim(Path dataDir) throws IOException {
		Path lockFile = dataDir.toAbsolutePath().normalize().resolveSibling("instance.lock");
		if (CLAIMED.containsKey(lockFile)) {
			return;
		}
		synchronized (CLAIMED) {
			if (CLAIMED.containsKey(lockFile)) {
				return;
			}
			FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				channel.close();
				throw new IllegalStateException("数据目录 " + lockFile.getParent() + " 正由另一个运行中的邮管通实例使用："
						+ "请先停止该实例，或用 --youguan.data-dir 指定另一个目录。(The data directory is in use by another "
						+ "running instance.)");
			}
			CLAIMED.put(lockFile, lock);
		}
	}

	/**
	 * After a kill -9 of the JVM the PostgreSQL server survives and would be silently reused with a stale port: stop it
	 * deliberately (fast shutdown) before starting a new one.
	 */
	static void stopOrphanedServer(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty()
				: ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
		if (server.isEmpty() || !server.get().isAlive()
				|| !server.get().info().command().orElse("").contains("postgres")) {
			return;
		}
		log.warn("Stopping an orphaned PostgreSQL server (pid {}) left running in {}", server.get().pid(), dataDir);
		try {
			new ProcessBuilder("kill", "-INT", String.valueOf(server.get().pid())).inheritIO().start().waitFor();
			server.get().onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			server.get().destroyForcibly();
		}
	}
}
