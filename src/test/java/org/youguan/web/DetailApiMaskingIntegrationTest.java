package org.youguan.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.youguan.IntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every detail endpoint of the API ({@code GET /api/v1/…/{id}} beside its list {@code GET /api/v1/…}) shows a
 * record's free text as its list shows it: with an ID and a mobile number written into every free-text column of the
 * demo data (in this test's transaction, rolled back after it), a field the list shows masked for a row is never
 * answered in clear by the row's detail, to staff or to an enterprise (attack 71 A1, A2: a hazard's rectification, a
 * security period's other rules). The routes are read from the application, so a detail endpoint added later is
 * crawled too.
 */
@IntegrationTest
@Transactional
class DetailApiMaskingIntegrationTest {

	/** The numbers written before every free text: a mobile number and an ID number (GB 11643, born 1949-12-31). */
	private static final String MOBILE = "13912345678";

	private static final String ID_NUMBER = "110105194912310021";

	/** A detail route: its list's path and one variable at its end ({@code {id}}, {@code {id:\d+}}, {@code {code}}). */
	private static final Pattern DETAIL = Pattern.compile("(/api/v1/[^{}]+)/\\{(\\w+)(?::[^}]*)?\\}");

	/** Staff of a city bureau (admin, leader), of a county bureau, and an enterprise. */
	private static final List<String> READERS = List.of("demo-sz-admin-token", "demo-sz-leader-token",
			"demo-wz-staff-token", "demo-sf-wz-token");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** The detail routes whose list is a route too: list path → the detail's variable. */
	private Map<String, String> detailRoutes() {
		Set<String> gets = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
				gets.addAll(info.getPatternValues());
			}
		});
		Map<String, String> routes = new java.util.TreeMap<>();
		for (String route : gets) {
			Matcher m = DETAIL.matcher(route);
			if (m.matches() && gets.contains(m.group(1))) {
				routes.put(m.group(1), m.group(2));
			}
		}
		return routes;
	}

	/**
	 * Writes the numbers before the text of every free-text column (text or varchar holding Chinese) of every table of
	 * modest size; a column whose constraints or triggers refuse it (a length limit, the append-only audit) is left.
	 */
	/**
	 * The tables of the records the API lists and details, whose free text the numbers are written into. Reference
	 * data — users, bureaus, the rules catalogue, dictionaries, enterprises' names — is left alone: the application keeps
	 * some of it in memory (a signed-in user's name and bureau), where a number written in this rolled-back transaction
	 * would outlive it and show on the next test's pages.
	 */
	private static final String RECORDS = "^(safety_|penalty_|complaint$|complaint_(attachment|event|notice)$|credit_(entry|objection)$"
			+ "|inspection_(record|plan)|rectification_order|licence_application|annual_report|enterprise_annual_report"
			+ "|branch_filing|outlet_filing|post_office_|universal_|village_|work_|stat_report|stat_target|terminal_outlet|facility)";

	/** The columns the numbers were written into. */
	private final List<String> seeded = new ArrayList<>();

	private void seedNumbers() {
		List<String[]> columns = jdbc.sql("""
				SELECT c.table_name, c.column_name FROM information_schema.columns c
				JOIN pg_class k ON k.relname = c.table_name AND k.relkind = 'r'
				JOIN pg_namespace n ON n.oid = k.relnamespace AND n.nspname = c.table_schema
				WHERE c.table_schema = current_schema() AND c.data_type IN ('text', 'character varying')
				  AND k.reltuples < 50000 AND c.table_name ~ :records
				ORDER BY 1, 2""")
			.param("records", RECORDS)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		for (String[] c : columns) {
			jdbc.sql("SAVEPOINT seed").update();
			try {
				int rows = jdbc.sql("UPDATE \"" + c[0] + "\" SET \"" + c[1] + "\" = '" + MOBILE + " " + ID_NUMBER + " ' || \"" + c[1]
						+ "\" WHERE \"" + c[1] + "\" ~ '[\u4e00-\u9fa5]{2}'").update();
				if (c[0].startsWith("safety_hazard") || c[0].startsWith("safety_security")) {
					seeded.add(c[0] + "." + c[1] + "=" + rows);
				}
				jdbc.sql("RELEASE SAVEPOINT seed").update();
			}
			catch (RuntimeException refused) {
				jdbc.sql("ROLLBACK TO SAVEPOINT seed").update();
			}
		}
	}

	/** What each request answered, told when the crawl compares nothing. */
	private final List<String> answers = new ArrayList<>();

	private JsonNode read(String path, String token) throws Exception {
		return read(path, token, false);
	}

	/** The JSON a route answers the reader, null unless 200; a list asked for its first 5 rows. */
	private JsonNode read(String path, String token, boolean list) throws Exception {
		var request = get(path).header("Authorization", "Bearer " + token);
		MvcResult r = mvc.perform(list ? request.param("size", "5") : request).andReturn();
		answers.add(token + " " + path + " " + r.getResponse().getStatus());
		if (r.getResponse().getStatus() != 200 || !String.valueOf(r.getResponse().getContentType()).contains("json")) {
			return null;
		}
		return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/**
	 * The detail's fields named {@code key}: at its top or in an object it holds (a hazard's detail holds the hazard),
	 * not in its lists (a plan's villages have names of their own).
	 */
	private static List<JsonNode> shown(JsonNode detail, String key) {
		List<JsonNode> found = new ArrayList<>();
		if (detail.get(key) != null) {
			found.add(detail.get(key));
		}
		for (JsonNode inner : detail) {
			if (inner.isObject() && inner.get(key) != null) {
				found.add(inner.get(key));
			}
		}
		return found;
	}

	/**
	 * Fields a reader reads in full on the record's page and its detail by a rule of their own, while every list masks
	 * them for every reader: the enterprise a complaint was transferred to reads its filer (ComplaintQueries#readsInFull),
	 * the staff who take a lead's steps its text (Leads#read, Leads#readsInFull), the bureau an order's findings, reply and decision note
	 * (InspectionOrders#get: masked to the enterprise only).
	 */
	private static final Set<String> READ_IN_FULL = Set.of("demo-sf-wz-token /api/v1/complaints filerName",
			"demo-wz-staff-token /api/v1/enforcement/leads summary", "demo-wz-staff-token /api/v1/enforcement/leads sourceDetail",
			"demo-sz-admin-token /api/v1/inspections/orders findings", "demo-sz-admin-token /api/v1/inspections/orders reply",
			"demo-sz-admin-token /api/v1/inspections/orders decisionNote",
			"demo-sz-leader-token /api/v1/inspections/orders findings", "demo-sz-leader-token /api/v1/inspections/orders reply",
			"demo-sz-leader-token /api/v1/inspections/orders decisionNote",
			"demo-wz-staff-token /api/v1/inspections/orders findings", "demo-wz-staff-token /api/v1/inspections/orders reply",
			"demo-wz-staff-token /api/v1/inspections/orders decisionNote");

	private static boolean clear(String text) {
		return text.contains(MOBILE) || text.contains(ID_NUMBER);
	}

	@Test
	void noDetailEndpointAnswersInClearWhatItsListMasks() throws Exception {
		seedNumbers();
		Map<String, String> routes = detailRoutes();
		assertThat(routes).as("the hazards' and the periods' details are among those crawled")
			.containsKeys("/api/v1/safety/hazards", "/api/v1/safety/periods");
		List<String> leaks = new ArrayList<>();
		Set<String> compared = new TreeSet<>();
		for (Map.Entry<String, String> route : routes.entrySet()) {
			for (String token : READERS) {
				JsonNode list = read(route.getKey(), token, true);
				JsonNode items = list == null ? null : list.get("items");
				if (items == null || !items.isArray()) {
					continue;
				}
				for (JsonNode item : items) {
					JsonNode key = item.get(route.getValue());
					if (key == null || !key.isValueNode()) {
						continue;
					}
					JsonNode detail = read(route.getKey() + "/" + key.asString(), token);
					if (detail == null) {
						continue;
					}
					for (Map.Entry<String, JsonNode> field : item.properties()) {
						if (!field.getValue().isString()) {
							continue;
						}
						if (clear(field.getValue().asString())) {
							continue; // the list shows it in clear too: not this rule's business
						}
						if (READ_IN_FULL.contains(token + " " + route.getKey() + " " + field.getKey())) {
							continue;
						}
						for (JsonNode shown : shown(detail, field.getKey())) {
							if (shown.isString() && field.getValue().asString().contains("*") && clear(shown.asString())) {
								leaks.add(token + " " + route.getKey() + "/" + key.asString() + " " + field.getKey());
							}
							if (shown.isString() && field.getValue().asString().contains("*")) {
								compared.add(route.getKey());
							}
						}
					}
				}
			}
		}
		assertThat(compared).as("masked fields compared between list and detail; seeded %s; answers %s", seeded, answers)
			.contains("/api/v1/safety/hazards", "/api/v1/safety/periods");
		assertThat(leaks).as("fields a detail answers in clear though its list masks them").isEmpty();
	}
}
