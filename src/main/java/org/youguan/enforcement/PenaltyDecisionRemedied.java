package org.youguan.enforcement;

import java.time.LocalDate;

/**
 * Published when a penalty decision is changed (变更), revoked (撤销) or confirmed invalid (确认无效) by 行政复议,
 * 行政诉讼 or the bureau's own correction ({@link DecisionOutcomes#record}); 维持 and 确认违法 leave the decision in force
 * and publish none. The credit module corrects the enterprise's credit record from it (快递业信用管理暂行办法(2017)
 * art.17: within 10 days of the change or revocation taking effect). Everything a listener needs travels with the event.
 *
 * @param caseId the case
 * @param decisionNumber the 文号 of the decision changed or revoked
 * @param regionCode the case's region
 * @param enterpriseCreditCode the penalised enterprise (null for a natural person)
 * @param enterpriseName its name as in the decision
 * @param result {@link DecisionOutcomes.Result#CHANGED}, {@link DecisionOutcomes.Result#REVOKED} or
 * {@link DecisionOutcomes.Result#INVALID}
 * @param outcome what decided it, in Chinese ("行政复议撤销", "行政诉讼变更")
 * @param changedTo the penalty as changed, every part ("罚款人民币3000元"), or null unless {@code result} is CHANGED
 * @param documentNumber the 文号 of the 复议决定书, 判决书 or 纠正决定
 * @param decidedOn the day of that outcome
 * @param outcomeId the outcome recorded ({@code penalty_case_outcome}): ids grow in the order a case's outcomes are
 * recorded, the order in which the case's decision follows them, so a listener keeps the newest when an older event is
 * delivered again after it; 0 in an event published before it was carried
 */
public record PenaltyDecisionRemedied(long caseId, String decisionNumber, String regionCode, String enterpriseCreditCode,
		String enterpriseName, DecisionOutcomes.Result result, String outcome, String changedTo, String documentNumber,
		LocalDate decidedOn, long outcomeId) {
}
