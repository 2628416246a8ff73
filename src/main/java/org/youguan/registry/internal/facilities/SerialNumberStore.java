package org.youguan.registry.internal.facilities;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredIdentifiers;

/**
 * The screening machines' serial numbers ({@code facility.serial_number}, unique), recorded from a form or an import
 * as typed until V234, rewritten as {@link Text#identifier} writes them (the form {@code Facilities} now stores and a
 * parcel record's {@code screeningMachineSerial} is read in); collisions as
 * {@link DataMigration#normaliseDocumentNumbers}.
 */
@Component
class SerialNumberStore implements StoredIdentifiers {

	@Override
	public void normalise(Connection connection) throws SQLException {
		DataMigration.normaliseNumbers(connection, "facility", "serial_number", "''", Text::identifier);
	}
}
