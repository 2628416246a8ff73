package org.youguan.enforcement.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.youguan.enforcement.Mitigation;
import org.youguan.enforcement.Penalty;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Validation;
import org.youguan.rules.FineRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules a fine and a decision must meet: within the violation's range (减轻 below it with an art.32 ground and a
 * reason, never above it), the hearing right and the legal review by amount and kind, and no heavier decision than
 * notified.
 */
class DecisionRulesTest {

	static final FineRange RANGE = new FineRange(new BigDecimal("50000"), new BigDecimal("100000"), false);

	static Validation check(String fine, Mitigation m, Mitigation.Ground g, String reason) {
		Validation v = new Validation();
		DecisionRules.checkFine(v, RANGE, new BigDecimal(fine), m, g, reason);
		return v;
	}

	@Test
	void aFineWithinTheRangePasses() {
		assertThat(check("50000", null, null, null).errors()).isEmpty();
		assertThat(check("100000", null, null, null).errors()).isEmpty();
		assertThat(check("60000", Mitigation.LIGHTER, Mitigation.Ground.ELIMINATED_HARM, "主动消除危害后果").errors()).isEmpty();
	}

	@Test
	void aFineAboveTheRangeIsRefusedEvenWithMitigation() {
		assertThat(check("100000.01", null, null, null).errors()).extracting(FieldError::field).containsExactly("fine");
		assertThat(check("150000", Mitigation.REDUCED, Mitigation.Ground.CONFESSED, "x").errors())
			.extracting(FieldError::rule).contains("range");
	}

	@Test
	void aFineBelowTheRangeNeedsAReducedPenaltyWithGroundAndReason() {
		assertThat(check("30000", null, null, null).errors()).extracting(FieldError::field).containsExactly("fine");
		assertThat(check("30000", Mitigation.LIGHTER, Mitigation.Ground.COERCED, "受胁迫").errors())
			.extracting(FieldError::field).containsExactly("fine");
		assertThat(check("30000", Mitigation.REDUCED, null, " ").errors()).extracting(FieldError::field)
			.containsExactlyInAnyOrder("mitigationGround", "mitigationReason");
		assertThat(check("30000", Mitigation.REDUCED, Mitigation.Ground.COOPERATED, "配合查处有立功表现").errors()).isEmpty();
	}

	@Test
	void aReducedPenaltyWithinTheRangeIsCalledLighter() {
		assertThat(check("60000", Mitigation.REDUCED, Mitigation.Ground.COOPERATED, "x").errors())
			.extracting(FieldError::rule).containsExactly("reduced-below-min");
	}

	@Test
	void theHearingRightFollowsTheAmountAndKind() {
		BigDecimal threshold = new BigDecimal("10000");
		assertThat(DecisionRules.hearingRight(Penalty.FINE, new BigDecimal("10000"), threshold)).isTrue();
		assertThat(DecisionRules.hearingRight(Penalty.FINE, new BigDecimal("9999.99"), threshold)).isFalse();
		assertThat(DecisionRules.hearingRight(Penalty.WARNING, null, threshold)).isFalse();
		assertThat(DecisionRules.hearingRight(Penalty.REVOCATION, null, threshold)).isTrue();
		assertThat(DecisionRules.hearingRight(Penalty.SUSPENSION, null, threshold)).isTrue();
	}

	@Test
	void legalReviewIsRequiredForLargeFinesRevocationAndAfterAHearing() {
		BigDecimal threshold = new BigDecimal("10000");
		assertThat(DecisionRules.reviewRequired(Penalty.FINE, new BigDecimal("10000"), threshold, false)).isTrue();
		assertThat(DecisionRules.reviewRequired(Penalty.FINE, new BigDecimal("5000"), threshold, false)).isFalse();
		assertThat(DecisionRules.reviewRequired(Penalty.REVOCATION, null, threshold, false)).isTrue();
		assertThat(DecisionRules.reviewRequired(Penalty.WARNING, null, threshold, false)).isFalse();
		assertThat(DecisionRules.reviewRequired(Penalty.WARNING, null, threshold, true)).isTrue();
	}

	@Test
	void noDecisionIsHeavierThanTheNotice() {
		Validation v = new Validation();
		DecisionRules.notHeavier(v, Penalty.FINE, new BigDecimal("8000"), Penalty.FINE, new BigDecimal("8000.01"));
		assertThat(v.errors()).extracting(FieldError::field).containsExactly("fine");
		v = new Validation();
		DecisionRules.notHeavier(v, Penalty.WARNING, null, Penalty.FINE, new BigDecimal("100"));
		assertThat(v.errors()).extracting(FieldError::field).containsExactly("penalty");
		v = new Validation();
		DecisionRules.notHeavier(v, Penalty.FINE, new BigDecimal("8000"), Penalty.WARNING, null);
		assertThat(v.errors()).isEmpty();
	}

	@Test
	void aFineNeverNotifiedDoesNotFollowANoticeOfConfiscationOrSuspension() {
		Validation v = new Validation();
		DecisionRules.notHeavier(v, Penalty.SUSPENSION, null, Penalty.FINE, new BigDecimal("5000"));
		assertThat(v.errors()).extracting(FieldError::rule).containsExactly("not-notified");
		v = new Validation();
		DecisionRules.notHeavier(v, Penalty.CONFISCATION, new BigDecimal("5000"), Penalty.FINE, new BigDecimal("5000"));
		assertThat(v.errors()).extracting(FieldError::rule).containsExactly("not-notified");
		v = new Validation();
		DecisionRules.notHeavier(v, Penalty.SUSPENSION, null, Penalty.SUSPENSION, null);
		assertThat(v.errors()).isEmpty();
	}

	@Test
	void onlyAKindTheArticleProvidesOrALighterOneUnderReducedPenalty() {
		Set<String> fines = Set.of("FINE");
		Validation v = new Validation();
		DecisionRules.providedKind(v, "penalty", fines, Penalty.WARNING, null, null, null);
		assertThat(v.errors()).extracting(FieldError::rule).containsExactly("not-provided");
		v = new Validation();
		DecisionRules.providedKind(v, "penalty", fines, Penalty.WARNING, Mitigation.REDUCED, Mitigation.Ground.CONFESSED, "主动供述");
		assertThat(v.errors()).isEmpty();
		v = new Validation();
		DecisionRules.providedKind(v, "penalty", fines, Penalty.REVOCATION, Mitigation.REDUCED, Mitigation.Ground.CONFESSED, "x");
		assertThat(v.errors()).extracting(FieldError::rule).containsExactly("not-provided");
		v = new Validation();
		DecisionRules.providedKind(v, "penalty", Set.of("WARNING", "FINE"), Penalty.WARNING, null, null, null);
		assertThat(v.errors()).isEmpty();
	}

	@Test
	void suspensionAndRevocationOnlyInASeriousCase() {
		for (Penalty heavy : List.of(Penalty.SUSPENSION, Penalty.REVOCATION)) {
			Validation v = new Validation();
			DecisionRules.seriousOnly(v, "penalty", heavy, false);
			assertThat(v.errors()).extracting(FieldError::rule).containsExactly("not-serious");
			v = new Validation();
			DecisionRules.seriousOnly(v, "penalty", heavy, true);
			assertThat(v.errors()).isEmpty();
		}
		Validation v = new Validation();
		DecisionRules.seriousOnly(v, "penalty", Penalty.FINE, false);
		assertThat(v.errors()).isEmpty();
	}
}
