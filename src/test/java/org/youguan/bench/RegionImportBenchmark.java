package org.youguan.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.region.RegionImport;
import org.youguan.region.RegionImporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 2's target: a whole province's villages import in under a minute. Imports the largest province of the shared
 * data set (山东, 37: 1,800+ streets, 62,000+ villages) through the administrator's importer, and as a baseline the
 * same village rows with a bare batch INSERT into a scratch table (no validation, no audit) in the same run.
 * Run: {@code ./mvnw -Pbench test -Dtest=RegionImportBenchmark} (needs ../shared/data/regions).
 */
@IntegrationTest
class RegionImportBenchmark {

	static final Path DATA = Path.of("..", "shared", "data", "regions");

	static final String PROVINCE = "37";

	@Autowired
	RegionImporter importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void importsTheLargestProvincesVillages() throws Exception {
		Assumptions.assumeTrue(Files.exists(DATA.resolve("villages.csv.gz")), "shared data not present");
		byte[] streets = Files.readAllBytes(DATA.resolve("streets.csv"));
		byte[] villages = Files.readAllBytes(DATA.resolve("villages.csv.gz"));

		long t0 = System.nanoTime();
		RegionImport s = importer.importNow("streets.csv", streets, PROVINCE);
		long streetsMs = (System.nanoTime() - t0) / 1_000_000;
		t0 = System.nanoTime();
		RegionImport v = importer.importNow("villages.csv.gz", villages, PROVINCE);
		long villagesMs = (System.nanoTime() - t0) / 1_000_000;
		assertThat(s.phase()).isEqualTo(RegionImport.Phase.DONE);
		assertThat(v.phase()).isEqualTo(RegionImport.Phase.DONE);

		List<Object[]> rows = new ArrayList<>();
		try (var in = new BufferedReader(new InputStreamReader(
				new GZIPInputStream(Files.newInputStream(DATA.resolve("villages.csv.gz"))), StandardCharsets.UTF_8))) {
			in.readLine();
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (line.startsWith(PROVINCE)) {
					String[] f = line.split(",");
					rows.add(new Object[] { f[0], f[1].replace("\"", ""), f[2] });
				}
			}
		}
		jdbc.execute("CREATE TEMP TABLE IF NOT EXISTS bench_region (code varchar(12) PRIMARY KEY, name varchar(100), parent varchar(12))");
		jdbc.execute("TRUNCATE bench_region");
		t0 = System.nanoTime();
		tx.executeWithoutResult(st -> {
			for (int i = 0; i < rows.size(); i += 2000) {
				jdbc.batchUpdate("INSERT INTO bench_region VALUES (?, ?, ?)", rows.subList(i, Math.min(rows.size(), i + 2000)));
			}
		});
		long baselineMs = (System.nanoTime() - t0) / 1_000_000;
		System.out.printf("%nBENCH region import province %s: streets %d rows in %d ms; villages %d rows in %d ms "
				+ "(target < 60000 ms); baseline bare batch INSERT of the villages: %d ms; ratio %.1f%n%n", PROVINCE,
				s.imported(), streetsMs, v.imported(), villagesMs, baselineMs, (double) villagesMs / baselineMs);
	}
}
