package org.youguan;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.postgresql.Driver;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A database of its own for an upgrade test: created empty beside the test database, migrated to the version an
 * installation had, filled as that installation held its data, then migrated to the latest version with the
 * application's own migrations (SQL locations and Java migrations).
 */
public final class UpgradeDatabase {

	private final DataSource dataSource;

	private final String[] locations;

	private final JavaMigration[] javaMigrations;

	private UpgradeDatabase(DataSource dataSource, String[] locations, List<JavaMigration> javaMigrations) {
		this.dataSource = dataSource;
		this.locations = locations;
		this.javaMigrations = javaMigrations.toArray(JavaMigration[]::new);
	}

	/** Drops and creates the database {@code name} on the test server. */
	public static UpgradeDatabase fresh(String name, String[] locations, List<JavaMigration> javaMigrations)
			throws SQLException {
		try (Connection c = TestDatabase.get().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + name);
			s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
		}
		return new UpgradeDatabase(new SimpleDriverDataSource(new Driver(), TestDatabase.url(name), "postgres",
				TestDatabase.password()), locations, javaMigrations);
	}

	public DataSource dataSource() {
		return dataSource;
	}

	/** Migrates up to and including {@code version}. */
	public void migrateTo(String version) {
		Flyway.configure().dataSource(dataSource).locations(locations).javaMigrations(javaMigrations).target(version)
			.load().migrate();
	}

	/** Migrates to the latest version. */
	public void migrate() {
		Flyway.configure().dataSource(dataSource).locations(locations).javaMigrations(javaMigrations).load().migrate();
	}
}
