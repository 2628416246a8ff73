package org.youguan.enforcement.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.calendar.CalendarYearsLoaded;
import org.youguan.enforcement.DecisionLimit;
import org.youguan.enforcement.PenaltyCases;

/**
 * When years of the holiday notice are loaded, the open penalty cases whose decision limit or hearing-request day runs
 * into them are counted again ({@link DecisionLimit#recountDeadlines}): a limit that ended on a day the provisional
 * calendar took for a working day must not make a case overdue a day early, nor may a party lose a day of its five
 * working days to request a hearing.
 */
@Component
class CaseDeadlineRecount {

	private static final Logger log = LoggerFactory.getLogger(CaseDeadlineRecount.class);

	private final PenaltyCases cases;

	private final DecisionLimit decisionLimit;

	CaseDeadlineRecount(PenaltyCases cases, DecisionLimit decisionLimit) {
		this.cases = cases;
		this.decisionLimit = decisionLimit;
	}

	@ApplicationModuleListener
	void on(CalendarYearsLoaded loaded) {
		int moved = decisionLimit.recountDeadlines(loaded.first(), loaded.last());
		if (moved > 0) {
			log.info("Calendar {} loaded: {} open penalty cases' deadlines recomputed", loaded.years(), moved);
		}
	}
}
