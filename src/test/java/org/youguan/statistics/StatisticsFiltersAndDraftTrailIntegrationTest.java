package org.youguan.statistics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 52 on statistics: the report lists' {@code period} filter read by the one period reading (garbage was
 * an empty 200), a target set on the bureau's region however the code is typed, a {@code Long} parameter's refusal
 * without the type's bounds, an empty {@code from} a missing one, 催报 of a running period refused on the 报送进度 page
 * and its button only where something is owed, the bureau's status filter without 草稿, and draft values kept out of
 * the bureau's audit trail.
 */
@IntegrationTest
class StatisticsFiltersAndDraftTrailIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportForms forms;

	static final String CITY_TOKEN = "Bearer demo-sz-admin-token";

	static final String SF_TOKEN = "Bearer demo-sf-wz-token";

	@Test
	void aPeriodFilterThatIsNoPeriodIsRefusedOnPeriodOnEveryReportList() throws Exception {
		MockHttpSession city = SignIn.session(mvc, "sz.admin");
		for (String garbage : List.of("2026-13", "0000-01", "9999-12", "+2026-01", "2026-1", "2026-Q5", "abc")) {
			mvc.perform(get("/api/v1/statistics/reports").param("period", garbage).header("Authorization", CITY_TOKEN))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("period"));
			for (String page : List.of("/statistics/reports", "/statistics/reports/export.xlsx")) {
				mvc.perform(get(page).param("period", garbage).session(city))
					.andExpect(status().isBadRequest());
			}
		}
	}

	@Test
	void aPeriodFilterIsReadAsEveryPeriodIsFullWidthDigitsAndALowerCaseQuarter() throws Exception {
		String month = YearMonth.now(ChinaTime.ZONE).minusMonths(2).toString();
		long typed = total(month);
		assertThat(typed).as("the demo's reports of " + month).isPositive();
		assertThat(total(fullWidth(month))).isEqualTo(typed);
		String quarter = YearMonth.now(ChinaTime.ZONE).minusYears(1).getYear() + "-Q2";
		assertThat(total(quarter.replace('Q', 'q'))).isEqualTo(total(quarter));
	}

	private long total(String period) throws Exception {
		String body = mvc.perform(get("/api/v1/statistics/reports").param("period", period).header("Authorization", CITY_TOKEN))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.total")).longValue();
	}

	private static String fullWidth(String text) {
		StringBuilder out = new StringBuilder();
		text.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : (char) c));
		return out.toString();
	}

	/**
	 * Attack: the region a target is set for was read as a record's number, so a full-width or signed code named none
	 * and 昆山's administrator was told the bad year (400) before being refused another region. Now the region is read
	 * as every region code is before any field: another region in any accepted form 403, a value that is no region
	 * code in any form 400 naming its format, its own region (typed full width too) reaches the fields; the same for 催报's form.
	 */
	@Test
	void aTargetsRegionInAnyFormIsDecidedBeforeItsFields() throws Exception {
		MockHttpSession ks = SignIn.session(mvc, "ks.admin");
		for (String region : List.of("3205", "３２０５", "320500")) {
			mvc.perform(post("/statistics/targets").session(ks).with(csrf()).param("region", region).param("year", "abc")
				.param("indicator", "postal.total").param("targetValue", "1"))
				.andExpect(status().isForbidden());
		}
		// no region code in any form names no region: 400 naming the region's format alone, before the year
		for (String region : List.of("+3205", "32 05", "3205,", "０３２０５", "03205")) {
			mvc.perform(post("/statistics/targets").session(ks).with(csrf()).param("region", region).param("year", "abc")
				.param("indicator", "postal.total").param("targetValue", "1"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("data-field=\"region\"")))
				.andExpect(content().string(containsString("行政区划代码")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-field=\"year\""))));
		}
		mvc.perform(post("/statistics/targets").session(ks).with(csrf()).param("region", "３２０５８３").param("year", "abc")
			.param("indicator", "postal.total").param("targetValue", "1"))
			.andExpect(status().isBadRequest());
		MockHttpSession sz = SignIn.session(mvc, "sz.admin");
		for (String form : List.of("１", "+1", "1,", " 1")) {
			mvc.perform(post("/statistics/completeness/remind").session(sz).with(csrf()).param("form", form)
				.param("period", "x"))
				.andExpect(status().isNotFound());
		}
	}

	@Test
	void theBureauSetsItsTargetWhicheverWayItsRegionIsTyped() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		for (String region : List.of("320500", "３２０５")) {
			long value = 100 + Long.parseLong(RandomDigits.of(6));
			mvc.perform(post("/statistics/targets").session(admin).with(csrf()).param("region", region).param("year", "2013")
				.param("indicator", "postal.total").param("targetValue", String.valueOf(value)))
				.andExpect(status().is3xxRedirection());
			BigDecimal stored = jdbc.sql("""
					SELECT target_value FROM stat_target WHERE region_code = '3205' AND year = 2013
					AND indicator_code = 'postal.total'""").query(BigDecimal.class).single();
			assertThat(stored).as(region).isEqualByComparingTo(BigDecimal.valueOf(value));
		}
	}

	@Test
	void aLongParameterThatIsNoNumberIsToldItShouldBeAWholeNumberWithoutALongsBounds() throws Exception {
		mvc.perform(get("/statistics/completeness/export.xlsx").param("form", "abc").session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("应为整数")))
			.andExpect(content().string(not(containsString("9223372036854775807"))));
		mvc.perform(post("/api/v1/inspections/records").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType("application/json").content("{\"planId\": \"abc\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("planId"))
			.andExpect(jsonPath("$.errors[0].message", containsString("应为整数")))
			.andExpect(jsonPath("$.errors[0].message", not(containsString("9223372036854775807"))));
	}

	@Test
	void anEmptyFromOfTheAggregateIsAMissingFrom() throws Exception {
		String to = YearMonth.now(ChinaTime.ZONE).minusMonths(2).toString();
		mvc.perform(get("/api/v1/statistics/aggregate").param("indicator", "express.volume").param("region", "3205")
			.param("from", "").param("to", to).header("Authorization", CITY_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"));
	}

	@Test
	void aReminderOfARunningPeriodIsRefusedOnTheCompletenessPage() throws Exception {
		ReportForm monthly = forms.byCode("monthly");
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		String running = YearMonth.now(ChinaTime.ZONE).toString();
		String page = "/statistics/completeness?form=" + monthly.id();
		MvcResult refused = mvc.perform(post("/statistics/completeness/remind").session(admin).with(csrf())
			.param("form", String.valueOf(monthly.id())).param("period", running))
			.andExpect(redirectedUrl(page))
			.andReturn();
		mvc.perform(get(page).session(admin).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("尚未结束")))
			.andExpect(content().string(containsString("id=\"outstanding\"")));
	}

	@Test
	void theReminderButtonIsShownOnlyWhereSomethingIsOwed() throws Exception {
		ReportForm monthly = forms.byCode("monthly");
		// a county where nobody operated yet in January 2000: 应报 0
		mvc.perform(get("/statistics/completeness").param("form", String.valueOf(monthly.id())).param("period", "2000-01")
			.session(SignIn.session(mvc, "xc.staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"remind\""))));
		mvc.perform(get("/statistics/completeness").param("form", String.valueOf(monthly.id()))
			.param("period", YearMonth.now(ChinaTime.ZONE).minusMonths(1).toString()).session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"remind\"")));
	}

	@Test
	void theBureausStatusFilterOffersNoDraft() throws Exception {
		MockHttpSession city = SignIn.session(mvc, "sz.admin");
		for (String state : List.of("OPEN", "ALL")) {
			mvc.perform(get("/statistics/reports").param("state", state).session(city))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("value=\"SUBMITTED\"")))
				.andExpect(content().string(not(containsString("value=\"DRAFT\""))));
		}
	}

	/**
	 * A draft's values are the enterprise's until it submits them: the trail records that a draft was saved (and how
	 * many values it holds), not the values — neither in the bureau's audit search nor in the report's 变更记录.
	 */
	@Test
	void aDraftsValuesDoNotReachTheBureauThroughTheTrail() throws Exception {
		String period = "2004-0" + (1 + Integer.parseInt(RandomDigits.of(1)) % 9);
		String value = "7" + RandomDigits.of(8);
		String receipt = mvc.perform(post("/api/v1/statistics/reports").header("Authorization", SF_TOKEN)
			.contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"" + period + "\",\"values\":{\"express.volume.local\":\"" + value
					+ "\"},\"submit\":false}"))
			.andExpect(status().is2xxSuccessful())
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(receipt, "$.id")).longValue();
		List<Map<String, Object>> drafts = jdbc.sql("""
				SELECT after_state::text AS after FROM audit_event
				WHERE action = 'statistics.report.draft' AND object_id = :id""")
			.param("id", String.valueOf(id))
			.query()
			.listOfRows();
		assertThat(drafts).isNotEmpty();
		assertThat(drafts).allSatisfy(d -> assertThat(String.valueOf(d.get("after"))).contains("valuesFilled")
			.doesNotContain(value).doesNotContain("\"values\""));
		mvc.perform(get("/api/v1/audit-events").param("q", String.valueOf(id)).header("Authorization", CITY_TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(value))));
	}
}
