package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Published when a penalty decision made on the platform is served on the party — delivered (送达) or handed over on
 * the spot (当场处罚, 行政处罚法(2021) art.51–52): the decision takes effect then (art.61), so what it changes elsewhere
 * follows this event, not the decision — a 吊销许可证件 revokes the licence in the registry, the decision enters the
 * enterprise's credit record (which the party reads and may object to only once it holds the decision). A past case
 * imported was served off the platform and publishes none (its {@link PenaltyDecided} says so). Everything a listener
 * needs travels with the event: the terms as served, a 变更 made before the delivery included.
 * <p>
 * Published on the day the decision counts as served, never before: at once for a decision handed over or delivered,
 * and for one served by public notice (公告送达) on the day it is deemed served, thirty days after the notice's
 * publication (民事诉讼法(2023) art.95, rule {@code penalty.public-notice-service}) — by the daily job
 * {@code enforcement.internal.DeemedServices}, once, with the terms in force that day; a decision revoked or
 * confirmed invalid before that day publishes none.
 *
 * @param caseId the case
 * @param decisionNumber the decision's 文号
 * @param regionCode the case's region (the deciding bureau's or below it)
 * @param enterpriseCreditCode the penalised enterprise (null for a natural person)
 * @param enterpriseName its name as in the decision
 * @param penalty the penalty as served (the heaviest kind)
 * @param deliveredOn the day of delivery (of the decision, for one handed over on the spot)
 * @param violationCode the violation type ({@code rules.ViolationType} code); null in an event stored before it was carried
 * @param fine the fine (罚款) as served in yuan, or null when none
 * @param confiscated the 违法所得 confiscated as served in yuan, or null when none
 * @param decidedOn the day of the decision; null in an event stored before it was carried
 */
public record PenaltyDelivered(long caseId, String decisionNumber, String regionCode, String enterpriseCreditCode,
		String enterpriseName, Penalty penalty, LocalDate deliveredOn, String violationCode, BigDecimal fine,
		BigDecimal confiscated, LocalDate decidedOn) {

	/**
	 * The delivery of case {@code c}'s decision, served (deemed served, for a public notice) on {@code deliveredOn},
	 * with the terms the case holds now.
	 */
	public static PenaltyDelivered of(CaseView c, LocalDate deliveredOn) {
		return new PenaltyDelivered(c.id(), c.decisionNumber(), c.regionCode(), c.enterpriseCreditCode(), c.enterpriseName(),
				c.penalty(), deliveredOn, c.violationCode().name(), c.fine(), c.confiscated(), c.decidedOn());
	}

	/** A delivery whose terms beyond the penalty's kind are not told (what a licence's revocation needs). */
	public PenaltyDelivered(long caseId, String decisionNumber, String regionCode, String enterpriseCreditCode,
			String enterpriseName, Penalty penalty, LocalDate deliveredOn) {
		this(caseId, decisionNumber, regionCode, enterpriseCreditCode, enterpriseName, penalty, deliveredOn, null, null, null,
				null);
	}
}
