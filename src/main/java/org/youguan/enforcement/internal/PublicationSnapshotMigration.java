package org.youguan.enforcement.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.DataMigration;
import org.youguan.rules.ViolationType;

/**
 * V227: the 双公示 of a penalty decision shows what was published (行政处罚法(2021) art.48), not what the case holds
 * later: a decision changed by 复议, 诉讼 or the bureau's own correction is shown as changed only once its publication was
 * withdrawn and published again. The content published — 文号, party (name and credit code), violation and its basis,
 * penalty, fine, confiscation and the day decided — is kept with the publication ({@code publication_*} columns of
 * {@code penalty_case}); a publication made before is filled from the case's values now (the basis, which the
 * violation's articles give in code, through {@link ViolationType#basis}).
 */
@Component
class PublicationSnapshotMigration extends DataMigration {

	PublicationSnapshotMigration() {
		super("227", "penalty publication snapshot");
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		execute(connection, """
				ALTER TABLE penalty_case ADD COLUMN publication_decision_number varchar(60),
				    ADD COLUMN publication_enterprise_name varchar(200), ADD COLUMN publication_credit_code varchar(18),
				    ADD COLUMN publication_violation_code varchar(40), ADD COLUMN publication_basis varchar(2000),
				    ADD COLUMN publication_penalty varchar(12), ADD COLUMN publication_fine numeric(14,2),
				    ADD COLUMN publication_confiscated numeric(14,2), ADD COLUMN publication_decided_on date""",
				"""
				UPDATE penalty_case SET publication_decision_number = decision_number,
				    publication_enterprise_name = enterprise_name, publication_credit_code = enterprise_credit_code,
				    publication_violation_code = violation_code, publication_penalty = penalty, publication_fine = fine,
				    publication_confiscated = confiscated, publication_decided_on = decided_on
				WHERE published_on IS NOT NULL""");
		rewrite(connection, "SELECT id, violation_code FROM penalty_case WHERE published_on IS NOT NULL ORDER BY id",
				"UPDATE penalty_case SET publication_basis = ? WHERE id = ?",
				row -> new Object[] { basis(row.getString("violation_code")) });
	}

	/** The basis of a stored violation code; null for a code the product no longer knows. */
	private static String basis(String code) {
		try {
			return ViolationType.valueOf(code).basis();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
