package org.youguan.statistics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.documents.TypedWorkbook;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.statistics.internal.ReportChecks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history import holds the rows of one region, month and brand to the cross-indicator rules of the enterprise
 * reports, together and with the history stored for that key; every row a broken rule reads is refused naming the rule,
 * and nothing is imported (attack round: 业务收入 10 beside 快递业务收入 5000 imported "已导入3行").
 */
@IntegrationTest
class HistoryImportRulesIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	HistoryImport history;

	@Autowired
	Reports reports;

	@Autowired
	JdbcClient jdbc;

	/** A month of a year (2000, 2001) no other test imports, so the shared database holds no history for it. */
	static String month() {
		return (2000 + ThreadLocalRandom.current().nextInt(2)) + "-" + String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(12));
	}

	/** One of Suzhou's counties, so two runs on one database rarely meet on a key. */
	static String county() {
		List<String> counties = List.of("320505", "320506", "320507", "320508", "320509", "320581", "320582", "320583", "320585");
		return counties.get(ThreadLocalRandom.current().nextInt(counties.size()));
	}

	long stored(String region, String month) {
		return jdbc.sql("SELECT count(*) FROM stat_fact WHERE source = 'HISTORY' AND region_code = :region "
				+ "AND period_start = CAST(:start AS date)").param("region", region).param("start", month + "-01")
			.query(Long.class).single();
	}

	@Test
	void rowsOfOneRegionAndMonthBreakingARuleTogetherAreEachRefusedAndNothingIsImported() {
		String month = month();
		String county = county();
		String other = county.equals("320507") ? "320508" : "320507";
		TypedWorkbook sheet = new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("postal.revenue", month, county, "", 10))
			.row(List.of("express.revenue", month, county, "", 5000))
			.row(List.of("postal.delivery.revenue", month, county, "", 5000))
			.row(List.of("express.revenue", month, other, "", 5000));
		HistoryImport.Result result = history.importFile(SUZHOU, sheet.bytes());
		assertThat(result.imported()).isZero();
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(2, 3, 4);
		assertThat(result.errors().get(0).errors()).extracting(FieldError::rule)
			.contains("rule:revenue-covers-express", "rule:revenue-covers-delivery", "rule:revenue-covers-parts");
		assertThat(result.errors().get(1).errors()).extracting(FieldError::field).containsOnly("数值");
		assertThat(result.errors().get(1).errors()).extracting(FieldError::message)
			.anySatisfy(m -> assertThat(m).contains("邮政行业业务收入应不小于快递业务收入", county,
					ChineseText.month(YearMonth.parse(month)), "第2、3行"));
		assertThat(stored(county, month)).isZero();
	}

	/** A blank region cell is told to be filled in, never "行政区划代码不存在：null" (attack 3). */
	@Test
	void aBlankRegionCellIsToldToBeFilledIn() {
		TypedWorkbook sheet = new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("express.revenue", month(), "", "", 5000));
		HistoryImport.Result result = history.importFile(SUZHOU, sheet.bytes());
		assertThat(result.imported()).isZero();
		assertThat(result.errors()).hasSize(1);
		assertThat(result.errors().get(0).errors()).extracting(FieldError::field, FieldError::rule, FieldError::message)
			.contains(org.assertj.core.groups.Tuple.tuple("行政区划代码", "required", "请填写行政区划代码"));
		assertThat(result.errors().get(0).errors()).extracting(FieldError::message).noneMatch(m -> m.contains("null"));
	}

	/**
	 * A row repeating an earlier row's indicator, month, region and brand with a bad value of its own is told both at
	 * once — the repetition and the value —, not the value alone; nothing is imported.
	 */
	@Test
	void aRepeatedKeyWithABadValueIsToldBoth() {
		String month = month();
		String county = county();
		TypedWorkbook sheet = new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("express.revenue", month, county, "", 5000))
			.row(List.of("express.revenue", month, county, "", "约五千"));
		HistoryImport.Result result = history.importFile(SUZHOU, sheet.bytes());
		assertThat(result.imported()).isZero();
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(3);
		assertThat(result.errors().get(0).errors()).extracting(FieldError::field, FieldError::rule)
			.contains(org.assertj.core.groups.Tuple.tuple("指标代码", "unique"));
		assertThat(result.errors().get(0).errors()).extracting(FieldError::field).contains("数值");
		assertThat(result.errors().get(0).errors()).extracting(FieldError::message).contains("指标、月份、区划和品牌与第2行重复");
		assertThat(stored(county, month)).isZero();
	}

	@Test
	void aRowIsHeldToTheRulesWithTheHistoryStoredForItsKey() {
		String month = month();
		String county = county();
		HistoryImport.Result first = history.importFile(SUZHOU, new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("express.revenue", month, county, "", 5000)).bytes());
		assertThat(first.errors()).isEmpty();
		HistoryImport.Result second = history.importFile(SUZHOU, new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("postal.revenue", month, county, "", 10)).bytes());
		assertThat(second.imported()).isZero();
		assertThat(second.errors()).singleElement().satisfies(row -> assertThat(row.errors())
			.extracting(FieldError::rule, FieldError::message)
			.anySatisfy(t -> assertThat(t.toList()).containsExactly("rule:revenue-covers-express",
					"邮政行业业务收入应不小于快递业务收入：" + county + "（不分品牌）" + ChineseText.month(YearMonth.parse(month)) + "的邮政行业业务收入10，快递业务收入（已导入）5000（本文件第2行）")));
		// the file's row replaces the stored one it is judged with: a corrected 快递业务收入 beside the revenue passes
		HistoryImport.Result third = history.importFile(SUZHOU, new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("postal.revenue", month, county, "", 10))
			.row(List.of("express.revenue", month, county, "", 8)).bytes());
		assertThat(third.errors()).isEmpty();
		assertThat(third.imported()).isEqualTo(2);
	}

	@Test
	void revenueCoversTheSumOfDeliveryAndExpressRevenue() {
		List<ReportChecks.Rule> rules = reports.rules();
		assertThat(ReportChecks.broken(rules, Map.of("postal.revenue", new BigDecimal("45"), "express.revenue",
				new BigDecimal("40"), "postal.delivery.revenue", new BigDecimal("40"))))
			.extracting(ReportChecks.Rule::code).containsExactly("revenue-covers-parts");
		assertThat(ReportChecks.broken(rules, Map.of("postal.revenue", new BigDecimal("80"), "express.revenue",
				new BigDecimal("40"), "postal.delivery.revenue", new BigDecimal("40")))).isEmpty();
	}
}
