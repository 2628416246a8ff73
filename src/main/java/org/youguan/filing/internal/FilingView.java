package org.youguan.filing.internal;

import java.time.LocalDate;

import org.youguan.filing.FilingStatus;
import org.youguan.kernel.Masking;

/**
 * A filing as queues and pages show it, with the clock's state for today.
 *
 * @param branchName the branch (分支机构) the outlet is run through as filed — a change: as proposed — or null for the
 *        enterprise itself
 * @param openedOn the day the outlet opened, as filed — a new outlet's filing only (null for a change or a closure)
 * @param changedOn the day the outlet changed, as filed — a change filing only (null otherwise)
 * @param overdue still with the bureau after its due date
 * @param dueSoon with the bureau and due today or on the next working day
 */
public record FilingView(long id, String number, FilingKind kind, Long outletId, String outletName,
		String enterpriseCreditCode, String enterpriseName, String brandName, String branchName, String regionCode,
		String regionName,
		FilingStatus status, LocalDate submittedOn, LocalDate clockStart, LocalDate dueOn, LocalDate missingNoticeDue,
		boolean missingItemsNotified, String missingItems, String decisionNote, LocalDate openedOn, LocalDate changedOn,
		boolean lateFiling, String changeDescription, LocalDate completedOn, Integer workingDaysTaken, String filingNumber, boolean overdue,
		boolean dueSoon) {

	/**
	 * The same filing with every ID and mobile number in its free text — missing items, decision note, change
	 * description (a closure's reason) — masked ({@link Masking#personalNumbersIn}), as queues, the API list, the
	 * filing's pages and the API's answer show it ({@link org.youguan.filing.OutletFilings#get} too).
	 */
	public FilingView masked() {
		return new FilingView(id, number, kind, outletId, outletName, enterpriseCreditCode, enterpriseName, brandName,
				branchName, regionCode, regionName, status, submittedOn, clockStart, dueOn, missingNoticeDue, missingItemsNotified,
				Masking.personalNumbersIn(missingItems), Masking.personalNumbersIn(decisionNote), openedOn, changedOn, lateFiling, Masking.personalNumbersIn(changeDescription), completedOn, workingDaysTaken,
				filingNumber, overdue, dueSoon);
	}

	public boolean open() {
		return status == FilingStatus.SUBMITTED || status == FilingStatus.MISSING_ITEMS;
	}
}
