package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

/** Every menu entry a user is shown opens for that user: no menu offers a page that answers 403 or worse. */
@IntegrationTest
class NavigationLinksIntegrationTest {

	private static final Pattern MENU_ITEM = Pattern.compile("class=\"dropdown-item\" href=\"([^\"#]+)\"");

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "sys.admin", "js.leader", "sz.admin", "sz.leader", "sz.market", "wz.staff", "sf.wz" })
	void everyMenuEntryOpens(String username) throws Exception {
		MockHttpSession session = SignIn.session(mvc, username);
		String home = mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
		Set<String> links = new LinkedHashSet<>();
		Matcher m = MENU_ITEM.matcher(home);
		while (m.find()) {
			links.add(m.group(1).replace("&amp;", "&"));
		}
		assertThat(links).as("menu of " + username).isNotEmpty();
		List<String> failing = new ArrayList<>();
		for (String link : links) {
			if (link.startsWith("/api/")) {
				continue;
			}
			int status = mvc.perform(get(link).session(session)).andReturn().getResponse().getStatus();
			if (status >= 400) {
				failing.add(link + " → " + status);
			}
		}
		assertThat(failing).as("menu entries of " + username + " that do not open").isEmpty();
	}
}
