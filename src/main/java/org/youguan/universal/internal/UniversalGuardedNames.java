package org.youguan.universal.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.GuardedNames;

/**
 * The universal service's names that {@code Validation.name} guards (V243, {@link GuardedNames}): village-check plans'
 * names (VillageCheckPlans), the head who approved a post-office decision's extension (PostOfficeApprovals), a village's
 * post office as typed (Villages) and the subject of a supervision record (SupervisionRecords).
 */
@Component
class UniversalGuardedNames implements GuardedNames {

	@Override
	public void clean(Connection connection) throws SQLException {
		GuardedNames.rewrite(connection, "id", "village_check_plan.name", "post_office_approval.extension_approved_by",
				"universal_supervision.subject");
		GuardedNames.rewrite(connection, "village_code", "village_profile.post_office_name");
	}
}
