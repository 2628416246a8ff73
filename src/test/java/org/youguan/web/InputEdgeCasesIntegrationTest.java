package org.youguan.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.documents.PdfFiles;
import org.youguan.filing.OutletFilings;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.PageQuery;
import org.youguan.platform.ChinaTime;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The examples of issue 11's input-robustness part, each with its right answer: bad text and numbers are 400s naming
 * the field, unticked checkboxes are false, implausible dates and periods are refused, uploads are measured before
 * they are parsed, and the pages and README statements the issue names behave as documented.
 */
@IntegrationTest
class InputEdgeCasesIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	@Autowired
	MockMvc mvc;

	@Autowired
	Outlets outlets;

	@Autowired
	OutletFilings filings;

	@Autowired
	JdbcClient jdbc;

	// --- NUL and malformed text ---

	@Test
	void aNulInAnAnonymousPublicQueryIsA400NamingTheParameter() throws Exception {
		mvc.perform(get("/api/v1/public/outlets").param("region", "320506").param("brand", "\u0000"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("brand"))
			.andExpect(jsonPath("$.errors[0].rule").value("control-character"));
		mvc.perform(get("/public/lookup").param("q", "顺丰\u0000"))
			.andExpect(status().isBadRequest())
			.andExpect(result -> assertThat(result.getResponse().getErrorMessage()).startsWith("关键词含有"));
	}

	/**
	 * Attack round 24: a file part where a text field is expected was a 500 (conversion not supported). On a hazard the
	 * caller may close (access is decided before the fields: a hazard not there is 404 whatever is sent).
	 */
	@Test
	void aFilePartInATextFieldIsA400NamingTheField() throws Exception {
		long hazard = jdbc.sql("SELECT id FROM safety_hazard WHERE region_code LIKE '320506%' ORDER BY id LIMIT 1")
			.query(Long.class).single();
		var note = new MockMultipartFile("closureNote", "a.txt", "text/plain", "整改完毕".getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/api/v1/safety/hazards/{id}/close", hazard).file(note)
			.param("closedOn", "2026-01-05").header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("closureNote"))
			.andExpect(jsonPath("$.errors[0].rule").value("format"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不能上传文件")));
		// a file in a date field: named, never the part's Java class (attack 27)
		var closedOn = new MockMultipartFile("closedOn", "a.txt", "text/plain", "2026-01-05".getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/api/v1/safety/hazards/{id}/close", hazard).file(closedOn)
			.header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("closedOn"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不能上传文件")))
			.andExpect(content().string(not(containsString("org.springframework"))));
		var amount = new MockMultipartFile("amount", "a.txt", "text/plain", "100".getBytes(StandardCharsets.UTF_8));
		// a case of the caller's own bureau whose decision is delivered, which a handover is recorded on: a case not there
		// is refused (404), one in another state (409) before its fields are read
		long delivered = jdbc.sql("""
				SELECT id FROM penalty_case WHERE region_code LIKE '320506%' AND status IN ('DELIVERED', 'EXECUTED')
				ORDER BY id LIMIT 1""").query(Long.class).single();
		mvc.perform(multipart("/api/v1/enforcement/cases/{id}/handover", delivered).file(amount)
			.header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
	}

	/** Attack round 10: a lead with "source" twice was saved with the last one. */
	@Test
	void aKeyGivenTwiceInAJsonObjectIsA400NamingItAndNothingIsSaved() throws Exception {
		mvc.perform(post("/api/v1/enforcement/leads").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType("application/json")
			.content("{\"source\":\"REPORT\",\"source\":\"COMPLAINT\",\"sourceDetail\":\"电话\",\"summary\":\"重复键\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("source"))
			.andExpect(jsonPath("$.errors[0].rule").value("duplicate-key"));
		mvc.perform(post("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType("application/json")
			.content("{\"priorComplaint\":{\"date\":\"2026-01-01\",\"date\":\"2026-01-02\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("priorComplaint.date"))
			.andExpect(jsonPath("$.errors[0].rule").value("duplicate-key"));
	}

	@Test
	void malformedPercentEncodingIsA400NamingTheParameter() throws Exception {
		mvc.perform(get("/api/v1/enterprises").header("Authorization", "Bearer demo-sz-admin-token").with(r -> {
			r.setQueryString("q=%zz");
			return r;
		})).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("q"))
			.andExpect(jsonPath("$.errors[0].rule").value("encoding"));
		mvc.perform(get("/api/v1/enterprises").header("Authorization", "Bearer demo-sz-admin-token").with(r -> {
			r.setQueryString("q=%E4%B8");
			return r;
		})).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("q"));
	}

	/**
	 * Attack 69 L14: "q=%FF" was told "%后应为两位十六进制数" though FF is two hexadecimal digits; the refusal says which
	 * fault it is — an escape that is no escape, or bytes that are no UTF-8 text.
	 */
	@Test
	void tellsAMalformedEscapeFromBytesThatAreNoUtf8() throws Exception {
		for (String query : List.of("q=%FF", "q=%C3%28", "q=ab%E4%B8")) {
			mvc.perform(get("/api/v1/enterprises").header("Authorization", "Bearer demo-sz-admin-token").with(r -> {
				r.setQueryString(query);
				return r;
			}))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("q"))
				.andExpect(jsonPath("$.errors[0].rule").value("encoding"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("不是有效的UTF-8编码文字")))
				.andExpect(jsonPath("$.errors[0].message").value(not(containsString("十六进制"))));
		}
		for (String query : List.of("q=%zz", "q=%F", "q=a%4")) {
			mvc.perform(get("/api/v1/enterprises").header("Authorization", "Bearer demo-sz-admin-token").with(r -> {
				r.setQueryString(query);
				return r;
			}))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("%后应为两位十六进制数")));
		}
	}

	/**
	 * A mobile or ID number in a path (a probe, a mistyped id) is not repeated in the clear: neither in the problem's
	 * instance nor its detail, for a path no handler has and one whose id is no number (both 404: the address names
	 * nothing).
	 */
	@Test
	void aPersonalNumberInThePathIsMaskedInTheRefusal() throws Exception {
		String unmapped = mvc.perform(get("/api/v1/universal/supervision/1/13987654321").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.instance").value("/api/v1/universal/supervision/1/139****4321"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String malformed = mvc.perform(get("/api/v1/enforcement/cases/110105199307158876abc/procedure")
			.header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.instance").value("/api/v1/enforcement/cases/110105********8876abc/procedure"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		// written in blocks after a word, and percent-encoded: found in the decoded path, answered encoded again
		String blocks = mvc.perform(get(URI.create("/api/v1/nope/139-8765-4321")).header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.instance").value("/api/v1/nope/139-****-4321"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String encoded = mvc.perform(get(URI.create("/api/v1/nope/139%208765%204321")).header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.instance").value("/api/v1/nope/139%20****%204321"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		// a long path cut between the blocks of a number: masked before the cut
		String cut = mvc.perform(get(URI.create("/api/v1/nope/" + "a".repeat(480) + "/139/8765/4321/x"))
			.header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isNotFound())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(unmapped + malformed + blocks + encoded + cut).doesNotContain("8765").doesNotContain("19930715");
	}

	/** A path of thousands of characters (an id of 6,000 digits) is refused without being repeated in the answer. */
	@Test
	void aHugePathIsNotRepeatedInTheRefusal() throws Exception {
		String id = "9".repeat(6000);
		var answer = mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().is4xxClientError())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(answer).doesNotContain("9".repeat(600)).hasSizeLessThan(2000).contains("\"instance\":\"/api/v1/enforcement/cases/\"");
		mvc.perform(get("/api/v1/enforcement/cases/12").header("Authorization", "Bearer demo-sz-admin-token")
			.param("x", "\u0000")).andExpect(jsonPath("$.instance").value("/api/v1/enforcement/cases/12"));
	}

	/**
	 * An address nothing answers, thousands of characters long, is one WARN line naming the path as the problem's
	 * instance cuts it (up to its last "/" within 500 characters) — never the whole path (Spring's PageNotFound did).
	 */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aHugeUnknownPathIsLoggedCut(CapturedOutput output) throws Exception {
		String path = "/no-such-page/" + "x".repeat(600) + "/" + "7".repeat(3000);
		mvc.perform(get(path).session(SignIn.session(mvc, "sz.admin"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1" + path).header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isNotFound());
		assertThat(output.getAll()).doesNotContain("7".repeat(100)).doesNotContain("x".repeat(600))
			.contains("No mapping for GET /no-such-page/\n").contains("No mapping for GET /api/v1/no-such-page/\n");
	}

	@Test
	void numbersBeyondTheirTypeAreA400NamingTheParameter() throws Exception {
		for (String days : new String[] { "1e309", "99999999999", "NaN" }) {
			mvc.perform(get("/api/v1/calendar/add-working-days").param("from", "2026-09-30").param("days", days))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("days"));
		}
		mvc.perform(get("/api/v1/calendar/working-day").param("date", "0001-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("date"));
	}

	@Test
	void aJsonValueOfTheWrongShapeIsA400NamingTheFieldAndTheShapeExpected() throws Exception {
		String json = complaintJson("SF" + digits());
		String postedOn = json.replaceAll(".*\"postedOn\":\"([^\"]+)\".*", "$1");
		mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON)
			.content(json.replace("\"postedOn\":\"" + postedOn + "\"", "\"postedOn\":\"" + postedOn.replace('-', '/') + "\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("postedOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("format"))
			.andExpect(jsonPath("$.detail").value(containsString("YYYY-MM-DD")));
		mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON)
			.content(json.replace("\"filerRole\":\"SENDER\"", "\"filerRole\":\"寄件人\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("filerRole"))
			.andExpect(jsonPath("$.detail").value(containsString("SENDER")));
	}

	/**
	 * An anonymous complaint claiming 1e-30000000 yuan (its money check wrote the amount out: a 30 MB answer) or
	 * -1e30000000: a small 400 naming amountClaimed and the rule, as a number or as text; and an amount of fen's
	 * thousandths (1.005) still gets the money rule's own words.
	 */
	@Test
	void anAmountClaimedWithAHugeExponentIsASmall400NamingIt() throws Exception {
		String json = complaintJson("SF" + digits());
		for (String amount : List.of("1e-30000000", "\"1e-30000000\"", "-1e30000000")) {
			var answer = mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON)
				.content(json.replace("\"description\":\"测试\"", "\"description\":\"测试\",\"amountClaimed\":" + amount)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("amountClaimed"))
				.andExpect(jsonPath("$.errors[0].rule").value("digits"))
				.andExpect(jsonPath("$.detail").value(containsString("索赔金额")))
				.andReturn().getResponse();
			assertThat(answer.getContentAsByteArray().length).as(amount).isLessThan(2048);
		}
		mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON)
			.content(json.replace("\"description\":\"测试\"", "\"description\":\"测试\",\"amountClaimed\":1.005")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amountClaimed"))
			.andExpect(jsonPath("$.errors[0].rule").value("money"));
	}

	@Test
	void aNumberOrABooleanWhereTextIsExpectedIsA400RatherThanStoredAsText() throws Exception {
		String json = complaintJson("SF" + digits());
		mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON)
			.content(json.replace("\"description\":\"测试\"", "\"description\":123")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("description"));
		mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON)
			.content(json.replace("\"filerName\":\"测试\"", "\"filerName\":true")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("filerName"));
	}

	/** An upload beyond its route's own limit is a 413 like one beyond the server's, with the field and the limit. */
	@Test
	void aFileBeyondItsRoutesLimitIsA413NamingTheLimit() throws Exception {
		mvc.perform(post("/api/v1/audit-events/verification").header("Authorization", "Bearer demo-sys-admin-token")
				.contentType(MediaType.TEXT_PLAIN).content("x".repeat(20_000)))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.errors[0].field").value("checkpoint"))
			.andExpect(jsonPath("$.errors[0].rule").value("size"))
			.andExpect(jsonPath("$.detail").value(containsString("16KB")));
	}

	@Test
	void theErrorPageAskedForDirectlyIsNotFoundRatherThanAServerError() throws Exception {
		mvc.perform(get("/error")).andExpect(status().isNotFound());
		mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
	}

	@Test
	void aNulInAJsonFieldIsA400NamingTheField() throws Exception {
		mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON)
			.content(complaintJson("SF" + digits()).replace("\"filerName\":\"测试\"", "\"filerName\":\"测\\u0000试\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("filerName"));
		mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON)
			.content(complaintJson("SF" + digits()).replace("\"channel\":\"电话\"", "\"channel\":\"电\\u0000话\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("priorComplaint.channel"));
	}

	@Test
	void anIdempotencyKeyLongerThanItsColumnIsA400NamingTheHeaderAndFilesNothing() throws Exception {
		String waybill = "SF" + digits();
		mvc.perform(post("/api/v1/complaints").param("channel", "HOTLINE").header("Authorization", "Bearer demo-wz-staff-token")
			.header("Idempotency-Key", "k".repeat(150)).contentType(MediaType.APPLICATION_JSON).content(complaintJson(waybill)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"))
			.andExpect(jsonPath("$.detail").value(containsString("100")));
		mvc.perform(get("/api/v1/complaints").param("q", waybill).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(post("/api/v1/complaints").param("channel", "HOTLINE").header("Authorization", "Bearer demo-wz-staff-token")
			.header("Idempotency-Key", "k".repeat(100)).contentType(MediaType.APPLICATION_JSON).content(complaintJson(waybill)))
			.andExpect(status().isCreated());
	}

	@Test
	void aNulInASpreadsheetCellOrACsvLineFailsItsRowAndImportsNothing() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		byte[] template = mvc.perform(get("/registry/outlets/import/template.xlsx").session(staff))
			.andReturn().getResponse().getContentAsByteArray();
		// the template's rows copied into a workbook as Excel writes one: text in shared strings, where U+0000 is
		// written as _x0000_ and POI reads it back as the character itself
		byte[] sheet;
		try (var read = new XSSFWorkbook(new ByteArrayInputStream(template));
				var book = new XSSFWorkbook();
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var copy = book.createSheet("末端网点");
			for (int r = 0; r <= 1; r++) {
				var from = read.getSheetAt(0).getRow(r);
				var to = copy.createRow(r);
				for (int c = 0; c < from.getLastCellNum(); c++) {
					to.createCell(c).setCellValue(new DataFormatter().formatCellValue(from.getCell(c)));
				}
			}
			copy.getRow(1).getCell(0).setCellValue("空字符_x0000_网点");
			book.write(out);
			sheet = out.toByteArray();
		}
		mvc.perform(multipart("/registry/outlets/import").file(new MockMultipartFile("file", "网点.xlsx", null, sheet))
			.session(staff).with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("网点名称含有不允许的字符（U+0000）")));
		assertThat(outlets.list(WUZHONG, Outlets.Filter.NONE, new PageQuery("空字符", 0, 5, null, false)).total()).isZero();
		byte[] csv = "code,name,parent\n320506001999,测\u0000试村,320506001\n".getBytes(StandardCharsets.UTF_8);
		// the region import answers its refusal as every refused form (kernel.FormSteps): in its 400
		mvc.perform(multipart("/admin/regions/import").file(new MockMultipartFile("file", "villages.csv", null, csv))
			.session(SignIn.session(mvc, "sys.admin")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("第2行含有不允许的字符（U+0000）")));
	}

	// --- form edge cases ---

	@Test
	void anUntickedFacilityCheckboxOnTheOutletFormIsStoredAsFalse() throws Exception {
		String name = "复选框网点" + digits();
		MultiValueMap<String, String> form = outletForm(name, "2026-02-01");
		form.remove("hasSignage");
		mvc.perform(post("/registry/outlets/new").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("creditCode", "91320506MA1ND7K3Q" + CreditCode.checkCharacter("91320506MA1ND7K3Q"))
			.params(form)).andExpect(redirectedUrlPattern("/registry/outlets/*"));
		OutletView saved = outlet(name);
		assertThat(saved.hasSignage()).isFalse();
		assertThat(saved.hasCommunications()).isTrue();
		assertThat(saved.hasShelving()).isTrue();
	}

	@Test
	void anUntickedFacilityCheckboxOnTheFilingFormIsStoredAsFalse() throws Exception {
		String name = "复选框备案" + digits();
		MultiValueMap<String, String> form = outletForm(name, "2026-02-01");
		form.remove("hasShelving");
		form.remove("hasSurveillance");
		byte[] pdf = PdfFiles.blankPage();
		String location = mvc.perform(multipart("/enterprise/filings/new")
			.file(new MockMultipartFile("businessLicence", "营业执照.pdf", "application/pdf", pdf))
			.file(new MockMultipartFile("managerId", "身份证.jpg", "image/jpeg", TestImages.jpeg(40, 30)))
			.file(new MockMultipartFile("photos", "门头.png", "image/png", TestImages.png(40, 30)))
			.params(form)
			.session(SignIn.session(mvc, "sf.wz"))
			.with(csrf())).andExpect(redirectedUrlPattern("/enterprise/filings/*")).andReturn().getResponse().getRedirectedUrl();
		long filing = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		var pending = filings.details(WUZHONG, filing).proposed();
		assertThat(pending.hasShelving()).isFalse();
		assertThat(pending.hasSurveillance()).isFalse();
		assertThat(pending.hasSignage()).isTrue();
	}

	@Test
	void aDateOfYearOneIsRefusedRatherThanStoredAsAnotherDay() throws Exception {
		String name = "公元元年网点" + digits();
		mvc.perform(post("/registry/outlets/new").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("creditCode", "91320506MA1ND7K3Q" + CreditCode.checkCharacter("91320506MA1ND7K3Q"))
			.params(outletForm(name, "0001-01-01")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("开办日期不得早于1949年10月1日（应在1949年10月1日至2099年12月31日之间）")));
		assertThat(outlets.list(WUZHONG, Outlets.Filter.NONE, new PageQuery(name, 0, 5, null, false)).total()).isZero();
	}

	@Test
	void aStatisticsPeriodBefore2000IsRefused() throws Exception {
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", "Bearer demo-sf-wz-token")
			.contentType(MediaType.APPLICATION_JSON).content("{\"form\":\"monthly\",\"period\":\"1900-01\",\"submit\":false}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("period"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"));
		mvc.perform(get("/api/v1/statistics/aggregate").header("Authorization", "Bearer demo-sz-admin-token")
			.param("indicator", "express.volume").param("region", "3205").param("from", "1900-01").param("to", "1900-12"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		mvc.perform(get("/statistics").session(SignIn.session(mvc, "sz.admin")).param("year", "1900"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theRegionBrowserWithoutAQueryIsOneWholePage() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		String page = mvc.perform(get("/admin/regions").session(admin)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page.split("<html", -1)).as("one html document, no error page appended").hasSize(2);
		assertThat(page).contains("江苏省").doesNotContain("出错了");
		mvc.perform(get("/admin/regions").param("code", "3205").param("q", "吴中").session(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("吴中区")));
	}

	@Test
	void anEmptyPlainTextNoticeIsToldTheBodyIsEmptyNotAboutJson() throws Exception {
		mvc.perform(post("/api/v1/workplans/import").header("Authorization", "Bearer demo-sz-admin-token")
			.contentType(MediaType.TEXT_PLAIN).content(new byte[0]))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("请求体为空")))
			.andExpect(content().string(not(containsString("JSON"))));
	}

	@Test
	void everyRecordTheReadmeDocumentsIsReadableAtItsId() throws Exception {
		String id = firstId("/api/v1/facilities?kind=PARCEL_LOCKER&size=1");
		mvc.perform(get("/api/v1/facilities/" + id).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("PARCEL_LOCKER"));
		mvc.perform(get("/api/v1/facilities/" + id).header("Authorization", "Bearer demo-xc-staff-token"))
			.andExpect(status().isNotFound());
		String licence = firstId("/api/v1/licences?size=1");
		mvc.perform(get("/api/v1/licences/" + licence).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(Long.parseLong(licence)));
	}

	@Test
	void theLocationOfASubmittedReportCanBeRead() throws Exception {
		String location = mvc.perform(post("/api/v1/statistics/reports").header("Authorization", "Bearer demo-sf-wz-token")
			.contentType(MediaType.APPLICATION_JSON).content("{\"form\":\"monthly\",\"period\":\"2001-01\",\"submit\":false}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location");
		mvc.perform(get(location).header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.period").value("2001-01"));
		mvc.perform(get(location).header("Authorization", "Bearer demo-xc-staff-token")).andExpect(status().isNotFound());
	}

	String firstId(String list) throws Exception {
		String json = mvc.perform(get(list).header("Authorization", "Bearer demo-wz-staff-token")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return json.replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
	}

	// --- uploads ---

	@Test
	void aZipBombWorkbookIsRefusedBeforeItIsParsed() throws Exception {
		byte[] template = mvc.perform(get("/registry/outlets/import/template.xlsx").session(SignIn.session(mvc, "wz.staff")))
			.andReturn().getResponse().getContentAsByteArray();
		byte[] bomb = withPadding(template, 256);
		assertThat(bomb.length).as("a quarter of a gigabyte in a few hundred kilobytes").isLessThan(1024 * 1024);
		long started = System.nanoTime();
		mvc.perform(multipart("/registry/outlets/import").file(new MockMultipartFile("file", "网点.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bomb))
			.session(SignIn.session(mvc, "wz.staff")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("压缩炸弹")));
		assertThat((System.nanoTime() - started) / 1_000_000).as("refused after reading 200 MiB, not after parsing").isLessThan(20_000);
	}

	@Test
	void aWorkbookWithThousandsOfEntriesIsRefused() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (int i = 0; i < 1500; i++) {
				zip.putNextEntry(new ZipEntry("xl/media/" + i + ".bin"));
				zip.write(i);
				zip.closeEntry();
			}
		}
		mvc.perform(multipart("/registry/outlets/import").file(new MockMultipartFile("file", "网点.xlsx", null, out.toByteArray()))
			.session(SignIn.session(mvc, "wz.staff")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("内含文件超过1000个")));
	}

	@Test
	void aZipBombNoticeDocumentIsRefused() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(9);
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 256; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		mvc.perform(multipart("/workplans/import").file(new MockMultipartFile("file", "通知.docx", null, out.toByteArray()))
			.session(SignIn.session(mvc, "sz.admin")).with(csrf()))
			// refused as every refused form (kernel.FormSteps): the import page again in the refusal's 400
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("压缩炸弹")));
	}

	@Test
	void anImageOfTwentyThousandPixelsSquareIsRefusedAsEvidenceAndNothingIsFiled() throws Exception {
		byte[] huge = TestImages.pngHeaderOnly(20_000, 20_000);
		assertThat(huge.length).isLessThan(200);
		String waybill = "SF" + digits();
		mvc.perform(multipart("/public/complaints/new").file(new MockMultipartFile("files", "破损照片.png", "image/png", huge))
			.params(complaintForm(waybill)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("20000×20000像素")))
			.andExpect(content().string(not(containsString("申诉已提交"))));
		mvc.perform(get("/api/v1/complaints").param("q", waybill).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(multipart("/public/complaints/new")
			.file(new MockMultipartFile("files", "破损照片.png", "image/png", TestImages.png(800, 600)))
			.params(complaintForm(waybill)).with(csrf()))
			.andExpect(content().string(containsString("申诉已提交")));
	}

	@Test
	void aPostThatIsNotMultipartToAnUploadEndpointIsA400() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(post("/registry/outlets/import").session(staff).with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("file=x"))
			.andExpect(status().isBadRequest())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("multipart/form-data"));
		mvc.perform(post("/admin/regions/import").session(SignIn.session(mvc, "sys.admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest());
	}

	/** The workbook with an extra entry of {@code megabytes} MiB of zeros, deflated as tightly as possible. */
	static byte[] withPadding(byte[] xlsx, int megabytes) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (var in = new ZipArchiveInputStream(new ByteArrayInputStream(xlsx),
				"UTF-8", true, true); ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(9);
			for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(e.getName()));
				in.transferTo(zip);
				zip.closeEntry();
			}
			zip.putNextEntry(new ZipEntry("xl/media/padding.bin"));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < megabytes; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	OutletView outlet(String name) {
		return outlets.list(WUZHONG, Outlets.Filter.NONE, new PageQuery(name, 0, 5, null, false)).items().get(0);
	}

	static String digits() {
		// nine random digits (a UUID's digits alone can be fewer than nine)
		return String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
	}

	static MultiValueMap<String, String> outletForm(String name, String openedOn) {
		String first17 = "32050619800101" + String.format("%03d", (int) (Math.random() * 1000));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("name", name);
		form.add("cooperation", "FRANCHISE");
		form.add("address", "吴中区复选框路" + name.hashCode() + "号");
		form.add("regionCode", "320506001");
		form.add("managerName", "王五");
		form.add("managerIdNumber", first17 + IdCardNumber.checkCharacter(first17));
		form.add("managerPhone", "13812345678");
		form.add("storageArea", "25");
		form.add("openedOn", openedOn);
		for (String f : new String[] { "hasCommunications", "hasShelving", "hasSurveillance", "hasSignage" }) {
			form.add(f, "true");
		}
		return form;
	}

	static String complaintJson(String waybill) {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		return "{\"filerName\":\"测试\",\"phone\":\"13800138000\",\"filerRole\":\"SENDER\",\"region\":\"320506\",\"brand\":\"顺丰\","
				+ "\"waybillNumber\":\"" + waybill + "\",\"postedOn\":\"" + today.minusDays(20) + "\",\"priorComplaint\":{\"date\":\""
				+ today.minusDays(10) + "\",\"channel\":\"电话\"},\"category\":\"延误\",\"reason\":\"中转或运输延误\",\"description\":\"测试\"}";
	}

	static MultiValueMap<String, String> complaintForm(String waybill) {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("filerName", "测试");
		form.add("phone", "13800138000");
		form.add("filerRole", "SENDER");
		form.add("region", "320506");
		form.add("brand", "顺丰");
		form.add("waybillNumber", waybill);
		form.add("postedOn", today.minusDays(20).toString());
		form.add("priorDate", today.minusDays(10).toString());
		form.add("priorChannel", "电话");
		form.add("category", "延误");
		form.add("reason", "中转或运输延误");
		form.add("description", "测试");
		return form;
	}
}
