package org.youguan.web;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.PageSteps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A page form whose values cannot even be bound — a choice none of the offered, text in a number field, a date that is
 * none, a required field left out — comes back as a refused form does (kernel.FormSteps): the form again, 400, the
 * field named with its rule and the values as typed; a record that is not there is 404 before its form's values are
 * judged; and no page POST answers such a value with a server error or a page that looks saved.
 */
@IntegrationTest
class PageFormBindingIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private static String unique() {
		return org.youguan.RandomDigits.of(8);
	}

	private MockHttpServletResponse licence(MockHttpSession staff, String path, String... values) throws Exception {
		MockHttpServletRequestBuilder request = post(path).session(staff).with(csrf());
		for (int i = 0; i < values.length; i += 2) {
			request.param(values[i], values[i + 1]);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	/**
	 * A new licence whose {@code field} is {@code value}: the form again in 400, the error on the field (rule
	 * {@code format}) saying {@code says}, the typed number kept.
	 */
	private void licenceFormRefuses(String field, String value, String says) throws Exception {
		String number = "绑定" + unique();
		Map<String, String> values = new LinkedHashMap<>(Map.of("creditCode", "91320506MA1NOPE00X", "number",
				number, "licenceScope", "CITY", "issuingBureauName", "江苏省邮政管理局", "issuedOn", "2025-01-01"));
		values.put(field, value);
		// a user who may register licences: their issuing authority's level, or the system administrator (邮政法 art.53)
		MockHttpServletResponse answer = licence(SignIn.session(mvc, "sys.admin"), "/registry/licences/new",
				values.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray(String[]::new));
		assertThat(answer.getStatus()).isEqualTo(400);
		Document page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("form[action=/registry/licences/new]")).as("the form again").hasSize(1);
		assertThat(page.select("#errors li[data-field=" + field + "][data-rule=format]").text()).contains(says);
		assertThat(page.select("input[name=number]").attr("value")).isEqualTo(number);
	}

	@Test
	void aChoiceNoneOfTheOfferedComesBackAsTheFormIn400NamingTheField() throws Exception {
		licenceFormRefuses("licenceScope", "BOGUS", "可选值");
	}

	@Test
	void aDateThatIsNoneComesBackAsTheFormIn400NamingTheField() throws Exception {
		licenceFormRefuses("issuedOn", "2025-99-99", "应为实际存在的日期");
	}

	@Test
	void aRequiredFieldLeftOutComesBackAsTheFormIn400NamingTheField() throws Exception {
		MockHttpServletResponse answer = licence(SignIn.session(mvc, "sys.admin"), "/registry/licences/new", "creditCode",
				"91320506MA1NOPE00X", "licenceScope", "CITY", "issuedOn", "2025-01-01");
		assertThat(answer.getStatus()).isEqualTo(400);
		Document page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("form[action=/registry/licences/new]")).hasSize(1);
		assertThat(page.select("#errors li[data-field=number][data-rule=required]")).hasSize(1);
		assertThat(page.select("input[name=creditCode]").attr("value")).isEqualTo("91320506MA1NOPE00X");
	}

	@Test
	void textInANumberFieldComesBackAsTheFormIn400NamingTheField() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		String name = "令牌" + unique();
		MockHttpServletResponse answer = mvc.perform(post("/account/tokens").session(admin).with(csrf()).param("name", name)
			.param("validDays", "abc")).andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(400);
		Document page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("form[action=/account/tokens]")).isNotEmpty();
		assertThat(page.select("#errors li[data-field=validDays][data-rule=format]").text()).contains("应为整数");
	}

	@Test
	void aFormObjectWithTextInItsNumberAndChoiceFieldsComesBackAsTyped() throws Exception {
		String name = "绑定企业" + unique();
		MockHttpServletResponse answer = licence(SignIn.session(mvc, "sz.market"), "/registry/enterprises/new",
				"legalName", name, "creditCode", "91350100M000100Y44", "type", "BOGUS", "brandId", "abc",
				"regionCode", "320506");
		assertThat(answer.getStatus()).isEqualTo(400);
		Document page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("form[action=/registry/enterprises/new]")).hasSize(1);
		assertThat(page.select("#errors li[data-field=brandId][data-rule=format]").text()).contains("品牌编号应为正整数（至多19位）");
		assertThat(page.select("#errors li[data-field=type][data-rule=format]").text()).contains("可选值");
		assertThat(page.select("input[name=legalName]").attr("value")).isEqualTo(name);
	}

	/**
	 * A form whose handler takes request parameters and shows them in a form object (the user form) comes back with what
	 * was typed, not the blank or stored form its GET shows; what the form does not post (an account's username when it
	 * is edited) stays as the page shows it, the value that cannot be bound empty.
	 */
	@Test
	void aRequestParameterFormWhoseChoiceCannotBeBoundComesBackAsTyped() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		String username = "typed" + unique();
		String name = "回填姓名" + unique();
		MockHttpServletResponse answer = mvc.perform(post("/admin/users/new").session(admin).with(csrf())
			.param("username", username).param("displayName", name).param("kind", "BOGUS").param("roles", "STAFF"))
			.andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(400);
		Document page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#errors li[data-field=kind][data-rule=format]")).hasSize(1);
		assertThat(page.select("form[action=/admin/users/new] input[name=username]").attr("value")).isEqualTo(username);
		assertThat(page.select("form[action=/admin/users/new] input[name=displayName]").attr("value")).isEqualTo(name);
		assertThat(page.select("input[name=roles][checked]").eachAttr("value")).containsExactly("STAFF");
		assertThat(page.select("input[name=kind][checked]")).as("the unbindable value").isEmpty();

		long office = jdbc.sql("select id from user_account where username = 'sz.office'").query(Long.class).single();
		String edited = "回填姓名" + unique();
		answer = mvc.perform(post("/admin/users/" + office + "/edit").session(admin).with(csrf())
			.param("displayName", edited).param("bureauId", "abc").param("roles", "STAFF")).andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(400);
		page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#errors li[data-field=bureauId][data-rule=format]")).hasSize(1);
		assertThat(page.select("input[name=displayName]").attr("value")).isEqualTo(edited);
		assertThat(page.select("input[name=username]").attr("value")).isEqualTo("sz.office");
	}

	@Test
	void aRecordThatIsNotThereIs404BeforeItsFormsValuesAreJudged() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		// no number (required), an unreadable date: the licence's absence decides first
		assertThat(licence(staff, "/registry/licences/999999999/edit", "issuedOn", "abc").getStatus()).isEqualTo(404);
		// a step of the record's page (no reason given): its page decides first too
		assertThat(licence(staff, "/registry/licences/999999999/cancel").getStatus()).isEqualTo(404);
	}

	@Test
	void aRefusalNamingNoFieldIsShownOnceOnTheErrorPage() throws Exception {
		// a bureau administrator opening the account of its leader, whose role it lacks: 403 on the request as a whole
		long leader = jdbc.sql("select id from user_account where username = 'sz.leader'").query(Long.class).single();
		MockHttpServletResponse answer = mvc.perform(get("/admin/users/" + leader + "/edit")
			.session(SignIn.session(mvc, "sz.admin"))).andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(403);
		Document page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
		String detail = page.select("#error-detail").text();
		assertThat(detail).contains("无权管理");
		// its field and rule stay readable, not shown a second time
		assertThat(page.select("li[hidden][data-field=request][data-rule=forbidden]")).hasSize(1);
		page.select("[hidden]").remove();
		assertThat(page.select("main").text().split(Pattern.quote(detail), -1)).as("shown once").hasSize(2);
	}

	/**
	 * Every page POST (a {@code @Controller}'s, not an API's) given text for each of its number, choice and date fields
	 * in turn answers 4xx — never a server error, never a page in 200 as if saved.
	 */
	@TestFactory
	Stream<DynamicTest> everyPagePostAnswersAValueOfTheWrongShapeWith4xx() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		List<DynamicTest> tests = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : pagePosts()) {
			HandlerMethod handler = e.getValue();
			String path = concrete(e.getKey().getPatternValues().iterator().next());
			MockHttpSession session = path.startsWith("/enterprise") ? enterprise : staff;
			for (String field : typedFields(handler)) {
				tests.add(DynamicTest.dynamicTest("POST " + path + " " + field + "=abc", () -> {
					MockHttpServletRequestBuilder request = post(path).session(session).with(csrf()).param(field, "abc");
					// every other text parameter filled, so the value of the wrong shape is what is judged
					texts(handler).forEach(text -> request.param(text, "x"));
					var result = mvc.perform(request).andReturn();
					// a step refused to this account's role or team goes back to the record's page with its 403 flashed
					// (RequestRefusals.backToRecordPage): a refusal, as a 4xx is
					Object flashed = result.getFlashMap() == null ? null : result.getFlashMap().get(PageSteps.REFUSED_STATUS);
					int status = flashed instanceof Integer refused ? refused : result.getResponse().getStatus();
					assertThat(status).as(path + " " + field).isBetween(400, 499);
				}));
			}
		}
		assertThat(tests).hasSizeGreaterThan(50);
		return tests.stream();
	}

	/**
	 * Every page form the page shows again after a value that cannot be bound (text in its first number, choice or date
	 * field) gives back the text typed in each of its text fields: no form comes back blank. A form is judged for the
	 * first account, of the bureau's and the system's administrator, staff and leader (enterprise pages: the two
	 * enterprises), whose
	 * answer shows it (a form the account may not use, or on a record {@code 1} that is not there or not at its step, is
	 * not shown and has nothing to keep); the last test checks that each kind of form was judged, so the walk cannot
	 * pass by judging none.
	 */
	@TestFactory
	Stream<DynamicTest> everyPageFormShownAgainForAValueThatCannotBeBoundKeepsTheTextTyped() throws Exception {
		List<MockHttpSession> staff = List.of(SignIn.session(mvc, "sz.admin"), SignIn.session(mvc, "sys.admin"),
				SignIn.session(mvc, "wz.staff"), SignIn.session(mvc, "wz.leader"));
		List<MockHttpSession> enterprises = List.of(SignIn.session(mvc, "sf.wz"), SignIn.session(mvc, "yz.sz"));
		List<String> judged = new ArrayList<>();
		List<DynamicTest> tests = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : pagePosts()) {
			HandlerMethod handler = e.getValue();
			String path = concrete(e.getKey().getPatternValues().iterator().next());
			List<String> typedFields = typedFields(handler);
			// a region is a code chosen in a picker, not free text: one that names no region is 404 before any field
			// (StepAccess.ofRegionInScope), so it is left out here
			List<String> texts = freeTexts(handler).stream().filter(t -> !REGION_CODES.contains(t)).toList();
			if (typedFields.isEmpty() || texts.isEmpty()) {
				continue;
			}
			tests.add(DynamicTest.dynamicTest("POST " + path + " " + typedFields.get(0) + "=abc keeps " + texts, () -> {
				String typed = "回填" + unique();
				for (MockHttpSession session : path.startsWith("/enterprise") ? enterprises : staff) {
					MockHttpServletRequestBuilder request = post(path).session(session).with(csrf())
						.param(typedFields.get(0), "abc");
					texts.forEach(text -> request.param(text, typed));
					MockHttpServletResponse answer = mvc.perform(request).andReturn().getResponse();
					Element form = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8))
						.selectFirst("main form[action=\"" + path + "\"]");
					if (answer.getStatus() != 400 || form == null) {
						continue;
					}
					for (String text : texts) {
						for (Element field : form.select("textarea[name=" + text + "], input[name=" + text + "]")) {
							// a read-only field shows what the record fixes (an account's username on its edit), nothing typed
							if (!HIDDEN.contains(field.attr("type")) && !field.hasAttr("readonly")) {
								assertThat(field.tagName().equals("textarea") ? field.wholeText() : field.attr("value"))
									.as(path + " " + text).isEqualTo(typed);
							}
						}
					}
					judged.add(path);
					return;
				}
			}));
		}
		tests.add(DynamicTest.dynamicTest("every kind of page form was judged", () -> {
			// a record form (@ModelAttribute), a request-parameter form object, a page reading the parameters, a form
			// of a page of several forms
			assertThat(judged).contains("/registry/enterprises/new", "/admin/users/new", "/universal/plans",
					"/enterprise/post-offices/hours", "/enterprise/post-offices/suspensions");
			assertThat(judged).hasSizeGreaterThan(20);
		}));
		return tests.stream();
	}

	/** The parameters naming a region by its code. */
	private static final Set<String> REGION_CODES = Set.of("region", "regionCode");

	/** Inputs that show no text typed. */
	private static final Set<String> HIDDEN = Set.of("hidden", "file", "checkbox", "radio", "password", "submit");

	/** Every page POST: a {@code @Controller}'s that writes no body, not an API's nor the sign-in's. */
	private List<Map.Entry<RequestMappingInfo, HandlerMethod>> pagePosts() {
		List<Map.Entry<RequestMappingInfo, HandlerMethod>> posts = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = e.getValue();
			String path = e.getKey().getPatternValues().iterator().next();
			if (e.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST)
					&& AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), Controller.class)
					&& !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
					&& !handler.hasMethodAnnotation(ResponseBody.class) && !path.startsWith("/api/")
					&& !path.equals("/login") && !path.equals("/logout")) {
				posts.add(e);
			}
		}
		return posts;
	}

	/** The handler's free-text values: request parameters and form objects' components that are text. */
	private static List<String> freeTexts(HandlerMethod handler) {
		List<String> names = new ArrayList<>(texts(handler));
		for (MethodParameter p : handler.getMethodParameters()) {
			if (p.hasParameterAnnotation(ModelAttribute.class) && p.getParameterType().isRecord()) {
				for (RecordComponent c : p.getParameterType().getRecordComponents()) {
					if (c.getType() == String.class) {
						names.add(c.getName());
					}
				}
			}
		}
		return names;
	}

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");

	/** A pattern's address with each variable filled: the first choice its pattern allows, else 1. */
	private static String concrete(String pattern) {
		Matcher m = VARIABLE.matcher(pattern);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String regex = m.group(2);
			String value = regex == null || regex.contains("\\d") ? "1" : regex.split("\\|")[0].replaceAll("[^\\w-]", "");
			m.appendReplacement(out, value.isEmpty() ? "1" : value);
		}
		return m.appendTail(out).toString();
	}

	/** The handler's parameters (request parameters, form objects' components) that are a number, choice or date. */
	private static List<String> typedFields(HandlerMethod handler) {
		List<String> fields = new ArrayList<>();
		for (MethodParameter p : handler.getMethodParameters()) {
			RequestParam param = p.getParameterAnnotation(RequestParam.class);
			Class<?> type = p.getParameterType();
			if (param != null && typed(type)) {
				fields.add(name(param, p));
			}
			else if (p.hasParameterAnnotation(ModelAttribute.class) && type.isRecord()) {
				for (RecordComponent c : type.getRecordComponents()) {
					if (typed(c.getType())) {
						fields.add(c.getName());
					}
				}
			}
		}
		return fields;
	}

	/** The handler's request parameters that are text. */
	private static List<String> texts(HandlerMethod handler) {
		List<String> names = new ArrayList<>();
		for (MethodParameter p : handler.getMethodParameters()) {
			RequestParam param = p.getParameterAnnotation(RequestParam.class);
			if (param != null && p.getParameterType() == String.class) {
				names.add(name(param, p));
			}
		}
		return names;
	}

	private static String name(RequestParam param, MethodParameter p) {
		return !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : p.getParameterName();
	}

	private static boolean typed(Class<?> type) {
		return type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type) || type.isEnum()
				|| Temporal.class.isAssignableFrom(type) || type == LocalDate.class;
	}
}
