package org.youguan.statistics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.platform.ChinaTime;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The aggregate API checks its months as every figures endpoint does (kernel {@code FiguresPeriod.months}): the same
 * field, rule and message as the complaint figures for the same bad month, and a period counted through the last ended
 * month, never read as a fall.
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

	/**
	 * Finding stat50-2: a month left out was told "缺少截止日期" — the label of a day parameter named to; it names the
	 * parameter and what it expects, a month.
	 */
	@Test
	void aMonthLeftOutIsNamedWithItsShape() throws Exception {
		mvc.perform(get("/api/v1/statistics/aggregate").param("indicator", "express.volume").param("region", "3205")
			.param("from", "2025-01").header("Authorization", CITY))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"))
			.andExpect(jsonPath("$.errors[0].message").value("缺少截止月份，应为年月，格式YYYY-MM（如2025-01）"));
	}

	/**
	 * A period that ends in or after the current month is counted through the last ended month (attack 48: a running
	 * year compared January–November with the whole of last year); the current month alone has nothing to count.
	 */
	@Test
	void aPeriodIsCountedThroughTheLastEndedMonth() throws Exception {
		YearMonth current = YearMonth.now(ChinaTime.ZONE);
		aggregate(current.minusMonths(2).toString(), current.plusMonths(1).toString())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value(current.minusMonths(2).toString()))
			.andExpect(jsonPath("$.to").value(current.minusMonths(1).toString()));
		aggregate(current.toString(), current.toString())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-ended"));
	}

	/** No figure is no figure (attack 48: 0 with complete=true), and a township is no level figures are kept at. */
	@Test
	void noFigureIsNullAndATownshipIsRefused() throws Exception {
		mvc.perform(get("/api/v1/statistics/aggregate").param("indicator", "green.ewaybill.rate").param("region", "3205")
			.param("from", "2003-01").param("to", "2003-01").header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.caveat").value(org.hamcrest.Matchers.containsString("没有已审核的数据")));
		mvc.perform(get("/api/v1/statistics/aggregate").param("indicator", "express.volume").param("region", "320506001")
			.param("from", "2025-01").param("to", "2025-01").header("Authorization", CITY))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("region"))
			.andExpect(jsonPath("$.errors[0].rule").value("county-level"));
	}
	String quarterly(String from, String to) throws Exception {
		return mvc.perform(get("/api/v1/statistics/aggregate").param("indicator", "care.health.checks").param("region", "3205")
			.param("from", from).param("to", to).header("Authorization", CITY))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/**
	 * A quarter counts in a range when its third month is in it, its figure and its coverage alike (attack: 2026-09
	 * alone gave no value but 89/89 reported, 2026-07..09 a value with 0/0, 2026-03..09 left Q1 out). Read on the demo's
	 * quarterly reports of the last two ended quarters.
	 */
	@Test
	void aQuarterCountsInTheRangeHoldingItsThirdMonth() throws Exception {
		YearMonth current = YearMonth.now(ChinaTime.ZONE);
		YearMonth lastEnd = current.minusMonths((current.getMonthValue() - 1) % 3 + 1);
		YearMonth lastStart = lastEnd.minusMonths(2);
		String third = quarterly(lastEnd.toString(), lastEnd.toString());
		String whole = quarterly(lastStart.toString(), lastEnd.toString());
		Number value = JsonPath.read(third, "$.value");
		assertThat(value).isNotNull();
		assertThat(JsonPath.<Object>read(whole, "$.value")).isEqualTo(JsonPath.read(third, "$.value"));
		int expected = JsonPath.read(whole, "$.expectedUnits");
		assertThat(expected).isPositive().isEqualTo(JsonPath.<Integer>read(third, "$.expectedUnits"));
		assertThat(JsonPath.<Integer>read(whole, "$.reportedUnits"))
			.isEqualTo(JsonPath.<Integer>read(third, "$.reportedUnits"));
		// the quarter before counts from its third month on, as from its first
		String fromThird = quarterly(lastStart.minusMonths(1).toString(), lastEnd.toString());
		String fromFirst = quarterly(lastStart.minusMonths(3).toString(), lastEnd.toString());
		assertThat(new BigDecimal(JsonPath.read(fromThird, "$.value").toString()))
			.isEqualByComparingTo(new BigDecimal(JsonPath.read(fromFirst, "$.value").toString()))
			.isGreaterThan(new BigDecimal(value.toString()));
	}
}
