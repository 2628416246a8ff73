package org.youguan.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;

/**
 * Finding (json access): a region or bureau named in a JSON body was checked only after Jackson bound the whole body,
 * so a malformed date, choice or yes/no elsewhere in it answered 400 (naming the field) to a caller who has no access
 * to that region — the region, bureau or enterprise a body names is read from the raw body first
 * ({@link StepAccessFirst}, {@link JsonBodyReplay}) and one outside the caller's scope is 404 before any field. A body
 * with several fields that cannot be bound names every one of them in one answer ({@link JsonFields}), as forms do.
 */
@IntegrationTest
class JsonBodyAccessFirstIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String XIANGCHENG = "Bearer demo-xc-staff-token";

	static final String CITY_ADMIN = "Bearer demo-sz-admin-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	ResultActions json(String token, String path, String body) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void aPlanOfAnotherRegionIsNotThereBeforeAMalformedDateBesideIt() throws Exception {
		json(WUZHONG, "/api/v1/inspections/plans", """
				{"name":"相城计划","periodFrom":"2026-13-45","periodTo":"2026-06-30","regionCode":"320507","sampleCount":2}""")
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("行政区划")));
	}

	@Test
	void everyFieldOfABodyThatCannotBeBoundIsToldInOneAnswer() throws Exception {
		json(WUZHONG, "/api/v1/inspections/plans", """
				{"name":"本区计划","periodFrom":"2026-13-45","periodTo":"abc","regionCode":"320506","sampleCount":"x"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(3))
			.andExpect(jsonPath("$.errors[*].field", hasItems("periodFrom", "periodTo", "sampleCount")))
			.andExpect(jsonPath("$.errors[0].field").value("periodFrom"))
			.andExpect(jsonPath("$.errors[0].rule").value("format"))
			.andExpect(jsonPath("$.errors[1].message").value(containsString("YYYY-MM-DD")))
			.andExpect(jsonPath("$.errors[2].message").value(containsString("整数")));
	}

	@Test
	void anInspectorOfABureauOutsideTheScopeIsNotThereBeforeAMalformedDate() throws Exception {
		long outside = jdbc.sql("SELECT id FROM bureau_name WHERE region_code NOT LIKE '3205%' ORDER BY id LIMIT 1")
			.query(Long.class).single();
		json(CITY_ADMIN, "/api/v1/inspections/inspectors", """
				{"bureauId":%d,"name":"钱执法","certificateNumber":"JX0001","validUntil":"2026-02-30"}""".formatted(outside))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("所属单位")));
		// as text too: the id is read as sent
		json(CITY_ADMIN, "/api/v1/inspections/inspectors", """
				{"bureauId":"%d","name":"钱执法","validUntil":"x"}""".formatted(outside))
			.andExpect(status().isNotFound());
		long own = jdbc.sql("SELECT id FROM bureau_name WHERE region_code = '320506'").query(Long.class).single();
		json(CITY_ADMIN, "/api/v1/inspections/inspectors", """
				{"bureauId":%d,"name":"钱执法","certificateNumber":"JX0001","validUntil":"2026-02-30"}""".formatted(own))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("validUntil"));
	}

	@Test
	void aComplaintForAnotherRegionIsNotThereBeforeAChoiceNoneOfTheOffered() throws Exception {
		json(XIANGCHENG, "/api/v1/complaints", """
				{"filerName":"张三","phone":"13800000000","filerRole":"NOPE","region":"320506","brand":""}""")
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("行政区划")));
		json(XIANGCHENG, "/api/v1/complaints", """
				{"filerName":"张三","phone":"13800000000","filerRole":"NOPE","region":"320507","brand":""}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("filerRole"));
	}

	@Test
	void aSupervisionRecordOfAnotherRegionIsNotThereBeforeAYesNoOfTheWrongShape() throws Exception {
		json(XIANGCHENG, "/api/v1/universal/supervision/confidential", """
				{"region":"320506","day":"2022-04-01","subject":"检查","flag":"yes"}""")
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("行政区划")));
	}

	@Test
	void aSecurityPeriodOfAnotherRegionIsNotThereBeforeItsFieldsUnderItsAliasToo() throws Exception {
		for (String key : new String[] { "region", "regionCode" }) {
			json(WUZHONG, "/api/v1/safety/periods", """
					{"name":"相城安保期","%s":"320507","startsOn":"2026-05-01","endsOn":"2026-05-05","fullScreening":"yes"}"""
				.formatted(key))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("行政区划")));
		}
	}

	/** A normal enterprise registered in {@code region} (its credit code). */
	String enterpriseOf(String region) {
		return jdbc.sql("SELECT credit_code FROM enterprise WHERE region_code LIKE :r AND status = 'NORMAL' ORDER BY id LIMIT 1")
			.param("r", region + "%")
			.query(String.class)
			.single();
	}

	@Test
	void everyBadFieldIsToldOnAnEndpointNoGuardReadsTheBodyOf() throws Exception {
		// no guard reads this body before the handler (no step access declares the address): the error handling reads
		// it all the same
		json(WUZHONG, "/api/v1/licensing/licences/cancellation", """
				{"number":[1],"ground":[1],"note":{"a":1}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(3))
			.andExpect(jsonPath("$.errors[*].field", hasItems("number", "ground", "note")));
		json(WUZHONG, "/api/v1/safety/hazards", """
				{"foundOn":[1],"deadline":[1],"level":{"a":1}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("foundOn", "deadline", "level")));
	}

	@Test
	void aPartyEnterpriseOutsideTheScopeIsNotThereBeforeAMalformedFieldBesideIt() throws Exception {
		String xiangcheng = enterpriseOf("320507");
		String[][] steps = {
				{ "/api/v1/safety/hazards", "{\"enterpriseCreditCode\":\"%s\",\"foundOn\":[1]}" },
				{ "/api/v1/safety/incidents", "{\"enterpriseCreditCode\":\"%s\",\"occurredAt\":[1]}" },
				{ "/api/v1/safety/contractors", "{\"enterpriseCreditCode\":\"%s\",\"contractFrom\":[1]}" },
				{ "/api/v1/inspections/records", "{\"enterpriseCreditCode\":\"%s\",\"inspectedOn\":[1]}" },
				{ "/api/v1/enforcement/leads", "{\"enterpriseCreditCode\":\"%s\",\"receivedOn\":[1]}" },
				{ "/api/v1/enforcement/cases/on-the-spot", "{\"enterpriseCreditCode\":\"%s\",\"decidedOn\":[1]}" },
				{ "/api/v1/enforcement/cases/imported", "{\"enterpriseCreditCode\":\"%s\",\"filedOn\":[1]}" } };
		for (String[] step : steps) {
			json(WUZHONG, step[0], step[1].formatted(xiangcheng))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("不存在或不在您的数据权限范围内")));
		}
	}

	@Test
	void aPaperApplicationOfAnotherRegionIsNotThereBeforeAMalformedFieldBesideIt() throws Exception {
		json(WUZHONG, "/api/v1/licensing/applications", """
				{"regionCode":"320507","submittedOn":[1],"kind":"NEW"}""")
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("行政区划")));
	}

	@Test
	void theGuardReadsTheBodyAsTheConverterDoes() throws Exception {
		String body = """
				{"name":"相城计划","periodFrom":"2026-13-45","periodTo":"2026-06-30","regionCode":"320507","sampleCount":2}""";
		String[] sent = {
				// a byte-order mark before the object
				"\uFEFF" + body,
				// data trailing the object
				body + " {}",
				// the key twice, the value outside the scope first
				"{\"regionCode\":\"320507\",\"name\":\"x\",\"periodFrom\":\"2026-13-45\",\"regionCode\":\"320506\"}" };
		for (String each : sent) {
			json(WUZHONG, "/api/v1/inspections/plans", each).andExpect(status().isNotFound())
				.andExpect(content().string(containsString("行政区划")));
		}
	}

	@Test
	void anImportedCaseLabelsItsFiledOnAsItsRulesDo() throws Exception {
		json(WUZHONG, "/api/v1/enforcement/cases/imported", """
				{"enterpriseCreditCode":"%s","filedOn":[1]}""".formatted(enterpriseOf("320506")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("filedOn"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("立案日期")));
	}
}
