package org.youguan.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * V247: the result files of background jobs — the annotated sheets of rejected imports, which repeat the uploaded rows
 * (outlet managers' ID numbers and phones among them) — were stored in clear ({@code background_job.result}) until
 * handed out or deleted after the retention period (7 days). They are now stored encrypted ({@code result_cipher},
 * AES-256-GCM under the data key, bound to the job's id, see {@link BackgroundJobs}; 个人信息保护法 art.51). The ones
 * waiting on upgrade are encrypted in place, so their owners can still fetch them; the clear column is dropped and the
 * table compacted so no old row version keeps a clear sheet on disk.
 *
 * <p>Runs outside a transaction (a full vacuum needs it) and is written to be run again after an interruption: every
 * step is idempotent and each row's encryption clears its clear copy in the same statement.
 */
@Component
class JobResultEncryption extends DataMigration {

	private final Secrets secrets;

	JobResultEncryption(Secrets secrets) {
		super("247", "encrypt background job results");
		this.secrets = secrets;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return false;
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		execute(connection, "ALTER TABLE background_job ADD COLUMN IF NOT EXISTS result_cipher bytea");
		if (clearColumnExists(connection)) {
			// ids first, then one sheet at a time: outside a transaction the driver would read a whole result set at once
			List<UUID> ids = new ArrayList<>();
			try (Statement s = connection.createStatement();
					ResultSet r = s.executeQuery("SELECT id FROM background_job WHERE result IS NOT NULL")) {
				while (r.next()) {
					ids.add(r.getObject(1, UUID.class));
				}
			}
			try (PreparedStatement read = connection.prepareStatement(
					"SELECT result FROM background_job WHERE id = ? AND result IS NOT NULL");
					PreparedStatement write = connection.prepareStatement(
							"UPDATE background_job SET result_cipher = ?, result = NULL WHERE id = ?")) {
				for (UUID id : ids) {
					read.setObject(1, id);
					try (ResultSet r = read.executeQuery()) {
						if (r.next()) {
							write.setBytes(1, secrets.encryptBytes(r.getBytes(1), BackgroundJobs.resultContext(id)));
							write.setObject(2, id);
							write.executeUpdate();
						}
					}
				}
			}
		}
		execute(connection, "ALTER TABLE background_job DROP COLUMN IF EXISTS result",
				"COMMENT ON COLUMN background_job.result_cipher IS"
						+ " 'the result file, AES-256-GCM under the data key, bound to the job id (V247)'",
				"VACUUM FULL background_job");
	}

	private static boolean clearColumnExists(Connection connection) throws SQLException {
		try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("""
				SELECT 1 FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = 'background_job' AND column_name = 'result'""")) {
			return r.next();
		}
	}
}
