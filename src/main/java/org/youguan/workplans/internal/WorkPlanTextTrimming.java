package org.youguan.workplans.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredNames;

/**
 * The work plans' titles and tasks' text trimmed as {@link Text#strip} trims them (V236, {@link StoredNames}). The
 * content fingerprint (V232) is left as it is: it leaves every space out already.
 */
@Component
class WorkPlanTextTrimming implements StoredNames {

	@Override
	public void trim(Connection connection) throws SQLException {
		DataMigration.rewriteCopies(connection, "work_plan", "title",
				StoredNames.untrimmed("title"), Text::blankToNull, "id");
		DataMigration.rewriteCopies(connection, "work_task", "text",
				StoredNames.untrimmed("text"), Text::blankToNull, "id");
	}
}
