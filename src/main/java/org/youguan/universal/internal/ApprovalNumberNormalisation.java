package org.youguan.universal.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredNumbers;

/**
 * V215: the post office closure/relocation approvals' decision 文号 stored before {@link Text#documentNumber} wrote
 * Chinese numerals as digits and the automatic series with its six digits are rewritten as it writes them
 * ({@code post_office_approval.decision_number}, unique per city); collisions as
 * {@link DataMigration#normaliseDocumentNumbers}. Run again by V231 ({@link StoredNumbers}) for the forms added since.
 */
@Component
class ApprovalNumberNormalisation extends DataMigration implements StoredNumbers {

	ApprovalNumberNormalisation() {
		super("215", "write stored post office approval 文号 as Text.documentNumber writes them");
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		normaliseDocumentNumbers(connection, "post_office_approval", "decision_number", "substring(region_code, 1, 4)");
	}

	@Override
	public void normalise(Connection connection) throws SQLException {
		migrate(connection);
	}
}
