package org.youguan.org.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.GuardedNames;

/**
 * The organisation's names that {@code Validation.name} guards (V243, {@link GuardedNames}): bureaus' names (unique) and
 * short names (Bureaus), departments' names (unique within their bureau: Departments), users' display names (Users).
 * A name another bureau or department of the bureau already holds in the written form stays as stored.
 */
@Component
class OrgGuardedNames implements GuardedNames {

	@Override
	public void clean(Connection connection) throws SQLException {
		GuardedNames.rewrite(connection, "id", "bureau.name", "bureau.short_name", "department.name",
				"user_account.display_name");
	}
}
