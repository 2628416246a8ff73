package org.youguan.complaints.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.GuardedNames;

/**
 * The complaints' names that {@code Validation.name} guards (V243, {@link GuardedNames}): the filer's name and the
 * enterprise or outlet complained about as typed (ComplaintIntake), the enterprise's handler of the reply
 * (ComplaintProcedure).
 */
@Component
class ComplaintGuardedNames implements GuardedNames {

	@Override
	public void clean(Connection connection) throws SQLException {
		GuardedNames.rewrite(connection, "id", "complaint.filer_name", "complaint.named_enterprise", "complaint.reply_handler");
	}
}
