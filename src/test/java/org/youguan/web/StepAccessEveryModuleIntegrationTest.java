package org.youguan.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

/**
 * Attack "access before fields", every module: a record's step is refused to a caller who may not take it (404 out of
 * scope or not there, 403 the wrong bureau) before its body is parsed, its fields checked or its type refused (415) —
 * licensing, safety alerts, filings, the enterprise portal's steps (its penalty cases, complaints, orders, credit
 * entries, filings) and a post office's hours were answered 400 or 415 first.
 */
@IntegrationTest
class StepAccessEveryModuleIntegrationTest {

	/** A record that is not there. */
	static final long MISSING = 999_999_999L;

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String XIANGCHENG = "Bearer demo-xc-staff-token";

	static final String ENTERPRISE = "Bearer demo-sf-wz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	ResultActions json(String token, String path, String body) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void aLicenceApplicationsStepsRefuseTheCallerBeforeTheBody() throws Exception {
		long id = jdbc.sql("SELECT id FROM licence_application WHERE region_code = '320506' ORDER BY id LIMIT 1")
			.query(Long.class).single();
		String at = "/api/v1/licensing/applications/" + id;
		// another county does not see it: 404, not the opinion's type (400) nor the body's (415)
		json(XIANGCHENG, at + "/review", "{\"opinion\":5}").andExpect(status().isNotFound());
		json(XIANGCHENG, at + "/suspension", "{\"amount\":-1}").andExpect(status().isNotFound());
		json(XIANGCHENG, at + "/correction", "{}").andExpect(status().isNotFound());
		json(XIANGCHENG, at + "/materials", "{}").andExpect(status().isNotFound());
		json(XIANGCHENG, at + "/verification", "{}").andExpect(status().isNotFound());
		// the county bureau of the premises sees it but neither reviews (初审: the city) nor decides (the province)
		json(WUZHONG, at + "/review", "{\"opinion\":5}").andExpect(status().isForbidden());
		json(WUZHONG, at + "/verification", "{}").andExpect(status().isForbidden());
		json(WUZHONG, at + "/approval", "{\"x\":").andExpect(status().isForbidden());
		mvc.perform(post("/licensing/applications/" + id + "/review").session(SignIn.session(mvc, "xc.staff")).with(csrf())
			.param("opinion", "x".repeat(3000)))
			.andExpect(status().isNotFound());
		json(WUZHONG, "/api/v1/licensing/applications/" + MISSING + "/review", "{\"opinion\":5}").andExpect(status().isNotFound());
	}

	@Test
	void anAlertsAndAFilingsStepsAreNotFoundBeforeTheirFields() throws Exception {
		mvc.perform(post("/safety/alerts/" + MISSING + "/dismiss").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("reason", "")).andExpect(status().isNotFound());
		mvc.perform(post("/safety/alerts/" + MISSING + "/refer").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("reason", "")).andExpect(status().isNotFound());
		mvc.perform(post("/filing/" + MISSING + "/approve").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("text", "长".repeat(1001))).andExpect(status().isNotFound());
		mvc.perform(post("/filing/" + MISSING + "/reject").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("text", "")).andExpect(status().isNotFound());
	}

	@Test
	void theEnterprisePortalsStepsAreNotFoundForRecordsNotItsOwnBeforeTheBody() throws Exception {
		json(ENTERPRISE, "/api/v1/enterprise/penalties/" + MISSING + "/statement", "{\"statement\":").andExpect(status().isNotFound());
		jdbc.sql("SELECT id FROM penalty_case WHERE enterprise_credit_code NOT LIKE '91320506MA1ND7K3Q%' ORDER BY id LIMIT 1")
			.query(Long.class).optional().ifPresent(other -> {
				try {
					json(ENTERPRISE, "/api/v1/enterprise/penalties/" + other + "/statement", "{\"statement\":")
						.andExpect(status().isNotFound());
				}
				catch (Exception ex) {
					throw new AssertionError(ex);
				}
			});
		json(ENTERPRISE, "/api/v1/enterprise/penalties/" + MISSING + "/hearing-waiver", "{\"confirm\":")
			.andExpect(status().isNotFound());
		json(ENTERPRISE, "/api/v1/enterprise/complaints/" + MISSING + "/reply", "{\"findings\":").andExpect(status().isNotFound());
		json(ENTERPRISE, "/api/v1/enterprise/inspections/orders/" + MISSING, "{\"report\":").andExpect(status().isNotFound());
		json(ENTERPRISE, "/api/v1/credit/entries/" + MISSING + "/objections", "{\"reason\":").andExpect(status().isNotFound());
		json(ENTERPRISE, "/api/v1/enterprise/filings/" + MISSING + "/supplement", "{}").andExpect(status().isNotFound());
		mvc.perform(post("/enterprise/outlets/" + MISSING + "/closure").session(SignIn.session(mvc, "sf.wz")).with(csrf())
			.param("reason", "")).andExpect(status().isNotFound());
	}

	@Test
	void aPostOfficesHoursAreNotFoundOutOfScopeBeforeTheBody() throws Exception {
		mvc.perform(put("/api/v1/universal/post-offices/" + MISSING + "/hours").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"bogus\":1}")).andExpect(status().isNotFound());
		jdbc.sql("SELECT id FROM facility WHERE kind = 'POST_OFFICE' AND region_code LIKE '320506%' ORDER BY id LIMIT 1")
			.query(Long.class).optional().ifPresent(office -> {
				try {
					mvc.perform(put("/api/v1/universal/post-offices/" + office + "/hours").header("Authorization", XIANGCHENG)
						.contentType(MediaType.APPLICATION_JSON).content("{\"bogus\":1}")).andExpect(status().isNotFound());
				}
				catch (Exception ex) {
					throw new AssertionError(ex);
				}
			});
	}

	@Test
	void anAdministratorsStepsOnAnotherBureausAccountAreNotFoundBeforeTheForm() throws Exception {
		long user = jdbc.sql("SELECT id FROM user_account WHERE username = 'wz.staff'").query(Long.class).single();
		// 昆山's administrator does not see 吴中's accounts: 404, not the role that is none (400)
		mvc.perform(post("/admin/users/" + user + "/edit").session(SignIn.session(mvc, "ks.admin")).with(csrf())
			.param("displayName", "改").param("roles", "NO_SUCH_ROLE")).andExpect(status().isNotFound());
		mvc.perform(post("/admin/users/" + MISSING + "/edit").session(SignIn.session(mvc, "ks.admin")).with(csrf())
			.param("displayName", "改").param("roles", "NO_SUCH_ROLE")).andExpect(status().isNotFound());
	}
}
