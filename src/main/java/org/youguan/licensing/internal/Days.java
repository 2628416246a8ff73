package org.youguan.licensing.internal;

import java.time.LocalDate;

import org.youguan.calendar.WorkingCalendar;

/**
 * The two operations of the working-day calendar the licensing clock needs, so its rules can be tested on a calendar of
 * known days. In the application it is {@link WorkingCalendar} itself ({@link #of(WorkingCalendar)}).
 */
public interface Days {

	/** {@code n} working days after {@code from}; {@code from} not counted. */
	LocalDate plusWorkingDays(LocalDate from, int n);

	/** {@code n} calendar days after {@code from}, moved to the next working day when that day is off. */
	LocalDate plusCalendarDays(LocalDate from, int n);

	/** The calendar module's working days. */
	static Days of(WorkingCalendar calendar) {
		return new Days() {

			@Override
			public LocalDate plusWorkingDays(LocalDate from, int n) {
				return calendar.plusWorkingDays(from, n);
			}

			@Override
			public LocalDate plusCalendarDays(LocalDate from, int n) {
				return calendar.plusCalendarDays(from, n);
			}
		};
	}
}
