package org.youguan.complaints;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.ChineseText;
import org.youguan.platform.ChinaTime;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The period the complaint figures are asked for: one that has not begun (a first month after the current one) is a
 * 400 naming {@code from}, rule {@code future} — as the statistics figures refuse it — on the API, the page and the
 * exports alike, never an answer of zeros; a last month before the first is a 400 naming {@code to}; a period that has
 * begun is counted as of today.
 */
@IntegrationTest
class ComplaintFiguresPeriodIntegrationTest {

	static final String STAFF_TOKEN = "Bearer demo-wz-staff-token";

	@Autowired
	MockMvc mvc;

	@Test
	void aPeriodThatHasNotBegunIsA400NamingFromAndTheRule() throws Exception {
		YearMonth now = YearMonth.now(ChinaTime.ZONE);
		for (String[] period : new String[][] { { now.plusMonths(1).toString(), now.plusMonths(1).toString() },
				{ now.plusMonths(1).toString(), now.plusMonths(3).toString() } }) {
			mvc.perform(get("/api/v1/complaints/figures").param("region", "320506").param("from", period[0])
				.param("to", period[1]).header("Authorization", STAFF_TOKEN))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("from"))
				.andExpect(jsonPath("$.errors[0].rule").value("future"))
				.andExpect(jsonPath("$.errors[0].message").value("起始月份不能晚于本月（" + ChineseText.month(now) + "）：" + ChineseText.month(YearMonth.parse(period[0]))))
				.andExpect(content().string(not(containsString("\"received\""))));
		}
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/complaints/figures").param("from", now.plusMonths(1).toString()).session(staff))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/complaints/figures/brand.xlsx").param("from", now.plusMonths(1).toString()).session(staff))
			.andExpect(status().isBadRequest());
		// a last month before the first: 400 naming to
		mvc.perform(get("/api/v1/complaints/figures").param("from", now.minusMonths(1).toString())
			.param("to", now.minusMonths(2).toString()).header("Authorization", STAFF_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].rule").value("after-from"));
		// a period that has begun is counted as of today
		mvc.perform(get("/api/v1/complaints/figures").param("from", now.toString()).param("to", now.plusMonths(1).toString())
			.header("Authorization", STAFF_TOKEN))
			.andExpect(status().isOk());
	}

	/**
	 * Finding stat50-2: a day where a month is expected (?from=2026-01-01) was a 400 page saying only "月份格式应为2025-01";
	 * the page names the parameter and its shape.
	 */
	@Test
	void aPageRefusingAQueryParameterNamesIt() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/complaints/figures").param("from", "2026-01-01").session(staff))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"from\"")))
			.andExpect(content().string(containsString("起始月份应为年月，格式YYYY-MM（如2025-01）：2026-01-01")));
	}
}
