package org.youguan.licensing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.calendar.CalendarYearsLoaded;
import org.youguan.licensing.LicenceApplications;

/**
 * When years of the holiday notice are loaded, the open licence applications whose working-day deadlines run into
 * them are counted again ({@link LicenceApplications#recountDeadlines}): an application received in late December
 * must not count as accepted by law a day early because New Year's Day of a year not yet loaded was taken for a
 * working day.
 */
@Component
class LicensingDeadlineRecount {

	private static final Logger log = LoggerFactory.getLogger(LicensingDeadlineRecount.class);

	private final LicenceApplications applications;

	LicensingDeadlineRecount(LicenceApplications applications) {
		this.applications = applications;
	}

	@ApplicationModuleListener
	void on(CalendarYearsLoaded loaded) {
		int moved = applications.recountDeadlines(loaded.first(), loaded.last());
		if (moved > 0) {
			log.info("Calendar {} loaded: {} open licence applications' deadlines recomputed", loaded.years(), moved);
		}
	}
}
