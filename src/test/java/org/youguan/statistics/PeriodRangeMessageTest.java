package org.youguan.statistics;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A period a user names is refused by one range message whichever end it passes — the one of every figures query
 * ({@code FiguresPeriod.year}: 2000 to next year) — never by the stored periods' 2099 bound, which suggested that 2028
 * to 2099 were allowed; a period missing or blank is rule {@code required}, not {@code period}.
 */
class PeriodRangeMessageTest {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

	@Test
	void aYearBeforeOrAfterTheRangeIsToldTheSameRange() {
		for (String text : new String[] { "1999", "2028", "2050", "1999-01", "2028-Q1" }) {
			PeriodType type = text.contains("Q") ? PeriodType.QUARTER : text.contains("-") ? PeriodType.MONTH : PeriodType.YEAR;
			assertRefused(() -> Period.parse(type, text, "period", TODAY), "range", "报告期的年度应在2000年至2027年之间");
		}
		assertThat(Period.parse(PeriodType.YEAR, "2027", "period", TODAY).year()).isEqualTo(2027);
	}

	@Test
	void aMissingOrBlankPeriodIsRequired() {
		assertRefused(() -> Period.parse(PeriodType.MONTH, null, "period", TODAY), "required", "请填写报告期");
		assertRefused(() -> Period.parse(PeriodType.MONTH, "  ", "period", TODAY), "required", "请填写报告期");
		assertRefused(() -> Period.parse(PeriodType.MONTH, "2026-13", "period", TODAY), "period", "报告期格式应为2025-11");
	}

	private static void assertRefused(Runnable call, String rule, String says) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidValueException.class,
				ex -> assertThat(ex.fieldErrors()).singleElement().satisfies(e -> {
					assertThat(e.field()).isEqualTo("period");
					assertThat(e.rule()).isEqualTo(rule);
					assertThat(e.message()).contains(says).doesNotContain("2099");
				}));
	}
}
