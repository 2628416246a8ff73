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
import static org.assertj.core.api.Assertions.tuple;

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
		assertThat(DecisionRules.hearingRight(Penalty.FINE, new BigDecimal("10000"), null, threshold)).isTrue();
		assertThat(DecisionRules.hearingRight(Penalty.FINE, new BigDecimal("9999.99"), null, threshold)).isFalse();
		assertThat(DecisionRules.hearingRight(Penalty.WARNING, null, null, threshold)).isFalse();
		assertThat(DecisionRules.hearingRight(Penalty.REVOCATION, null, null, threshold)).isTrue();
		assertThat(DecisionRules.hearingRight(Penalty.SUSPENSION, null, null, threshold)).isTrue();
		// 没收较大数额违法所得 (art.63(二)) beside a small fine
		assertThat(DecisionRules.hearingRight(Penalty.CONFISCATION, new BigDecimal("5000"), new BigDecimal("10000"), threshold)).isTrue();
		assertThat(DecisionRules.hearingRight(Penalty.CONFISCATION, new BigDecimal("5000"), new BigDecimal("9999"), threshold)).isFalse();
	}

	@Test
	void legalReviewIsRequiredForLargeFinesRevocationAndAfterAHearing() {
		BigDecimal threshold = new BigDecimal("10000");
		assertThat(DecisionRules.reviewRequired(Penalty.FINE, new BigDecimal("10000"), null, threshold, false)).isTrue();
		assertThat(DecisionRules.reviewRequired(Penalty.FINE, new BigDecimal("5000"), null, threshold, false)).isFalse();
		assertThat(DecisionRules.reviewRequired(Penalty.REVOCATION, null, null, threshold, false)).isTrue();
		assertThat(DecisionRules.reviewRequired(Penalty.WARNING, null, null, threshold, false)).isFalse();
		assertThat(DecisionRules.reviewRequired(Penalty.WARNING, null, null, threshold, true)).isTrue();
	}

	@Test
	void noDecisionIsHeavierThanTheNotice() {
		Validation v = new Validation();
		DecisionRules.notHeavier(v, Penalty.FINE, new BigDecimal("8000"), null, Penalty.FINE, new BigDecimal("8000.01"), null);
		assertThat(v.errors()).extracting(FieldError::field).containsExactly("fine");
		v = new Validation();
		DecisionRules.notHeavier(v, Penalty.WARNING, null, null, Penalty.FINE, new BigDecimal("100"), null);
		assertThat(v.errors()).extracting(FieldError::field).containsExactly("penalty", "fine");
		v = new Validation();
		DecisionRules.notHeavier(v, Penalty.FINE, new BigDecimal("8000"), null, Penalty.WARNING, null, null);
		assertThat(v.errors()).isEmpty();
	}

	@Test
	void aFineNeverNotifiedDoesNotFollowANoticeOfConfiscationOrSuspension() {
		Validation v = new Validation();
		DecisionRules.notHeavier(v, Penalty.SUSPENSION, null, null, Penalty.FINE, new BigDecimal("5000"), null);
		// neither the kind nor the fine was put to the party
		assertThat(v.errors()).extracting(FieldError::rule).containsExactly("not-notified", "heavier");
		v = new Validation();
		DecisionRules.notHeavier(v, Penalty.CONFISCATION, new BigDecimal("5000"), new BigDecimal("3000"), Penalty.FINE,
				new BigDecimal("5000"), null);
		assertThat(v.errors()).as("the fine notified beside the confiscation, decided alone: lighter").isEmpty();
		v = new Validation();
		DecisionRules.notHeavier(v, Penalty.SUSPENSION, new BigDecimal("150000"), new BigDecimal("3000"), Penalty.CONFISCATION,
				new BigDecimal("150000"), new BigDecimal("3000"));
		assertThat(v.errors()).as("the 停业整顿 dropped, the rest as notified").isEmpty();
		v = new Validation();
		DecisionRules.notHeavier(v, Penalty.SUSPENSION, new BigDecimal("150000"), null, Penalty.CONFISCATION,
				new BigDecimal("150000"), new BigDecimal("3000"));
		assertThat(v.errors()).extracting(FieldError::rule).containsExactly("not-notified", "heavier");
		v = new Validation();
		DecisionRules.notHeavier(v, Penalty.SUSPENSION, null, null, Penalty.SUSPENSION, null, null);
		assertThat(v.errors()).isEmpty();
	}

	@Test
	void aConfiscationAddedOrRaisedAfterTheNoticeIsHeavier() {
		Validation v = new Validation();
		DecisionRules.notHeavier(v, Penalty.SUSPENSION, new BigDecimal("100000"), null, Penalty.SUSPENSION,
				new BigDecimal("100000"), new BigDecimal("1"));
		assertThat(v.errors()).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("confiscated", "heavier"));
		v = new Validation();
		DecisionRules.notHeavier(v, Penalty.CONFISCATION, new BigDecimal("50000"), new BigDecimal("8000"), Penalty.CONFISCATION,
				new BigDecimal("50000"), new BigDecimal("8000.01"));
		assertThat(v.errors()).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("confiscated", "heavier"));
		v = new Validation();
		DecisionRules.notHeavier(v, Penalty.CONFISCATION, new BigDecimal("50000"), new BigDecimal("8000"), Penalty.CONFISCATION,
				new BigDecimal("50000"), new BigDecimal("6000"));
		assertThat(v.errors()).isEmpty();
	}

	@Test
	void aHeavierKindUnderAnArticleThatFinesCarriesTheFine() {
		Set<String> combined = Set.of("FINE", "CONFISCATION", "SUSPENSION", "REVOCATION");
		for (Penalty heavy : List.of(Penalty.CONFISCATION, Penalty.SUSPENSION, Penalty.REVOCATION)) {
			Validation v = new Validation();
			DecisionRules.combinedFine(v, "fine", combined, heavy, null);
			assertThat(v.errors()).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("fine", "combined-required"));
			v = new Validation();
			DecisionRules.combinedFine(v, "fine", combined, heavy, new BigDecimal("50000"));
			assertThat(v.errors()).isEmpty();
		}
		Validation v = new Validation();
		DecisionRules.combinedFine(v, "fine", combined, Penalty.WARNING, null);
		assertThat(v.errors()).isEmpty();
	}

	@Test
	void aConfiscationOnlyWhereTheArticleProvidesItAndAsTheKind() {
		Validation v = new Validation();
		DecisionRules.confiscation(v, "penalty", "confiscated", Set.of("FINE", "SUSPENSION"), Penalty.SUSPENSION,
				new BigDecimal("100"));
		assertThat(v.errors()).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("confiscated", "not-provided"));
		v = new Validation();
		DecisionRules.confiscation(v, "penalty", "confiscated", Set.of("FINE", "CONFISCATION"), Penalty.FINE,
				new BigDecimal("100"));
		assertThat(v.errors()).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("penalty", "heaviest"));
	}

	@Test
	void theWordingStatesEveryPart() {
		assertThat(Penalty.CONFISCATION.describe(new BigDecimal("50000"), new BigDecimal("9999")))
			.isEqualTo("没收违法所得人民币9999元，并处罚款人民币50000元");
		assertThat(Penalty.FINE.describe(new BigDecimal("8000.00"), null)).isEqualTo("罚款人民币8000元");
		assertThat(Penalty.SUSPENSION.describe(new BigDecimal("100000"), new BigDecimal("20000")))
			.isEqualTo("责令停业整顿，没收违法所得人民币20000元，并处罚款人民币100000元");
		assertThat(Penalty.CONFISCATION.labelWith(new BigDecimal("50000"), new BigDecimal("9999"))).isEqualTo("没收违法所得并处罚款");
		assertThat(Penalty.FINE.labelWith(new BigDecimal("8000"), null)).isEqualTo("罚款");
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

	/**
	 * Attack: "放弃陈述申辩，同意处罚", "对处罚没有异议", "接受处罚" … were recorded as a 陈述申辩 — only one fixed phrase list
	 * was refused. A text all of whose clauses waive, state no objection or accept the penalty (with politeness) is a
	 * waiver; one clause of anything else makes it a statement, though it mentions 异议.
	 */
	@Test
	void aTextThatOnlyWaivesOrAcceptsThePenaltyIsNoStatementButOneThatArguesIs() {
		assertThat(List.of("放弃陈述申辩，同意处罚", "对处罚没有异议", "没有异议", "接受处罚", "同意处罚", "本公司对处罚无异议，放弃陈述申辩。",
				"我公司对拟作出的行政处罚决定无异议，自愿放弃陈述申辩的权利，谢谢！", "我司对贵局认定的违法事实没有异议，愿意接受处罚。",
				"接受处罚。特此说明。", "本人自愿放弃陈述、申辩的权利。", " 无异议 ", "无",
				// attack 41: 没意见, 没异议, 认罚, 无需/不需要陈述申辩
				"没意见，认罚。", "无需陈述申辩。", "不需要陈述申辩", "对处罚没异议", "我公司认罚"))
			.allMatch(DecisionRules::onlyWaives);
		assertThat(List.of("系新员工操作失误，已补报，请求从轻", "我公司对处罚有异议，理由如下：未收到通知",
				"对事实无异议，但罚款过高，请求从轻处罚", "我公司对事实没有异议，但当时系系统故障导致未报送，请求减轻处罚", "对处罚金额有异议",
				"同意", "谢谢", ""))
			.noneMatch(DecisionRules::onlyWaives);
	}
}
