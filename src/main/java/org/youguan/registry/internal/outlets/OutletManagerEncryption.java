package org.youguan.registry.internal.outlets;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Masking;
import org.youguan.platform.DataMigration;
import org.youguan.platform.Secrets;
import org.youguan.registry.Outlets;

/**
 * V56: outlet managers' ID numbers and phones, stored in clear until now, are encrypted in place (AES-256-GCM, key in
 * the data directory or configuration, never in the database) with a masked copy for lists; the clear columns are
 * dropped and every row rewritten so live rows no longer carry them (V59 then compacts the table).
 */
@Component
class OutletManagerEncryption extends DataMigration {

	private final Secrets secrets;

	OutletManagerEncryption(Secrets secrets) {
		super("56", "encrypt outlet manager id and phone");
		this.secrets = secrets;
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		execute(connection, """
				ALTER TABLE terminal_outlet ADD COLUMN manager_id_cipher bytea, ADD COLUMN manager_id_masked varchar(18),
				    ADD COLUMN manager_phone_cipher bytea, ADD COLUMN manager_phone_masked varchar(20)""");
		rewrite(connection, "SELECT id, manager_id_number, manager_phone FROM terminal_outlet", """
				UPDATE terminal_outlet SET manager_id_cipher = ?, manager_id_masked = ?, manager_phone_cipher = ?,
				    manager_phone_masked = ? WHERE id = ?""", row -> {
					String id = row.getString(2).strip();
					String phone = row.getString(3).strip();
					return new Object[] { secrets.encrypt(id, Outlets.MANAGER_ID), Masking.idNumber(id),
							secrets.encrypt(phone, Outlets.MANAGER_PHONE), Masking.phone(phone) };
				});
		execute(connection, """
				ALTER TABLE terminal_outlet DROP COLUMN manager_id_number, DROP COLUMN manager_phone,
				    ALTER COLUMN manager_id_cipher SET NOT NULL, ALTER COLUMN manager_id_masked SET NOT NULL,
				    ALTER COLUMN manager_phone_cipher SET NOT NULL, ALTER COLUMN manager_phone_masked SET NOT NULL""",
				// a dropped column's values stay in each row until the row is written again
				"UPDATE terminal_outlet SET id = id");
	}
}
