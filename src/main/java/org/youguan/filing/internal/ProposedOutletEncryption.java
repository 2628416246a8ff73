package org.youguan.filing.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.filing.OutletFilings;
import org.youguan.platform.DataMigration;
import org.youguan.platform.Secrets;

/**
 * V58: a change filing keeps the proposed outlet data until the decision — including the new manager's ID number and
 * phone, in clear until now. It is encrypted in place (AES-256-GCM, key outside the database); the clear column is
 * dropped and every row rewritten so live rows no longer carry it (V59 then compacts the table).
 */
@Component
class ProposedOutletEncryption extends DataMigration {

	private final Secrets secrets;

	ProposedOutletEncryption(Secrets secrets) {
		super("58", "encrypt proposed outlet data of change filings");
		this.secrets = secrets;
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		execute(connection, "ALTER TABLE outlet_filing ADD COLUMN proposed_cipher bytea");
		rewrite(connection, "SELECT id, proposed FROM outlet_filing WHERE proposed IS NOT NULL",
				"UPDATE outlet_filing SET proposed_cipher = ? WHERE id = ?",
				row -> new Object[] { secrets.encrypt(row.getString(2), OutletFilings.PROPOSED) });
		execute(connection, "ALTER TABLE outlet_filing DROP COLUMN proposed",
				// a dropped column's values stay in each row until the row is written again
				"UPDATE outlet_filing SET id = id");
	}
}
