package org.youguan.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.calendar.CalendarYears;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 31: readers written by hand bypassed the strict reading of JSON bodies ({@code JsonText}). Each now
 * refuses what the converter refuses — a number or {@code true} for text (rule {@code format}, "应为文字", naming the
 * element by its path), a key twice ({@code duplicate-key}), a field its object does not take ({@code unknown}) — and
 * a multipart request's JSON part sent as another type names that part, not the request's Content-Type.
 */
@IntegrationTest
class HandWrittenJsonReadersIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String SF_WUZHONG = "Bearer demo-sf-wz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CalendarYears calendar;

	/**
	 * Attack 5 E: the reader of every JSON import's items told a key twice alone, losing the type errors of that item
	 * and the others; a body that is no array "无法解析"; an item that is no object "类型或格式不正确" alone; a number
	 * for a list "应为文字". Each is told what it is and should be, all in one answer.
	 */
	@Test
	void aJsonImportsItemsAreToldTogetherAndWhatTheyShouldBe() throws Exception {
		mvc.perform(post("/api/v1/universal/checks/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					[{"villageCode":"1","villageCode":"2","deliveriesObserved":"x"},{"villageCode":"3","deliveriesObserved":"y"}]"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("第1条·villageCode", "第1条·deliveriesObserved",
					"第2条·deliveriesObserved")))
			.andExpect(jsonPath("$.errors[0].rule").value("duplicate-key"))
			.andExpect(jsonPath("$.errors[1].rule").value("format"));
		// a key twice in an item after the one the converter stopped at is told as well
		mvc.perform(post("/api/v1/universal/checks/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					[{"villageCode":"1","deliveriesObserved":"x"},{"villageCode":"2","villageCode":"3"}]"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("第1条·deliveriesObserved", "第2条·villageCode")))
			.andExpect(jsonPath("$.errors[1].rule").value("duplicate-key"));
		mvc.perform(post("/api/v1/universal/checks/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"villageCode":"320506100001","checkedOn":"2026-03-01"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("应为JSON数组")));
		mvc.perform(post("/api/v1/universal/checks/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					["320506100001", {"villageCode":"320506100001","deliveriesObserved":"y"}]"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("第1条", "第2条·deliveriesObserved")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("第1条应为对象")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不能是文字")));
		mvc.perform(post("/api/v1/universal/checks/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					[{"villageCode":"320506100001","checkedOn":"2026-03-01","inspectors":5}]"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("第1条·inspectors"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("应为数组（列表）")));
	}

	@Test
	void anImportedChecksInspectorsAreTextOnly() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM village_check").query(Long.class).single();
		mvc.perform(post("/api/v1/universal/checks/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					[{"villageCode":"320506100001","checkedOn":"2026-03-01","deliveryMode":"DIRECT","deliveriesObserved":5,
					  "handoverRecords":true,"standardDelivery":true,"inspectors":[123,true]}]"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("第1条·inspectors[0]"))
			.andExpect(jsonPath("$.errors[0].rule").value("format"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("应为文字")));
		mvc.perform(post("/api/v1/universal/checks/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					[{"villageCode":"320506100001","checkedOn":"2026-03-01","inspectors":["王普服",true]}]"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("第1条·inspectors[1]"))
			.andExpect(jsonPath("$.errors[0].rule").value("format"));
		// an inspector's object is read as any body's object: a key twice, a field it does not take, a number for text
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"villageCode":"320506100001","inspectors":[{"name":"陈吴中","name":"沈执法"}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("duplicate-key"))
			.andExpect(jsonPath("$.errors[0].field").value("inspectors[0].name"));
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"villageCode":"320506100001","inspectors":[{"name":"陈吴中","certificate":"32050601"}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("unknown"));
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"villageCode":"320506100001","inspectors":[{"name":"陈吴中","certificateNumber":32050601}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("inspectors[0].certificateNumber"))
			.andExpect(jsonPath("$.errors[0].rule").value("format"));
		assertThat(jdbc.sql("SELECT count(*) FROM village_check").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void anInspectionsListsAreTextOnly() throws Exception {
		mvc.perform(post("/api/v1/inspections/records").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind":"SPECIAL","items":["REAL_NAME",5]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items[1]"))
			.andExpect(jsonPath("$.errors[0].rule").value("format"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("应为文字")));
		mvc.perform(post("/api/v1/inspections/records").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind":"SPECIAL","inspectors":["陈吴中/32050601",{"name":"沈执法","name":"王普服"}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("duplicate-key"))
			.andExpect(jsonPath("$.errors[0].field").value("inspectors[1].name"));
	}

	@Test
	void aCourierRosterRefusesAKeyTwiceAndANumberForText() throws Exception {
		String tag = "CK" + System.nanoTime() % 1_000_000_000L;
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SF_WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("[{\"courierId\":\"" + tag + "A\",\"courierId\":\"" + tag + "B\",\"idNumber\":\"320506198001010013\"}]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("courierId"))
			.andExpect(jsonPath("$.errors[0].rule").value("duplicate-key"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("第1行")));
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SF_WUZHONG).contentType("application/x-ndjson")
			.content("{\"courierId\":\"" + tag + "C\",\"idNumber\":\"320506198001010013\"}\n"
					+ "{\"courierId\":\"" + tag + "D\",\"idNumber\":320502199001011234}\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("idNumber"))
			.andExpect(jsonPath("$.errors[0].rule").value("format"))
			.andExpect(jsonPath("$.errors[0].message").value("第2行：证件号码（idNumber）应为文字，写在英文双引号中"));
		assertThat(jdbc.sql("SELECT count(*) FROM safety_courier WHERE courier_id LIKE :t").param("t", tag + "%")
			.query(Long.class).single()).as("nothing saved").isZero();
	}

	@Test
	void aCalendarFilesDaysAreTextInAnObject() {
		assertThatThrownBy(() -> calendar.parse("{\"holidays\":{\"2099-01-01\":5},\"workdays\":{}}"
			.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.contains(org.assertj.core.groups.Tuple.tuple("holidays.2099-01-01", "format")));
		assertThatThrownBy(() -> calendar.parse("{\"holidays\":[\"2099-01-01\"],\"workdays\":{}}"
			.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.contains(org.assertj.core.groups.Tuple.tuple("holidays", "format")));
	}

	@Test
	void aMultipartJsonPartOfAnotherTypeIsNamed() throws Exception {
		// an application the city may verify: access is decided before the part's type (StepAccessFirst)
		long id = jdbc.sql("SELECT id FROM licence_application WHERE region_code = '320506' ORDER BY id LIMIT 1")
			.query(Long.class).single();
		byte[] data = "{\"verifiedOn\":\"2026-03-01\"}".getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/api/v1/licensing/applications/" + id + "/verification").part(new MockPart("data", data))
			.header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.errors[0].field").value("data"))
			.andExpect(jsonPath("$.errors[0].rule").value("media-type"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("application/json")));
		MockPart text = new MockPart("data", null, data, MediaType.TEXT_PLAIN);
		mvc.perform(multipart("/api/v1/licensing/applications/" + id + "/verification").part(text)
			.header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.errors[0].field").value("data"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("text/plain")));
	}
}
