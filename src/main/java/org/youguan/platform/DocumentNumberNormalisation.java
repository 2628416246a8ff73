package org.youguan.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.youguan.kernel.Text;

/**
 * V216: every 文号 typed by hand and stored before {@link Text#documentNumber} wrote the sequence in Arabic digits
 * (〔2026〕一号 is 〔2026〕1号) and the product's automatic form with its six digits ({@code …-2026-2} is
 * {@code …-2026-000002}) is rewritten as that method now writes it — by the method itself, so stored and newly typed
 * numbers compare as one. The tables holding such 文号: {@code penalty_case.decision_number} (unique nationally),
 * {@code penalty_case_document.number} (the numbers the case's documents bear), {@code rectification_order.number}
 * (unique per region) and {@code post_office_approval.decision_number} (unique per city).
 * <p>
 * Two stored numbers may become one. The rule: within a table's uniqueness scope, the row already stored in the
 * written form keeps it; otherwise the earliest row (lowest id) takes it; every other row keeps its number exactly as
 * stored — never renumbered or suffixed, since the 文号 is printed on a paper document already served and the record
 * must say what the paper says — and is reported in the log (warning {@code V216 文号 collision}, table, ids and both
 * numbers) for the bureau to correct by hand. A case's documents follow its decision number: a document whose number
 * is a decision number kept as stored keeps it too.
 */
@Component
class DocumentNumberNormalisation extends DataMigration {

	private static final Logger log = LoggerFactory.getLogger(DocumentNumberNormalisation.class);

	DocumentNumberNormalisation() {
		super("216", "write stored 文号 as Text.documentNumber writes them");
	}

	@Override
	protected void migrate(Connection connection) throws SQLException {
		Set<String> keptDecisions = normalise(connection, "penalty_case", "decision_number", "''");
		normalise(connection, "rectification_order", "number", "region_code");
		normalise(connection, "post_office_approval", "decision_number", "substring(region_code, 1, 4)");
		rewrite(connection, "SELECT id, number FROM penalty_case_document ORDER BY id",
				"UPDATE penalty_case_document SET number = ? WHERE id = ?", row -> {
					String stored = row.getString("number");
					String written = keptDecisions.contains(stored) ? stored : Text.documentNumber(stored);
					return new Object[] { written == null ? stored : written };
				});
	}

	private record Row(long id, String scope, String stored, String written) {
	}

	/**
	 * Rewrites {@code column} of {@code table} as {@link Text#documentNumber} writes it, one number per
	 * {@code scope} (an SQL expression over the row: the uniqueness scope of its index).
	 * @return the numbers kept as stored because their written form was another row's
	 */
	private static Set<String> normalise(Connection connection, String table, String column, String scope)
			throws SQLException {
		Map<List<String>, List<Row>> byNumber = new LinkedHashMap<>();
		try (Statement read = connection.createStatement();
				ResultSet rows = read.executeQuery("SELECT id, " + scope + " AS scope, " + column + " AS number FROM " + table
						+ " WHERE " + column + " IS NOT NULL ORDER BY id")) {
			while (rows.next()) {
				String stored = rows.getString("number");
				String written = Objects.requireNonNullElse(Text.documentNumber(stored), stored);
				Row r = new Row(rows.getLong("id"), rows.getString("scope"), stored, written);
				byNumber.computeIfAbsent(List.of(r.scope(), written), k -> new ArrayList<>()).add(r);
			}
		}
		Set<String> kept = new HashSet<>();
		try (PreparedStatement write = connection.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE id = ?")) {
			for (List<Row> same : byNumber.values()) {
				Row holder = same.stream().filter(r -> r.stored().equals(r.written())).findFirst().orElse(same.get(0));
				for (Row r : same) {
					if (r == holder) {
						if (!r.stored().equals(r.written())) {
							write.setString(1, r.written());
							write.setLong(2, r.id());
							write.addBatch();
						}
					}
					else if (!r.stored().equals(r.written())) {
						kept.add(r.stored());
						log.warn("V216 文号 collision in {}.{}: id {} keeps '{}' as stored (written '{}', held by id {})", table,
								column, r.id(), r.stored(), r.written(), holder.id());
					}
				}
			}
			write.executeBatch();
		}
		return kept;
	}
}
