package org.youguan.bench;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.statistics.Analysis;
import org.youguan.statistics.Indicator;
import org.youguan.statistics.Indicators;
import org.youguan.statistics.Slice;
import org.youguan.statistics.StatisticsRollup;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's target: with 10 years × 12 months × 3,000 reporting units × 30 indicators (≈ 10.8 M approved values) a
 * city-year summary with year-on-year growth and a province ranking answers with p95 < 200 ms. Measured through the
 * statistics services (the SQL the pages and the API run), against a baseline in the same run: one approved value by
 * primary key through the same pool. Run: {@code ./mvnw -Pbench test -Dtest=StatisticsBenchmark}.
 */
@IntegrationTest
class StatisticsBenchmark {

	static final int YEARS = 10;

	static final int UNITS = 3_000;

	static final int INDICATORS = 30;

	@Autowired
	Analysis analysis;

	@Autowired
	Indicators indicators;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatisticsRollup rollup;

	@Test
	void citySummaryAndProvinceRankingAtTenMillionValues() {
		generate();
		int year = YearMonth.now().getYear() - 1;
		DataScope province = DataScope.region("32");
		Indicator volume = indicators.get("express.volume");
		Indicator revenue = indicators.get("express.revenue");
		long anyFact = jdbc.queryForObject("SELECT max(id) FROM stat_fact", Long.class);
		Slice cityYear = new Slice("3205", null, YearMonth.of(year, 1), YearMonth.of(year, 12));
		Slice provinceYear = cityYear.inRegion("32");

		double baseline = RegistrySearchBenchmark.p95(
				() -> jdbc.queryForObject("SELECT value FROM stat_fact WHERE id = ?", BigDecimal.class, anyFact));
		List<String[]> rows = new ArrayList<>();
		rows.add(RegistrySearchBenchmark.row("city year: 快递业务量 (derived) with YoY (API aggregate)", RegistrySearchBenchmark.p95(
				() -> analysis.aggregate(province, "express.volume", "3205", null, year + "-01", year + "-12")), baseline));
		rows.add(RegistrySearchBenchmark.row("province ranking of cities by 快递业务量 with YoY", RegistrySearchBenchmark.p95(
				() -> analysis.byRegion(volume, provinceYear)), baseline));
		rows.add(RegistrySearchBenchmark.row("city summary + province ranking (one page's figures)", RegistrySearchBenchmark.p95(() -> {
			analysis.aggregate(province, "express.volume", "3205", null, year + "-01", year + "-12");
			analysis.aggregate(province, "express.revenue", "3205", null, year + "-01", year + "-12");
			analysis.byRegion(volume, provinceYear);
			return analysis.byRegion(revenue, provinceYear);
		}), baseline));
		rows.add(RegistrySearchBenchmark.row("city monthly trend this year vs last", RegistrySearchBenchmark.p95(
				() -> analysis.trend(volume, cityYear)), baseline));
		System.out.printf("%nBENCH statistics: %,d approved values; baseline (one value by primary key) p95 %.2f ms%n",
				jdbc.queryForObject("SELECT count(*) FROM stat_fact", Long.class), baseline);
		for (String[] r : rows) {
			System.out.printf("BENCH %-58s p95 %7s ms  ratio %6s%n", r[0], r[1], r[2]);
		}
		System.out.println();
		assertThat(analysis.aggregate(province, "express.volume", "3205", null, year + "-01", year + "-12").value()).isPositive();
	}

	/** 3,000 units over the province's counties, 10 years of months, the catalogue topped up to 30 indicators. */
	private void generate() {
		if (jdbc.queryForObject("SELECT count(*) FROM stat_fact", Long.class) >= (long) YEARS * 12 * UNITS * INDICATORS / 2) {
			return;
		}
		int existing = jdbc.queryForObject("SELECT count(*) FROM stat_indicator WHERE formula IS NULL", Integer.class);
		for (int i = existing; i < INDICATORS; i++) {
			jdbc.update("INSERT INTO stat_indicator (code, name, unit, value_type, aggregation, category, position) "
					+ "VALUES (?, ?, '件', 'INTEGER', 'SUM', 'BENCH', ?) ON CONFLICT DO NOTHING", "bench.i" + i, "基准指标" + i, 1000 + i);
		}
		jdbc.execute("CREATE TEMP TABLE bench_county AS SELECT row_number() OVER (ORDER BY code) AS n, code FROM region "
				+ "WHERE level = 'COUNTY' AND code LIKE '32%'");
		int counties = jdbc.queryForObject("SELECT count(*) FROM bench_county", Integer.class);
		YearMonth first = YearMonth.now().minusYears(YEARS).withMonth(1);
		jdbc.execute("""
				INSERT INTO stat_fact (indicator_code, period_start, period_end, region_code, brand_id, enterprise_id, source, value)
				SELECT i.code, m.start, (m.start + interval '1 month - 1 day')::date, c.code, 1 + (u %% 9), 1000000 + u, 'REPORT',
				       (1000 + (u * 37 + extract(month FROM m.start)::int * 101) %% 5000) * (1 + extract(year FROM m.start)::int %% 7)
				FROM generate_series(1, %d) u
				JOIN bench_county c ON c.n = 1 + (u %% %d)
				CROSS JOIN (SELECT (date '%s' + (k || ' month')::interval)::date AS start FROM generate_series(0, %d) k) m
				CROSS JOIN (SELECT code FROM stat_indicator WHERE formula IS NULL ORDER BY position LIMIT %d) i
				""".formatted(UNITS, counties, first.atDay(1), YEARS * 12 - 1, INDICATORS));
		rollup.rebuild();
		jdbc.execute("VACUUM ANALYZE stat_fact");
		jdbc.execute("VACUUM ANALYZE stat_rollup");
	}
}
