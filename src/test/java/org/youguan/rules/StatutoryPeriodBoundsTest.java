package org.youguan.rules;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every period the law sets that a bureau may adjust has the range the law allows, as every fine bound has. */
class StatutoryPeriodBoundsTest {

	@Test
	void everyConfirmedPeriodABureauMayAdjustHasAStatutoryRange() {
		assertThat(Arrays.stream(StatutoryRule.values())
			.filter(r -> r.confirmed() && r.unit().isDeadline() && !r.nationalOnly())
			.filter(r -> RuleBounds.statutory(r).isEmpty())
			.toList()).isEmpty();
	}

	@Test
	void aTimeLimitTheBureauKeepsIsCappedByTheLawAndAtLeastOneUnit() {
		RuleBounds.Range range = RuleBounds.statutory(StatutoryRule.OUTLET_MISSING_ITEMS_NOTICE).orElseThrow();
		assertThat(range.min()).isEqualByComparingTo("1");
		assertThat(range.max()).isEqualByComparingTo("2");
	}

	@Test
	void localPracticePeriodsStayFreeToSet() {
		assertThat(RuleBounds.statutory(StatutoryRule.SAFETY_HAZARD_GENERAL_RECTIFICATION)).isEmpty();
		assertThat(RuleBounds.statutory(StatutoryRule.COMPLAINT_TRANSFER)).isEmpty();
	}
}
