package org.youguan.inspections.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.calendar.CalendarYearsLoaded;
import org.youguan.inspections.InspectionOrders;

/**
 * When years of the holiday notice are loaded, the open 责令改正 orders whose deadline runs into them are counted again
 * ({@link InspectionOrders#recountDeadlines}): an order issued in late December must not fall overdue, and become a case
 * lead, before its working days are over because a day off of a year not yet loaded was taken for a working day.
 */
@Component
class OrderDeadlineRecount {

	private static final Logger log = LoggerFactory.getLogger(OrderDeadlineRecount.class);

	private final InspectionOrders orders;

	OrderDeadlineRecount(InspectionOrders orders) {
		this.orders = orders;
	}

	@ApplicationModuleListener
	void on(CalendarYearsLoaded loaded) {
		int moved = orders.recountDeadlines(loaded.first(), loaded.last());
		if (moved > 0) {
			log.info("Calendar {} loaded: {} open rectification orders' deadlines recomputed", loaded.years(), moved);
		}
	}
}
