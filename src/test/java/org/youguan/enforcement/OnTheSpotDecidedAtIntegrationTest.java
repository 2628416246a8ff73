package org.youguan.enforcement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.kernel.Rows;
import org.youguan.org.Bureaus;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An on-the-spot decision (简易程序) keeps the instant it was made ({@code decided_at}, V271) as a live decision does: a
 * bureau lowering the fine range later that day does not reach it; and one dated an earlier day of its filing period
 * is checked against the range of that day, not today's.
 */
@IntegrationTest
class OnTheSpotDecidedAtIntegrationTest extends ClockedSteps {

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	@AfterEach
	void reset() {
		rules.clearOverride(StatutoryRule.FINE_OUTLET_UNFILED_MAX, "320506");
		clock.reset();
	}

	@Test
	void anOnTheSpotFineKeepsTheRangeStandingAtItsInstant() throws Exception {
		LocalDate today = LocalDate.now(clock);
		String body = decide(today, "2000").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		assertThat(jdbc.sql("SELECT decided_at FROM penalty_case WHERE id = :id").param("id", id)
			.query(Rows.of(OffsetDateTime.class)).optional()).as("the instant decided is kept").isPresent();

		// a second later the same day (the test's clock stands still), the bureau lowers the maximum
		clock.advance(Duration.ofSeconds(1));
		lowerMaximum();
		String detail = mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", PenaltyCaseIntegrationTest.WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(new BigDecimal(JsonPath.read(detail, "$.deadlines.fineRange.max").toString())).isEqualByComparingTo("10000");
	}

	@Test
	void anOnTheSpotDecisionOfAnEarlierDayIsCheckedAgainstThatDaysRange() throws Exception {
		LocalDate today = LocalDate.now(clock);
		lowerMaximum();
		// today's range would refuse ¥2,000; yesterday's (¥10,000) is the one the decision of yesterday was made under
		decide(today.minusDays(1), "2000").andExpect(status().isCreated());
		decide(today, "2000").andExpect(status().isBadRequest());
	}

	private void lowerMaximum() {
		long bureau = bureaus.findByRegion("320506").orElseThrow().id();
		rules.override(StatutoryRule.FINE_OUTLET_UNFILED_MAX, bureau, "320506", new BigDecimal("1000"), "本局裁量基准调整（测试）");
	}

	private ResultActions decide(LocalDate on, String fine) throws Exception {
		return mvc.perform(post("/api/v1/enforcement/cases/on-the-spot").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"partyKind":"ORGANISATION","enterpriseCreditCode":"%s","violation":"OUTLET_UNFILED",
					 "facts":"开办的末端网点未备案%s","place":"当事人营业场所","decidedOn":"%s","penalty":"FINE","fine":%s,
					 "team":[{"name":"陈吴中","certificateNumber":"32050601"},{"name":"沈执法","certificateNumber":"32050602"}]}"""
				.formatted(party.other().creditCode(), RandomDigits.of(8), on, fine)));
	}
}
