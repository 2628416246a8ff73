package org.youguan.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.GuardedNames;

/**
 * The registry's names that {@code Validation.name} guards (V242, {@link GuardedNames}): brands' names and short names
 * (Brands), enterprises' names, legal representatives and contacts (Enterprises), licences' issuing bureaus (Licences),
 * branches' names and heads (Branches), facilities' names (Facilities), outlets' names and managers (Outlets).
 */
@Component
class RegistryGuardedNames implements GuardedNames {

	@Override
	public void clean(Connection connection) throws SQLException {
		GuardedNames.rewrite(connection, "id", "brand.name", "brand.short_name", "enterprise.legal_name",
				"enterprise.legal_representative", "enterprise.contact_name", "express_licence.issuing_bureau_name",
				"branch.name", "branch.head_name", "facility.name", "terminal_outlet.name", "terminal_outlet.manager_name");
	}
}
