package org.youguan.kernel;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A percentage near a boundary is never rounded over it: a rate is 100 only when every one counts, a change is never
 * shown as a fall to nothing (or beyond what it is); a share is rounded half up.
 */
class PercentagesTest {

	@Test
	void aRateJustUnderAHundredIsNotShownAsAHundred() {
		assertThat(Percentages.rate(9997, 10000, 1)).isEqualByComparingTo("99.9");
		assertThat(Percentages.rate(99_996, 100_000, 2)).isEqualByComparingTo("99.99");
		assertThat(Percentages.rate(10000, 10000, 1)).isEqualByComparingTo("100.0");
		assertThat(Percentages.rate(599, 600, 0)).isEqualByComparingTo("99");
		assertThat(Percentages.rate(new BigDecimal("9997"), new BigDecimal("10000"), 1)).isEqualByComparingTo("99.9");
		assertThat(Percentages.rate(new BigDecimal("10004"), new BigDecimal("10000"), 1)).isEqualByComparingTo("100.0");
		assertThat(Percentages.rate(1, 0, 1)).isNull();
		assertThat(Percentages.rateSql("a", "b", 2)).contains("trunc((a) * 100.0 / nullif(b, 0), 2)");
	}

	/**
	 * Finding stat50-7: a rate of some is never shown as 0 % — rounded down, 1 of 50,000 was 0.00 and 1 of 200 at whole
	 * percent 0 — held one step above 0 as a share is; none stays 0, and a rate short of all stays short of 100.
	 */
	@Test
	void aRateOfSomeIsNeverShownAsNone() {
		assertThat(Percentages.rate(1, 50_000, 2)).isEqualByComparingTo("0.01");
		assertThat(Percentages.rate(1, 200, 0)).isEqualByComparingTo("1");
		assertThat(Percentages.rate(new BigDecimal("0.4"), new BigDecimal("50000"), 2)).isEqualByComparingTo("0.01");
		assertThat(Percentages.rate(0, 50_000, 2)).isEqualByComparingTo("0.00");
		assertThat(Percentages.rate(49_999, 50_000, 0)).isEqualByComparingTo("99");
		assertThat(Percentages.shownRate(new BigDecimal("0.004"), 2)).isEqualByComparingTo("0.01");
		assertThat(Percentages.shownRate(new BigDecimal("99.9999"), 2)).isEqualByComparingTo("99.99");
		assertThat(Percentages.shownRate(BigDecimal.ZERO, 2)).isEqualByComparingTo("0.00");
		assertThat(Percentages.shownRate(new BigDecimal("100"), 2)).isEqualByComparingTo("100.00");
		assertThat(Percentages.rateSql("r", "w", 2)).contains("greatest(trunc((r) * 100.0 / nullif(w, 0), 2), 0.01)");
	}

	@Test
	void aChangeIsRoundedTowardZeroAndAShareHalfUp() {
		assertThat(Percentages.change(new BigDecimal("3"), new BigDecimal("10000"), 1)).isEqualByComparingTo("-99.9");
		assertThat(Percentages.change(new BigDecimal("19997"), new BigDecimal("10000"), 1)).isEqualByComparingTo("99.9");
		assertThat(Percentages.change(new BigDecimal("0"), new BigDecimal("10000"), 1)).isEqualByComparingTo("-100.0");
		assertThat(Percentages.change(BigDecimal.ONE, BigDecimal.ZERO, 1)).isNull();
		assertThat(Percentages.shown(new BigDecimal("-99.97"), 1)).isEqualByComparingTo("-99.9");
		assertThat(Percentages.share(27, 662, 1)).isEqualByComparingTo("4.1");
	}

	/**
	 * A share of some but not all is never shown as 100 % nor a share of some as 0 %: 49,999 of 50,000 rounded half up
	 * was 100.00 (a parcel batch's rejected share), 1 of 50,000 was 0.00; none and all stay 0 and 100.
	 */
	@Test
	void aShareOfSomeButNotAllIsNeverShownAsAllOrNone() {
		assertThat(Percentages.share(49_999, 50_000, 2)).isEqualByComparingTo("99.99");
		assertThat(Percentages.share(1, 50_000, 2)).isEqualByComparingTo("0.01");
		assertThat(Percentages.share(1999, 2000, 1)).isEqualByComparingTo("99.9");
		assertThat(Percentages.share(1, 2000, 1)).isEqualByComparingTo("0.1");
		assertThat(Percentages.share(1, 3, 0)).isEqualByComparingTo("33");
		assertThat(Percentages.share(0, 50_000, 2)).isEqualByComparingTo("0.00");
		assertThat(Percentages.share(50_000, 50_000, 2)).isEqualByComparingTo("100.00");
		assertThat(Percentages.share(1, 0, 2)).isNull();
		assertThat(Percentages.share(new BigDecimal("49999.5"), new BigDecimal("50000"), 2)).isEqualByComparingTo("99.99");
		assertThat(Percentages.share(new BigDecimal("0.4"), new BigDecimal("50000"), 2)).isEqualByComparingTo("0.01");
		assertThat(Percentages.share(BigDecimal.ZERO, BigDecimal.TEN, 2)).isEqualByComparingTo("0.00");
		assertThat(Percentages.shareSql("r", "w", 2)).contains("least(greatest(round((r) * 100.0 / nullif(w, 0), 2), 0.01), 100 - 0.01)");
	}
}
