package org.youguan.safety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * Writes crafted parcel records as the ingestion writes them — Parquet under {@code day=…/province=…} (hive
 * partitioning) with the contract's snake_case columns — using DuckDB's {@code COPY … PARTITION_BY (day, province)}.
 */
final class ParcelFilesFixture {

	private ParcelFilesFixture() {
	}

	/**
	 * The SELECT of {@code n} records of one enterprise, sender pseudonym and day (10:00 China time), all real-name,
	 * inspected and screened; {@code courier} may be null.
	 */
	static String records(long enterprise, String pseudonym, LocalDate day, String courier, int n, String waybillPrefix) {
		return records(enterprise, pseudonym, day, courier, n, waybillPrefix, "320506");
	}

	/** The same records sent from another county ({@code senderRegion}). */
	static String records(long enterprise, String pseudonym, LocalDate day, String courier, int n, String waybillPrefix,
			String senderRegion) {
		return "SELECT " + enterprise + "::BIGINT AS enterprise_id, '" + waybillPrefix + "' || i AS waybill_number, "
				+ "TIMESTAMPTZ '" + day + " 10:00:00+08' AS accepted_at, 'RESIDENT_ID' AS sender_id_type, "
				+ (pseudonym == null ? "NULL::VARCHAR" : "'" + pseudonym + "'") + " AS sender_id_pseudonym, "
				+ "'" + senderRegion + "' AS sender_region, '110105' AS recipient_region, '日用品' AS item_category, 500 AS weight_grams, "
				+ "'ON_SITE' AS real_name_method, true AS inspected, true AS screened, "
				+ "NULL::VARCHAR AS screening_machine_serial, NULL::VARCHAR AS outlet_filing_number, "
				+ (courier == null ? "NULL::VARCHAR" : "'" + courier + "'") + " AS courier_id, false AS exempt, "
				+ "true AS real_name, DATE '" + day + "' AS day, '32' AS province FROM range(" + n + ") t(i)";
	}

	/** Writes the rows of the SELECTs (UNION ALL) under {@code root} in the records' layout. */
	static void write(Path root, String... selects) throws SQLException, IOException {
		Files.createDirectories(root);
		try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
			s.execute("COPY (" + String.join(" UNION ALL ", selects) + ") TO '" + root.toAbsolutePath()
					+ "' (FORMAT PARQUET, PARTITION_BY (day, province), OVERWRITE_OR_IGNORE true, FILENAME_PATTERN 'test_{uuid}')");
		}
	}
}
