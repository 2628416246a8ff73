package org.youguan.safety.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.OneLineTexts;

/**
 * The safety ledgers' one-line texts (V244, {@link OneLineTexts}; RegionRecords): a training's topic and audience, a
 * seizure's item, unit and agencies (a line break between two names becomes the space that still separates them).
 */
@Component
class SafetyOneLineTexts implements OneLineTexts {

	@Override
	public void clean(Connection connection) throws SQLException {
		OneLineTexts.rewrite(connection, "id", "safety_training.topic", "safety_training.audience", "safety_seizure.item", "safety_seizure.unit", "safety_seizure.agencies");
	}
}
