package org.youguan.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack finding: a list's filter value it does not know was silently dropped (the whole list answered as if
 * filtered); the safety alerts and the hazard ledger (page and API) now refuse it 400 naming the filter and the values
 * allowed, as the other lists do.
 */
@IntegrationTest
class UnknownListFilterIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theAlertsPageRefusesAnUnknownStatus() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.safety");
		mvc.perform(get("/safety/alerts").session(staff).param("status", "CLOSED"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("预警状态应为待处理（OPEN）、已排除（DISMISSED）、已转立案线索（REFERRED）、已列为检查对象（TARGETED）之一")));
		mvc.perform(get("/safety/alerts").session(staff).param("status", "open")).andExpect(status().isOk());
	}

	@Test
	void theHazardLedgerRefusesAnUnknownLevelOrStatus() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.safety");
		mvc.perform(get("/safety/hazards").session(staff).param("status", "LATE"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("隐患状态应为未销号（OPEN）、已销号（CLOSED）、逾期未整改（OVERDUE）、即将到期（DUE_SOON）之一")));
		mvc.perform(get("/api/v1/safety/hazards").header("Authorization", "Bearer demo-sz-admin-token")
			.param("level", "SEVERE"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("level"))
			.andExpect(jsonPath("$.errors[0].rule").value("one-of"));
		mvc.perform(get("/safety/hazards").session(staff).param("level", "重大隐患")).andExpect(status().isOk());
	}

	/**
	 * Attack round 21: an unknown status was refused listing bare codes ("应为FILED、INVESTIGATING…之一"): the values are
	 * listed as the forms show them, with the code to send — 已立案（FILED）.
	 */
	@Test
	void anUnknownStatusIsRefusedListingTheChoicesWithTheirLabels() throws Exception {
		mvc.perform(get("/api/v1/enforcement/cases").header("Authorization", "Bearer demo-sz-admin-token")
			.param("status", "bogus"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(content().string(containsString("案件状态应为已立案（FILED）、")));
		mvc.perform(get("/api/v1/universal/post-office-approvals").header("Authorization", "Bearer demo-sz-admin-token")
			.param("status", "bogus"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("状态应为待现场核查（SUBMITTED）、")));
	}
}
