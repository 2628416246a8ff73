package org.youguan.workplans;

/**
 * Published when a department is reminded (催报) of the month's progress reports it owes on a plan, in the transaction
 * that records the reminder; the notifications module turns it into the department's notification.
 *
 * @param planId the work plan
 * @param departmentId the department reminded
 * @param title the reminder as its members read it (plan, number of tasks owing, month, day due)
 * @param link the department's own list of the plan's tasks
 * @param key the reminder's key (plan, department and day — one a day whatever sent it): a redelivered event notifies
 *        once
 * @param planTitle the plan's title as the reminder quotes it (personal numbers masked); null in an event published
 *        before the reminder carried its parts (redelivered from the registry: told by its {@code title} alone)
 * @param owing how many of the department's tasks owe the month's progress
 * @param month the month owed, ISO ({@code 2026-11})
 * @param reportDay the day of the month by which progress is reported
 */
public record WorkPlanReminderSent(long planId, long departmentId, String title, String link, String key,
		String planTitle, long owing, String month, int reportDay) {
}
