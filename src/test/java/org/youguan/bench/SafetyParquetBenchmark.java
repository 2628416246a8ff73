package org.youguan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's target: an ad-hoc query over one month's raw Parquet records of one province (~1 billion rows nationally /
 * 31 ≈ 32 M rows) answers in < 30 s. The month is generated with DuckDB in the writers' layout
 * ({@code day=…/province=…}, the contract's columns; {@code bench.safety.rows}, default 32,000,000) under
 * {@code target/bench-parcels}; the ad-hoc queries (real-name rate per enterprise and county, the busiest senders, one
 * sender's parcels) read it with {@code read_parquet(…, hive_partitioning = true)} as the alert rules and an analyst
 * would, against a floor in the same run: {@code count(*)} of the same files. Run:
 * {@code ./mvnw -Pbench test -Dtest=SafetyParquetBenchmark}.
 */
class SafetyParquetBenchmark {

	@Test
	void provinceMonthAdHocQueries() throws Exception {
		long n = Long.getLong("bench.safety.rows", 32_000_000L);
		Path root = Path.of("target/bench-parcels").toAbsolutePath();
		delete(root);
		Files.createDirectories(root);
		try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
			s.execute("SET threads = 2");
			s.execute("SET memory_limit = '2GB'");
			long t0 = System.nanoTime();
			// 5 M distinct senders (pseudonyms from a pool: md5 of the sender number, 32 hex twice = 64 like the HMAC)
			s.execute("COPY (SELECT (i % 300)::BIGINT AS enterprise_id, 'SF' || lpad(i::VARCHAR, 13, '0') AS waybill_number, "
					+ "TIMESTAMPTZ '2026-01-01 00:00:00+08' + to_seconds((i * 2678400 // " + n + ")::BIGINT) AS accepted_at, "
					+ "'RESIDENT_ID' AS sender_id_type, md5((hash(i) % 5000000)::VARCHAR) || md5((hash(i) % 5000000)::VARCHAR || 'x') AS sender_id_pseudonym, "
					+ "'32' || lpad((1 + i % 13)::VARCHAR, 2, '0') || lpad((1 + (i // 13) % 9)::VARCHAR, 2, '0') AS sender_region, "
					+ "'110105' AS recipient_region, '日用品' AS item_category, (100 + i % 5000)::INTEGER AS weight_grams, "
					+ "CASE WHEN i % 50 = 0 THEN 'AGREEMENT_CUSTOMER' ELSE 'ON_SITE' END AS real_name_method, "
					+ "true AS inspected, i % 9 <> 0 AS screened, NULL::VARCHAR AS screening_machine_serial, "
					+ "'FN-' || (i % 20000)::VARCHAR AS outlet_filing_number, 'C-' || (i % 40000)::VARCHAR AS courier_id, "
					+ "i % 50 = 0 AS exempt, i % 50 <> 0 AND i % 997 <> 0 AS real_name, "
					+ "DATE '2026-01-01' + ((i * 2678400 // " + n + ") // 86400)::INTEGER AS day, "
					+ "'32' AS province FROM range(" + n + ") t(i)) TO '" + root + "' (FORMAT PARQUET, PARTITION_BY (day, province))");
			double generated = (System.nanoTime() - t0) / 1e9;
			long bytes;
			try (Stream<Path> files = Files.walk(root)) {
				bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
			}
			String month = "read_parquet('" + root + "/day=2026-01-*/province=32/*.parquet', hive_partitioning = true)";
			double floor = time(s, "SELECT count(*) FROM " + month);
			double perEnterprise = time(s, "SELECT enterprise_id, count(*) AS parcels, "
					+ "sum(real_name::INT) * 100.0 / nullif(count(*) - sum(exempt::INT), 0) AS real_name_rate, "
					+ "avg(screened::INT) * 100 AS screening_rate FROM " + month + " GROUP BY 1 ORDER BY 3 LIMIT 20");
			double perCountyDay = time(s, "SELECT sender_region, day, count(*), sum(real_name::INT) FROM " + month
					+ " GROUP BY 1, 2 ORDER BY 1, 2");
			String top = "SELECT sender_id_pseudonym, count(*) AS n, count(DISTINCT enterprise_id) AS e FROM " + month
					+ " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10";
			double topSenders = time(s, top);
			// the same answer, grouping first by the pseudonym's 64-bit hash (8 bytes a key instead of 64 characters),
			// then counting exactly the senders of the 20 largest hash groups: a hash group counts at least its sender,
			// so the ten busiest senders are among them unless more than ten collisions outrank them
			String topByHash = "WITH h AS (SELECT hash(sender_id_pseudonym) AS h, count(*) AS n FROM " + month
					+ " GROUP BY 1 ORDER BY 2 DESC LIMIT 20) SELECT sender_id_pseudonym, count(*) AS n, "
					+ "count(DISTINCT enterprise_id) AS e FROM " + month + " WHERE hash(sender_id_pseudonym) IN (SELECT h FROM h) "
					+ "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10";
			double topSendersByHash = time(s, topByHash);
			assertThat(rowsOf(s, topByHash)).as("the same ten senders").isEqualTo(rowsOf(s, top));
			double oneSender = time(s, "SELECT waybill_number, accepted_at, enterprise_id FROM " + month
					+ " WHERE sender_id_pseudonym = md5('4242') || md5('4242x')");
			long rows;
			try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + month)) {
				rs.next();
				rows = rs.getLong(1);
			}
			System.out.printf("%nBENCH safety Parquet: %,d rows of one province-month generated in %.0f s, %,d MB%n", rows,
					generated, bytes >> 20);
			System.out.printf("BENCH floor: count(*) of the month's files              %8.2f s%n", floor);
			print("real-name/screening rate per enterprise", perEnterprise, floor);
			print("parcels and real-name per county and day", perCountyDay, floor);
			print("10 busiest senders (group by pseudonym)", topSenders, floor);
			print("10 busiest senders (by hash, then exact)", topSendersByHash, floor);
			print("one sender's parcels (filter on pseudonym)", oneSender, floor);
			System.out.println();
			assertThat(rows).isEqualTo(n);
			assertThat(Math.max(Math.max(perEnterprise, perCountyDay), Math.max(topSendersByHash, oneSender)))
				.as("ad-hoc province-month query < 30 s").isLessThan(30);
		}
		finally {
			delete(root);
		}
	}

	/** The rows of a query as text, in order. */
	private static List<String> rowsOf(Statement s, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				rows.add(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getLong(3));
			}
		}
		return rows;
	}

	private static void print(String what, double s, double floor) {
		System.out.printf("BENCH %-48s %8.2f s  ratio %6.1f%n", what, s, s / floor);
	}

	/** Seconds of one run (after one warm-up run: the files in the page cache, as on a machine that just wrote them). */
	private static double time(Statement s, String sql) throws SQLException {
		try (ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				// drain
			}
		}
		long t0 = System.nanoTime();
		try (ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				// drain
			}
		}
		return (System.nanoTime() - t0) / 1e9;
	}

	private static void delete(Path root) throws IOException {
		if (Files.exists(root)) {
			try (Stream<Path> all = Files.walk(root)) {
				for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}
}
