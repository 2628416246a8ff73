package org.youguan.calendar;

import java.time.LocalDate;

/**
 * An exception to the Monday–Friday rule: a day off (HOLIDAY) or a weekend day worked (WORKDAY, 调休上班).
 */
public record CalendarDay(LocalDate day, Kind kind, String name) {

	public enum Kind {

		HOLIDAY, WORKDAY

	}
}
