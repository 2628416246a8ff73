package org.youguan.statistics.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.Masking;
import org.youguan.statistics.ReportStatus;

/**
 * A report as lists and pages show it; {@code dueOnProvisional} that its due day (moved to a working day) lies in a
 * year whose holiday notice is not loaded ({@code WorkingCalendar#isProvisional(LocalDate)}): 暂定; {@code overdue}
 * 逾期未报 as {@link #overdue(ReportStatus, int, LocalDate, LocalDate)} judged it on the day it was read (China time) —
 * what the API answers beside {@code onTime}.
 */
public record ReportView(long id, long formId, String formName, long enterpriseId, String enterpriseName,
		String creditCode, String regionCode, String period, int revision, ReportStatus status, LocalDate dueOn,
		boolean dueOnProvisional, Instant submittedAt, Boolean onTime, String comment, String returnReason, Instant decidedAt, String decidedBy,
		String revisionReason, boolean overdue) {

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
				decidedAt, decidedBy, Masking.personalNumbersIn(revisionReason), overdue);
	}

	/**
	 * The same report with {@code dueOnProvisional} as {@code calendar} counts its due day and {@code overdue} as
	 * {@link #overdue(LocalDate)} judges it on {@code today} (China time).
	 */
	public ReportView counted(WorkingCalendar calendar, LocalDate today) {
		return new ReportView(id, formId, formName, enterpriseId, enterpriseName, creditCode, regionCode, period, revision,
				status, dueOn, dueOn != null && calendar.isProvisional(dueOn), submittedAt, onTime, comment, returnReason,
				decidedAt, decidedBy, revisionReason, overdue(status, revision, dueOn, today));
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
	 * 逾期未报 on {@code today} (China time): {@link #overdue(ReportStatus, int, LocalDate, LocalDate)} of this report —
	 * what the page's badge, the lists and the export's 迟报 column ({@link #lateness}) say.
	 */
	public boolean overdue(LocalDate today) {
		return overdue(status, revision, dueOn, today);
	}

	/**
	 * The one rule of 逾期未报 for a report: owed as it stands — a draft never sent, or a report returned (已退回) and not
	 * sent again, which is owed until it is ({@code Completeness.Line#received}) — and its due date passed on
	 * {@code today} (China time). Never of a correction (revision 2 on, a draft or returned): the approved revision
	 * stands meanwhile. 报送进度 judges a reporter by the same rule ({@code Completeness.Summary#overdue}): owed and past
	 * the period's due date.
	 * @param dueOn the report's due date (null: not judged)
	 */
	public static boolean overdue(ReportStatus status, int revision, LocalDate dueOn, LocalDate today) {
		return revision == 1 && status != null && status.editable() && dueOn != null && today.isAfter(dueOn);
	}

	/**
	 * {@link #overdue(ReportStatus, int, LocalDate, LocalDate)} as SQL over a report's row {@code r}, judged on the day
	 * given as the parameter {@code :overdueOn} (China time): what a list's 逾期未报 filter reads — the same rule as the
	 * badge, the API's {@code overdue} and the export's 按时 column.
	 */
	public static final String OVERDUE_SQL = "r.revision = 1 AND r.status IN ('DRAFT','RETURNED') AND r.due_on < :overdueOn";

	/**
	 * 按时 as the bureau's list export writes it: 是 / 否 while the report stands sent ({@link #timed}), 逾期未报 when it is
	 * owed past its due date on the day it was read ({@code overdue}: a returned report not sent again), else blank.
	 */
	public String timeliness() {
		if (onTime != null) {
			return onTime ? "是" : "否";
		}
		return overdue ? "逾期未报" : "";
	}
}
