package org.youguan.universal.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.calendar.CalendarYearsLoaded;
import org.youguan.universal.PostOfficeApprovals;

/**
 * When years of the holiday notice are loaded, the post office closure and relocation approvals whose working-day
 * deadlines run into them are counted again ({@link PostOfficeApprovals#recountDeadlines}): a decision or public notice
 * day counted over a New Year not yet loaded moves to the day the notice gives.
 */
@Component
class PostOfficeDeadlineRecount {

	private static final Logger log = LoggerFactory.getLogger(PostOfficeDeadlineRecount.class);

	private final PostOfficeApprovals approvals;

	PostOfficeDeadlineRecount(PostOfficeApprovals approvals) {
		this.approvals = approvals;
	}

	@ApplicationModuleListener
	void on(CalendarYearsLoaded loaded) {
		int moved = approvals.recountDeadlines(loaded.first(), loaded.last());
		if (moved > 0) {
			log.info("Calendar {} loaded: {} open post office approvals' deadlines recomputed", loaded.years(), moved);
		}
	}
}
