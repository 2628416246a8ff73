package org.youguan.safety.internal;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The common waybill forms are their own keys, in order and apart from each other; the others hash into the negative half. */
class WaybillKeyTest {

	@Test
	void numericWaybillsOfUpTo17DigitsAreKeptExactlyInOrderAndLeadingZerosCount() {
		assertThat(WaybillKey.of("7")).isEqualTo(100_000_000_000_000_007L);
		assertThat(WaybillKey.of("007")).isEqualTo(300_000_000_000_000_007L);
		assertThat(WaybillKey.of("99999999999999999")).isEqualTo(17 * 100_000_000_000_000_000L + 99_999_999_999_999_999L);
		assertThat(WaybillKey.of("773012345678")).isLessThan(WaybillKey.of("773012345679"));
	}

	@Test
	void oneToThreeCapitalsAndUpTo13DigitsAreExactInOrderAndApartFromTheNumericOnes() {
		long sf = WaybillKey.of("SF1234567890123");
		assertThat(sf).isGreaterThan(WaybillKey.of("99999999999999999")).isLessThan(WaybillKey.of("SF1234567890124"));
		assertThat(WaybillKey.of("SF123")).isNotEqualTo(WaybillKey.of("SF0123")).isNotEqualTo(WaybillKey.of("SG123"))
			.isNotEqualTo(WaybillKey.of("S123")).isNotEqualTo(WaybillKey.of("ZZZ123")).isPositive();
		assertThat(WaybillKey.of("ZZZ9999999999999")).isPositive();
		Set<Long> keys = new HashSet<>();
		for (String prefix : new String[] { "", "A", "Z", "SF", "YT", "JDV", "ZZZ" }) {
			for (int digits = 1; digits <= 13; digits++) {
				keys.add(WaybillKey.of(prefix + "9".repeat(digits)));
				keys.add(WaybillKey.of(prefix + "0".repeat(digits)));
			}
		}
		assertThat(keys).hasSize(7 * 13 * 2);
	}

	@Test
	void otherWaybillsHashIntoTheNegativeHalfAndDoNotCollideOnARealisticSet() {
		assertThat(WaybillKey.of("EA123456789CN")).isNegative().isEqualTo(WaybillKey.of("EA123456789CN"));
		assertThat(WaybillKey.of("sf123")).as("case does not count").isEqualTo(WaybillKey.of("SF123"));
		assertThat(WaybillKey.of("SF-123")).isNegative();
		assertThat(WaybillKey.of("123456789012345678")).isNegative();
		assertThat(WaybillKey.of("SF12345678901234")).as("14 digits after letters").isNegative();
		Set<Long> keys = new HashSet<>();
		for (int i = 0; i < 1_000_000; i++) {
			keys.add(WaybillKey.of("EA" + (100_000_000 + i) + "CN"));
		}
		assertThat(keys).hasSize(1_000_000).allMatch(k -> k < 0);
	}
}
