package org.youguan.platform;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A module's stored name columns that {@code kernel.Validation.name} guards today, written before it did: a name may
 * hold an invisible character inside (U+200B–U+200F, U+2060–U+2064, U+FEFF, U+00AD, U+034F, the Hangul fillers,
 * variation selectors, tags, U+2800) or an ideographic space U+3000 — "顺丰\u200B速运" or "顺丰速运\u3000苏州" standing
 * beside the same name typed now. Rewritten by {@link InnerNameBlanks} (V242, the registry's) and
 * {@link EveryModuleNameBlanks} (V243, every module's) with {@link DataMigration#rewriteNames}; each module supplies its
 * columns from its own {@code internal} package.
 */
public interface GuardedNames {

	/**
	 * Rewrites the module's guarded name columns as {@link DataMigration#storedName} writes them, on the migration's
	 * connection (inside its transaction); a row whose rewritten name a unique constraint refuses stays as stored.
	 * @throws SQLException from the database: the migration fails and runs again on the next start
	 */
	void clean(Connection connection) throws SQLException;

	/**
	 * Rewrites each column with {@link DataMigration#rewriteNames}, its rows found by {@code key} — the one helper every
	 * module's {@link #clean} uses.
	 * @param key the tables' primary key column (the same for all of them, e.g. {@code id})
	 * @param columns the columns as {@code table.column}, e.g. {@code department.name}
	 * @throws SQLException from the database, other than a unique violation (that row stays as stored)
	 */
	static void rewrite(Connection connection, String key, String... columns) throws SQLException {
		for (String c : columns) {
			int dot = c.indexOf('.');
			DataMigration.rewriteNames(connection, c.substring(0, dot), c.substring(dot + 1), key.split(",\\s*"));
		}
	}
}
