package org.youguan.security;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ApiAccessIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	UserDirectory directory;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@org.junit.jupiter.api.AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aTokenRevokedOnAnotherNodeStopsWorkingWithinTheCacheTimeAndOnThisNodeAtOnce() throws Exception {
		var user = directory.principal("wz.staff").orElseThrow();
		var elsewhere = tx.execute(s -> tokens.create(user, "缓存测试" + UUID.randomUUID(), null));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + elsewhere.token())).andExpect(status().isOk());
		// another node revokes it: this node still trusts its cached answer for a few seconds, then asks again
		jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE id = :id").param("id", elsewhere.id()).update();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + elsewhere.token())).andExpect(status().isOk());
		clock.advance(Duration.ofSeconds(6));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + elsewhere.token()))
			.andExpect(status().isUnauthorized());

		var here = tx.execute(s -> tokens.create(user, "缓存测试" + UUID.randomUUID(), null));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + here.token())).andExpect(status().isOk());
		tx.executeWithoutResult(s -> tokens.revoke(user, here.id()));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + here.token()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void meNamesTheBureauOfTheDemoToken() throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("sz.admin"))
			.andExpect(jsonPath("$.bureau.name").value("苏州市邮政管理局"))
			.andExpect(jsonPath("$.bureau.regionCode").value("3205"))
			.andExpect(jsonPath("$.bureau.level").value("CITY"))
			.andExpect(jsonPath("$.department.name").value("办公室"))
			.andExpect(jsonPath("$.roles[0]").value("BUREAU_ADMIN"));
	}

	@Test
	void anonymousApiCallsAnswer401ProblemsNotARedirect() throws Exception {
		mvc.perform(get("/api/v1/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("未登录或令牌无效"))
			.andExpect(jsonPath("$.detail").value(containsString("登录")));
	}

	/** An anonymous write is told to sign in or send a token (401), not that a CSRF token is missing (403). */
	@Test
	void anAnonymousApiWriteAnswers401() throws Exception {
		mvc.perform(post("/api/v1/complaints").contentType("application/json").content("{}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("未登录或令牌无效"));
	}

	/** A signed-in page session calling a write API without the CSRF token is told so, not "no permission". */
	@Test
	void aSessionApiWriteWithoutTheCsrfTokenSaysSo() throws Exception {
		mvc.perform(post("/api/v1/complaints").session(SignIn.session(mvc, "wz.staff")).contentType("application/json")
				.content("{}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("无权访问"))
			.andExpect(jsonPath("$.detail").value(containsString("CSRF")));
	}

	/**
	 * The security filters' 401 and 403 are the project's problem shape: instance and errors naming the field and rule,
	 * as every other refusal of /api/** (a licensing role refusal was the one without them).
	 */
	@Test
	void theFiltersRefusalsNameTheirFieldAndRule() throws Exception {
		mvc.perform(get("/api/v1/me"))
			.andExpect(jsonPath("$.instance").value("/api/v1/me"))
			.andExpect(jsonPath("$.errors[0].field").value("request"))
			.andExpect(jsonPath("$.errors[0].rule").value("unauthenticated"));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer not-a-token"))
			.andExpect(jsonPath("$.errors[0].field").value("Authorization"))
			.andExpect(jsonPath("$.errors[0].rule").value("token"));
		mvc.perform(post("/api/v1/complaints").session(SignIn.session(mvc, "wz.staff")).contentType("application/json")
				.content("{}"))
			.andExpect(jsonPath("$.errors[0].field").value("X-CSRF-TOKEN"))
			.andExpect(jsonPath("$.errors[0].rule").value("csrf"));
		mvc.perform(get("/api/v1/licensing/figures").header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.instance").value("/api/v1/licensing/figures"))
			.andExpect(jsonPath("$.errors[0].field").value("request"))
			.andExpect(jsonPath("$.errors[0].rule").value("forbidden"));
	}

	@Test
	void aBadTokenAnswers401AndNeverFallsBackToTheSession() throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer not-a-token"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("invalid_token")));
	}

	@Test
	void bearerRequestsAreExemptFromCsrfAndRevokedTokensStopWorking() throws Exception {
		var user = directory.principal("sz.market").orElseThrow();
		var created = tx.execute(s -> tokens.create(user, "集成测试" + UUID.randomUUID(), 30));
		assertThat(created.token()).startsWith("yg_");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + created.token()))
			.andExpect(jsonPath("$.username").value("sz.market"));
		// a POST without a CSRF token is accepted with a bearer token (405/400 from the endpoint, never 403 CSRF)
		mvc.perform(post("/api/v1/me").header("Authorization", "Bearer " + created.token()))
			.andExpect(status().isMethodNotAllowed());
		tx.executeWithoutResult(s -> tokens.revoke(user, created.id()));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + created.token()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void tokensAreStoredOnlyAsHashes() {
		assertThat(ApiTokens.hash("demo-sz-admin-token")).hasSize(64).doesNotContain("demo");
	}

	@Test
	void calendarApiIsPublicAndDocumentsItsCounting() throws Exception {
		mvc.perform(get("/api/v1/calendar/add-working-days?from=2026-09-30&days=1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2026-10-08"));
		mvc.perform(get("/api/v1/calendar/working-days-between?from=2026-09-30&to=2026-10-08"))
			.andExpect(jsonPath("$.days").value(1));
		mvc.perform(get("/api/v1/calendar/add-working-days?from=2026-13-01&days=1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("起始日期")))
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		mvc.perform(get("/api/v1/calendar/add-working-days?from=2026-01-01&days=99999"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("days"));
		mvc.perform(get("/api/v1/calendar/add-working-days?days=1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("起始日期")))
			.andExpect(jsonPath("$.errors[0].field").value("from"));
	}

	@Test
	void healthIsAnonymousWithoutDetailsAndMetricsNeedAnAdministrator() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
		mvc.perform(get("/actuator/health").header("Authorization", "Bearer demo-sys-admin-token"))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			// the readiness web.StartingUp answers requests by counts in the status a probe waits for
			.andExpect(jsonPath("$.components.readinessState.status").value("UP"));
		mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/openapi")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/openapi").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("add-working-days")));
	}

	@Test
	void infoIsForSystemAdministratorsAndItsNameIsNotGarbled() throws Exception {
		mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/info").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/info").header("Authorization", "Bearer demo-sys-admin-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.app.name").value("YouGuan 邮管通"));
	}


	@Test
	void aTokenNameTypedWithWideOrDoubledSpacesIsStoredWithOne() {
		var user = directory.principal("sz.market").orElseThrow();
		String s = UUID.randomUUID().toString().substring(0, 8);
		var created = tx.execute(x -> tokens.create(user, " 对接\u3000\u3000系统  " + s + "\u00A0", 30));
		assertThat(tokens.list(user)).filteredOn(t -> t.id() == created.id())
			.extracting(ApiTokens.TokenView::name)
			.containsExactly("对接 系统 " + s);
	}
}
