package org.youguan.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The navigation bar is rendered once per role set, language and active section and then reused: what each page
 * shows must still be its own — the section of the current page marked, the user's language, the user's entries, and
 * only the entries the user may open (an express company's user has an enterprise user's roles but not the postal
 * company's 建制村 pages).
 */
@IntegrationTest
class MenuIntegrationTest {

	private static final Pattern ACTIVE = Pattern.compile("<li class=\"nav-item[^\"]*active\"[^>]*>\\s*<a[^>]*>\\s*"
			+ "<span class=\"nav-link-title\">([^<]+)</span>");

	@Autowired
	MockMvc mvc;

	@Test
	void eachPageMarksItsOwnSectionOnly() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		assertThat(active(page("/", staff, null))).containsExactly("工作台");
		assertThat(active(page("/complaints", staff, null))).containsExactly("申诉处理");
		assertThat(active(page("/registry/enterprises", staff, null))).containsExactly("市场主体");
		// the first page's bar, remembered, is not handed to the next one
		assertThat(active(page("/", staff, null))).containsExactly("工作台");
	}

	/** The section is found from the path as routed, not as sent: an escaped letter still opens and marks 申诉处理. */
	@Test
	void aPageAskedForWithAnEscapedPathMarksItsSection() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		String html = mvc.perform(get(URI.create("/%63omplaints")).session(staff)).andReturn().getResponse()
			.getContentAsString();
		assertThat(active(html)).containsExactly("申诉处理");
	}

	@Test
	void theBarSpeaksThePagesLanguage() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		String chinese = page("/complaints", staff, null);
		String english = page("/complaints", staff, new Cookie("youguan-lang", "en"));
		assertThat(active(chinese)).containsExactly("申诉处理");
		assertThat(active(english)).containsExactly("Complaints");
		assertThat(english).contains(">Complaint queue</a>").doesNotContain(">申诉办理</a>");
	}

	@Test
	void usersWithOtherRolesGetTheirOwnEntries() throws Exception {
		String admin = page("/", SignIn.session(mvc, "sys.admin"), null);
		String enterprise = page("/", SignIn.session(mvc, "sf.wz"), null);
		assertThat(admin).contains("href=\"/complaints\"");
		assertThat(enterprise).doesNotContain("href=\"/complaints\"").contains("href=\"/enterprise/complaints\"");
	}

	@Test
	void anExpressCompanysUserIsNotOfferedTheVillagePagesItMayNotOpenThoughItsRolesAreThePostalCompanys() throws Exception {
		MockHttpSession express = SignIn.session(mvc, "sf.wz");
		MockHttpSession postal = SignIn.session(mvc, "yz.sz");
		// the postal company's bar first, so a bar remembered per role set would be handed to the express company
		assertThat(page("/", postal, null)).contains("href=\"/enterprise/villages\"");
		assertThat(mvc.perform(get("/enterprise/villages").session(postal)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(page("/", express, null)).doesNotContain("href=\"/enterprise/villages\"")
			.contains("href=\"/enterprise/complaints\"");
		assertThat(mvc.perform(get("/enterprise/villages").session(express)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
	}

	private String page(String path, MockHttpSession session, Cookie cookie) throws Exception {
		var request = get(path).session(session);
		if (cookie != null) {
			request.cookie(cookie);
		}
		return mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	private static List<String> active(String html) {
		List<String> found = new ArrayList<>();
		Matcher m = ACTIVE.matcher(html);
		while (m.find()) {
			found.add(m.group(1).strip());
		}
		return found;
	}
}
