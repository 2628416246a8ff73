package org.youguan.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * Years of the State Council's holiday notice were loaded (or replaced): deadlines that were counted across those
 * years on the provisional calendar (weekends and statutory holidays only) may move. Modules that store due dates
 * recompute their open ones on this event; the {@link WorkingCalendar} already answers from the new days when it is
 * delivered.
 *
 * @param years the years loaded, ascending
 * @param first 1 January of the first year loaded
 * @param last 31 December of the last year loaded
 */
public record CalendarYearsLoaded(List<Integer> years, LocalDate first, LocalDate last) {

	public static CalendarYearsLoaded of(List<Integer> years) {
		List<Integer> sorted = years.stream().sorted().toList();
		return new CalendarYearsLoaded(sorted, LocalDate.of(sorted.get(0), 1, 1),
				LocalDate.of(sorted.get(sorted.size() - 1), 12, 31));
	}
}
