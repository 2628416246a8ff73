package org.youguan.safety.internal.ledgers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.calendar.CalendarYearsLoaded;

/**
 * When years of the holiday notice are loaded, the open hazards whose catalogue deadline runs into them are counted
 * again ({@link Hazards#recountDeadlines}): a hazard found in late December must not show as 逾期 before its working days
 * are over because a day off of a year not yet loaded was taken for a working day.
 */
@Component
class HazardDeadlineRecount {

	private static final Logger log = LoggerFactory.getLogger(HazardDeadlineRecount.class);

	private final Hazards hazards;

	HazardDeadlineRecount(Hazards hazards) {
		this.hazards = hazards;
	}

	@ApplicationModuleListener
	void on(CalendarYearsLoaded loaded) {
		int moved = hazards.recountDeadlines(loaded.first(), loaded.last());
		if (moved > 0) {
			log.info("Calendar {} loaded: {} open hazards' deadlines recomputed", loaded.years(), moved);
		}
	}
}
