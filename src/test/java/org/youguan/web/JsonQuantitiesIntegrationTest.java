package org.youguan.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.youguan.IntegrationTest;
import org.youguan.kernel.NumberText;

import tools.jackson.databind.annotation.JsonDeserialize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON body the API reads (found from the handler mappings, so a new endpoint is covered without editing this
 * test): a number field sent as text that is no number ({@code "12abc"}) is a 400 whose errors name the field, never a
 * 500 or an answer about "the body"; and a text field holding a quantity (capital, an amount in ¥, a count, a year…)
 * takes a JSON number as well as text ({@link NumberText}), so a client sending {@code "registeredCapital": 500000}
 * is answered by the service's own rules rather than a 400 about the type.
 */
@IntegrationTest
class JsonQuantitiesIntegrationTest {

	static final Set<Class<?>> NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class, double.class,
			Double.class, BigDecimal.class);

	/**
	 * Names of text fields that hold a quantity: an amount, a count, a year, a measure. A field named so without
	 * {@link NumberText} refuses a JSON number with a 400 a client cannot act on.
	 */
	static final Pattern QUANTITY = Pattern.compile(
			"(?i).*(capital|amount|fine|year|count|quantity|yuan|revenue|volume|outlets|staff|trainees|parcels|screened"
					+ "|perweek|ratio|percent|weight|compensation|claimed|days|months)$");

	/** The body of an endpoint: where it is, the record (or list of records) and the multipart part holding it, if any. */
	record Body(String method, String path, Type type, String part) {

		@Override
		public String toString() {
			return method + " " + path + (part == null ? "" : " (part " + part + ")");
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void aNumberFieldSentAsTextThatIsNoNumberIsA400NamingTheField() throws Exception {
		List<String> failures = new ArrayList<>();
		int tried = 0;
		for (Body body : bodies()) {
			for (Map.Entry<String, String> probe : numberProbes(body.type()).entrySet()) {
				tried++;
				MockHttpServletResponse r = send(body, probe.getValue());
				String answer = r.getContentAsString(StandardCharsets.UTF_8);
				// the field's code in the errors entry; the message names it by its label where it has one
				if (r.getStatus() != 400
						|| !answer.contains("\"field\":\"" + probe.getKey() + "\",\"rule\":\"format\"")) {
					failures.add(body + " " + probe.getValue() + " → " + r.getStatus() + " " + shorten(answer));
				}
			}
		}
		assertThat(tried).as("number fields found in the API's bodies").isGreaterThan(20);
		assertThat(failures).isEmpty();
	}

	/**
	 * Every whole-number field of every body that is not a record's id is told its own bounds when sent text that is
	 * no number ({@code teamSize:"x"} → 应为整数（2至10）), declared on the field ({@code WholeIn}, or {@code @Min}/
	 * {@code @Max}), never its Java type's (−2147483648 to 2147483647) which no such field takes.
	 */
	@Test
	void aBoundedWholeNumberSentAsTextIsToldItsOwnBoundsNotItsTypes() throws Exception {
		List<String> failures = new ArrayList<>();
		int tried = 0;
		for (Body body : bodies()) {
			for (Map.Entry<String, String> probe : probes(body.type(), "\"x\"", false, WHOLE).entrySet()) {
				if (ID.matcher(probe.getKey()).matches()) {
					continue;
				}
				tried++;
				MockHttpServletResponse r = send(body, probe.getValue());
				String answer = r.getContentAsString(StandardCharsets.UTF_8);
				if (r.getStatus() != 400 || answer.contains("2147483648") || answer.contains("9223372036854775808")
						|| !answer.contains("应为整数（")) {
					failures.add(body + " " + probe.getValue() + " → " + r.getStatus() + " " + shorten(answer));
				}
			}
		}
		assertThat(tried).as("bounded whole-number fields found in the API's bodies").isGreaterThan(5);
		assertThat(failures).isEmpty();
	}

	/**
	 * A form's whole-number field posted as a request parameter is told its own bounds the same way (a page form's POST
	 * or an API's form parameter: {@code WholeIn} on the parameter), unless it names a record by its id; {@code sortOrder}
	 * takes any int, which is then its rule.
	 */
	@Test
	void everyBoundedWholeNumberAFormPostsDeclaresItsBounds() {
		List<String> missing = new ArrayList<>();
		int found = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
			if (!m.getValue().getBeanType().getName().startsWith("org.youguan") || methods.isEmpty()
					|| methods.equals(Set.of(RequestMethod.GET))) {
				continue;
			}
			for (MethodParameter p : m.getValue().getMethodParameters()) {
				String name = p.getParameterName();
				if (!p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class)
						|| !WHOLE.contains(p.getParameterType()) || name == null || ID.matcher(name).matches()
						|| name.equals("sortOrder")) {
					continue;
				}
				found++;
				if (org.youguan.kernel.Decimals.declaredWhole(p.getParameter(), java.time.Year.now(org.youguan.platform.ChinaTime.ZONE).getValue()) == null) {
					missing.add(m.getKey() + " " + name);
				}
			}
		}
		assertThat(found).as("whole-number form parameters").isGreaterThan(3);
		assertThat(missing).as("form parameters without their bounds").isEmpty();
	}

	/** The whole-number types, whose own range is no field's rule unless the field is a record's id. */
	static final Set<Class<?>> WHOLE = Set.of(int.class, Integer.class, long.class, Long.class);

	/**
	 * A field naming records by their ids (planId, brandId, outletIds[0], host, a form's {@code bureau}): any id is
	 * taken and looked up, no range is stated.
	 */
	static final Pattern ID = Pattern.compile("(?i)(.*\\.)?(.*ids?|host|form|bureau|enterprise|period|brand|release)(\\[\\d+])?$");

	/**
	 * A number with an exponent no field holds — a tiny one ({@code 1e-40000000}: one digit, but rounding it or writing
	 * it out builds 40 million) and a huge one — in every number field and every text quantity of every body: a 400
	 * naming the field, refused as it is read, with a small answer (no value written out in it).
	 */
	@Test
	void aHugeExponentInAnyNumberOrQuantityFieldIsASmall400NamingTheField() throws Exception {
		// the steps of a case's investigation are its team's, asked before the body (CaseTeam): wz.staff joins case 1's
		// team for the probe, so its fields are reached
		jdbc.sql("""
				INSERT INTO penalty_case_investigator (case_id, position, user_id, name, certificate_number)
				SELECT 1, 99, id, display_name, 'PROBE0001' FROM user_account WHERE username = 'wz.staff'""").update();
		try {
			probeHugeExponents();
		}
		finally {
			jdbc.sql("DELETE FROM penalty_case_investigator WHERE case_id = 1 AND position = 99").update();
		}
	}

	private void probeHugeExponents() throws Exception {
		List<String> failures = new ArrayList<>();
		int tried = 0;
		for (Body body : bodies()) {
			for (String exponent : List.of("1e-40000000", "-1e40000000", "1e400")) {
				for (Map.Entry<String, String> probe : probes(body.type(), exponent, true).entrySet()) {
					tried++;
					MockHttpServletResponse r = send(body, probe.getValue());
					String answer = r.getContentAsString(StandardCharsets.UTF_8);
					if (r.getStatus() != 400 || !answer.contains("\"field\":\"" + probe.getKey() + "\"")
							|| r.getContentAsByteArray().length > 4096) {
						failures.add(body + " " + probe.getValue() + " → " + r.getStatus() + " (" + r.getContentAsByteArray().length
								+ " bytes) " + shorten(answer));
					}
				}
			}
		}
		assertThat(tried).as("number and quantity fields found in the API's bodies").isGreaterThan(40);
		assertThat(failures).isEmpty();
	}

	@Test
	void everyTextFieldHoldingAQuantityTakesAJsonNumber() {
		List<String> missing = new ArrayList<>();
		int found = 0;
		for (Body body : bodies()) {
			for (RecordComponent c : quantityTexts(body.type())) {
				found++;
				JsonDeserialize how = c.getAnnotation(JsonDeserialize.class);
				JsonDeserialize accessor = c.getAccessor().getAnnotation(JsonDeserialize.class);
				boolean numberText = how != null && (reads(how.using()) || reads(how.contentUsing()))
						|| accessor != null && (reads(accessor.using()) || reads(accessor.contentUsing()));
				if (!numberText) {
					missing.add(body + " " + c.getDeclaringRecord().getName() + "." + c.getName());
				}
			}
		}
		assertThat(found).as("text fields holding a quantity").isGreaterThan(5);
		assertThat(missing).as("text quantities without NumberText").isEmpty();
	}

	/**
	 * The demo tokens tried in turn until one is admitted: roles are decided before the body is read, so a probe is
	 * sent as a caller the endpoint admits (an enterprise's day report, an enforcement officer's decision).
	 */
	static final List<String> TOKENS = List.of("demo-sys-admin-token", "demo-sz-admin-token", "demo-sz-market-token",
			"demo-wz-staff-token", "demo-sf-wz-token", "demo-wz-leader-token", "demo-sz-leader-token", "demo-yz-sz-token");

	MockHttpServletResponse send(Body body, String json) throws Exception {
		if (body.path().startsWith("/api/v1/public/")) {
			return send(body, json, null);
		}
		MockHttpServletResponse r = null;
		for (String token : TOKENS) {
			r = send(body, json, token);
			if (r.getStatus() != 401 && r.getStatus() != 403) {
				return r;
			}
		}
		return r;
	}

	MockHttpServletResponse send(Body body, String json, String token) {
		AbstractMockHttpServletRequestBuilder<?> b;
		if (body.part() != null) {
			b = MockMvcRequestBuilders.multipart(HttpMethod.valueOf(body.method()), body.path())
				.file(new MockMultipartFile(body.part(), "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8)));
		}
		else {
			b = MockMvcRequestBuilders.request(HttpMethod.valueOf(body.method()), body.path())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json);
		}
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		AbstractMockHttpServletRequestBuilder<?> request = b;
		String table = STATE_FIRST_RECORDS.entrySet().stream().filter(e -> body.path().startsWith(e.getKey()))
			.map(Map.Entry::getValue).findFirst().orElse(null);
		if (table == null) {
			return perform(request, null, null);
		}
		// a case's or complaint's step asks the record's state before its fields (409): record 1 is put, in the rolled
		// back transaction, in the first state the step is taken from, so the probe reaches the fields
		String known = states.get(body.path());
		MockHttpServletResponse r = null;
		for (String state : known != null ? List.of(known) : STATES.get(table)) {
			r = perform(request, table, state);
			if (r.getStatus() == 401 || r.getStatus() == 403) {
				// a caller refused before the state is asked: the state is not known yet
				return r;
			}
			if (r.getStatus() != 409 || !stateRefusal(r)) {
				states.put(body.path(), state);
				return r;
			}
		}
		return r;
	}

	/** Whether an answer is the record's state refusing the step ({@code "rule":"state"}), not a field's. */
	static boolean stateRefusal(MockHttpServletResponse r) {
		try {
			return r.getContentAsString(StandardCharsets.UTF_8).contains("\"rule\":\"state\"");
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Step addresses whose record's state is asked before the body (the enforcement module's {@code EnforcementStepAccess}
	 * and the complaints' {@code ComplaintStepAccess}) → the record's table.
	 */
	static final Map<String, String> STATE_FIRST_RECORDS = Map.of("/api/v1/enforcement/cases/1/", "penalty_case",
			"/api/v1/complaints/1/", "complaint");

	/** The states a record of each table is tried in, in the order of its workflow. */
	static final Map<String, List<String>> STATES = Map.of(
			"penalty_case", java.util.Arrays.stream(org.youguan.enforcement.CaseStatus.values()).map(Enum::name).toList(),
			"complaint", java.util.Arrays.stream(org.youguan.complaints.ComplaintStatus.values()).map(Enum::name).toList());

	/** The state found for each step's address, so the next probes of the step try it alone. */
	final Map<String, String> states = new java.util.HashMap<>();

	/**
	 * The request performed in a transaction rolled back, so a probe that got through stores nothing — with record 1 of
	 * {@code table} put in {@code state} first (a complaint as replied and called back, which mediation and 办结 ask).
	 */
	MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request, String table, String state) {
		return tx.execute(status -> {
			status.setRollbackOnly();
			if ("complaint".equals(table)) {
				jdbc.sql("UPDATE complaint SET status = ?, replied_on = coalesce(replied_on, received_on), "
						+ "satisfaction = coalesce(satisfaction, 'SATISFIED') WHERE id = 1").param(state).update();
			}
			else if (table != null) {
				jdbc.sql("UPDATE " + table + " SET status = ? WHERE id = 1").param(state).update();
			}
			try {
				return mvc.perform(request).andReturn().getResponse();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/**
	 * Steps of a record only its owner reaches, which no demo record of a fixed number or code stands for: another
	 * bureau's 抽查事项 or another enterprise's complaint is refused (404) before its body is read (StepAccessFirst) —
	 * InspectionItemEditIntegrationTest and EnterpriseComplaintApiIntegrationTest tell their fields to their owners.
	 */
	static final Set<String> OWN_RECORD_ONLY = Set.of("/api/v1/inspections/items/{code}", "/api/v1/enterprise/complaints/{id}/reply");

	/**
	 * Steps whose record's state is decided before the body is read, which no demo record of a fixed number stands in
	 * the state for: a 补正 is taken only of a filing awaiting one (409 otherwise, OutletFilingStepOrderIntegrationTest)
	 * — OutletFilingSupplementIntegrationTest tells its fields on a filing returned for 补正.
	 */
	static final Set<String> STATE_FIRST = Set.of("/api/v1/enterprise/filings/{id}/supplement");

	@Autowired
	JdbcClient jdbc;

	/** A 吴中 建制村 (村委会; a code in its one form, of the demo county's staff): the village steps' {@code {code}}. */
	String village() {
		return jdbc.sql("SELECT min(code) FROM region_name WHERE level = 'VILLAGE' AND name LIKE '%村委会%' AND code LIKE '320506%'")
			.query(String.class).single();
	}

	/** The JSON bodies and JSON parts of the application's endpoints, with their path variables filled in. */
	List<Body> bodies() {
		List<Body> out = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = m.getValue();
			if (!handler.getBeanType().getName().startsWith("org.youguan")) {
				continue;
			}
			for (MethodParameter p : handler.getMethodParameters()) {
				Type type = p.getGenericParameterType();
				String part = null;
				if (p.hasParameterAnnotation(RequestPart.class)) {
					if (MultipartFile.class.isAssignableFrom(p.getParameterType()) || type.getTypeName().contains("MultipartFile")) {
						continue;
					}
					RequestPart rp = p.getParameterAnnotation(RequestPart.class);
					part = !rp.name().isEmpty() ? rp.name() : rp.value();
					if (part.isEmpty()) {
						// @RequestPart without a name: the parameter's own (compiled with -parameters)
						part = p.getParameterName();
					}
				}
				else if (!p.hasParameterAnnotation(RequestBody.class)) {
					continue;
				}
				if (!(element(type) instanceof Class<?> c && c.isRecord())) {
					continue;
				}
				for (String pattern : m.getKey().getPatternValues()) {
					if (OWN_RECORD_ONLY.contains(pattern) || STATE_FIRST.contains(pattern)) {
						continue;
					}
					String path = pattern.replaceAll("\\{code}", village()).replaceAll("\\{kind[^}]*}", "mail")
						.replaceAll("\\{[^}]+}", "1");
					Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
					for (RequestMethod method : methods) {
						out.add(new Body(method.name(), path, type, part));
					}
				}
			}
		}
		return out;
	}

	/** The record a body holds: the type itself, or the element of a list of records. */
	static Type element(Type type) {
		if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw && List.class.isAssignableFrom(raw)) {
			return pt.getActualTypeArguments()[0];
		}
		return type;
	}

	/** JSON path of each number field (as the error names it) → a body with "12abc" there. */
	static Map<String, String> numberProbes(Type type) {
		return probes(type, "\"12abc\"", false);
	}

	/**
	 * JSON path of each number field (as the error names it) → a body with {@code value} (raw JSON) there; with
	 * {@code quantities} also each text field read by {@link NumberText} (and each value of a map of them).
	 */
	static Map<String, String> probes(Type type, String value, boolean quantities) {
		return probes(type, value, quantities, NUMBERS);
	}

	/** {@link #probes(Type, String, boolean)} for the number fields of the {@code numbers} types only. */
	static Map<String, String> probes(Type type, String value, boolean quantities, Set<Class<?>> numbers) {
		Map<String, String> out = new LinkedHashMap<>();
		if (element(type) != type) {
			probes(element(type), value, quantities, numbers).forEach((path, json) -> out.put("第1条·" + path, "[" + json + "]"));
			return out;
		}
		Class<?> record = (Class<?> ) type;
		for (RecordComponent c : record.getRecordComponents()) {
			Type t = c.getGenericType();
			String name = c.getName();
			if (t instanceof Class<?> k && (numbers.contains(k) || quantities && k == String.class && numberText(c, false))) {
				out.put(name, "{\"" + name + "\":" + value + "}");
			}
			else if (t instanceof Class<?> k && k.isRecord() && k.getName().startsWith("org.youguan")) {
				probes(k, value, quantities, numbers).forEach((path, json) -> out.put(name + "." + path, "{\"" + name + "\":" + json + "}"));
			}
			else if (t instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw) {
				Type arg = pt.getActualTypeArguments()[pt.getActualTypeArguments().length - 1];
				if (List.class.isAssignableFrom(raw) && arg instanceof Class<?> k && numbers.contains(k)) {
					out.put(name + "[0]", "{\"" + name + "\":[" + value + "]}");
				}
				else if (List.class.isAssignableFrom(raw) && arg instanceof Class<?> k && k.isRecord()) {
					probes(k, value, quantities, numbers).forEach((path, json) -> out.put(name + "[0]." + path, "{\"" + name + "\":[" + json + "]}"));
				}
				else if (Map.class.isAssignableFrom(raw) && arg instanceof Class<?> k
						&& (numbers.contains(k) || quantities && k == String.class && numberText(c, true))) {
					out.put(name + ".A", "{\"" + name + "\":{\"A\":" + value + "}}");
				}
			}
		}
		return out;
	}

	/** Whether {@code reader} is {@link NumberText} or one of its kinds ({@link NumberText.Judged}). */
	static boolean reads(Class<?> reader) {
		return NumberText.class.isAssignableFrom(reader);
	}

	/** Whether a component is read by {@link NumberText} (itself, or {@code contents} for a map's values). */
	static boolean numberText(RecordComponent c, boolean contents) {
		for (JsonDeserialize how : new JsonDeserialize[] { c.getAnnotation(JsonDeserialize.class),
				c.getAccessor().getAnnotation(JsonDeserialize.class) }) {
			if (how != null && reads(contents ? how.contentUsing() : how.using())) {
				return true;
			}
		}
		return false;
	}

	/** The text components (nested ones too) of a body whose names say they hold a quantity. */
	static List<RecordComponent> quantityTexts(Type type) {
		List<RecordComponent> out = new ArrayList<>();
		if (!(element(type) instanceof Class<?> record) || !record.isRecord()) {
			return out;
		}
		for (RecordComponent c : record.getRecordComponents()) {
			Type t = c.getGenericType();
			if (t == String.class && QUANTITY.matcher(c.getName()).matches()) {
				out.add(c);
			}
			else if (t instanceof ParameterizedType pt && pt.getRawType() == Map.class
					&& pt.getActualTypeArguments()[1] == String.class && c.getName().equals("values")) {
				out.add(c);
			}
			else if (t instanceof Class<?> k && k.isRecord() && k.getName().startsWith("org.youguan")) {
				out.addAll(quantityTexts(k));
			}
			else if (t instanceof ParameterizedType pt && pt.getRawType() == List.class
					&& pt.getActualTypeArguments()[0] instanceof Class<?> k && k.isRecord()) {
				out.addAll(quantityTexts(k));
			}
		}
		return out;
	}

	static String shorten(String s) {
		return s.length() > 300 ? s.substring(0, 300) + "…" : s;
	}
}
