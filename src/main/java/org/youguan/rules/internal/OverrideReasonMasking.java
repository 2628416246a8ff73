package org.youguan.rules.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.youguan.kernel.Masking;
import org.youguan.platform.DataMigration;

/**
 * V277: the reasons of rule overrides stored before they were stored masked ({@code StatutoryRules.override} masks
 * them since attack f8 item 2) are rewritten with their personal numbers masked
 * ({@code statutory_rule_override.reason}, {@link Masking#personalNumbersIn}: never longer than the text). A reason
 * without a personal number is left as stored. The pages show every stored reason masked anyway; this leaves no number
 * in the table either.
 */
@Component
class OverrideReasonMasking extends DataMigration {

	OverrideReasonMasking() {
		super("277", "mask personal numbers in stored rule override reasons");
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		record Row(String region, String rule, String reason) {
		}
		List<Row> rows = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement(
				"SELECT region_code, rule_code, reason FROM statutory_rule_override");
				ResultSet rs = select.executeQuery()) {
			while (rs.next()) {
				String reason = rs.getString(3);
				if (reason != null && Masking.holdsPersonalNumber(reason)) {
					rows.add(new Row(rs.getString(1), rs.getString(2), Masking.personalNumbersIn(reason)));
				}
			}
		}
		try (PreparedStatement update = connection.prepareStatement(
				"UPDATE statutory_rule_override SET reason = ? WHERE region_code = ? AND rule_code = ?")) {
			for (Row r : rows) {
				update.setString(1, r.reason());
				update.setString(2, r.region());
				update.setString(3, r.rule());
				update.addBatch();
			}
			update.executeBatch();
		}
	}
}
