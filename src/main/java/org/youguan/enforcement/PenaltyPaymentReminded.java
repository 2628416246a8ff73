package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Published when the party of a delivered decision with a fine still unpaid is reminded to pay
 * ({@code enforcement.PaymentReminders}): once before the pay-by day in force, and once when it has passed (加处罚款
 * then runs, 行政处罚法(2021) art.72). The reminder is the platform's courtesy, not a step of the procedure the law
 * provides; the pay-by day it names is the law's (art.66–67, the rule catalogue's days on the working-day calendar).
 * Published at most once per decision and {@link Kind}; not for a person (no portal account) nor a past case imported.
 *
 * @param caseId the case (its portal page is {@code /enterprise/penalties/{caseId}})
 * @param caseNumber the case's number
 * @param decisionNumber the 行政处罚决定书's 文号
 * @param regionCode the case's region
 * @param enterpriseCreditCode the party
 * @param kind before the day or past it
 * @param fine the fine decided (yuan)
 * @param dueOn the last day to pay in force (a deferral's day or the next instalment's when approved)
 */
public record PenaltyPaymentReminded(long caseId, String caseNumber, String decisionNumber, String regionCode,
		String enterpriseCreditCode, Kind kind, BigDecimal fine, LocalDate dueOn) {

	/** Which reminder. */
	public enum Kind {
		/** The pay-by day is near. */
		BEFORE,
		/** The pay-by day has passed unpaid. */
		OVERDUE
	}
}
