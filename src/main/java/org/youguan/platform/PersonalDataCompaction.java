package org.youguan.platform;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;

/**
 * V59: after V56–V58 encrypted personal data in place, the old versions of the rewritten rows — still holding the
 * clear ID numbers and phones — are dead but on disk until vacuumed. A full vacuum of the three tables rewrites them
 * now (outside a transaction, as PostgreSQL requires). Backups taken before the upgrade still hold clear values: see
 * README (Backup).
 */
@Component
class PersonalDataCompaction extends DataMigration {

	PersonalDataCompaction() {
		super("59", "compact tables whose personal data was encrypted");
	}

	@Override
	public boolean canExecuteInTransaction() {
		return false;
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		execute(connection, "VACUUM FULL terminal_outlet", "VACUUM FULL complaint", "VACUUM FULL outlet_filing");
	}
}
