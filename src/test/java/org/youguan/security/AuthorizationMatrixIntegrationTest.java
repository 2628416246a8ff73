package org.youguan.security;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.org.UserDirectory;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may read what, through the UI and the API: a county bureau sees only its county, the city bureau sees its
 * counties, an enterprise user sees no staff page or staff API.
 */
@IntegrationTest
class AuthorizationMatrixIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDirectory directory;

	long id(String username) {
		return directory.principal(username).orElseThrow().id();
	}

	MockHttpSession session(String username) throws Exception {
		return SignIn.session(mvc, username);
	}

	@Test
	void aCountyBureauCannotReadAnotherCountysRowsThroughTheApi() throws Exception {
		// ks.admin administers 昆山市 (320583); wz.staff belongs to 吴中区 (320506)
		mvc.perform(get("/api/v1/users/" + id("wz.staff")).header("Authorization", "Bearer " + kunshanToken()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/users/" + id("ks.admin")).header("Authorization", "Bearer " + kunshanToken()))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/users?size=200").header("Authorization", "Bearer " + kunshanToken()))
			.andExpect(jsonPath("$.items[*].regionCode").value(Matchers.everyItem(
					Matchers.startsWith("320583"))));
	}

	@Test
	void aCountyBureauCannotReadAnotherCountysRowsThroughTheUi() throws Exception {
		MockHttpSession kunshan = session("ks.admin");
		mvc.perform(get("/admin/users/" + id("wz.staff")).session(kunshan)).andExpect(status().isNotFound());
		mvc.perform(get("/admin/users/" + id("ks.admin")).session(kunshan)).andExpect(status().isOk());
		mvc.perform(post("/admin/users/" + id("wz.staff") + "/disable").session(kunshan).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void theCityBureauReadsItsCounties() throws Exception {
		mvc.perform(get("/api/v1/users/" + id("wz.staff")).header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.regionCode").value("320506"));
		mvc.perform(get("/api/v1/users/" + id("js.leader")).header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isNotFound());
	}

	@Test
	void plainStaffMayNotOpenAdministration() throws Exception {
		mvc.perform(get("/api/v1/users").header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/users").session(session("wz.staff"))).andExpect(status().isForbidden());
	}

	@Test
	void anEnterpriseUserCannotReadStaffPagesOrStaffApi() throws Exception {
		mvc.perform(get("/api/v1/users").header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit-events").header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isForbidden());
		MockHttpSession enterprise = session("sf.wz");
		mvc.perform(get("/admin/users").session(enterprise)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/audit").session(enterprise)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(jsonPath("$.kind").value("ENTERPRISE"))
			.andExpect(jsonPath("$.bureau").doesNotExist());
	}

	@Test
	void aBureauAdministratorCannotPerformSystemAdministration() throws Exception {
		MockHttpSession city = session("sz.admin");
		mvc.perform(get("/admin/bureaus/new").session(city)).andExpect(status().isForbidden());
		mvc.perform(post("/admin/audit/verify").session(city).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit-events/verification").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit-events/verification").header("Authorization", "Bearer demo-sys-admin-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.firstBrokenId").doesNotExist());
	}

	/** ks.admin has no demo token; the test gives it one. */
	private String kunshanToken() {
		if (kunshanToken == null) {
			var user = directory.principal("ks.admin").orElseThrow();
			kunshanToken = tx.execute(s -> tokens.create(user, "授权测试", 1)).token();
		}
		return kunshanToken;
	}

	private String kunshanToken;

	@Autowired
	ApiTokens tokens;

	@Autowired
	TransactionTemplate tx;
}
