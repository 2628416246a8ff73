package org.youguan.safety.internal;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Waybill numbers of up to 17 digits are their own keys; the others hash into the negative half. */
class WaybillKeyTest {

	@Test
	void shortNumericWaybillsAreKeptExactlyAndLeadingZerosCount() {
		assertThat(WaybillKey.of("7")).isEqualTo(100_000_000_000_000_007L);
		assertThat(WaybillKey.of("007")).isEqualTo(300_000_000_000_000_007L);
		assertThat(WaybillKey.of("99999999999999999")).isEqualTo(17 * 100_000_000_000_000_000L + 99_999_999_999_999_999L)
			.isPositive();
	}

	@Test
	void otherWaybillsHashIntoTheNegativeHalfAndDoNotCollideOnARealisticSet() {
		assertThat(WaybillKey.of("SF1234567890123")).isNegative().isEqualTo(WaybillKey.of("SF1234567890123"))
			.isNotEqualTo(WaybillKey.of("SF1234567890124"));
		assertThat(WaybillKey.of("123456789012345678")).isNegative();
		Set<Long> keys = new HashSet<>();
		for (int i = 0; i < 1_000_000; i++) {
			keys.add(WaybillKey.of("SF" + (1_000_000_000_000L + i)));
		}
		assertThat(keys).hasSize(1_000_000);
	}
}
