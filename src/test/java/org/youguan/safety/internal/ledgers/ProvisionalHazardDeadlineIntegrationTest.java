package org.youguan.safety.internal.ledgers;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A hazard's rectification deadline (the catalogue's working days from the day found) in a year whose holiday notice
 * is not loaded (2027: never loaded by a test) is {@code deadlineProvisional} in the API and stated with （暂定） when an
 * enterprise is refused a later date; one within a loaded year is not provisional.
 */
@IntegrationTest
class ProvisionalHazardDeadlineIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Hazards hazards;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	MutableClock clock;

	@AfterEach
	void reset() {
		clock.reset();
	}

	long foundOn(LocalDate day, String description) {
		clock.set(day.atTime(10, 0));
		return hazards.report(DataScope.region("3205"), new HazardData(HazardLedgerIntegrationTest.shunfeng(), null, null,
				day.toString(), "市局 检查组", "INSPECTION", description, "GENERAL", null), false);
	}

	@Test
	void aCatalogueDeadlineInAYearNotLoadedIsProvisional() throws Exception {
		long id = foundOn(LocalDate.of(2026, 12, 21), "暂定期限隐患");
		LocalDate deadline = hazards.get(DataScope.all(), id).deadline();
		assertThat(deadline.getYear()).isEqualTo(2027);
		mvc.perform(get("/api/v1/safety/hazards/" + id).header("Authorization", HazardLedgerIntegrationTest.CITY))
			.andExpect(jsonPath("$.hazard.deadline").value(deadline.toString()))
			.andExpect(jsonPath("$.hazard.deadlineProvisional").value(true));
		mvc.perform(get("/api/v1/safety/hazards?q=暂定期限隐患").header("Authorization", HazardLedgerIntegrationTest.CITY))
			.andExpect(jsonPath("$.items[0].deadlineProvisional").value(true));
		// the export marks it as the list does
		assertThat(ExportedRows.of(mvc, SignIn.session(mvc, "sz.admin"), "/safety/hazards/export.xlsx", "q", "暂定期限隐患")
			.stream().skip(1).flatMap(List::stream)).contains(deadline + "（暂定）");
		// an enterprise asking for a later date is told the catalogue's day with its mark
		LocalDate catalogue = calendar.plusWorkingDays(LocalDate.of(2026, 12, 21), 30);
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", HazardLedgerIntegrationTest.SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"foundOn\":\"2026-12-21\",\"foundBy\":\"检查组\",\"source\":\"SELF_CHECK\",\"description\":\"企业自报\","
					+ "\"level\":\"MAJOR\",\"deadline\":\"2027-12-31\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("after-catalogue"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不能晚于" + ChineseText.day(catalogue) + "（暂定）")));
	}

	@Test
	void aCatalogueDeadlineWithinALoadedYearIsNotProvisional() throws Exception {
		long id = foundOn(LocalDate.of(2026, 11, 2), "年内期限隐患");
		assertThat(calendar.isLoaded(hazards.get(DataScope.all(), id).deadline().getYear())).isTrue();
		mvc.perform(get("/api/v1/safety/hazards/" + id).header("Authorization", HazardLedgerIntegrationTest.CITY))
			.andExpect(jsonPath("$.hazard.deadlineProvisional").value(false));
	}
}
