package org.youguan.licensing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.youguan.IntegrationTest;
import org.youguan.ProvinceStaff;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.org.Bureaus;
import org.youguan.registry.LicenceRenewed;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.LicenceView;
import org.youguan.registry.RenewalAccepted;
import org.youguan.registry.RenewalRefused;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 31 on licensing: every free text of an application's detail is masked; a renewal deemed granted by law
 * (行政许可法(2019) art.50) is approved without the steps nothing else can decide, and its receipt words the acceptance
 * by the case; the expiring figure leaves out licences already past their expiry; the receipt prints the expiry plainly
 * and says what a bureau's own renewal deadline means; a late renewal acceptance never keeps a renewed licence in force.
 */
@IntegrationTest
class LicensingAttackRound31IntegrationTest extends LicensingFixture {

	static final String ID = "110105194912310021";

	static final String MOBILE = "13812345678";

	@Autowired
	LicenceApplications applications;

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	/** Application {@code id}'s page as user {@code user} sees it. */
	String page(long id, String user) throws Exception {
		return page(id, SignIn.session(mvc, user));
	}

	String page(long id, MockHttpSession session) throws Exception {
		return mvc.perform(get("/licensing/applications/" + id).session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/**
	 * M2: the checklist's notes, the pauses' reasons and the files' names came back raw on the detail (API and page)
	 * while the application's own fields were masked; L5: the pause's kind showed as its code (HEARING).
	 */
	@Test
	void everyFreeTextOfTheDetailIsMaskedAndAPauseIsNamedInChinese() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications",
				LicensingIntegrationTest.application(code, "苏州掩码核查快递有限公司" + code.substring(12, 17), "省内", "600000", ""))
			.andExpect(status().isCreated()));
		for (Material m : Material.values()) {
			if (m != Material.BRANCH_LIST) {
				mvc.perform(multipart("/api/v1/licensing/applications/" + id + "/materials")
					.file(new MockMultipartFile("file", "法人" + ID + ".pdf", "application/pdf", PDF))
					.param("kind", m.name()).header("Authorization", CITY)).andExpect(status().isOk());
			}
		}
		call(CITY, "/api/v1/licensing/applications/" + id + "/acceptance", "{}").andExpect(status().isOk());
		call(CITY, "/api/v1/licensing/applications/" + id + "/review", "{\"opinion\":\"材料齐全\"}").andExpect(status().isOk());
		String data = """
				{"inspectors":[{"name":"林执法","certificateNumber":"32050004"},{"name":"冯安全","certificateNumber":"32050002"}],
				 "checklist":[{"item":"经营场所与申请材料一致","passed":true,"note":"负责人身份证%s，电话%s"}],"passed":true,
				 "conclusion":"符合条件"}""".formatted(ID, MOBILE);
		mvc.perform(multipart("/api/v1/licensing/applications/" + id + "/verification")
			.file(new MockMultipartFile("data", "", "application/json", data.getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("photos", "site.png", "image/png", TestImages.png(40, 30)))
			.header("Authorization", CITY)).andExpect(status().isOk());
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/suspension",
				"{\"kind\":\"HEARING\",\"reason\":\"听证申请人联系电话" + MOBILE + "\"}").andExpect(status().isOk());

		String json = mvc.perform(get("/api/v1/licensing/applications/" + id).header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.checklist[0].note", containsString("138****5678")))
			.andExpect(jsonPath("$.suspensions[0].reason", containsString("138****5678")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(json).doesNotContain(ID).doesNotContain(MOBILE).contains("110105********0021");
		assertThat(page(id, "sz.admin")).doesNotContain(ID).doesNotContain(MOBILE).contains("听证 ").doesNotContain("HEARING ");
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'licensing.suspend' AND object_id = :id")
			.param("id", String.valueOf(id)).query(String.class).single()).contains("中止计时（听证）");
	}

	/**
	 * M3: a renewal accepted by law without its materials, undecided past the licence's expiry, could be neither reviewed
	 * (the message recommended a refusal) nor refused (renewal-deemed). Deemed granted, it is approved as it stands; the
	 * review's message points to that; the 受理通知书 words the acceptance by law (行政许可法 art.32), not 材料齐全.
	 */
	@Test
	void aRenewalDeemedGrantedWithoutItsMaterialsIsApprovedAndItsReceiptSaysItWasAcceptedByLaw() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		LocalDate today = LocalDate.now(clock);
		LocalDate expiry = today.plusDays(40);
		String number = licensedUntil(code, "苏州依法受理延续" + code.substring(12, 17) + "快递有限公司", expiry);
		long id = LicensingIntegrationTest.id(submitted("RENEWAL", code, ",\"submittedOn\":\"" + today.minusDays(30) + "\"")
			.andExpect(status().isCreated()));
		call(CITY, "/api/v1/licensing/applications/" + id + "/acceptance", "{}").andExpect(status().isOk());
		assertThat(applications.get(DataScope.all(), id).application().acceptedByLaw()).isTrue();
		assertThat(applications.get(DataScope.all(), id).missing()).isNotEmpty();
		assertThat(document(id, LicenceApplications.RECEIPT)).contains("逾期不告知的，自收到申请材料之日起即为受理")
			.doesNotContain("申请材料齐全");

		clock.set(expiry.plusDays(3).atTime(10, 0));
		mvc.perform(get("/api/v1/licensing/applications/" + id).header("Authorization", CITY))
			.andExpect(jsonPath("$.deemedRenewal").value(true));
		call(CITY, "/api/v1/licensing/applications/" + id + "/review", "{\"opinion\":\"同意\"}")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].rule").value("missing-materials"))
			.andExpect(jsonPath("$.errors[0].message", containsString("准予延续")))
			.andExpect(jsonPath("$.errors[0].message", not(containsString("不予许可"))));
		assertThat(page(id, ProvinceStaff.session(mvc, users, bureaus))).contains("id=\"approve-form\"").doesNotContain("id=\"refuse-form\"");
		assertThat(call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}").andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains(number);
		LocalDate renewed = expiry.plusDays(1).plusYears(5).minusDays(1);
		assertThat(applications.get(DataScope.all(), id).application().validUntil()).isEqualTo(renewed);
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'licensing.approve' AND object_id = :id")
			.param("id", String.valueOf(id)).query(String.class).single()).contains("视为准予延续", "未经初审、现场核查");
	}

	/**
	 * L2, L3: the capped date on a renewal's receipt is the expiry (or days before it), never （暂定）; with
	 * licence.renewal-decision set to N days the notice says that is the bureau's own deadline and that deemed renewal
	 * follows only from no decision by the expiry itself.
	 */
	@Test
	void aRenewalsReceiptPrintsTheExpiryPlainlyAndTellsTheBureausDeadlineFromTheLegalConsequence() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		LocalDate expiry = LocalDate.of(LocalDate.now(clock).getYear() + 1, 1, 20);
		clock.set(expiry.minusDays(40).atTime(10, 0));
		licensedUntil(code, "苏州延续期限" + code.substring(12, 17) + "快递有限公司", expiry);
		long national = bureaus.findByRegion(StatutoryRule.NATIONAL_REGION).or(() -> bureaus.findByRegion("32")).orElseThrow().id();
		rules.override(StatutoryRule.LICENCE_RENEWAL_DECISION, national, StatutoryRule.NATIONAL_REGION, BigDecimal.TEN,
				"测试：届满前10日作出决定");
		try {
			long id = LicensingIntegrationTest.id(submitted("RENEWAL", code, "").andExpect(status().isCreated()));
			verified(id);
			LocalDate due = expiry.minusDays(10);
			assertThat(applications.get(DataScope.all(), id).application().decisionDueOn()).isEqualTo(due);
			assertThat(document(id, LicenceApplications.RECEIPT))
				.contains("（至" + ChineseText.day(due) + "；")
				.contains("此为本机关内部办理时限；许可证有效期届满（" + ChineseText.day(expiry) + "）前仍未作出决定的，依法视为准予延续")
				.doesNotContain("暂定")
				.doesNotContain("逾期未作决定的");
		}
		finally {
			rules.clearOverride(StatutoryRule.LICENCE_RENEWAL_DECISION, StatutoryRule.NATIONAL_REGION);
		}
	}

	/**
	 * L1, L5: a licence past its expiry in force only as deemed renewed is not "expiring within 90 days", and the
	 * registry's page says why it reads 有效 beside a past date.
	 */
	@Test
	void aLicenceDeemedRenewedIsNotExpiringAndItsPageSaysWhyItIsValid() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		LocalDate expiry = LocalDate.now(clock).minusDays(2);
		String number = licensedUntil(code, "苏州视为延续" + code.substring(12, 17) + "快递有限公司", expiry);
		// the city's count is shared with every other test, whose events may still move it: the licence expired and the
		// licence deemed renewed are counted back to back, and again if something else moved the count meanwhile
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			tx.executeWithoutResult(s -> licences.renewalRefused(new RenewalRefused(-7, number)));
			long expired = expiringIn90Days();
			tx.executeWithoutResult(s -> licences.renewalAccepted(new RenewalAccepted(-7, number, expiry.minusDays(10))));
			assertThat(licences.findByNumber(DataScope.all(), number).orElseThrow().status()).isEqualTo(LicenceStatus.VALID);
			assertThat(expiringIn90Days()).isEqualTo(expired);
		});
		LicenceView l = licences.findByNumber(DataScope.all(), number).orElseThrow();
		String page = mvc.perform(get("/registry/licences/" + l.id()).session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("（延续申请已受理，视为准予延续）");
	}

	/** The city's figure of licences expiring within 90 days, as the API counts it today. */
	long expiringIn90Days() throws Exception {
		String today = LocalDate.now(clock).toString();
		String figures = mvc.perform(get("/api/v1/licensing/figures").param("region", "3205").param("from", today)
			.param("to", today).header("Authorization", CITY)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(figures, "$.licencesExpiringIn90Days")).longValue();
	}

	/**
	 * L4: a RenewalAccepted delivered again (or late) after LicenceRenewed recorded an acceptance of the old term, and the
	 * licence read 有效 for ever after its next expiry. An acceptance before the current term began is ignored.
	 */
	@Test
	void aRenewalAcceptanceDeliveredAfterTheRenewalDoesNotKeepTheLicenceInForce() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		LocalDate today = LocalDate.now(clock);
		LocalDate expiry = today.plusDays(20);
		String number = licensedUntil(code, "苏州重复受理" + code.substring(12, 17) + "快递有限公司", expiry);
		RenewalAccepted accepted = new RenewalAccepted(-8, number, today.minusDays(5));
		tx.executeWithoutResult(s -> licences.renewalAccepted(accepted));
		LocalDate renewed = expiry.plusDays(1).plusYears(5).minusDays(1);
		tx.executeWithoutResult(s -> licences.renew(new LicenceRenewed(-8, number, "测试延续决定", today, renewed)));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.findByNumber(DataScope.all(), number).orElseThrow().expiresOn().equals(renewed));
		// the same acceptance delivered again after the renewal
		tx.executeWithoutResult(s -> licences.renewalAccepted(accepted));
		assertThat(jdbc.sql("SELECT count(*) FROM express_licence WHERE number = :n AND renewal_accepted_on IS NOT NULL")
			.param("n", number).query(Long.class).single()).isZero();
		clock.set(renewed.plusDays(1).atTime(10, 0));
		assertThat(licences.findByNumber(DataScope.all(), number).orElseThrow().status()).isEqualTo(LicenceStatus.EXPIRED);
	}
}
