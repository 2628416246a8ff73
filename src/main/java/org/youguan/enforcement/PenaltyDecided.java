package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Published when a penalty decision is made (or a past decision is imported). A decision of a case handled on the
 * platform takes effect when served ({@link PenaltyDelivered}, which the credit record waits for); one of a past case
 * imported ({@code imported}) was served off the platform, no delivery of it is published, and the credit record takes
 * it in from this event. Everything a listener needs travels with the event.
 *
 * @param caseId the case
 * @param decisionNumber the decision's 文号
 * @param regionCode the case's region
 * @param enterpriseCreditCode the penalised enterprise
 * @param enterpriseName its name as in the decision
 * @param violationCode the violation type ({@code rules.ViolationType} code)
 * @param penalty the penalty decided (the heaviest kind, 并处 parts beside it)
 * @param fine the fine (罚款) in yuan, or null when none
 * @param confiscated the 违法所得 confiscated in yuan, or null when none
 * @param decidedOn the day of the decision
 * @param imported whether the case came with a bureau's history (the decision imported, or made here on a past case
 * imported): served off the platform, no {@link PenaltyDelivered} follows
 */
public record PenaltyDecided(long caseId, String decisionNumber, String regionCode, String enterpriseCreditCode,
		String enterpriseName, String violationCode, Penalty penalty, BigDecimal fine, BigDecimal confiscated,
		LocalDate decidedOn, boolean imported) {

	/** A decision without a confiscation. */
	public PenaltyDecided(long caseId, String decisionNumber, String regionCode, String enterpriseCreditCode,
			String enterpriseName, String violationCode, Penalty penalty, BigDecimal fine, LocalDate decidedOn,
			boolean imported) {
		this(caseId, decisionNumber, regionCode, enterpriseCreditCode, enterpriseName, violationCode, penalty, fine, null,
				decidedOn, imported);
	}
}
