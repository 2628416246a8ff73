package org.youguan.security.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.GuardedNames;

/** The API tokens' names that {@code Validation.name} guards (V243, {@link GuardedNames}; ApiTokens). */
@Component
class SecurityGuardedNames implements GuardedNames {

	@Override
	public void clean(Connection connection) throws SQLException {
		GuardedNames.rewrite(connection, "id", "api_token.name");
	}
}
