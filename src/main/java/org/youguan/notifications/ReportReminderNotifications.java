package org.youguan.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.statistics.ReportReminderSent;

/**
 * Tells an enterprise's users of a statistics reminder (催报) the bureau sent, on their notifications page and home.
 * Runs after the reminder commits, from the event publication registry (so a failure is retried, not lost); the key
 * makes a redelivered event notify once.
 */
@Component
class ReportReminderNotifications {

	private final Notifications notifications;

	ReportReminderNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(ReportReminderSent sent) {
		String title = "催报：" + sent.sentBy() + "提醒您报送" + sent.periodLabel() + "“" + sent.formName() + "”（截止"
				+ sent.dueOn() + "）";
		notifications.toEnterprise(sent.creditCode(), title.length() > 300 ? title.substring(0, 300) : title,
				"/enterprise/statistics", "stat-remind:" + sent.formId() + ":" + sent.period() + ":" + sent.enterpriseId()
						+ ":" + sent.sentAt().toEpochMilli() + ":" + sent.sentBy());
	}
}
