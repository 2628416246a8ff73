package org.youguan.statistics.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.youguan.statistics.ReportStatus;
import org.youguan.kernel.Masking;

/**
 * A report as lists and pages show it.
 */
public record ReportView(long id, long formId, String formName, long enterpriseId, String enterpriseName,
		String creditCode, String regionCode, String period, int revision, ReportStatus status, LocalDate dueOn,
		Instant submittedAt, Boolean onTime, String comment, String returnReason, Instant decidedAt, String decidedBy,
		String revisionReason) {

	/**
	 * The same report with every ID and mobile number in its free text — comment, return reason, revision reason —
	 * masked ({@link Masking#personalNumbersIn}), as lists show it.
	 */
	public ReportView masked() {
		return new ReportView(id, formId, formName, enterpriseId, enterpriseName, creditCode, regionCode, period, revision,
				status, dueOn, submittedAt, onTime, Masking.personalNumbersIn(comment), Masking.personalNumbersIn(returnReason),
				decidedAt, decidedBy, Masking.personalNumbersIn(revisionReason));
	}

	/** Submitted after its due date (first submission). */
	public boolean late() {
		return Boolean.FALSE.equals(onTime);
	}
}
