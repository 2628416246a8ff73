package org.youguan.kernel;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Prefixes as SQL: a typed text prefix as a bound byte-wise range, a region code written in as digits only. */
class PrefixRangeTest {

	@Test
	void theUpperBoundIsThePrefixWithItsLastCharacterRaised() {
		assertThat(PrefixRange.of("3209").params("r")).isEqualTo(Map.of("rFrom", "3209", "rTo", "320:"));
		assertThat(PrefixRange.of("吴中").params("n")).isEqualTo(Map.of("nFrom", "吴中", "nTo", "吴丮"));
		// a character outside the basic plane is raised as one code point, not as half a surrogate pair
		assertThat(PrefixRange.of("𠀀").params("n").get("nTo")).isEqualTo("𠀁");
		assertThat(PrefixRange.of("吴").predicate("r.name", "n")).isEqualTo("(r.name ~>=~ :nFrom AND r.name ~<~ :nTo)");
		assertThat(PrefixRange.of("").predicate("r.name", "n")).isEqualTo("TRUE");
	}

	@Test
	void aRegionIsWrittenInAsItsDigitsAndTheCountryKeepsEveryRow() {
		assertThat(RegionPrefix.of("3205").predicate("c.region_code")).isEqualTo("c.region_code LIKE '3205%'");
		assertThat(RegionPrefix.of("0").predicate("c.region_code")).isEqualTo("TRUE");
		assertThat(RegionPrefix.of(" ").predicate("c.region_code")).isEqualTo("TRUE");
		assertThat(RegionPrefix.of("3205").contains("320506")).isTrue();
		assertThat(RegionPrefix.of("3205").contains("3206")).isFalse();
		assertThat(RegionPrefix.of(null).contains("320506")).isTrue();
	}

	@Test
	void anythingButDigitsIsRefusedBeforeItReachesTheSqlText() {
		for (String bad : new String[] { "3205' OR '1'='1", "3205%", "32_5", "1234567890123" }) {
			assertThatThrownBy(() -> RegionPrefix.of(bad)).as(bad)
				.isInstanceOfSatisfying(InvalidValueException.class,
						e -> assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("region"));
		}
	}
}
