package org.youguan;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.calendar.CalendarYears;
import org.youguan.calendar.StatutoryHolidays;

/**
 * Loads a test year's holiday notice as an administrator would (one transaction, {@code CalendarYearsLoaded} published
 * on commit) — the shared setup of the tests that check a module counts its stored deadlines again. Each such test
 * takes a year no other test loads.
 */
@Component
public final class HolidayNotices {

	private final CalendarYears years;

	private final TransactionTemplate tx;

	HolidayNotices(CalendarYears years, TransactionTemplate tx) {
		this.years = years;
		this.tx = tx;
	}

	/**
	 * Loads the notice of the year of {@code daysOff} (all in one year) declaring them days off (元旦) besides the
	 * year's statutory holidays ({@link #notice}: a file must hold them all) and no 调休 working day.
	 */
	public void loadDaysOff(LocalDate... daysOff) {
		int year = daysOff[0].getYear();
		String notice = notice(year, List.of(daysOff), List.of());
		tx.execute(s -> years.load(notice.getBytes(StandardCharsets.UTF_8), year + ".json", "test"));
	}

	/**
	 * A whole year's notice as the calendar loads it (chinese-days JSON): the statutory holidays of {@code year} that
	 * fall on a weekday ({@link StatutoryHolidays}; one on a weekend is off without being listed), {@code daysOff}
	 * (named 元旦) off and {@code workdays} (named 春节) worked.
	 * @throws IllegalArgumentException when a day given is not in {@code year}
	 */
	public static String notice(int year, List<LocalDate> daysOff, List<LocalDate> workdays) {
		Map<LocalDate, String> off = new TreeMap<>();
		StatutoryHolidays.of(year).stream().filter(d -> !weekend(d.day()))
			.forEach(d -> off.put(d.day(), "Holiday," + d.name() + ",1"));
		daysOff.forEach(d -> off.put(inYear(d, year), "New Year's Day,元旦,1"));
		String worked = workdays.stream().map(d -> "\"" + inYear(d, year) + "\":\"Spring Festival,春节,1\"")
			.collect(Collectors.joining(","));
		return "{\"holidays\":{" + off.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
			.collect(Collectors.joining(",")) + "},\"workdays\":{" + worked + "}}";
	}

	/** iCalendar events (VEVENT, all-day) of the statutory holidays of {@code year} on weekdays, for a test's .ics. */
	public static String statutoryEvents(int year) {
		return StatutoryHolidays.of(year).stream().filter(d -> !weekend(d.day()))
			.map(d -> "BEGIN:VEVENT\nUID:statutory-" + d.day() + "\nDTSTART;VALUE=DATE:"
					+ d.day().toString().replace("-", "") + "\nSUMMARY:" + d.name() + "\nEND:VEVENT\n")
			.collect(Collectors.joining());
	}

	private static boolean weekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	private static LocalDate inYear(LocalDate day, int year) {
		if (day.getYear() != year) {
			throw new IllegalArgumentException(day + " is not in " + year);
		}
		return day;
	}
}
