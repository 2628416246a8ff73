package org.youguan.enforcement;

import java.time.LocalDate;

/**
 * Published when a penalty decision made on the platform is delivered (送达) to the party: the decision takes effect
 * then (行政处罚法(2021) art.61), so what it changes elsewhere — a 吊销许可证件 revoking the licence in the registry —
 * follows this event, not the decision. A decision handed over on the spot (当场处罚) and an imported past one were
 * served off the platform and publish none. Everything a listener needs travels with the event.
 *
 * @param caseId the case
 * @param decisionNumber the decision's 文号
 * @param regionCode the case's region (the deciding bureau's or below it)
 * @param enterpriseCreditCode the penalised enterprise
 * @param enterpriseName its name as in the decision
 * @param penalty the penalty decided (the heaviest kind)
 * @param deliveredOn the day of delivery
 */
public record PenaltyDelivered(long caseId, String decisionNumber, String regionCode, String enterpriseCreditCode,
		String enterpriseName, Penalty penalty, LocalDate deliveredOn) {
}
