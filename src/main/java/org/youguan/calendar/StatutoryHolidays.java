package org.youguan.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.tyme.lunar.LunarDay;
import com.tyme.solar.SolarDay;
import com.tyme.solar.SolarTerm;

/**
 * The days off fixed by law for a year, before the State Council's yearly notice adds its 调休 and 补假: the holidays
 * of 全国年节及纪念日放假办法 in the version in force on 1 January of that year. Lunar dates (春节, 端午, 中秋) and the
 * 清明 solar term are computed by tyme4j (MIT, 6tail), checked against the shipped 2004–2026 data in a test.
 *
 * <ul>
 * <li>2024 revision (国务院令795, in force 2025-01-01): 元旦 01-01; 春节 除夕 and 正月初一–初三; 清明; 劳动节 05-01 and
 * 05-02; 端午 五月初五; 中秋 八月十五; 国庆 10-01–10-03.</li>
 * <li>2013 revision (in force 2014-01-01): as above but 春节 正月初一–初三 and 劳动节 05-01 only.</li>
 * <li>2007 revision (in force 2008-01-01): 春节 除夕, 正月初一, 初二; 劳动节 05-01; 清明, 端午, 中秋 added.</li>
 * <li>1999 version: 元旦; 春节 正月初一–初三; 劳动节 05-01–05-03; 国庆 10-01–10-03.</li>
 * </ul>
 * A holiday that falls on a weekend is still only that day here: the weekday given in lieu (补假) and the weekend days
 * worked (调休) are known only from the notice.
 */
public final class StatutoryHolidays {

	private static final Map<Integer, List<CalendarDay>> CACHE = new ConcurrentHashMap<>();

	private static final Map<Integer, Set<LocalDate>> DAYS = new ConcurrentHashMap<>();

	private StatutoryHolidays() {
	}

	/**
	 * The statutory days off of {@code year} in date order, each a {@link CalendarDay.Kind#HOLIDAY} named after its
	 * festival.
	 *
	 * @throws IllegalArgumentException for a year outside 1900–2100, where the lunar computation is not checked
	 */
	public static List<CalendarDay> of(int year) {
		if (year < 1900 || year > 2100) {
			throw new IllegalArgumentException("year out of range 1900–2100: " + year);
		}
		return CACHE.computeIfAbsent(year, StatutoryHolidays::compute);
	}

	/**
	 * Whether {@code day} is a statutory day off of its year (weekends aside); false outside 1900–2100, where no
	 * holiday is computed.
	 */
	public static boolean isHoliday(LocalDate day) {
		int year = day.getYear();
		if (year < 1900 || year > 2100) {
			return false;
		}
		return DAYS.computeIfAbsent(year, y -> of(y).stream().map(CalendarDay::day).collect(Collectors.toUnmodifiableSet()))
			.contains(day);
	}

	private static List<CalendarDay> compute(int year) {
		List<CalendarDay> days = new ArrayList<>();
		fixed(days, year, "元旦", MonthDay.of(1, 1));
		LocalDate springFestival = lunar(year, 1, 1);
		if (year >= 2025) {
			// 全国年节及纪念日放假办法(2024) art.2: 春节 4 days, 除夕 and 正月初一–初三
			range(days, "春节", springFestival.minusDays(1), springFestival.plusDays(2));
		}
		else if (year >= 2014) {
			range(days, "春节", springFestival, springFestival.plusDays(2));
		}
		else if (year >= 2008) {
			range(days, "春节", springFestival.minusDays(1), springFestival.plusDays(1));
		}
		else {
			range(days, "春节", springFestival, springFestival.plusDays(2));
		}
		if (year >= 2008) {
			days.add(new CalendarDay(qingming(year), CalendarDay.Kind.HOLIDAY, "清明"));
		}
		if (year >= 2025) {
			fixed(days, year, "劳动节", MonthDay.of(5, 1), MonthDay.of(5, 2));
		}
		else if (year >= 2008) {
			fixed(days, year, "劳动节", MonthDay.of(5, 1));
		}
		else {
			fixed(days, year, "劳动节", MonthDay.of(5, 1), MonthDay.of(5, 2), MonthDay.of(5, 3));
		}
		if (year >= 2008) {
			days.add(new CalendarDay(lunar(year, 5, 5), CalendarDay.Kind.HOLIDAY, "端午"));
			days.add(new CalendarDay(lunar(year, 8, 15), CalendarDay.Kind.HOLIDAY, "中秋"));
		}
		fixed(days, year, "国庆节", MonthDay.of(10, 1), MonthDay.of(10, 2), MonthDay.of(10, 3));
		days.sort(Comparator.comparing(CalendarDay::day));
		// 中秋 can fall on 10-01..10-03 (2020, 2001): one day off, named after both
		List<CalendarDay> merged = new ArrayList<>();
		for (CalendarDay d : days) {
			if (!merged.isEmpty() && merged.get(merged.size() - 1).day().equals(d.day())) {
				CalendarDay prev = merged.remove(merged.size() - 1);
				merged.add(new CalendarDay(d.day(), d.kind(), prev.name() + "、" + d.name()));
			}
			else {
				merged.add(d);
			}
		}
		return Collections.unmodifiableList(merged);
	}

	private static void fixed(List<CalendarDay> days, int year, String name, MonthDay... dates) {
		for (MonthDay d : dates) {
			days.add(new CalendarDay(d.atYear(year), CalendarDay.Kind.HOLIDAY, name));
		}
	}

	private static void range(List<CalendarDay> days, String name, LocalDate first, LocalDate last) {
		for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
			days.add(new CalendarDay(d, CalendarDay.Kind.HOLIDAY, name));
		}
	}

	/** The Gregorian date of a lunar month and day of the lunar year that starts in {@code year}. */
	private static LocalDate lunar(int year, int month, int day) {
		return local(LunarDay.fromYmd(year, month, day).getSolarDay());
	}

	/** The day of the 清明 solar term (the sun at 15° ecliptic longitude), China time. */
	private static LocalDate qingming(int year) {
		return local(SolarTerm.fromName(year, "清明").getJulianDay().getSolarDay());
	}

	private static LocalDate local(SolarDay d) {
		return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
	}
}
