package org.youguan.complaints;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning (China time) marks the enterprises whose reply to a transferred complaint is overdue; the queue and
 * the dashboard show the overdue steps themselves from their due dates.
 */
@Component
class ComplaintClock {

	private static final Logger log = LoggerFactory.getLogger(ComplaintClock.class);

	private final Complaints complaints;

	ComplaintClock(Complaints complaints) {
		this.complaints = complaints;
	}

	@Scheduled(cron = "${youguan.complaints.clock-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
	void markOverdueReplies() {
		int marked = complaints.markOverdueReplies();
		if (marked > 0) {
			log.info("Marked {} overdue complaint replies", marked);
		}
	}
}
