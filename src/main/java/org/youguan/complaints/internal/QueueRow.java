package org.youguan.complaints.internal;

import org.youguan.calendar.WorkingCalendar;
import org.youguan.complaints.ComplaintView;

/**
 * One row of the staff complaint queue page with what its markup needs prepared once: the link, the row's and the
 * status badge's CSS classes and the step's due date as shown (issue 12: the queue page spent most of its time
 * evaluating a dozen expressions and a fragment per row). Public, so that the template's expressions on it are compiled.
 *
 * @param c the complaint as the queue reads it ({@code ComplaintQueries.queue})
 * @param href the complaint's page (context path included)
 * @param rowClass {@code table-danger} when overdue, {@code table-warning} when due soon, otherwise null (no class)
 * @param statusClass the status badge's classes: grey once finished, blue while in procedure
 * @param due the current step's due date, or "—"
 * @param provisional the due date lies in a year whose holiday notice is not loaded (暂定)
 * @param overdue {@link ComplaintView#overdue()}
 * @param dueSoon {@link ComplaintView#dueSoon()}
 */
public record QueueRow(ComplaintView c, String href, String rowClass, String statusClass, String due, boolean provisional,
		boolean overdue, boolean dueSoon) {

	static QueueRow of(ComplaintView c, String contextPath, WorkingCalendar calendar) {
		boolean overdue = c.overdue();
		boolean dueSoon = c.dueSoon();
		return new QueueRow(c, contextPath + "/complaints/" + c.id(),
				overdue ? "table-danger" : dueSoon ? "table-warning" : null,
				c.status().finished() ? "badge bg-secondary-lt" : "badge bg-blue-lt",
				c.stepDue() == null ? "—" : c.stepDue().toString(),
				c.stepDue() != null && calendar.isProvisional(c.stepDue()), overdue, dueSoon);
	}
}
