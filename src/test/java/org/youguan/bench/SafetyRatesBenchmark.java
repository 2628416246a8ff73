package org.youguan.bench;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.safety.SafetyRates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's target: the rates of any region and month over 1 billion records answer in < 1 s from the rollups.
 * Generated with PostgreSQL {@code generate_series}: the rollup rows a month produces — 744 China-time hours × the
 * (enterprise, outlet, county) combinations that accept parcels in an hour, ~17 parcels a row. The measured city
 * (3205) gets its full share: 10 counties × 10 enterprises × 20 outlets = 2,000 combinations an hour, 1.49 M rows,
 * ≈ 25 M parcels (≈ 2.5 % of 1 billion, Suzhou's order of share); the rest of the country is generated at
 * {@code bench.safety.others} combinations an hour (default 10,000: 7.4 M rows). The city's query reads only its index
 * range (sender_region, hour), so the rest of the country changes the B-tree's depth, not the rows read — see
 * docs/performance.md for the extrapolation to the full 60 M rows. Timed against a floor in the same run: one rollup row
 * by primary key. Run: {@code ./mvnw -Pbench test -Dtest=SafetyRatesBenchmark}.
 */
@IntegrationTest
class SafetyRatesBenchmark {

	static final int HOURS = 744;

	static final int CITY = 2_000;

	static final long ENTERPRISE_BASE = 900_000_000L;

	@Autowired
	SafetyRates rates;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void cityMonthRatesFromTheRollups() {
		int others = Integer.getInteger("bench.safety.others", 10_000);
		jdbc.update("DELETE FROM safety_parcel_hour WHERE enterprise_id >= ?", ENTERPRISE_BASE);
		jdbc.update("DELETE FROM safety_parcel_day WHERE enterprise_id >= ?", ENTERPRISE_BASE);
		long t0 = System.nanoTime();
		jdbc.update("""
				INSERT INTO safety_parcel_hour (hour, enterprise_id, outlet_filing_number, sender_region, parcels, exempt,
				    real_name, inspected, screened)
				SELECT timestamptz '2026-01-01 00:00+08' + h * interval '1 hour', ? + (c % 10), 'BENCH-' || c,
				    CASE WHEN c < ? THEN '3205' || lpad((1 + (c / 200) % 10)::text, 2, '0')
				         ELSE (11 + c % 21)::text || lpad((1 + (c / 21) % 20)::text, 2, '0') || lpad((1 + c % 9)::text, 2, '0') END,
				    p, p / 40, p - p / 40 - (c % 997 = 0)::int, p, p - (c % 7 = 0)::int
				FROM generate_series(0, ? - 1) h, generate_series(0, ? - 1) c,
				     LATERAL (SELECT 10 + (h * 31 + c) % 15 AS p) x""", ENTERPRISE_BASE, CITY, HOURS, CITY + others);
		// the daily rows the sink writes beside the hourly ones (ParcelRollups), here summed from the generated hours
		jdbc.update("""
				INSERT INTO safety_parcel_day (day, enterprise_id, outlet_filing_number, sender_region, parcels, exempt,
				    real_name, inspected, screened)
				SELECT (hour AT TIME ZONE 'Asia/Shanghai')::date, enterprise_id, outlet_filing_number, sender_region,
				    sum(parcels), sum(exempt), sum(real_name), sum(inspected), sum(screened)
				FROM safety_parcel_hour WHERE enterprise_id >= ? GROUP BY 1, 2, 3, 4""", ENTERPRISE_BASE);
		jdbc.execute("ANALYZE safety_parcel_hour");
		jdbc.execute("ANALYZE safety_parcel_day");
		double generated = (System.nanoTime() - t0) / 1e9;
		long rows = jdbc.queryForObject("SELECT count(*) FROM safety_parcel_hour WHERE enterprise_id >= ?", Long.class,
				ENTERPRISE_BASE);
		long cityParcels = jdbc.queryForObject("SELECT sum(parcels) FROM safety_parcel_hour WHERE enterprise_id >= ? "
				+ "AND sender_region LIKE '3205%'", Long.class, ENTERPRISE_BASE);
		SafetyRates.Query month = new SafetyRates.Query("3205", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), null);
		DataScope city = DataScope.region("3205");

		long dayRows = jdbc.queryForObject("SELECT count(*) FROM safety_parcel_day WHERE enterprise_id >= ? "
				+ "AND sender_region LIKE '3205%'", Long.class, ENTERPRISE_BASE);
		double floor = p95(() -> jdbc.queryForObject("SELECT parcels FROM safety_parcel_day WHERE day = "
				+ "date '2026-01-15' AND enterprise_id = ? AND outlet_filing_number = 'BENCH-3' "
				+ "AND sender_region = '320501'", Long.class, ENTERPRISE_BASE + 3));
		double total = p95(() -> rates.total(city, month));
		double byEnterprise = p95(() -> rates.breakdown(city, month, SafetyRates.By.ENTERPRISE, PageQuery.of(null, 0, 20, null, null)));
		double byCounty = p95(() -> rates.breakdown(city, month, SafetyRates.By.COUNTY, PageQuery.of(null, 0, 20, null, null)));
		double trend = p95(() -> rates.trend(city, month, SafetyRates.Step.DAY));
		System.out.printf("%nBENCH safety rates: %,d hourly rollup rows generated in %.0f s (city 3205: %,d hourly rows, "
				+ "%,d daily rows, %,d parcels in the month)%n", rows, generated, (long) HOURS * CITY, dayRows, cityParcels);
		System.out.printf("BENCH floor: one rollup row by primary key          p95 %8.2f ms%n", floor);
		print("city month totals (3 rates)", total, floor);
		print("city month by enterprise (page of 20)", byEnterprise, floor);
		print("city month by county (page of 20)", byCounty, floor);
		print("city month day trend", trend, floor);
		System.out.println();
		try {
			assertThat(rates.total(city, month).parcels()).isEqualTo(cityParcels);
			assertThat(total).as("city month rates < 1 s").isLessThan(1000);
		}
		finally {
			jdbc.update("DELETE FROM safety_parcel_hour WHERE enterprise_id >= ?", ENTERPRISE_BASE);
			jdbc.update("DELETE FROM safety_parcel_day WHERE enterprise_id >= ?", ENTERPRISE_BASE);
		}
	}

	private static void print(String what, double p95, double floor) {
		System.out.printf("BENCH %-48s p95 %8.2f ms  ratio %8.1f%n", what, p95, p95 / floor);
	}

	/** p95 of 20 runs after 3 warm-ups (each run reads a month: hundreds of runs would take minutes). */
	static double p95(Supplier<?> query) {
		for (int i = 0; i < 3; i++) {
			query.get();
		}
		double[] ms = new double[20];
		for (int i = 0; i < ms.length; i++) {
			long t0 = System.nanoTime();
			query.get();
			ms[i] = (System.nanoTime() - t0) / 1e6;
		}
		Arrays.sort(ms);
		return ms[18];
	}
}
