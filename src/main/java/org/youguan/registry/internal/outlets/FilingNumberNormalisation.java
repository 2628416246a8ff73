package org.youguan.registry.internal.outlets;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredNumbers;

/**
 * The 备案编号 of outlets filed before YouGuan, stored as imported or typed ({@code terminal_outlet.filing_number},
 * unique), rewritten by V231 as {@link Text#identifier} now writes them: a number of the automatic form typed without
 * its padding or with other dashes (网点备案-320506-2026-75) is the series' 网点备案-320506-2026-000075, so the series
 * passes over it ({@code Outlets.reserveNew}) and a lookup finds it. Collisions as
 * {@link DataMigration#normaliseDocumentNumbers}.
 */
@Component
class FilingNumberNormalisation implements StoredNumbers {

	@Override
	public void normalise(Connection connection) throws SQLException {
		DataMigration.normaliseNumbers(connection, "terminal_outlet", "filing_number", "''", Text::identifier);
	}
}
