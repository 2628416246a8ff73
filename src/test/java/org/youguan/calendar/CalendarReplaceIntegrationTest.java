package org.youguan.calendar;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.HolidayNotices;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A file loads whole years only, whether the year was loaded before or not: every statutory holiday of each year it
 * touches must be a day off in it. A file of one day of a year not loaded (attack: 2027-01-01 alone made 2027 loaded,
 * 春节 and 国庆 working days and every due date across them recounted without its 暂定 mark), or a notice with a stray
 * day of the following year, is refused naming the year, and nothing is loaded. Day names are held to the name rules.
 */
@IntegrationTest
class CalendarReplaceIntegrationTest {

	@Autowired
	CalendarYears years;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MockMvc mvc;

	List<Integer> load(String file) {
		return tx.execute(s -> years.load(file.getBytes(StandardCharsets.UTF_8), "test.json", "test"));
	}

	static List<FieldError> errors(Runnable load) {
		try {
			load.run();
		}
		catch (InvalidValueException ex) {
			return ex.fieldErrors();
		}
		throw new AssertionError("the file was loaded");
	}

	@Test
	void aStrayDayOfALoadedYearDoesNotReplaceThatYear() {
		String file = "{\"holidays\":{\"2026-12-30\":\"Test,测试,1\",\"2049-01-01\":\"New Year's Day,元旦,1\"},\"workdays\":{}}";
		assertThatThrownBy(() -> load(file))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.getMessage()).contains("2026年", "元旦"));
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 30))).isTrue();
	}

	@Test
	void oneDayOfAYearNotLoadedIsRefusedOnTheCalendarPageAndTheYearStaysProvisional() throws Exception {
		LocalDate due = LocalDate.of(2027, 2, 4);
		assertThat(calendar.isLoaded(2027)).isFalse();
		assertThat(calendar.plusWorkingDays(due, 1)).as("provisional: 除夕 to 初三 off").isEqualTo(LocalDate.of(2027, 2, 9));
		byte[] file = "{\"holidays\":{\"2027-01-01\":\"元旦,元旦,1\"},\"workdays\":{}}".getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/admin/calendar/load").file(new MockMultipartFile("file", "2027.json", "application/json", file))
			.session(SignIn.session(mvc, "sys.admin")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"file\"")))
			.andExpect(content().string(containsString("文件中的2027年不完整")))
			.andExpect(content().string(containsString("2027年2月5日（春节）")));
		assertThat(calendar.isLoaded(2027)).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).as("春节 stays a day off").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).as("国庆 stays a day off").isFalse();
		assertThat(calendar.plusWorkingDays(due, 1)).as("due dates are not recounted").isEqualTo(LocalDate.of(2027, 2, 9));
		assertThat(calendar.messageDay(LocalDate.of(2027, 2, 9))).as("and keep their mark").isEqualTo("2027年2月9日（暂定）");
	}

	/** 2075 is loaded by this test only and 2076 by none (the database outlives a run: 2075 may be loaded already). */
	@Test
	void aStrayDayOfTheFollowingYearRefusesTheNoticeNamingThatYear() {
		boolean loadedBefore = calendar.isLoaded(2075);
		String notice = HolidayNotices.notice(2075, List.of(), List.of());
		String withStray = notice.replace("},\"workdays\"", ",\"2076-01-01\":\"New Year's Day,元旦,1\"},\"workdays\"");
		assertThat(errors(() -> load(withStray))).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("file");
			assertThat(e.rule()).isEqualTo("incomplete-year");
			assertThat(e.message()).contains("2076年", "春节").doesNotContain("2075年");
		});
		assertThat(calendar.isLoaded(2076)).as("nothing loaded").isFalse();
		assertThat(calendar.isLoaded(2075)).isEqualTo(loadedBefore);
		assertThat(load(notice)).as("the whole year alone loads").containsExactly(2075);
		assertThat(calendar.isLoaded(2075)).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2075, 10, 1))).as("国庆 on a weekday").isFalse();
	}

	@Test
	void aDayNameIsRefusedRatherThanCutAndHoldsNoMarkupNorEmoji() {
		// 2074 is loaded by this test only (the database outlives a run: it may be loaded already)
		boolean loadedBefore = calendar.isLoaded(2074);
		String longName = "节".repeat(59) + "🎉";
		List<FieldError> errors = errors(() -> load(HolidayNotices.notice(2074, List.of(), List.of())
			.replace("Holiday,元旦,1", "Holiday," + longName + ",1")
			.replace("Holiday,劳动节,1", "Holiday,<script>alert(1)</script>,1")));
		assertThat(errors).extracting(FieldError::field).containsOnly("holidays");
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.rule()).isEqualTo("characters");
			assertThat(e.message()).contains("2074-01-01", "🎉");
		});
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.rule()).isEqualTo("characters");
			assertThat(e.message()).contains("2074-05-01", "<");
		});
		assertThat(errors(() -> load(HolidayNotices.notice(2074, List.of(), List.of())
			.replace("Holiday,元旦,1", "Holiday," + "节".repeat(61) + ",1")))).singleElement().satisfies(e -> {
				assertThat(e.field()).isEqualTo("holidays");
				assertThat(e.rule()).isEqualTo("max-length");
				assertThat(e.message()).contains("2074-01-01");
			});
		assertThat(errors(() -> load("{\"holidays\":{\"2074-13-01\":\"元旦\"},\"workdays\":{}}"))).singleElement()
			.satisfies(e -> {
				assertThat(e.field()).as("the file's key, not the date").isEqualTo("holidays");
				assertThat(e.message()).contains("2074-13-01");
			});
		assertThat(calendar.isLoaded(2074)).as("nothing loaded").isEqualTo(loadedBefore);
		String sixty = "节".repeat(59) + "𠮷";
		load(HolidayNotices.notice(2074, List.of(), List.of()).replace("Holiday,元旦,1", "Holiday," + sixty + ",1"));
		assertThat(calendar.exceptions(2074)).filteredOn(d -> d.day().equals(LocalDate.of(2074, 1, 1)))
			.singleElement().satisfies(d -> assertThat(d.name()).as("sixty characters, one outside the BMP, kept whole")
				.isEqualTo(sixty));
	}
}
