package org.youguan.registry.internal.licences;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredIdentifiers;

/**
 * The registry's 许可证编号 ({@code express_licence.number}, unique), recorded from a form or an import as typed until
 * V234, rewritten as {@link Text#identifier} writes them (the form {@code Licences} now stores and looks them up in);
 * collisions as {@link DataMigration#normaliseDocumentNumbers}.
 */
@Component
class LicenceNumberStore implements StoredIdentifiers {

	@Override
	public void normalise(Connection connection) throws SQLException {
		DataMigration.normaliseNumbers(connection, "express_licence", "number", "''", Text::identifier);
	}
}
