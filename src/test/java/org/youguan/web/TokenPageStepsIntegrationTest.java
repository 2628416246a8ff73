package org.youguan.web;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditQuery;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack f8 items 10 and 12: a page step run with an API token keeps no session and a refusal is the problem in its
 * status; a search treats % and _ as themselves; a sort direction other than asc/desc is a 400 naming the choices.
 */
@IntegrationTest
class TokenPageStepsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Bureaus bureaus;

	@Autowired
	UserDirectory directory;

	@Autowired
	AuditTrail audit;

	@Test
	void aPageStepWithATokenAnswersTheProblemAndCreatesNoSession() throws Exception {
		long self = directory.principal("sz.admin").orElseThrow().id();
		MvcResult refused = mvc.perform(post("/admin/users/" + self + "/disable").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("id"))
			.andExpect(jsonPath("$.errors[0].rule").value("self"))
			.andReturn();
		assertThat(refused.getRequest().getSession(false)).isNull();
		assertThat(refused.getResponse().getContentType()).contains("problem+json");
		String name = "tok." + UUID.randomUUID().toString().substring(0, 6);
		long id = users.provision(new UserData(name, "令牌停用", UserKind.STAFF, bureaus.findByRegion("3205").orElseThrow().id(),
				null, null, null, EnumSet.of(Role.STAFF)), "Jp6%bY2xHs9d", false, false);
		MvcResult done = mvc.perform(post("/admin/users/" + id + "/disable").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(done.getRequest().getSession(false)).isNull();
		assertThat(directory.principal(name).orElseThrow().isEnabled()).isFalse();
	}

	@Test
	void aSearchTakesPercentAndUnderscoreAsThemselves() {
		for (String wildcard : new String[] { "%", "_", "%%", "__" }) {
			var found = audit.search(DataScope.all(), new AuditQuery(wildcard, null, null, null, null),
					new PageQuery("", 0, 50, null, true)).items();
			assertThat(found).as(wildcard).allSatisfy((AuditEvent e) -> assertThat(e.summary() + e.actor() + e.objectId())
				.contains(wildcard));
		}
	}

	@Test
	void aSortDirectionOtherThanAscOrDescIsA400NamingTheChoices() throws Exception {
		mvc.perform(get("/api/v1/audit-events").param("dir", "sideways").header("Authorization", "Bearer demo-sys-admin-token"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dir"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("desc")));
		assertThat(mvc.perform(get("/admin/users").param("dir", "sideways").session(SignIn.session(mvc, "sz.admin")))
			.andReturn().getResponse().getStatus()).isEqualTo(400);
		mvc.perform(get("/api/v1/audit-events").param("dir", "DESC").header("Authorization", "Bearer demo-sys-admin-token"))
			.andExpect(status().isOk());
	}
}
