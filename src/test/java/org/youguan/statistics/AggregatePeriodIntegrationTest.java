package org.youguan.statistics;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.platform.ChinaTime;

import com.jayway.jsonpath.JsonPath;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The aggregate API checks its months as every figures endpoint does (kernel {@code FiguresPeriod.months}): the same
 * field, rule and message as the complaint figures for the same bad month, and a period that has begun counted through
 * the current month, never refused nor read as a fall.
 */
@IntegrationTest
class AggregatePeriodIntegrationTest {

	static final String CITY = "Bearer demo-sz-admin-token";

	@Autowired
	MockMvc mvc;

	ResultActions aggregate(String from, String to) throws Exception {
		return mvc.perform(get("/api/v1/statistics/aggregate").param("indicator", "express.volume").param("region", "3205")
			.param("from", from).param("to", to).header("Authorization", CITY));
	}

	ResultActions complaintFigures(String from, String to) throws Exception {
		return mvc.perform(get("/api/v1/complaints/figures").param("region", "3205").param("from", from).param("to", to)
			.header("Authorization", CITY));
	}

	void sameRefusal(String from, String to, String field, String rule) throws Exception {
		String message = complaintFigures(from, to).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].rule").value(rule))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String shown = JsonPath.read(message, "$.errors[0].message");
		aggregate(from, to).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].rule").value(rule))
			.andExpect(jsonPath("$.errors[0].message").value(shown));
	}

	@Test
	void aBadMonthIsRefusedWithTheFieldRuleAndMessageOfEveryFiguresEndpoint() throws Exception {
		YearMonth current = YearMonth.now(ChinaTime.ZONE);
		sameRefusal("1999-12", current.toString(), "from", "range");
		sameRefusal("2025-1", current.toString(), "from", "month");
		sameRefusal(current.plusMonths(1).toString(), current.plusMonths(2).toString(), "from", "future");
		sameRefusal(current.toString(), current.minusMonths(1).toString(), "to", "after-from");
	}

	@Test
	void aPeriodThatHasBegunIsCountedThroughTheCurrentMonth() throws Exception {
		YearMonth current = YearMonth.now(ChinaTime.ZONE);
		aggregate(current.minusMonths(2).toString(), current.plusMonths(1).toString())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value(current.minusMonths(2).toString()))
			.andExpect(jsonPath("$.to").value(current.toString()));
	}
}
