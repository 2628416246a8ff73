package org.youguan.universal;

import java.time.LocalDate;
import java.util.List;
import org.youguan.kernel.Masking;

/**
 * A closure/relocation approval of a 邮政普遍服务营业场所 (邮政法(2015) art.9) as pages and the API show it, with the
 * deadlines in force and the documents issued.
 * @param decisionDueOn the day the decision is due (20 working days from receipt, 30 once extended)
 * @param noticeDueOn the day the public notice is due (10 working days from an approval); null before an approval
 * @param decisionNumber the decision's 文号: issued by the numbering module at 批准 / 不予批准
 *        ({@code 苏吴邮管审批〔2026〕1号}; decided before the official form: {@code 营业场所审批-320506-2026-000001}), or the real number an imported past approval brought; null before the
 *        decision, and for a past approval imported without one
 * @param alternativeOffice the nearest post office the approval names for the public (the notice tells it); may be null
 * @param effectiveOn the day the closure or move takes effect, as the public notice announces it; null before the notice
 * @param remainingDays working days left until the deadline now running (the decision's, then the notice's); negative
 *        when overdue; null when nothing is due
 * @param overdue the running deadline has passed
 * @param decisionDueOnProvisional {@code decisionDueOn} lies in a year whose holiday notice is not loaded
 *        ({@code WorkingCalendar#isProvisional(LocalDate)}): 暂定, it may move when the notice is loaded
 * @param noticeDueOnProvisional the same for {@code noticeDueOn}
 * @param documents the documents issued (the decision, the notice), oldest first; empty for an imported approval
 */
public record PostOfficeApproval(long id, ApprovalKind kind, long facilityId, String facilityName, String regionCode,
		String enterpriseCreditCode, String reason, String newAddress, ApprovalStatus status, LocalDate receivedOn,
		LocalDate decisionDueOn, boolean extended, String extensionReason, String extensionApprovedBy,
		LocalDate checkedOn, String checkFindings, String consultation, LocalDate decidedOn, String decisionReasons,
		String decidedBy, LocalDate noticeDueOn, LocalDate announcedOn, String noticeChannel, boolean enteredByStaff,
		boolean imported, String decisionNumber, String alternativeOffice, LocalDate effectiveOn, Integer remainingDays,
		boolean overdue, boolean decisionDueOnProvisional, boolean noticeDueOnProvisional,
		List<ApprovalDocument> documents) {

	/** Whether the decision was 批准 (an approval, announced or not). */
	public boolean approved() {
		return status == ApprovalStatus.APPROVED || status == ApprovalStatus.ANNOUNCED;
	}

	/**
	 * The same approval with the running deadline as of a day, and whether its due dates are provisional, computed by
	 * the caller.
	 */
	PostOfficeApproval withClock(Integer remaining, boolean late, boolean decisionProvisional, boolean noticeProvisional) {
		return new PostOfficeApproval(id, kind, facilityId, facilityName, regionCode, enterpriseCreditCode, reason,
				newAddress, status, receivedOn, decisionDueOn, extended, extensionReason, extensionApprovedBy, checkedOn,
				checkFindings, consultation, decidedOn, decisionReasons, decidedBy, noticeDueOn, announcedOn, noticeChannel,
				enteredByStaff, imported, decisionNumber, alternativeOffice, effectiveOn, remaining, late, decisionProvisional,
				noticeProvisional, documents);
	}

	/**
	 * The same approval with every ID and mobile number in its free text — reason, extension reason, check findings,
	 * consultation, decision reasons, new address, alternative post office, notice channel — masked
	 * ({@link Masking#personalNumbersIn}), as every page, list, export and API answer shows it ({@link PostOfficeApprovals#get} too).
	 */
	public PostOfficeApproval masked() {
		return new PostOfficeApproval(id, kind, facilityId, facilityName, regionCode, enterpriseCreditCode, Masking.personalNumbersIn(reason),
				Masking.personalNumbersIn(newAddress), status, receivedOn, decisionDueOn, extended, Masking.personalNumbersIn(extensionReason), extensionApprovedBy, checkedOn,
				Masking.personalNumbersIn(checkFindings), Masking.personalNumbersIn(consultation), decidedOn, Masking.personalNumbersIn(decisionReasons), decidedBy, noticeDueOn, announcedOn,
				Masking.personalNumbersIn(noticeChannel), enteredByStaff, imported, decisionNumber,
				Masking.personalNumbersIn(alternativeOffice), effectiveOn, remainingDays, overdue,
				decisionDueOnProvisional, noticeDueOnProvisional, documents);
	}

	/** The same approval with its documents. */
	PostOfficeApproval withDocuments(List<ApprovalDocument> issued) {
		return new PostOfficeApproval(id, kind, facilityId, facilityName, regionCode, enterpriseCreditCode, reason,
				newAddress, status, receivedOn, decisionDueOn, extended, extensionReason, extensionApprovedBy, checkedOn,
				checkFindings, consultation, decidedOn, decisionReasons, decidedBy, noticeDueOn, announcedOn, noticeChannel,
				enteredByStaff, imported, decisionNumber, alternativeOffice, effectiveOn, remainingDays, overdue,
				decisionDueOnProvisional, noticeDueOnProvisional, List.copyOf(issued));
	}
}
