package org.youguan.platform;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A module's stored numbers that are written in the one form {@code kernel.Text} gives them ({@code documentNumber}
 * for 文号, {@code identifier} for 编号), rewritten when that form changes: each module's own migration first wrote them
 * so (V215–V221), and {@link NumberRenormalisation} (V231) runs every module's rewrite again for the forms added since
 * (capital and Chinese-digit numerals, automatic numbers typed with other dashes or without padding). A rewrite must
 * give the same result when run twice.
 */
public interface StoredNumbers {

	/**
	 * Rewrites the module's stored numbers as {@code Text} now writes them, on the migration's connection (inside its
	 * transaction); a number another row already holds in the written form is kept as stored, as
	 * {@link DataMigration#normaliseDocumentNumbers} does.
	 * @throws SQLException from the database: the migration fails and runs again on the next start
	 */
	void normalise(Connection connection) throws SQLException;
}
