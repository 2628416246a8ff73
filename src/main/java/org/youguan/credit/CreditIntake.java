package org.youguan.credit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.credit.CreditEntry.CorrectionKind;
import org.youguan.enforcement.DecisionOutcomes;
import org.youguan.enforcement.PenaltyDecided;
import org.youguan.enforcement.PenaltyDecisionRemedied;
import org.youguan.enforcement.PenaltyDelivered;
import org.youguan.inspections.RectificationOverdue;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Text;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.rules.ViolationType;

/**
 * Takes the credit record's facts in from the procedures' events, after their step commits (from the event
 * publication registry: a failure is retried, a redelivery adds nothing — one entry per origin, one correction per
 * outcome):
 * <ul>
 * <li>{@link PenaltyDelivered} — a penalty decision against an enterprise served on it (送达, or handed over on the spot;
 * one served by public notice on the day it is deemed served, not when the notice is published — the event comes then)
 * becomes an entry 行政处罚 with its terms as served (a 变更 before the delivery included): the decision takes effect on
 * service (行政处罚法(2021) art.61), and the party reads its record and objects to an entry (art.18) only once it holds
 * the decision; a decision against a natural person (no credit code) is no enterprise's credit;</li>
 * <li>{@link PenaltyDecided} — only a past case's decision ({@code imported}), served off the platform, becomes its entry
 * at once; a decision made here waits for its delivery (one revoked before it is never served nor entered);</li>
 * <li>{@link PenaltyDecisionRemedied} — a served decision changed, revoked or confirmed invalid: its entry owes a change or
 * removal within {@code credit.record-update} of the outcome (快递业信用管理暂行办法(2017) art.17, 10日 counted from the
 * outcome's day as the event carries it — the product cannot see the day the outcome took effect); an older remedy
 * delivered again after a newer one changes nothing ({@link CreditRecords#oweForRemedy});</li>
 * <li>{@link RectificationOverdue} — an inspection's 责令改正通知书 past its deadline unrectified becomes an entry
 * 责令改正逾期未改正 (the only inspection result the inspections module publishes; an inspection without findings is
 * no credit fact).</li>
 * </ul>
 */
@Component
class CreditIntake {

	private static final Logger log = LoggerFactory.getLogger(CreditIntake.class);

	private final CreditRecords records;

	private final StatutoryRules rules;

	CreditIntake(CreditRecords records, StatutoryRules rules) {
		this.records = records;
		this.rules = rules;
	}

	@ApplicationModuleListener
	void on(PenaltyDecided e) {
		if (!e.imported()) {
			return; // entered when served (PenaltyDelivered)
		}
		penalty(e.caseId(), e.decisionNumber(), e.regionCode(), e.enterpriseCreditCode(), e.enterpriseName(),
				violation(e.violationCode()) + e.penalty().describe(e.fine(), e.confiscated()), e.decidedOn(), e.decidedOn());
	}

	@ApplicationModuleListener
	void on(PenaltyDelivered e) {
		penalty(e.caseId(), e.decisionNumber(), e.regionCode(), e.enterpriseCreditCode(), e.enterpriseName(),
				violation(e.violationCode()) + e.penalty().describe(e.fine(), e.confiscated()),
				e.decidedOn() != null ? e.decidedOn() : e.deliveredOn(), e.deliveredOn());
	}

	/**
	 * The entry 行政处罚 of a case's decision, once per case, served on {@code servedOn} (a past case's decision: its
	 * decision day, served off the platform); none for a natural person (no credit code). An entry taken in at the
	 * decision before entries waited for the delivery learns the day it was served here.
	 */
	private void penalty(long caseId, String decisionNumber, String regionCode, String creditCode, String name,
			String summary, LocalDate decidedOn, LocalDate servedOn) {
		if (Text.isBlank(creditCode)) {
			return;
		}
		records.enter(CreditEntry.Source.PENALTY, "penalty:" + caseId, decisionNumber, CreditEntry.Kind.PENALTY_DECISION,
				regionCode, creditCode, name, summary, decidedOn);
		records.served("penalty:" + caseId, servedOn);
	}

	@ApplicationModuleListener
	void on(PenaltyDecisionRemedied e) {
		var entry = records.byOrigin("penalty:" + e.caseId());
		if (entry.isEmpty()) {
			// a decision not served yet (its delivery enters it with the terms as changed; one revoked is never served),
			// one taken in before the credit record existed, or against a natural person: nothing to correct
			log.info("No credit entry for the remedied decision {} (case {})", e.decisionNumber(), e.caseId());
			return;
		}
		CreditEntry c = entry.get();
		boolean change = e.result() == DecisionOutcomes.Result.CHANGED;
		String summary = change ? before(c.summary()) + e.changedTo() : null;
		if (change && e.changedTo() == null) {
			return;
		}
		if (!records.oweForRemedy(c, change ? CorrectionKind.CHANGE : CorrectionKind.REMOVE, summary,
				e.outcome() + "（" + e.documentNumber() + "，" + ChineseText.day(e.decidedOn()) + "）"
						+ (change ? "：变更为" + e.changedTo() : "：处罚决定" + e.result().label()),
				"remedy:" + e.documentNumber(), rules.deadline(StatutoryRule.CREDIT_RECORD_UPDATE, e.decidedOn(), e.regionCode()),
				e.outcomeId(), e.decidedOn())) {
			log.info("Credit entry {} keeps its correction: the remedy {} of case {} is taken in already or older than the"
					+ " entry's last", c.id(), e.documentNumber(), e.caseId());
		}
	}

	@ApplicationModuleListener
	void on(RectificationOverdue e) {
		records.enter(CreditEntry.Source.INSPECTION, "rectification-overdue:" + e.orderId(), e.number(),
				CreditEntry.Kind.RECTIFICATION_OVERDUE, e.regionCode(), e.enterpriseCreditCode(), null,
				"责令改正通知书" + e.number() + "限期" + ChineseText.day(e.dueOn()) + "届满，逾期未改正", e.raisedOn());
	}

	/** "违法行为：" of a penalty entry's text, or "" for an unknown violation code. */
	private static String violation(String code) {
		return ViolationType.byCodeOrTitle(code).map(v -> v.shortName() + "：").orElse("");
	}

	/**
	 * What a changed penalty's text follows on an entry: the violation part of the entry's text — the violation's
	 * short name and "：" it was entered with ({@link #violation}), the longest that begins the text; an entry whose
	 * text names no violation so (an unknown violation, a text changed on an objection) keeps its whole text and
	 * states the change after it, so the change never drops what the entry says was violated.
	 */
	static String before(String summary) {
		return Arrays.stream(ViolationType.values()).map(v -> v.shortName() + "：").filter(summary::startsWith)
			.max(Comparator.comparingInt(String::length))
			.orElse(summary + "；变更为：");
	}
}
