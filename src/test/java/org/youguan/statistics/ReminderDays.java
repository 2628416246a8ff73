package org.youguan.statistics;

import java.sql.Timestamp;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.MutableClock;
import org.youguan.platform.ChinaTime;

/**
 * A day on which a form's period may be reminded again (催报 at most once a day per enterprise and period,
 * {@code statistics.reminder-interval}): the tests share one database, and the demo data and other tests remind the
 * period now being reported, so a test that sends a 催报 first moves the clock past the last one.
 */
public final class ReminderDays {

	private ReminderDays() {
	}

	/**
	 * Sets {@code clock} to 10:00 China time of the day after the last reminder of the form's period, or of today when
	 * none was sent since yesterday. The caller resets the clock afterwards.
	 */
	public static void afterTheLastReminder(JdbcClient jdbc, MutableClock clock, long formId, String period) {
		Timestamp last = jdbc.sql("SELECT max(sent_at) FROM stat_reminder WHERE form_id = :form AND period = :period")
			.param("form", formId).param("period", period).query((rs, i) -> rs.getTimestamp(1)).list().get(0);
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		LocalDate next = last == null ? today : last.toInstant().atZone(ChinaTime.ZONE).toLocalDate().plusDays(1);
		clock.set((next.isAfter(today) ? next : today).atTime(10, 0));
	}
}
