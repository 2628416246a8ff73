package org.youguan.statistics.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.youguan.statistics.ReportStatus;

/**
 * A report as lists and pages show it.
 */
public record ReportView(long id, long formId, String formName, long enterpriseId, String enterpriseName,
		String creditCode, String regionCode, String period, int revision, ReportStatus status, LocalDate dueOn,
		Instant submittedAt, Boolean onTime, String comment, String returnReason, Instant decidedAt, String decidedBy,
		String revisionReason) {

	/** Submitted after its due date (first submission). */
	public boolean late() {
		return Boolean.FALSE.equals(onTime);
	}
}
