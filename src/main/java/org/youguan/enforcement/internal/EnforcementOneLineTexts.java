package org.youguan.enforcement.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.OneLineTexts;

/**
 * The enforcement places (V244, {@link OneLineTexts}): where an on-the-spot penalty was decided (OnTheSpotPenalties), a
 * hearing's place (NoticeAndHearing) and where evidence was collected (CaseEvidence).
 */
@Component
class EnforcementOneLineTexts implements OneLineTexts {

	@Override
	public void clean(Connection connection) throws SQLException {
		OneLineTexts.rewrite(connection, "id", "penalty_case.on_spot_place", "penalty_case.hearing_place", "penalty_case_evidence.place");
	}
}
