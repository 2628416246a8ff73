package org.youguan;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserKind;
import org.youguan.org.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Attack round (separation of duties): the province's 系统管理员 reissued a document of a county's penalty case — the
 * reissue was open to every reader — and administrators passed every case-work step of enforcement, licensing,
 * complaints, inspections and universal service. Administrators manage accounts, not case work ({@code kernel.CaseRoles}):
 * a 系统管理员 or 机构管理员 holding no 处室工作人员 role is refused (403) on the API and offered no such form on the page;
 * an administrator who also handles cases (holds 处室工作人员) passes the role check.
 */
@IntegrationTest
class CaseWorkSeparationIntegrationTest {

	static final String SYSTEM_ADMIN = "Bearer demo-sys-admin-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	Bureaus bureaus;

	/** A document of a penalty case of a county of the demo city: case id and document id. */
	long[] wuzhongDocument() {
		Map<String, Object> row = jdbc.sql("""
				SELECT d.case_id, d.id FROM penalty_case_document d JOIN penalty_case c ON c.id = d.case_id
				WHERE c.region_code LIKE '3205__%' ORDER BY d.id LIMIT 1""").query().singleRow();
		return new long[] { ((Number) row.get("case_id")).longValue(), ((Number) row.get("id")).longValue() };
	}

	/** One case-work step of each module, as the API takes it (the ids need not exist: the role is checked first). */
	static final List<String[]> STEPS = List.of(
			new String[] { "/api/v1/enforcement/leads", "{}" },
			new String[] { "/api/v1/licensing/applications/1/approval", "{}" },
			new String[] { "/api/v1/licensing/applications/1/acceptance", "{}" },
			new String[] { "/api/v1/complaints", "{}" },
			new String[] { "/api/v1/inspections/records", "{}" },
			new String[] { "/api/v1/universal/checks", "{}" });

	@Test
	void theProvincesSystemAdministratorReissuesNoDocumentOfACountysCase() throws Exception {
		long[] doc = wuzhongDocument();
		String reissue = "/api/v1/enforcement/cases/" + doc[0] + "/documents/" + doc[1] + "/reissue";
		assertThat(mvc.perform(post(reissue).header("Authorization", SYSTEM_ADMIN).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"更正笔误\"}")).andReturn().getResponse().getStatus()).isEqualTo(403);
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		// the page's step goes back to the case's page with the refusal, in 403 (web.ErrorHandling#refused)
		var refused = mvc.perform(post("/enforcement/cases/" + doc[0] + "/documents/" + doc[1] + "/reissue").session(admin)
			.with(csrf()).param("reason", "更正笔误")).andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/enforcement/cases/" + doc[0]);
		assertThat(refused.getFlashMap().get(org.youguan.kernel.PageSteps.REFUSED_STATUS)).isEqualTo(403);
		String page = mvc.perform(get("/enforcement/cases/" + doc[0]).session(admin)).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).as("the case is read, no reissue offered").doesNotContain("/reissue\"");
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case_document WHERE case_id = :id AND reissue_reason = '更正笔误'")
			.param("id", doc[0]).query(Long.class).single()).isZero();
	}

	@Test
	void administratorsTakeNoCaseWorkStepInAnyModuleAndAHandlingAdministratorDoes() throws Exception {
		MockHttpSession bureauAdmin = adminOnly(Role.BUREAU_ADMIN);
		for (String[] step : STEPS) {
			assertThat(mvc.perform(post(step[0]).header("Authorization", SYSTEM_ADMIN).contentType(MediaType.APPLICATION_JSON)
				.content(step[1])).andReturn().getResponse().getStatus()).as("系统管理员 " + step[0]).isEqualTo(403);
			assertThat(mvc.perform(post(step[0]).session(bureauAdmin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content(step[1])).andReturn().getResponse().getStatus()).as("机构管理员 " + step[0]).isEqualTo(403);
		}
		// the menu offers neither the complaint entry nor a new inspection record to an administrator alone
		String home = mvc.perform(get("/").session(SignIn.session(mvc, "sys.admin"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(home).doesNotContain("href=\"/complaints/new\"").doesNotContain("href=\"/inspections/records/new\"");
		// a 系统管理员 who also handles cases (处室工作人员) passes the role check: the missing case is its 404
		MockHttpSession handlingAdmin = BureauAccounts.session(mvc, users, bureaus, "320506", Role.SYSTEM_ADMIN);
		assertThat(mvc.perform(post("/api/v1/enforcement/cases/999999999/documents/1/reissue").session(handlingAdmin)
			.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"更正笔误\"}")).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
	}

	/** A 吴中 account holding {@code role} alone (no 处室工作人员), signed in. */
	MockHttpSession adminOnly(Role role) throws Exception {
		String name = "adm." + UUID.randomUUID().toString().substring(0, 8);
		users.provision(new UserData(name, "仅管理", UserKind.STAFF, bureaus.findByRegion("320506").orElseThrow().id(), null,
				null, null, EnumSet.of(role)), "Kx9#mQ2vLp7w", false, false);
		return SignIn.session(mvc, name, "Kx9#mQ2vLp7w");
	}
}
