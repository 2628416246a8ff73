package org.youguan.statistics.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.Masking;
import org.youguan.statistics.ReportStatus;

/**
 * A report as lists and pages show it; {@code dueOnProvisional} that its due day (moved to a working day) lies in a
 * year whose holiday notice is not loaded ({@code WorkingCalendar#isProvisional(LocalDate)}): 暂定.
 */
public record ReportView(long id, long formId, String formName, long enterpriseId, String enterpriseName,
		String creditCode, String regionCode, String period, int revision, ReportStatus status, LocalDate dueOn,
		boolean dueOnProvisional, Instant submittedAt, Boolean onTime, String comment, String returnReason, Instant decidedAt, String decidedBy,
		String revisionReason) {

	/**
	 * A report's {@code onTime} only while it stands sent ({@link #timed}): a correction's draft not yet sent (revision 2
	 * on) carries revision 1's {@code on_time} in its row, and a report returned (已退回) its first submission's, yet
	 * neither was reported on time nor late as it stands — {@code onTime} is null (attack: the API and the list export
	 * answered {@code onTime:true} / 按时 是 for a returned report while 报送进度 showed it blank and owed).
	 */
	public ReportView {
		if (!timed(status, revision)) {
			onTime = null;
		}
	}

	/**
	 * Whether a report in {@code status} has a timeliness: it stands sent — not a draft of a correction, not a report
	 * returned (owed again until sent again; {@code Completeness} counts it neither received nor on time).
	 */
	public static boolean timed(ReportStatus status, int revision) {
		return status != ReportStatus.RETURNED && !(revision > 1 && status == ReportStatus.DRAFT);
	}

	/** {@link #timed} as SQL over a report's row {@code r}: what a list's 迟报 filter reads beside {@code r.on_time}. */
	public static final String TIMED_SQL = "r.status <> 'RETURNED' AND NOT (r.revision > 1 AND r.status = 'DRAFT')";

	/**
	 * The same report with every ID and mobile number in its free text — comment, return reason, revision reason —
	 * masked ({@link Masking#personalNumbersIn}), as lists show it.
	 */
	public ReportView masked() {
		return new ReportView(id, formId, formName, enterpriseId, enterpriseName, creditCode, regionCode, period, revision,
				status, dueOn, dueOnProvisional, submittedAt, onTime, Masking.personalNumbersIn(comment), Masking.personalNumbersIn(returnReason),
				decidedAt, decidedBy, Masking.personalNumbersIn(revisionReason));
	}

	/** The same report with {@code dueOnProvisional} as {@code calendar} counts its due day. */
	public ReportView counted(WorkingCalendar calendar) {
		return new ReportView(id, formId, formName, enterpriseId, enterpriseName, creditCode, regionCode, period, revision,
				status, dueOn, dueOn != null && calendar.isProvisional(dueOn), submittedAt, onTime, comment, returnReason,
				decidedAt, decidedBy, revisionReason);
	}

	/**
	 * 迟报 as the enterprise's export writes it: 是 submitted after its due date, 否 submitted by it, 逾期未报 never
	 * submitted and its due date passed (a draft long past due is not "not late"), blank never submitted and not yet due,
	 * and blank for a correction's draft not yet sent (revision 2 on): its lateness is the approved revision's.
	 * @param today the day it is judged on (China time)
	 */
	public String lateness(LocalDate today) {
		if (onTime != null) {
			return onTime ? "否" : "是";
		}
		return overdue(today) ? "逾期未报" : "";
	}

	/** Submitted after its due date (first submission): 迟报. */
	public boolean late() {
		return Boolean.FALSE.equals(onTime);
	}

	/**
	 * Never submitted and its due date passed on {@code today} (China time): 逾期未报 — what the page's badge and the
	 * export's 迟报 column ({@link #lateness}) both say of a draft or a report opened after its due date; never of a
	 * correction (revision 2 on): the approved revision stands meanwhile.
	 */
	public boolean overdue(LocalDate today) {
		return revision == 1 && onTime == null && submittedAt == null && dueOn != null && today.isAfter(dueOn);
	}
}
