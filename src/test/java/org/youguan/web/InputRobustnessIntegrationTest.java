package org.youguan.web;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.youguan.kernel.PageSteps;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.Text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Walks every endpoint the application maps (read from the handler mappings, so a new one is covered without editing
 * this test) and sends the bad-value corpus in each parameter it declares (and in q/sort/dir/page/size), in each JSON
 * field of its body and in each header it reads, signed in as a caller it admits: NUL and undecodable %-sequences
 * must be refused with 400 naming the parameter; numbers out of range ({@code 1e309}, 20 digits, NaN), over-long
 * text and implausible dates must never give a 5xx, and a number or date parameter refuses them with 400 naming it.
 * Every request runs in a transaction that is rolled back, so nothing the walk does stays.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputRobustnessIntegrationTest {

	static final String NUL = "a\u0000b";

	static final List<String> BAD_ENCODINGS = List.of("%zz", "%E4%B8");

	/** Out of range for a number parameter; a text parameter gets the first only (and the over-long text). */
	static final List<String> OVERFLOW = List.of("1e309", "-99999999999999999999", "NaN");

	/** Whole numbers a number parameter reads fine but that no year, page or id can be. */
	static final List<String> INT_EDGES = List.of("2147483647", "-2147483648");

	static final String LONG = "长".repeat(3000);

	static final String ANCIENT = "0001-01-01";

	static final Set<String> LIST_PARAMETERS = Set.of("q", "sort", "dir", "page", "size");

	static final Set<Class<?>> NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class, double.class,
			Double.class, float.class, Float.class, BigDecimal.class);

	static final Pattern LINK = Pattern.compile("(?:href|action|hx-get|hx-post)=\"(/[^\"#?]*)");

	/**
	 * The ids of a list's items (a page {@code {"items":[{"id":…},{"id":…}]}} or a bare list {@code [{"id":…}]}) or of a
	 * single object, each the first field of its object: not any {@code "id"} in the answer — an item's nested bureau, enterprise or document has one too, and
	 * a step posted to such an id is refused (404) before its fields are read.
	 */
	static final Pattern JSON_ID = Pattern.compile("(?:^\\{\"items\":\\[|^\\[|^|\\},)\\{\"id\":(\\d+)");

	static final Pattern JSON_KEY = Pattern.compile("\"key\":\"([a-z]+/[a-z0-9-]+)\"");

	/** Who calls: a session for pages, a token for the API; tried in this order until one is admitted. */
	enum Caller {

		SYSTEM("sys.admin", "demo-sys-admin-token"), CITY("sz.admin", "demo-sz-admin-token"),
		MARKET("sz.market", "demo-sz-market-token"), COUNTY("wz.staff", "demo-wz-staff-token"),
		ENTERPRISE("sf.wz", "demo-sf-wz-token"),
		// the county's head before the city's: a county case's head steps are its own head's, decided before any field
		// is read (StepAccessFirst), so the city's head is refused them before the corpus reaches the fields
		COUNTY_LEADER("wz.leader", "demo-wz-leader-token"), LEADER("sz.leader", "demo-sz-leader-token"),
		// the 建制村 portal admits a postal enterprise's users only
		POSTAL("yz.sz", "demo-yz-sz-token"),
		// the province's case handler: licences are the provincial bureau's work, which no 系统管理员 does
		PROVINCE("js.market", "demo-js-market-token"), ANONYMOUS(null, null);

		final String user;

		final String token;

		Caller(String user, String token) {
			this.user = user;
			this.token = token;
		}
	}

	record Param(String name, Class<?> type, boolean required) {

		/** A plausible value, sent when another parameter carries the corpus so this one does not fail first. */
		String plausible() {
			if (NUMBERS.contains(type)) {
				return "1";
			}
			if (type == LocalDate.class) {
				return "2026-01-05";
			}
			if (name.equals("region") || name.equals("regionCode")) {
				return "3205"; // a region code: a value of another shape is refused before the other parameters
			}
			if (type.isEnum()) {
				return String.valueOf(type.getEnumConstants()[0]);
			}
			return type == boolean.class || type == Boolean.class ? "false" : "x";
		}
	}

	/** @param consumes the first body type the mapping declares ({@code consumes}), null when it declares none */
	record Endpoint(String method, String pattern, PathPattern path, HandlerMethod handler, List<Param> params,
			Class<?> body, List<String> headers, boolean multipart, MediaType consumes) {

		boolean api() {
			return pattern.startsWith("/api/");
		}

		@Override
		public String toString() {
			return method + " " + pattern;
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TransactionTemplate tx;

	final Map<Caller, MockHttpSession> sessions = new LinkedHashMap<>();

	final AtomicInteger clients = new AtomicInteger();

	/** Concrete paths seen in pages and lists, and who saw them. */
	final Map<String, Caller> seen = new LinkedHashMap<>();

	final Set<String> visited = new LinkedHashSet<>();

	/** A form as a page shows it: where it posts, its fields filled in as shown, and who saw it. */
	record Form(Endpoint endpoint, String action, boolean multipart, List<Element> fields,
			List<Map.Entry<String, String>> data, Caller caller) {
	}

	/** The first form seen per endpoint it posts to. */
	final Map<String, Form> forms = new LinkedHashMap<>();

	List<Endpoint> endpoints;

	List<Endpoint> walked() throws Exception {
		if (endpoints == null) {
			endpoints = endpoints();
			crawl(endpoints);
		}
		return endpoints;
	}

	/**
	 * Every parameter and every field of a request body has the label its refusals name it by ({@link FieldLabels}):
	 * without one, a refusal no module words (a character not allowed, a number of the wrong shape) said
	 * "参数“comment”" or "字段“compensation”" to a Chinese user (attack round 14).
	 */
	@Test
	void everyParameterAndBodyFieldHasAChineseLabel() {
		Set<String> missing = new TreeSet<>();
		for (Endpoint e : endpoints()) {
			e.params().forEach(p -> {
				if (FieldLabels.of(p.name()) == null) {
					missing.add(p.name() + " (" + e + ")");
				}
			});
			if (e.body() != null && e.body().isRecord()) {
				for (RecordComponent c : e.body().getRecordComponents()) {
					if (FieldLabels.of(c.getName()) == null) {
						missing.add(c.getName() + " (" + e.body().getSimpleName() + ")");
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> everyEndpointRefusesTheBadValueCorpusWithoutAServerError() throws Exception {
		List<Endpoint> all = walked();
		assertThat(all).as("the walk found the application's endpoints").hasSizeGreaterThan(150);
		return all.stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> walk(e)));
	}

	/**
	 * The filters a list or figures page takes, each with values no list can show (a region that is no code or no
	 * region, a period that runs backwards by day and by month, a month 13, a year 1900, a page below 0, an empty page
	 * size, an order no list has, a search over 100 characters, a choice none of the offered).
	 */
	static final Map<String, List<Map<String, String>>> BAD_FILTERS = Map.ofEntries(
			Map.entry("region", List.of(Map.of("region", "abc"), Map.of("region", "999999"))),
			Map.entry("from", List.of(Map.of("from", "2026-11-30", "to", "2026-01-01"), Map.of("from", "2026-11", "to", "2026-01"),
					Map.of("from", "2026-13"), Map.of("from", ANCIENT))),
			Map.entry("month", List.of(Map.of("month", "2026-13"))), Map.entry("period", List.of(Map.of("period", "2026-13"))),
			Map.entry("year", List.of(Map.of("year", "1900"))), Map.entry("page", List.of(Map.of("page", "-1"))),
			Map.entry("size", List.of(Map.of("size", "0"))), Map.entry("sort", List.of(Map.of("sort", "bogus"))),
			Map.entry("q", List.of(Map.of("q", "字".repeat(101)))), Map.entry("query", List.of(Map.of("query", "字".repeat(101)))),
			Map.entry("status", List.of(Map.of("status", "BOGUS"))), Map.entry("level", List.of(Map.of("level", "BOGUS"))));

	/**
	 * Every list and figures page (and API list) a demo caller reads without parameters, sent a bad value of each filter
	 * it binds ({@link #BAD_FILTERS}; a number filter — an enterprise's or bureau's id — text), and {@code region=abc}
	 * and {@code region=999999} whether it binds a region or not: a page answers with itself again in 400, the message
	 * beside the filters ({@code #errors} naming the filter), never the bare error page — a region outside the caller's
	 * scope alone is 403; an API list answers 400 naming the parameter. One behaviour for one value on every page.
	 */
	@TestFactory
	Stream<DynamicTest> everyListPageShowsABadFilterBesideItsFilters() throws Exception {
		List<Endpoint> lists = endpoints().stream()
			.filter(e -> e.method().equals("GET") && !e.pattern().contains("{") && !e.pattern().matches(".*\\.(xlsx|docx|csv|txt|json|zip|pdf)$")
					&& !e.pattern().equals("/login") && !e.pattern().equals("/error"))
			.toList();
		return lists.stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> badFilters(e)));
	}

	void badFilters(Endpoint e) throws Exception {
		Caller caller = null;
		for (Caller c : Caller.values()) {
			MockHttpServletResponse r = perform(request("GET", e.pattern(), c, e.api()));
			if (r.getStatus() == 200) {
				String body = r.getContentAsString(StandardCharsets.UTF_8);
				if (e.api() ? body.startsWith("{") || body.startsWith("[") : body.contains("<html")) {
					caller = c;
				}
				break;
			}
		}
		if (caller == null) {
			return; // no page at its defaults for any demo caller (a fragment, a page that needs its parameters)
		}
		Set<String> bound = new LinkedHashSet<>(HandlerQueryParameters.read(e.handler()).names());
		List<Map<String, String>> cases = new ArrayList<>();
		for (String name : bound) {
			cases.addAll(BAD_FILTERS.getOrDefault(name, List.of()));
			e.params().stream().filter(p -> p.name().equals(name) && NUMBERS.contains(p.type())).findFirst()
				.ifPresent(p -> cases.add(Map.of(name, "abc")));
		}
		if (!bound.contains("region") && !e.api()) {
			cases.addAll(BAD_FILTERS.get("region"));
		}
		List<String> failures = new ArrayList<>();
		for (Map<String, String> bad : cases) {
			MockHttpServletRequestBuilder b = request("GET", e.pattern(), caller, e.api());
			bad.forEach(b::param);
			MockHttpServletResponse r = perform(b);
			String body = r.getContentAsString(StandardCharsets.UTF_8);
			String what = e + " " + new TreeSet<>(bad.keySet()) + "=" + shorten(String.valueOf(bad.values())) + " as " + caller;
			if (r.getStatus() == 403 && bad.containsKey("region") && excerpt(r).contains("数据权限")) {
				continue; // a region outside the caller's scope: refused before the list, wherever it is sent
			}
			if (r.getStatus() != 400) {
				failures.add(what + " → " + r.getStatus() + " (must answer 400) " + excerpt(r));
				continue;
			}
			if (e.api()) {
				if (bad.keySet().stream().noneMatch(n -> body.contains("\"field\":\"" + n + "\""))) {
					failures.add(what + " → 400 naming none of them " + excerpt(r));
				}
				continue;
			}
			var page = Jsoup.parse(body);
			if (!page.select("#error-detail").isEmpty()
					|| bad.keySet().stream().noneMatch(n -> !page.select("#errors li[data-field=" + n + "]").isEmpty())) {
				failures.add(what + " → the error page, not the list with the message beside its filters: " + excerpt(r));
			}
		}
		assertThat(failures).isEmpty();
	}

	/**
	 * Every form the pages show, posted as shown with one field changed at a time: over-long text, an out-of-range
	 * number, an implausible date or an unticked checkbox never give a 5xx, and an implausible date is never saved.
	 */
	@TestFactory
	Stream<DynamicTest> everyFormWithOneBadFieldAnswersWithoutAServerError() throws Exception {
		walked();
		assertThat(forms).as("the walk found the application's forms").hasSizeGreaterThan(30);
		return forms.values().stream().map(f -> DynamicTest.dynamicTest(f.endpoint() + " (from a page)", () -> post(f)));
	}

	void post(Form form) throws Exception {
		List<String> failures = new ArrayList<>();
		Set<String> done = new LinkedHashSet<>();
		for (Element field : form.fields()) {
			String name = field.attr("name");
			String type = field.tagName().equals("input") ? field.attr("type").toLowerCase(Locale.ROOT) : field.tagName();
			if (name.isEmpty() || name.equals("_csrf") || type.equals("file") || type.equals("submit") || type.equals("hidden")
					|| !done.add(name + "|" + type)) {
				continue;
			}
			String shown = form.data().stream().filter(d -> d.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse("");
			List<String> values = new ArrayList<>();
			if (type.equals("checkbox") || type.equals("radio")) {
				values.add(null);
			}
			else if (type.equals("date") || shown.matches("\\d{4}-\\d{2}-\\d{2}")) {
				values.add(ANCIENT);
				values.add("9999-12-31");
			}
			else {
				values.add(LONG);
				values.add("1e309");
				values.add("99999999999999999999");
			}
			for (String value : values) {
				AbstractMockHttpServletRequestBuilder<?> b = form.multipart()
						? MockMvcRequestBuilders.multipart(form.action()) : MockMvcRequestBuilders.post(form.action());
				authenticate(b, form.caller(), false);
				b.with(csrf());
				for (Map.Entry<String, String> d : form.data()) {
					if (!d.getKey().equals(name) && !d.getKey().equals("_csrf")) {
						b.param(d.getKey(), d.getValue());
					}
				}
				if (value != null) {
					b.param(name, value);
				}
				MockHttpServletResponse r = perform(b);
				String what = name + "=" + (value == null ? "(unticked)" : shorten(value));
				if (r.getStatus() >= 500 || excerpt(r).contains(DATABASE_REFUSAL)) {
					failures.add(form.action() + " " + what + " → " + r.getStatus() + " " + excerpt(r));
				}
				if (value != null && value.matches("\\d{4}-\\d{2}-\\d{2}") && r.getStatus() == 302 && !String.valueOf(r.getRedirectedUrl()).contains("/login")) {
					failures.add(form.action() + " " + what + " → saved (redirect to " + r.getRedirectedUrl() + "), must be refused");
				}
			}
		}
		assertThat(failures).as(form.caller() + " posting the form of " + form.action()).isEmpty();
	}

	/** Every handler of the application's own controllers, with what it reads from the request. */
	List<Endpoint> endpoints() {
		List<Endpoint> result = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = m.getValue();
			if (!handler.getBeanType().getName().startsWith("org.youguan")) {
				continue;
			}
			Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
			List<Param> params = new ArrayList<>();
			List<String> headers = new ArrayList<>();
			Class<?> body = null;
			boolean multipart = false;
			for (MethodParameter p : handler.getMethodParameters()) {
				p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
				Class<?> type = p.getParameterType();
				RequestParam rp = p.getParameterAnnotation(RequestParam.class);
				RequestHeader rh = p.getParameterAnnotation(RequestHeader.class);
				if (MultipartFile.class.isAssignableFrom(type) || p.getGenericParameterType().getTypeName().contains("MultipartFile")) {
					multipart = true;
				}
				else if (rh != null) {
					headers.add(!rh.name().isEmpty() ? rh.name() : !rh.value().isEmpty() ? rh.value() : p.getParameterName());
				}
				else if (p.hasParameterAnnotation(RequestBody.class)) {
					body = type;
				}
				else if (p.hasParameterAnnotation(RequestPart.class)) {
					// a JSON part of a multipart request (its own test sends bad values in it): refused without multipart
					multipart = true;
				}
				else if (rp != null) {
					if (!Map.class.isAssignableFrom(type)) {
						params.add(new Param(!rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName(),
								type, rp.required() && rp.defaultValue().equals(ValueConstants.DEFAULT_NONE)
										&& type != Optional.class));
					}
				}
				else if (type.isRecord() && (p.hasParameterAnnotation(ModelAttribute.class)
						|| !p.hasParameterAnnotation(AuthenticationPrincipal.class) && type.getName().startsWith("org.youguan")
								&& !type.getName().endsWith("DataScope") && !type.getName().endsWith("CurrentUser"))) {
					for (RecordComponent c : type.getRecordComponents()) {
						params.add(new Param(c.getName(), c.getType(), false));
					}
				}
			}
			for (String pattern : m.getKey().getPatternValues()) {
				PathPattern path = m.getKey().getPathPatternsCondition().getPatterns().stream()
					.filter(pp -> pp.getPatternString().equals(pattern))
					.findFirst()
					.orElseThrow();
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					if (pattern.equals("/logout")) {
						continue;
					}
					MediaType consumes = m.getKey().getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
						.orElse(null);
					result.add(new Endpoint(method.name(), pattern, path, handler, params, body, headers, multipart, consumes));
					if (handler.hasMethodAnnotation(org.youguan.kernel.PageFragment.class)) {
						FRAGMENTS.add(path);
					}
				}
			}
		}
		result.sort(Comparator.comparing(Endpoint::toString));
		return result;
	}

	/** Reads every page and list without path variables as each caller, then the pages those link to. */
	void crawl(List<Endpoint> endpoints) throws Exception {
		List<Endpoint> gets = endpoints.stream().filter(e -> e.method().equals("GET")).toList();
		for (Endpoint e : gets) {
			if (!e.pattern().contains("{")) {
				collect(e.pattern());
			}
		}
		for (int round = 0; round < 2; round++) {
			for (Endpoint e : gets) {
				if (e.pattern().contains("{")) {
					String path = concrete(e);
					if (path != null) {
						collect(path);
					}
				}
			}
		}
	}

	void collect(String path) throws Exception {
		if (path.endsWith(".xlsx") || path.endsWith(".docx") || path.contains("/attachments/") || !visited.add(path)) {
			return;
		}
		for (Caller caller : Caller.values()) {
			MockHttpServletResponse r = perform(request("GET", path, caller, false));
			if (admitted(r)) {
				seen.putIfAbsent(path, caller);
				String content = r.getContentAsString(StandardCharsets.UTF_8);
				Matcher links = LINK.matcher(content);
				while (links.find()) {
					seen.putIfAbsent(links.group(1), caller);
				}
				if (!path.startsWith("/api/") && content.contains("<form")) {
					forms(content, caller);
				}
				if (path.startsWith("/api/")) {
					Matcher ids = JSON_ID.matcher(content);
					for (int n = 0; ids.find() && n < 12; n++) {
						seen.putIfAbsent(path + "/" + ids.group(1), caller);
					}
					// objects named by a key rather than an id (a document template: "key":"enforcement/decision")
					Matcher keys = JSON_KEY.matcher(content);
					for (int n = 0; keys.find() && n < 3; n++) {
						seen.putIfAbsent(path + "/" + keys.group(1), caller);
					}
				}
				return;
			}
		}
	}

	void forms(String html, Caller caller) {
		for (Element f : Jsoup.parse(html).select("form[method=post]")) {
			String action = f.attr("action");
			if (!action.startsWith("/") || action.startsWith("/logout")) {
				continue;
			}
			String path = action.contains("?") ? action.substring(0, action.indexOf('?')) : action;
			endpoints.stream()
				.filter(e -> e.method().equals("POST") && e.path().matches(PathContainer.parsePath(path)))
				.findFirst()
				.ifPresent(e -> forms.computeIfAbsent(e.toString(), k -> new Form(e, path,
						f.attr("enctype").toLowerCase(Locale.ROOT).contains("multipart"),
						f.select("input, textarea, select"), formData(f), caller)));
		}
	}

	/** What the browser would send for the form as shown: filled inputs, ticked boxes, chosen options, text areas. */
	static List<Map.Entry<String, String>> formData(Element form) {
		List<Map.Entry<String, String>> data = new ArrayList<>();
		for (Element el : form.select("input, textarea, select")) {
			String name = el.attr("name");
			if (name.isEmpty() || el.hasAttr("disabled")) {
				continue;
			}
			String type = el.attr("type").toLowerCase(Locale.ROOT);
			if (el.tagName().equals("select")) {
				Element chosen = el.selectFirst("option[selected]");
				if (chosen == null) {
					chosen = el.selectFirst("option");
				}
				if (chosen != null) {
					data.add(Map.entry(name, chosen.hasAttr("value") ? chosen.attr("value") : chosen.text()));
				}
			}
			else if (el.tagName().equals("textarea")) {
				data.add(Map.entry(name, el.wholeText()));
			}
			else if (type.equals("checkbox") || type.equals("radio")) {
				if (el.hasAttr("checked")) {
					data.add(Map.entry(name, el.hasAttr("value") ? el.attr("value") : "on"));
				}
			}
			else if (!type.equals("file") && !type.equals("submit") && !type.equals("button")) {
				data.add(Map.entry(name, el.attr("value")));
			}
		}
		return data;
	}

	/** A path this endpoint answers, from the crawl (the first of {@link #concretes}); null when the crawl saw none. */
	String concrete(Endpoint e) {
		List<String> paths = concretes(e);
		return paths.isEmpty() ? null : paths.get(0);
	}

	/**
	 * The paths this endpoint answers that the crawl saw, in the order seen: the endpoint's own, else its action on each
	 * object a list showed (POST /x/{id}/statement after GET /x listed id 7: /x/7/statement).
	 */
	List<String> concretes(Endpoint e) {
		List<String> paths = new ArrayList<>();
		for (String path : seen.keySet()) {
			if (e.path().matches(PathContainer.parsePath(path))) {
				paths.add(path);
			}
		}
		Matcher last = Pattern.compile("^(.*\\})((?:/[^/{}]+)+)$").matcher(e.pattern());
		if (!paths.isEmpty() || !last.matches()) {
			return paths;
		}
		// a variable's value holds a digit: ids, codes, numbers — never a sibling page such as "new" or "export.xlsx"
		Pattern object = Pattern.compile(last.group(1).replaceAll("\\{[^}]*}", "[^/]*\\\\d[^/]*"));
		for (String path : seen.keySet()) {
			if (object.matcher(path).matches()) {
				paths.add(path + last.group(2));
			}
		}
		// an object named by a key its variables constrain ({module:[a-z]+}/{name:[a-z0-9-]+}): a seen path they match
		if (paths.isEmpty() && last.group(1).matches("^([^{]|\\{\\w+:[^}]+})*$")) {
			PathPattern keyed = PathPatternParser.defaultInstance.parse(last.group(1));
			for (String path : seen.keySet()) {
				if (keyed.matches(PathContainer.parsePath(path))) {
					paths.add(path + last.group(2));
				}
			}
		}
		return paths;
	}

	String fallback(Endpoint e) {
		Matcher v = Pattern.compile("\\{(\\w+)(?::([^}]*))?}").matcher(e.pattern());
		StringBuilder out = new StringBuilder();
		while (v.find()) {
			String regex = v.group(2);
			String value = regex == null || regex.equals("\\d+") ? "1" : regex.split("\\|")[0].replaceAll("[^\\w.-]", "");
			v.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		v.appendTail(out);
		return out.toString();
	}

	void walk(Endpoint e) throws Exception {
		String path = e.pattern().contains("{") ? concrete(e) : e.pattern();
		if (path == null) {
			path = fallback(e);
		}
		Caller caller = caller(e, path);
		// a step of a record no demo caller may act on (a county without a demo account, or no such record) is refused
		// (404/403) before its fields are read: the same step on another record the crawl saw, whose fields are then read
		if ((caller == null || !e.method().equals("GET") && !admitted(perform(jsonIfAny(e, request(e.method(), path, caller,
				e.api()))))) && e.pattern().contains("{")) {
			// no caller may act on this object (a 跨省 licence is the national bureau's, which no demo user is): the
			// same action on another object the crawl saw (the next few), whose values are then read
			for (String other : concretes(e).stream().skip(1).limit(12).toList()) {
				Caller admitted = caller(e, other);
				if (admitted != null && (e.method().equals("GET")
						|| admitted(perform(jsonIfAny(e, request(e.method(), other, admitted, e.api())))))) {
					path = other;
					caller = admitted;
					break;
				}
			}
		}
		if (caller == null) {
			caller = Caller.ANONYMOUS;
		}
		List<String> failures = new ArrayList<>();
		Collection<Param> params = new ArrayList<>(e.params());
		if (e.method().equals("GET")) {
			Set<String> declared = new LinkedHashSet<>();
			e.params().forEach(p -> declared.add(p.name()));
			LIST_PARAMETERS.stream().filter(n -> !declared.contains(n)).forEach(n -> params.add(new Param(n, Void.class, false)));
		}
		for (Param p : params) {
			expectRefusal(e, path, caller, p.name(), b -> b.param(p.name(), NUL), "NUL", failures);
			for (String bad : BAD_ENCODINGS) {
				expectRefusal(e, path, caller, p.name(), b -> b.with(r -> {
					r.setQueryString(p.name() + "=" + bad);
					return r;
				}), bad, failures);
			}
			if (p.type() == Void.class) {
				continue; // not read by this endpoint: the refusals above are all it can show
			}
			boolean number = NUMBERS.contains(p.type());
			for (String value : number ? OVERFLOW : OVERFLOW.subList(0, 1)) {
				MockHttpServletResponse r = perform(others(e, p, request(e.method(), path, caller, e.api())).param(p.name(), value));
				noServerError(e, p.name() + "=" + value, r, failures);
				// access before fields: a region outside the caller's (the plausible 3205 for the province's or another
				// bureau's caller) is refused (403) before the number is read
				if (number && !refusedForState(r) && r.getStatus() != 403 && (r.getStatus() != 400 || !names(r, p.name()))) {
					failures.add(e + " " + p.name() + "=" + value + " → " + r.getStatus() + " (a number parameter must answer 400 naming it) "
							+ excerpt(r));
				}
			}
			if (number) {
				for (String edge : INT_EDGES) {
					noServerError(e, p.name() + "=" + edge, perform(others(e, p, request(e.method(), path, caller, e.api())).param(p.name(), edge)),
							failures);
				}
			}
			noServerError(e, p.name() + "=长×3000", perform(others(e, p, request(e.method(), path, caller, e.api())).param(p.name(), LONG)),
					failures);
			if (p.type() == LocalDate.class || p.name().endsWith("On") || p.name().endsWith("Date") || p.name().equals("date")
					|| p.name().equals("from") || p.name().equals("to") || p.name().equals("period")) {
				MockHttpServletResponse r = perform(others(e, p, request(e.method(), path, caller, e.api())).param(p.name(), ANCIENT));
				noServerError(e, p.name() + "=" + ANCIENT, r, failures);
				if (p.type() == LocalDate.class && !refusedForState(r) && (r.getStatus() != 400 || !names(r, p.name()))) {
					failures.add(e + " " + p.name() + "=" + ANCIENT + " → " + r.getStatus() + " (an implausible date must answer 400) "
							+ excerpt(r));
				}
			}
		}
		for (String header : e.headers()) {
			expectRefusal(e, path, caller, header, b -> b.header(header, NUL), "NUL header", failures);
			MockHttpServletResponse r = perform(jsonIfAny(e, request(e.method(), path, caller, e.api())).header(header, "k".repeat(150)));
			if (r.getStatus() != 400 || !names(r, header)) {
				failures.add(e + " header " + header + " of 150 characters → " + r.getStatus() + " (must answer 400 naming it) " + excerpt(r));
			}
		}
		if (e.body() != null) {
			body(e, path, caller, failures);
		}
		if (e.multipart()) {
			MockHttpServletResponse r = perform(request(e.method(), path, caller, e.api()).param("x", "y"));
			// a form whose file is optional (an evidence record without a scan) may be posted without multipart: the step's
			// own refusal (409/422, the form again through FormSteps) is an answer too; a record the caller takes no step
			// of is refused before the request's shape (StepAccessFirst, the 415 too: 404/403)
			if (r.getStatus() != 400 && r.getStatus() != 415 && r.getStatus() != 302 && r.getStatus() != 200
					&& r.getStatus() != 409 && r.getStatus() != 422 && r.getStatus() != 404 && r.getStatus() != 403) {
				failures.add(e + " without multipart → " + r.getStatus() + " (must answer 400 or 415) " + excerpt(r));
			}
		}
		if (NO_DEMO_OBJECT.contains(e.pattern())) {
			// no object of the demo city to act on: the step is refused (404) before its fields are read (StepAccessFirst)
			failures.removeIf(f -> f.contains(" → 404 ") && f.contains("不存在"));
		}
		assertThat(failures).as("caller " + caller + " on " + path).isEmpty();
	}

	/**
	 * The steps the corpus finds no record of that a demo caller may act on — no credit objection is filed in the demo
	 * data; a document to reissue is found only on the first case listed, of a county with no demo account: each is
	 * answered 404 before its fields are read, as every step of a record out of reach is, so the corpus reaches their
	 * fields nowhere — their field rules are tested by the modules' own tests (CreditRecordIntegrationTest,
	 * CaseDocumentsIntegrationTest). The API steps of records addressed by a code, which no crawled page links (the
	 * corpus names them {@code 1}, no code in the record's form: StepAccess.ofCode), likewise
	 * (VillageStepAccessIntegrationTest, InspectionItemEditIntegrationTest tell their fields to their owners). The
	 * enterprise's complaint reply API (no crawled path names one of the enterprise's complaints: the corpus's {@code 1}
	 * is another's, 404 first — EnterpriseComplaintApiIntegrationTest and AmountOwnLimitIntegrationTest tell its fields),
	 * the enterprise's credit objection (the entry the crawl lists first may be another enterprise's, by the data the
	 * run's earlier tests left: 404 first — CreditRecordIntegrationTest tells its fields), and the steps naming their
	 * record or region in a parameter (催报's {@code form}, a target's {@code region}: StepAccess.recordParameter /
	 * ofRegion): a value of that parameter in no record's form, or the corpus's plausible {@code x} for the region, names
	 * nothing — 404 before the other fields, as an id in the address (StatisticsStepsIntegrationTest,
	 * TargetRulesIntegrationTest tell their fields)
	 * and the portal's post-office hours form (the post office is named by its {@code facilityId} field, which the
	 * corpus leaves out: no post office, 404 first — PostOfficeHoursRulesIntegrationTest tells its fields). Listed one
	 * by one: any other step answering 404 to the corpus still fails.
	 */
	static final Set<String> NO_DEMO_OBJECT = Set.of("/api/v1/credit/objections/{id}/review", "/credit/objections/{id}/review",
			"/api/v1/enforcement/cases/{id}/documents/{documentId}/reissue", "/api/v1/universal/villages/{code}/profile",
			"/api/v1/inspections/items/{code}", "/api/v1/enterprise/complaints/{id}/reply", "/enterprise/post-offices/hours",
			"/api/v1/credit/entries/{id}/objections", "/statistics/completeness/remind", "/statistics/targets");

	/** Each JSON field of the body carrying NUL (400 naming it) or an out-of-range number (no 5xx). */
	void body(Endpoint e, String path, Caller caller, List<String> failures) throws Exception {
		if (e.body() == byte[].class) {
			MockHttpServletResponse r = perform(request(e.method(), path, caller, true).contentType(MediaType.TEXT_PLAIN)
				.content(NUL.getBytes(StandardCharsets.UTF_8)));
			if (r.getStatus() != 400) {
				failures.add(e + " text body with NUL → " + r.getStatus() + " " + excerpt(r));
			}
			r = perform(request(e.method(), path, caller, true).contentType(MediaType.TEXT_PLAIN).content(new byte[0]));
			if (r.getStatus() != 400 || r.getContentAsString(StandardCharsets.UTF_8).contains("JSON")) {
				failures.add(e + " empty text body → " + r.getStatus() + " (400, and not about JSON) " + excerpt(r));
			}
			return;
		}
		if (!e.body().isRecord()) {
			return;
		}
		for (Map.Entry<String, String> field : fields("", e.body()).entrySet()) {
			String name = field.getKey();
			String kind = field.getValue();
			List<String> values = switch (kind) {
				case "text" -> List.of("\"a\\u0000b\"", "\"" + LONG + "\"", "\"1e309\"");
				case "number" -> List.of("1e309", "-1e309", "123456789012345678901234567890", "\"NaN\"");
				case "date" -> List.of("\"" + ANCIENT + "\"", "\"+999999999-12-31\"");
				case "map" -> List.of("{\"a\\u0000b\":1}", "{\"express.volume\":1e309}", "{\"express.volume\":\"a\\u0000b\"}");
				default -> List.of("\"a\\u0000b\"");
			};
			for (String value : values) {
				String json = json(e.body(), "", name, value);
				MockHttpServletResponse r = perform(request(e.method(), path, caller, true).contentType(MediaType.APPLICATION_JSON)
					.content(json));
				noServerError(e, "JSON " + name + "=" + shorten(value), r, failures);
				if (value.contains("\\u0000") && !refusedForState(r) && (r.getStatus() != 400 || !names(r, name))) {
					failures.add(e + " JSON " + name + "=" + shorten(value) + " → " + r.getStatus() + " (must answer 400 naming it) "
							+ excerpt(r));
				}
			}
		}
	}

	/** The JSON fields of a record: name (dotted for nested records) → kind. */
	static Map<String, String> fields(String prefix, Class<?> type) {
		Map<String, String> out = new LinkedHashMap<>();
		for (RecordComponent c : type.getRecordComponents()) {
			Class<?> t = c.getType();
			String name = prefix + c.getName();
			if (t.isRecord()) {
				out.putAll(fields(name + ".", t));
			}
			else if (Map.class.isAssignableFrom(t)) {
				out.put(name, "map");
			}
			else if (NUMBERS.contains(t)) {
				out.put(name, "number");
			}
			else if (t == LocalDate.class) {
				out.put(name, "date");
			}
			else if (t == String.class) {
				out.put(name, "text");
			}
			else {
				out.put(name, "other");
			}
		}
		return out;
	}

	/** A JSON object of the record with plausible values, and {@code value} (raw JSON) at {@code target}. */
	static String json(Class<?> type, String prefix, String target, String value) {
		StringBuilder out = new StringBuilder("{");
		for (RecordComponent c : type.getRecordComponents()) {
			String name = prefix + c.getName();
			out.append(out.length() > 1 ? "," : "").append('"').append(c.getName()).append("\":");
			Class<?> t = c.getType();
			if (name.equals(target)) {
				out.append(value);
			}
			else if (t.isRecord()) {
				out.append(json(t, name + ".", target, value));
			}
			else if (Map.class.isAssignableFrom(t)) {
				out.append("{}");
			}
			else if (Collection.class.isAssignableFrom(t) && !target.isEmpty()) {
				// an empty list, so that a field after it is the one the body gets wrong (the probe body that finds the
				// endpoint's caller, target "", keeps "x" there: refused as 400, it shows who is admitted)
				out.append("[]");
			}
			else if (NUMBERS.contains(t)) {
				out.append("1");
			}
			else if (t == LocalDate.class) {
				out.append("\"2026-01-05\"");
			}
			else if (t == Boolean.class || t == boolean.class) {
				out.append("false");
			}
			else if (t.isEnum()) {
				out.append('"').append(t.getEnumConstants()[0]).append('"');
			}
			else {
				out.append("\"x\"");
			}
		}
		return out.append('}').toString();
	}

	/** The endpoint's other required parameters with plausible values. */
	static MockHttpServletRequestBuilder others(Endpoint e, Param except, MockHttpServletRequestBuilder b) {
		for (Param p : e.params()) {
			if (p.required() && !p.name().equals(except.name())) {
				b.param(p.name(), p.plausible());
			}
		}
		return b;
	}

	void expectRefusal(Endpoint e, String path, Caller caller, String field,
			UnaryOperator<MockHttpServletRequestBuilder> bad, String what, List<String> failures)
			throws Exception {
		MockHttpServletResponse r = perform(bad.apply(request(e.method(), path, caller, e.api())));
		if (r.getStatus() != 400 || !names(r, field, path)) {
			failures.add(e + " " + field + "=" + what + " → " + r.getStatus() + " (must answer 400 naming it) " + excerpt(r));
		}
	}

	/** What the error handling answers when only the database noticed a value out of range: a check is missing. */
	static final String DATABASE_REFUSAL = "输入的值超出允许的长度或范围";

	static void noServerError(Endpoint e, String what, MockHttpServletResponse r, List<String> failures) {
		if (r.getStatus() >= 500 || excerpt(r).contains(DATABASE_REFUSAL)) {
			failures.add(e + " " + what + " → " + r.getStatus() + " " + excerpt(r));
		}
	}

	/** Whether a 400 names the field: in the problem's errors, the error page's message or its list. */
	static boolean names(MockHttpServletResponse r, String field) throws Exception {
		return names(r, field, null);
	}

	/**
	 * As {@link #names(MockHttpServletResponse, String)} for a request to {@code path}, whose route may give the field
	 * its own label ({@code field.reason@/registry/outlets}: 关闭原因, where elsewhere a reason is 理由).
	 */
	static boolean names(MockHttpServletResponse r, String field, String path) throws Exception {
		String body = r.getContentAsString(StandardCharsets.UTF_8);
		String printable = Text.printable(field);
		// a page refused through FormSteps names it as the form marks it: data-field on the error beside the input; a
		// message names it by its label where one is known (FieldLabels, the route's own first), else as sent
		String said = (body + "\n" + r.getErrorMessage());
		for (String label : Stream.of(FieldLabels.of(field, path), FieldLabels.of(field)).distinct().toList()) {
			if (label != null && Stream.of(label + "含有", label + "的值", label + "无法读取", "缺少" + label).anyMatch(said::contains)) {
				return true;
			}
		}
		return body.contains("\"field\":\"" + printable + "\"") || body.contains("\"field\":\"" + printable + ".")
				|| body.contains("data-field=\"" + printable + "\"")
				|| body.contains("“" + printable + "”") || body.contains("“" + printable + ".")
				|| (r.getErrorMessage() != null && r.getErrorMessage().contains("“" + printable + "”"));
	}

	static String excerpt(MockHttpServletResponse r) {
		try {
			String s = r.getErrorMessage() != null ? r.getErrorMessage() : r.getContentAsString(StandardCharsets.UTF_8);
			Matcher detail = Pattern.compile("\"detail\":\"([^\"]*)\"|id=\"error-detail\"[^>]*>([^<]*)").matcher(s);
			if (detail.find()) {
				s = detail.group(1) != null ? detail.group(1) : detail.group(2);
			}
			return shorten(s.strip());
		}
		catch (Exception ex) {
			return "";
		}
	}

	static String shorten(String s) {
		return s.length() > 160 ? s.substring(0, 160) + "…" : s;
	}

	/**
	 * The request with a JSON body when the endpoint reads a record, else with the body type its mapping declares (a
	 * stream it reads itself: the parcel records' NDJSON), so a value is judged rather than the missing type (415).
	 */
	MockHttpServletRequestBuilder jsonIfAny(Endpoint e, MockHttpServletRequestBuilder b) {
		if (e.body() != null && e.body().isRecord()) {
			return b.contentType(MediaType.APPLICATION_JSON).content(json(e.body(), "", "", ""));
		}
		return e.consumes() == null || e.multipart() ? b : b.contentType(e.consumes());
	}

	/**
	 * The first caller the endpoint admits (read without parameters; a write is rolled back). Who saw a path is asked
	 * first; for a write there it must still pass the write's roles, which are decided before its body is read (an
	 * enterprise's day report under a period a bureau reads). Failing every caller's full admission (an empty body may
	 * name no object: 404), the first whose roles pass; null when none does.
	 */
	Caller caller(Endpoint e, String path) throws Exception {
		Caller found = seen.get(path);
		if (found != null && (e.method().equals("GET") || rolesAdmit(perform(jsonIfAny(e, request(e.method(), path, found, e.api())))))) {
			return found;
		}
		Caller roles = null;
		for (Caller caller : Caller.values()) {
			MockHttpServletResponse r = perform(jsonIfAny(e, request(e.method(), path, caller, e.api())));
			if (admitted(r)) {
				return caller;
			}
			if (roles == null && rolesAdmit(r)) {
				roles = caller;
			}
		}
		return roles != null ? roles : found;
	}

	/** Whether the caller's roles let the request through (whatever the object or body then answer). */
	static boolean rolesAdmit(MockHttpServletResponse r) {
		String location = r.getRedirectedUrl();
		return r.getStatus() != 401 && r.getStatus() != 403 && !REFUSED_BACK.contains(r)
				&& !(location != null && location.contains("/login"));
	}

	/**
	 * The page answers that sent a refused step back to its record's page with 403 flashed ({@code web.ErrorHandling
	 * #refused}, {@code RequestRefusals.backToRecordPage}): a refusal of access, as a 403 is.
	 */
	static final Set<MockHttpServletResponse> REFUSED_BACK = java.util.Collections
		.newSetFromMap(java.util.Collections.synchronizedMap(new IdentityHashMap<>()));

	static boolean admitted(MockHttpServletResponse r) throws Exception {
		String location = r.getRedirectedUrl();
		// the head of another bureau than the handling one is refused a head's step as another bureau's staff is (422,
		// decided before the fields are read: 行政处罚法 art.57)
		return r.getStatus() != 401 && r.getStatus() != 403 && r.getStatus() != 404 && !REFUSED_BACK.contains(r)
				&& !(location != null && location.contains("/login"))
				&& !(r.getStatus() == 422 && headOfAnotherBureau(r.getContentAsString(StandardCharsets.UTF_8)));
	}

	/** The API's problem or the page's error list naming rule {@code not-handling-bureau-head}. */
	private static boolean headOfAnotherBureau(String answer) {
		return answer.contains("\"rule\":\"not-handling-bureau-head\"") || answer.contains("data-rule=\"not-handling-bureau-head\"");
	}

	/**
	 * The addresses answering a fragment ({@code kernel.PageFragment}): read as htmx reads them ({@code HX-Request}),
	 * since a browser opening one is sent to its page before its parameters are read ({@code web.FragmentPages}).
	 */
	static final Set<PathPattern> FRAGMENTS = java.util.concurrent.ConcurrentHashMap.newKeySet();

	MockHttpServletRequestBuilder request(String method, String path, Caller caller, boolean api) throws Exception {
		MockHttpServletRequestBuilder b = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
		String bare = path.indexOf('?') < 0 ? path : path.substring(0, path.indexOf('?'));
		if (FRAGMENTS.stream().anyMatch(f -> f.matches(PathContainer.parsePath(bare)))) {
			b.header("HX-Request", "true");
		}
		authenticate(b, caller, api);
		if (!method.equals("GET")) {
			b.with(csrf());
		}
		return b;
	}

	void authenticate(AbstractMockHttpServletRequestBuilder<?> b, Caller caller,
			boolean api) throws Exception {
		int n = clients.incrementAndGet();
		b.with(r -> {
			r.setRemoteAddr("10.78." + (n / 250 % 250) + "." + (n % 250));
			return r;
		});
		if (caller.user != null) {
			if (api) {
				b.header("Authorization", "Bearer " + caller.token);
			}
			else {
				b.session(session(caller));
			}
		}
	}

	MockHttpSession session(Caller caller) throws Exception {
		MockHttpSession session = sessions.get(caller);
		if (session == null) {
			session = SignIn.session(mvc, caller.user);
			sessions.put(caller, session);
		}
		return session;
	}

	/** Performs the request in a transaction that is rolled back; a failure escaping MockMvc counts as a 500. */
	/**
	 * Whether the record's state refused the step before its fields were read — the one order of every step, access →
	 * state → fields (a case's or complaint's step on record 1, closed): the API's 409 with rule {@code state}, or a
	 * page's way back to the record with the state's refusal flashed ({@code PageSteps.CONFLICT}). The fields are not
	 * read then, so no field can be named.
	 */
	boolean refusedForState(MockHttpServletResponse r) throws Exception {
		return stateRefusals.containsKey(r) || r.getStatus() == 409
				&& r.getContentAsString(StandardCharsets.UTF_8).contains("\"rule\":\"state\"");
	}

	/** The page answers whose redirect flashed a refusal of the record's state ({@link #refusedForState}). */
	private final Map<MockHttpServletResponse, Boolean> stateRefusals = new IdentityHashMap<>();

	MockHttpServletResponse perform(RequestBuilder b) {
		return tx.execute(status -> {
			status.setRollbackOnly();
			try {
				var result = mvc.perform(b).andReturn();
				if (result.getFlashMap() != null && Boolean.TRUE.equals(result.getFlashMap().get(PageSteps.CONFLICT))) {
					stateRefusals.put(result.getResponse(), true);
				}
				if (result.getFlashMap() != null && Integer.valueOf(403).equals(result.getFlashMap().get(PageSteps.REFUSED_STATUS))) {
					REFUSED_BACK.add(result.getResponse());
				}
				return result.getResponse();
			}
			catch (Exception ex) {
				MockHttpServletResponse failed = new MockHttpServletResponse();
				failed.setStatus(599);
				try {
					failed.getWriter().write(ex.toString());
				}
				catch (Exception ignored) {
					// the status says enough
				}
				return failed;
			}
		});
	}
}
