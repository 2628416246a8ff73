package org.youguan.enforcement;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The party's portal shows a decision once it is served (送达, 行政处罚法(2021) art.61) — before that neither its 文号
 * nor its penalty, on the page, the list or the enterprise API — and tells the party in its own terms that a "无异议"
 * typed as its statement is no statement: it waives its statement with the portal's own waiver.
 */
@IntegrationTest
class PartyPortalBeforeDeliveryIntegrationTest {

	static final String SF = EnterprisePenaltyIntegrationTest.SF;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	MockMvc mvc;

	@Autowired
	PartyCases party;

	@Autowired
	Clock clock;

	@Test
	void aDecisionNotYetDeliveredShowsTheEnterpriseNeitherItsNumberNorItsPenalty() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today);
		noticeAndHearing.waiveStatement(PartyCases.ALL, id, today.toString(), PartyCases.waiver());
		String number = caseDecisions.decide(PartyCases.ALL, id, new CaseDecisions.Decision(null, today.toString(), "FINE",
				"3000", null, null, null));
		String api = "/api/v1/enterprise/penalties/" + id;
		mvc.perform(get(api).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("NOTIFIED"))
			.andExpect(jsonPath("$.decisionNumber").value(nullValue()))
			.andExpect(jsonPath("$.decidedOn").value(nullValue()))
			.andExpect(jsonPath("$.penalty").value(nullValue()))
			.andExpect(jsonPath("$.fine").value(nullValue()))
			.andExpect(content().string(not(containsString(number))));
		mvc.perform(get("/api/v1/enterprise/penalties").param("size", "200").header("Authorization", SF))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString(number))));
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/penalties/" + id).session(sf)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(number))))
			.andExpect(content().string(not(containsString("id=\"party-decision\""))));
		mvc.perform(get("/enterprise/penalties").param("size", "200").session(sf)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(number))));

		caseExecution.deliver(PartyCases.ALL, id, CaseExecution.Delivery.direct(today.toString()));
		mvc.perform(get(api).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.decisionNumber").value(number))
			.andExpect(jsonPath("$.penalty").value("FINE"));
		mvc.perform(get("/enterprise/penalties/" + id).session(sf)).andExpect(status().isOk())
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("id=\"party-decision\"")));
	}

	@Test
	void aNoObjectionTypedAsTheStatementIsToldToThePartyAsItsOwnWaiverToGive() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today);
		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/statement").header("Authorization", SF)
			.contentType(MediaType.APPLICATION_JSON).content("{\"statement\":\"无异议。\"}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("statement"))
			.andExpect(jsonPath("$.errors[0].rule").value("use-waiver"))
			.andExpect(jsonPath("$.detail").value(containsString("我确认放弃陈述申辩")))
			.andExpect(jsonPath("$.detail").value(not(containsString("签字的书面声明登记"))));
		mvc.perform(post("/enterprise/penalties/" + id + "/statement").param("statement", "无异议")
			.session(SignIn.session(mvc, "sf.wz")).with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("不作为陈述申辩提交")))
			.andExpect(content().string(not(containsString("签字的书面声明登记"))))
			.andExpect(content().string(containsString("id=\"statement-waiver-form\"")));
	}
}
