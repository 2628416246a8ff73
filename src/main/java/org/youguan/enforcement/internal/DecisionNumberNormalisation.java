package org.youguan.enforcement.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredNumbers;

/**
 * V216: the 行政处罚决定书 文号 typed by hand and stored before {@link Text#documentNumber} wrote the sequence in Arabic
 * digits (〔2026〕一号 is 〔2026〕1号) and the product's automatic form with its six digits ({@code …-2026-2} is
 * {@code …-2026-000002}) are rewritten as that method now writes them — by the method itself, so stored and newly typed
 * numbers compare as one: {@code penalty_case.decision_number} (unique nationally) and the numbers the case's documents
 * bear ({@code penalty_case_document.number}). Collisions as {@link DataMigration#normaliseDocumentNumbers}; a document
 * whose number is a decision number kept as stored keeps it too. (The 责令改正 orders' and post office approvals' 文号
 * are rewritten by their own modules' migrations, V217 and V215.)
 * Run again by V231 ({@link StoredNumbers}) for the forms added since.
 */
@Component
class DecisionNumberNormalisation extends DataMigration implements StoredNumbers {

	DecisionNumberNormalisation() {
		super("216", "write stored penalty 文号 as Text.documentNumber writes them");
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		Set<String> keptDecisions = normaliseDocumentNumbers(connection, "penalty_case", "decision_number", "''");
		rewrite(connection, "SELECT id, number FROM penalty_case_document ORDER BY id",
				"UPDATE penalty_case_document SET number = ? WHERE id = ?", row -> {
					String stored = row.getString("number");
					String written = keptDecisions.contains(stored) ? stored : Text.documentNumber(stored);
					return new Object[] { written == null ? stored : written };
				});
	}

	@Override
	public void normalise(Connection connection) throws SQLException {
		migrate(connection);
	}
}
