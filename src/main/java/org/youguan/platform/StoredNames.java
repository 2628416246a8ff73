package org.youguan.platform;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A module's stored names, addresses and other typed text that were trimmed with {@link String#strip()} until V236 and
 * since then with {@code kernel.Text.strip} — which also removes the no-break spaces (U+00A0, U+2007, U+202F) and the
 * invisible characters (U+FEFF, U+200B …, since V239 also U+034F, the Hangul fillers and U+2800) around them and writes
 * no-break spaces inside as ASCII ones — so a name kept
 * with a trailing NBSP is found by, and blocks, the same name typed without it. Rewritten by {@link NameTrimming}.
 */
public interface StoredNames {

	/** The spaces and invisible characters an untrimmed value may begin or end with, as a PostgreSQL bracket expression's inside. */
	String BLANKS = "\\s\\u00A0\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u2000-\\u200F\\u2028-\\u202F"
			+ "\\u205F-\\u206F\\u2800\\u3000\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF0-\\uFFF8";

	/**
	 * An SQL condition selecting the rows whose {@code column} {@code kernel.Text.strip} may change: one beginning or
	 * ending with a space or invisible character, or holding a no-break or narrow space — so a migration reads those
	 * rows only, not a table of 600,000 villages.
	 * @param column the column's name
	 * @return the condition, for {@link DataMigration#rewriteCopies(java.sql.Connection, String, String, String,
	 *         java.util.function.UnaryOperator, String...)}
	 */
	static String untrimmed(String column) {
		return column + " ~ '^[" + BLANKS + "]|[" + BLANKS + "]$|[\\u00A0\\u2000-\\u200A\\u202F\\u205F]'";
	}

	/**
	 * Rewrites the module's stored names as {@code Text.strip} writes them, on the migration's connection (inside its
	 * transaction); a value of a unique column another row already holds in the written form is kept as stored and
	 * logged ({@link DataMigration#normaliseNumbers}); a value that would be blank is kept as stored. Gives the same
	 * result when run twice.
	 * @throws SQLException from the database: the migration fails and runs again on the next start
	 */
	void trim(Connection connection) throws SQLException;
}
