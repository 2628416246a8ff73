package org.youguan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.youguan.platform.EmbeddedPostgresServer;

/**
 * One real embedded PostgreSQL per test JVM, started on first use and handed to every test context through the same
 * external-database properties ({@code youguan.db.*}) a production installation uses. It requires a password like the
 * application's embedded database (generated into the test database directory).
 */
public final class TestDatabase {

	private static EmbeddedPostgres postgres;

	private static Path passwordFile;

	private TestDatabase() {
	}

	public static synchronized EmbeddedPostgres get() {
		if (postgres == null) {
			// the parcel records of an earlier run belong to its database, not this fresh one: they would be read again
			// (the anomaly rules read the Parquet files) beside this run's
			deleteTree(Path.of("target/test-data/safety"));
			Path base = Path.of(System.getProperty("youguan.test.database-dir", "target/test-pg")).toAbsolutePath();
			passwordFile = base.resolve("keys").resolve("postgres.password");
			postgres = EmbeddedPostgresServer.start(base.resolve("data"), base.resolve("runtime"), true, passwordFile);
			EmbeddedPostgres started = postgres;
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					started.close();
				}
				catch (Exception ex) {
					// the JVM is exiting
				}
			});
		}
		return postgres;
	}

	private static void deleteTree(Path dir) {
		if (!Files.isDirectory(dir)) {
			return;
		}
		try (Stream<Path> all = Files.walk(dir)) {
			for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String url(String database) {
		return get().getJdbcUrl("postgres", database);
	}

	/** The superuser password of the test database. */
	public static String password() {
		get();
		return EmbeddedPostgresServer.password(passwordFile);
	}

	/** Points a test context at the shared database, with the demo city loaded. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("youguan.db.url=" + url("postgres"), "youguan.db.user=postgres",
					"youguan.db.password=" + password(), "youguan.demo=true", "youguan.data-dir=target/test-data",
					"youguan.demo.parcels-per-day=150")
				.applyTo(context);
		}
	}
}
