package org.youguan.safety.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.GuardedNames;

/**
 * The safety ledgers' names that {@code Validation.name} guards (V243, {@link GuardedNames}): screening contractors
 * (Contractors), who found a hazard (Hazards), security periods (SecurityPeriods), trainings' organisers
 * (RegionRecords) and responsibility letters' signatories (ResponsibilityLetters).
 */
@Component
class SafetyGuardedNames implements GuardedNames {

	@Override
	public void clean(Connection connection) throws SQLException {
		GuardedNames.rewrite(connection, "id", "safety_contractor.name", "safety_hazard.found_by", "safety_security_period.name",
				"safety_training.organiser", "safety_responsibility_letter.bureau_signatory",
				"safety_responsibility_letter.enterprise_signatory");
	}
}
