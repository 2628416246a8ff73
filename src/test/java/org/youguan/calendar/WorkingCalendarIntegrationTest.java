package org.youguan.calendar;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.HolidayNotices;
import org.youguan.IntegrationTest;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class WorkingCalendarIntegrationTest {

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	CalendarYears years;

	@Autowired
	TransactionTemplate tx;

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	@Test
	void shipsTheYears2004To2026() {
		assertThat(calendar.loadedYears()).contains(2004, 2015, 2026);
	}

	@Test
	void springFestival2026HasWeekendWorkingDays() {
		assertThat(calendar.isWorkingDay(d("2026-02-14"))).as("Sat 02-14 is a 调休 working day").isTrue();
		assertThat(calendar.isWorkingDay(d("2026-02-28"))).as("Sat 02-28 is a 调休 working day").isTrue();
		assertThat(calendar.isWorkingDay(d("2026-02-17"))).as("Tue 02-17 is 春节").isFalse();
		assertThat(calendar.plusWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
		assertThat(calendar.plusWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
	}

	@Test
	void nationalDay2026() {
		assertThat(calendar.plusWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
		assertThat(calendar.plusWorkingDays(d("2026-10-09"), 1)).as("Sat 10-10 is a 调休 working day")
			.isEqualTo(d("2026-10-10"));
		assertThat(calendar.workingDaysBetween(d("2026-09-30"), d("2026-10-08"))).isEqualTo(1);
	}

	@Test
	void countsWorkingDaysExcludingTheStartIncludingTheEnd() {
		assertThat(calendar.workingDaysBetween(d("2026-11-23"), d("2026-11-27"))).isEqualTo(4);
		assertThat(calendar.workingDaysBetween(d("2026-11-27"), d("2026-11-23"))).isEqualTo(-4);
		LocalDate start = d("2026-01-30");
		for (int n : new int[] { 0, 1, 5, 20, 60 }) {
			assertThat(calendar.workingDaysBetween(start, calendar.plusWorkingDays(start, n))).isEqualTo(n);
		}
		assertThat(calendar.plusWorkingDays(d("2026-02-24"), -2)).isEqualTo(d("2026-02-13"));
	}

	@Test
	void movesACalendarDayDeadlineOffADayOff() {
		// 2026-09-24 + 7 days = 10-01 (国庆) → next working day 10-08
		assertThat(calendar.plusCalendarDays(d("2026-09-24"), 7)).isEqualTo(d("2026-10-08"));
		// a deadline ending on a working Saturday (调休) stays there
		assertThat(calendar.plusCalendarDays(d("2026-02-07"), 7)).isEqualTo(d("2026-02-14"));
		assertThat(calendar.plusCalendarDays(d("2026-11-16"), 7)).isEqualTo(d("2026-11-23"));
	}

	@Test
	void knowsTheNextHoliday() {
		assertThat(calendar.nextHoliday(d("2026-09-20"))).get()
			.satisfies(h -> assertThat(h.name()).isEqualTo("中秋"))
			.satisfies(h -> assertThat(h.day()).isEqualTo(d("2026-09-25")));
		assertThat(calendar.nextHoliday(d("2026-09-25"))).as("the first day of the next period, not a day inside it")
			.get()
			.satisfies(h -> assertThat(h.day()).isEqualTo(d("2026-10-01")));
	}

	@Test
	void theNextHolidayIsWorkedOutAfreshWhenAYearIsLoaded() {
		assertThat(calendar.isLoaded(2034)).isFalse();
		for (int i = 0; i < 2; i++) {
			assertThat(calendar.nextHoliday(d("2033-12-20"))).as("asked again: the remembered answer")
				.get()
				.satisfies(h -> assertThat(h.name()).isEqualTo("元旦（暂定）"))
				.satisfies(h -> assertThat(h.day()).isEqualTo(d("2034-01-01")));
		}
		assertThat(calendar.nextHoliday(d("2033-12-19"))).as("another day is worked out on its own")
			.get()
			.satisfies(h -> assertThat(h.day()).isEqualTo(d("2034-01-01")));
		String json = HolidayNotices.notice(2034, List.of(d("2034-01-02")), List.of());
		tx.execute(s -> years.load(json.getBytes(StandardCharsets.UTF_8), "test.json", "test"));
		assertThat(calendar.nextHoliday(d("2033-12-20"))).as("the loaded year's notice, not the remembered provisional day")
			.get()
			.satisfies(h -> assertThat(h.name()).isEqualTo("元旦"))
			.satisfies(h -> assertThat(h.day()).isEqualTo(d("2034-01-02")));
	}

	@Test
	void loadsANewYearFromIcsAndReplacesIt() {
		assertThat(calendar.isLoaded(2031)).isFalse();
		assertThat(calendar.isWorkingDay(d("2031-01-01"))).as("元旦 is a day off by law before loading").isFalse();
		assertThat(calendar.isWorkingDay(d("2031-01-02"))).as("provisional: weekdays other than holidays work").isTrue();
		String ics = """
				BEGIN:VCALENDAR
				VERSION:2.0
				BEGIN:VEVENT
				DTSTART;VALUE=DATE:20310101
				DTEND;VALUE=DATE:20310103
				SUMMARY:元旦
				END:VEVENT
				BEGIN:VEVENT
				DTSTART;VALUE=DATE:20310104
				SUMMARY:元旦（补班）
				END:VEVENT
				""" + HolidayNotices.statutoryEvents(2031) + "END:VCALENDAR\n";
		List<Integer> loaded = tx.execute(s -> years.load(ics.getBytes(StandardCharsets.UTF_8), "test.ics", "test"));
		assertThat(loaded).containsExactly(2031);
		assertThat(calendar.isLoaded(2031)).isTrue();
		assertThat(calendar.isWorkingDay(d("2031-01-01"))).isFalse();
		assertThat(calendar.isWorkingDay(d("2031-01-02"))).isFalse();
		assertThat(calendar.isWorkingDay(d("2031-01-04"))).as("Saturday 补班").isTrue();
		String json = HolidayNotices.notice(2031, List.of(d("2031-01-01")), List.of());
		tx.execute(s -> years.load(json.getBytes(StandardCharsets.UTF_8), "test.json", "test"));
		assertThat(calendar.isWorkingDay(d("2031-01-02"))).as("the year was replaced").isTrue();
	}

	@Test
	void rejectsAFileWithAWeekdayWorkdayAndLoadsNothing() {
		String json = "{\"holidays\":{\"2032-01-01\":\"New Year's Day,元旦,1\"},\"workdays\":{\"2032-01-05\":\"x,元旦,1\"}}";
		assertThatThrownBy(() -> tx.execute(s -> years.load(json.getBytes(StandardCharsets.UTF_8), "bad.json", "test")))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("周六或周日");
		assertThat(calendar.isLoaded(2032)).isFalse();
	}

	@Test
	void rejectsAFileThatIsNeitherJsonNorIcs() {
		assertThatThrownBy(() -> years.parse("hello".getBytes(StandardCharsets.UTF_8)))
			.hasMessageContaining("iCalendar");
	}
}
