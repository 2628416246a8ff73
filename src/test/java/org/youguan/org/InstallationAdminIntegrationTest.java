package org.youguan.org;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the whole installation shares is for the 系统管理员 of its top-level bureau, not a county's (attack f8 item 1):
 * every such endpoint refuses a county's 系统管理员 with 403 and lets the top-level one in; the 登录日志 of a county's
 * 系统管理员 holds its own region's sign-ins only.
 */
@IntegrationTest
class InstallationAdminIntegrationTest {

	static final String PASSWORD = "Kx9#mQ2vLp7w";

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Bureaus bureaus;

	String provision(String prefix, String bureauRegion) {
		String name = prefix + "." + UUID.randomUUID().toString().substring(0, 6);
		users.provision(new UserData(name, "测试", UserKind.STAFF, bureaus.findByRegion(bureauRegion).orElseThrow().id(),
				null, null, null, EnumSet.of(Role.SYSTEM_ADMIN, Role.STAFF)), PASSWORD, false, false);
		return name;
	}

	MockHttpSession session(String name) throws Exception {
		return SignIn.session(mvc, name, PASSWORD);
	}

	int status(RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	@Test
	void everyInstallationWideEndpointRefusesACountysSystemAdministrator() throws Exception {
		MockHttpSession county = session(provision("ks.sys", "320583"));
		MockMultipartFile file = new MockMultipartFile("file", "x.ics", "text/calendar", "BEGIN:VCALENDAR".getBytes());
		RequestBuilder[] installationWide = {
				get("/admin/document-templates").session(county),
				post("/admin/calendar/load").session(county).with(csrf()),
				multipart("/admin/calendar/load").file(file).session(county).with(csrf()),
				get("/admin/regions/import").session(county),
				multipart("/admin/regions/import").file(file).session(county).with(csrf()),
				get("/registry/brands/new").session(county),
				post("/registry/brands/new").param("name", "县局品牌").session(county).with(csrf()),
				get("/registry/brands/import").session(county),
				post("/statistics/catalogue/indicators").param("code", "X1").param("name", "县局指标").session(county).with(csrf()),
				post("/admin/audit/verify").session(county).with(csrf()),
				post("/admin/audit/checkpoints").session(county).with(csrf()),
				get("/admin/audit/checkpoint-public-key.pem").session(county),
				get("/api/v1/audit-events/verification").session(county),
				get("/api/v1/audit-events/checkpoints").session(county),
				get("/actuator/info").session(county) };
		for (RequestBuilder r : installationWide) {
			assertThat(status(r)).as(r.toString()).isEqualTo(403);
		}
		MockHttpSession top = session(provision("js.sys", "32"));
		for (String page : new String[] { "/admin/document-templates", "/admin/regions/import", "/registry/brands/new",
				"/admin/audit/checkpoint-public-key.pem", "/api/v1/audit-events/checkpoints", "/actuator/info" }) {
			assertThat(status(get(page).session(top))).as(page).isEqualTo(200);
		}
	}

	@Test
	void aCountysSystemAdministratorReadsOnlyItsOwnRegionsSignIns() throws Exception {
		String other = provision("wz.other", "320506");
		session(other);
		String unknown = "zy" + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(post("/login").param("username", unknown).param("password", "x").with(csrf()));
		MockHttpSession county = session(provision("ks.sys", "320583"));
		// the page echoes the search in its box: the rows are read from the export, which the page's list equals
		assertThat(ExportedRows.of(mvc, county, "/admin/signins/export.xlsx", "q", other).toString()).doesNotContain(other);
		assertThat(ExportedRows.of(mvc, county, "/admin/signins/export.xlsx", "q", "zy***").toString())
			.as("unknown accounts' failures are the installation administrator's").doesNotContain("zy***");
		MockHttpSession top = session(provision("js.sys", "32"));
		assertThat(ExportedRows.of(mvc, top, "/admin/signins/export.xlsx", "q", other).toString()).contains(other);
		assertThat(ExportedRows.of(mvc, top, "/admin/signins/export.xlsx", "q", "zy***").toString()).contains("zy***");
		assertThat(mvc.perform(get("/admin/signins").param("q", other).session(county)).andReturn().getResponse()
			.getContentAsString()).doesNotContain(">" + other + "<");
	}
}
