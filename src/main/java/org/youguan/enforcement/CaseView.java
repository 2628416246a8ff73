package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.youguan.rules.ViolationType;

/**
 * A penalty case with every step it has been through (null where a step has not happened).
 */
public record CaseView(long id, String number, Long leadId, String regionCode, LeadSource source,
		String enterpriseCreditCode, String enterpriseName, ViolationType violationCode, LocalDate violationEndedOn,
		String facts, CaseStatus status, LocalDate filedOn, String filingApprovedBy, LocalDate decisionDueOn,
		boolean extended, String extensionReason, String extensionApprovedBy, LocalDate concludedOn, String investigationReport,
		boolean serious, Penalty proposedPenalty, BigDecimal proposedFine, boolean reviewRequired, LocalDate reviewedOn,
		String reviewedBy, Long reviewedByUserId, String reviewOpinion, LocalDate notifiedOn, LocalDate statementOn,
		String statement, LocalDate hearingRequestedOn, LocalDate hearingNotifiedOn, LocalDate hearingOn,
		LocalDate hearingWaivedOn,
		LocalDate discussedOn, String discussionParticipants, String discussionConclusion, String decisionNumber, LocalDate decidedOn, Penalty penalty, BigDecimal fine,
		Mitigation mitigation, Mitigation.Ground mitigationGround, String mitigationReason, LocalDate deliveredOn,
		LocalDate paidOn, BigDecimal paidAmount, BigDecimal surcharge, LocalDate closedOn, String closingReason,
		LocalDate publishedOn, LocalDate publicationWithdrawnOn, String publicationWithdrawalReason, boolean imported,
		boolean demo) {

	/** Whether the decision is on the public portal now (published and not withdrawn). */
	public boolean published() {
		return publishedOn != null && publicationWithdrawnOn == null;
	}
}
