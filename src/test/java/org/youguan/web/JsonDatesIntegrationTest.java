package org.youguan.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomDigits;
import org.youguan.TestImages;
import org.youguan.documents.PdfFiles;
import org.youguan.kernel.IdCardNumber;

import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack 52: a JSON date was read from a day count ({@code "postedOn":20771} filed a complaint posted on 2026-11-14,
 * 20771 days after 1970-01-01), an array ({@code [2026,11,23]}) and a date-time whose time was dropped
 * ({@code "2026-11-20T00:00:00"}), on the complaint API and the outlet filing API alike. Each is now a 400 naming the
 * field by its JSON path, rule {@code format}, "格式 YYYY-MM-DD", with nothing saved; the ISO date is still filed.
 */
@IntegrationTest
class JsonDatesIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String SF_TOKEN = "Bearer demo-sf-wz-token";

	/** What a client sent for a date that is no "YYYY-MM-DD" text (a day count, an array, a date-time). */
	static final List<String> NOT_DATES = List.of("20771", "[2026,11,23]", "\"2026-11-20T00:00:00\"", "\"20771\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aComplaintsDatesAreNoDayCountsArraysOrDateTimes() throws Exception {
		long before = count("complaint");
		String good = InputEdgeCasesIntegrationTest.complaintJson("SF" + RandomDigits.of(10));
		String postedOn = good.replaceAll(".*\"postedOn\":\"([^\"]+)\".*", "$1");
		String priorOn = good.replaceAll(".*\"date\":\"([^\"]+)\".*", "$1");
		for (String date : NOT_DATES) {
			refused(post("/api/v1/complaints").param("channel", "PHONE").header("Authorization", WUZHONG)
				.contentType(MediaType.APPLICATION_JSON)
				.content(good.replace("\"postedOn\":\"" + postedOn + "\"", "\"postedOn\":" + date)), "postedOn");
			refused(post("/api/v1/complaints").param("channel", "PHONE").header("Authorization", WUZHONG)
				.contentType(MediaType.APPLICATION_JSON)
				.content(good.replace("\"date\":\"" + priorOn + "\"", "\"date\":" + date)), "priorComplaint.date");
		}
		assertThat(count("complaint")).isEqualTo(before);
		mvc.perform(post("/api/v1/complaints").param("channel", "PHONE").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(good))
			.andExpect(status().isCreated());
		assertThat(count("complaint")).isEqualTo(before + 1);
	}

	@Test
	void anOutletFilingsOpeningDayIsNoDayCountArrayOrDateTime() throws Exception {
		long before = count("outlet_filing");
		LocalDate opened = LocalDate.now(clock).minusDays(3);
		for (String date : NOT_DATES) {
			String outlet = outletJson("日期网点" + UUID.randomUUID().toString().substring(0, 6), opened)
				.replace("\"openedOn\": \"" + opened + "\"", "\"openedOn\": " + date);
			refused(filing(outlet), "openedOn");
		}
		assertThat(count("outlet_filing")).isEqualTo(before);
		mvc.perform(filing(outletJson("日期网点" + UUID.randomUUID().toString().substring(0, 6), opened)))
			.andExpect(status().isCreated());
		assertThat(count("outlet_filing")).isEqualTo(before + 1);
	}

	/** The application's own mapper, the one every body is read by, holds to the same: a day count is no date. */
	@Test
	void theApplicationsMapperReadsDatesOnlyFromTheirIsoText() {
		record Day(LocalDate on) {
		}
		assertThat(json.readValue("{\"on\":\"2026-11-20\"}", Day.class).on()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThatThrownBy(() -> json.readValue("{\"on\":20771}", Day.class)).isInstanceOf(MismatchedInputException.class);
	}

	@Autowired
	ErrorHandling errors;

	/** A body with a year, a moment and a map keyed by day, as an API would take them. */
	record Dated(java.time.Year year, java.time.OffsetDateTime signedAt, java.util.Map<LocalDate, Integer> days) {
	}

	/**
	 * A controller taking a {@link Dated} body; an inner class, which the application's component scan does not take,
	 * so it joins no other test's application.
	 */
	@org.springframework.web.bind.annotation.RestController
	class DatedBodies {

		@org.springframework.web.bind.annotation.PostMapping("/api/v1/dated")
		String read(@org.springframework.web.bind.annotation.RequestBody Dated body) {
			return body.year() + " " + body.signedAt().toInstant() + " " + body.days();
		}
	}

	/**
	 * Through the application's mapper and its error answer: a year that is no "YYYY" text, a moment whose offset lacks
	 * its colon ({@code +0800}) and a map key that is no ISO date are each 400 naming the field, rule {@code format},
	 * with the form expected; the ISO texts are read.
	 */
	@Test
	void aYearAnOffsetAndADateKeyAreRefusedNamingTheFieldAndTheForm() throws Exception {
		MockMvc bodies = org.springframework.test.web.servlet.setup.MockMvcBuilders.standaloneSetup(new DatedBodies())
			.setControllerAdvice(errors)
			.setMessageConverters(new org.springframework.http.converter.json.JacksonJsonHttpMessageConverter(json))
			.build();
		String good = "{\"year\":\"2026\",\"signedAt\":\"2026-11-20T08:30:00+08:00\",\"days\":{\"2026-11-20\":1}}";
		bodies.perform(post("/api/v1/dated").contentType(MediaType.APPLICATION_JSON).content(good))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string("\"2026 2026-11-20T00:30:00Z {2026-11-20=1}\""));
		for (String year : List.of("2026", "\"+2026\"", "\"26\"", "2026.5")) {
			bodies.perform(post("/api/v1/dated").contentType(MediaType.APPLICATION_JSON)
				.content(good.replace("\"year\":\"2026\"", "\"year\":" + year)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("year"))
				.andExpect(jsonPath("$.errors[0].rule").value("format"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("应为年份 YYYY")));
		}
		bodies.perform(post("/api/v1/dated").contentType(MediaType.APPLICATION_JSON)
			.content(good.replace("+08:00", "+0800")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("signedAt"))
			.andExpect(jsonPath("$.errors[0].rule").value("format"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("时区写作+08:00（带冒号）或Z")));
		bodies.perform(post("/api/v1/dated").contentType(MediaType.APPLICATION_JSON)
			.content(good.replace("{\"2026-11-20\":1}", "{\"20261120\":1}")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(containsString("days")))
			.andExpect(jsonPath("$.errors[0].rule").value("format"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("格式 YYYY-MM-DD")));
	}

	private org.springframework.test.web.servlet.RequestBuilder filing(String outlet) {
		var request = multipart("/api/v1/enterprise/filings");
		request.file(new MockMultipartFile("outlet", "", MediaType.APPLICATION_JSON_VALUE, outlet.getBytes(StandardCharsets.UTF_8)));
		request.file(new MockMultipartFile("businessLicence", "营业执照.pdf", "application/pdf", PdfFiles.blankPage()));
		request.file(new MockMultipartFile("managerId", "身份证.jpg", "image/jpeg", TestImages.jpeg(4, 3)));
		request.file(new MockMultipartFile("photos", "门头.jpg", "image/jpeg", TestImages.jpeg(4, 3)));
		return request.header("Authorization", SF_TOKEN);
	}

	private static String outletJson(String name, LocalDate openedOn) {
		String first17 = "32050619850315" + RandomDigits.of(3);
		return """
				{"name": "%s", "cooperation": "FRANCHISE", "address": "吴中区长桥街道日期路%s号", "regionCode": "320506001",
				 "managerName": "钱七", "managerIdNumber": "%s", "managerPhone": "13712345678", "storageArea": 40,
				 "hasCommunications": true, "hasShelving": true, "hasSurveillance": true, "hasSignage": true,
				 "openedOn": "%s"}""".formatted(name, RandomDigits.of(4), first17 + IdCardNumber.checkCharacter(first17),
				openedOn);
	}

	private void refused(org.springframework.test.web.servlet.RequestBuilder request, String field) throws Exception {
		mvc.perform(request)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].rule").value("format"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("格式 YYYY-MM-DD")));
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}
}
