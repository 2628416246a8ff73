package org.youguan.universal;

import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Finding A5: a 普遍服务监督 record of a county whose bureau is on the platform without a 处室工作人员 (the demo's
 * 苏州市虎丘区邮政管理局) could be recorded by the city but never corrected — 403 «本记录由苏州市虎丘区邮政管理局办理»,
 * a bureau with nobody to act. The record's steps follow the unstaffed-bureau rule ({@code Bureaus.staffed} with
 * {@code SupervisionRecords.TAKERS}): the city corrects 虎丘's records and logs its 社会监督员's reports; the province
 * above still only reads them, told the city handles them; a staffed county (吴中) keeps its own.
 */
@IntegrationTest
class SupervisionInUnstaffedCountyIntegrationTest {

	static final String CITY = "Bearer demo-sz-market-token";

	static final String PROVINCE = "Bearer demo-js-market-token";

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	static String visit(String region, String day, String subject, boolean flag) {
		return """
				{"region":"%s","day":"%s","subject":"%s","flag":%s,"findings":"%s"}"""
			.formatted(region, day, subject, flag, flag ? "督办整改" : "");
	}

	MockHttpServletResponse send(String token, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String json) throws Exception {
		return mvc.perform(request.header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json))
			.andReturn().getResponse();
	}

	/** A correction of outlet visit {@code id} sent by {@code token}. */
	MockHttpServletResponse corrected(String token, long id, String region, String day, String subject, boolean flag)
			throws Exception {
		return send(token, put("/api/v1/universal/supervision/outlet-visits/" + id), visit(region, day, subject, flag));
	}

	static String body(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	long recorded(String token, String json) throws Exception {
		MockHttpServletResponse created = send(token, post("/api/v1/universal/supervision/outlet-visits"), json);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		return ((Number) JsonPath.read(created.getContentAsString(), "$.id")).longValue();
	}

	/** A given name of two characters, drawn for each run (a 社会监督员's name is checked as a person's name). */
	static String given() {
		String chars = "明亮华强伟芳娜静涛磊洋勇军杰娟艳";
		java.util.Random random = new java.util.Random();
		return "" + chars.charAt(random.nextInt(chars.length())) + chars.charAt(random.nextInt(chars.length()))
				+ chars.charAt(random.nextInt(chars.length()));
	}

	@Test
	void theCityCorrectsTheRecordsOfACountyWhoseBureauHasNoStaffAndTheProvinceOnlyReadsThem() throws Exception {
		String day = LocalDate.now(clock).toString();
		String subject = "虎丘监督代办点" + UUID.randomUUID().toString().substring(0, 8);
		long id = recorded(CITY, visit("320505", day, subject, false));

		MockHttpServletResponse corrected = corrected(CITY, id, "320505", day, subject, true);
		assertThat(corrected.getStatus()).as(body(corrected)).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(body(corrected), "$.flag")).isTrue();

		MockHttpServletResponse province = corrected(PROVINCE, id, "320505", day, subject, false);
		assertThat(province.getStatus()).isEqualTo(403);
		assertThat(body(province))
			.as("the province is told the bureau that handles it: the city, not the empty county bureau")
			.contains("由苏州市邮政管理局办理").doesNotContain("虎丘区邮政管理局");

		// a 社会监督员 of 虎丘: appointed and his report logged by the city
		String from = LocalDate.now(clock).minusMonths(1).toString();
		MockHttpServletResponse appointed = send(CITY, post("/api/v1/universal/supervision/supervisors"), """
				{"region":"320505","day":"%s","until":"%s","subject":"欧阳%s"}""".formatted(from,
				LocalDate.now(clock).plusYears(1), given()));
		assertThat(appointed.getStatus()).as(body(appointed)).isEqualTo(201);
		long supervisor = ((Number) JsonPath.read(appointed.getContentAsString(), "$.id")).longValue();
		MockHttpServletResponse report = send(CITY, post("/api/v1/universal/supervision/supervisors/" + supervisor + "/reports"),
				"""
				{"receivedOn":"%s","summary":"反映投递不及时"}""".formatted(LocalDate.now(clock)));
		assertThat(report.getStatus()).as(body(report)).isEqualTo(201);
	}

	@Test
	void aStaffedCountyKeepsItsOwnRecordsFromTheCity() throws Exception {
		String day = LocalDate.now(clock).toString();
		String subject = "吴中监督代办点" + UUID.randomUUID().toString().substring(0, 8);
		long id = recorded(WUZHONG, visit("320506", day, subject, false));
		MockHttpServletResponse city = corrected(CITY, id, "320506", day, subject, true);
		assertThat(city.getStatus()).isEqualTo(403);
		assertThat(body(city)).contains("由苏州市吴中区邮政管理局办理");
		assertThat(corrected(WUZHONG, id, "320506", day, subject, true).getStatus()).isEqualTo(200);
	}
}
