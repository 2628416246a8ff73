package org.youguan.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.workplans.WorkPlanReminderSent;

/**
 * Tells a department's members of a work plan reminder (催报), on their notifications page and home. Runs after the
 * reminder commits, from the event publication registry (a failure is retried, not lost); the reminder's key makes a
 * redelivered event notify once.
 */
@Component
class WorkPlanNotifications {

	private final Notifications notifications;

	WorkPlanNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(WorkPlanReminderSent sent) {
		notifications.toDepartment(sent.departmentId(), sent.title(), sent.link(), sent.key());
	}
}
