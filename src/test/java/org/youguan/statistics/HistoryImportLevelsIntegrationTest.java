package org.youguan.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.documents.TypedWorkbook;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * History is kept only at the levels the aggregates read a region's figure from, never twice for one region's figure:
 * a township row, rows (in a file or against stored history) whose regions contain one another, and a region inside or
 * containing one made of approved reports of the indicator's form are refused; the audit entry lists the rows (attack
 * round 14).
 */
@IntegrationTest
class HistoryImportLevelsIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	HistoryImport history;

	@Autowired
	ReportLoader loader;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Brands brands;

	@Autowired
	Licences licences;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Indicators indicators;

	@Autowired
	Aggregates aggregates;

	HistoryImport.Result importRows(List<List<Object>> rows) {
		TypedWorkbook sheet = new TypedWorkbook(HistoryImport.HEADERS);
		rows.forEach(sheet::row);
		return history.importFile(SUZHOU, sheet.bytes());
	}

	static List<Refusal> errors(HistoryImport.Result result) {
		return result.errors().stream()
			.flatMap(row -> row.errors().stream().map(e -> new Refusal(row.number(), e.field(), e.rule(), e.message())))
			.toList();
	}

	record Refusal(int row, String field, String rule, String message) {
	}

	long historyRows(String month, String prefix) {
		return jdbc.sql("SELECT count(*) FROM stat_fact WHERE source = 'HISTORY' AND period_start = CAST(:start AS date) "
				+ "AND region_code LIKE :prefix")
			.param("start", month + "-01")
			.param("prefix", prefix + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void aTownshipRowIsRefusedNamingTheLevel() {
		HistoryImport.Result result = importRows(List.of(List.of("express.volume.local", "2006-01", "320506001", "", 100)));
		assertThat(result.imported()).isZero();
		assertThat(errors(result)).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("行政区划代码");
			assertThat(e.rule()).isEqualTo("county-level");
			assertThat(e.message()).contains("320506001");
		});
		assertThat(historyRows("2006-01", "3205")).isZero();
	}

	@Test
	void aCityAndOneOfItsCountiesInOneFileAreRefusedNamingBothRows() {
		HistoryImport.Result result = importRows(List.of(List.of("express.volume.local", "2006-02", "3205", "顺丰", 300),
				List.of("express.volume.local", "2006-02", "320506", "顺丰", 100),
				// another brand or another month is no double count
				List.of("express.volume.local", "2006-02", "320507", "中通", 50),
				List.of("express.volume.local", "2006-03", "320506", "顺丰", 100)));
		assertThat(result.imported()).isZero();
		assertThat(errors(result)).singleElement().satisfies(e -> {
			assertThat(e.row()).isEqualTo(3);
			assertThat(e.field()).isEqualTo("行政区划代码");
			assertThat(e.rule()).isEqualTo("nested");
			assertThat(e.message()).contains("320506").contains("第2行").contains("3205");
		});
		assertThat(historyRows("2006-02", "3205")).isZero();
	}

	@Test
	void aRowWhoseRegionContainsStoredHistoryIsRefusedNamingIt() {
		assertThat(importRows(List.of(List.of("express.volume.local", "2006-04", "320506", "", 100))).errors()).isEmpty();
		HistoryImport.Result city = importRows(List.of(List.of("express.volume.local", "2006-04", "3205", "", 300)));
		assertThat(city.imported()).isZero();
		assertThat(errors(city)).extracting(Refusal::field, Refusal::rule).containsExactly(tuple("行政区划代码", "nested"));
		assertThat(errors(city).get(0).message()).contains("320506").contains("3205");
		// the same region again replaces its row
		assertThat(importRows(List.of(List.of("express.volume.local", "2006-04", "320506", "", 120))).replaced()).isEqualTo(1);
	}

	/**
	 * Attack round 19: a region's figure adds its rows without brand and of every brand, so a region's total beside a
	 * brand's figure of the same region (3205 不分品牌 1000 and 3205 顺丰 300 read 1300, the true total 1000) or of one
	 * containing or inside it is refused in one file, naming both rows and brands; two brands stay apart.
	 */
	@Test
	void aRegionTotalAndABrandOfTheSameOrANestedRegionInOneFileAreRefusedNamingBothRows() {
		HistoryImport.Result same = importRows(List.of(List.of("express.volume.local", "2007-01", "3205", "", 1000),
				List.of("express.volume.local", "2007-01", "3205", "顺丰", 300)));
		assertThat(same.imported()).isZero();
		assertThat(errors(same)).singleElement().satisfies(e -> {
			assertThat(e.row()).isEqualTo(3);
			assertThat(e.field()).isEqualTo("品牌");
			assertThat(e.rule()).isEqualTo("nested");
			assertThat(e.message()).contains("3205（顺丰）").contains("第2行").contains("3205（不分品牌）").contains("重复计数");
		});
		HistoryImport.Result nested = importRows(List.of(List.of("express.volume.local", "2007-02", "3205", "顺丰", 300),
				List.of("express.volume.local", "2007-02", "320506", "", 100),
				// another brand of a county inside, or the same brand in another month, is no double count
				List.of("express.volume.local", "2007-02", "320507", "中通", 50),
				List.of("express.volume.local", "2007-03", "320506", "", 100)));
		assertThat(nested.imported()).isZero();
		assertThat(errors(nested)).singleElement().satisfies(e -> {
			assertThat(e.row()).isEqualTo(3);
			assertThat(e.field()).isEqualTo("行政区划代码");
			assertThat(e.rule()).isEqualTo("nested");
			assertThat(e.message()).contains("320506（不分品牌）").contains("第2行").contains("3205（顺丰）");
		});
		assertThat(historyRows("2007-01", "3205")).isZero();
		assertThat(historyRows("2007-02", "3205")).isZero();
	}

	/**
	 * The same against stored history: a brand's row beside a stored total of the same or a nested region, and a total
	 * beside a stored brand's row, are refused naming the stored region and brand — the aggregate keeps the true total.
	 */
	@Test
	void aRegionTotalAndABrandAgainstStoredHistoryAreRefusedAndTheAggregateKeepsTheTotal() {
		Indicator local = indicators.get("express.volume.local");
		assertThat(importRows(List.of(List.of("express.volume.local", "2007-04", "3205", "", 1000))).errors()).isEmpty();
		HistoryImport.Result brand = importRows(List.of(List.of("express.volume.local", "2007-04", "3205", "顺丰", 300)));
		assertThat(brand.imported()).isZero();
		assertThat(errors(brand)).extracting(Refusal::field, Refusal::rule).containsExactly(tuple("品牌", "nested"));
		assertThat(errors(brand).get(0).message()).contains("3205（不分品牌）").contains("3205（顺丰）");
		HistoryImport.Result county = importRows(List.of(List.of("express.volume.local", "2007-04", "320506", "顺丰", 300)));
		assertThat(errors(county)).extracting(Refusal::field, Refusal::rule).containsExactly(tuple("品牌", "nested"));
		assertThat(aggregates.value(local, new Slice("3205", null, YearMonth.of(2007, 4), YearMonth.of(2007, 4))))
			.isEqualByComparingTo("1000");
		// a brand's row stored first refuses a total of the region containing it
		assertThat(importRows(List.of(List.of("express.volume.local", "2007-05", "320506", "顺丰", 300))).errors()).isEmpty();
		HistoryImport.Result total = importRows(List.of(List.of("express.volume.local", "2007-05", "3205", "", 1000)));
		assertThat(total.imported()).isZero();
		assertThat(errors(total)).extracting(Refusal::field, Refusal::rule).containsExactly(tuple("行政区划代码", "nested"));
		assertThat(errors(total).get(0).message()).contains("320506（顺丰）").contains("3205（不分品牌）");
		// another brand of the city is no double count, and the brand's own row is replaced as before
		assertThat(importRows(List.of(List.of("express.volume.local", "2007-05", "3205", "中通", 200))).errors()).isEmpty();
		assertThat(importRows(List.of(List.of("express.volume.local", "2007-05", "320506", "顺丰", 310))).replaced())
			.isEqualTo(1);
		assertThat(aggregates.value(local, new Slice("3205", null, YearMonth.of(2007, 5), YearMonth.of(2007, 5))))
			.isEqualByComparingTo("510");
	}

	/**
	 * An enterprise registered at its city reports for the city: a county total imported inside it would be counted
	 * with it in the city's figure — refused, as the county's own reports refuse it.
	 */
	@Test
	void aRegionInsideOneMadeOfApprovedReportsIsRefused() {
		long enterprise = Reporters.licensedSince(licences, enterprise("3205"), LocalDate.of(2006, 5, 1));
		loader.loadApproved("monthly", List.of(new ReportLoader.Approved(enterprise, Period.parse(PeriodType.MONTH, "2006-05",
				"period"), Map.of("express.volume.local", BigDecimal.TEN), LocalDate.of(2006, 6, 3))), false, "测试");
		HistoryImport.Result result = importRows(List.of(List.of("express.volume.intercity", "2006-05", "320508", "", 100)));
		assertThat(result.imported()).isZero();
		assertThat(errors(result)).extracting(Refusal::field, Refusal::rule).containsExactly(tuple("月份", "reported"));
		assertThat(errors(result).get(0).message()).contains("3205的2006-05");
	}

	/**
	 * The batch loader of approved reports (the demo city, a generator) is held to the approval's rule: a report of an
	 * enterprise inside a region whose total the history import keeps for the month would be counted twice — refused,
	 * nothing loaded.
	 */
	@Test
	void approvedReportsAreNotLoadedOverImportedHistoryOfTheirRegion() {
		assertThat(importRows(List.of(List.of("express.volume.local", "2007-06", "3205", "", 1000))).errors()).isEmpty();
		long enterprise = Reporters.licensedSince(licences, enterprise("320506"), LocalDate.of(2007, 6, 1));
		assertThatThrownBy(() -> loader.loadApproved("monthly", List.of(new ReportLoader.Approved(enterprise,
				Period.parse(PeriodType.MONTH, "2007-06", "period"), Map.of("express.volume.local", BigDecimal.TEN),
				LocalDate.of(2007, 7, 3))), false, "测试"))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.fieldErrors()).extracting(FieldError::field, FieldError::rule)
					.containsExactly(tuple("period", "history-imported"));
				assertThat(e.getMessage()).contains("3205的2007年6月");
			});
		assertThat(jdbc.sql("SELECT count(*) FROM stat_report WHERE enterprise_id = :e").param("e", enterprise)
			.query(Long.class).single()).isZero();
	}

	/** A quarter's approved report covers each of its months, not only the first. */
	@Test
	void aMonthOfAQuarterMadeOfApprovedReportsIsRefused() {
		long enterprise = Reporters.licensedSince(licences, enterprise("320509"), LocalDate.of(2006, 7, 1));
		loader.loadApproved("green-care", List.of(new ReportLoader.Approved(enterprise, Period.parse(PeriodType.QUARTER,
				"2006-Q3", "period"), Map.of("green.reusable.boxes", BigDecimal.TEN), LocalDate.of(2006, 10, 3))), false, "测试");
		HistoryImport.Result result = importRows(List.of(List.of("green.reusable.boxes", "2006-08", "320509", "", 100)));
		assertThat(result.imported()).isZero();
		assertThat(errors(result)).extracting(Refusal::field, Refusal::rule).containsExactly(tuple("月份", "reported"));
	}

	@Test
	void theAuditEntryListsTheImportedAndTheReplacedRows() {
		importRows(List.of(List.of("express.volume.local", "2006-06", "320506", "顺丰", 100)));
		importRows(List.of(List.of("express.volume.local", "2006-06", "320506", "顺丰", 150),
				List.of("express.volume.local", "2006-06", "320507", "", 70)));
		Map<String, Object> entry = jdbc.sql("""
				SELECT before_state::text AS before, after_state::text AS after FROM audit_event
				WHERE action = 'statistics.history.import' AND after_state::text LIKE '%2006-06%' ORDER BY id DESC LIMIT 1""")
			.query()
			.singleRow();
		assertThat(String.valueOf(entry.get("after"))).contains("\"indicator\": \"express.volume.local\"")
			.contains("\"period\": \"2006-06\"").contains("\"region\": \"320507\"").contains("\"brand\": \"顺丰\"")
			.contains("\"value\": \"150\"").contains("\"value\": \"70\"");
		assertThat(String.valueOf(entry.get("before"))).contains("\"region\": \"320506\"").contains("\"value\": \"100\"")
			.doesNotContain("320507");
	}

	long enterprise(String region) {
		String base = "91320613MA" + org.youguan.RandomDigits.of(7);
		String code = base + CreditCode.checkCharacter(base);
		return enterprises.register(DataScope.all(), new EnterpriseData("层级测试快递有限公司" + UUID.randomUUID().toString()
			.substring(0, 4), code, EnterpriseType.EXPRESS, brands.findByShortName("顺丰").orElseThrow().id(), "张三", "测试路1号",
				region, "李四", "13912345678"), false);
	}

	/**
	 * A city's six-digit code is the city, as every other input reads it (attack: 320500 苏州市 was refused as no
	 * region), and full-width digits are the same code: stored under 3205.
	 */
	@Test
	void aCitysSixDigitCodeIsReadAsTheCity() {
		HistoryImport.Result result = importRows(List.of(List.of("express.volume.local", "2005-11", "320500", "", 100),
				List.of("express.volume.intercity", "2005-11", "３２０５００", "", 200)));
		assertThat(errors(result)).isEmpty();
		assertThat(result.imported()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT DISTINCT region_code FROM stat_fact WHERE source = 'HISTORY' "
				+ "AND period_start = DATE '2005-11-01' AND indicator_code LIKE 'express.volume.%'")
			.query(String.class).list()).containsExactly("3205");
	}
}

