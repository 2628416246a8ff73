package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.statistics.Indicator;
import org.youguan.statistics.Period;
import org.youguan.statistics.PeriodType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The formulas, periods and each validation rule of a report, without a database.
 */
class StatisticsRulesTest {

	static Indicator indicator(String code, ValueType type, String formula) {
		return new Indicator(code, code, type == ValueType.PERCENT ? "%" : "件", type,
				Aggregation.SUM, null, formula, "", "TEST", 0);
	}

	static final List<Indicator> FORM = List.of(indicator("a", ValueType.INTEGER, null), indicator("b", ValueType.INTEGER, null),
			indicator("total", ValueType.INTEGER, "a + b"), indicator("rate", ValueType.PERCENT, null),
			indicator("money", ValueType.DECIMAL, null));

	static Map<String, ReportValue> values(String a, String b, String rate, String money) {
		Map<String, ReportValue> v = new HashMap<>();
		v.put("a", new ReportValue(a == null ? null : new BigDecimal(a), null));
		v.put("b", new ReportValue(b == null ? null : new BigDecimal(b), null));
		v.put("rate", new ReportValue(rate == null ? null : new BigDecimal(rate), null));
		v.put("money", new ReportValue(money == null ? null : new BigDecimal(money), null));
		return v;
	}

	static List<FieldError> check(Map<String, ReportValue> values, List<ReportChecks.Rule> rules, Map<String, BigDecimal> previous) {
		return ReportChecks.check(FORM, values, rules, previous, Map.of(), new BigDecimal("50"));
	}

	@Test
	void formulasAddMultiplyDivideAndKnowWhatTheyRead() {
		Formula f = Formula.parse("(express.volume.local + express.volume.intercity) * 100 / total");
		assertThat(f.codes()).containsExactlyInAnyOrder("express.volume.local", "express.volume.intercity", "total");
		assertThat(f.evaluate(Map.of("express.volume.local", BigDecimal.ONE, "express.volume.intercity", BigDecimal.valueOf(3),
				"total", BigDecimal.valueOf(8)))).isEqualByComparingTo("50");
		assertThat(f.evaluate(Map.of("express.volume.local", BigDecimal.ONE, "total", BigDecimal.ONE))).as("a missing input").isNull();
		assertThat(Formula.parse("a / b").evaluate(Map.of("a", BigDecimal.ONE, "b", BigDecimal.ZERO))).as("division by zero").isNull();
		assertThat(Formula.parse("a - b - c").evaluate(Map.of("a", BigDecimal.TEN, "b", BigDecimal.ONE, "c", BigDecimal.ONE)))
			.isEqualByComparingTo("8");
		assertThatThrownBy(() -> Formula.parse("a + (b")).hasMessageContaining("右括号");
		assertThatThrownBy(() -> Formula.parse("a + ?")).hasMessageContaining("无法识别");
	}

	@Test
	void periodsParseAndShift() {
		Period q = Period.parse(PeriodType.QUARTER, "2024-Q1", "period");
		assertThat(q.start()).hasToString("2024-01-01");
		assertThat(q.end()).hasToString("2024-03-31");
		assertThat(Period.parse(PeriodType.MONTH, "2024-02", "period").end()).as("leap year").hasToString("2024-02-29");
		assertThat(q.previous().code()).isEqualTo("2023-Q4");
		assertThat(q.sameLastYear().label()).isEqualTo("2023年第1季度");
		assertThat(Period.containing(PeriodType.QUARTER, YearMonth.of(2025, 8)).code()).isEqualTo("2025-Q3");
		assertThat(Period.parse(PeriodType.YEAR, "2025", "period").end()).hasToString("2025-12-31");
		assertThatThrownBy(() -> Period.parse(PeriodType.MONTH, "2025-13", "period")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("2025-11");
		assertThatThrownBy(() -> Period.parse(PeriodType.QUARTER, "2025-11", "period")).hasMessageContaining("2025-Q4");
	}

	@Test
	void aCompleteReportPasses() {
		assertThat(check(values("10", "20", "99.5", "3.25"), List.of(), Map.of())).isEmpty();
	}

	@Test
	void everyEnteredIndicatorIsRequiredButDerivedOnesAreComputed() {
		assertThat(check(values(null, "20", "99", "1"), List.of(), Map.of())).extracting(FieldError::field, FieldError::rule)
			.containsExactly(Tuple.tuple("values.a", "required"));
		assertThat(ReportChecks.withDerived(FORM, Map.of("a", BigDecimal.ONE, "b", BigDecimal.TEN)).get("total"))
			.isEqualByComparingTo("11");
	}

	@Test
	void valuesAreNonNegativeWholeWhereCountedAndRatesAtMostAHundred() {
		assertThat(check(values("-1", "2.5", "100.01", "-0.5"), List.of(), Map.of())).extracting(FieldError::field, FieldError::rule)
			.containsExactlyInAnyOrder(Tuple.tuple("values.a", "non-negative"),
					Tuple.tuple("values.b", "integer"), Tuple.tuple("values.rate", "rate"),
					Tuple.tuple("values.money", "non-negative"));
		assertThat(check(values("0", "20.000", "100", "0"), List.of(), Map.of())).isEmpty();
	}

	@Test
	void crossIndicatorRulesCompareFormulas() {
		var rule = new ReportChecks.Rule("parts", "total", "=", "money", "合计应等于金额");
		assertThat(check(values("10", "20", "50", "30"), List.of(rule), Map.of())).isEmpty();
		assertThat(check(values("10", "20", "50", "31"), List.of(rule), Map.of())).extracting(FieldError::rule, FieldError::message)
			.containsExactly(Tuple.tuple("rule:parts", "合计应等于金额"));
		var atMost = new ReportChecks.Rule("cap", "a", "<=", "b", "a不应超过b");
		assertThat(check(values("30", "20", "50", "1"), List.of(atMost), Map.of())).extracting(FieldError::field).containsExactly("values.a");
	}

	@Test
	void aJumpBeyondTheThresholdNeedsAnExplanation() {
		Map<String, BigDecimal> previous = Map.of("a", BigDecimal.valueOf(10), "b", BigDecimal.valueOf(20), "rate",
				BigDecimal.valueOf(99), "money", BigDecimal.ONE);
		assertThat(check(values("15", "20", "99", "1"), List.of(), previous)).as("+50% is at the threshold").isEmpty();
		List<FieldError> errors = check(values("16", "9", "99", "1"), List.of(), previous);
		assertThat(errors).extracting(FieldError::field).containsExactly("values.a", "values.b");
		assertThat(errors.get(0).message()).contains("较上期增长60.0%");
		assertThat(errors.get(1).message()).contains("较上期下降55.0%");
		Map<String, ReportValue> explained = values("16", "20", "99", "1");
		explained.put("a", new ReportValue(new BigDecimal("16"), "新增客户"));
		assertThat(check(explained, List.of(), previous)).isEmpty();
		assertThat(check(values("16", "20", "99", "1"), List.of(), Map.of("a", BigDecimal.ZERO))).as("no base to compare").isEmpty();
	}
}
