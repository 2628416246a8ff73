package org.youguan.statistics.internal;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Bounds the statistics pages hold input to, without a database: a formula's nesting before the recursive parser
 * reads it, and the analysis year and month through which only ended months count (attack round 14).
 */
class StatisticsBoundsTest {

	static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	@Test
	void aFormulaNestedFiveThousandDeepIsRefusedWithoutParsing() {
		String deep = "(".repeat(5000) + "a" + ")".repeat(5000);
		assertThat(Formula.depth(deep)).isEqualTo(5000);
		assertThatThrownBy(() -> Formula.parse(deep)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(String.valueOf(Formula.MAX_DEPTH));
		String twenty = "(".repeat(Formula.MAX_DEPTH) + "a + b" + ")".repeat(Formula.MAX_DEPTH);
		assertThat(Formula.parse(twenty).codes()).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void aThroughMonthOutsideOneToTwelveIsRefusedNotClamped() {
		for (int through : new int[] { 13, 0, -5 }) {
			assertThatThrownBy(() -> AnalysisQuery.of(null, "3205", 2025, through, null, "3205", NOVEMBER))
				.isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.fieldErrors())
					.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("through", "range")));
		}
		assertThat(AnalysisQuery.of(null, "3205", 2025, 12, null, "3205", NOVEMBER).to()).isEqualTo(YearMonth.of(2025, 12));
	}

	@Test
	void aMonthOrYearNotEndedIsRefused() {
		assertThatThrownBy(() -> AnalysisQuery.of(null, "3205", 2026, 12, null, "3205", NOVEMBER))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> {
				assertThat(e.fieldErrors()).extracting(FieldError::field, FieldError::rule)
					.containsExactly(tuple("through", "ended"));
				assertThat(e.getMessage()).contains("2026年12月").contains("2026年11月");
			});
		assertThatThrownBy(() -> AnalysisQuery.of(null, "3205", 2027, null, null, "3205", NOVEMBER))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.fieldErrors())
				.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("year", "ended")));
		// in January last December is the last ended month: this year has none
		assertThatThrownBy(() -> AnalysisQuery.of(null, "3205", 2027, 1, null, "3205", YearMonth.of(2026, 12)))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.fieldErrors())
				.extracting(FieldError::field).containsExactly("year"));
		assertThat(AnalysisQuery.of(null, "3205", 2026, 11, null, "3205", NOVEMBER).monthsLabel()).isEqualTo("1–11月");
		assertThat(AnalysisQuery.of(null, "3205", null, null, null, "3205", NOVEMBER).through()).isEqualTo(11);
	}
}
