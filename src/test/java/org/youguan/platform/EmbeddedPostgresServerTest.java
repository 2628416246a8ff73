package org.youguan.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.youguan.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL lets no one in without the password kept in the data directory, and a cluster made before
 * (trust authentication) is upgraded on its next start without losing data.
 */
class EmbeddedPostgresServerTest {

	@TempDir
	Path dir;

	@Test
	void aConnectionWithoutThePasswordIsRefused() throws Exception {
		String url = TestDatabase.url("postgres");
		assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
		assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong")).isInstanceOf(SQLException.class)
			.hasMessageContaining("password authentication failed");
		try (Connection c = DriverManager.getConnection(url, "postgres", TestDatabase.password())) {
			assertThat(c.isValid(5)).isTrue();
		}
	}

	@Test
	void anOlderTrustClusterIsUpgradedToPasswordAuthenticationOnItsNextStart() throws Exception {
		Path data = dir.resolve("pg");
		Path runtime = Path.of("target/test-pg/runtime").toAbsolutePath();
		// a cluster as the application made it before: zonky's defaults, trust for everyone on this machine
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setOverrideWorkingDirectory(runtime.toFile())
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.start(); Connection c = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
			c.createStatement().execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('数据仍在')");
		}
		assertThat(EmbeddedPostgresServer.trusts(data)).isTrue();

		Path passwordFile = dir.resolve("keys").resolve("postgres.password");
		try (EmbeddedPostgres upgraded = EmbeddedPostgresServer.start(data, runtime, false, passwordFile)) {
			String url = upgraded.getJdbcUrl("postgres", "postgres");
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
			String password = Files.readString(passwordFile).strip();
			try (Connection c = DriverManager.getConnection(url, "postgres", password)) {
				var rs = c.createStatement().executeQuery("SELECT v FROM kept");
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("数据仍在");
			}
			assertThat(EmbeddedPostgresServer.trusts(data)).isFalse();
			assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("scram-sha-256");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
		}
		// and the next start uses the password as it is
		try (EmbeddedPostgres again = EmbeddedPostgresServer.start(data, runtime, false, passwordFile);
				Connection c = DriverManager.getConnection(again.getJdbcUrl("postgres", "postgres"), "postgres",
						Files.readString(passwordFile).strip())) {
			assertThat(c.isValid(5)).isTrue();
		}
	}

	@Test
	void refusesToStartAPasswordClusterWhosePasswordFileIsGone() throws Exception {
		Path data = dir.resolve("pg");
		Path runtime = Path.of("target/test-pg/runtime").toAbsolutePath();
		Path passwordFile = dir.resolve("keys").resolve("postgres.password");
		EmbeddedPostgresServer.start(data, runtime, false, passwordFile).close();
		Files.delete(passwordFile);
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, runtime, false, passwordFile))
			.hasMessageContaining("密码文件")
			.hasMessageContaining("postgres.password");
	}

	/**
	 * A second process started on the data directory of a running instance stops before touching its server (it used
	 * to take the running server for an orphan and stop it). The other process is a JVM holding the directory's lock.
	 */
	@Test
	void aDataDirectoryInUseByAnotherProcessIsRefused() throws Exception {
		Path cluster = dir.resolve("pg");
		Path holder = dir.resolve("Holder.java");
		Files.writeString(holder, """
				import java.nio.channels.FileChannel;
				import java.nio.file.*;
				public class Holder {
					public static void main(String[] args) throws Exception {
						var channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
						channel.lock();
						System.out.println("locked");
						System.out.flush();
						System.in.read(); // holds the lock until the test ends it
					}
				}
				""");
		String java = ProcessHandle.current().info().command().orElse("java");
		Process other = new ProcessBuilder(java, holder.toString(), dir.resolve("instance.lock").toString())
			.redirectErrorStream(true)
			.start();
		try {
			assertThat(new String(other.getInputStream().readNBytes(6))).isEqualTo("locked");
			assertThatThrownBy(() -> EmbeddedPostgresServer.claim(cluster)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("正由另一个运行中的邮管通实例使用");
		}
		finally {
			other.destroyForcibly().waitFor();
		}
		EmbeddedPostgresServer.claim(cluster);
		EmbeddedPostgresServer.claim(cluster);
	}
}
