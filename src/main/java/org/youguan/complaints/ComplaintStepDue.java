package org.youguan.complaints;

import java.time.LocalDate;

/**
 * Published once a day for each open complaint whose current step is due within one working day or already overdue
 * (the daily complaint clock). The notifications module turns it into reminders: to the bureau of the complaint's county
 * (and the bureaus above it) and, while the enterprise's reply is awaited ({@link #awaitingReply()}), to that
 * enterprise.
 *
 * @param complaintId the complaint
 * @param number its business number (申诉-320506-2026-000001)
 * @param status its current step
 * @param regionCode where it was filed (at least county level)
 * @param enterpriseCreditCode the enterprise it was transferred to, or null before transfer
 * @param stepDue the due date of the current step
 * @param overdue whether the step (or the 30-day answer limit) is past its date
 * @param day the day of the reminder (China time)
 */
public record ComplaintStepDue(long complaintId, String number, ComplaintStatus status, String regionCode,
		String enterpriseCreditCode, LocalDate stepDue, boolean overdue, LocalDate day) {

	/** True while the enterprise owes its reply (transferred, or returned to it for redoing). */
	public boolean awaitingReply() {
		return status == ComplaintStatus.TRANSFERRED || status == ComplaintStatus.RETURNED;
	}
}
