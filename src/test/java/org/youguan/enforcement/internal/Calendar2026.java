package org.youguan.enforcement.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * The State Council's 2026 holiday notice as the case clock sees it (shared/data/calendar, chinese-days): 春节 02-15 to
 * 02-23 off with 02-14 and 02-28 worked; 国庆/中秋 10-01 to 10-07 off with 09-20 and 10-10 worked; 元旦, 清明, 劳动节,
 * 端午 and 中秋 (09-25 to 09-27) too. Only for the clock's tests; the application counts on the calendar module.
 */
final class Calendar2026 implements Days {

	private static final Set<LocalDate> OFF = new HashSet<>();

	private static final Set<LocalDate> WORKED = Set.of(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14),
			LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));

	static {
		range("2026-01-01", "2026-01-03");
		range("2026-02-15", "2026-02-23");
		range("2026-04-04", "2026-04-06");
		range("2026-05-01", "2026-05-05");
		range("2026-06-19", "2026-06-21");
		range("2026-09-25", "2026-09-27");
		range("2026-10-01", "2026-10-07");
	}

	private static void range(String from, String to) {
		for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
			OFF.add(d);
		}
	}

	static boolean working(LocalDate d) {
		if (WORKED.contains(d)) {
			return true;
		}
		return !OFF.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	@Override
	public LocalDate plusWorkingDays(LocalDate from, int n) {
		int step = n >= 0 ? 1 : -1;
		LocalDate d = from;
		for (int left = Math.abs(n); left > 0;) {
			d = d.plusDays(step);
			if (working(d)) {
				left--;
			}
		}
		return d;
	}

	@Override
	public LocalDate plusCalendarDays(LocalDate from, int n) {
		LocalDate d = from.plusDays(n);
		while (!working(d)) {
			d = d.plusDays(1);
		}
		return d;
	}
}
