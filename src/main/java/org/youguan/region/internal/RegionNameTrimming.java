package org.youguan.region.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;
import org.youguan.platform.DataMigration;
import org.youguan.platform.StoredNames;

/**
 * The regions' names trimmed as {@link Text#strip} trims them (V236, {@link StoredNames}): a street imported from a CSV
 * as "测试街道戊\u00A0" is 测试街道戊 (the code, the key, holds digits only and is left alone).
 */
@Component
class RegionNameTrimming implements StoredNames {

	@Override
	public void trim(Connection connection) throws SQLException {
		DataMigration.rewriteCopies(connection, "region", "name",
				StoredNames.untrimmed("name"), Text::blankToNull, "code");
	}
}
