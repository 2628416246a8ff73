package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Published when the party of a delivered decision with a fine still unpaid is reminded to pay
 * ({@code enforcement.PaymentReminders}): once before a pay-by day in force, and once when it has passed (加处罚款 then
 * runs, 行政处罚法(2021) art.72). The reminder is the platform's courtesy, not a step of the procedure the law
 * provides; the pay-by day it names is the law's (art.66–67, the rule catalogue's days on the working-day calendar).
 * Each pay-by day is reminded on its own — every instalment with its own day and amount, a deferred day after the
 * original one — at most once per decision, {@link Kind} and day; not for a person (no portal account) nor a past case
 * imported.
 *
 * @param caseId the case (its portal page is {@code /enterprise/penalties/{caseId}})
 * @param caseNumber the case's number
 * @param decisionNumber the 行政处罚决定书's 文号
 * @param regionCode the case's region
 * @param enterpriseCreditCode the party
 * @param kind before the day or past it
 * @param fine the fine decided (¥)
 * @param dueOn the last day to pay {@code amount} (the decision's days from delivery, a deferral's day, or the
 *        instalment's own day)
 * @param instalment the instalment reminded (its 1-based position), null when the whole fine is
 * @param amount what is to be paid by {@code dueOn} (¥): the whole fine, or the instalment's amount still demanded
 * @param asOf the day of the reminder, to which {@code surcharge} is counted
 * @param surcharge the 加处罚款 on {@code amount} as of {@code asOf} (¥, cents kept; 0 before the day): the catalogue's
 *        daily rate for each calendar day from the day after {@code dueOn}, capped ({@code enforcement.internal.CaseClock#surcharge})
 * @param surchargePercent the daily 加处罚款 rate the decision fixed (%, {@code penalty.late-surcharge})
 * @param surchargeCap the most 加处罚款 {@code amount} can bear (¥, {@code penalty.late-surcharge-cap} of it)
 */
public record PenaltyPaymentReminded(long caseId, String caseNumber, String decisionNumber, String regionCode,
		String enterpriseCreditCode, Kind kind, BigDecimal fine, LocalDate dueOn, Integer instalment, BigDecimal amount,
		LocalDate asOf, BigDecimal surcharge, BigDecimal surchargePercent, BigDecimal surchargeCap) {

	/** Which reminder. */
	public enum Kind {
		/** The pay-by day is near. */
		BEFORE,
		/** The pay-by day has passed unpaid. */
		OVERDUE
	}
}
