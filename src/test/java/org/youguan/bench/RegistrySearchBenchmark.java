package org.youguan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.region.RegionImport;
import org.youguan.region.RegionImporter;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3's target: with 300,000 outlets and 20,000 enterprises across the country's streets, name search (Chinese
 * substring) and filtered lists answer with p95 < 50 ms. Measured through the registry services (the same SQL the
 * pages and APIs run), against a baseline in the same run: a primary-key lookup of one outlet through the same stack.
 * Run: {@code ./mvnw -Pbench test -Dtest=RegistrySearchBenchmark} (needs ../shared/data/regions for the streets).
 */
@IntegrationTest
class RegistrySearchBenchmark {

	static final int OUTLETS = 300_000;

	static final int ENTERPRISES = 20_000;

	static final int RUNS = 200;

	@Autowired
	Outlets outlets;

	@Autowired
	Enterprises enterprises;

	@Autowired
	RegionImporter regions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void searchAtNationalScale() throws Exception {
		Path streets = Path.of("..", "shared", "data", "regions", "streets.csv");
		Assumptions.assumeTrue(Files.exists(streets), "shared data not present");
		RegionImport imported = regions.importNow("streets.csv", Files.readAllBytes(streets), null);
		assertThat(imported.phase()).isEqualTo(RegionImport.Phase.DONE);
		generate();

		DataScope province = DataScope.region("32");
		DataScope city = DataScope.region("3205");
		long anyId = jdbc.queryForObject("SELECT max(id) FROM terminal_outlet WHERE region_code LIKE '32%'", Long.class);
		Long zto = jdbc.queryForObject("SELECT id FROM brand WHERE short_name = '中通'", Long.class);

		double baseline = p95(() -> outlets.get(province, anyId));
		List<String[]> rows = new ArrayList<>();
		rows.add(row("outlet name search “菜鸟驿站”, province scope", p95(() -> outlets.list(province, Outlets.Filter.NONE,
				new PageQuery("菜鸟驿站", 0, 20, null, false))), baseline));
		rows.add(row("outlet search “中通 吴中” (brand + place words)", p95(() -> outlets.list(province, Outlets.Filter.NONE,
				new PageQuery("中通 吴中", 0, 20, null, false))), baseline));
		// a word of two characters: no trigram for the index, so the rows in scope are read (issue 12, run 8)
		rows.add(row("outlet name search “菜鸟” (two characters), province scope", p95(() -> outlets.list(province,
				Outlets.Filter.NONE, new PageQuery("菜鸟", 0, 20, null, false))), baseline));
		rows.add(row("outlet name search “菜鸟” (two characters), city scope", p95(() -> outlets.list(DataScope.region("3205"),
				Outlets.Filter.NONE, new PageQuery("菜鸟", 0, 20, null, false))), baseline));
		rows.add(row("outlet name search “菜鸟驿站”, national scope", p95(() -> outlets.list(DataScope.all(), Outlets.Filter.NONE,
				new PageQuery("菜鸟驿站", 0, 20, null, false))), baseline));
		rows.add(row("filtered list: brand + filed + city, sorted, page 3", p95(() -> outlets.list(city,
				new Outlets.Filter(zto, OutletStatus.FILED, null, null), new PageQuery("", 3, 20, "name", false))), baseline));
		rows.add(row("enterprise name search “快递服务”, province scope", p95(() -> enterprises.list(province,
				Enterprises.Filter.NONE, new PageQuery("快递服务", 0, 20, null, false))), baseline));
		System.out.printf("%nBENCH registry search: %,d outlets, %,d enterprises; baseline (outlet by primary key) p95 %.2f ms%n",
				count("terminal_outlet"), count("enterprise"), baseline);
		for (String[] r : rows) {
			System.out.printf("BENCH %-58s p95 %7s ms  ratio %6s%n", r[0], r[1], r[2]);
		}
		System.out.println();
	}

	private void generate() {
		if (count("terminal_outlet") >= OUTLETS) {
			return;
		}
		jdbc.execute("""
				INSERT INTO enterprise (legal_name, credit_code, type, brand_id, region_code, status, created_at)
				SELECT c.name || b.short_name || '快递服务有限公司' || g, 'B' || lpad(g::text, 17, '0'), 'EXPRESS',
				       b.id, c.code, 'NORMAL', now()
				FROM generate_series(1, %d) g
				JOIN LATERAL (SELECT id, short_name FROM brand ORDER BY id OFFSET (g %% 9) LIMIT 1) b ON true
				JOIN LATERAL (SELECT code, name FROM region WHERE level = 'COUNTY' ORDER BY code OFFSET (g * 7919 %% 2900) LIMIT 1) c ON true
				""".formatted(ENTERPRISES));
		jdbc.execute("CREATE TEMP TABLE bench_street AS SELECT row_number() OVER (ORDER BY code) AS n, code, name FROM region WHERE level = 'STREET'");
		jdbc.execute("CREATE TEMP TABLE bench_enterprise AS SELECT row_number() OVER (ORDER BY id) AS n, id, credit_code, brand_id FROM enterprise");
		long streets = count("bench_street");
		long enterpriseCount = count("bench_enterprise");
		String[] kinds = { "菜鸟驿站（%s%s号店）", "%s快递超市%s", "兔喜生活（%s店%s）", "妈妈驿站（%s%s号店）", "%s营业部%s", "%s服务点%s" };
		jdbc.execute("""
				INSERT INTO terminal_outlet (name, enterprise_id, operator_credit_code, brand_id, cooperation, address,
				    region_code, manager_name, manager_id_cipher, manager_id_masked, manager_phone_cipher, manager_phone_masked,
				    storage_area, has_communications,
				    has_shelving, has_surveillance, has_signage, opened_on, filing_number, status, created_at)
				SELECT format((ARRAY[%s])[1 + g %% 6], s.name, g), e.id, e.credit_code, e.brand_id, 'FRANCHISE',
				       s.name || '测试路' || g || '号', s.code, '测试', '\\x00'::bytea, '110105********0021',
				       '\\x00'::bytea, '199****0000', 30,
				       true, true, true, true, date '2024-01-01' + (g %% 700),
				       CASE WHEN g %% 10 < 8 THEN 'BENCH-' || g END, CASE WHEN g %% 10 < 8 THEN 'FILED' ELSE 'PENDING' END, now()
				FROM generate_series(1, %d) g
				JOIN bench_street s ON s.n = 1 + (g::bigint * 104729 %% %d)
				JOIN bench_enterprise e ON e.n = 1 + (g * 7 %% %d)
				""".formatted(String.join(",", Arrays.stream(kinds).map(k -> "'" + k + "'").toList()), OUTLETS, streets,
				enterpriseCount));
		// settle the tables so autovacuum does not compete with the measurement on two cores
		jdbc.execute("VACUUM ANALYZE enterprise");
		jdbc.execute("VACUUM ANALYZE terminal_outlet");
	}

	private long count(String table) {
		return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
	}

	static double p95(Supplier<?> query) {
		for (int i = 0; i < 100; i++) {
			query.get();
		}
		double[] ms = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long t0 = System.nanoTime();
			query.get();
			ms[i] = (System.nanoTime() - t0) / 1e6;
		}
		Arrays.sort(ms);
		return ms[(int) Math.ceil(RUNS * 0.95) - 1];
	}

	static String[] row(String what, double p95, double baseline) {
		return new String[] { what, "%.2f".formatted(p95), "%.1f".formatted(p95 / baseline) };
	}
}
