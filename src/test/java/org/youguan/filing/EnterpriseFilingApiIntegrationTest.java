package org.youguan.filing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.TestImages;
import org.youguan.documents.PdfFiles;
import org.youguan.kernel.IdCardNumber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An enterprise's systems file outlets by API on its token (issue 13 item 11): the same rules and attachment checks as
 * the portal, 201 with the application number, the filing tracked with its outlet masked and its attachments; bad
 * fields or files are 400 naming them with nothing saved; staff tokens are refused and another enterprise sees nothing.
 */
@IntegrationTest
class EnterpriseFilingApiIntegrationTest {

	static final String SF_TOKEN = "Bearer demo-sf-wz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	static String outletJson(String name, String idNumber, LocalDate openedOn) {
		return """
				{"name": "%s", "cooperation": "FRANCHISE", "address": "吴中区长桥街道接口路%s号", "regionCode": "320506001",
				 "managerName": "钱七", "managerIdNumber": "%s", "managerPhone": "13712345678", "storageArea": 40,
				 "hasCommunications": true, "hasShelving": true, "hasSurveillance": true, "hasSignage": true,
				 "openedOn": "%s"}""".formatted(name, UUID.randomUUID().toString().substring(0, 4), idNumber, openedOn);
	}

	static String validId() {
		String first17 = "32050619850315" + String.format("%03d", (int) (Math.random() * 1000));
		return first17 + IdCardNumber.checkCharacter(first17);
	}

	MockMultipartHttpServletRequestBuilder submission(String outletJson, boolean withFiles) {
		var request = multipart("/api/v1/enterprise/filings");
		request.file(new MockMultipartFile("outlet", "", MediaType.APPLICATION_JSON_VALUE,
				outletJson.getBytes(StandardCharsets.UTF_8)));
		if (withFiles) {
			request.file(new MockMultipartFile("businessLicence", "营业执照.pdf", "application/pdf",
					PdfFiles.blankPage()));
			request.file(new MockMultipartFile("managerId", "身份证.jpg", "image/jpeg", TestImages.jpeg(4, 3)));
			request.file(new MockMultipartFile("photos", "门头.jpg", "image/jpeg", TestImages.jpeg(4, 3)));
		}
		return request;
	}

	long filings() {
		return jdbc.sql("SELECT count(*) FROM outlet_filing").query(Long.class).single();
	}

	@Test
	void aPdfThatRunsJavaScriptWhenOpenedIsRefusedNamingItsFieldAndNothingIsFiled() throws Exception {
		long before = filings();
		byte[] scripted = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n"
				+ "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
		var request = multipart("/api/v1/enterprise/filings");
		request.file(new MockMultipartFile("outlet", "", MediaType.APPLICATION_JSON_VALUE,
				outletJson("脚本网点" + UUID.randomUUID().toString().substring(0, 6), validId(), LocalDate.now(clock).minusDays(3))
					.getBytes(StandardCharsets.UTF_8)));
		request.file(new MockMultipartFile("businessLicence", "营业执照.pdf", "application/pdf", scripted));
		request.file(new MockMultipartFile("managerId", "身份证.jpg", "image/jpeg", TestImages.jpeg(4, 3)));
		request.file(new MockMultipartFile("photos", "门头.jpg", "image/jpeg", TestImages.jpeg(4, 3)));
		mvc.perform(request.header("Authorization", SF_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("attachments.BUSINESS_LICENCE"))
			.andExpect(jsonPath("$.errors[0].rule").value("pdf-script"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("含有脚本")));
		assertThat(filings()).isEqualTo(before);
	}

	/**
	 * Attack round 11: "storageArea":"1E+2" (or 1e2) was filed as 1E+2 while the forms refuse an exponent; the refusal
	 * shows the number written out (100), never Java's 1E+2 for the 1e2 that was sent.
	 */
	@Test
	void aDecimalInExponentNotationIsRefusedNamingItsFieldAndNothingIsFiled() throws Exception {
		long before = filings();
		for (String area : new String[] { "\"1E+2\"", "1e2" }) {
			String json = outletJson("指数网点" + UUID.randomUUID().toString().substring(0, 6), validId(),
					LocalDate.now(clock).minusDays(3)).replace("\"storageArea\": 40", "\"storageArea\": " + area);
			mvc.perform(submission(json, true).header("Authorization", SF_TOKEN))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(containsString("storageArea")))
				.andExpect(jsonPath("$.errors[0].rule").value("number"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("科学计数法")))
				.andExpect(jsonPath("$.errors[0].message").value(endsWith("应写作：100")))
				.andExpect(jsonPath("$.errors[0].message").value(not(containsString("1E+2"))));
		}
		assertThat(filings()).isEqualTo(before);
	}

	/**
	 * Attack round 52: {@code "storageArea": 1E400} was told alone, under another label and the body reader's 30 digits;
	 * now it is told its own digits beside every other error of the body, and {@code −5} (U+2212) is a negative area.
	 */
	@Test
	void aStorageAreaBeyondItsDigitsIsToldItsOwnLimitWithTheBodysOtherErrors() throws Exception {
		long before = filings();
		String json = outletJson("", validId(), LocalDate.now(clock).minusDays(3))
			.replace("\"storageArea\": 40", "\"storageArea\": 1E400");
		mvc.perform(submission(json, true).header("Authorization", SF_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
			.andExpect(jsonPath("$.errors[?(@.field == 'storageArea')].rule").value(hasItem("digits")))
			.andExpect(jsonPath("$.errors[?(@.field == 'storageArea')].message")
				.value(hasItem(containsString("存储场地面积超出允许的位数（最多6位整数、2位小数）"))));
		String negative = outletJson("负面积网点" + UUID.randomUUID().toString().substring(0, 6), validId(),
				LocalDate.now(clock).minusDays(3)).replace("\"storageArea\": 40", "\"storageArea\": \"\u22125\"");
		mvc.perform(submission(negative, true).header("Authorization", SF_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'storageArea')].rule").value(hasItem("positive")));
		assertThat(filings()).isEqualTo(before);
	}

	@Test
	void anEnterpriseFilesAnOutletWithItsAttachmentsAndTracksIt() throws Exception {
		String name = "接口网点" + UUID.randomUUID().toString().substring(0, 6);
		String body = mvc.perform(submission(outletJson(name, validId(), LocalDate.now(clock).minusDays(3)), true)
				.header("Authorization", SF_TOKEN))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith("/api/v1/enterprise/filings/")))
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		assertThat((String) JsonPath.read(body, "$.number")).isNotBlank();

		mvc.perform(get("/api/v1/enterprise/filings/" + id).header("Authorization", SF_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.filing.outletName").value(name))
			.andExpect(jsonPath("$.outlet.proposed.managerIdMasked").value(containsString("*")))
			.andExpect(jsonPath("$.outlet.proposed.managerPhoneMasked").value("137****5678"))
			// the API keeps the cooperation type's Chinese label; the pages' words of it are no part of the JSON
			.andExpect(jsonPath("$.outlet.proposed.cooperation").value("加盟"))
			.andExpect(jsonPath("$.outlet.proposed.cooperationWords").doesNotExist())
			.andExpect(jsonPath("$.attachments.length()").value(3))
			.andExpect(jsonPath("$.attachments[*].href").value(hasItem(startsWith("/attachments/"))));
		assertThat(mvc.perform(get("/api/v1/enterprise/filings/" + id).header("Authorization", SF_TOKEN))
			.andReturn().getResponse().getContentAsString()).doesNotContain("13712345678");
		mvc.perform(get("/api/v1/enterprise/filings").param("status", "SUBMITTED").param("size", "100")
				.header("Authorization", SF_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id").value(hasItem((int) id)));
	}

	/** A name and address sent with no-break spaces around them are filed without them (Text.strip), as the form files them. */
	@Test
	void aNameAndAddressSentWithNoBreakSpacesAroundThemAreFiledWithoutThem() throws Exception {
		String name = "空格接口网点" + UUID.randomUUID().toString().substring(0, 6);
		String json = outletJson(name + "\\u2007", validId(), LocalDate.now(clock).minusDays(3))
			.replace("\"address\": \"", "\"address\": \"\\u202f");
		String body = mvc.perform(submission(json, true).header("Authorization", SF_TOKEN))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		mvc.perform(get("/api/v1/enterprise/filings/" + id).header("Authorization", SF_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.filing.outletName").value(name))
			.andExpect(jsonPath("$.outlet.proposed.address").value(startsWith("吴中区长桥街道接口路")));
	}

	@Test
	void badFieldsAndMissingFilesAreAllNamedAndNothingIsSaved() throws Exception {
		long before = filings();
		mvc.perform(submission(outletJson("", "320506198503150000", LocalDate.now(clock)), false)
				.header("Authorization", SF_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("managerIdNumber")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("attachments.BUSINESS_LICENCE")));
		mvc.perform(submission("{\"name\": ", true).header("Authorization", SF_TOKEN))
			.andExpect(status().isBadRequest());
		mvc.perform(submission(outletJson("网点\\u0000名", validId(), LocalDate.now(clock)), true)
				.header("Authorization", SF_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("name")));
		jdbc.sql("""
				INSERT INTO region (code, name, parent_code, level) VALUES ('110101001', '东华门街道', '110101', 'STREET')
				ON CONFLICT (code) DO NOTHING""").update();
		mvc.perform(submission(outletJson("京城网点", validId(), LocalDate.now(clock)).replace("320506001", "110101001"), true)
				.header("Authorization", SF_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'regionCode')].rule").value(hasItem("served")));
		assertThat(filings()).isEqualTo(before);
	}

	@Test
	void staffTokensAreRefusedAndAnotherEnterpriseSeesNoFiling() throws Exception {
		mvc.perform(get("/api/v1/enterprise/filings").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isForbidden());
		mvc.perform(submission(outletJson("员工代交", validId(), LocalDate.now(clock)), true)
				.header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isForbidden());
		long someoneElses = jdbc.sql("SELECT id FROM outlet_filing WHERE enterprise_credit_code <> "
				+ "(SELECT enterprise_credit_code FROM user_account WHERE username = 'sf.wz') LIMIT 1")
			.query(Long.class)
			.optional()
			.orElse(Long.MAX_VALUE);
		mvc.perform(get("/api/v1/enterprise/filings/" + someoneElses).header("Authorization", SF_TOKEN))
			.andExpect(status().isNotFound());
	}
}
