package org.youguan.statistics;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.DataScope;
import org.youguan.org.UserDirectory;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A report's due day (the form's day of the next month, moved to a working day) in a year whose holiday notice is not
 * loaded (2027: never loaded by a test) is {@code dueOnProvisional} in the API; one within a loaded year is not.
 */
@IntegrationTest
class ProvisionalReportDueIntegrationTest {

	static final String SF = "Bearer demo-sf-wz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	Reports reports;

	@Autowired
	ReportForms forms;

	@Autowired
	UserDirectory directory;

	@Autowired
	Enterprises enterprises;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	MutableClock clock;

	@AfterEach
	void reset() {
		clock.reset();
	}

	/** sf.wz's own scope: a draft is the enterprise's until it is sent (the bureau reads it once submitted). */
	DataScope sfScope() {
		return DataScope.enterprise(directory.principal("sf.wz").orElseThrow().enterpriseCreditCode());
	}

	/** sf.wz's monthly report of {@code month}, opened on the first day after it. */
	long opened(YearMonth month) {
		clock.set(month.plusMonths(1).atDay(1).atTime(10, 0));
		String code = directory.principal("sf.wz").orElseThrow().enterpriseCreditCode();
		long enterprise = enterprises.findByCreditCode(code).orElseThrow().id();
		return reports.open(DataScope.enterprise(code), enterprise, forms.byCode("monthly").id(), Period.month(month));
	}

	@Test
	void aDueDayInAYearNotLoadedIsProvisional() throws Exception {
		long id = opened(YearMonth.of(2027, 5));
		LocalDate due = reports.get(sfScope(), id).dueOn();
		assertThat(calendar.isLoaded(due.getYear())).isFalse();
		mvc.perform(get("/api/v1/statistics/reports/" + id).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.dueOn").value(due.toString()))
			.andExpect(jsonPath("$.dueOnProvisional").value(true));
	}

	@Test
	void aDueDayWithinALoadedYearIsNotProvisional() throws Exception {
		long id = opened(YearMonth.of(2025, 7));
		assertThat(calendar.isLoaded(reports.get(sfScope(), id).dueOn().getYear())).isTrue();
		mvc.perform(get("/api/v1/statistics/reports/" + id).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.dueOnProvisional").value(false));
	}
}
