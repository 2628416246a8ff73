package org.youguan.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statutory holidays computed for the provisional calendar agree with the State Council's notices of 2004–2026
 * (the shipped chinese-days data): every day the law in force names is a day off there.
 */
class StatutoryHolidaysTest {

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	@Test
	void everyStatutoryHolidayOf2004To2026IsADayOffInTheShippedNotices() throws IOException {
		JsonNode data;
		try (InputStream in = getClass().getResourceAsStream("/calendar/chinese-days.json")) {
			data = JsonMapper.builder().build().readTree(in);
		}
		Set<LocalDate> off = new HashSet<>();
		data.path("holidays").propertyNames().forEach(k -> off.add(d(k)));
		Set<LocalDate> worked = new HashSet<>();
		data.path("workdays").propertyNames().forEach(k -> worked.add(d(k)));
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (int year = 2004; year <= 2026; year++) {
			for (CalendarDay h : StatutoryHolidays.of(year)) {
				boolean weekend = h.day().getDayOfWeek() == DayOfWeek.SATURDAY || h.day().getDayOfWeek() == DayOfWeek.SUNDAY;
				boolean dayOff = off.contains(h.day()) || weekend && !worked.contains(h.day());
				if (!dayOff) {
					wrong.add(h.day() + " " + h.name());
				}
				checked++;
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(checked).as("23 years of holidays").isGreaterThan(23 * 8);
	}

	@Test
	void the2024RevisionGivesThirteenDaysWithNewYearsEveAndTwoDaysInMay() {
		List<CalendarDay> y2026 = StatutoryHolidays.of(2026);
		assertThat(y2026).hasSize(13);
		assertThat(y2026).extracting(CalendarDay::day)
			.contains(d("2026-01-01"), d("2026-02-16"), d("2026-02-17"), d("2026-02-18"), d("2026-02-19"),
					d("2026-04-05"), d("2026-05-01"), d("2026-05-02"), d("2026-06-19"), d("2026-09-25"),
					d("2026-10-01"), d("2026-10-02"), d("2026-10-03"));
		assertThat(StatutoryHolidays.of(2026)).allMatch(h -> h.kind() == CalendarDay.Kind.HOLIDAY);
	}

	@Test
	void computesTheLunarHolidaysOfAYearNotYetAnnounced() {
		assertThat(StatutoryHolidays.of(2027)).extracting(CalendarDay::day)
			.as("除夕 02-05, 春节 02-06…02-08, 清明 04-05, 端午 06-09, 中秋 09-15")
			.contains(d("2027-02-05"), d("2027-02-06"), d("2027-02-08"), d("2027-04-05"), d("2027-06-09"),
					d("2027-09-15"), d("2027-01-01"), d("2027-05-02"), d("2027-10-03"));
		assertThat(StatutoryHolidays.isHoliday(d("2027-02-09"))).isFalse();
	}

	@Test
	void theOlderVersionsOfTheLawApplyToTheirYears() {
		assertThat(StatutoryHolidays.of(2015)).as("2013 revision: 春节 初一–初三, 劳动节 one day").hasSize(11);
		assertThat(StatutoryHolidays.isHoliday(d("2015-05-02"))).isFalse();
		assertThat(StatutoryHolidays.of(2010)).as("2007 revision: 春节 除夕–初二").extracting(CalendarDay::day)
			.contains(d("2010-02-13"), d("2010-02-15")).doesNotContain(d("2010-02-16"));
		assertThat(StatutoryHolidays.of(2005)).as("1999 version: no 清明/端午/中秋, 劳动节 three days").hasSize(10);
		assertThat(StatutoryHolidays.isHoliday(d("0001-01-01"))).as("outside 1900–2100 nothing is computed").isFalse();
	}
}
