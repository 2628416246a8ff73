package org.youguan.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration written in Java because it needs what the database must not hold — a key — such as encrypting a
 * column of personal data in place: schema change, every row rewritten in batches, the clear column dropped, all in
 * the one transaction Flyway runs it in (so a failure leaves the clear column as it was, and the migration runs again
 * on the next start). Declared as a Spring bean, which Spring Boot hands to Flyway; the version comes from the subclass,
 * so the class name can say what it does.
 */
public abstract class DataMigration implements JavaMigration {

	/** Rows rewritten per statement batch. */
	protected static final int BATCH = 1_000;

	private final MigrationVersion version;

	private final String description;

	protected DataMigration(String version, String description) {
		this.version = MigrationVersion.fromVersion(version);
		this.description = description;
	}

	@Override
	public MigrationVersion getVersion() {
		return version;
	}

	@Override
	public String getDescription() {
		return description;
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public final void migrate(Context context) throws Exception {
		migrate(context.getConnection());
	}

	/** Does the migration on Flyway's connection (inside its transaction). */
	protected abstract void migrate(Connection connection) throws SQLException;

	/** Runs each statement. */
	protected static void execute(Connection connection, String... statements) throws SQLException {
		try (Statement s = connection.createStatement()) {
			for (String sql : statements) {
				s.execute(sql);
			}
		}
	}

	/** One row to rewrite: its key and the values of the update's parameters after the key. */
	public interface RowRewrite {

		/** The parameters for the update statement (the row's id is bound last). */
		Object[] values(ResultSet row) throws SQLException;
	}

	/**
	 * Reads the rows of {@code select} (whose first column is the id) and runs {@code update} (whose last parameter is
	 * the id) for each, with the values {@code rewrite} computes, in batches; returns how many rows were rewritten.
	 */
	protected static int rewrite(Connection connection, String select, String update, RowRewrite rewrite)
			throws SQLException {
		int count = 0;
		try (Statement read = connection.createStatement(); PreparedStatement write = connection.prepareStatement(update)) {
			read.setFetchSize(BATCH);
			try (ResultSet rows = read.executeQuery(select)) {
				List<Object[]> pending = new ArrayList<>();
				while (rows.next()) {
					Object[] values = rewrite.values(rows);
					Object[] all = Arrays.copyOf(values, values.length + 1);
					all[values.length] = rows.getLong(1);
					pending.add(all);
					if (pending.size() == BATCH) {
						count += flush(write, pending);
					}
				}
				count += flush(write, pending);
			}
		}
		return count;
	}

	private static int flush(PreparedStatement write, List<Object[]> rows) throws SQLException {
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				write.setObject(i + 1, row[i]);
			}
			write.addBatch();
		}
		int n = rows.size();
		if (n > 0) {
			write.executeBatch();
		}
		rows.clear();
		return n;
	}
}
