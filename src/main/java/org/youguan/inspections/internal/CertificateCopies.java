package org.youguan.inspections.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.youguan.inspections.Inspectors;
import org.youguan.platform.CopiedIdentifiers;
import org.youguan.platform.DataMigration;

/**
 * V235 in this module: the roster's 执法证号 ({@code inspector.certificate_number}) with their letters upper-cased
 * ({@link Inspectors#certificateNumber}; collisions as {@link DataMigration#normaliseDocumentNumbers}), and their
 * copies in that form — an inspection record's team ({@code inspection_record_inspector.certificate_number}, stored as
 * typed) and a plan's drawn team ({@code inspection_plan_target.certificates}, copied from the roster before V234) —
 * so a record's team is matched to the roster and a request sent twice is recognised by its team.
 */
@Component
class CertificateCopies implements CopiedIdentifiers {

	@Override
	public void normalise(Connection connection) throws SQLException {
		DataMigration.normaliseNumbers(connection, "inspector", "certificate_number", "''", Inspectors::certificateNumber);
		DataMigration.rewriteCopies(connection, "inspection_record_inspector", "certificate_number",
				Inspectors::certificateNumber, "record_id", "position");
		try (Statement read = connection.createStatement();
				ResultSet rows = read.executeQuery("SELECT plan_id, rank, certificates FROM inspection_plan_target");
				PreparedStatement write = connection.prepareStatement(
						"UPDATE inspection_plan_target SET certificates = ? WHERE plan_id = ? AND rank = ?")) {
			while (rows.next()) {
				String[] stored = (String[]) rows.getArray("certificates").getArray();
				String[] written = Arrays.stream(stored)
					.map(c -> Objects.requireNonNullElse(Inspectors.certificateNumber(c), c))
					.toArray(String[]::new);
				if (!Arrays.equals(stored, written)) {
					Array array = connection.createArrayOf("text", written);
					write.setArray(1, array);
					write.setLong(2, rows.getLong("plan_id"));
					write.setInt(3, rows.getInt("rank"));
					write.addBatch();
				}
			}
			write.executeBatch();
		}
	}
}
