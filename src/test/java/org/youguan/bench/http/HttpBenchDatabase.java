package org.youguan.bench.http;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.youguan.platform.EmbeddedPostgresServer;

/**
 * The HTTP benchmark's own embedded PostgreSQL under {@code target/bench-pg/http}, emptied at every start and loaded
 * with the demo city only: the other benchmarks add a million complaints or 300,000 outlets to the shared bench
 * database, which would change what this one measures depending on which ran before it in the same JVM.
 */
final class HttpBenchDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgres postgres;

	private static Path passwordFile;

	static synchronized EmbeddedPostgres get() {
		if (postgres == null) {
			Path base = Path.of("target/bench-pg/http").toAbsolutePath();
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

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("youguan.db.url=" + get().getJdbcUrl("postgres", "postgres"), "youguan.db.user=postgres",
				"youguan.db.password=" + EmbeddedPostgresServer.password(passwordFile), "youguan.demo=true", "youguan.data-dir=target/bench-pg/http/files")
			.applyTo(context);
	}
}
