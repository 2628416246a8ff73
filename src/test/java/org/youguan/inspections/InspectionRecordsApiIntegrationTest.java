package org.youguan.inspections;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Rows;
import org.youguan.platform.ChinaTime;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The migration API {@code POST /api/v1/inspections/records} (stable contract of issue 14) and the figures API: a
 * bureau's past inspections are validated like new ones (every broken field named, in Chinese, nothing half-saved),
 * kept in the caller's region, marked imported and audited; the figures of a period count them as a report states
 * them — checked against values computed by hand.
 */
@IntegrationTest
class InspectionRecordsApiIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String CITY = "Bearer demo-sz-admin-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JdbcClient jdbc;

	List<EnterpriseView> wuzhong() {
		return enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE, PageQuery.of(null, 0, 5, null, null))
			.items();
	}

	static String body(String creditCode, String day, String outcome, String rectification, String... certificates) {
		StringBuilder team = new StringBuilder();
		for (int i = 0; i < certificates.length; i++) {
			team.append(i == 0 ? "" : ",").append("{\"name\":\"检查员").append(i).append("\",\"certificateNumber\":\"")
				.append(certificates[i]).append("\"}");
		}
		return """
				{"enterpriseCreditCode":"%s","inspectedOn":"%s","kind":"SPECIAL","items":["REAL_NAME","SCREENING"],
				 "inspectors":[%s],"outcome":"%s","findings":"实名收寄登记不全","rectification":%s}"""
			.formatted(creditCode, day, team, outcome, rectification);
	}

	static String order(String issued, String due, String rectified) {
		return "{\"number\":\"吴邮管责改〔" + UUID.randomUUID().toString().substring(0, 8) + "〕号\",\"issuedOn\":\"" + issued
				+ "\",\"dueOn\":\"" + due + "\",\"rectifiedOn\":" + (rectified == null ? "null" : "\"" + rectified + "\"") + "}";
	}

	static String certificate() {
		return "TEST" + UUID.randomUUID().toString().substring(0, 10);
	}

	ResultActions postRecord(String token, String json) throws Exception {
		return mvc.perform(post("/api/v1/inspections/records").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	InspectionFigures.Figures figures(String region, String from, String to) throws Exception {
		String json = mvc.perform(get("/api/v1/inspections/figures").header("Authorization", CITY)
			.param("region", region).param("from", from).param("to", to))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return new InspectionFigures.Figures(n(json, "inspectedEnterprises"), n(json, "inspectorVisits"),
				n(json, "inspections"), n(json, "rectificationOrders"), n(json, "rectifiedOnTime"), n(json, "overdueOrders"),
				n(json, "rectifiedLate"),
				n(json, "leads"), n(json, "reinspections"));
	}

	static long n(String json, String field) {
		return ((Number) JsonPath.read(json, "$." + field)).longValue();
	}

	/** Invisible characters inside the findings (a zero-width space, a word joiner) are removed as they are stored. */
	@Test
	void invisibleCharactersInTheFindingsAreRemovedAsStored() throws Exception {
		String json = body(wuzhong().get(0).creditCode(), "2024-02-05", "NONE", "null", certificate(), certificate())
			.replace("实名收寄登记不全", "实名\\u200B收寄\\u2060登记不全");
		long id = n(postRecord(WUZHONG, json).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
				"id");
		assertThat(jdbc.sql("SELECT findings FROM inspection_record WHERE id = :id").param("id", id).query(String.class)
			.single()).isEqualTo("实名收寄登记不全");
	}

	@Test
	void figuresCountImportedInspectionsAsComputedByHand() throws Exception {
		List<EnterpriseView> e = wuzhong();
		String a = e.get(0).creditCode();
		String b = e.get(1).creditCode();
		InspectionFigures.Figures before = figures("320506", "2024-01-01", "2024-06-30");

		postRecord(WUZHONG, body(a, "2024-03-01", "NONE", "null", certificate(), certificate())).andExpect(status().isCreated());
		postRecord(WUZHONG, body(a, "2024-04-01", "RECTIFICATION", order("2024-04-01", "2024-04-15", "2024-04-10"),
				certificate(), certificate(), certificate())).andExpect(status().isCreated());
		postRecord(WUZHONG, body(b, "2024-05-01", "RECTIFICATION", order("2024-05-01", "2024-05-10", null),
				certificate(), certificate())).andExpect(status().isCreated());
		postRecord(WUZHONG, body(b, "2024-06-01", "LEAD", "null", certificate(), certificate())).andExpect(status().isCreated());
		postRecord(WUZHONG, body(b, "2023-12-31", "NONE", "null", certificate(), certificate())).andExpect(status().isCreated());

		InspectionFigures.Figures after = figures("320506", "2024-01-01", "2024-06-30");
		// by hand: enterprises a and b; 2 + 3 + 2 + 2 inspectors; 4 inspections in the half-year (not the one of 2023);
		// two orders, one rectified by its deadline, one never; one lead
		assertThat(after.inspections() - before.inspections()).isEqualTo(4);
		assertThat(after.inspectorVisits() - before.inspectorVisits()).isEqualTo(9);
		assertThat(after.rectificationOrders() - before.rectificationOrders()).isEqualTo(2);
		assertThat(after.rectifiedOnTime() - before.rectifiedOnTime()).isEqualTo(1);
		assertThat(after.overdueOrders() - before.overdueOrders()).isEqualTo(1);
		assertThat(after.leads() - before.leads()).isEqualTo(1);
		assertThat(after.inspectedEnterprises()).isGreaterThanOrEqualTo(2)
			.isLessThanOrEqualTo(before.inspectedEnterprises() + 2);
		long distinct = jdbc.sql("""
				SELECT count(DISTINCT enterprise_credit_code) FROM inspection_record
				WHERE region_code LIKE '320506%' AND inspected_on BETWEEN '2024-01-01' AND '2024-06-30'""")
			.query(Long.class).single();
		assertThat(after.inspectedEnterprises()).isEqualTo(distinct);
		// the county's figures are inside the city's
		assertThat(figures("3205", "2024-01-01", "2024-06-30").inspections()).isGreaterThanOrEqualTo(after.inspections());
	}

	/**
	 * Attack finding: 逾期未整改 counts the orders past their deadline and not rectified — the orders the list
	 * {@code state=OVERDUE} shows — while one rectified after its deadline is 逾期整改, a figure of its own.
	 */
	@Test
	void overdueCountsTheUnrectifiedOrdersOfTheOverdueListAndLateRectificationIsItsOwnFigure() throws Exception {
		List<EnterpriseView> e = wuzhong();
		InspectionFigures.Figures before = figures("320506", "2023-07-01", "2023-12-31");
		String late = order("2023-08-01", "2023-08-15", "2023-08-20");
		// a working day: a deadline on a Sunday is refused (RectificationTerm)
		String never = order("2023-09-01", "2023-09-11", null);
		postRecord(WUZHONG, body(e.get(0).creditCode(), "2023-08-01", "RECTIFICATION", late, certificate(), certificate()))
			.andExpect(status().isCreated());
		postRecord(WUZHONG, body(e.get(1).creditCode(), "2023-09-01", "RECTIFICATION", never, certificate(), certificate()))
			.andExpect(status().isCreated());
		InspectionFigures.Figures after = figures("320506", "2023-07-01", "2023-12-31");
		assertThat(after.rectificationOrders() - before.rectificationOrders()).isEqualTo(2);
		assertThat(after.overdueOrders() - before.overdueOrders()).as("逾期未整改: the one never rectified").isEqualTo(1);
		assertThat(after.rectifiedLate() - before.rectifiedLate()).as("逾期整改: the one rectified late").isEqualTo(1);
		for (String[] o : List.of(new String[] { never, "1" }, new String[] { late, "0" })) {
			String number = JsonPath.read(o[0], "$.number");
			mvc.perform(get("/api/v1/inspections/orders").header("Authorization", WUZHONG).param("state", "OVERDUE")
				.param("q", number))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(Integer.parseInt(o[1])));
		}
	}

	/** Attack finding: an unknown state is refused naming {@code state} and the states allowed, never ignored. */
	@Test
	void anUnknownOrderStateIsRefusedNotIgnored() throws Exception {
		for (String state : List.of("LATE", "RECTIFIED")) {
			mvc.perform(get("/api/v1/inspections/orders").header("Authorization", WUZHONG).param("state", state))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("state"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("AWAITING_REPLY、REPLIED、OVERDUE")));
			mvc.perform(get("/inspections/orders").session(SignIn.session(mvc, "wz.staff")).param("state", state))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("通知书状态应为")));
			mvc.perform(get("/enterprise/inspections/orders").session(SignIn.session(mvc, "sf.wz")).param("state", state))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("通知书状态应为")));
		}
		mvc.perform(get("/inspections/orders").session(SignIn.session(mvc, "wz.staff")).param("state", "overdue"))
			.andExpect(status().isOk());
	}

	@Test
	void aRecordIsImportedAuditedAndPlacedInTheEnterprisesRegion() throws Exception {
		String a = wuzhong().get(0).creditCode();
		String json = postRecord(WUZHONG, body(a, "2025-02-03", "INTERVIEW", "null", certificate(), certificate()))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long id = n(json, "id");
		record Stored(String regionCode, boolean imported, String outcome) {
		}
		Stored stored = jdbc.sql("SELECT region_code, imported, outcome FROM inspection_record WHERE id = :id").param("id", id)
			.query(Rows.of(Stored.class)).single();
		assertThat(stored.regionCode()).startsWith("320506");
		assertThat(stored.imported()).isTrue();
		assertThat(stored.outcome()).isEqualTo("INTERVIEW");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'inspection' AND object_id = :id AND action = 'inspection.import'")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void everyBrokenFieldIsNamedInChineseAndNothingIsSaved() throws Exception {
		long records = jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single();
		postRecord(WUZHONG, """
				{"enterpriseCreditCode":"91320506XXXXXXXXX","inspectedOn":"2999-01-01","kind":"RAID","items":["NOPE"],
				 "inspectors":[{"name":"张三","certificateNumber":"X1"}],"outcome":"RECTIFICATION","findings":"",
				 "rectification":null}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("enterpriseCreditCode")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("inspectedOn")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("items[0]")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("inspectors")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("findings")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("rectification")))
			.andExpect(jsonPath("$.errors[*].message", hasItem(containsString("检查人员不得少于2人"))))
			.andExpect(jsonPath("$.errors[*].message", hasItem(containsString("检查类型"))));
		String a = wuzhong().get(0).creditCode();
		postRecord(WUZHONG, body(a, "2025-03-01", "RECTIFICATION", order("2025-03-01", "2025-02-01", null), "DUP1", "DUP1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("rectification.dueOn")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("inspectors[1].certificateNumber")));
		postRecord(WUZHONG, "{\"kind\":[1,2]}").andExpect(status().isBadRequest());
		assertThat(jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single()).isEqualTo(records);
	}

	/**
	 * An imported 责令改正通知书's deadline is held to the rule of the orders issued on the platform
	 * ({@link RectificationTerm}): a working day, 1 to 180 working days after the day it was issued — attack round 20: a
	 * Sunday and a day years ahead were taken. Nothing is saved when refused.
	 */
	@Test
	void anImportedOrdersDeadlineIsAWorkingDayWithinTheSpanOfAnIssuedOne() throws Exception {
		String a = wuzhong().get(0).creditCode();
		long records = jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single();
		// 2024-03-17 is a Sunday, no 调休 that weekend
		postRecord(WUZHONG, body(a, "2024-03-11", "RECTIFICATION", order("2024-03-11", "2024-03-17", null), certificate(),
				certificate()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("rectification.dueOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("working-day"))
			.andExpect(jsonPath("$.errors[0].message", containsString("不是工作日")));
		for (String due : List.of("2027-03-11", "2024-03-11")) {
			postRecord(WUZHONG, body(a, "2024-03-11", "RECTIFICATION", order("2024-03-11", due, null), certificate(),
					certificate()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("rectification.dueOn"))
				.andExpect(jsonPath("$.errors[0].rule").value("range"))
				.andExpect(jsonPath("$.errors[0].message", containsString("1至180个工作日")));
		}
		assertThat(jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single()).isEqualTo(records);
		postRecord(WUZHONG, body(a, "2024-03-11", "RECTIFICATION", order("2024-03-11", "2024-03-25", null), certificate(),
				certificate())).andExpect(status().isCreated());
	}

	@Test
	void aCountyRecordsOnlyEnterprisesOfItsOwnRegion() throws Exception {
		String xiangcheng = enterprises.list(DataScope.region("320507"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 1, null, null)).items().get(0).creditCode();
		// another county's enterprise: not found before any field (Enterprises.refuseOutside), the field named
		postRecord(WUZHONG, body(xiangcheng, "2025-03-01", "NONE", "null", certificate(), certificate()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field").value("enterpriseCreditCode"));
		mvc.perform(get("/api/v1/inspections/figures").header("Authorization", WUZHONG).param("region", "320507"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/inspections/figures").header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theRosterDecidesNamesAndValidity() throws Exception {
		String a = wuzhong().get(0).creditCode();
		String number = certificate();
		long bureau = jdbc.sql("SELECT id FROM bureau_name WHERE region_code = '320506'").query(Long.class).single();
		// a certificate already run out is not entered on the roster (attack: 201 for validUntil 2025-02-03)
		mvc.perform(post("/api/v1/inspections/inspectors").header("Authorization", CITY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"bureauId\":" + bureau + ",\"name\":\"钱执法\",\"certificateNumber\":\"" + number
					+ "\",\"validUntil\":\"2024-12-31\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("validUntil"))
			.andExpect(jsonPath("$.errors[0].rule").value("expired"));
		Number id = JsonPath.read(mvc.perform(post("/api/v1/inspections/inspectors").header("Authorization", CITY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"bureauId\":" + bureau + ",\"name\":\"钱执法\",\"certificateNumber\":\"" + number
					+ "\",\"validUntil\":\"" + LocalDate.now(ChinaTime.ZONE) + "\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.id");
		// the certificate has run out since it was entered (valid on its first inspection day, not on the second)
		jdbc.sql("UPDATE inspector SET valid_until = DATE '2024-12-31' WHERE id = :id").param("id", id.longValue()).update();
		String team = "[{\"name\":\"钱执法\",\"certificateNumber\":\"" + number + "\"},{\"name\":\"另一人\",\"certificateNumber\":\""
				+ certificate() + "\"}]";
		String valid = body(a, "2024-06-01", "NONE", "null", "X", "Y").replaceFirst("\\[\\{.*?\\}\\]", team);
		postRecord(WUZHONG, valid).andExpect(status().isCreated());
		postRecord(WUZHONG, valid.replace("2024-06-01", "2025-01-02"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("inspectors[0].certificateNumber"))
			.andExpect(jsonPath("$.errors[0].message", containsString("已过有效期")));
		postRecord(WUZHONG, valid.replace("钱执法", "孙冒名"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("inspectors[0].name"));
	}

	/**
	 * A team is of the roster the form offers: inspectors of the bureaus above the inspected place or inside the
	 * caller's region. A county posting another county's or city's inspector by hand is refused naming the field and
	 * the rule (400); the city, whose form offers its counties' inspectors, may send them.
	 */
	@Test
	void anInspectorOfAnotherCountyIsRefusedNamingTheFieldAndTheRule() throws Exception {
		String a = wuzhong().get(0).creditCode();
		String team = "[{\"name\":\"陈吴中\",\"certificateNumber\":\"32050601\"},{\"name\":\"卫昆山\",\"certificateNumber\":\"32058301\"}]";
		String json = body(a, "2024-05-06", "NONE", "null", "X", "Y").replaceFirst("\\[\\{.*?\\}\\]", team);
		long records = jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single();
		postRecord(WUZHONG, json)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("inspectors[1].certificateNumber"))
			.andExpect(jsonPath("$.errors[0].rule").value("bureau"));
		assertThat(jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single()).isEqualTo(records);
		postRecord(CITY, json).andExpect(status().isCreated());
	}

	/** The same inspection sent twice (a retried call) is one record: the second is a 409, the figures count one. */
	@Test
	void theSameInspectionSentTwiceIsRecordedOnce() throws Exception {
		String a = wuzhong().get(0).creditCode();
		String same = body(a, "2024-07-01", "NONE", "null", certificate(), certificate());
		long before = jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single();
		postRecord(WUZHONG, same).andExpect(status().isCreated());
		postRecord(WUZHONG, same)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("enterpriseCreditCode"))
			.andExpect(jsonPath("$.detail", containsString("不能重复登记")));
		assertThat(jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single()).isEqualTo(before + 1);
	}

	@Test
	void aSingleItemAndTeamMembersWrittenAsTextAreAccepted() throws Exception {
		String a = wuzhong().get(0).creditCode();
		postRecord(WUZHONG, """
				{"enterpriseCreditCode":"%s","inspectedOn":"2025-04-01","kind":"SUPERVISION","items":"REAL_NAME",
				 "inspectors":["甲/%s","乙/%s"],"outcome":"NONE","findings":null,"rectification":null}"""
			.formatted(a, certificate(), certificate()))
			.andExpect(status().isCreated());
		postRecord(WUZHONG, """
				{"enterpriseCreditCode":"%s","inspectedOn":"2025-04-01","kind":"SUPERVISION","items":{"a":1},
				 "inspectors":["甲"],"outcome":"NONE"}""".formatted(a))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items"));
	}
}
