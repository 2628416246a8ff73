package org.youguan.licensing.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.OneLineTexts;

/**
 * The licensing addresses (V244, {@link OneLineTexts}): an application's premises (LicenceApplications) and a branch
 * filing's address (BranchFilings).
 */
@Component
class LicensingOneLineTexts implements OneLineTexts {

	@Override
	public void clean(Connection connection) throws SQLException {
		OneLineTexts.rewrite(connection, "id", "licence_application.premises_address", "branch_filing.address");
	}
}
