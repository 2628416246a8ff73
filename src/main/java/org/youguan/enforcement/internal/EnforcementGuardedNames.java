package org.youguan.enforcement.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.GuardedNames;

/**
 * The enforcement names that {@code Validation.name} guards (V243, {@link GuardedNames}): evidence titles and the
 * person questioned or present (CaseEvidence), the investigators of a case (CaseTeam).
 */
@Component
class EnforcementGuardedNames implements GuardedNames {

	@Override
	public void clean(Connection connection) throws SQLException {
		GuardedNames.rewrite(connection, "id", "penalty_case_evidence.title", "penalty_case_evidence.subject");
		GuardedNames.rewrite(connection, "case_id, position", "penalty_case_investigator.name");
	}
}
