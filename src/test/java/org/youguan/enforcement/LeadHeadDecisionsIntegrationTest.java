package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.youguan.enforcement.HandlingBureauAndPartyIntegrationTest.CITY_HEAD;
import static org.youguan.enforcement.PenaltyCaseIntegrationTest.HEAD;
import static org.youguan.enforcement.PenaltyCaseIntegrationTest.WUZHONG;

/**
 * A lead is filed (立案) or declined (不予立案) by a head (局领导) of the bureau that handles it — the mirror decisions of
 * one approval (行政处罚法(2021) art.54, 57): the lead's page offers both forms to that head only, and the API and the
 * page refuse anyone else.
 */
@IntegrationTest
class LeadHeadDecisionsIntegrationTest extends ClockedSteps {

	/** A Wuzhong lead proposed for 立案. */
	long proposed() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long lead = PenaltyCaseIntegrationTest.id(call(WUZHONG, "/api/v1/enforcement/leads", """
				{"source":"REPORT","sourceDetail":"群众举报","enterpriseCreditCode":"%s","summary":"举报线索%s","receivedOn":"%s"}"""
			.formatted(party.other().creditCode(), UUID.randomUUID(), today)).andExpect(status().isCreated()));
		call(WUZHONG, "/api/v1/enforcement/leads/" + lead + "/proposal",
				"{\"violation\":\"DATA_NOT_REPORTED\",\"endedOn\":\"" + today.minusDays(10) + "\"}").andExpect(status().isOk());
		return lead;
	}

	String leadStatus(long lead) {
		return jdbc.sql("SELECT status FROM penalty_lead WHERE id = :id").param("id", lead).query(String.class).single();
	}

	@Test
	void theLeadPageOffersFilingAndDecliningToTheHandlingBureausHeadOnly() throws Exception {
		long lead = proposed();
		String page = "/enforcement/leads/" + lead;
		mvc.perform(get(page).session(SignIn.session(mvc, "sz.leader"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"approve\""))))
			.andExpect(content().string(not(containsString("id=\"close-form\""))));
		mvc.perform(get(page).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"approve\""))))
			.andExpect(content().string(not(containsString("id=\"close-form\""))));
		mvc.perform(get(page).session(SignIn.session(mvc, "wz.leader"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"approve\"")))
			.andExpect(content().string(containsString("id=\"close-form\"")));
	}

	@Test
	void onlyTheHandlingBureausHeadDeclinesALead() throws Exception {
		long lead = proposed();
		String closure = "/api/v1/enforcement/leads/" + lead + "/closure";
		String reason = "{\"reason\":\"经核查不属于违法行为\"}";
		call(WUZHONG, closure, reason).andExpect(status().isForbidden());
		HandlingBureauAndPartyIntegrationTest.refusedAsNotTheHandlingHead(call(CITY_HEAD, closure, reason));
		mvc.perform(post("/enforcement/leads/" + lead + "/close").param("reason", "经核查不属于违法行为")
			.session(SignIn.session(mvc, "sz.leader")).with(csrf()));
		assertThat(leadStatus(lead)).as("nothing declined by a superior's head").isEqualTo("PROPOSED");

		call(HEAD, closure, reason).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
		// a 409 names its field and rule like a 422: the lead's state
		call(HEAD, closure, reason).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.errors[0].rule").value("state"));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'penalty_lead' AND object_id = :id"
				+ " AND action = 'lead.close'").param("id", String.valueOf(lead)).query(Long.class).single()).isEqualTo(1);
	}

	/**
	 * Authority before state: a head of another bureau learns nothing of a lead's state from the answer — on a lead
	 * already declined or already filed, 不予立案 and 立案 by a head who does not handle it are refused as such (422,
	 * field head), never a 409 naming the state; the handling bureau's own head gets the 409.
	 */
	@Test
	void aHeadOfAnotherBureauIsRefusedAsSuchBeforeTheLeadsStateIsTold() throws Exception {
		String reason = "{\"reason\":\"经核查不属于违法行为\"}";
		long closed = proposed();
		String closure = "/api/v1/enforcement/leads/" + closed + "/closure";
		call(HEAD, closure, reason).andExpect(status().isOk());
		HandlingBureauAndPartyIntegrationTest.refusedAsNotTheHandlingHead(call(CITY_HEAD, closure, reason));
		HandlingBureauAndPartyIntegrationTest.refusedAsNotTheHandlingHead(
				call(CITY_HEAD, "/api/v1/enforcement/leads/" + closed + "/filing", "{}"));
		call(HEAD, closure, reason).andExpect(status().isConflict());
		call(HEAD, "/api/v1/enforcement/leads/" + closed + "/filing", "{}").andExpect(status().isConflict());

		long filed = proposed();
		call(HEAD, "/api/v1/enforcement/leads/" + filed + "/filing", "{}").andExpect(status().isCreated());
		HandlingBureauAndPartyIntegrationTest.refusedAsNotTheHandlingHead(
				call(CITY_HEAD, "/api/v1/enforcement/leads/" + filed + "/filing", "{}"));
		HandlingBureauAndPartyIntegrationTest.refusedAsNotTheHandlingHead(
				call(CITY_HEAD, "/api/v1/enforcement/leads/" + filed + "/closure", reason));
		assertThat(leadStatus(filed)).isEqualTo("FILED");
		assertThat(leadStatus(closed)).isEqualTo("CLOSED");
	}
}
