package org.youguan.enforcement.internal;

import java.time.LocalDate;

import org.youguan.calendar.WorkingCalendar;

/**
 * The two operations of the working-day calendar the case clock needs, so the clock's rules can be tested on a
 * calendar of known days. In the application it is {@link WorkingCalendar} itself ({@link #of(WorkingCalendar)}).
 */
public interface Days {

	/** {@code n} working days after {@code from} (before it when negative); {@code from} not counted. */
	LocalDate plusWorkingDays(LocalDate from, int n);

	/** {@code n} calendar days after {@code from}, moved to the next working day when that day is off. */
	LocalDate plusCalendarDays(LocalDate from, int n);

	/**
	 * Whether {@code day} is a working day (not a weekend day unless worked by 调休, not a holiday): the day itself
	 * when a calendar-day period ending on it is not moved.
	 */
	default boolean isWorkingDay(LocalDate day) {
		return plusCalendarDays(day.minusDays(1), 1).equals(day);
	}

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

			@Override
			public boolean isWorkingDay(LocalDate day) {
				return calendar.isWorkingDay(day);
			}
		};
	}
}
