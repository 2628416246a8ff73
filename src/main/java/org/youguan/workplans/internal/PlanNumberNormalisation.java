package org.youguan.workplans.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredNumbers;

/**
 * V221: the work plans' 文号 stored as typed (or as a notice's text carried it) before publishing and importing wrote
 * them through {@link Text#documentNumber} are rewritten as it writes them ({@code work_plan.document_number}: 〔2033〕1号
 * for [2033]01号). A 文号 is one plan's within its bureau (unique index of V274), so the bureau is the scope: a number
 * whose written form another plan of the bureau holds is kept as stored, never written into a collision.
 * Run again by V231 ({@link StoredNumbers}) for the forms added since.
 */
@Component
class PlanNumberNormalisation extends DataMigration implements StoredNumbers {

	PlanNumberNormalisation() {
		super("221", "write stored work plan 文号 as Text.documentNumber writes them");
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		normaliseDocumentNumbers(connection, "work_plan", "document_number", "bureau_id::text");
	}

	@Override
	public void normalise(Connection connection) throws SQLException {
		migrate(connection);
	}
}
