package org.youguan;

import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;

/**
 * What the tests of a module's recount on {@code CalendarYearsLoaded} share: the notice loader, the calendar the dates
 * are checked against, the audit trail the recount writes to, and the test clock, set back after each test. Each such
 * test takes a year no other test loads (see {@link HolidayNotices}).
 */
public abstract class CalendarRecountTest {

	@Autowired
	protected HolidayNotices notices;

	@Autowired
	protected WorkingCalendar calendar;

	@Autowired
	protected AuditTrail audit;

	@Autowired
	protected MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}
}
