package org.youguan.notifications;

import java.time.YearMonth;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.kernel.Wording;
import org.youguan.workplans.WorkPlanReminderSent;

/**
 * Tells a department's members of a work plan reminder (催报), on their notifications page and home. Runs after the
 * reminder commits, from the event publication registry (a failure is retried, not lost); the reminder's key makes a
 * redelivered event notify once. The title is sent as words ({@code notification.workplans.reminder}: the plan's title
 * quoted, the month as a month each reader reads in their language), its Chinese worded from them; an event published
 * before it carried its parts is told by its Chinese title alone.
 */
@Component
class WorkPlanNotifications {

	private final Notifications notifications;

	WorkPlanNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(WorkPlanReminderSent sent) {
		Wording words = sent.planTitle() == null || sent.month() == null ? null
				: Wording.of("notification.workplans.reminder", sent.planTitle(), String.valueOf(sent.owing()),
						YearMonth.parse(sent.month()), String.valueOf(sent.reportDay()));
		notifications.toDepartment(sent.departmentId(), sent.title(), words, sent.link(), sent.key());
	}
}
