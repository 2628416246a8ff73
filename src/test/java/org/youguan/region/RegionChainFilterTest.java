package org.youguan.region;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The picker's chain of selects becomes one code: the deepest value that still lies inside the one before it.
 */
class RegionChainFilterTest {

	@Test
	void takesTheDeepestChoice() {
		assertThat(RegionChainFilter.deepest(new String[] { "", "32", "3205", "320506" })).isEqualTo("320506");
		assertThat(RegionChainFilter.deepest(new String[] { "3205", "320506", "320506001" })).isEqualTo("320506001");
	}

	@Test
	void aBlankLevelEndsTheChain() {
		assertThat(RegionChainFilter.deepest(new String[] { "", "32", "3205", "" })).isEqualTo("3205");
		assertThat(RegionChainFilter.deepest(new String[] { "3205", "" })).isEqualTo("3205");
		assertThat(RegionChainFilter.deepest(new String[] { "", "" })).isEmpty();
	}

	@Test
	void aLevelOutsideTheOneAboveItEndsTheChain() {
		assertThat(RegionChainFilter.deepest(new String[] { "", "31", "3205", "320506" })).isEqualTo("31");
		assertThat(RegionChainFilter.deepest(new String[] { "3205", "3205" })).isEqualTo("3205");
	}
}
