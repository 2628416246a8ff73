package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.PageSteps;

/**
 * Findings (page refusals), one test per kind: a page's step refused for the caller's role or team answered the bare
 * 403 page (the user lost the record's page); a fragment opened in the browser answered a scrap of HTML without the
 * layout; a page that takes no {@code region} answered {@code ?region=abc} with the bare 400 page; a wrong portal's
 * page answered as bad input instead of access.
 */
@IntegrationTest
class PageRefusalKindsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** A record of {@code table} in a county of {@code county} (its number). */
	long recordIn(String table, String county) {
		return jdbc.sql("SELECT id FROM " + table + " WHERE region_code LIKE :r ORDER BY id LIMIT 1")
			.param("r", county + "%")
			.query(Long.class)
			.single();
	}

	/**
	 * A page's step refused to the caller — not the handling bureau (a complaint's steps, decided by the step's guard)
	 * or a role that does not take it (a lead's closure, decided by the security filters) — goes back to the record's
	 * page with the reason in its error box, in 403; the API and a token caller keep the 403 problem; a record outside
	 * the caller's scope stays 404 on its page and its steps alike (nothing of another bureau's records is revealed).
	 */
	@Test
	void aPageStepRefusedForRoleOrTeamGoesBackToTheRecordsPageNamingWhy() throws Exception {
		long complaint = recordIn("complaint", "320506");
		MockHttpSession city = SignIn.session(mvc, "sz.market");
		MvcResult refused = mvc.perform(post("/complaints/" + complaint + "/reject").session(city).with(csrf())
			.param("condition", "DUPLICATE").param("reason", "重复申诉"))
			.andExpect(redirectedUrl("/complaints/" + complaint))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403))
			.andReturn();
		assertThat(String.valueOf(refused.getFlashMap().get("errors"))).contains("吴中区邮政管理局");
		assertThat(refused.getFlashMap().get(PageSteps.TYPED).toString()).contains("重复申诉");
		mvc.perform(get("/complaints/" + complaint).session(city).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("吴中区邮政管理局")))
			.andExpect(content().string(containsString("data-rule=\"forbidden\"")));
		// the API and a token on the page's address: the problem, as before
		mvc.perform(post("/api/v1/complaints/" + complaint + "/close").header("Authorization", "Bearer demo-sz-market-token")
			.contentType(MediaType.APPLICATION_JSON).content("{\"valid\": true, \"compensationPaid\": 0}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].rule").value("forbidden"));
		mvc.perform(post("/complaints/" + complaint + "/reject").header("Authorization", "Bearer demo-sz-market-token")
			.param("condition", "DUPLICATE").param("reason", "重复申诉"))
			.andExpect(status().isForbidden());

		// a role that does not take the step (不予立案 is the 局领导's): refused by the security filters, the same way
		long lead = recordIn("penalty_lead", "320506");
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(post("/enforcement/leads/" + lead + "/close").session(staff).with(csrf()).param("reason", "不予立案"))
			.andExpect(redirectedUrl("/enforcement/leads/" + lead));
		mvc.perform(get("/enforcement/leads/" + lead).session(staff))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("您的角色（处室工作人员）不能办理此步骤：此步骤须由局领导办理")))
			// an access refusal's box says so, not "请修正以下问题"
			.andExpect(content().string(containsString("data-kind=\"access\"")))
			.andExpect(content().string(containsString("无权办理此步骤：")));
		// in English the same, naming the roles in English
		mvc.perform(post("/enforcement/leads/" + lead + "/close").session(staff).with(csrf()).param("reason", "不予立案"))
			.andExpect(redirectedUrl("/enforcement/leads/" + lead));
		mvc.perform(get("/enforcement/leads/" + lead).param("lang", "en").session(staff))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("You may not take this step:")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("请修正以下问题"))));
		// a reload of the page (the flash spent) is the page again
		mvc.perform(get("/enforcement/leads/" + lead).session(staff)).andExpect(status().isOk());

		// another county's records: not found on their page and their steps, never sent back to a page
		long other = jdbc.sql("SELECT id FROM complaint WHERE region_code NOT LIKE '320506%' ORDER BY id LIMIT 1")
			.query(Long.class).single();
		mvc.perform(get("/complaints/" + other).session(staff)).andExpect(status().isNotFound());
		mvc.perform(post("/complaints/" + other + "/reject").session(staff).with(csrf())
			.param("condition", "DUPLICATE").param("reason", "重复申诉"))
			.andExpect(status().isNotFound());
	}

	/**
	 * Finding (a refused step's reason lost): a step refused for the caller's role on a record whose page the caller
	 * may not open either (a 处室工作人员 disabling an account: {@code /admin/users/{id}} is the administrators' page)
	 * went back to that page, whose own 403 showed none of the flashed reason. It is answered at once instead — 403
	 * naming the caller's roles, no redirect; a step on a page the caller opens still goes back to it.
	 */
	@Test
	void aStepRefusedOnARecordWhosePageIsClosedToTheCallerAnswers403WithTheReason() throws Exception {
		long account = jdbc.sql("SELECT id FROM user_account WHERE username = 'wz.law'").query(Long.class).single();
		boolean enabled = jdbc.sql("SELECT enabled FROM user_account WHERE id = :id").param("id", account).query(Boolean.class)
			.single();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/admin/users/" + account).session(staff)).andExpect(status().isForbidden());
		MvcResult refused = mvc.perform(post("/admin/users/" + account + "/disable").session(staff).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(status().reason(containsString("您的角色（处室工作人员）不能办理此步骤")))
			.andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isNull();
		assertThat(jdbc.sql("SELECT enabled FROM user_account WHERE id = :id").param("id", account).query(Boolean.class)
			.single()).as("nothing done").isEqualTo(enabled);
	}

	/**
	 * A fragment's address opened in the browser (no {@code HX-Request}) is sent to its whole page, whatever its
	 * parameters; htmx still gets the fragment.
	 */
	@Test
	void aFragmentOpenedInTheBrowserIsSentToItsPage() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/safety/places").param("list", "outletId").session(staff))
			.andExpect(redirectedUrl("/safety/hazards"));
		mvc.perform(get("/safety/places").param("list", "outletId").param("region", "abc").session(staff))
			.andExpect(redirectedUrl("/safety/hazards"));
		mvc.perform(get("/safety/places").param("list", "outletId").header("HX-Request", "true").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/inspections/records/objects").session(staff))
			.andExpect(redirectedUrl("/inspections/records/new"));
		mvc.perform(get("/admin/users/departments").param("bureauId", "1").session(SignIn.session(mvc, "sys.admin")))
			.andExpect(redirectedUrl("/admin/users/new"));
		mvc.perform(get("/public/regions/search").param("field", "region").param("q", "吴中"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/public/regions/search").param("field", "region").param("q", "吴中").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-code=\"320506\"")));
	}
	/**
	 * A page that takes no {@code region} sent one that is no region code shows itself again with the message beside
	 * the filter (400), as a list that takes one does — never the bare error page.
	 */
	@Test
	void aRegionAPageDoesNotTakeReShowsThePageWithTheMessage() throws Exception {
		mvc.perform(get("/licensing/licences/cancellation").param("region", "abc").session(SignIn.session(mvc, "js.leader")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"cancellation-form\"")))
			.andExpect(content().string(containsString("data-field=\"region\"")))
			.andExpect(content().string(containsString("行政区划代码")));
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		for (String page : new String[] { "/enforcement/cases", "/safety/hazards", "/statistics/reports" }) {
			mvc.perform(get(page).param("region", "abc").session(staff))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("class=\"dropdown-item\"")))
				.andExpect(content().string(containsString("data-field=\"region\"")));
		}
	}

	/**
	 * A page of the other portal is refused as access (403, the portal named), whichever way: a staff member on the
	 * enterprise portal, an enterprise user on the regulators' pages; the public portal is open to both.
	 */
	@Test
	void aWrongPortalsPageIsRefusedAsAccess() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		for (String page : new String[] { "/enterprise/penalties", "/enterprise/villages", "/enterprise/statistics",
				"/enterprise/credit" }) {
			mvc.perform(get(page).session(staff))
				.andExpect(status().isForbidden())
				// the error page the error dispatch renders says it (MockMvc keeps the reason sent with the status)
				.andExpect(status().reason(containsString("企业端页面仅供企业用户使用")));
		}
		MockHttpSession enterprise = SignIn.session(mvc, "yz.sz");
		for (String page : new String[] { "/enforcement/cases", "/statistics/reports", "/admin/users" }) {
			mvc.perform(get(page).session(enterprise))
				.andExpect(status().isForbidden())
				.andExpect(status().reason(containsString("此页面仅供邮政管理部门的监管人员使用")));
		}
		mvc.perform(get("/public/penalties").session(staff)).andExpect(status().isOk());
		mvc.perform(get("/public/penalties").session(enterprise)).andExpect(status().isOk());
	}
}
