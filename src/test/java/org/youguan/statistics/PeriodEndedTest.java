package org.youguan.statistics;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A period has ended the day after its last day, for every frequency; one still running is refused naming the field. */
class PeriodEndedTest {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

	@Test
	void aMonthQuarterOrYearStillRunningHasNotEnded() {
		assertThat(Period.month(YearMonth.of(2026, 12)).ended(TODAY)).isFalse();
		assertThat(Period.month(YearMonth.of(2026, 11)).ended(TODAY)).isTrue();
		assertThat(Period.month(YearMonth.of(2026, 11)).ended(LocalDate.of(2026, 11, 30))).isFalse();
		assertThat(Period.month(YearMonth.of(2026, 11)).ended(LocalDate.of(2026, 12, 1))).isTrue();
		assertThat(Period.parse(PeriodType.QUARTER, "2026-Q4", "period").ended(TODAY)).isFalse();
		assertThat(Period.parse(PeriodType.QUARTER, "2026-Q3", "period").ended(TODAY)).isTrue();
		assertThat(Period.parse(PeriodType.YEAR, "2026", "period").ended(TODAY)).isFalse();
		assertThat(Period.parse(PeriodType.YEAR, "2025", "period").ended(TODAY)).isTrue();
		assertThat(Period.month(YearMonth.of(2030, 1)).ended(TODAY)).isFalse();
	}

	@Test
	void requiringAnEndedPeriodNamesTheFieldTheRuleAndThePeriod() {
		assertThatThrownBy(() -> Period.parse(PeriodType.YEAR, "2026", "period").requireEnded("period", TODAY))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> {
					assertThat(e.field()).isEqualTo("period");
					assertThat(e.rule()).isEqualTo("ended");
					assertThat(e.message()).contains("应为已结束的年度").contains("2026");
				}));
		assertThatThrownBy(() -> Period.month(YearMonth.of(2026, 12)).requireEnded("月份", TODAY))
			.isInstanceOfSatisfying(InvalidValueException.class,
					ex -> assertThat(ex.fieldErrors()).extracting(FieldError::message).singleElement().asString()
						.contains("应为已结束的月份"));
		assertThatCode(() -> Period.month(YearMonth.of(2026, 11)).requireEnded("period", TODAY)).doesNotThrowAnyException();
	}
}
