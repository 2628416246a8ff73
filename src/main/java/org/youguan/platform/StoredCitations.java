package org.youguan.platform;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A module's stored texts that a party or the public reads and that cited law in the staff's short form until V288
 * ({@code 快递暂行条例(2025) 第19条}): since then written as Chinese legal documents cite it ({@code 《快递暂行条例》第十九条},
 * {@code rules.Citation#formal}). Rewritten by {@link CitationFormalisation}.
 */
public interface StoredCitations {

	/**
	 * An SQL condition selecting the rows whose {@code column} may hold a citation in the short form (a version in
	 * brackets, {@code (2025)}), so that a migration reads only those.
	 * @param column the column's name
	 * @return the condition, for {@link DataMigration#rewriteCopies(Connection, String, String, String,
	 *         java.util.function.UnaryOperator, String...)}
	 */
	static String shortForm(String column) {
		return column + " ~ '\\(\\d{4}\\)'";
	}

	/**
	 * Rewrites the module's stored citations in the formal form ({@code rules.Citation#formalIn}: only the short forms of
	 * the texts the catalogue knows, every other word as stored), on the migration's connection (inside its
	 * transaction). Gives the same result when run twice.
	 * @throws SQLException from the database: the migration fails and runs again on the next start
	 */
	void writeFormally(Connection connection) throws SQLException;
}
