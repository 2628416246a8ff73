package org.youguan.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every kind of refusal an API client meets is one problem answer (RFC 9457): the same content type
 * ({@link ProblemResponses#CONTENT_TYPE}) and the same members — type, title, status (the answer's), a Chinese detail,
 * the instance (the path asked for) and errors naming field, rule and message — whichever part refused: the security
 * filters (401, 403), Spring's dispatcher (404, 405, 406, 415), the controller advice (400 of a rule or a body), the
 * values filter (400 of a control character) or the public rate limit (429). The refusals no module words name the
 * parameter by its label in the message and by its name in {@code field}.
 */
@IntegrationTest
class ProblemAnswersIntegrationTest {

	static final String STAFF = "Bearer demo-wz-staff-token";

	static final String ADMIN = "Bearer demo-sz-admin-token";

	@Autowired
	MockMvc mvc;

	@Test
	void everyKindOfRefusalIsOneProblemShapeInOneContentType() throws Exception {
		Map<Integer, MockHttpServletRequestBuilder> kinds = new LinkedHashMap<>();
		kinds.put(401, get("/api/v1/me"));
		kinds.put(403, get("/api/v1/audit-events/checkpoints").header("Authorization", STAFF));
		kinds.put(404, get("/api/v1/no-such-thing").header("Authorization", STAFF));
		kinds.put(405, delete("/api/v1/me").header("Authorization", STAFF));
		kinds.put(406, get("/api/v1/me").header("Authorization", STAFF).header("Accept", "application/xml"));
		kinds.put(415, post("/api/v1/complaints").header("Authorization", STAFF).contentType("text/plain").content("x"));
		Map<String, MockHttpServletRequestBuilder> bad = new LinkedHashMap<>();
		bad.put("validation", post("/api/v1/complaints").header("Authorization", STAFF).contentType("application/json")
			.content("{}"));
		bad.put("bad JSON", post("/api/v1/complaints").header("Authorization", STAFF).contentType("application/json")
			.content("{"));
		bad.put("control character", get("/api/v1/audit-events").param("sortOrder", "a\u0000b").header("Authorization", ADMIN));
		bad.put("type mismatch", get("/api/v1/audit-events").param("page", "abc").header("Authorization", ADMIN));
		for (var kind : kinds.entrySet()) {
			assertOneShape(String.valueOf(kind.getKey()), mvc.perform(kind.getValue()).andReturn().getResponse(), kind.getKey());
		}
		for (var kind : bad.entrySet()) {
			assertOneShape("400 " + kind.getKey(), mvc.perform(kind.getValue()).andReturn().getResponse(), 400);
		}
		assertOneShape("429", tooMany(), 429);
	}

	/** The public rate limit's 429, from an address of its own (the allowance is 120 a minute). */
	private MockHttpServletResponse tooMany() throws Exception {
		String address = "10.93." + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(1, 250);
		MockHttpServletResponse last = null;
		for (int i = 0; i < 200 && (last == null || last.getStatus() != 429); i++) {
			last = mvc.perform(get("/api/v1/public/penalties").param("region", "3205").with(r -> {
				r.setRemoteAddr(address);
				return r;
			})).andReturn().getResponse();
		}
		return last;
	}

	private static void assertOneShape(String kind, MockHttpServletResponse answer, int status) throws Exception {
		String body = answer.getContentAsString(StandardCharsets.UTF_8);
		assertThat(answer.getStatus()).as(kind + ": " + body).isEqualTo(status);
		assertThat(answer.getContentType()).as(kind).isEqualTo("application/problem+json;charset=UTF-8");
		Map<String, Object> problem = JsonPath.read(body, "$");
		assertThat(problem).as(kind).containsKeys("type", "title", "status", "detail", "instance", "errors");
		assertThat(problem.get("type")).as(kind).isEqualTo("about:blank");
		assertThat(problem.get("status")).as(kind).isEqualTo(status);
		assertThat((String) problem.get("title")).as(kind).isNotBlank();
		assertThat((String) problem.get("detail")).as(kind).isNotBlank();
		assertThat((String) problem.get("instance")).as(kind).startsWith("/api/v1/");
		List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
		assertThat(errors).as(kind + ": every refusal names its field and rule").isNotEmpty()
			.allSatisfy(e -> assertThat(e).containsKeys("field", "rule", "message"));
	}

	@Test
	void aGenericRefusalNamesTheParameterByItsLabelAndKeepsItsNameForTheClient() throws Exception {
		assertNamed("sortOrder", "a\u0000b", "排序含有不允许的字符（U+0000）");
		assertNamed("page", "abc", "页码的值“abc”格式不正确");
		// the audit search reads its dates by the list filters' one rule (FiguresPeriod.filter), named by the label
		assertNamed("from", "abc", "起始日期应为日期（YYYY-MM-DD）");
		// a parameter no label is known for is named as sent
		assertNamed("zzq", "a\u0000b", "参数“zzq”含有不允许的字符");
	}

	/** The audit events' API refuses {@code value} in {@code parameter}: the detail begins so, the field is the name. */
	private void assertNamed(String parameter, String value, String detail) throws Exception {
		String problem = mvc.perform(get("/api/v1/audit-events").param(parameter, value).header("Authorization", ADMIN))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(JsonPath.<String>read(problem, "$.detail")).startsWith(detail);
		assertThat(JsonPath.<String>read(problem, "$.errors[0].field")).isEqualTo(parameter);
	}

	/** On a page form the number typed wrong is named as the form's own rules name it, beside its field. */
	@Test
	void aPageFormsTypeMismatchNamesTheFieldByItsLabel() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		MockHttpServletResponse answer = mvc.perform(post("/admin/departments/new").session(admin).with(csrf())
			.param("name", "测试科").param("sortOrder", "abc")).andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(400);
		assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("排序应为整数（0至9999）")
			.doesNotContain("“sortOrder”");
	}

	/** A page whose path only starts like the portal's (/publicity) is no public page: the staff error page. */
	@Test
	void onlyThePortalsOwnPathsGetThePublicErrorLayout() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		String page = mvc.perform(get("/publicity").session(admin).header("Accept", "text/html")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("请求的页面或资源不存在").doesNotContain("该信息已不再公开");
		String portal = mvc.perform(get("/public/no-such-page").header("Accept", "text/html")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(portal).contains("该信息已不再公开");
	}
}
