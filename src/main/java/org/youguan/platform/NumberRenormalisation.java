package org.youguan.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * V231: every module's stored 文号 and 编号 ({@link StoredNumbers}) rewritten as {@code kernel.Text} writes them since
 * it reads a year or sequence in capital or Chinese-digit numerals (〔二〇二五〕贰号 is 〔2025〕2号) and an automatic number
 * typed with other dashes, spaces or no padding (网点备案‐320506‐2026‐75 is 网点备案-320506-2026-000075): a number stored
 * before in such a form would otherwise not be found by, nor block, the same number typed in the written form.
 */
@Component
class NumberRenormalisation extends DataMigration {

	private final List<? extends StoredNumbers> modules;

	@Autowired
	NumberRenormalisation(List<StoredNumbers> modules) {
		this("231", "write stored 文号 and 编号 in capital or Chinese-digit numerals or other dashes as Text writes them",
				modules);
	}

	/** A later migration that runs the rewrite of some modules' numbers again ({@link IdentifierNormalisation}). */
	protected NumberRenormalisation(String version, String description, List<? extends StoredNumbers> modules) {
		super(version, description);
		this.modules = modules;
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		for (StoredNumbers m : modules) {
			m.normalise(connection);
		}
	}
}
