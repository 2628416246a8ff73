package org.youguan.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.OneLineTexts;

/**
 * The registry's addresses (V244, {@link OneLineTexts}): enterprises' (Enterprises), branches' (Branches), facilities'
 * (Facilities) and outlets' (Outlets; an outlet whose written address another outlet of its name holds stays as stored).
 */
@Component
class RegistryOneLineTexts implements OneLineTexts {

	@Override
	public void clean(Connection connection) throws SQLException {
		OneLineTexts.rewrite(connection, "id", "enterprise.address", "branch.address", "facility.address", "terminal_outlet.address");
	}
}
