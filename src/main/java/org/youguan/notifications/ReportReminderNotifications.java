package org.youguan.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.statistics.ReportFiled;
import org.youguan.statistics.ReportReminderSent;

/**
 * Tells an enterprise's users of a statistics reminder (催报) the bureau sent, on their notifications page and home, and
 * marks it done when the enterprise submits the report.
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
				"/enterprise/statistics", ReportFiled.reminderKeyPrefix(sent.formId(), sent.period(), sent.enterpriseId())
						+ sent.sentAt().toEpochMilli() + ":" + sent.sentBy());
	}

	/**
	 * Marks the period's 催报 notifications of the enterprise done once its report is submitted: a reminder left standing
	 * after the report was filed asked for what was done (their titles then start with {@link Notifications#DONE}).
	 */
	@ApplicationModuleListener
	void on(ReportFiled filed) {
		notifications.markDone(filed.creditCode(), filed.reminderKeyPrefix());
	}
}
