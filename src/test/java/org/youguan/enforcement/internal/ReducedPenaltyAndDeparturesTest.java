package org.youguan.enforcement.internal;

import java.math.BigDecimal;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.youguan.enforcement.Mitigation;
import org.youguan.enforcement.Penalty;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Validation;
import org.youguan.rules.FineRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 减轻处罚 is a penalty below the statutory minimum (行政处罚法(2021) art.32): a fine above 0 and below the range's
 * minimum, or a kind lighter than every one the article provides — never a kind the article provides without such a
 * fine, never no fine at all; and a 不予处罚 after a reviewed proposal departs from it (art.57 para.2, art.58).
 */
class ReducedPenaltyAndDeparturesTest {

	static final FineRange RANGE = new FineRange(new BigDecimal("10000"), new BigDecimal("50000"), false);

	static final Set<String> ALL_BUT_WARNING = Set.of("FINE", "CONFISCATION", "SUSPENSION", "REVOCATION");

	static Validation reduced(Set<String> provided, Penalty penalty, String fine) {
		Validation v = new Validation();
		DecisionRules.reducedIsBelowTheMinimum(v, RANGE, provided, penalty, fine == null ? null : new BigDecimal(fine),
				Mitigation.REDUCED);
		return v;
	}

	@Test
	void aReducedFineLiesAboveZeroAndBelowTheMinimum() {
		assertThat(RANGE.reduces(new BigDecimal("0.01"))).isTrue();
		assertThat(RANGE.reduces(new BigDecimal("9999.99"))).isTrue();
		assertThat(RANGE.reduces(new BigDecimal("10000"))).as("the minimum is within the range").isFalse();
		assertThat(RANGE.reduces(BigDecimal.ZERO)).as("no fine is 不予处罚, not 减轻").isFalse();
		assertThat(RANGE.reduces(null)).isFalse();
		assertThat(new FineRange(BigDecimal.ZERO, new BigDecimal("10000"), false).reduces(new BigDecimal("1")))
			.as("nothing lies below a minimum of 0").isFalse();
	}

	@Test
	void aReducedPenaltyOfAProvidedKindNeedsAFineBelowTheMinimum() {
		assertThat(reduced(ALL_BUT_WARNING, Penalty.FINE, "5000").errors()).isEmpty();
		assertThat(reduced(ALL_BUT_WARNING, Penalty.CONFISCATION, "0.01").errors()).isEmpty();
		assertThat(reduced(ALL_BUT_WARNING, Penalty.CONFISCATION, null).errors()).extracting(FieldError::rule)
			.containsExactly("not-reduced");
		assertThat(reduced(ALL_BUT_WARNING, Penalty.CONFISCATION, "0").errors()).extracting(FieldError::rule)
			.containsExactly("not-reduced");
		assertThat(reduced(ALL_BUT_WARNING, Penalty.CONFISCATION, null).errors().get(0).message())
			.contains("减轻处罚是在法定幅度下限以下处罚").contains("行政处罚法(2021) 第32条").contains("10000");
		// a warning where the article provides it is no 减轻
		assertThat(reduced(Set.of("WARNING", "FINE"), Penalty.WARNING, null).errors()).extracting(FieldError::rule)
			.containsExactly("not-reduced");
	}

	@Test
	void aLighterKindThanEveryProvidedOneIsReduced() {
		assertThat(reduced(ALL_BUT_WARNING, Penalty.WARNING, null).errors()).isEmpty();
	}

	@Test
	void aFineAtOrAboveTheMinimumMarkedReducedIsRefusedOnce() {
		Validation v = new Validation();
		DecisionRules.checkFine(v, RANGE, new BigDecimal("10000"), Mitigation.REDUCED, Mitigation.Ground.COOPERATED, "立功");
		DecisionRules.reducedIsBelowTheMinimum(v, RANGE, ALL_BUT_WARNING, Penalty.FINE, new BigDecimal("10000"),
				Mitigation.REDUCED);
		assertThat(v.errors()).extracting(FieldError::rule).containsExactly("reduced-below-min");
	}

	@Test
	void otherMitigationsAreNotChecked() {
		Validation v = new Validation();
		DecisionRules.reducedIsBelowTheMinimum(v, RANGE, ALL_BUT_WARNING, Penalty.FINE, new BigDecimal("20000"),
				Mitigation.LIGHTER);
		assertThat(v.errors()).isEmpty();
	}

	@Test
	void noPenaltyAfterAProposedPenaltyDepartsFromIt() {
		assertThat(DecisionRules.departures(Penalty.FINE, new BigDecimal("20000"), null, null, null, null, null, null, null,
				null)).containsExactly("处罚种类由罚款改为不予行政处罚");
		assertThat(DecisionRules.departures(null, null, null, null, null, null, null, null, null, null)).isEmpty();
		assertThat(DecisionRules.departures(Penalty.FINE, new BigDecimal("20000"), null, null, null, Penalty.FINE,
				new BigDecimal("20000.00"), null, null, null)).isEmpty();
	}
}
