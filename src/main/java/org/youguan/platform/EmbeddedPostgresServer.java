package org.youguan.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a real PostgreSQL 15 from the binaries on the class path, with its data in a directory that survives
 * restarts. Used by the application when no external database is configured and by the tests (one per test JVM).
 */
public final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private EmbeddedPostgresServer() {
	}

	/**
	 * @param dataDir the cluster directory (created by initdb on first start)
	 * @param runtimeDir where the binaries are unpacked (not the world-writable /tmp default)
	 * @param clean whether to wipe the cluster on close (tests)
	 */
	public static EmbeddedPostgres start(Path dataDir, Path runtimeDir, boolean clean) {
		try {
			Files.createDirectories(dataDir.getParent());
			Files.createDirectories(runtimeDir);
			stopOrphanedServer(dataDir);
			return EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(clean)
				.setOverrideWorkingDirectory(runtimeDir.toFile())
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("max_connections", "100")
				.setServerConfig("timezone", "UTC")
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C.UTF-8")
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法启动内置PostgreSQL（数据目录 " + dataDir + "）", ex);
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
			server.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			server.get().destroyForcibly();
		}
	}
}
