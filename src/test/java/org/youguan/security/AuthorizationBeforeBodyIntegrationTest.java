package org.youguan.security;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
}
