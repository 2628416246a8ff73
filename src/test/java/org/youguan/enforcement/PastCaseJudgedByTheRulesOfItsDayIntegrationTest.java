package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.org.Bureaus;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.rules.ViolationType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A past penalty decision is judged by the fine range in force on its own day: the city raising its 裁量基准 today
 * (实名收寄 ordinary minimum 5000 → 8000元) does not make a 6000元 fine of 2025 "below the statutory range" — neither
 * in the import's audit entry nor on the case page — while a case decided today is judged by today's range.
 */
@IntegrationTest
class PastCaseJudgedByTheRulesOfItsDayIntegrationTest {

	static final String CITY = "Bearer demo-sz-admin-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	@Autowired
	PartyCases partyCases;

	@AfterEach
	void clear() {
		rules.clearOverride(StatutoryRule.FINE_REAL_NAME_MIN, "3205");
	}

	@Test
	void aPastFineIsJudgedByTheRangeInForceOnItsDecisionDay() throws Exception {
		String code = partyCases.other().creditCode();
		rules.override(StatutoryRule.FINE_REAL_NAME_MIN, bureaus.findByRegion("3205").orElseThrow().id(), "3205",
				BigDecimal.valueOf(8000), "测试：提高裁量基准");
		// today the range starts at 8000; on 2025-03-03 it started at the catalogue's 5000
		assertThat(rules.fineRange(ViolationType.REAL_NAME, false, "320506").min()).isEqualByComparingTo("8000");
		assertThat(rules.fineRangeOn(ViolationType.REAL_NAME, false, "320506", LocalDate.of(2025, 3, 3)).min())
			.isEqualByComparingTo("5000");
		String answer = mvc.perform(post("/api/v1/enforcement/cases/imported").header("Authorization", CITY)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"enterpriseCreditCode":"%s","violation":"REAL_NAME","source":"INSPECTION","filedOn":"2025-01-06",
					 "decidedOn":"2025-03-03","decisionNumber":"吴邮管罚〔2025〕V%s号","penalty":"FINE","fine":6000}"""
				.formatted(code, UUID.randomUUID().toString().substring(0, 6))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(answer, "$.id")).longValue();
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'case.import' AND object_id = :id")
			.param("id", String.valueOf(id)).query(String.class).single()).doesNotContain("低于法定幅度下限");
		assertThat(mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "sz.market")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).doesNotContain("imported-below-range");
	}
}
