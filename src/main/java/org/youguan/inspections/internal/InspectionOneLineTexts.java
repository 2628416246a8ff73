package org.youguan.inspections.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.platform.DataMigration;
import org.youguan.platform.OneLineTexts;

/**
 * The inspections' one-line texts (V244, {@link OneLineTexts}): a record's place (InspectionRecords) and each line of an
 * item's checklist (InspectionItems). The published versions of the item list and the lines recorded on field records
 * stay as published and recorded: they are the documents as issued.
 */
@Component
class InspectionOneLineTexts implements OneLineTexts {

	@Override
	public void clean(Connection connection) throws SQLException {
		OneLineTexts.rewrite(connection, "id", "inspection_record.place");
		DataMigration.rewriteLineArrays(connection, "inspection_item", "checklist", "id");
	}
}
