package org.youguan.inspections.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredIdentifiers;

/**
 * The roster's 执法证号 ({@code inspector.certificate_number}, unique), recorded as typed until V234, rewritten as
 * {@link Text#identifier} writes them (the form {@code Inspectors} now stores and looks them up in, so a certificate
 * typed in full-width letters on a case team or an inspection record finds its inspector); collisions as
 * {@link DataMigration#normaliseDocumentNumbers}.
 */
@Component
class CertificateNumberStore implements StoredIdentifiers {

	@Override
	public void normalise(Connection connection) throws SQLException {
		DataMigration.normaliseNumbers(connection, "inspector", "certificate_number", "''", Text::identifier);
	}
}
