package org.youguan.notifications;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Wording;
import org.youguan.statistics.Completeness;
import org.youguan.statistics.ReportFiled;
import org.youguan.statistics.ReportReminderSent;
import org.youguan.statistics.ReportReturned;

/**
 * Tells an enterprise's users of a statistics reminder (催报) the bureau sent, on their notifications page and home;
 * marks the period's reminders done when the enterprise submits the report and opens them again when the bureau
 * returns it (退回: the report is owed again, the to-do stands).
 * Runs after each step commits, from the event publication registry (so a failure is retried, not lost); the key
 * makes a redelivered event notify once. Done or open is decided by where the report stands when the event is handled
 * ({@link Completeness#filed}), one handling at a time per enterprise and period: a submission, a return and a
 * reminder close together, handled in any order, leave the reminders as the report stands.
 */
@Component
class ReportReminderNotifications {

	private final Notifications notifications;

	private final Completeness completeness;

	private final JdbcClient jdbc;

	ReportReminderNotifications(Notifications notifications, Completeness completeness, JdbcClient jdbc) {
		this.notifications = notifications;
		this.completeness = completeness;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(ReportReminderSent sent) {
		String title = "催报：" + sent.sentBy() + "提醒您报送" + sent.periodLabel() + "“" + sent.formName() + "”（截止"
				+ ChineseText.day(sent.dueOn()) + "）";
		String prefix = ReportFiled.reminderKeyPrefix(sent.formId(), sent.period(), sent.enterpriseId());
		TransactionLocks.hold(jdbc, prefix);
		notifications.toEnterprise(sent.creditCode(), title, Wording.of("notification.statistics.reminder", sent.sentBy(),
				period(sent.period(), sent.periodLabel()), sent.formName(), sent.dueOn()), "/enterprise/statistics", prefix + sent.sentAt().toEpochMilli() + ":" + sent.sentBy());
		// a report filed between the reminder and this delivery: the reminder is done as it arrives
		settle(sent.enterpriseId(), sent.creditCode(), sent.formId(), sent.period(), prefix);
	}

	/** A quarter's code: 2026-Q3. */
	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	/**
	 * The period of a reminder as words each reader reads in their language: a month ({@code 2026-11}) as the
	 * {@link YearMonth} (2026年11月, 2026-11), a quarter ({@code 2026-Q3}) and a year ({@code 2026}) keyed
	 * ({@code notification.statistics.quarter}, {@code .year}); a code of another shape as its Chinese {@code label}.
	 */
	static Object period(String code, String label) {
		if (code == null) {
			return label;
		}
		if (code.matches("\\d{4}-\\d{2}")) {
			try {
				return YearMonth.parse(code);
			}
			catch (java.time.format.DateTimeParseException ex) {
				return label;
			}
		}
		Matcher quarter = QUARTER.matcher(code);
		if (quarter.matches()) {
			return Wording.of("notification.statistics.quarter", quarter.group(1), quarter.group(2));
		}
		return code.matches("\\d{4}") ? Wording.of("notification.statistics.year", code) : label;
	}

	/**
	 * Marks the period's 催报 notifications of the enterprise done once its report is submitted: a reminder left standing
	 * after the report was filed asked for what was done (their titles then start with {@link Notifications#DONE}).
	 */
	@ApplicationModuleListener
	void on(ReportFiled filed) {
		settle(filed.enterpriseId(), filed.creditCode(), filed.formId(), filed.period(), filed.reminderKeyPrefix());
	}

	/**
	 * Opens the period's 催报 notifications of the enterprise again once its report is returned (退回) — unless an
	 * approved revision of the period still stands (a returned correction): the report is owed again, and a reminder
	 * left 【已办结】 would tell the enterprise there is nothing to do.
	 */
	@ApplicationModuleListener
	void on(ReportReturned returned) {
		settle(returned.enterpriseId(), returned.creditCode(), returned.formId(), returned.period(),
				returned.reminderKeyPrefix());
	}

	/** The period's reminders done when its report stands filed now, open otherwise. */
	private void settle(long enterpriseId, String creditCode, long formId, String period, String keyPrefix) {
		TransactionLocks.hold(jdbc, keyPrefix);
		if (completeness.filed(enterpriseId, formId, period)) {
			notifications.markDone(creditCode, keyPrefix);
		}
		else {
			notifications.reopen(creditCode, keyPrefix);
		}
	}
}
