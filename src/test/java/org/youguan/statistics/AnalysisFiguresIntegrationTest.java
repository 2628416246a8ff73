package org.youguan.statistics;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.documents.TypedWorkbook;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.statistics.internal.AggregateResult;
import org.youguan.statistics.internal.Aggregation;
import org.youguan.statistics.internal.ValueType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A region's growth rank is stated only when it has a growth, among the siblings that have one (attack: "上年同期无数据，
 * 增幅全市排名第6（共10个）"); the parts of a derived indicator are ranked by value, not in a set's order; a formula
 * dividing by zero gives no figure (not 0) and says why, and one dividing by a literal zero is not saved.
 */
@IntegrationTest
class AnalysisFiguresIntegrationTest {

	@Autowired
	Analysis analysis;

	@Autowired
	HistoryImport history;

	@Autowired
	Indicators indicators;

	@Autowired
	JdbcClient jdbc;

	/**
	 * A month of 2021–2023 (years no other test reports or imports in, before the demo's), its and last year's history
	 * in Suzhou cleared.
	 */
	YearMonth month() {
		YearMonth month = YearMonth.of(2021 + Integer.parseInt(RandomDigits.of(2)) % 3, 1 + Integer.parseInt(RandomDigits.of(2)) % 12);
		jdbc.sql("DELETE FROM stat_fact WHERE source = 'HISTORY' AND period_start IN (:starts) AND region_code LIKE '3205%'")
			.param("starts", List.of(month.atDay(1), month.minusYears(1).atDay(1))).update();
		return month;
	}

	void importRows(List<List<Object>> rows) {
		TypedWorkbook sheet = new TypedWorkbook(HistoryImport.HEADERS);
		rows.forEach(sheet::row);
		assertThat(history.importFile(DataScope.region("3205"), sheet.bytes()).errors()).isEmpty();
	}

	@Test
	void aRegionWithoutLastYearsFigureHasNoGrowthRankAndTheOthersAreRankedAmongThemselves() {
		YearMonth month = month();
		String now = month.toString();
		String before = month.minusYears(1).toString();
		importRows(List.of(List.of("express.volume.local", now, "320505", "", 500),
				List.of("express.volume.local", now, "320506", "", 300), List.of("express.volume.local", now, "320507", "", 100),
				List.of("express.volume.local", before, "320506", "", 200),
				List.of("express.volume.local", before, "320507", "", 50)));
		Indicator local = indicators.get("express.volume.local");
		Slice slice = new Slice("320505", null, month, month);
		Analysis.Place none = analysis.place(local, slice, "320505");
		assertThat(none.comparable()).as("its value is ranked").isTrue();
		assertThat(none.byValue()).isEqualTo(1);
		assertThat(none.byGrowth()).as("no growth, no growth rank").isZero();
		assertThat(none.growthRanked()).isFalse();
		Analysis.Place xiangcheng = analysis.place(local, new Slice("320507", null, month, month), "320507");
		// 相城 +100 % ahead of 吴中 +50 %, among the two with a growth
		assertThat(xiangcheng.byGrowth()).isEqualTo(1);
		assertThat(xiangcheng.growthOf()).isEqualTo(2);
		assertThat(xiangcheng.growthRanked()).isTrue();
	}

	@Test
	void thePartsOfADerivedIndicatorAreRankedByValue() {
		YearMonth month = month();
		String now = month.toString();
		importRows(List.of(List.of("express.volume.local", now, "320506", "", 10),
				List.of("express.volume.intercity", now, "320506", "", 30),
				List.of("express.volume.international", now, "320506", "", 50)));
		List<Analysis.Row> parts = analysis.composition(indicators.get("express.volume"),
				new Slice("320506", null, month, month));
		assertThat(parts).extracting(Analysis.Row::key)
			.containsExactly("express.volume.international", "express.volume.intercity", "express.volume.local");
	}

	@Test
	void aFormulaDividingByZeroGivesNoFigureAndSaysWhyAndALiteralZeroDivisorIsRefused() {
		String digits = RandomDigits.of(8);
		String code = "test.ratio" + digits;
		indicators.add(new Indicators.NewIndicator(code, "同城异地比" + digits, "倍", ValueType.DECIMAL, Aggregation.SUM, null,
				"express.volume.local / express.volume.intercity", null), null);
		YearMonth month = month();
		importRows(List.of(List.of("express.volume.local", month.toString(), "320506", "", 10),
				List.of("express.volume.intercity", month.toString(), "320506", "", 0)));
		AggregateResult result = analysis.aggregate(DataScope.region("3205"), code, "320506", null, month.toString(),
				month.toString());
		assertThat(result.value()).as("no figure, not 0").isNull();
		assertThat(result.caveat()).contains("除数为0");
		assertThatThrownBy(() -> indicators.add(new Indicators.NewIndicator("test.zero" + digits, "除以零" + digits, "件",
				ValueType.DECIMAL, Aggregation.SUM, null, "express.volume.local / (2 - 2)", null), null))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.fieldErrors())
				.extracting(FieldError::field, FieldError::rule).contains(org.assertj.core.groups.Tuple.tuple("formula",
						"division-by-zero")));
	}

	/**
	 * Finding (indicator names unique under folded only): a name differing from another indicator's only in
	 * punctuation or brackets (同城、异地比, （同城）异地比) is that indicator's name, refused naming the field (rule unique).
	 */
	@Test
	void anIndicatorNameDifferingOnlyInPunctuationIsTaken() {
		String digits = RandomDigits.of(8);
		indicators.add(new Indicators.NewIndicator("test.twin" + digits, "同城异地比" + digits, "倍", ValueType.DECIMAL,
				Aggregation.SUM, null, null, null), null);
		int n = 0;
		for (String twin : List.of("同城、异地比" + digits, "（同城）异地比" + digits, "同城异地比" + digits + "。")) {
			String code = "test.twin" + digits + "x" + n++;
			assertThatThrownBy(() -> indicators.add(new Indicators.NewIndicator(code, twin, "倍", ValueType.DECIMAL,
					Aggregation.SUM, null, null, null), null)).as(twin)
				.isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.fieldErrors())
					.extracting(FieldError::field, FieldError::rule).contains(org.assertj.core.groups.Tuple.tuple("name", "unique")));
		}
	}
}
