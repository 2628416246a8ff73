package org.youguan.licensing.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.GuardedNames;

/**
 * The licensing names that {@code Validation.name} guards (V243, {@link GuardedNames}): applicants' names, legal
 * representatives and contacts and the branches applied for (LicenceApplications), branch filings' names (unique per
 * parent enterprise: a name another filing of the parent holds in the written form stays as stored) and heads
 * (BranchFilings).
 */
@Component
class LicensingGuardedNames implements GuardedNames {

	@Override
	public void clean(Connection connection) throws SQLException {
		GuardedNames.rewrite(connection, "id", "licence_application.applicant_name",
				"licence_application.legal_representative", "licence_application.contact_name", "branch_filing.name",
				"branch_filing.head_name");
		GuardedNames.rewrite(connection, "application_id, position", "licence_application_branch.name");
	}
}
