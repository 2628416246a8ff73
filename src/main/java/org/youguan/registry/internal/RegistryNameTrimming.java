package org.youguan.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredNames;

/**
 * The registry's typed names and addresses trimmed as {@link Text#strip} trims them (V236, {@link StoredNames}): the
 * brands' names and short names (unique: a name whose trimmed form another brand holds is kept as stored and logged),
 * the enterprises', branches' and outlets' names and addresses (no unique index: an outlet that becomes the same name
 * at the same address as another stays, for staff to merge or close).
 */
@Component
class RegistryNameTrimming implements StoredNames {

	@Override
	public void trim(Connection connection) throws SQLException {
		DataMigration.normaliseNumbers(connection, "brand", "name", "''", Text::blankToNull);
		DataMigration.normaliseNumbers(connection, "brand", "short_name", "''", Text::blankToNull);
		for (String table : new String[] { "enterprise", "branch", "terminal_outlet" }) {
			DataMigration.rewriteCopies(connection, table, "address",
					StoredNames.untrimmed("address"), Text::blankToNull, "id");
		}
		DataMigration.rewriteCopies(connection, "enterprise", "legal_name",
				StoredNames.untrimmed("legal_name"), Text::blankToNull, "id");
		DataMigration.rewriteCopies(connection, "branch", "name",
				StoredNames.untrimmed("name"), Text::blankToNull, "id");
		DataMigration.rewriteCopies(connection, "terminal_outlet", "name",
				StoredNames.untrimmed("name"), Text::blankToNull, "id");
	}
}
