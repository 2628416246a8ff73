package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.org.Bureaus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guards of steps around the case's edges: a lead's 提请立案 is its handling bureau's (the city's staff read a Wuzhong
 * lead and are refused, the page offers them no form); a 行政复议/诉讼 outcome is refused on a decision never delivered;
 * a transfer names one receiver; the portal's refusals after a withdrawn hearing request say it was withdrawn and name
 * the portal's own fields; a delivery's {@code method} of the wrong JSON type is called 送达方式.
 */
@IntegrationTest
class LeadAndRemedyGuardsIntegrationTest extends ClockedSteps {

	static final String CITY_STAFF = PenaltyCaseIntegrationTest.MARKET;

	static final String HEAD = PenaltyCaseIntegrationTest.HEAD;

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	static final String SF = "Bearer demo-sf-wz-token";

	@Autowired
	Bureaus bureaus;

	@Test
	void aHigherBureauReadsACountysLeadButDoesNotProposeIt() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long lead = PenaltyCaseIntegrationTest.id(call(WUZHONG, "/api/v1/enforcement/leads", """
				{"source":"REPORT","sourceDetail":"群众举报","enterpriseCreditCode":"%s","summary":"举报线索%s","receivedOn":"%s"}"""
			.formatted(party.sfWuzhong().creditCode(), UUID.randomUUID(), today)).andExpect(status().isCreated()));
		String proposal = "{\"violation\":\"DATA_NOT_REPORTED\",\"endedOn\":\"" + today.minusDays(10) + "\"}";
		mvc.perform(get("/api/v1/enforcement/leads/" + lead).header("Authorization", CITY_STAFF)).andExpect(status().isOk());
		call(CITY_STAFF, "/api/v1/enforcement/leads/" + lead + "/proposal", proposal).andExpect(status().isForbidden());
		mvc.perform(get("/enforcement/leads/" + lead).session(SignIn.session(mvc, "sz.market"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"propose-form\""))));
		mvc.perform(get("/enforcement/leads/" + lead).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"propose-form\"")));
		call(WUZHONG, "/api/v1/enforcement/leads/" + lead + "/proposal", proposal).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PROPOSED"));
	}

	@Test
	void aReviewOutcomeIsRefusedOnADecisionNeverDelivered() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.decided(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", today);
		mvc.perform(multipart("/api/v1/enforcement/cases/" + id + "/remedy-outcomes")
			.file(new MockMultipartFile("file", "复议决定书.pdf", "application/pdf", PenaltyCaseIntegrationTest.WAIVER_PDF))
			.param("kind", "REVIEW").param("body", "苏州市邮政管理局").param("documentNumber", "苏邮复决〔2026〕" + id + "号")
			.param("decidedOn", today.toString()).param("result", "REVOKED").param("reason", "认定事实不清")
			.header("Authorization", HEAD))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-delivered"))
			.andExpect(jsonPath("$.errors[0].message", containsString("已决定")));
	}

	@Test
	void aTransferNamingBothABureauAndAnAuthorityIsRefused() throws Exception {
		long id = party.filed(party.sfWuzhong(), "DATA_NOT_REPORTED", LocalDate.now(clock));
		long city = bureaus.findByRegion("3205").orElseThrow().id();
		call(HEAD, "/api/v1/enforcement/cases/" + id + "/transfer",
				"{\"bureauId\":" + city + ",\"authority\":\"苏州市公安局\",\"reason\":\"涉嫌犯罪\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("authority"))
			.andExpect(jsonPath("$.errors[0].rule").value("exactly-one"));
		mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.penaltyCase.status").value("FILED"));
	}

	@Test
	void afterAWithdrawnHearingRequestThePortalSaysItWasWithdrawn() throws Exception {
		long id = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", LocalDate.now(clock));
		String portal = "/api/v1/enterprise/penalties/" + id;
		call(SF, portal + "/hearing", "{}").andExpect(status().isOk());
		call(SF, portal + "/hearing-waiver", "{\"confirm\":true}").andExpect(status().isOk());
		call(SF, portal + "/hearing", "{}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("hearingRequestedOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("hearing-withdrawn"))
			.andExpect(jsonPath("$.errors[0].message", containsString("撤回听证申请")))
			.andExpect(jsonPath("$.errors[0].message", not(containsString("放弃听证"))));
		call(SF, portal + "/hearing-waiver", "{\"confirm\":true}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("confirm"))
			.andExpect(jsonPath("$.errors[0].rule").value("hearing-withdrawn"));
	}

	@Test
	void aDeliveryMethodOfTheWrongTypeIsCalledTheMethodOfService() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.decided(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", today);
		ResultActions r = call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/delivery",
				"{\"on\":\"" + today + "\",\"method\":[\"DIRECT\"]}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("method"))
			.andExpect(jsonPath("$.errors[0].message", containsString("送达方式")));
		assertThat(r.andReturn().getResponse().getContentAsString()).doesNotContain("方法");
	}
}
