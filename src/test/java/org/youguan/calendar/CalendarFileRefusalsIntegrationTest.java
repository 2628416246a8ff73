package org.youguan.calendar;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.HolidayNotices;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A calendar file that cannot be read is refused in Chinese, naming the line and column and never the parser's
 * English (attack: "JSON格式错误：Unexpected end-of-input …", "Error at line 3:Text 'garbage' could not be parsed");
 * a UTF-16 file is named as such; a refused file shows its own year again; an .ics "国庆节（不上班）" is a day off; and
 * the year-end crossing of a notice (2019's: 2018-12-30/31 off, 2018-12-29 worked) is merged into the loaded year.
 */
@IntegrationTest
class CalendarFileRefusalsIntegrationTest {

	@Autowired
	CalendarYears years;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	static FieldError refusal(Runnable parse) {
		try {
			parse.run();
		}
		catch (InvalidValueException ex) {
			assertThat(ex.fieldErrors()).hasSize(1);
			return ex.fieldErrors().get(0);
		}
		throw new AssertionError("the file was read");
	}

	FieldError refusal(String file) {
		return refusal(() -> years.parse(file.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aJsonFileThatCannotBeReadIsNamedByLineAndColumnInChinese() {
		FieldError truncated = refusal("{\"holidays\":{\n\"2089-01-01\":\"元旦,元旦,1\"");
		assertThat(truncated.rule()).isEqualTo("json");
		assertThat(truncated.message()).contains("日历文件不完整", "第2行", "意外结束")
			.doesNotContain("Unexpected", "Source", "marker");
		FieldError comma = refusal("{\"holidays\":{\"2089-01-01\":\"元旦,元旦,1\",},\n\"workdays\":{}}");
		assertThat(comma.message()).contains("第1行第", "最后一项后不加逗号").doesNotContain("Unexpected", "expecting");
		FieldError quotes = refusal("{\"holidays\":{\n  '2089-01-01':'元旦'}}");
		assertThat(quotes.message()).contains("第2行第3列", "英文双引号").doesNotContain("Unexpected");
		FieldError twice = refusal("{\"holidays\":{\"2089-01-01\":\"元旦\",\n\"2089-01-01\":\"元旦\"}}");
		assertThat(twice.message()).contains("第2行", "“2089-01-01”出现了不止一次").doesNotContain("Duplicate");
		FieldError blankLinesFirst = refusal("\n\n{\"holidays\":{\"2089-01-01\":\"元旦\",}}");
		assertThat(blankLinesFirst.message()).as("counted as the file's editor counts").contains("第3行");
	}

	@Test
	void anIcsFileThatCannotBeReadNamesItsLineWithoutTheParsersText() {
		FieldError bad = refusal("BEGIN:VCALENDAR\r\nVERSION:2.0\r\ngarbage\r\nEND:VCALENDAR\r\n");
		assertThat(bad.rule()).isEqualTo("ics");
		// iCal4j stops at the end of the bad line 3, so line 4 "附近"
		assertThat(bad.message()).contains("第4行附近", "iCalendar").doesNotContain("could not be parsed", "Error at line");
	}

	@Test
	void aUtf16FileIsRefusedAsUtf16NotForACharacter() {
		String file = HolidayNotices.notice(2089, List.of(), List.of());
		for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16)) {
			FieldError e = refusal(() -> years.parse(file.getBytes(charset)));
			assertThat(e.rule()).as(charset.name()).isEqualTo("encoding");
			assertThat(e.message()).contains("UTF-16", "不是UTF-8").doesNotContain("U+0000");
		}
	}

	@Test
	void anIcsEventThatSaysNotWorkedIsADayOff() {
		var parsed = years.parse(("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
				+ "BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20891001\r\nSUMMARY:国庆节（不上班）\r\nEND:VEVENT\r\n"
				+ "BEGIN:VEVENT\r\nUID:2\r\nDTSTART;VALUE=DATE:20891002\r\nSUMMARY:国庆节（休）\r\nEND:VEVENT\r\n"
				+ "BEGIN:VEVENT\r\nUID:3\r\nDTSTART;VALUE=DATE:20891008\r\nSUMMARY:国庆节调休上班\r\nEND:VEVENT\r\n"
				+ "END:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.get(2089)).extracting(CalendarDay::kind)
			.containsExactly(CalendarDay.Kind.HOLIDAY, CalendarDay.Kind.HOLIDAY, CalendarDay.Kind.WORKDAY);
		assertThat(parsed.get(2089)).extracting(CalendarDay::name).containsOnly("国庆节");
		assertThat(CalendarYears.workday("春节（补班）")).isTrue();
		assertThat(CalendarYears.workday("春节放假（调休）")).isFalse();
		assertThat(CalendarYears.workday("元旦无需上班")).isFalse();
	}

	@Test
	void aRefusedFileShowsItsOwnYearAgain() throws Exception {
		byte[] file = "{\"holidays\":{\"2088-01-01\":\"元旦,元旦,1\",\"2088-01-02\":\"元旦,元旦,1\"},\"workdays\":{}}"
			.getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/admin/calendar/load").file(new MockMultipartFile("file", "x.json", "application/json", file))
			.session(SignIn.session(mvc, "sys.admin")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("文件中的2088年不完整")))
			.andExpect(content().string(containsString("id=\"calendar-year\">2088年")));
	}

	/**
	 * 2085 is loaded by this test and 2086's notice crosses into it; no other test loads them (the database outlives a
	 * run: they may be loaded already, which changes nothing here).
	 */
	@Test
	void theYearEndCrossingOfANoticeIsMergedIntoTheLoadedYear() {
		tx.execute(s -> years.load(HolidayNotices.notice(2085, List.of(), List.of()).getBytes(StandardCharsets.UTF_8),
				"2085.json", "test"));
		LocalDate worked = LocalDate.of(2085, 12, 31);
		while (worked.getDayOfWeek() != DayOfWeek.SATURDAY) {
			worked = worked.minusDays(1);
		}
		LocalDate off = LocalDate.of(2085, 12, 31);
		while (off.getDayOfWeek() == DayOfWeek.SATURDAY || off.getDayOfWeek() == DayOfWeek.SUNDAY || off.equals(worked)) {
			off = off.minusDays(1);
		}
		String notice = HolidayNotices.notice(2086, List.of(), List.of())
			.replace("},\"workdays\":{", ",\"" + off + "\":\"New Year's Day,元旦,1\"},\"workdays\":{\"" + worked
					+ "\":\"New Year's Day,元旦,1\"");
		LocalDate offDay = off;
		LocalDate workedDay = worked;
		List<Integer> loaded = tx.execute(s -> years.load(notice.getBytes(StandardCharsets.UTF_8), "2086.json", "test"));
		assertThat(loaded).contains(2085, 2086);
		assertThat(calendar.isWorkingDay(offDay)).as("the crossing's day off").isFalse();
		assertThat(calendar.isWorkingDay(workedDay)).as("the crossing's working Saturday").isTrue();
		assertThat(StatutoryHolidays.of(2085)).as("2085's own days kept")
			.allSatisfy(d -> assertThat(calendar.isWorkingDay(d.day())).as(d.day().toString()).isFalse());
		assertThat(calendar.isLoaded(2086)).isTrue();
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'calendar.merge-days' AND object_id = '2085'")
			.query(String.class).list()).isNotEmpty().allSatisfy(s -> assertThat(s).contains("2086年", offDay.toString()));
	}

	/**
	 * 2083 is loaded by this test; a notice for 2084 holding 2083-03-10 and 2083-12-01 is no year-end crossing (attack
	 * 48: a 2027 file turned 2026-03-10 and tomorrow into days off and recounted every due date): refused whole.
	 */
	@Test
	void aNoticeOfAnotherYearChangesOnlyTheDaysAtTheTurnOfTheYear() {
		tx.execute(s -> years.load(HolidayNotices.notice(2083, List.of(), List.of()).getBytes(StandardCharsets.UTF_8),
				"2083.json", "test"));
		LocalDate march = LocalDate.of(2083, 3, 10);
		LocalDate december = LocalDate.of(2083, 12, 1);
		String notice = HolidayNotices.notice(2084, List.of(), List.of())
			.replace("},\"workdays\":{", ",\"" + march + "\":\"New Year's Day,元旦,1\",\"" + december
					+ "\":\"New Year's Day,元旦,1\"},\"workdays\":{");
		FieldError refused = refusal(() -> tx.execute(s -> years.load(notice.getBytes(StandardCharsets.UTF_8),
				"2084.json", "test")));
		assertThat(refused.rule()).isEqualTo("crossing-days");
		assertThat(refused.message()).contains("2083-03-10", "2083-12-01", "12月22日至31日");
		assertThat(calendar.isWorkingDay(march)).as("2083-03-10 kept").isTrue();
		assertThat(calendar.isWorkingDay(december)).as("2083-12-01 kept").isTrue();
	}

	@Test
	void aCalendarFileInGbkIsNamedAsNotUtf8() {
		byte[] gbk = HolidayNotices.notice(2082, List.of(), List.of()).getBytes(java.nio.charset.Charset.forName("GBK"));
		FieldError refused = refusal(() -> years.parse(gbk));
		assertThat(refused.rule()).isEqualTo("encoding");
		assertThat(refused.message()).contains("不是UTF-8", "GBK");
	}
}
