package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Published when a step of a penalty case addresses the party — a document served on it that asks something of it by
 * a day: the 事先告知书 (its statement and hearing window, 行政处罚法(2021) art.44, 63–64), the 听证通知书 (the hearing's
 * day, art.64), the 行政处罚决定书 delivered (送达, art.61 — the days to pay or hand over, art.67) or on the spot
 * (art.51–52), the approval of a deferral or instalments (the day the next payment is due, art.66), the decision
 * changed (变更) by 行政复议, 行政诉讼 or the bureau's own correction and reissued once it was served (its new fine and the
 * day to pay it, 行政复议法(2023) art.63, 行政诉讼法(2017) art.77, 行政处罚法(2021) art.75), and the 不予行政处罚决定书
 * served (art.33, 57, 61: nothing is asked of the party by a day), and a decision served and then revoked (撤销) or
 * declared invalid (确认无效) by 行政复议, 行政诉讼 or the bureau's own correction (it is no longer executed; what was
 * paid is refunded). The
 * notifications module tells the enterprise's users on their portal. Not published for a person (no portal account)
 * nor for a past case imported (served off the platform). Everything a listener needs travels with the event.
 *
 * @param caseId the case (its portal page is {@code /enterprise/penalties/{caseId}})
 * @param caseNumber the case's number
 * @param regionCode the case's region
 * @param enterpriseCreditCode the party
 * @param step which step addressed it
 * @param servedOn the day the document was served or the step taken
 * @param dueOn the day the step names: the last day of the statement window ({@link Step#PRIOR_NOTICE}), the hearing
 *        day ({@link Step#HEARING_NOTICE}), the last day to pay the fine or hand over what is confiscated
 *        ({@link Step#DECISION_SERVED}, null for a decision that demands no payment), the next payment's day
 *        ({@link Step#PAYMENT_ARRANGED}), the payment deadline in force after a change ({@link Step#DECISION_CHANGED},
 *        null when the changed decision demands no payment or it is paid), null for {@link Step#NO_PENALTY_SERVED}
 *        and {@link Step#DECISION_ANNULLED}
 * @param hearingRight whether the 事先告知 gave the right to request a hearing (false for the other steps)
 * @param fine the fine the decision imposes as of this step (yuan; null when none, before a decision, or for an event
 *        stored before this field was added)
 * @param remedy for {@link Step#DECISION_CHANGED} and {@link Step#DECISION_ANNULLED}, who decided the outcome and
 *        what it did ("行政复议撤销", "行政诉讼确认无效", "自行纠正变更"); null for the other steps and for an event stored
 *        before this field was added
 * @param refund for {@link Step#DECISION_CHANGED} and {@link Step#DECISION_ANNULLED}, what the bureau now owes the party
 *        back of what it paid (yuan); null when nothing is to refund
 * @param publishedOn for a document served by public notice (公告送达), the day the notice was published — the event is
 *        published then, {@code servedOn} being the later day it is deemed served (民事诉讼法(2023) art.95, rule
 *        {@code penalty.public-notice-service}), so a listener tells both and claims no service before that day; null
 *        for every other service and for an event stored before this field was added
 */
public record PenaltyStepServed(long caseId, String caseNumber, String regionCode, String enterpriseCreditCode, Step step,
		LocalDate servedOn, LocalDate dueOn, boolean hearingRight, BigDecimal fine, String remedy, BigDecimal refund,
		LocalDate publishedOn) {

	/** A step served otherwise than by public notice (no publication day). */
	public PenaltyStepServed(long caseId, String caseNumber, String regionCode, String enterpriseCreditCode, Step step,
			LocalDate servedOn, LocalDate dueOn, boolean hearingRight, BigDecimal fine, String remedy, BigDecimal refund) {
		this(caseId, caseNumber, regionCode, enterpriseCreditCode, step, servedOn, dueOn, hearingRight, fine, remedy, refund,
				null);
	}

	/** A step that is no outcome of a remedy: nothing decided by 复议, 诉讼 or correction, nothing to refund. */
	public PenaltyStepServed(long caseId, String caseNumber, String regionCode, String enterpriseCreditCode, Step step,
			LocalDate servedOn, LocalDate dueOn, boolean hearingRight, BigDecimal fine) {
		this(caseId, caseNumber, regionCode, enterpriseCreditCode, step, servedOn, dueOn, hearingRight, fine, null, null);
	}

	/** The steps that address the party. */
	public enum Step {

		/** 行政处罚事先告知书 (and 听证告知书) served. */
		PRIOR_NOTICE("行政处罚事先告知书"),
		/** 听证通知书 served (or a hearing rescheduled). */
		HEARING_NOTICE("听证通知书"),
		/** 行政处罚决定书 delivered (送达) or handed over on the spot. */
		DECISION_SERVED("行政处罚决定书"),
		/** 延期（分期）缴纳罚款批准书 issued. */
		PAYMENT_ARRANGED("延期（分期）缴纳罚款批准书"),
		/** 行政处罚决定书 reissued after a 变更 of a decision already served. */
		DECISION_CHANGED("变更后的行政处罚决定书"),
		/** A 行政处罚决定书 served and then revoked (撤销) or declared invalid (确认无效): no longer executed. */
		DECISION_ANNULLED("行政处罚决定书"),
		/** 不予行政处罚决定书 served (送达). */
		NO_PENALTY_SERVED("不予行政处罚决定书");

		private final String document;

		Step(String document) {
			this.document = document;
		}

		/** The document served at this step. */
		public String document() {
			return document;
		}

		/**
		 * Whether the step follows the decision's service — a payment arrangement, a change or an annulment of the
		 * decision —, so it is the party's only once the decision is served (行政处罚法(2021) art.61): one served by public
		 * notice (公告送达) on its deemed day (民事诉讼法(2023) art.95), when it is told by {@code DeemedServices}, not
		 * before (the portal shows neither the decision nor what became of it until then).
		 */
		public boolean followsService() {
			return this == PAYMENT_ARRANGED || this == DECISION_CHANGED || this == DECISION_ANNULLED;
		}
	}
}
