package org.youguan.universal;

import java.time.LocalDate;

/**
 * A closure/relocation approval of a 邮政普遍服务营业场所 (邮政法(2015) art.9) as pages and the API show it, with the
 * deadlines in force.
 * @param decisionDueOn the day the decision is due (20 working days from receipt, 30 once extended)
 * @param noticeDueOn the day the public notice is due (10 working days from an approval); null before an approval
 * @param remainingDays working days left until the deadline now running (the decision's, then the notice's); negative
 *        when overdue; null when nothing is due
 * @param overdue the running deadline has passed
 */
public record PostOfficeApproval(long id, ApprovalKind kind, long facilityId, String facilityName, String regionCode,
		String enterpriseCreditCode, String reason, String newAddress, ApprovalStatus status, LocalDate receivedOn,
		LocalDate decisionDueOn, boolean extended, String extensionReason, String extensionApprovedBy,
		LocalDate checkedOn, String checkFindings, String consultation, LocalDate decidedOn, String decisionReasons,
		String decidedBy, LocalDate noticeDueOn, LocalDate announcedOn, String noticeChannel, boolean enteredByStaff,
		boolean imported, Integer remainingDays, boolean overdue) {
}
