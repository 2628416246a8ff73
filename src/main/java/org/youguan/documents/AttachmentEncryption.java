package org.youguan.documents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.stereotype.Component;
import org.youguan.platform.DataMigration;
import org.youguan.platform.Secrets;

/**
 * V91: the files V90 gathered from the filing, complaint and work-plan tables (stored as uploaded until then, a
 * manager's ID card among them) are encrypted into {@code attachment} (AES-256-GCM under the data key, each bound to
 * its new row id, see {@link Attachments}), keeping their old id as {@code legacy_id}; the clear staging table is
 * dropped. Rows are read a few at a time: a file may be megabytes.
 */
@Component
class AttachmentEncryption extends DataMigration {

	private static final int FILES_PER_BATCH = 16;

	private final Secrets secrets;

	AttachmentEncryption(Secrets secrets) {
		super("91", "encrypt the attachments gathered from the modules into one table");
		this.secrets = secrets;
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		try (Statement read = connection.createStatement();
				PreparedStatement write = connection.prepareStatement("""
						INSERT INTO attachment (id, module, owner_type, owner_id, kind, file_name, content_type, size_bytes,
						    content_cipher, uploaded_at, legacy_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
			read.setFetchSize(FILES_PER_BATCH);
			try (ResultSet row = read.executeQuery("""
					SELECT nextval(pg_get_serial_sequence('attachment', 'id')), module, owner_type, owner_id, kind, file_name,
					    content_type, size_bytes, content, uploaded_at, legacy_id
					FROM attachment_moving ORDER BY module, legacy_id""")) {
				int pending = 0;
				while (row.next()) {
					long id = row.getLong(1);
					write.setLong(1, id);
					for (int i = 2; i <= 8; i++) {
						write.setObject(i, row.getObject(i));
					}
					write.setBytes(9, secrets.encryptBytes(row.getBytes(9), Attachments.context(id)));
					write.setObject(10, row.getObject(10));
					write.setLong(11, row.getLong(11));
					write.addBatch();
					if (++pending == FILES_PER_BATCH) {
						write.executeBatch();
						pending = 0;
					}
				}
				if (pending > 0) {
					write.executeBatch();
				}
			}
		}
		execute(connection, "DROP TABLE attachment_moving");
	}
}
