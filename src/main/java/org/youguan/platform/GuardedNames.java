package org.youguan.platform;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A module's stored name columns that {@code kernel.Validation.name} guards today, written before it did: a name may
 * hold an invisible character inside (U+200B–U+200F, U+2060–U+2064, U+FEFF, U+00AD, U+034F, the Hangul fillers,
 * variation selectors, tags, U+2800) or an ideographic space U+3000 — "顺丰\u200B速运" or "顺丰速运\u3000苏州" standing
 * beside the same name typed now. Rewritten by {@link InnerNameBlanks} (V242) with
 * {@link DataMigration#rewriteNames}.
 */
public interface GuardedNames {

	/**
	 * Rewrites the module's guarded name columns as {@link DataMigration#storedName} writes them, on the migration's
	 * connection (inside its transaction); a row whose rewritten name a unique constraint refuses stays as stored.
	 * @throws SQLException from the database: the migration fails and runs again on the next start
	 */
	void clean(Connection connection) throws SQLException;
}
