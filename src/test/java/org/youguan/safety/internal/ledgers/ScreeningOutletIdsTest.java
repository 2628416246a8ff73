package org.youguan.safety.internal.ledgers;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outlet ids a 委托安检 contract covers, typed in one field: ASCII or full-width digits separated by commas, 、 or
 * spaces; digits of another script (Arabic-Indic ٣, which {@link Long#parseLong} reads as 3) are refused on
 * {@code outletIds} as any text that is no number.
 */
class ScreeningOutletIdsTest {

	@Test
	void idsAreWholeNumbersInAsciiOrFullWidthDigits() {
		assertThat(ScreeningController.ids("12, 13、１４ 15")).containsExactly(12L, 13L, 14L, 15L);
		assertThat(ScreeningController.ids("  ")).isEmpty();
	}

	@Test
	void digitsOfAnotherScriptAreNoId() {
		for (String typed : new String[] { "12,٣", "1.5", "abc" }) {
			assertThatThrownBy(() -> ScreeningController.ids(typed)).as(typed)
				.isInstanceOf(InvalidValueException.class)
				.satisfies(e -> assertThat(((InvalidValueException) e).fieldErrors().get(0).field()).isEqualTo("outletIds"));
		}
	}
}
