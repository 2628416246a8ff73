package org.youguan.complaints.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.youguan.complaints.ComplaintReminders;

/**
 * Every morning (China time): marks the enterprises whose reply to a transferred complaint is overdue, and publishes a
 * {@code ComplaintStepDue} for every step due within one working day or overdue; the notifications module turns them
 * into in-app reminders (to the bureau of the complaint's county and, while the reply is awaited, to the enterprise).
 * The queues and the dashboard show the same from the due dates.
 */
@Component
class ComplaintClock {

	private static final Logger log = LoggerFactory.getLogger(ComplaintClock.class);

	private final ComplaintReminders complaints;

	ComplaintClock(ComplaintReminders complaints) {
		this.complaints = complaints;
	}

	@Scheduled(cron = "${youguan.complaints.clock-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "complaints.clock", lockAtLeastFor = "PT10M", lockAtMostFor = "PT2H")
	public void run() {
		int marked = complaints.markOverdueReplies();
		int sent = complaints.remind();
		if (marked > 0 || sent > 0) {
			log.info("Complaint clock: {} replies marked overdue, {} reminders published", marked, sent);
		}
	}
}
