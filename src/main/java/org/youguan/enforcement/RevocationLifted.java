package org.youguan.enforcement;

import java.time.LocalDate;

/**
 * Published when a penalty decision of 吊销许可证件 (行政处罚法(2021) art.9) no longer revokes: 撤销 or 确认无效 by 行政复议
 * (行政复议法(2023) art.64, 67) or 行政诉讼 (行政诉讼法(2017) art.70, 75), or the bureau's own correction (art.75), or 变更 to
 * a penalty other than revocation ({@link DecisionOutcomes}). What the delivery of the decision revoked elsewhere
 * ({@link PenaltyDelivered}: the licensing module revoked the enterprise's licences) is undone by whoever did it — the
 * licensing module restores the licences it revoked by this decision. Published whether or not the decision was ever
 * delivered: a listener finds nothing revoked by an undelivered one. Everything a listener needs travels with the event.
 *
 * @param caseId the case
 * @param decisionNumber the 文号 of the decision that revoked
 * @param regionCode the case's region
 * @param enterpriseCreditCode the penalised enterprise
 * @param enterpriseName its name as in the decision
 * @param outcome what lifted it, in Chinese ("行政复议撤销", "行政诉讼变更为罚款5000元" …)
 * @param documentNumber the 文号 of the 复议决定书, 判决书 or 纠正决定
 * @param decidedOn the day of that outcome
 */
public record RevocationLifted(long caseId, String decisionNumber, String regionCode, String enterpriseCreditCode,
		String enterpriseName, String outcome, String documentNumber, LocalDate decidedOn) {
}
