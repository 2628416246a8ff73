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

	/**
	 * How a recount's audit entry names the load it follows: 已加载2052年工作日历, or 已加载2052—2053年工作日历 for several
	 * years ({@code first} and {@code last} as this event gives them).
	 */
	public static String loaded(LocalDate first, LocalDate last) {
		return "已加载" + first.getYear() + (first.getYear() == last.getYear() ? "" : "—" + last.getYear()) + "年工作日历";
	}

	public static CalendarYearsLoaded of(List<Integer> years) {
		List<Integer> sorted = years.stream().sorted().toList();
		return new CalendarYearsLoaded(sorted, LocalDate.of(sorted.get(0), 1, 1),
				LocalDate.of(sorted.get(sorted.size() - 1), 12, 31));
	}
}
