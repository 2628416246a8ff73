package org.youguan.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.TestDatabase;
import org.youguan.documents.PdfFiles;
import org.youguan.inspections.InspectionItems;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same refusals through the real Tomcat, whose own parameter and multipart parsing MockMvc does not have: raw
 * bytes on a socket (a %zz no URL class lets through), small multipart limits so an oversized upload is cheap to send.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=10MB" })
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import(IntegrationTest.Clocks.class)
class RealServerInputIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	InspectionItems items;

	@Autowired
	UserDirectory directory;

	record Answer(int status, String head, String body) {
	}

	@Test
	void aNulInAnAnonymousPublicQueryIsA400ProblemNamingIt() throws Exception {
		Answer a = send("GET /api/v1/public/outlets?region=320506&brand=%00 HTTP/1.1\r\n", "", new byte[0]);
		assertThat(a.status()).isEqualTo(400);
		assertThat(a.head()).containsIgnoringCase("application/problem+json");
		assertThat(a.body()).contains("\"field\":\"brand\"", "\"rule\":\"control-character\"");
	}

	/**
	 * A refusal answered on the error dispatch (a control character in a parameter, the firewall's refusal of a path) is
	 * the public portal's page under /public — its layout and its way home, not the staff's 工作台 — and the staff's page
	 * elsewhere.
	 */
	@Test
	void aRefusalUnderThePortalIsThePortalsPageAndElsewhereTheStaffs() throws Exception {
		for (String target : List.of("/public/penalties?q=%00", "/public/lookup?q=a%00b", "/public;x/lookup")) {
			Answer page = send("GET " + target + " HTTP/1.1\r\n", "Accept: text/html\r\n", new byte[0]);
			assertThat(page.status()).as(target).isEqualTo(400);
			assertThat(page.body()).as(target).contains("<html", "返回公众服务首页").doesNotContain("返回工作台");
		}
		assertThat(send("GET /public/penalties?q=%00 HTTP/1.1\r\n", "Accept: text/html\r\n", new byte[0]).body())
			.contains("data-field=\"q\"");
		Answer staff = send("GET /outlets;x HTTP/1.1\r\n", "Accept: text/html\r\n", new byte[0]);
		assertThat(staff.status()).isEqualTo(400);
		assertThat(staff.body()).contains("<html", "返回工作台").doesNotContain("返回公众服务首页");
	}

	/**
	 * Attack 69 L14/L15, as sent on the wire: "%FF" is told as bytes that are no UTF-8 (not as a bad escape), and a
	 * page number with a plus sign or a space ("%2B1", "%205") is no page number; a full-width digit ("%EF%BC%92") is.
	 */
	@Test
	void invalidUtf8AndSignedPageNumbersAreToldAsTheyAre() throws Exception {
		String token = "Authorization: Bearer demo-sz-admin-token\r\n";
		Answer bytes = send("GET /api/v1/enforcement/cases?q=%FF HTTP/1.1\r\n", token, new byte[0]);
		assertThat(bytes.status()).isEqualTo(400);
		assertThat(bytes.body()).contains("\"field\":\"q\"", "\"rule\":\"encoding\"", "不是有效的UTF-8编码文字")
			.doesNotContain("十六进制");
		for (String query : List.of("page=%2B1", "size=%205", "size=5+")) {
			Answer signed = send("GET /api/v1/enforcement/cases?" + query + " HTTP/1.1\r\n", token, new byte[0]);
			assertThat(signed.status()).as(query).isEqualTo(400);
			assertThat(signed.body()).as(query).contains("\"rule\":\"format\"");
		}
		assertThat(send("GET /api/v1/enforcement/cases?size=%EF%BC%92 HTTP/1.1\r\n", token, new byte[0]).status())
			.isEqualTo(200);
	}

	@Test
	void malformedPercentEncodingIsA400OnTheApiAndOnAPageWithItsErrorPage() throws Exception {
		Answer api = send("GET /api/v1/enterprises?q=%zz HTTP/1.1\r\n", "Authorization: Bearer demo-sz-admin-token\r\n", new byte[0]);
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.body()).contains("\"field\":\"q\"", "\"rule\":\"encoding\"");
		Answer page = send("GET /public/lookup?q=%zz HTTP/1.1\r\n", "Accept: text/html\r\n", new byte[0]);
		assertThat(page.status()).isEqualTo(400);
		// named by its label (q: 关键词) as the field's own rules name it; the field itself stays q
		assertThat(page.body()).contains("<html", "关键词的值不是有效的UTF-8网址编码", "data-field=\"q\"");
	}

	@Test
	void anUndecodableFormFieldIsA400NamingItBeforeSignInOrCsrfLook() throws Exception {
		byte[] body = "filerName=%zz&phone=13800138000".getBytes(StandardCharsets.US_ASCII);
		Answer a = send("POST /public/complaints/new HTTP/1.1\r\n",
				"Content-Type: application/x-www-form-urlencoded\r\nAccept: text/html\r\n", body);
		assertThat(a.status()).isEqualTo(400);
		assertThat(a.body()).contains("filerName");
	}

	@Test
	void anUploadBeyondTheMultipartLimitIsA413WithAChineseMessageOnThePublicPageAndTheApi() throws Exception {
		byte[] file = new byte[1536 * 1024];
		Answer page = send("POST /public/complaints/new HTTP/1.1\r\n", "Accept: text/html\r\n", multipart("files", file));
		assertThat(page.status()).isEqualTo(413);
		assertThat(page.body()).contains("超过大小限制", "单个文件不超过1MB");
		Answer api = send("POST /api/v1/workplans/import HTTP/1.1\r\n", "Authorization: Bearer demo-sz-admin-token\r\n",
				multipart("file", file));
		assertThat(api.status()).isEqualTo(413);
		assertThat(api.body()).contains("\"status\":413", "单个文件不超过1MB");
	}

	/** A 413 of the file limit names the part that was too large, as the form calls it, not a generic "file". */
	@Test
	void anUploadBeyondTheFileLimitNamesItsPart() throws Exception {
		byte[] file = new byte[1536 * 1024];
		Answer api = send("POST /api/v1/workplans/import HTTP/1.1\r\n", "Authorization: Bearer demo-sz-admin-token\r\n",
				multipart("evidence", file));
		assertThat(api.status()).isEqualTo(413);
		assertThat(api.body()).contains("\"field\":\"evidence\"", "\"rule\":\"size\"").doesNotContain("\"field\":\"file\"");
		Answer page = send("POST /public/complaints/new HTTP/1.1\r\n", "Accept: text/html\r\n", multipart("files", file));
		assertThat(page.status()).isEqualTo(413);
		assertThat(page.body()).contains("data-field=\"files\"");
	}

	@Test
	void aSmallUploadWithAVeryLongFileNameIsA400NamingTheFileNameNotA413() throws Exception {
		Answer api = send("POST /api/v1/workplans/import HTTP/1.1\r\n", "Authorization: Bearer demo-sz-admin-token\r\n",
				multipart("file", "长".repeat(5000) + ".docx", new byte[10]));
		assertThat(api.status()).as(api.body()).isEqualTo(400);
		assertThat(api.body()).contains("\"rule\":\"file-name\"", "文件名");
	}

	/** A file name over 100 characters is refused on the part it came in (a filing's 营业执照), not a generic "file". */
	@Test
	void aLongFileNameIsRefusedOnItsOwnPart() throws Exception {
		Answer api = send("POST /api/v1/enterprise/filings HTTP/1.1\r\n", "Authorization: Bearer demo-sf-wz-token\r\n",
				multipart("businessLicence", "营业执照".repeat(40) + ".pdf", new byte[10]));
		assertThat(api.status()).as(api.body()).isEqualTo(400);
		assertThat(api.body()).contains("\"field\":\"businessLicence\"", "\"rule\":\"file-name\"");
	}

	@Test
	void aFormBeyondTomcatsPostSizeIsA413WithAChineseMessageOnThePageAndTheApi() throws Exception {
		// Tomcat's maxPostSize (server.tomcat.max-http-form-post-size, 2 MB): a form body over it is not parsed at all
		byte[] body = ("description=" + "%E9%95%BF".repeat(300_000) + "&foundBy=x").getBytes(StandardCharsets.US_ASCII);
		Answer page = send("POST /public/complaints/new HTTP/1.1\r\n",
				"Content-Type: application/x-www-form-urlencoded\r\nAccept: text/html\r\n", body);
		assertThat(page.status()).isEqualTo(413);
		assertThat(page.body()).contains("<html", "表单内容超过大小限制");
		// an API endpoint that reads no object body takes a form; one reading JSON answers 415 without reading it
		Answer api = send("POST /api/v1/enforcement/leads/999999999/filing HTTP/1.1\r\n",
				"Authorization: Bearer demo-sz-leader-token\r\nContent-Type: application/x-www-form-urlencoded\r\n", body);
		assertThat(api.status()).isEqualTo(413);
		assertThat(api.body()).contains("\"status\":413", "表单内容超过大小限制");
	}

	/**
	 * Through Tomcat every problem has the one content type and shape, whoever answered: Spring Security's 401, the
	 * dispatcher's 404, the values filter's 413 of a form beyond Tomcat's post size, and Tomcat's own 414 of a request
	 * line beyond its header buffer (the error report valve).
	 */
	@Test
	void everyProblemThroughTomcatHasTheOneContentTypeAndShape() throws Exception {
		byte[] form = ("description=" + "%E9%95%BF".repeat(300_000)).getBytes(StandardCharsets.US_ASCII);
		List<Answer> answers = List.of(send("GET /api/v1/me HTTP/1.1\r\n", "", new byte[0]),
				send("GET /api/v1/no-such-thing HTTP/1.1\r\n", "Authorization: Bearer demo-sz-admin-token\r\n", new byte[0]),
				send("POST /api/v1/enforcement/leads/999999999/filing HTTP/1.1\r\n",
						"Authorization: Bearer demo-sz-leader-token\r\nContent-Type: application/x-www-form-urlencoded\r\n", form),
				sendBytes(("GET /api/v1/public/outlets?q=" + "a".repeat(9000) + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII)));
		assertThat(answers).extracting(Answer::status).containsExactly(401, 404, 413, 414);
		for (Answer a : answers) {
			assertThat(a.head()).as(a.body()).containsIgnoringCase("\r\nContent-Type: application/problem+json;charset=UTF-8\r\n");
			assertThat(a.body()).as(a.head()).contains("\"type\":\"about:blank\"", "\"title\":", "\"status\":" + a.status(),
					"\"detail\":", "\"instance\":\"/api/v1/", "\"errors\":[{\"field\":");
		}
	}

	@Test
	void tooManyPartsOrParametersAreRefusedSayingSo() throws Exception {
		ByteArrayOutputStream parts = new ByteArrayOutputStream();
		for (int i = 0; i < 80; i++) {
			parts.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f" + i + "\"\r\n\r\nx\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		parts.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		Answer many = send("POST /api/v1/workplans/import HTTP/1.1\r\n", "Authorization: Bearer demo-sz-admin-token\r\n",
				parts.toByteArray());
		assertThat(many.status()).isEqualTo(413);
		assertThat(many.body()).contains("文件和字段过多");
		StringBuilder query = new StringBuilder("GET /api/v1/public/outlets?region=320506");
		for (int i = 0; i < 1100; i++) {
			query.append("&p").append(i).append("=1");
		}
		Answer params = send(query + " HTTP/1.1\r\n", "", new byte[0]);
		assertThat(params.status()).isEqualTo(400);
		assertThat(params.body()).contains("请求参数过多");
	}

	@Test
	void whatTomcatRefusesItselfIsStillA400() throws Exception {
		assertThat(send("GET /api/v1/public/complaints/%00 HTTP/1.1\r\n", "", new byte[0]).status()).isEqualTo(400);
		assertThat(send("GET /public/lookup HTTP/1.1\r\n", "X-Probe: a\u0001b\r\n", new byte[0]).status()).isEqualTo(400);
		// unencoded UTF-8 in the request target, as a script may send it
		assertThat(sendBytes("GET /api/v1/public/outlets?region=320506&brand=顺丰 HTTP/1.1\r\n".getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(400);
	}

	/**
	 * What Spring Security's firewall refuses (";", "//", "..", a method it does not know) and what Tomcat refuses with
	 * an error status of its own (TRACE) is answered as every other refusal: a problem response naming the part on the
	 * API, the error page with a message for that status elsewhere — not Spring's bare map, not a page saying 500.
	 */
	@Test
	void whatTheFirewallOrTomcatRefusesIsAProblemOnTheApiAndTheErrorPageElsewhere() throws Exception {
		String token = "Authorization: Bearer demo-sz-admin-token\r\n";
		for (String path : List.of("/api/v1/outlets;jsessionid=1", "/api/v1//outlets", "/api/v1/outlets/%2e%2e/users")) {
			Answer api = send("GET " + path + " HTTP/1.1\r\n", token, new byte[0]);
			assertThat(api.status()).as(path).isEqualTo(400);
			assertThat(api.head()).as(path).containsIgnoringCase("application/problem+json");
			assertThat(api.body()).as(path).contains("\"status\":400", "\"field\":\"path\"", "\"rule\":\"rejected\"",
					"请求路径含有不允许的内容");
		}
		Answer unknownMethod = send("FOO /api/v1/outlets HTTP/1.1\r\n", token, new byte[0]);
		assertThat(unknownMethod.status()).isEqualTo(405);
		assertThat(unknownMethod.body()).contains("\"field\":\"method\"", "不支持此请求方法");
		Answer trace = send("TRACE /api/v1/outlets HTTP/1.1\r\n", token, new byte[0]);
		assertThat(trace.status()).isEqualTo(405);
		assertThat(trace.head()).containsIgnoringCase("application/problem+json");
		assertThat(trace.body()).contains("\"title\":\"方法不允许\"", "\"instance\":\"/api/v1/outlets\"")
			.doesNotContain("timestamp");

		Answer page = send("GET /outlets;x HTTP/1.1\r\n", "Accept: text/html\r\n", new byte[0]);
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("<html", "请求路径含有不允许的内容");
		Answer tracePage = send("TRACE /public/lookup HTTP/1.1\r\n", "Accept: text/html\r\n", new byte[0]);
		assertThat(tracePage.status()).isEqualTo(405);
		assertThat(tracePage.body()).contains("<html", "不支持此请求方法").doesNotContain("系统内部错误");
	}

	/**
	 * A page a role may not open, asked by a client that takes no HTML (a script, fetch), is a Chinese problem response
	 * — not the English map Spring's error controller writes — while a browser still gets the error page.
	 */
	@Test
	void aPageDeniedToAClientThatTakesNoHtmlIsAChineseProblem() throws Exception {
		String staff = "Authorization: Bearer demo-wz-staff-token\r\n";
		for (String accept : List.of("Accept: application/json\r\n", "Accept: */*\r\n", "")) {
			Answer json = send("GET /admin/users HTTP/1.1\r\n", staff + accept, new byte[0]);
			assertThat(json.status()).as(accept).isEqualTo(403);
			assertThat(json.head()).as(accept).containsIgnoringCase("application/problem+json");
			assertThat(json.body()).as(accept)
				.contains("\"title\":\"无权访问\"", "您没有执行此操作的权限", "\"instance\":\"/admin/users\"")
				.doesNotContain("Forbidden", "timestamp");
		}
		Answer page = send("GET /admin/users HTTP/1.1\r\n", staff + "Accept: text/html,application/xhtml+xml,*/*;q=0.8\r\n",
				new byte[0]);
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).contains("<html").doesNotContain("\"status\"");
	}

	/**
	 * Tomcat's parse of the query fails (%zz) before any filter runs, and still the caller is decided first: anonymous
	 * 401, a wrong role 403, the 400 naming the parameter only for a caller the endpoint admits.
	 */
	@Test
	void anUndecodableQueryIsRefusedOnlyAfterTheCallerAndTheRole() throws Exception {
		String line = "GET /api/v1/enforcement/leads?q=%zz HTTP/1.1\r\n";
		Answer anonymous = send(line, "", new byte[0]);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.body()).contains("\"rule\":\"unauthenticated\"");
		Answer wrongRole = send(line, "Authorization: Bearer demo-sf-wz-token\r\n", new byte[0]);
		assertThat(wrongRole.status()).isEqualTo(403);
		assertThat(wrongRole.body()).contains("\"rule\":\"forbidden\"");
		Answer admitted = send(line, "Authorization: Bearer demo-wz-staff-token\r\n", new byte[0]);
		assertThat(admitted.status()).isEqualTo(400);
		assertThat(admitted.body()).contains("\"field\":\"q\"", "\"rule\":\"encoding\"");
	}

	/**
	 * What Tomcat refuses before the application sees it — an encoded "/" in the path, a NUL, unencoded UTF-8 in the
	 * request target, a control character in a header — is the product's answer, never Tomcat's English report nor its
	 * name: a problem response with a Chinese detail naming the part to an API client (the API's path, a token,
	 * Accept: application/json), the Chinese error page to a browser.
	 */
	@Test
	void whatTomcatRefusesIsAChineseProblemForApiClientsAndAChinesePageForBrowsers() throws Exception {
		String token = "Authorization: Bearer demo-sf-wz-token\r\n";
		for (Answer api : List.of(send("POST /api/v1/safety/periods%2F HTTP/1.1\r\n", token, new byte[0]),
				send("GET /api/v1/public/complaints/%00 HTTP/1.1\r\n", "", new byte[0]),
				send("GET /public/lookup%2Fx HTTP/1.1\r\n", "Accept: application/json\r\n", new byte[0]))) {
			assertThat(api.status()).as(api.body()).isEqualTo(400);
			assertThat(api.head()).as(api.body()).containsIgnoringCase("application/problem+json");
			assertThat(api.body()).contains("\"status\":400", "\"title\":\"请求有误\"", "\"rule\":\"rejected\"")
				.doesNotContainIgnoringCase("tomcat").doesNotContain("Bad Request", "Invalid");
		}
		assertThat(send("POST /api/v1/safety/periods%2F HTTP/1.1\r\n", token, new byte[0]).body())
			.contains("\"field\":\"path\"", "请求路径含有不允许的内容");
		for (Answer page : List.of(send("GET /public/lookup%2Fx HTTP/1.1\r\n", "Accept: text/html\r\n", new byte[0]),
				send("GET /public/lookup HTTP/1.1\r\n", "Accept: text/html\r\nX-Probe: a\u0001b\r\n", new byte[0]))) {
			assertThat(page.status()).isEqualTo(400);
			assertThat(page.head()).containsIgnoringCase("text/html");
			assertThat(page.body()).contains("<html lang=\"zh-CN\"", "请求有误", "data-rule=\"rejected\"")
				.doesNotContainIgnoringCase("tomcat").doesNotContain("Bad Request", "HTTP Status");
		}
	}

	/**
	 * An API call written in the wrong case ({@code /API/v1/…}), or an unknown address asked by a client that wants
	 * JSON, is a problem response — 401 unsigned, 404 with a token — not an HTML page or a redirect to sign in.
	 */
	@Test
	void anApiCallInTheWrongCaseIsAProblemNotAPage() throws Exception {
		Answer withToken = send("GET /API/v1/outlets HTTP/1.1\r\n", "Authorization: Bearer demo-sz-admin-token\r\n",
				new byte[0]);
		assertThat(withToken.status()).isEqualTo(404);
		assertThat(withToken.head()).containsIgnoringCase("application/problem+json");
		assertThat(withToken.body()).contains("\"field\":\"path\"", "\"rule\":\"not-found\"", "/api/v1/");
		Answer anonymous = send("GET /API/v1/outlets HTTP/1.1\r\n", "", new byte[0]);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.head()).containsIgnoringCase("application/problem+json");
		Answer json = send("GET /no-such-page HTTP/1.1\r\n",
				"Authorization: Bearer demo-sz-admin-token\r\nAccept: application/json\r\n", new byte[0]);
		assertThat(json.status()).isEqualTo(404);
		assertThat(json.head()).containsIgnoringCase("application/problem+json");
		Answer browser = send("GET /no-such-page HTTP/1.1\r\n",
				"Authorization: Bearer demo-sz-admin-token\r\nAccept: text/html\r\n", new byte[0]);
		assertThat(browser.status()).isEqualTo(404);
		assertThat(browser.body()).contains("<html");
	}

	/**
	 * A page's form without its CSRF token shows the page expired — 403, the rule csrf named on the error page — and a
	 * script asking for JSON (an API client) posting to the page hears the same rule in a problem response.
	 */
	@Test
	void aFormWithoutItsTokenIsThePageExpiredNamingTheRule() throws Exception {
		byte[] body = "username=sz.admin&password=x".getBytes(StandardCharsets.US_ASCII);
		String form = "Content-Type: application/x-www-form-urlencoded\r\n";
		Answer page = send("POST /login HTTP/1.1\r\n", form + "Accept: text/html\r\n", body);
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).contains("<html", "页面已过期", "data-rule=\"csrf\"").doesNotContain("没有执行此操作的权限");
		Answer script = send("POST /login HTTP/1.1\r\n", form + "Accept: application/json\r\n", body);
		assertThat(script.status()).isEqualTo(403);
		assertThat(script.head()).containsIgnoringCase("application/problem+json");
		assertThat(script.body()).contains("\"rule\":\"csrf\"", "CSRF令牌");
	}

	/**
	 * An error page reads in the language the query asks for ({@code ?lang=en}) by the rule of every other page, without
	 * the language cookie: the page expired (a form without its CSRF token, refused by security before any handler) and
	 * a page not found (no handler). Without {@code lang} they stay Chinese.
	 */
	@Test
	void anErrorPageFollowsTheLanguageOfItsQuery() throws Exception {
		byte[] body = "username=sz.admin&password=x".getBytes(StandardCharsets.US_ASCII);
		String form = "Content-Type: application/x-www-form-urlencoded\r\nAccept: text/html\r\n";
		Answer expired = send("POST /login?lang=en HTTP/1.1\r\n", form, body);
		assertThat(expired.status()).isEqualTo(403);
		assertThat(expired.body()).contains("<html lang=\"en\"", "The page has expired", "data-rule=\"csrf\"")
			.doesNotContain("页面已过期");
		Answer missing = send("GET /public/no-such-page?lang=en HTTP/1.1\r\n", "Accept: text/html\r\n", new byte[0]);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("<html lang=\"en\"", "Not found").doesNotContain("未找到");
		Answer chinese = send("GET /public/no-such-page HTTP/1.1\r\n", "Accept: text/html\r\n", new byte[0]);
		assertThat(chinese.body()).contains("<html lang=\"zh-CN\"", "未找到");
	}

	/** A mobile number percent-encoded twice in a refused path is found (decoded until no escape is left) and masked. */
	@Test
	void aPersonalNumberEncodedTwiceInARefusedPathIsMasked() throws Exception {
		StringBuilder twice = new StringBuilder();
		for (char c : "13987654321".toCharArray()) {
			twice.append("%25").append(Integer.toHexString(c));
		}
		Answer api = send("GET /api/v1/nothing;x/" + twice + " HTTP/1.1\r\n", "Authorization: Bearer demo-sz-admin-token\r\n",
				new byte[0]);
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.body()).contains("\"instance\":\"/api/v1/nothing;x/139****4321\"").doesNotContain("%2538%2537%2536%2535");
	}

	/**
	 * A request line Tomcat cannot parse (unencoded UTF-8, "{}", "|" or a control character in the target) leaves no
	 * URI and no header to the application: its target as Tomcat quotes it still tells an API call (a path under
	 * /api/) and which part holds the character refused — the query string or the path — in Chinese.
	 */
	@Test
	void aRequestLineTomcatCannotParseIsJudgedByItsTargetNamingTheQueryOrThePath() throws Exception {
		for (String query : List.of("/api/v1/registry/enterprises?q={x}", "/api/v1/public/outlets?region=320506&brand=顺丰",
				"/api/v1/public/outlets?region=320506&brand=a|b", "/api/v1/public/outlets?brand=a\u0001b")) {
			Answer api = sendBytes(("GET " + query + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
			assertThat(api.status()).as(query).isEqualTo(400);
			assertThat(api.head()).as(query).containsIgnoringCase("application/problem+json");
			assertThat(api.body()).as(query)
				.contains("\"title\":\"请求有误\"", "\"field\":\"query\"", "\"rule\":\"rejected\"", "查询字符串")
				.doesNotContain("请求路径");
		}
		for (String path : List.of("/api/v1/public/complaints/a\u0000b", "/api/v1/顺丰?region=320506")) {
			Answer api = sendBytes(("GET " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
			assertThat(api.status()).as(path).isEqualTo(400);
			assertThat(api.head()).as(path).containsIgnoringCase("application/problem+json");
			assertThat(api.body()).as(path).contains("\"field\":\"path\"", "请求路径含有不允许的内容");
		}
		Answer page = sendBytes("GET /public/lookup?q={x} HTTP/1.1\r\n".getBytes(StandardCharsets.UTF_8));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.head()).containsIgnoringCase("text/html");
		assertThat(page.body()).contains("<html", "data-field=\"query\"", "查询字符串");
	}

	/**
	 * An HTTP version Tomcat does not speak is its 505 in the product's words — 不支持的HTTP版本, the protocol named
	 * (field protocol, rule version) — not a 500's "系统内部错误"; the headers were read, so a client asking for JSON
	 * gets the problem off the API too.
	 */
	@Test
	void anHttpVersionTomcatDoesNotSpeakIsA505NamingTheProtocol() throws Exception {
		Answer api = send("GET /api/v1/public/outlets?region=320506 HTTP/9.9\r\n", "", new byte[0]);
		assertThat(api.status()).isEqualTo(505);
		assertThat(api.head()).containsIgnoringCase("application/problem+json");
		assertThat(api.body()).contains("\"title\":\"不支持的HTTP版本\"", "\"field\":\"protocol\"", "\"rule\":\"version\"",
				"HTTP/9.9").doesNotContain("系统内部错误");
		Answer json = send("GET /public/lookup HTTP/9.9\r\n", "Accept: application/json\r\n", new byte[0]);
		assertThat(json.status()).isEqualTo(505);
		assertThat(json.head()).containsIgnoringCase("application/problem+json");
		Answer page = send("GET /public/lookup HTTP/9.9\r\n", "Accept: text/html\r\n", new byte[0]);
		assertThat(page.status()).isEqualTo(505);
		assertThat(page.body()).contains("<html", "不支持的HTTP版本", "data-field=\"protocol\"").doesNotContain("系统内部错误");
	}

	/** Every status the error report may answer has its own Chinese title; one refusing a part names it. */
	@Test
	void everyStatusTheErrorReportAnswersHasItsOwnTitleAndNamesThePartRefused() {
		var sent = new ProductErrorReportValve.Sent("", "/api/v1/outlets", "HTTP/1.1", null, null, false);
		List<Integer> statuses = List.of(400, 404, 405, 408, 411, 413, 414, 415, 431, 500, 501, 503, 505);
		List<RequestValuesFilter.Refusal> refusals = statuses.stream()
			.map(status -> ProductErrorReportValve.refusal(status, "", sent))
			.toList();
		assertThat(refusals).extracting(RequestValuesFilter.Refusal::title).doesNotHaveDuplicates();
		assertThat(refusals).filteredOn(r -> r.status() != 500)
			.allSatisfy(r -> assertThat(r.title()).isNotEqualTo("系统内部错误"));
		assertThat(refusals).filteredOn(r -> r.status() != 500 && r.status() != 503)
			.allSatisfy(r -> assertThat(r.errors()).as(r.title()).isNotEmpty());
		assertThat(ProductErrorReportValve.refusal(414, "", sent).title()).isEqualTo("请求地址过长");
		assertThat(ProductErrorReportValve.refusal(431, "", sent).title()).isEqualTo("请求头过大");
	}

	/**
	 * A name in a form body or query whose %-escape is broken is named as sent — decoded as UTF-8 as far as it is, the
	 * rest escaped — never as Tomcat's ISO-8859-1 reading of its bytes (mojibake such as "å\u0090\u008d").
	 */
	@Test
	void aNameWithABrokenEscapeIsNamedAsSentNeverAsMojibake() throws Exception {
		String form = "Content-Type: application/x-www-form-urlencoded\r\nAccept: application/json\r\n";
		Answer escaped = send("POST /public/complaints/new HTTP/1.1\r\n", form,
				"%E5%90%8D%E7%A7%B0%zz=x&phone=13800138000".getBytes(StandardCharsets.US_ASCII));
		assertThat(escaped.status()).isEqualTo(400);
		assertThat(escaped.body()).contains("\"field\":\"名称%zz\"", "参数“名称%zz”").doesNotContain("å");
		Answer raw = send("POST /public/complaints/new HTTP/1.1\r\n", form, "名称=%zz".getBytes(StandardCharsets.UTF_8));
		assertThat(raw.status()).isEqualTo(400);
		assertThat(raw.body()).contains("\"field\":\"名称\"").doesNotContain("å");
		Answer query = send("GET /api/v1/public/outlets?region=320506&%E5%90%8D%zz=1 HTTP/1.1\r\n", "", new byte[0]);
		assertThat(query.status()).isEqualTo(400);
		assertThat(query.body()).contains("\"field\":\"名%zz\"", "参数名“名%zz”");
	}

	/**
	 * A form body sent to an endpoint that takes none — the work plan import (text/plain or .docx), an API reading
	 * JSON, by POST or PUT — is a 415 naming Content-Type, as the handler's mapping answers, before anything judges
	 * or parses the body's values.
	 */
	@Test
	void aFormBodyToAnEndpointThatTakesNoFormIsA415BeforeItsValuesAreJudged() throws Exception {
		String form = "Content-Type: application/x-www-form-urlencoded\r\n";
		byte[] body = "text=%zz&title=a%00b".getBytes(StandardCharsets.US_ASCII);
		Answer plan = send("POST /api/v1/workplans/import HTTP/1.1\r\n",
				"Authorization: Bearer demo-sz-admin-token\r\n" + form, body);
		Answer hazard = send("POST /api/v1/safety/hazards HTTP/1.1\r\n", "Authorization: Bearer demo-sf-wz-token\r\n" + form,
				body);
		// a PUT's form body is Spring's to parse (Tomcat parses a POST's only): the same — on an item of the caller's own
		// bureau (access is decided before the body's type: StepAccessFirst)
		long city = directory.principal("sz.admin").orElseThrow().bureauId();
		String code = "SZ_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
		items.add(DataScope.region("3205"), city, "苏州", new InspectionItems.ItemData(code,
				"快递柜寄存收费公示" + code.substring(3), "EXPRESS_REGULATION", 0, "OUTLET", "ON_SITE", List.of("收费标准公示")));
		Answer item = send("PUT /api/v1/inspections/items/" + code + " HTTP/1.1\r\n", "Authorization: Bearer demo-sz-admin-token\r\n" + form,
				body);
		for (Answer a : List.of(plan, hazard, item)) {
			assertThat(a.status()).as(a.body()).isEqualTo(415);
			assertThat(a.body()).contains("\"field\":\"Content-Type\"", "\"rule\":\"media-type\"")
				.doesNotContain("\"rule\":\"encoding\"");
		}
		// a page form still has its values judged
		Answer page = send("POST /public/complaints/new HTTP/1.1\r\n", form + "Accept: text/html\r\n", body);
		assertThat(page.status()).isEqualTo(400);
		// a PUT, PATCH or DELETE form body to a path or method nobody answers is never parsed: 404 or 405, no 500,
		// whoever sends it
		for (String line : List.of("PUT /login HTTP/1.1\r\n", "PATCH /api/v1/public/complaints HTTP/1.1\r\n",
				"DELETE /api/v1/no-such-thing HTTP/1.1\r\n")) {
			Answer unanswered = send(line, form + "Accept: application/json\r\n", "a=%zz".getBytes(StandardCharsets.US_ASCII));
			assertThat(unanswered.status()).as(line + unanswered.body()).isIn(401, 403, 404, 405);
		}
	}

	/**
	 * One rule tells an API client from a browser for every refusal ({@link Refusals#apiClient}): a client taking
	 * anything ({@code Accept: *}{@code /*}, as fetch and htmx send) without a token is answered with the page by the
	 * values' refusal, the firewall and a 404 alike; asking for JSON, with the problem by all three and by a
	 * controller's failure on a page's address.
	 */
	@Test
	void anyClientIsAnsweredAPageOrAProblemByOneRuleForEveryRefusal() throws Exception {
		List<String> refused = List.of("GET /public/lookup?q=%zz HTTP/1.1\r\n", "GET /outlets;x HTTP/1.1\r\n",
				"GET /public/no-such-page HTTP/1.1\r\n");
		for (String line : refused) {
			Answer anything = send(line, "Accept: */*\r\n", new byte[0]);
			assertThat(anything.status()).as(line).isIn(400, 404);
			assertThat(anything.head()).as(line).containsIgnoringCase("text/html");
			assertThat(anything.body()).as(line).contains("<html").doesNotContain("\"status\"", "timestamp");
			Answer json = send(line, "Accept: application/json\r\n", new byte[0]);
			assertThat(json.status()).as(line).isEqualTo(anything.status());
			assertThat(json.head()).as(line).containsIgnoringCase("application/problem+json");
		}
		Answer failure = send("GET /complaints/999999999 HTTP/1.1\r\n",
				"Authorization: Bearer demo-sz-admin-token\r\nAccept: application/json\r\n", new byte[0]);
		assertThat(failure.status()).isEqualTo(404);
		assertThat(failure.head()).containsIgnoringCase("application/problem+json");
	}

	/**
	 * A request line longer than Tomcat's header buffer (8 KB) leaves no URI and no header to the application: what the
	 * buffer kept of its target still tells an API call (a path under /api/) and the part too long — 414 naming the
	 * query string or the path, in Chinese — and a page's address gets the Chinese error page saying the same.
	 */
	@Test
	void aRequestLineLongerThanTomcatKeepsIsJudgedByWhatItKeptOfItsTarget() throws Exception {
		String longQuery = "/api/v1/public/outlets?region=320506&brand=" + "a".repeat(9000);
		String longPath = "/api/v1/public/complaints/" + "a".repeat(9000);
		for (String target : List.of(longQuery, longPath)) {
			Answer api = sendBytes(("GET " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
			assertThat(api.status()).as(api.body()).isEqualTo(414);
			assertThat(api.head()).containsIgnoringCase("application/problem+json");
			assertThat(api.body()).contains("\"title\":\"请求地址过长\"", "\"rule\":\"size\"")
				.doesNotContain("请求头过大").doesNotContain("a".repeat(FieldError.MAX_MESSAGE + 1));
		}
		assertThat(sendBytes(("GET " + longQuery + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII)).body())
			.contains("\"field\":\"query\"", "查询参数过长");
		assertThat(sendBytes(("GET " + longPath + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII)).body())
			.contains("\"field\":\"path\"", "请求路径过长");
		Answer page = sendBytes(
				("GET /public/lookup?q=" + "a".repeat(9000) + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
		assertThat(page.status()).isEqualTo(414);
		assertThat(page.head()).containsIgnoringCase("text/html");
		assertThat(page.body()).contains("<html", "请求地址过长", "data-field=\"query\"");
	}

	/**
	 * Whether a request is an API call is decided on its path as Tomcat and Spring route it — an escaped letter, a
	 * dot segment, a doubled slash, a path parameter, another case, a ".." back into /api/ — by every refusal: the
	 * values' (after the firewall), the firewall's and Tomcat's own; each is a problem response, never the page.
	 */
	@Test
	void anApiPathIsAnApiCallHoweverItsPathIsSpelled() throws Exception {
		for (String path : List.of("/%61pi/v1/public/outlets", "/./api/v1/public/outlets", "//api/v1/public/outlets",
				"/api;x=1/v1/public/outlets", "/API/v1/public/outlets", "/api/../api/v1/public/outlets",
				"/public/../api/v1/public/outlets")) {
			for (String line : List.of("GET " + path + "?region=320506&brand=%zz HTTP/1.1\r\n",
					"GET " + path + "%2F HTTP/1.1\r\n")) {
				Answer a = send(line, "Accept: */*\r\n", new byte[0]);
				assertThat(a.status()).as(line).isBetween(400, 499);
				assertThat(a.head()).as(line + a.body()).containsIgnoringCase("application/problem+json");
				assertThat(a.body()).as(line).contains("\"errors\":[{\"field\":");
			}
		}
		// the escaped letter passes the firewall: its query is judged and named as on /api/
		Answer escaped = send("GET /%61pi/v1/public/outlets?region=320506&brand=%zz HTTP/1.1\r\n", "Accept: */*\r\n",
				new byte[0]);
		assertThat(escaped.status()).isEqualTo(400);
		assertThat(escaped.body()).contains("\"field\":\"brand\"", "\"rule\":\"encoding\"");
		// a page's address stays a page however it is spelled
		Answer page = send("GET /%70ublic/lookup?q=%zz HTTP/1.1\r\n", "Accept: */*\r\n", new byte[0]);
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("<html");
	}

	/**
	 * Spring MVC's own refusals — a method the address does not answer (405), an Accept it cannot answer (406), a
	 * body type it does not take (415) — name the part refused and what is allowed, as every other refusal: a problem
	 * with errors for an API client, the Chinese error page with the same fields for a browser; a 405 lists the
	 * methods allowed in Allow.
	 */
	@Test
	void springsMethodAcceptAndMediaTypeRefusalsNameWhatWasRefusedAndWhatIsAllowed() throws Exception {
		Answer method = send("DELETE /api/v1/public/outlets?region=320506 HTTP/1.1\r\n", "", new byte[0]);
		assertThat(method.status()).isEqualTo(405);
		assertThat(method.head()).containsIgnoringCase("application/problem+json").containsIgnoringCase("Allow: GET");
		assertThat(method.body()).contains("\"title\":\"方法不允许\"", "\"field\":\"method\"", "\"rule\":\"method\"",
				"DELETE", "此地址支持：GET");
		Answer accept = send("GET /api/v1/public/outlets?region=320506 HTTP/1.1\r\n", "Accept: application/xml\r\n",
				new byte[0]);
		assertThat(accept.status()).isEqualTo(406);
		assertThat(accept.head()).containsIgnoringCase("application/problem+json");
		assertThat(accept.body()).contains("\"title\":\"无可接受的格式\"", "\"field\":\"Accept\"",
				"\"rule\":\"media-type\"", "application/xml", "application/json");
		Answer type = send("POST /api/v1/safety/hazards HTTP/1.1\r\n",
				"Authorization: Bearer demo-sf-wz-token\r\nContent-Type: text/plain\r\n", "x".getBytes(StandardCharsets.US_ASCII));
		assertThat(type.status()).isEqualTo(415);
		assertThat(type.body()).contains("\"field\":\"Content-Type\"", "\"rule\":\"media-type\"", "text/plain");
		Answer page = send("PUT /public/lookup HTTP/1.1\r\n",
				"Authorization: Bearer demo-sz-admin-token\r\nAccept: text/html\r\n", new byte[0]);
		assertThat(page.status()).isEqualTo(405);
		assertThat(page.head()).containsIgnoringCase("text/html").containsIgnoringCase("Allow: GET");
		assertThat(page.body()).contains("<html", "方法不允许", "data-field=\"method\"", "此地址支持：GET");
	}

	/**
	 * A POST form body to a path or method no handler answers is the route's 405 or 404, not a 400 about its values
	 * (a broken escape, a NUL) — as for PUT, PATCH and DELETE — while the sign-in form, which a filter answers, still
	 * has its values judged.
	 */
	@Test
	void aPostFormBodyToAPathOrMethodNobodyAnswersIsItsRouteNotItsValues() throws Exception {
		String form = "Content-Type: application/x-www-form-urlencoded\r\nAccept: application/json\r\n";
		for (String body : List.of("a=%zz", "a=x%00y")) {
			byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
			Answer method = send("POST /api/v1/public/outlets HTTP/1.1\r\n", form, bytes);
			assertThat(method.status()).as(body + method.body()).isEqualTo(405);
			assertThat(method.body()).contains("\"field\":\"method\"").doesNotContain("\"rule\":\"encoding\"");
			Answer nowhere = send("POST /api/v1/no-such-thing HTTP/1.1\r\n",
					"Authorization: Bearer demo-sz-admin-token\r\n" + form, bytes);
			assertThat(nowhere.status()).as(body + nowhere.body()).isEqualTo(404);
			assertThat(nowhere.body()).contains("\"rule\":\"not-found\"");
		}
		Answer signIn = send("POST /login HTTP/1.1\r\n",
				"Content-Type: application/x-www-form-urlencoded\r\nAccept: text/html\r\n",
				"username=%zz&password=x".getBytes(StandardCharsets.US_ASCII));
		assertThat(signIn.status()).isEqualTo(400);
		assertThat(signIn.body()).contains("<html", "username");
	}

	/**
	 * Through Tomcat a step runs with the request as the container parsed it — not the multipart request Spring makes of
	 * it, which MockMvc hands the step — and still a file chosen in a form the step refuses ({@code PageSteps}: the
	 * enterprise's 整改情况 reply with a blank report; the filing's 补正, the example until attack 32, now holds its files
	 * for the form's draft) is named as not kept on the page the redirect leads to.
	 */
	@Test
	void aFileChosenInAFormAStepRefusesIsNamedAsNotKeptAfterTheRedirect() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String signIn = "username=sf.wz&password=" + URLEncoder.encode(SignIn.DEMO_PASSWORD, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf(browser, "/login"), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(at("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(signIn))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
		Matcher order = Pattern.compile("/enterprise/inspections/orders/(\\d+)").matcher(browser.send(HttpRequest.newBuilder(
				at("/enterprise/inspections/orders")).build(), HttpResponse.BodyHandlers.ofString()).body());
		assertThat(order.find()).as("sf.wz has a rectification order").isTrue();
		String page = "/enterprise/inspections/orders/" + order.group(1);
		HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(at(page + "/reply"))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.header("X-CSRF-TOKEN", csrf(browser, page))
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart("evidence", "evidence.pdf", PdfFiles.blankPage())))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(302);
		URI back = at(page).resolve(refused.headers().firstValue("Location").orElseThrow());
		assertThat(back.getPath()).isEqualTo(page);
		var shown = Jsoup.parse(browser.send(HttpRequest.newBuilder(back).build(), HttpResponse.BodyHandlers.ofString()).body());
		assertThat(shown.select("#errors li")).as("refused by the step").isNotEmpty();
		assertThat(shown.select("#errors li[data-field=evidence]").text()).isEqualTo("所选文件未保留，再次提交时请重新选择");
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

	/** The CSRF token {@code browser} is given on {@code page}. */
	private String csrf(HttpClient browser, String page) throws Exception {
		Matcher token = CSRF.matcher(browser.send(HttpRequest.newBuilder(at(page)).build(), HttpResponse.BodyHandlers.ofString())
			.body());
		assertThat(token.find()).as("CSRF token on " + page).isTrue();
		return token.group(1);
	}

	/** {@code path} on the running server. */
	private URI at(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	static final String BOUNDARY = "----youguan-boundary";

	static byte[] multipart(String field, byte[] content) {
		return multipart(field, "big.png", content);
	}

	static byte[] multipart(String field, String fileName, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field
				+ "\"; filename=\"" + fileName + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(content);
		out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	/** A GET whose request line is given as raw bytes. */
	Answer sendBytes(byte[] requestLine) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(requestLine);
				out.write("Host: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
			catch (IOException ex) {
				// the server may answer a line longer than its buffer and close before reading the rest (a broken
				// pipe here now and then): its answer is what counts
			}
			String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int end = raw.indexOf("\r\n\r\n");
			String head = end < 0 ? raw : raw.substring(0, end);
			return new Answer(Integer.parseInt(head.substring(9, 12)), head, end < 0 ? "" : raw.substring(end + 4));
		}
	}

	/** One request on its own connection, bytes as given; the whole answer. */
	Answer send(String requestLine, String headers, byte[] body) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			String contentType = body.length > 0 && !headers.contains("Content-Type")
					? "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n" : "";
			out.write((requestLine + "Host: localhost\r\nConnection: close\r\n" + headers + contentType
					+ (body.length > 0 || requestLine.startsWith("POST") ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			try {
				out.write(body);
				out.flush();
			}
			catch (IOException ex) {
				// the server may answer and close before reading an oversized body: its answer is what counts
			}
			InputStream in = socket.getInputStream();
			String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int end = raw.indexOf("\r\n\r\n");
			String head = end < 0 ? raw : raw.substring(0, end);
			return new Answer(Integer.parseInt(head.substring(9, 12)), head, end < 0 ? "" : raw.substring(end + 4));
		}
	}
}
