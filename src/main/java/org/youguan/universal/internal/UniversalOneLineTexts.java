package org.youguan.universal.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.OneLineTexts;

/**
 * The universal service's one-line texts (V244, {@link OneLineTexts}): post offices' opening hours (PostOffices), the new
 * address of a relocation (PostOfficeApprovals), a village's handover type and address (Villages), a service hall's
 * address on a supervision record (SupervisionRecords).
 */
@Component
class UniversalOneLineTexts implements OneLineTexts {

	@Override
	public void clean(Connection connection) throws SQLException {
		OneLineTexts.rewrite(connection, "facility_id", "post_office_hours.opening_hours");
		OneLineTexts.rewrite(connection, "id", "post_office_approval.new_address", "universal_supervision.place");
		OneLineTexts.rewrite(connection, "village_code", "village_profile.handover_type", "village_profile.handover_address");
	}
}
