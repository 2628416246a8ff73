package org.youguan.enforcement.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.youguan.platform.DataMigration;
import org.youguan.rules.LegalText;
import org.youguan.rules.ViolationType;

/**
 * V259: a published penalty decision (双公示) cites the law in force on the day it was decided, as the decision did: one
 * decided before the 2025 revision of the 快递暂行条例 took effect (2025-06-01) was published with the 2025 numbers
 * (《快递暂行条例》第五十条 for an unfiled outlet decided in 2024, which the 2019 text punished under 第四十条). Each such
 * publication's basis is written again from the catalogue as of its day decided ({@link ViolationType#formalBasisOn});
 * a publication of a code the product no longer knows stays as stored.
 */
@Component
class PublicationBasisInForce extends DataMigration {

	PublicationBasisInForce() {
		super("259", "published penalty bases cite the law in force on the day decided");
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		rewrite(connection, "SELECT id, publication_violation_code, publication_decided_on, publication_basis FROM penalty_case"
				+ " WHERE published_on IS NOT NULL AND publication_decided_on < DATE '"
				+ LegalText.EXPRESS_REGULATION.inForceFrom() + "' ORDER BY id",
				"UPDATE penalty_case SET publication_basis = ? WHERE id = ?",
				row -> new Object[] { basis(row.getString("publication_violation_code"),
						row.getObject("publication_decided_on", LocalDate.class), row.getString("publication_basis")) });
	}

	private static String basis(String code, LocalDate decidedOn, String stored) {
		try {
			return code == null ? stored : ViolationType.valueOf(code).formalBasisOn(decidedOn);
		}
		catch (IllegalArgumentException ex) {
			return stored;
		}
	}
}
