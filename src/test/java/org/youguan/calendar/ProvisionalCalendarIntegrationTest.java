package org.youguan.calendar;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A year whose State Council notice is not loaded still has its statutory holidays (全国年节及纪念日放假办法): deadlines
 * counted across it skip them and say they are provisional. 2027 is never loaded by a test.
 */
@IntegrationTest
class ProvisionalCalendarIntegrationTest {

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	MockMvc mvc;

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	@Test
	void newYearsDayOfAYearNotLoadedIsADayOffAndTheAnswerIsProvisional() throws Exception {
		assertThat(calendar.isLoaded(2027)).isFalse();
		mvc.perform(get("/api/v1/calendar/add-working-days?from=2026-12-31&days=1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2027-01-04"))
			.andExpect(jsonPath("$.provisional").value(true));
		mvc.perform(get("/api/v1/calendar/add-working-days?from=2026-09-30&days=1"))
			.andExpect(jsonPath("$.date").value("2026-10-08"))
			.andExpect(jsonPath("$.provisional").value(false));
		mvc.perform(get("/api/v1/calendar/working-day?date=2027-10-01"))
			.andExpect(jsonPath("$.workingDay").value(false))
			.andExpect(jsonPath("$.yearLoaded").value(false))
			.andExpect(jsonPath("$.provisional").value(true));
		mvc.perform(get("/api/v1/calendar/working-days-between?from=2026-12-30&to=2027-01-08"))
			.andExpect(jsonPath("$.days").value(6))
			.andExpect(jsonPath("$.provisional").value(true));
	}

	/**
	 * Attack round (L5): {@code days=-2147483648} passed the ±3650 bound (Math.abs of it is itself negative) and answered
	 * 200 with {@code from}. Every count beyond the bound, either way, is a 400 naming {@code days}; the bound itself is
	 * answered.
	 */
	@Test
	void aCountOfWorkingDaysBeyondTheBoundEitherWayIsA400NamingDays() throws Exception {
		for (String days : new String[] { "-2147483648", "2147483647", "-3651", "3651" }) {
			mvc.perform(get("/api/v1/calendar/add-working-days").param("from", "2026-01-01").param("days", days))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("days"))
				.andExpect(jsonPath("$.errors[0].rule").value("range"));
		}
		mvc.perform(get("/api/v1/calendar/add-working-days").param("from", "2026-01-01").param("days", "-3650"))
			.andExpect(status().isOk());
		assertThat(calendar.plusWorkingDays(d("2026-09-30"), -1)).isEqualTo(d("2026-09-29"));
	}

	@Test
	void theLunarHolidaysAndTheSecondDayOfMayAreDaysOffBeforeTheNotice() {
		assertThat(calendar.isWorkingDay(d("2027-02-05"))).as("除夕, Friday").isFalse();
		assertThat(calendar.isWorkingDay(d("2027-02-08"))).as("正月初三, Monday").isFalse();
		assertThat(calendar.isWorkingDay(d("2027-02-09"))).isTrue();
		assertThat(calendar.isWorkingDay(d("2029-05-02"))).as("劳动节 second day, Wednesday").isFalse();
		assertThat(calendar.isWorkingDay(d("2027-06-09"))).as("端午").isFalse();
		assertThat(calendar.plusWorkingDays(d("2027-09-30"), 1)).as("国庆 10-01…10-03, then the weekend")
			.isEqualTo(d("2027-10-04"));
		assertThat(calendar.plusCalendarDays(d("2027-09-01"), 30)).as("a deadline ending on 10-01 moves on")
			.isEqualTo(d("2027-10-04"));
		assertThat(calendar.isProvisional(d("2026-12-31"), d("2027-01-04"))).isTrue();
		assertThat(calendar.isProvisional(d("2026-09-30"), d("2026-10-08"))).isFalse();
	}

	@Test
	void theNextHolidayAfterTheLastLoadedOneIsTheProvisionalNewYearsDay() {
		assertThat(calendar.nextHoliday(d("2026-10-08"))).get()
			.satisfies(h -> assertThat(h.day()).isEqualTo(d("2027-01-01")))
			.satisfies(h -> assertThat(h.name()).isEqualTo("元旦（暂定）"));
	}

	@Test
	void theCalendarPageShowsTheProvisionalDaysOffOfAYearNotLoaded() throws Exception {
		var admin = SignIn.session(mvc, "sys.admin");
		mvc.perform(get("/admin/calendar?year=2027").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"year-not-loaded\"")))
			.andExpect(content().string(containsString("title=\"春节（暂定）\"")))
			.andExpect(content().string(containsString("title=\"国庆节（暂定）\"")));
	}
}
