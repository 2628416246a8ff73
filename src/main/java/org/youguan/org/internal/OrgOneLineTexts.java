package org.youguan.org.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.OneLineTexts;

/**
 * The bureaus' addresses (V244, {@link OneLineTexts}; Bureaus).
 */
@Component
class OrgOneLineTexts implements OneLineTexts {

	@Override
	public void clean(Connection connection) throws SQLException {
		OneLineTexts.rewrite(connection, "id", "bureau.address");
	}
}
