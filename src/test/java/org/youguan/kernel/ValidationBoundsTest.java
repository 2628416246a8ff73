package org.youguan.kernel;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A date within bounds, each bound with the caller's own message (a look-back rule's reason): the bound crossed is
 * the one told, as rule {@code range}.
 */
class ValidationBoundsTest {

	static final LocalDate MIN = LocalDate.of(2016, 12, 5);

	static final LocalDate MAX = LocalDate.of(2026, 12, 5);

	@Test
	void aDateOnEitherBoundIsWithin() {
		Validation v = new Validation();
		assertThat(v.within("on", MIN, MIN, "early", MAX, "late")).isTrue();
		assertThat(v.within("on", MAX, MIN, "early", MAX, "late")).isTrue();
		assertThat(v.hasErrors()).isFalse();
	}

	@Test
	void theBoundCrossedIsToldWithItsOwnMessage() {
		Validation early = new Validation();
		assertThat(early.within("on", MIN.minusDays(1), MIN, "太早", MAX, "太晚")).isFalse();
		assertThat(early.errors()).singleElement().isEqualTo(new FieldError("on", "range", "太早"));
		Validation late = new Validation();
		assertThat(late.within("on", MAX.plusDays(1), MIN, "太早", MAX, "太晚")).isFalse();
		assertThat(late.errors()).singleElement().isEqualTo(new FieldError("on", "range", "太晚"));
	}

	/** Bounds of one day name that day ("核查日期应为2026-12-05"), not a range of one day (attack 70). */
	@Test
	void boundsOfOneDayNameThatDay() {
		Validation v = new Validation();
		v.within("verifiedOn", "核查日期", MAX.plusDays(1), MAX, MAX);
		assertThat(v.errors()).singleElement().isEqualTo(new FieldError("verifiedOn", "range", "核查日期应为" + ChineseText.day(MAX)));
		Validation wide = new Validation();
		wide.within("verifiedOn", "核查日期", MAX.plusDays(1), MIN, MAX);
		// the bound passed first (a future day: 不得晚于), then the range
		assertThat(wide.errors()).singleElement().isEqualTo(new FieldError("verifiedOn", "range",
				"核查日期不得晚于" + ChineseText.day(MAX) + "（应在" + ChineseText.day(MIN) + "至" + ChineseText.day(MAX) + "之间）"));
		Validation before = new Validation();
		before.within("verifiedOn", "核查日期", MIN.minusDays(1), MIN, MAX);
		assertThat(before.errors()).singleElement().isEqualTo(new FieldError("verifiedOn", "range",
				"核查日期不得早于" + ChineseText.day(MIN) + "（应在" + ChineseText.day(MIN) + "至" + ChineseText.day(MAX) + "之间）"));
	}
}
