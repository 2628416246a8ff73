package org.youguan.statistics.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.GuardedNames;

/** The statistical indicators' names that {@code Validation.name} guards (V243, {@link GuardedNames}; Indicators). */
@Component
class StatisticsGuardedNames implements GuardedNames {

	@Override
	public void clean(Connection connection) throws SQLException {
		GuardedNames.rewrite(connection, "code", "stat_indicator.name");
	}
}
