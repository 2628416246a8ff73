package org.youguan.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: an embedded PostgreSQL in {@code <data dir>/pg}, started only when {@code YOUGUAN_DB_URL} is
 * not set, with password authentication (the password in {@code <data dir>/keys/postgres.password}). It stops with
 * the context, after the connection pool.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabaseConfigured.Absent.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	static final String DATABASE = "youguan";

	/**
	 * Closed when the context closes. The data source depends on it, so the connection pool is closed first and the
	 * server stops after it (zonky's own JVM shutdown hook is off: it would race the pool).
	 */
	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(PlatformSettings settings) {
		var dataDir = settings.dataDir().toAbsolutePath().normalize();
		EmbeddedPostgres postgres = EmbeddedPostgresServer.start(dataDir.resolve("pg"), dataDir.resolve("pg-runtime"),
				false, passwordFile(settings));
		createDatabaseIfMissing(postgres);
		log.info("Embedded PostgreSQL 15 on port {} with data in {}", postgres.getPort(), dataDir.resolve("pg"));
		return postgres;
	}

	/** The superuser password of the embedded database: {@code <data dir>/keys/postgres.password}, owner-only. */
	static Path passwordFile(PlatformSettings settings) {
		return settings.dataDir().toAbsolutePath().normalize().resolve("keys").resolve("postgres.password");
	}

	/**
	 * The connection pool of the embedded database: up to {@code youguan.db.pool-size} connections (default 20), of
	 * which {@code youguan.db.pool-min-idle} (5) stay open when idle — as for an external database through
	 * {@code spring.datasource.hikari.*}. Background work — scheduled jobs
	 * ({@code spring.task.scheduling.pool.size}), asynchronous event listeners ({@code spring.task.execution.pool.core-size}),
	 * the audit sealer — takes connections of the same pool; the pool is sized so a burst of requests still finds free
	 * connections while all of it runs.
	 */
	@Bean
	DataSource dataSource(EmbeddedPostgres postgres, PlatformSettings settings,
			@Value("${youguan.db.pool-size:20}") int poolSize, @Value("${youguan.db.pool-min-idle:5}") int minIdle) {
		var ds = new HikariDataSource();
		ds.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
		ds.setUsername("postgres");
		ds.setPassword(EmbeddedPostgresServer.password(passwordFile(settings)));
		ds.setPoolName("youguan-embedded");
		ds.setMaximumPoolSize(poolSize);
		ds.setMinimumIdle(Math.min(minIdle, poolSize));
		// batches of INSERTs (bulk loads, imports) travel as multi-row statements
		ds.addDataSourceProperty("reWriteBatchedInserts", "true");
		// exception messages without PostgreSQL's detail, which quotes a refused row's values (see application.properties)
		ds.addDataSourceProperty("logServerErrorDetail", "false");
		return ds;
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("无法创建数据库 " + DATABASE, ex);
		}
	}
}
