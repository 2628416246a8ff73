package org.youguan.calendar;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * iCalendar files are read for the day in China: all-day dates as they are, UTC and TZID times converted to
 * Asia/Shanghai, floating times as China time.
 */
class IcsImportTest {

	final CalendarYears years = new CalendarYears(null, null, JsonMapper.builder().build(), null, null, null, null);

	SortedMap<Integer, List<CalendarDay>> parse(String events) {
		String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + events.strip().replace("\n", "\r\n")
				+ "\r\nEND:VCALENDAR\r\n";
		return years.parse(ics.getBytes(StandardCharsets.UTF_8));
	}

	static List<LocalDate> days(SortedMap<Integer, List<CalendarDay>> parsed) {
		return parsed.values().stream().flatMap(List::stream).map(CalendarDay::day).toList();
	}

	@Test
	void aUtcTimeIsReadAsTheDayInChina() {
		var parsed = parse("""
				BEGIN:VEVENT
				UID:1
				DTSTART:20260213T160000Z
				DTEND:20260214T160000Z
				SUMMARY:春节（补班）
				END:VEVENT
				""");
		assertThat(parsed.get(2026)).singleElement().satisfies(d -> {
			assertThat(d.day()).as("16:00 UTC on 02-13 is 00:00 on 02-14 in Beijing").isEqualTo(LocalDate.of(2026, 2, 14));
			assertThat(d.kind()).isEqualTo(CalendarDay.Kind.WORKDAY);
		});
	}

	@Test
	void aTimeWithATimeZoneIsConvertedToChinaTime() {
		var parsed = parse("""
				BEGIN:VEVENT
				UID:2
				DTSTART;TZID=Europe/Berlin:20261001T000000
				DTEND;TZID=Europe/Berlin:20261002T000000
				SUMMARY:国庆节
				END:VEVENT
				""");
		assertThat(days(parsed)).as("00:00–24:00 in Berlin is 06:00 on 10-01 to 06:00 on 10-02 in Beijing")
			.containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2));
	}

	@Test
	void aFloatingTimeIsChinaTimeAndAnEventEndingAtMidnightExcludesTheNextDay() {
		var parsed = parse("""
				BEGIN:VEVENT
				UID:3
				DTSTART:20261001T000000
				DTEND:20261004T000000
				SUMMARY:国庆节
				END:VEVENT
				BEGIN:VEVENT
				UID:4
				DTSTART:20261005T090000
				DURATION:PT8H
				SUMMARY:国庆节
				END:VEVENT
				""");
		assertThat(days(parsed)).containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
				LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 5));
	}

	@Test
	void allDayEventsStillCoverTheirDates() {
		var parsed = parse("""
				BEGIN:VEVENT
				UID:5
				DTSTART;VALUE=DATE:20310101
				DTEND;VALUE=DATE:20310103
				SUMMARY:元旦
				END:VEVENT
				""");
		assertThat(days(parsed)).containsExactly(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 1, 2));
		assertThat(parsed.get(2031)).allMatch(d -> d.kind() == CalendarDay.Kind.HOLIDAY && d.name().equals("元旦"));
	}

	@Test
	void refusesRecurringEventsAndBrokenFilesWithAClearMessage() {
		assertThatThrownBy(() -> parse("""
				BEGIN:VEVENT
				UID:6
				DTSTART;VALUE=DATE:20310101
				RRULE:FREQ=YEARLY
				SUMMARY:元旦
				END:VEVENT
				""")).isInstanceOf(InvalidValueException.class).hasMessageContaining("重复事件");
		assertThatThrownBy(() -> parse("""
				BEGIN:VEVENT
				UID:7
				DTSTART:2031xx01
				SUMMARY:元旦
				END:VEVENT
				""")).isInstanceOf(InvalidValueException.class).hasMessageContaining("iCalendar");
	}
}
