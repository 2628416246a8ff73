package org.youguan.security;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A caller without the role an endpoint requires is refused (403) before the request's body, content type or
 * parameters are read: it learns nothing about the endpoint's formats from a 400 or 415 (HandlerAuthorizationFilter).
 * The 403 is the project's problem shape, errors naming the field and rule like every refusal.
 */
@IntegrationTest
class AuthorizationBeforeBodyIntegrationTest {

	@Autowired
	MockMvc mvc;

	/** JSON that does not parse, sent by a role the endpoint does not admit: 403, not 400. */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "demo-sz-leader-token, /api/v1/licensing/applications",
			"demo-sz-leader-token, /api/v1/enforcement/leads",
			"demo-sz-leader-token, /api/v1/universal/checks",
			"demo-sz-leader-token, /api/v1/safety/hazards",
			"demo-sf-wz-token, /api/v1/enforcement/leads",
			"demo-sf-wz-token, /api/v1/universal/checks" })
	void aMalformedBodyFromTheWrongRoleIsRefusedBeforeItIsRead(String token, String path) throws Exception {
		mvc.perform(post(path).header("Authorization", "Bearer " + token)
			.contentType("application/json")
			.content("{\"kind\": [unclosed"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("无权访问"))
			.andExpect(jsonPath("$.errors[0].field").value("request"))
			.andExpect(jsonPath("$.errors[0].rule").value("forbidden"));
	}

	/**
	 * The path written so the dispatcher still reaches the handler (an encoded letter, an encoded first segment): the
	 * filter matches it as the dispatcher does and refuses the wrong role before the body.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/api/v1/enforcement/%6Ceads", "/%61pi/v1/enforcement/leads", "/api/v1/universal/%63hecks" })
	void aPathWrittenAnotherWayIsRefusedAsItsHandler(String path) throws Exception {
		mvc.perform(post(URI.create(path)).header("Authorization", "Bearer demo-sz-leader-token")
			.contentType("application/json")
			.content("{\"kind\": [unclosed"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].rule").value("forbidden"));
	}

	/** A content type the endpoint does not take (multipart only, or JSON only), from the wrong role: 403, not 415. */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "demo-sz-leader-token, /api/v1/licensing/applications/import",
			"demo-sz-leader-token, /api/v1/safety/hazards/1/close",
			"demo-sf-wz-token, /api/v1/universal/checks/import",
			"demo-sz-leader-token, /api/v1/enforcement/leads" })
	void anUnsupportedContentTypeFromTheWrongRoleIsRefusedBeforeItIsMatched(String token, String path) throws Exception {
		mvc.perform(post(path).header("Authorization", "Bearer " + token).contentType("text/plain").content("x"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].rule").value("forbidden"));
	}

	/** A parameter of the wrong shape from a role that may not read the figures: 403, not a 400 naming its format. */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/api/v1/licensing/figures?from=not-a-date", "/api/v1/enforcement/leads?size=many" })
	void aMalformedParameterFromTheWrongRoleIsRefusedBeforeItIsBound(String path) throws Exception {
		mvc.perform(get(path).header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].rule").value("forbidden"));
	}

	/** The right role still meets the body's own refusal: the filter decides rights, not formats. */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/api/v1/licensing/applications", "/api/v1/enforcement/leads" })
	void theRightRoleStillGetsTheBodysOwn400(String path) throws Exception {
		mvc.perform(post(path).header("Authorization", "Bearer demo-wz-staff-token")
			.contentType("application/json")
			.content("{\"kind\": [unclosed"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("format"));
	}

	/**
	 * A parameter holding a control character or an escape that is no UTF-8: who calls and whether the role admits the
	 * request are decided first — anonymous 401, a wrong role 403 — and only a caller the endpoint admits hears the
	 * 400 naming the parameter.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "q=%01, control-character", "q=%zz, encoding" })
	void aRefusedValueIsAnsweredOnlyAfterTheCallerAndTheRole(String query, String rule) throws Exception {
		mvc.perform(get("/api/v1/enforcement/leads").with(r -> withQuery(r, query)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.errors[0].rule").value("unauthenticated"));
		mvc.perform(get("/api/v1/enforcement/leads").header("Authorization", "Bearer demo-sf-wz-token")
			.with(r -> withQuery(r, query)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].rule").value("forbidden"));
		mvc.perform(get("/api/v1/enforcement/leads").header("Authorization", "Bearer demo-wz-staff-token")
			.with(r -> withQuery(r, query)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"))
			.andExpect(jsonPath("$.errors[0].rule").value(rule));
	}

	/** The same order on pages: signed out, the sign-in page; a role the page does not admit, 403; else the 400. */
	@Test
	void aRefusedValueOnAPageComesAfterSignInAndTheRole() throws Exception {
		mvc.perform(get("/admin/users").param("q", "a\u0001"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		mvc.perform(get("/admin/users").param("q", "a\u0001").session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/users").param("q", "a\u0001").session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isBadRequest())
			.andExpect(result -> assertThat(result.getResponse().getErrorMessage()).startsWith("关键词含有"));
	}

	/**
	 * What anyone may send — the sign-in form, the public complaint form — is still refused on its field (400, never
	 * a sign-in attempt with the control character, never a 500), after the CSRF check a forged form fails first.
	 */
	@Test
	void theSignInFormAndAPublicFormAreStillRefusedNamingTheField() throws Exception {
		mvc.perform(post("/login").param("username", "sz.admin\u0001").param("password", SignIn.DEMO_PASSWORD)
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(result -> assertThat(result.getResponse().getErrorMessage()).startsWith("用户名含有"));
		mvc.perform(post("/login").param("username", "sz.admin\u0001").param("password", SignIn.DEMO_PASSWORD))
			.andExpect(status().isForbidden());
		mvc.perform(post("/public/complaints/new").param("filerName", "张\u0001三").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(result -> assertThat(result.getResponse().getErrorMessage()).contains("申诉人姓名含有不允许的字符"));
		mvc.perform(get("/api/v1/public/outlets").param("region", "320506").param("brand", "\u0001"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("brand"));
	}

	private static MockHttpServletRequest withQuery(MockHttpServletRequest request, String query) {
		request.setQueryString(query);
		return request;
	}
}
