package org.youguan.licensing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.TestImages;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceGranted;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.Licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One enterprise holds one express licence: a holder asking for a new one is told to apply for a change (at filing, and
 * again at the decision when a licence came meanwhile), a holder whose licence expired applies anew; an application
 * states its legal representative and its safety, service and staffing descriptions; the site verification is made by
 * inspectors of the roster showing their certificates and cannot conclude 符合 over a failed checklist line; an
 * acceptance refused for missing materials names them; the certificate names the legal representative.
 */
@IntegrationTest
class LicensingHolderAndVerificationIntegrationTest extends LicensingFixture {

	static final String LIN = "{\"name\":\"林执法\",\"certificateNumber\":\"32050004\"}";

	static final String FENG = "{\"name\":\"冯安全\",\"certificateNumber\":\"32050002\"}";

	@Autowired
	Enterprises enterprises;

	String newApplication(String code, String name) {
		return LicensingIntegrationTest.application(code, name, "省内", "600000", "");
	}

	long applications(String code) {
		return jdbc.sql("SELECT count(*) FROM licence_application WHERE applicant_credit_code = :c").param("c", code)
			.query(Long.class).single();
	}

	/** A paper application of a new applicant with every material, accepted and reviewed by the city bureau. */
	long reviewed(String code, String name) throws Exception {
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications", newApplication(code, name))
			.andExpect(status().isCreated()));
		acceptedAndReviewed(id);
		return id;
	}

	ResultActions verification(long id, String inspectors, String checklist, boolean passed) throws Exception {
		String data = """
				{"inspectors":[%s],"checklist":[%s],"passed":%s,"conclusion":"核查结论"}""".formatted(inspectors, checklist, passed);
		return mvc.perform(multipart("/api/v1/licensing/applications/" + id + "/verification")
			.file(new MockMultipartFile("data", "", "application/json", data.getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("photos", "site.png", "image/png", TestImages.png(40, 30)))
			.header("Authorization", CITY));
	}

	static final String ALL_PASSED = "{\"item\":\"经营场所与申请材料一致\",\"passed\":true}";

	/** Records licence {@code number} for {@code code} as the registry hears a grant, valid {@code from} … {@code until}. */
	void licensed(String code, String name, String number, LocalDate from, LocalDate until) {
		granted(new LicenceGranted(-5, number, new EnterpriseData(name, code,
				EnterpriseType.EXPRESS, null, "赵持证", "吴中区持证路1号", "320506", null, null), LicenceScope.PROVINCE,
				"江苏省邮政管理局", "32", from, until, false));
	}

	@Test
	void aHolderOfAValidLicenceIsRefusedANewOneAtFilingAndToldToApplyForAChange() throws Exception {
		String code = LicensingIntegrationTest.enterpriseCode();
		long before = applications(code);
		// the attack: the demo enterprise, holding a valid 省内 licence, applies for a new one on its portal (its legal
		// representative the registry's: another one is refused on its field first)
		String noRepresentative = "\"legalRepresentative\":null";
		call(ENTERPRISE, "/api/v1/licensing/applications", LicensingIntegrationTest.application(null, null, "省内", "600000", "")
			.replace("\"legalRepresentative\":\"王示例\"", noRepresentative))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].rule").value("licence-held"))
			.andExpect(jsonPath("$.errors[0].message", containsString("请申请变更")));
		// of another scope too: a wider scope is a change of the licence, not a second licence
		call(CITY, "/api/v1/licensing/applications", LicensingIntegrationTest.application(code, null, "跨省", "1500000", "")
			.replace("\"legalRepresentative\":\"王示例\"", noRepresentative))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("licence-held"));
		assertThat(applications(code)).as("nothing saved").isEqualTo(before);
	}

	@Test
	void aLicenceIssuedWhileTheApplicationRanIsFoundAtTheDecisionAndNoSecondLicenceIsMade() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		long id = reviewed(code, "苏州期间取证快递有限公司");
		verification(id, LIN + "," + FENG, ALL_PASSED, true).andExpect(status().isOk());
		// meanwhile a licence is recorded for the applicant (another procedure, a bureau's history)
		String number = "快递许可-32-1997-" + code.substring(13);
		licensed(code, "苏州期间取证快递有限公司", number, LocalDate.now(clock).minusDays(3), LocalDate.now(clock).plusYears(5));
		// named as the registry holds it (a serial of digits only is padded to its series' six: 29355 → 029355)
		String held = licences.findByNumber(DataScope.all(), number).orElseThrow().number();
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].rule").value("licence-held"))
			.andExpect(jsonPath("$.errors[0].message", containsString(held)));
		assertThat(LicensingIntegrationTest.text(mvc.perform(get("/api/v1/licensing/applications/" + id)
			.header("Authorization", CITY)), "$.application.status")).isEqualTo("VERIFIED");
		mvc.perform(get("/api/v1/public/licences").param("query", code)).andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1));
	}

	@Test
	void anEnterpriseWhoseLicenceExpiredAppliesForANewOneAndItsApprovalIssuesOneLicenceNamingTheLegalRepresentative()
			throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		LocalDate today = LocalDate.now(clock);
		licensed(code, "苏州过期持证快递有限公司", "快递许可-32-1996-" + code.substring(13), today.minusYears(5).minusDays(20),
				today.minusDays(21));
		assertThat(licences.findByNumber(DataScope.all(), "快递许可-32-1996-" + code.substring(13)).orElseThrow().status())
			.isEqualTo(LicenceStatus.EXPIRED);
		// the registry knows its legal representative (赵持证): another one typed is refused, the certificate prints its own
		call(CITY, "/api/v1/licensing/applications", newApplication(code, "苏州过期持证快递有限公司"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("legalRepresentative"))
			.andExpect(jsonPath("$.errors[0].rule").value("registered-legal-representative"))
			.andExpect(jsonPath("$.errors[0].message", containsString("赵持证")));
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications", newApplication(code, "苏州过期持证快递有限公司")
			.replace("\"legalRepresentative\":\"王示例\"", "\"legalRepresentative\":null")).andExpect(status().isCreated()));
		acceptedAndReviewed(id);
		verification(id, LIN + "," + FENG, ALL_PASSED, true).andExpect(status().isOk());
		String number = LicensingIntegrationTest.text(call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}")
			.andExpect(status().isOk()), "$.number");
		await().atMost(Duration.ofSeconds(60)).until(() -> licences.findByNumber(DataScope.all(), number).isPresent());
		long enterprise = enterprises.findByCreditCode(code).orElseThrow().id();
		assertThat(licences.list(DataScope.all(), new Licences.Filter(LicenceStatus.VALID, null, enterprise),
				PageQuery.of(null, 0, 10, "expires_on", "desc")).items()).hasSize(1);
		// the certificate names the legal representative the registry has
		String location = mvc.perform(get("/api/v1/licensing/applications/" + id + "/certificate").header("Authorization", CITY))
			.andExpect(status().isSeeOther()).andReturn().getResponse().getHeader("Location");
		byte[] docx = mvc.perform(get(location).header("Authorization", CITY)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			assertThat(new XWPFWordExtractor(doc).getText()).contains("法定代表人").contains("赵持证").doesNotContain("王示例");
		}
	}

	@Test
	void aNewApplicationWithoutItsLegalRepresentativeOrDescriptionsIsRefusedNamingEach() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		String bare = newApplication(code, "苏州缺项快递有限公司").replace("\"legalRepresentative\":\"王示例\"", "\"legalRepresentative\":\"\"")
			.replace("\"safetySystem\":\"实名收寄、收寄验视、过机安检制度\",", "")
			.replace("\"serviceSystem\":\"服务承诺、投诉处理和赔偿制度\",", "")
			.replace("\"personnel\":\"从业人员20人\",", "\"personnel\":\"  \",");
		ResultActions refused = call(CITY, "/api/v1/licensing/applications", bare).andExpect(status().isBadRequest());
		for (String field : new String[] { "legalRepresentative", "safetySystem", "serviceSystem", "personnel" }) {
			refused.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].rule", hasItem("required")));
		}
		assertThat(applications(code)).isZero();
	}

	@Test
	void aVerificationConcludingPassedOverAFailedLineIsRefusedAndTheAuditNamesTheFailedItems() throws Exception {
		long id = reviewed(LicensingIntegrationTest.newCreditCode(), "苏州无场地快递有限公司");
		String failed = ALL_PASSED + ",{\"item\":\"场地\",\"passed\":false,\"note\":\"无场地\"}";
		verification(id, LIN + "," + FENG, failed, true)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("passed"))
			.andExpect(jsonPath("$.errors[0].rule").value("checklist-failed"))
			.andExpect(jsonPath("$.errors[0].message", containsString("场地")));
		assertThat(LicensingIntegrationTest.text(mvc.perform(get("/api/v1/licensing/applications/" + id)
			.header("Authorization", CITY)), "$.application.status")).as("nothing recorded").isEqualTo("REVIEWED");
		verification(id, LIN + "," + FENG, failed, false).andExpect(status().isOk());
		String summary = jdbc.sql("""
				SELECT summary FROM audit_event WHERE action = 'licensing.verify' AND object_type = 'licence_application'
				  AND object_id = :id""").param("id", String.valueOf(id)).query(String.class).single();
		assertThat(summary).contains("不符合条件").contains("不符合项：场地（无场地）").contains("32050004");
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}").andExpect(status().isUnprocessableEntity());
	}

	@Test
	void theSiteInspectorsAreTakenFromTheRosterWithTheirCertificates() throws Exception {
		long id = reviewed(LicensingIntegrationTest.newCreditCode(), "苏州核查人员快递有限公司");
		// names alone: the certificate shown cannot be checked
		verification(id, "\"张三\",\"李四\"", ALL_PASSED, true).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("inspectors[0]"));
		verification(id, LIN, ALL_PASSED, true).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'inspectors')].rule", hasItem("min")));
		verification(id, LIN + ",{\"name\":\"张三\",\"certificateNumber\":\"99999999\"}", ALL_PASSED, true)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'inspectors[1].certificateNumber')].rule", hasItem("exists")));
		verification(id, LIN + "," + LIN, ALL_PASSED, true).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'inspectors[1].certificateNumber')].rule", hasItem("duplicate")));
		verification(id, LIN + ",{\"name\":\"李四\",\"certificateNumber\":\"32050002\"}", ALL_PASSED, true)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'inspectors[1].name')].rule", hasItem("matches")));
		// 秦过期's certificate ran out last year
		verification(id, LIN + ",{\"name\":\"秦过期\",\"certificateNumber\":\"32050005\"}", ALL_PASSED, true)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'inspectors[1].certificateNumber')].rule", hasItem("valid")));
		assertThat(LicensingIntegrationTest.text(mvc.perform(get("/api/v1/licensing/applications/" + id)
			.header("Authorization", CITY)), "$.application.status")).isEqualTo("REVIEWED");
		verification(id, LIN + "," + FENG, ALL_PASSED, true).andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT certificate_number FROM licence_verification_inspector WHERE application_id = :id ORDER BY position")
			.param("id", id).query(String.class).list()).containsExactly("32050004", "32050002");
	}

	@Test
	void anAcceptanceRefusedForMissingMaterialsNamesThem() throws Exception {
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications",
				newApplication(LicensingIntegrationTest.newCreditCode(), "苏州缺材料快递有限公司")).andExpect(status().isCreated()));
		call(CITY, "/api/v1/licensing/applications/" + id + "/acceptance", "{}")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("materials"))
			.andExpect(jsonPath("$.errors[0].rule").value("missing"))
			.andExpect(jsonPath("$.errors[0].message", containsString("注册资本证明")));
	}
}
