package org.youguan.workplans;

/**
 * Published when a department is reminded (催报) of the month's progress reports it owes on a plan, in the transaction
 * that records the reminder; the notifications module turns it into the department's notification.
 *
 * @param planId the work plan
 * @param departmentId the department reminded
 * @param title the reminder as its members read it (plan, number of tasks owing, month, day due)
 * @param link the department's own list of the plan's tasks
 * @param key the reminder's key (plan, department and day or month): a redelivered event notifies once
 */
public record WorkPlanReminderSent(long planId, long departmentId, String title, String link, String key) {
}
