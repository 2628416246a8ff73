package org.youguan.complaints.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.DataMigration;
import org.youguan.platform.Secrets;

/**
 * V57: complaint filers' phones, stored in clear until now, are encrypted in place (AES-256-GCM, key outside the
 * database), with a keyed hash (HMAC-SHA256 under the index key) so a phone still finds its complaints, and a masked
 * copy for lists. The clear column and its indexes are dropped and every row rewritten so live rows no longer carry
 * it (V59 then compacts the table). The reply handler's phone (an enterprise employee's work contact) stays as it is.
 */
@Component
class FilerPhoneEncryption extends DataMigration {

	private final Secrets secrets;

	FilerPhoneEncryption(Secrets secrets) {
		super("57", "encrypt complaint filer phone");
		this.secrets = secrets;
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		execute(connection, """
				ALTER TABLE complaint ADD COLUMN filer_phone_cipher bytea, ADD COLUMN filer_phone_index bytea,
				    ADD COLUMN filer_phone_masked varchar(20)""");
		rewrite(connection, "SELECT id, filer_phone FROM complaint",
				"UPDATE complaint SET filer_phone_cipher = ?, filer_phone_index = ?, filer_phone_masked = ? WHERE id = ?",
				row -> {
					FilerPhone phone = FilerPhone.of(secrets, row.getString(2).strip());
					return new Object[] { phone.cipher(), phone.index(), phone.masked() };
				});
		execute(connection, "DROP INDEX complaint_duplicate", "DROP INDEX complaint_phone", """
				ALTER TABLE complaint DROP COLUMN filer_phone, ALTER COLUMN filer_phone_cipher SET NOT NULL,
				    ALTER COLUMN filer_phone_index SET NOT NULL, ALTER COLUMN filer_phone_masked SET NOT NULL""",
				// a dropped column's values stay in each row until the row is written again
				"UPDATE complaint SET id = id",
				"CREATE INDEX complaint_duplicate ON complaint (filer_phone_index, waybill_number, category)");
	}
}
