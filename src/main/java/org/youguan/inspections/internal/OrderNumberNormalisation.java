package org.youguan.inspections.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredNumbers;

/**
 * V217: the 责令改正通知书 文号 stored before {@link Text#documentNumber} wrote Chinese numerals as digits and the
 * automatic series with its six digits are rewritten as it writes them ({@code rectification_order.number}, unique per
 * region); collisions as {@link DataMigration#normaliseDocumentNumbers}.
 * Run again by V231 ({@link StoredNumbers}) for the forms added since.
 */
@Component
class OrderNumberNormalisation extends DataMigration implements StoredNumbers {

	OrderNumberNormalisation() {
		super("217", "write stored rectification order 文号 as Text.documentNumber writes them");
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		normaliseDocumentNumbers(connection, "rectification_order", "number", "region_code");
	}

	@Override
	public void normalise(Connection connection) throws SQLException {
		migrate(connection);
	}
}
