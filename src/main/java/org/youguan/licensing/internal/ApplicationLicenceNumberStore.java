package org.youguan.licensing.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredIdentifiers;

/**
 * The licence numbers of applications ({@code licence_application.licence_number}): issued by the series or brought
 * with a bureau's history as typed until V234, rewritten as {@link Text#identifier} writes them (the form the public
 * look-up reads). Unique among the applications that issue a licence; a change's or renewal's row carries its
 * licence's number and is rewritten alike. Collisions as {@link DataMigration#normaliseDocumentNumbers}.
 */
@Component
class ApplicationLicenceNumberStore implements StoredIdentifiers {

	@Override
	public void normalise(Connection connection) throws SQLException {
		DataMigration.normaliseNumbers(connection, "licence_application", "licence_number",
				"CASE WHEN kind IN ('CHANGE', 'RENEWAL', 'BRANCH') THEN id::text ELSE '' END", Text::identifier);
	}
}
