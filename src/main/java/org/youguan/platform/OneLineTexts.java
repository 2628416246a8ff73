package org.youguan.platform;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A module's stored one-line texts that {@code kernel.Validation.line} guards today — addresses, places, opening hours,
 * a training's topic and audience, a seizure's item, unit and agencies — written before it did: a value may hold a
 * line break ("越溪路26号\r\n二楼"), a tab, a zero-width or control character, or an ideographic space where the same
 * text typed now is stored with one ASCII space ({@code kernel.Text.line}). Rewritten by {@link EveryModuleOneLineTexts}
 * (V244) with {@link DataMigration#rewriteLines}; each module supplies its columns from its own {@code internal}
 * package, as with {@link GuardedNames}.
 */
public interface OneLineTexts {

	/**
	 * Rewrites the module's one-line columns as {@link DataMigration#storedLine} writes them, on the migration's
	 * connection (inside its transaction).
	 * @throws SQLException from the database: the migration fails and runs again on the next start
	 */
	void clean(Connection connection) throws SQLException;

	/**
	 * Rewrites each column with {@link DataMigration#rewriteLines}, its rows found by {@code key} — the one helper every
	 * module's {@link #clean} uses.
	 * @param key the tables' primary key column(s), comma separated (the same for all of them, e.g. {@code id})
	 * @param columns the columns as {@code table.column}, e.g. {@code branch.address}
	 * @throws SQLException from the database, other than a unique violation (that row stays as stored)
	 */
	static void rewrite(Connection connection, String key, String... columns) throws SQLException {
		for (String c : columns) {
			int dot = c.indexOf('.');
			DataMigration.rewriteLines(connection, c.substring(0, dot), c.substring(dot + 1), key.split(",\\s*"));
		}
	}
}
