package org.youguan.bench;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.youguan.IntegrationTest;
import org.youguan.complaints.ComplaintFigures;
import org.youguan.complaints.ComplaintStatus;
import org.youguan.complaints.internal.ComplaintRollup;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.platform.Secrets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's targets: with 1,000,000 past complaints, the staff queue and search answer with p95 < 100 ms; issue 12's:
 * a year's province figures (totals, by brand, by county) answer from the roll-up in well under 200 ms, printed with
 * their ratio to the recount from the complaint rows in the same run (and checked equal to it). Measured through the complaint services against a baseline in the same
 * run: one complaint by primary key through the same service. Run: {@code ./mvnw -Pbench test -Dtest=ComplaintBenchmark}.
 */
@IntegrationTest
class ComplaintBenchmark {

	static final int COMPLAINTS = 1_000_000;

	@Autowired
	ComplaintQueries queries;

	@Autowired
	ComplaintFigures figures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ComplaintRollup rollup;

	@Autowired
	Secrets secrets;

	@Test
	void queueSearchAndFiguresAtAMillionComplaints() {
		generate();
		DataScope city = DataScope.region("3205");
		DataScope province = DataScope.region("32");
		long anyId = jdbc.queryForObject("SELECT max(id) FROM complaint WHERE region_code LIKE '3205%'", Long.class);
		String number = jdbc.queryForObject("SELECT number FROM complaint WHERE id = ?", String.class, anyId - 5000);
		int year = YearMonth.now().getYear() - 1;
		YearMonth from = YearMonth.of(year, 1);
		YearMonth to = YearMonth.of(year, 12);

		double baseline = RegistrySearchBenchmark.p95(() -> queries.get(city, anyId));
		List<String[]> rows = new ArrayList<>();
		rows.add(RegistrySearchBenchmark.row("city queue: open complaints, newest first, page 1", RegistrySearchBenchmark.p95(
				() -> queries.list(city, new ComplaintQueries.Filter(ComplaintStatus.TRANSFERRED, null, null),
						new PageQuery("", 0, 20, null, true))), baseline));
		rows.add(RegistrySearchBenchmark.row("city queue: overdue only", RegistrySearchBenchmark.p95(
				() -> queries.list(city, new ComplaintQueries.Filter(null, true, null), new PageQuery("", 0, 20, "step_due", false))),
				baseline));
		rows.add(RegistrySearchBenchmark.row("search by complaint number, province scope", RegistrySearchBenchmark.p95(
				() -> queries.list(province, ComplaintQueries.Filter.NONE, new PageQuery(number, 0, 20, null, true))), baseline));
		rows.add(RegistrySearchBenchmark.row("search by category, city, page 3", RegistrySearchBenchmark.p95(
				() -> queries.list(city, new ComplaintQueries.Filter(null, null, "丢失短少"), new PageQuery("", 2, 20, null, true))),
				baseline));
		// the recount from the complaint rows (what the figures read before the roll-up): one run, it takes long
		long t0 = System.nanoTime();
		var recountByBrand = figures.recountByBrand(province, "32", from, to);
		var recountByCounty = figures.recountBy(province, "county", "32", from, to);
		var recountTotals = figures.recountTotals(province, "32", from, to);
		double recountMs = (System.nanoTime() - t0) / 1e6;
		// the same figures from the roll-up, as the pages read them now
		double rolledUpMs = RegistrySearchBenchmark.p95(() -> {
			figures.byBrand(province, "32", from, to);
			figures.by(province, "county", "32", from, to);
			return figures.totals(province, "32", from, to);
		});
		var byBrand = figures.byBrand(province, "32", from, to);
		var byCounty = figures.by(province, "county", "32", from, to);
		var totals = figures.totals(province, "32", from, to);
		System.out.printf("%nBENCH complaints: %,d complaints; baseline (one complaint by primary key) p95 %.2f ms%n",
				jdbc.queryForObject("SELECT count(*) FROM complaint", Long.class), baseline);
		for (String[] r : rows) {
			System.out.printf("BENCH %-58s p95 %7s ms  ratio %6s%n", r[0], r[1], r[2]);
		}
		System.out.printf("BENCH a year's province figures (totals, by brand, by county), recounted: %.0f ms (%,d received)%n",
				recountMs, recountTotals.received());
		System.out.printf("BENCH the same from the roll-up: p95 %.2f ms; recount / roll-up = %.0f%n%n", rolledUpMs,
				recountMs / rolledUpMs);
		assertThat(totals).isEqualTo(recountTotals);
		assertThat(byBrand).containsExactlyInAnyOrderElementsOf(recountByBrand);
		assertThat(byCounty).containsExactlyElementsOf(recountByCounty);
		assertThat(byBrand).isNotEmpty();
		assertThat(byCounty).isNotEmpty();
	}

	/** A million complaints over three years across the province's counties and the nine brands, mostly closed. */
	private void generate() {
		if (jdbc.queryForObject("SELECT count(*) FROM complaint", Long.class) >= COMPLAINTS) {
			return;
		}
		jdbc.execute("CREATE TEMP TABLE bench_county AS SELECT row_number() OVER (ORDER BY code) AS n, code FROM region "
				+ "WHERE level = 'COUNTY' AND code LIKE '32%'");
		int counties = jdbc.queryForObject("SELECT count(*) FROM bench_county", Integer.class);
		// one real ciphertext for every generated filer, so a generated complaint opens like a real one
		byte[] cipher = secrets.encrypt("19900000000", "complaint.filer_phone");
		jdbc.update("""
				INSERT INTO complaint (number, query_code_hash, channel, filer_name, filer_phone_cipher, filer_phone_index,
				    filer_phone_masked, filer_role, region_code, brand_id,
				    brand_name, enterprise_name, waybill_number, posted_on, prior_complained_on, prior_channel, category, reason,
				    description, status, received_at, received_on, answer_due, transfer_due, step_due, transferred_on,
				    reply_responsibility, replied_on, reply_late, satisfaction, closed_on, valid_complaint, compensation_paid,
				    demo, created_at)
				SELECT 'BENCH-' || g, repeat('0', 64), 'WEB', '测试', ?,
				       sha256(('1990000' || lpad((g %% 10000)::text, 4, '0'))::bytea), '199****' || lpad((g %% 10000)::text, 4, '0'),
				       'SENDER',
				       c.code, b.id, b.short_name, b.short_name || '测试企业', 'W' || g, d - 10, d - 5, '电话',
				       (ARRAY['延误','丢失短少','投递服务','损毁','收寄服务','违规收费','代收货款','其他'])[1 + g %% 8],
				       (ARRAY['中转或运输延误','快件丢失','虚假签收','内件损坏','拒绝收寄','超标准收费','代收货款未及时返还','其他原因'])[1 + g %% 8],
				       '基准数据', CASE WHEN g %% 50 = 0 THEN 'TRANSFERRED' ELSE 'CLOSED' END, d::timestamptz, d, d + 30, d + 2,
				       CASE WHEN g %% 50 = 0 THEN d + 9 END, d + 1, CASE WHEN g %% 3 = 0 THEN 'NOT_RESPONSIBLE' ELSE 'RESPONSIBLE' END,
				       CASE WHEN g %% 50 <> 0 THEN d + 6 END, g %% 20 = 0, CASE WHEN g %% 50 <> 0 THEN 'SATISFIED' END,
				       CASE WHEN g %% 50 <> 0 THEN d + 12 END, CASE WHEN g %% 50 <> 0 THEN g %% 3 <> 0 END, (g %% 300), true, now()
				FROM generate_series(1, %d) g
				JOIN bench_county c ON c.n = 1 + (g %% %d)
				JOIN LATERAL (SELECT id, short_name FROM brand ORDER BY id OFFSET (g %% 9) LIMIT 1) b ON true
				CROSS JOIN LATERAL (SELECT (current_date - (g %% 1095))::date AS d) x
				""".formatted(COMPLAINTS, counties), (Object) cipher);
		// generated rows bypass the procedure: recount the figures' roll-up once
		rollup.rebuild();
		jdbc.execute("VACUUM ANALYZE complaint");
		jdbc.execute("VACUUM ANALYZE complaint_rollup");
	}
}
