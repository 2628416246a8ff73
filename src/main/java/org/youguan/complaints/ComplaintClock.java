package org.youguan.complaints;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning (China time): marks the enterprises whose reply to a transferred complaint is overdue, and sends
 * in-app reminders for every step due within one working day or overdue — to the bureau of the complaint's county and,
 * while the reply is awaited, to the enterprise. The queues and the dashboard show the same from the due dates.
 */
@Component
class ComplaintClock {

	private static final Logger log = LoggerFactory.getLogger(ComplaintClock.class);

	private final Complaints complaints;

	private final org.youguan.notifications.Notifications notifications;

	private final java.time.Clock clock;

	ComplaintClock(Complaints complaints, org.youguan.notifications.Notifications notifications, java.time.Clock clock) {
		this.complaints = complaints;
		this.notifications = notifications;
		this.clock = clock;
	}

	@Scheduled(cron = "${youguan.complaints.clock-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "complaints.clock", lockAtLeastFor = "PT10M", lockAtMostFor = "PT2H")
	public void run() {
		int marked = complaints.markOverdueReplies();
		int sent = remind();
		if (marked > 0 || sent > 0) {
			log.info("Complaint clock: {} replies marked overdue, {} reminders sent", marked, sent);
		}
	}

	/** Sends today's reminders (once per complaint, step and day); returns how many were sent. */
	int remind() {
		String today = java.time.LocalDate.now(clock).toString();
		int sent = 0;
		for (Complaints.Due d : complaints.dueSoonOrOverdue()) {
			String title = "申诉" + d.number() + "（" + d.status().label() + "）" + (d.overdue() ? "已超期" : "即将到期")
					+ "，时限" + d.stepDue();
			String key = "complaint-" + d.id() + "-" + d.status() + "-" + today;
			sent += notifications.toRegion(d.regionCode().substring(0, 6), title, "/complaints/" + d.id(), key) ? 1 : 0;
			boolean awaitingReply = d.status() == ComplaintStatus.TRANSFERRED || d.status() == ComplaintStatus.RETURNED;
			if (awaitingReply && d.enterpriseCreditCode() != null) {
				sent += notifications.toEnterprise(d.enterpriseCreditCode(), title + "，请及时答复",
						"/enterprise/complaints/" + d.id(), key + "-enterprise") ? 1 : 0;
			}
		}
		return sent;
	}
}
