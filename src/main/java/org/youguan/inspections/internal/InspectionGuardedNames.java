package org.youguan.inspections.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.GuardedNames;

/**
 * The inspections' names that {@code Validation.name} guards (V243, {@link GuardedNames}): items' names
 * (InspectionItems), the roster's inspectors (Inspectors), plans' names (InspectionPlans), the enterprise's
 * representative at a field record (InspectionFieldRecords) and each record's inspectors (InspectionRecords).
 */
@Component
class InspectionGuardedNames implements GuardedNames {

	@Override
	public void clean(Connection connection) throws SQLException {
		GuardedNames.rewrite(connection, "id", "inspection_item.name", "inspector.name", "inspection_plan.name",
				"inspection_record.representative");
		GuardedNames.rewrite(connection, "record_id, position", "inspection_record_inspector.name");
	}
}
