package org.youguan.licensing;

import org.youguan.registry.LicenceRevoked;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.ProvinceStaff;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.demo.DemoAccounts;
import org.youguan.enforcement.Penalty;
import org.youguan.enforcement.PenaltyDecided;
import org.youguan.enforcement.PenaltyDelivered;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceGranted;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.LicenceView;
import org.youguan.security.ApiTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The licensing procedure end to end through its API on the demo city: an enterprise applies with its materials, the
 * city bureau accepts, reviews and verifies on site, the provincial bureau approves, the registry records the licence
 * when it hears the decision, and the public verify API confirms it (and reports a revocation); a paper application
 * with missing materials gets one 补正通知 listing them, is corrected and approved; a refusal carries its reasons and
 * remedies; a receipt left unanswered is accepted by law; who may take each step is checked; the figures count it all.
 */
@IntegrationTest
class LicensingIntegrationTest extends LicensingFixture {

	@Autowired
	Enterprises enterprises;

	@Autowired
	Bureaus bureaus;

	@Autowired
	LicenceApplications applications;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	ApiTokens tokens;

	static final String APPLICANT_PASSWORD = "Applicant#2026x";

	/** The applicant {@link #newApplicant} registered: its credit code, its user's name and API token. */
	String applicantCode, applicantUser, applicant;

	/**
	 * Registers an enterprise of 吴中 that holds no licence — the demo enterprise holds one and applies for no new one —
	 * with a user ({@link #APPLICANT_PASSWORD}) and its API token.
	 */
	void newApplicant() {
		applicantCode = newCreditCode();
		applicantUser = "lic." + applicantCode.substring(10, 17).toLowerCase(Locale.ROOT);
		enterprises.register(DataScope.all(), new EnterpriseData("苏州新申请快递有限公司" + applicantCode.substring(10, 17), applicantCode,
				EnterpriseType.EXPRESS, null, "王示例", "吴中区示例路8号", "320506", "李联系", "13912345678"), false);
		tx.executeWithoutResult(s -> users.provision(new UserData(applicantUser, "新申请企业", UserKind.ENTERPRISE, null, null,
				applicantCode, null, EnumSet.of(Role.ENTERPRISE)), APPLICANT_PASSWORD, false, false));
		applicant = "Bearer " + tx.execute(s -> tokens.create(directory.principal(applicantUser).orElseThrow(), "许可测试", null)).token();
	}

	static long id(ResultActions r) throws Exception {
		return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	static String text(ResultActions r, String path) throws Exception {
		return JsonPath.read(r.andReturn().getResponse().getContentAsString(), path);
	}

	/**
	 * A licence number of the series ({@code 快递许可-32-2026-000012}) as a person may type it: full-width digits, dashes
	 * with spaces around them, the sequence without its padding ({@code 快递许可 – ３２ – ２０２６ – １２}).
	 */
	static String typedAnotherWay(String number) {
		int last = number.lastIndexOf('-');
		String unpadded = number.substring(0, last + 1) + Long.parseLong(number.substring(last + 1));
		StringBuilder b = new StringBuilder();
		unpadded.codePoints().forEach(c -> {
			if (c >= '0' && c <= '9') {
				b.appendCodePoint(c - '0' + '\uFF10');
			}
			else if (c == '-') {
				b.append(" \u2013 ");
			}
			else {
				b.appendCodePoint(c);
			}
		});
		return b.toString();
	}

	/** A credit code no enterprise has. */
	static String newCreditCode() {
		// ten million codes: with ten thousand, two tests of one run drew the same enterprise now and then (a 409)
		String first17 = "91320506MA" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
		return first17 + CreditCode.checkCharacter(first17);
	}

	static String enterpriseCode() {
		return DemoAccounts.DEMO_ENTERPRISE_CREDIT_CODE_BASE + CreditCode.checkCharacter(DemoAccounts.DEMO_ENTERPRISE_CREDIT_CODE_BASE);
	}

	static String application(String creditCode, String name, String scope, String capital, String branches) {
		return """
				{"applicantCreditCode":%s,"applicantName":%s,"scope":"%s","registeredCapital":"%s","serviceArea":"苏州市吴中区",
				 "premisesAddress":"吴中区示例路8号","regionCode":"320506","legalRepresentative":"王示例","contactName":"李联系",
				 "safetySystem":"实名收寄、收寄验视、过机安检制度","serviceSystem":"服务承诺、投诉处理和赔偿制度","personnel":"从业人员20人",
				 "contactPhone":"13912345678","branches":[%s]}""".formatted(creditCode == null ? "null" : "\"" + creditCode + "\"",
				name == null ? "null" : "\"" + name + "\"", scope, capital, branches);
	}

	void upload(String token, long id, Material m) throws Exception {
		mvc.perform(multipart("/api/v1/licensing/applications/" + id + "/materials")
			.file(new MockMultipartFile("file", m.name() + ".pdf", "application/pdf", PDF))
			.param("kind", m.name())
			.header("Authorization", token)).andExpect(status().isOk())
			// the answer is the application as it now stands, as every step of the API answers
			.andExpect(jsonPath("$.application.id").value(id))
			.andExpect(jsonPath("$.attachments[*].kind", hasItem("material-" + m.name().toLowerCase(Locale.ROOT))));
	}

	ResultActions verify(String token, long id, boolean passed) throws Exception {
		String data = """
				{"inspectors":[{"name":"林执法","certificateNumber":"32050004"},{"name":"冯安全","certificateNumber":"32050002"}],
				 "checklist":[{"item":"经营场所与申请材料一致","passed":true},
				 {"item":"安检设备、视频监控","passed":%s,"note":"已配备"}],"passed":%s,"conclusion":"场所、设备和制度符合条件"}"""
			.formatted(passed, passed);
		return mvc.perform(multipart("/api/v1/licensing/applications/" + id + "/verification")
			.file(new MockMultipartFile("data", "", "application/json", data.getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("photos", "site.png", "image/png", TestImages.png(40, 30)))
			.header("Authorization", token));
	}

	ApplicationView view(long id) {
		return applications.get(DataScope.all(), id).application();
	}

	/**
	 * Attack 5 (party): an enterprise's application is received the day it submits it — a {@code submittedOn} it sends
	 * is a 400 naming the field (it was accepted and silently dated today), nothing saved; without it the application
	 * is received today.
	 */
	@Test
	void anEnterpriseMayNotDateItsOwnApplication() throws Exception {
		newApplicant();
		String body = application(null, null, "省内", "600000", "");
		String dated = body.substring(0, body.lastIndexOf('}')) + ",\"submittedOn\":\"2026-01-05\"}";
		call(applicant, "/api/v1/licensing/applications", dated).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("submittedOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-allowed"));
		mvc.perform(get("/api/v1/licensing/applications").header("Authorization", applicant))
			.andExpect(jsonPath("$.total").value(0));
		call(applicant, "/api/v1/licensing/applications", body).andExpect(status().isCreated());
	}

	/**
	 * An enterprise without a licence ({@link #newApplicant}) applies for itself with every material; the city bureau
	 * accepts and reviews it.
	 */
	long reviewedApplication() throws Exception {
		newApplicant();
		long id = id(call(applicant, "/api/v1/licensing/applications", application(null, null, "省内", "600000", "\"吴中分部\",\"相城分部\""))
			.andExpect(status().isCreated()));
		for (Material m : Material.values()) {
			upload(applicant, id, m);
		}
		String receipt = text(call(CITY, "/api/v1/licensing/applications/" + id + "/acceptance", "{}").andExpect(status().isOk()), "$.number");
		// the city's 受理通知书 in its official form (苏苏邮管许受〔年〕N号), not the earlier 许可受理-3205-…
		assertThat(receipt).matches("苏苏邮管许受〔[0-9]{4}〕[1-9][0-9]*号");
		call(CITY, "/api/v1/licensing/applications/" + id + "/review", "{\"opinion\":\"材料齐全，符合法定形式\"}").andExpect(status().isOk());
		return id;
	}

	@Test
	void aCompleteApplicationIsAcceptedVerifiedAndApprovedAndTheRegistryRecordsTheLicenceFromTheEvent() throws Exception {
		long id = reviewedApplication();
		ApplicationView accepted = view(id);
		assertThat(accepted.applicantCreditCode()).isEqualTo(applicantCode);
		assertThat(accepted.approvingLevel()).isEqualTo(ApprovingLevel.PROVINCE);
		assertThat(accepted.decisionDueOn()).isAfterOrEqualTo(accepted.acceptedOn().plusDays(45));
		assertThat(accepted.receiptNumber()).isNotBlank();

		// a county bureau does not verify; the city bureau of the premises does
		verify(COUNTY, id, true).andExpect(status().isForbidden());
		verify(CITY, id, true).andExpect(status().isOk());
		// the city is not the competent level for 省内: the provincial bureau decides
		call(CITY, "/api/v1/licensing/applications/" + id + "/approval", "{}").andExpect(status().isForbidden());
		String number = text(call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}").andExpect(status().isOk()), "$.number");
		ApplicationView approved = view(id);
		assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(approved.validUntil()).isEqualTo(approved.decidedOn().plusYears(5).minusDays(1));

		await().atMost(Duration.ofSeconds(60)).until(() -> licences.findByNumber(DataScope.all(), number).isPresent());
		LicenceView recorded = licences.findByNumber(DataScope.all(), number).orElseThrow();
		assertThat(recorded.creditCode()).isEqualTo(applicantCode);
		assertThat(recorded.scope()).isEqualTo(LicenceScope.PROVINCE);
		assertThat(recorded.issuingBureauName()).contains("江苏");
		assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%LicenceGranted' AND serialized_event LIKE :n")
			.param("n", "%" + number + "%").query(Long.class).single()).isEqualTo(1);

		// the e-licence: the enterprise downloads it; it carries the code and the QR code
		String location = mvc.perform(get("/api/v1/licensing/applications/" + id + "/certificate").header("Authorization", applicant))
			.andExpect(status().isSeeOther()).andReturn().getResponse().getHeader("Location");
		byte[] docx = mvc.perform(get(location).header("Authorization", applicant)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			String body = new XWPFWordExtractor(doc).getText();
			assertThat(body).contains(number).contains(approved.verificationCode()).contains("/public/licences/verify?number=");
			assertThat(doc.getAllPictures()).hasSize(1);
		}

		// public verification: valid, no personal data; a wrong code says nothing about the holder
		mvc.perform(get("/api/v1/public/licences/verify").param("number", number).param("code", approved.verificationCode()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.status").value("VALID"))
			.andExpect(jsonPath("$.scope").value("省内"))
			.andExpect(jsonPath("$.enterprise").value(recorded.enterpriseName()))
			.andExpect(jsonPath("$.validUntil").value(approved.validUntil().toString()))
			.andExpect(jsonPath("$.legalRepresentative").doesNotExist())
			.andExpect(jsonPath("$.contactPhone").doesNotExist());
		mvc.perform(get("/api/v1/public/licences/verify").param("number", number).param("code", "WRONG123"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.enterprise").value(nullValue()));
		mvc.perform(get("/public/licences/verify").param("number", number).param("code", approved.verificationCode()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-valid=\"true\"")));

		// the number typed another way (full-width digits, dashes with spaces, no padding) is the same licence
		mvc.perform(get("/api/v1/public/licences/verify").param("number", typedAnotherWay(number))
			.param("code", approved.verificationCode()))
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.number").value(number));

		// revoked in the registry: reported honestly, however the number is typed (the registry's status, not the dates)
		licences.revokeByDecision(new LicenceRevoked(recorded.number(), "苏邮罚〔2026〕9号", "吊销：行政处罚决定"));
		for (String typed : List.of(number, typedAnotherWay(number))) {
			mvc.perform(get("/api/v1/public/licences/verify").param("number", typed).param("code", approved.verificationCode()))
				.andExpect(jsonPath("$.valid").value(false))
				.andExpect(jsonPath("$.status").value("REVOKED"));
		}
		assertThat(licences.findByNumber(DataScope.all(), typedAnotherWay(number))).map(LicenceView::id).contains(recorded.id());

		// the enterprise sees its application; another county's staff do not
		mvc.perform(get("/api/v1/licensing/applications").param("size", "200").header("Authorization", applicant))
			.andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
		mvc.perform(get("/api/v1/licensing/applications/" + id).header("Authorization", OTHER_COUNTY)).andExpect(status().isNotFound());
	}

	/** The page's verification: a verdict other than 符合 (true) or 不符合 (false) is refused, never read as 不符合. */
	/**
	 * A new licensing decision's 文号 is the deciding bureau's in the official form (GB/T 9704-2012 7.2.4: the province's
	 * 苏邮管许〔年〕N号, numbering.OfficialNumbers), the next decision of that bureau in the year is N+1, and the
	 * 决定书 the applicant is served prints the number as stored (the API gives it as stored too).
	 */
	@Test
	void aNewLicensingDecisionIsNumberedInTheOfficialFormOfItsBureauCountingUpPerYear() throws Exception {
		long first = reviewedApplication();
		verify(CITY, first, true).andExpect(status().isOk());
		call(PROVINCE, "/api/v1/licensing/applications/" + first + "/approval", "{}").andExpect(status().isOk());
		ApplicationView a = view(first);
		int year = a.decidedOn().getYear();
		assertThat(a.decisionNumber()).matches("苏邮管许〔" + year + "〕[1-9][0-9]*号");
		long second = reviewedApplication();
		verify(CITY, second, true).andExpect(status().isOk());
		call(PROVINCE, "/api/v1/licensing/applications/" + second + "/approval", "{}").andExpect(status().isOk());
		ApplicationView b = view(second);
		assertThat(b.decidedOn().getYear()).isEqualTo(year);
		assertThat(b.decisionNumber()).isEqualTo("苏邮管许〔" + year + "〕" + (sequence(a.decisionNumber()) + 1) + "号");
		mvc.perform(get("/api/v1/licensing/applications/" + second).header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.application.decisionNumber").value(b.decisionNumber()));
		long decision = applications.get(DataScope.all(), second).attachments().stream()
			.filter(x -> x.kind().equals(LicenceApplications.DECISION)).findFirst().orElseThrow().id();
		byte[] docx = mvc.perform(get("/attachments/" + decision).header("Authorization", CITY)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			assertThat(new XWPFWordExtractor(doc).getText()).contains(b.decisionNumber());
		}
	}

	/** The sequence of an official-form 文号 (苏邮管许〔2026〕12号 → 12). */
	private static long sequence(String number) {
		return Long.parseLong(number.substring(number.indexOf('〕') + 1, number.length() - 1));
	}

	@Test
	void aVerificationVerdictThatIsNeitherTrueNorFalseIsRefusedNotReadAsFailed() throws Exception {
		long id = reviewedApplication();
		var before = view(id);
		// a token caller of the page step is answered the refusal itself, not a redirect (PageSteps)
		mvc.perform(multipart("/licensing/applications/" + id + "/verification")
			.file(new MockMultipartFile("photos", "site.png", "image/png", TestImages.png(40, 30)))
			.with(csrf()).header("Authorization", CITY).param("verifiedOn", LocalDate.now(clock).toString())
			.param("inspector1", "林执法").param("certificate1", "32050004").param("inspector2", "冯安全")
			.param("certificate2", "32050002").param("line0", "BOGUS").param("passed", "yes")
			.param("conclusion", "场所符合条件"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("line0", "passed")))
			.andExpect(jsonPath("$.errors[?(@.field == 'passed')].rule").value(org.hamcrest.Matchers.contains("one-of")));
		assertThat(view(id).status()).as("nothing recorded").isEqualTo(before.status());
		// a blank reason is told under the field the request names (attack: it was told as "reasons")
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/refusal", "{\"reason\":\"\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/refusal", "{\"reason\":\"核查结论测试结束\"}")
			.andExpect(status().isOk());
	}

	@Test
	void theRegistryRecordsAGrantedLicenceOnlyWhenItHearsTheEventRegisteringANewHolder() {
		String code = newCreditCode();
		String number = "快递许可-32-1999-" + code.substring(13);
		assertThat(licences.findByNumber(DataScope.all(), number)).isEmpty();
		granted(new LicenceGranted(-1, number, new EnterpriseData("苏州事件快递有限公司", code,
				EnterpriseType.EXPRESS, null, "赵事件", "吴中区事件路1号", "320506", null, null), LicenceScope.CITY, "江苏省邮政管理局",
				"32", LocalDate.now(clock), LocalDate.now(clock).plusYears(5).minusDays(1), false));
		assertThat(enterprises.findByCreditCode(code)).map(EnterpriseView::legalName).contains("苏州事件快递有限公司");
	}

	@Test
	void aPaperApplicationGetsOneCorrectionNoticeListingEveryMissingItemAndIsApprovedAfterCorrection() throws Exception {
		String code = newCreditCode();
		long id = id(call(CITY, "/api/v1/licensing/applications", application(code, "苏州补正快递有限公司", "同城", "500000", ""))
			.andExpect(status().isCreated()));
		upload(CITY, id, Material.BUSINESS_LICENCE);
		// incomplete: not acceptable yet
		call(CITY, "/api/v1/licensing/applications/" + id + "/acceptance", "{}").andExpect(status().isUnprocessableEntity());
		// an item is free text: a zero-width space or a bidirectional mark typed or pasted into it is not stored
		call(CITY, "/api/v1/licensing/applications/" + id + "/correction-notice",
				"{\"items\":[\"营业执照副本\\u200B加盖\\u200E公章\"]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.application.status").value("CORRECTION_REQUESTED"));
		ApplicationView notified = view(id);
		assertThat(notified.status()).isEqualTo(ApplicationStatus.CORRECTION_REQUESTED);
		assertThat(notified.correctionItems().split("\n")).containsExactly("注册资本证明", "场地使用证明", "安全保障制度和措施",
				"服务质量管理制度和业务操作规范", "从业人员情况说明", "营业执照副本加盖公章");
		assertThat(applications.get(DataScope.all(), id).attachments()).anyMatch(a -> a.kind().equals(LicenceApplications.CORRECTION_NOTICE));
		assertThat(notified.correctionNumber()).matches("苏苏邮管许补〔" + notified.correctionNotifiedOn().getYear() + "〕[1-9][0-9]*号");

		var corrected = multipart("/api/v1/licensing/applications/" + id + "/correction").header("Authorization", CITY);
		for (Material m : new Material[] { Material.CAPITAL, Material.PREMISES, Material.SAFETY, Material.SERVICE, Material.PERSONNEL }) {
			corrected.file(new MockMultipartFile(m.name(), m.name() + ".pdf", "application/pdf", PDF));
		}
		mvc.perform(corrected).andExpect(status().isOk()).andExpect(jsonPath("$.application.status").value("SUBMITTED"));
		assertThat(view(id).status()).isEqualTo(ApplicationStatus.SUBMITTED);
		// one notice only: a second is a conflict with the application's state (409), not an input error
		call(CITY, "/api/v1/licensing/applications/" + id + "/correction-notice", "{\"items\":[\"再补一项\"]}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("一次告知")));
		call(CITY, "/api/v1/licensing/applications/" + id + "/acceptance", "{}").andExpect(status().isOk());
		call(CITY, "/api/v1/licensing/applications/" + id + "/review", "{\"opinion\":\"补正后材料齐全\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.application.status").value("REVIEWED"));
		verify(CITY, id, true).andExpect(status().isOk());
		String number = text(call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}").andExpect(status().isOk()), "$.number");
		// a new applicant: the registry registers it when it records the licence
		await().atMost(Duration.ofSeconds(60)).until(() -> licences.findByNumber(DataScope.all(), number).isPresent());
		assertThat(enterprises.findByCreditCode(code)).map(EnterpriseView::legalName).contains("苏州补正快递有限公司");
	}

	@Test
	void aRefusalNamesItsReasonsAndTheRemediesInTheDecision() throws Exception {
		String code = newCreditCode();
		long id = id(call(CITY, "/api/v1/licensing/applications", application(code, "苏州不予快递有限公司", "省内", "800000", ""))
			.andExpect(status().isCreated()));
		for (Material m : Material.values()) {
			if (m != Material.BRANCH_LIST) {
				upload(CITY, id, m);
			}
		}
		call(CITY, "/api/v1/licensing/applications/" + id + "/acceptance", "{}").andExpect(status().isOk());
		call(CITY, "/api/v1/licensing/applications/" + id + "/review", "{\"opinion\":\"材料齐全\"}").andExpect(status().isOk());
		verify(CITY, id, false).andExpect(status().isOk());
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}").andExpect(status().isUnprocessableEntity());
		// the reason names a witness by mobile number: the decision served on the applicant prints it masked
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/refusal",
				"{\"reason\":\"未配备符合国家标准的安检设备（核查联系人13912345678）\"}")
			.andExpect(status().isOk());
		ApplicationView refused = view(id);
		assertThat(refused.status()).isEqualTo(ApplicationStatus.REFUSED);
		assertThat(refused.licenceNumber()).isNull();
		// the 不予许可决定书 of the province, on its own series (许不), not the approvals' (许)
		assertThat(refused.decisionNumber()).matches("苏邮管许不〔" + refused.decidedOn().getYear() + "〕[1-9][0-9]*号");
		long decision = applications.get(DataScope.all(), id).attachments().stream()
			.filter(a -> a.kind().equals(LicenceApplications.DECISION)).findFirst().orElseThrow().id();
		byte[] docx = mvc.perform(get("/attachments/" + decision).header("Authorization", CITY)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			assertThat(new XWPFWordExtractor(doc).getText()).contains("未配备符合国家标准的安检设备").contains("行政复议").contains("行政诉讼")
				.contains(refused.decisionNumber())
				.contains("核查联系人139****5678").doesNotContain("13912345678");
		}
		// the enterprise may not read another applicant's documents
		mvc.perform(get("/attachments/" + decision).header("Authorization", ENTERPRISE)).andExpect(status().isNotFound());
	}

	@Test
	void anApplicationNotNotifiedWithinFiveWorkingDaysIsAcceptedByLawOnTheDayOfReceipt() throws Exception {
		String code = newCreditCode();
		long id = id(call(CITY, "/api/v1/licensing/applications", application(code, "苏州依法受理快递有限公司", "同城", "500000", ""))
			.andExpect(status().isCreated()));
		ApplicationView submitted = view(id);
		clock.set(LocalDateTime.of(submitted.receiptDueOn().plusDays(1), LocalTime.of(9, 0)));
		call(CITY, "/api/v1/licensing/applications/" + id + "/correction-notice", "{}")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail", containsString("即为受理")))
			.andExpect(jsonPath("$.errors[0].rule").value("deemed-accepted"));
		// 不予受理 presumes the receipt undecided, as the 补正通知 does: refused once accepted by law (art.32), nothing saved
		call(CITY, "/api/v1/licensing/applications/" + id + "/non-acceptance", "{\"reason\":\"材料不齐全\"}")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].rule").value("deemed-accepted"))
			.andExpect(jsonPath("$.detail", containsString("即为受理")));
		assertThat(view(id).status()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(applications.deemedAccepted(view(id))).isTrue();
		assertThat(applications.acceptOverdueByLaw()).isPositive();
		ApplicationView accepted = view(id);
		assertThat(accepted.status()).isEqualTo(ApplicationStatus.ACCEPTED);
		assertThat(accepted.acceptedByLaw()).isTrue();
		assertThat(accepted.acceptedOn()).isEqualTo(submitted.submittedOn());
	}

	@Test
	void capitalBelowTheScopesMinimumIsRefusedCitingTheArticleAndNothingIsSaved() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM licence_application").query(Long.class).single();
		call(CITY, "/api/v1/licensing/applications", application(newCreditCode(), "苏州跨省快递有限公司", "跨省", "600000", ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("registeredCapital"))
			.andExpect(jsonPath("$.errors[0].message", containsString("1000000")))
			.andExpect(jsonPath("$.errors[0].message", containsString("邮政法")));
		// an enterprise applies only for itself
		call(ENTERPRISE, "/api/v1/licensing/applications", application(newCreditCode(), "别家", "同城", "500000", ""))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT count(*) FROM licence_application").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void capitalSentAsAJsonNumberIsJudgedByTheSameRulesAsText() throws Exception {
		// a client system sends the capital as a number: the rule of the scope answers, not a 400 about the type
		call(CITY, "/api/v1/licensing/applications", application(newCreditCode(), "苏州数字资本快递有限公司", "跨省", "600000", "")
			.replace("\"registeredCapital\":\"600000\"", "\"registeredCapital\":600000"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("registeredCapital"))
			.andExpect(jsonPath("$.errors[0].message", containsString("1000000")));
		call(CITY, "/api/v1/licensing/applications", application(newCreditCode(), "苏州小数资本快递有限公司", "同城", "500000", "")
			.replace("\"registeredCapital\":\"500000\"", "\"registeredCapital\":500000.123"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("registeredCapital"));
		long id = id(call(CITY, "/api/v1/licensing/applications", application(newCreditCode(), "苏州整数资本快递有限公司", "同城",
				"500000", "").replace("\"registeredCapital\":\"500000\"", "\"registeredCapital\":500000.50"))
			.andExpect(status().isCreated()));
		assertThat(applications.get(DataScope.all(), id).application().registeredCapital()).isEqualByComparingTo("500000.50");
	}

	@Test
	void anEnterpriseCannotApplyAtAPlaceNoBureauOnThePlatformServes() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM licence_application").query(Long.class).single();
		// 北京市东城区: no bureau of the demo uses YouGuan there, so no one would receive it before its clock ran out
		call(ENTERPRISE, "/api/v1/licensing/applications",
				application(enterpriseCode(), null, "同城", "500000", "").replace("\"320506\"", "\"110101\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"))
			.andExpect(jsonPath("$.errors[0].message", containsString("尚未使用本平台")));
		assertThat(jdbc.sql("SELECT count(*) FROM licence_application").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void anApplicationOutsideCompetenceIsNotAcceptedNamingTheCompetentBureau() throws Exception {
		long id = id(call(CITY, "/api/v1/licensing/applications", application(newCreditCode(), "苏州国际快递有限公司", "国际", "3000000", ""))
			.andExpect(status().isCreated()));
		// the competent bureau is named in one line of the notice (rule line-break)
		call(CITY, "/api/v1/licensing/applications/" + id + "/non-acceptance",
				"{\"ground\":\"NOT_COMPETENT\",\"reason\":\"国际快递业务经营许可由国家邮政局审批\",\"competentBureau\":\"国家\\n邮政局\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("competentBureau"))
			.andExpect(jsonPath("$.errors[0].rule").value("line-break"));
		// the reason and the competent bureau are printed on the 不予受理通知书: markup is refused, nothing changes
		call(CITY, "/api/v1/licensing/applications/" + id + "/non-acceptance",
				"{\"ground\":\"NOT_COMPETENT\",\"reason\":\"<b>国际快递</b>\",\"competentBureau\":\"<script>x</script>\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("reason", "competentBureau")))
			.andExpect(jsonPath("$.errors[*].rule", hasItems("markup")));
		assertThat(view(id).status()).isNotEqualTo(ApplicationStatus.NOT_ACCEPTED);
		call(CITY, "/api/v1/licensing/applications/" + id + "/non-acceptance", "{\"ground\":\"NOT_COMPETENT\",\"reason\":\"国际快递业务经营许可由国家邮政局审批\"}")
			.andExpect(status().isOk());
		ApplicationView a = view(id);
		assertThat(a.status()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
		assertThat(a.competentBureau()).isEqualTo("国家邮政局");
		assertThat(a.notAcceptedNumber()).matches("苏苏邮管许不受〔" + a.notAcceptedOn().getYear() + "〕[1-9][0-9]*号");
	}

	@Test
	void theFiguresCountApplicationsBranchReviewsDistinctVerifiedEnterprisesAndDecisions() throws Exception {
		String a = newCreditCode();
		String b = newCreditCode();
		// past decisions are the province's to import (邮政法 art.53), placed in its region with their unregistered applicants
		String period = "?region=32&from=2019-01-01&to=2019-12-31";
		mvc.perform(get("/api/v1/licensing/figures" + period).header("Authorization", PROVINCE)).andExpect(status().isOk())
			.andExpect(jsonPath("$.received").value(0));
		String first = """
				{"applicantCreditCode":"%s","applicantName":"苏州历史快递有限公司","kind":"NEW","scope":"省内","receivedOn":"2019-03-01",
				 "preliminaryReviewedOn":"2019-03-08","onSiteVerifiedOn":"2019-03-15","decision":"APPROVED","decidedOn":"2019-04-10",
				 "licenceNumber":"苏历史2019-%s"}""".formatted(a, a.substring(12));
		call(CITY, "/api/v1/licensing/applications/imported", first).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'decision')].rule", hasItem("approving-level")));
		call(PROVINCE, "/api/v1/licensing/applications/imported", first).andExpect(status().isCreated());
		call(PROVINCE, "/api/v1/licensing/applications/imported", """
				{"applicantCreditCode":"%s","applicantName":"苏州历史快递有限公司","kind":"BRANCH","scope":"省内","receivedOn":"2019-05-01",
				 "preliminaryReviewedOn":"2019-05-06","onSiteVerifiedOn":"2019-05-10","decision":"REFUSED","decidedOn":"2019-05-31",
				 "licenceNumber":null}""".formatted(a)).andExpect(status().isCreated());
		call(CITY, "/api/v1/licensing/applications/imported", """
				{"applicantCreditCode":"%s","applicantName":"苏州待决快递有限公司","kind":"NEW","scope":"同城","receivedOn":"2019-06-01",
				 "preliminaryReviewedOn":null,"onSiteVerifiedOn":null,"decision":"PENDING","decidedOn":null,"licenceNumber":null}"""
			.formatted(b)).andExpect(status().isCreated());
		// dates out of order, a decision without its day: 400 naming the fields, nothing saved
		call(CITY, "/api/v1/licensing/applications/imported", """
				{"applicantCreditCode":"%s","applicantName":"x","kind":"NEW","scope":"同城","receivedOn":"2019-06-01",
				 "preliminaryReviewedOn":"2019-05-01","decision":"APPROVED"}""".formatted(b)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("preliminaryReviewedOn")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("decidedOn")));
		mvc.perform(get("/api/v1/licensing/figures" + period).header("Authorization", PROVINCE)).andExpect(status().isOk())
			.andExpect(jsonPath("$.received").value(3))
			.andExpect(jsonPath("$.preliminaryReviews").value(2))
			.andExpect(jsonPath("$.onSiteVerifications").value(1))
			.andExpect(jsonPath("$.approved").value(1))
			.andExpect(jsonPath("$.refused").value(1))
			.andExpect(jsonPath("$.averageDecisionDays").value(35.0));
		// a live review of an application with two branches counts three 家次
		LocalDate today = LocalDate.now(clock);
		String now = "?region=3205&from=" + today + "&to=" + today;
		long reviewsBefore = ((Number) JsonPath.read(mvc.perform(get("/api/v1/licensing/figures" + now).header("Authorization", CITY))
			.andReturn().getResponse().getContentAsString(), "$.preliminaryReviews")).longValue();
		reviewedApplicationOfANewApplicantWithTwoBranches();
		mvc.perform(get("/api/v1/licensing/figures" + now).header("Authorization", CITY))
			.andExpect(jsonPath("$.preliminaryReviews").value((int) reviewsBefore + 3));
		// a region outside the caller's scope is refused
		mvc.perform(get("/api/v1/licensing/figures?region=3201").header("Authorization", CITY)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/licensing/figures" + period).header("Authorization", ENTERPRISE)).andExpect(status().isForbidden());
	}

	void reviewedApplicationOfANewApplicantWithTwoBranches() throws Exception {
		long id = id(call(CITY, "/api/v1/licensing/applications", application(newCreditCode(), "苏州分支快递有限公司", "同城", "500000",
				"\"甲分部\",\"乙分部\"")).andExpect(status().isCreated()));
		for (Material m : Material.values()) {
			upload(CITY, id, m);
		}
		call(CITY, "/api/v1/licensing/applications/" + id + "/acceptance", "{}").andExpect(status().isOk());
		call(CITY, "/api/v1/licensing/applications/" + id + "/review", "{\"opinion\":\"符合\"}").andExpect(status().isOk());
	}

	@Test
	void aDeliveredPenaltyDecisionOfTheIssuingAuthorityRevokesTheLicenceButNeitherAnUndeliveredNorACountysOne() throws Exception {
		String code = newCreditCode();
		long id = id(call(CITY, "/api/v1/licensing/applications", application(code, "苏州吊销快递有限公司", "同城", "500000", ""))
			.andExpect(status().isCreated()));
		for (Material m : Material.values()) {
			if (m != Material.BRANCH_LIST) {
				upload(CITY, id, m);
			}
		}
		call(CITY, "/api/v1/licensing/applications/" + id + "/acceptance", "{}").andExpect(status().isOk());
		call(CITY, "/api/v1/licensing/applications/" + id + "/review", "{\"opinion\":\"材料齐全\"}").andExpect(status().isOk());
		verify(CITY, id, true).andExpect(status().isOk());
		String number = text(call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}").andExpect(status().isOk()), "$.number");
		await().atMost(Duration.ofSeconds(60)).until(() -> licences.findByNumber(DataScope.all(), number).isPresent());

		// a decision takes effect on delivery (行政处罚法 art.61): decided, not yet delivered, it revokes nothing — and a
		// county's delivered decision does not revoke a licence the provincial bureau issued (行政许可法 art.70): audited
		tx.executeWithoutResult(s -> events.publishEvent(new PenaltyDecided(-1, "行政处罚决定-32-2026-R0" + code, "32", code,
				"苏州吊销快递有限公司", "WAYBILL_DATA", Penalty.REVOCATION, null, LocalDate.now(clock), false)));
		tx.executeWithoutResult(s -> events.publishEvent(new PenaltyDelivered(-1, "行政处罚决定-320506-2026-R0" + code, "320506",
				code, "苏州吊销快递有限公司", Penalty.REVOCATION, LocalDate.now(clock))));
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
				SELECT count(*) FROM audit_event WHERE action = 'licensing.revoke-not-issuer' AND summary LIKE :n""")
			.param("n", "%" + number + "%").query(Long.class).single() == 1);
		assertThat(licences.findByNumber(DataScope.all(), number).orElseThrow().status()).isEqualTo(LicenceStatus.VALID);
		// the issuing province's decision revokes it
		tx.executeWithoutResult(s -> events.publishEvent(new PenaltyDelivered(-1, "行政处罚决定-32-2026-R1" + code, "32", code,
				"苏州吊销快递有限公司", Penalty.REVOCATION, LocalDate.now(clock))));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.findByNumber(DataScope.all(), number).orElseThrow().status() == LicenceStatus.REVOKED);
		mvc.perform(get("/api/v1/public/licences/verify").param("number", number).param("code", view(id).verificationCode()))
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.status").value("REVOKED"));
	}

	@Test
	void staffEnterAPaperApplicationOnTheFormWithItsMaterialsAndAcceptItOnItsPage() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		// refused (a capital not a number): the form again in the 400 with the error and everything typed
		// (kernel.FormSteps), the files to choose again
		mvc.perform(multipart("/licensing/applications").session(staff).with(csrf())
			.param("kind", "CHANGE").param("applicantCreditCode", "回填代码").param("applicantName", "苏州回填快递有限公司")
			.param("scope", "CITY").param("registeredCapital", "五十万").param("premisesAddress", "吴中区回填路1号")
			.param("regionCode", "320506").param("serviceArea", "苏州市区").param("safetySystem", "回填的安全制度"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"errors\"")))
			.andExpect(content().string(containsString("value=\"苏州回填快递有限公司\"")))
			.andExpect(content().string(containsString("value=\"五十万\"")))
			.andExpect(content().string(containsString(">回填的安全制度</textarea>")))
			.andExpect(content().string(containsString("value=\"CHANGE\" selected=\"selected\"")));
		// a date that is no date is told with the form's other bad fields at once, not alone (the service reads it as
		// typed, one Validation for the whole form)
		mvc.perform(multipart("/licensing/applications").session(staff).with(csrf())
			.param("kind", "CHANGE").param("applicantCreditCode", "回填代码").param("applicantName", "苏州回填快递有限公司")
			.param("scope", "CITY").param("registeredCapital", "五十万").param("submittedOn", "2026-02-30")
			.param("regionCode", "320506").param("serviceArea", "苏州市区"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("收到申请日期应为日期（YYYY-MM-DD）")))
			.andExpect(content().string(containsString("注册资本（元）应为")))
			.andExpect(content().string(containsString("value=\"2026-02-30\"")));
		var form = multipart("/licensing/applications").session(staff).with(csrf())
			.param("kind", "NEW").param("applicantCreditCode", newCreditCode()).param("applicantName", "苏州表单快递有限公司")
			.param("scope", "CITY").param("registeredCapital", "500000").param("premisesAddress", "吴中区表单路1号")
			.param("regionCode", "320506").param("serviceArea", "苏州市区").param("branches", "表单分部\n")
			.param("legalRepresentative", "王表单").param("safetySystem", "安全制度").param("serviceSystem", "服务制度")
			.param("personnel", "从业人员10人");
		for (Material m : Material.values()) {
			form.file(new MockMultipartFile(m.name(), m.name() + ".pdf", "application/pdf", PDF));
		}
		String location = mvc.perform(form).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).matches("/licensing/applications/\\d+");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(applications.missingMaterials(id)).isEmpty();
		assertThat(applications.get(DataScope.all(), id).branches()).containsExactly("表单分部");
		mvc.perform(post(location + "/acceptance").session(staff).with(csrf())).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", containsString("苏苏邮管许受〔")));
		// a broken rule comes back as the page's errors, nothing changes
		mvc.perform(post(location + "/review").param("opinion", " ").session(staff).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("errors"));
		assertThat(view(id).status()).isEqualTo(ApplicationStatus.ACCEPTED);
	}

	@Test
	void theCompetentLevelCancelsALicenceOnAListedGroundAndTheRegistryRecordsIt() throws Exception {
		String code = newCreditCode();
		String number = "快递许可-32-1998-" + code.substring(13);
		granted(new LicenceGranted(-2, number, new EnterpriseData("苏州注销快递有限公司", code,
				EnterpriseType.EXPRESS, null, null, "吴中区注销路1号", "320506", null, null), LicenceScope.PROVINCE, "江苏省邮政管理局",
				"32", LocalDate.now(clock).minusYears(1), LocalDate.now(clock).plusYears(4), false));
		String body = "{\"number\":\"" + number + "\",\"ground\":\"STOPPED\",\"note\":\"企业书面申请停止经营\"}";
		call(CITY, "/api/v1/licensing/licences/cancellation", body).andExpect(status().isForbidden());
		call(PROVINCE, "/api/v1/licensing/licences/cancellation", "{\"number\":\"" + number + "\",\"ground\":\"SOMETIMES\"}")
			.andExpect(status().isBadRequest());
		call(PROVINCE, "/api/v1/licensing/licences/cancellation", body).andExpect(status().isNoContent());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.findByNumber(DataScope.all(), number).orElseThrow().status() == LicenceStatus.CANCELLED);
		assertThat(licences.findByNumber(DataScope.all(), number).orElseThrow().stateReason()).contains("主动停止经营");
		call(PROVINCE, "/api/v1/licensing/licences/cancellation", body).andExpect(status().isConflict());
	}

	@Test
	void theListPageAndTheApplicationPageRenderForStaffAndTheEnterprise() throws Exception {
		long id = reviewedApplication();
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		MockHttpSession company = SignIn.session(mvc, applicantUser, APPLICANT_PASSWORD);
		mvc.perform(get("/licensing/applications").session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("/licensing/applications/" + id)));
		mvc.perform(get("/licensing/applications").param("q", "不存在的申请人").session(staff)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/licensing/applications/" + id + "\""))));
		mvc.perform(get("/licensing/applications/" + id).session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("verify-form")))
			// the decision is the province's, and so is pausing its clock: the city is offered neither, as its post
			// would be refused
			.andExpect(content().string(not(containsString("suspend-form"))))
			.andExpect(content().string(not(containsString("refuse-form"))));
		// the county reads the application of its county but takes no step of it: no step's form
		mvc.perform(get("/licensing/applications/" + id).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("verify-form"))))
			.andExpect(content().string(not(containsString("refuse-form"))))
			.andExpect(content().string(not(containsString("suspend-form"))));
		mvc.perform(get("/licensing/applications/" + id).session(ProvinceStaff.session(mvc, users, bureaus)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("refuse-form")))
			.andExpect(content().string(containsString("suspend-form")))
			.andExpect(content().string(not(containsString("verify-form"))));
		// the province's 系统管理员 manages accounts, not case work: it reads the application and decides nothing
		mvc.perform(get("/licensing/applications/" + id).session(SignIn.session(mvc, "sys.admin"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("refuse-form"))));
		mvc.perform(get("/licensing/applications/" + id).session(company)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("verify-form"))));
		mvc.perform(get("/licensing/applications").session(company)).andExpect(status().isOk())
			.andExpect(content().string(containsString("/licensing/applications/" + id)));
		mvc.perform(get("/licensing/applications/new").session(company)).andExpect(status().isOk());
		// an application for another enterprise's credit code: the form again in 403 with the refusal and what was typed,
		// never the bare error page in place of the form (kernel.FormSteps)
		mvc.perform(multipart("/licensing/applications").session(company).with(csrf())
			.param("kind", "NEW").param("applicantCreditCode", newCreditCode()).param("applicantName", "他人快递有限公司"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("id=\"errors\"")))
			.andExpect(content().string(containsString("企业用户只能为本企业提交许可申请")))
			.andExpect(content().string(containsString("value=\"他人快递有限公司\"")));
		mvc.perform(get("/licensing/figures").session(staff)).andExpect(status().isOk());
		mvc.perform(get("/licensing/import").session(staff)).andExpect(status().isOk());
		mvc.perform(get("/public/licences/verify")).andExpect(status().isOk());
		// closed again, so that the enterprise may apply in the other tests
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/refusal", "{\"reason\":\"页面测试结束\"}").andExpect(status().isOk());
	}

	/** The English mode shows the statuses in English (web.EnumLabels), the Chinese mode the enum's own label. */
	@Test
	void theApplicationListShowsItsStatusesInTheReadersLanguage() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		mvc.perform(get("/licensing/applications").session(staff).cookie(new jakarta.servlet.http.Cookie("youguan-lang", "en")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Awaiting corrections</option>")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(">待补正</option>"))));
		mvc.perform(get("/licensing/applications").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">待补正</option>")));
	}

	@Test
	void theApplicationExportHoldsTheListsColumnsOnlyTheUsersRegionAndFollowsTheFilters() throws Exception {
		String marker = "导出申请" + UUID.randomUUID().toString().substring(0, 8);
		long mine = id(call(CITY, "/api/v1/licensing/applications",
				application(newCreditCode(), marker + "吴中快递有限公司", "省内", "600000", "")).andExpect(status().isCreated()));
		long xiangcheng = id(call(CITY, "/api/v1/licensing/applications",
				application(newCreditCode(), marker + "相城快递有限公司", "省内", "600000", "")).andExpect(status().isCreated()));
		jdbc.sql("UPDATE licence_application SET region_code = '320507' WHERE id = :id").param("id", xiangcheng).update();
		MockHttpSession county = SignIn.session(mvc, "wz.staff");

		List<List<String>> rows = ExportedRows.of(mvc, county, "/licensing/applications/export.xlsx", "q", marker);
		assertThat(rows.get(0)).containsExactly("申请编号", "申请人", "统一社会信用代码", "类型", "业务范围", "经营场所地址",
				"经营场所所在地", "审批机关", "收到日期", "状态", "决定期限", "剩余天数", "许可证编号", "历史导入");
		assertThat(rows).as("the Wuzhong application only: the Xiangcheng one is outside the county").hasSize(2);
		assertThat(rows.get(1)).startsWith(view(mine).number(), marker + "吴中快递有限公司")
			.contains("省内", view(mine).submittedOn().toString(), view(mine).status().label());
		assertThat(ExportedRows.of(mvc, county, "/licensing/applications/export.xlsx", "q", marker, "status", "APPROVED"))
			.as("the status filter").hasSize(1);
		mvc.perform(get("/licensing/applications").session(county))
			.andExpect(content().string(containsString("/licensing/applications/export.xlsx")));
	}
}
