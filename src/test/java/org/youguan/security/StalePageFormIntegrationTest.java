package org.youguan.security;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.MessageBundles;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A page's form sent without its CSRF token or with a stale one (the session ended, another tab signed in) is told
 * that the page expired and should be reloaded — still 403, the rule {@code csrf} named — not that the user lacks a
 * right. One decision of the access-denied handler for every page form; the API keeps its X-CSRF-TOKEN problem.
 */
@IntegrationTest
class StalePageFormIntegrationTest {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/registry/outlets/new", "/account/password", "/logout" })
	void aSignedInPageFormWithoutOrWithAStaleTokenIsTheExpiredPage(String form) throws Exception {
		MockHttpSession session = SignIn.session(mvc, "wz.staff");
		expired(mvc.perform(post(form).session(session).param("name", "x")));
		expired(mvc.perform(post(form).session(session).param("name", "x").with(csrf().useInvalidToken())));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/login", "/public/complaints/new" })
	void anAnonymousFormWithoutItsTokenIsTheExpiredPageToo(String form) throws Exception {
		expired(mvc.perform(post(form).param("username", "sz.admin").param("password", "x")));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/v1/outlets" })
	void theApiStillNamesItsHeader(String path) throws Exception {
		mvc.perform(post(path).session(SignIn.session(mvc, "wz.staff")).contentType("application/json").content("{}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].field").value("X-CSRF-TOKEN"))
			.andExpect(jsonPath("$.errors[0].rule").value("csrf"));
	}

	@Test
	void theExpiredPageHasItsEnglish() throws Exception {
		// the English page shows the bundle's refusal.csrf.* for the sentences written here (RefusalWords)
		Properties zh = MessageBundles.load(MessageBundles.CHINESE);
		assertThat(zh.getProperty("refusal.csrf.title")).isEqualTo(SecurityConfiguration.PAGE_EXPIRED);
		assertThat(zh.getProperty("refusal.csrf.detail")).isEqualTo(SecurityConfiguration.PAGE_EXPIRED_DETAIL);
	}

	private static void expired(ResultActions answer) throws Exception {
		answer.andExpect(status().isForbidden())
			.andExpect(result -> assertThat(result.getResponse().getErrorMessage()).contains("页面已过期", "刷新")
				.doesNotContain("没有执行此操作的权限"));
	}
}
