package org.youguan.bench;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.documents.ImportResult;
import org.youguan.documents.SheetRows;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.region.RegionImport;
import org.youguan.region.RegionImporter;
import org.youguan.universal.VillageMap;
import org.youguan.universal.VillageProfileImport;
import org.youguan.universal.VillageView;
import org.youguan.universal.Villages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's target: a province's villages load in under a minute. Imports the streets and villages of the demo city's
 * province (江苏, 32) from the shared region data, then loads the postal company's .xlsx list of a 通邮 profile for
 * every 村委会 of the province through the import every user runs (each row checked as a single profile, each saved
 * profile audited), then reads the whole province's register (profiles, last check, below-standard flag) and the
 * largest county's map. Baseline in the same run: the same profile rows with a bare batch INSERT into a scratch table
 * (no sheet, no checks, no audit). Run: {@code ./mvnw -Pbench test -Dtest=VillageRegisterBenchmark} (needs
 * ../shared/data/regions).
 */
@IntegrationTest
class VillageRegisterBenchmark {

	static final Path DATA = Path.of("..", "shared", "data", "regions");

	static final String PROVINCE = "32";

	@Autowired
	RegionImporter importer;

	@Autowired
	VillageProfileImport imports;

	@Autowired
	Villages villages;

	@Autowired
	VillageMap map;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void loadsAProvincesVillagesInUnderAMinute() throws Exception {
		Assumptions.assumeTrue(Files.exists(DATA.resolve("villages.csv.gz")), "shared data not present");
		RegionImport s = importer.importNow("streets.csv", Files.readAllBytes(DATA.resolve("streets.csv")), PROVINCE);
		RegionImport v = importer.importNow("villages.csv.gz", Files.readAllBytes(DATA.resolve("villages.csv.gz")), PROVINCE);
		assertThat(s.phase()).isEqualTo(RegionImport.Phase.DONE);
		assertThat(v.phase()).isEqualTo(RegionImport.Phase.DONE);
		List<String> codes = jdbc.queryForList("SELECT code FROM region_name v WHERE v.level = 'VILLAGE' AND "
				+ "v.name LIKE '%村委会%' AND v.code LIKE '" + PROVINCE + "%' ORDER BY code", String.class);
		String postal = jdbc.queryForObject("SELECT credit_code FROM enterprise WHERE type = 'POSTAL' ORDER BY id LIMIT 1",
				String.class);
		List<Object[]> rows = new ArrayList<>();
		List<byte[]> sheets = new ArrayList<>();
		for (int from = 0; from < codes.size(); from += SheetRows.DEFAULT_MAX_ROWS) {
			sheets.add(sheet(codes.subList(from, Math.min(codes.size(), from + SheetRows.DEFAULT_MAX_ROWS)), from, postal, rows));
		}
		long sheetBytes = sheets.stream().mapToLong(b -> b.length).sum();

		long t0 = System.nanoTime();
		int imported = 0;
		for (byte[] sheet : sheets) {
			ImportResult result = imports.importFile(DataScope.region(PROVINCE), sheet);
			assertThat(result.rejected()).as("%s", result.errors().stream().limit(3).toList()).isFalse();
			imported += result.imported();
		}
		long importMs = (System.nanoTime() - t0) / 1_000_000;
		assertThat(imported).isEqualTo(codes.size());

		t0 = System.nanoTime();
		List<VillageView> register = villages.list(DataScope.region(PROVINCE),
				new Villages.Filter(PROVINCE, null, false, false), new PageQuery("", 0, 20, "code", false).unpaged()).items();
		long registerMs = (System.nanoTime() - t0) / 1_000_000;
		assertThat(register).hasSize(codes.size());

		String largest = jdbc.queryForObject("SELECT substr(code, 1, 6) FROM region_name WHERE level = 'VILLAGE' AND "
				+ "name LIKE '%村委会%' AND code LIKE '" + PROVINCE + "%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", String.class);
		t0 = System.nanoTime();
		VillageMap.CountyMap county = map.county(DataScope.region(PROVINCE), largest);
		long mapMs = (System.nanoTime() - t0) / 1_000_000;

		jdbc.execute("CREATE TEMP TABLE IF NOT EXISTS bench_profile (village_code varchar(12) PRIMARY KEY, "
				+ "delivery_mode varchar(20), deliveries_per_week smallint, enterprise_credit_code varchar(18))");
		jdbc.execute("TRUNCATE bench_profile");
		t0 = System.nanoTime();
		tx.executeWithoutResult(st -> {
			for (int i = 0; i < rows.size(); i += 2000) {
				jdbc.batchUpdate("INSERT INTO bench_profile VALUES (?, ?, ?, ?)", rows.subList(i, Math.min(rows.size(), i + 2000)));
			}
		});
		long baselineMs = (System.nanoTime() - t0) / 1_000_000;
		System.out.printf("%nBENCH village register province %s: %d 村委会 (%d sheets of at most 10,000 rows, %d KB); profile import %d ms (target < 60000 ms); "
				+ "whole register read %d ms; county %s map (%d villages) %d ms; baseline bare batch INSERT of the profiles: "
				+ "%d ms; ratio import/baseline %.1f%n%n", PROVINCE, codes.size(), sheets.size(), sheetBytes / 1024, importMs, registerMs,
				largest, county.points().size(), mapMs, baselineMs, (double) importMs / baselineMs);
		assertThat(importMs).isLessThan(60_000);
	}

	/** One .xlsx of the postal company's list: a quarter of the villages served at a 村邮站, the rest directly. */
	private static byte[] sheet(List<String> codes, int offset, String postal, List<Object[]> rows) throws Exception {
		try (SXSSFWorkbook wb = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sh = wb.createSheet("建制村通邮信息");
			Row head = sh.createRow(0);
			String[] columns = { "建制村代码", "通邮方式", "每周投递频次", "服务邮政局所", "交接点类型", "交接点地址", "邮政企业统一社会信用代码" };
			for (int i = 0; i < columns.length; i++) {
				head.createCell(i).setCellValue(columns[i]);
			}
			for (int i = 0; i < codes.size(); i++) {
				int n = offset + i;
				boolean direct = n % 4 != 0;
				String[] cells = { codes.get(i), direct ? "直接通邮" : "村邮站", Integer.toString(2 + n % 5), "某邮政支局",
						direct ? "" : "村邮站", direct ? "" : "村委会一楼", postal };
				Row r = sh.createRow(i + 1);
				for (int c = 0; c < cells.length; c++) {
					r.createCell(c).setCellValue(cells[c]);
				}
				rows.add(new Object[] { codes.get(i), direct ? "DIRECT" : "VILLAGE_POST", 2 + n % 5, postal });
			}
			wb.write(out);
			return out.toByteArray();
		}
	}
}
