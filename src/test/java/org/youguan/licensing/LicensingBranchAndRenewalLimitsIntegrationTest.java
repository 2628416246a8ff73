package org.youguan.licensing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Licences;
import org.youguan.rules.StatutoryRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Findings of the licensing attack round on branches, renewals and materials: a branch application (分支机构) adds its
 * branches to the licence the enterprise holds in force and never mints a second licence — refused (409) without one; a
 * renewal's (延续) decision is due by the licence's last valid day and, applied for in time and undecided at the expiry,
 * is deemed granted (行政许可法(2019) art.50): the licence stays valid on the public page, the renewal can still be
 * approved and no longer refused; an application holds a limited number of material files; staff add materials only
 * to paper applications; the API shows the contact's phone masked.
 */
@IntegrationTest
class LicensingBranchAndRenewalLimitsIntegrationTest extends LicensingFixture {

	@Autowired
	LicenceApplications applications;

	@Autowired
	Enterprises enterprises;

	@Autowired
	WorkingCalendar calendar;

	/** A renewal application of a licence expiring in 40 days, verified on site and so awaiting the decision. */
	record Renewal(LocalDate expiry, String number, long id) {
	}

	/** {@link Renewal}: a new holder named {@code prefix}… with its licence, its renewal applied for and verified. */
	Renewal renewalVerified(String prefix) throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		LocalDate expiry = LocalDate.now(clock).plusDays(40);
		String number = licensedUntil(code, prefix + code.substring(12, 17) + "快递有限公司", expiry);
		long id = LicensingIntegrationTest.id(submitted("RENEWAL", code, "").andExpect(status().isCreated()));
		verified(id);
		return new Renewal(expiry, number, id);
	}

	/** The city bureau uploads the safety material of application {@code id} once more. */
	ResultActions safetyUploaded(long id) throws Exception {
		return mvc.perform(multipart("/api/v1/licensing/applications/" + id + "/materials")
			.file(new MockMultipartFile("file", "SAFETY.pdf", "application/pdf", PDF))
			.param("kind", Material.SAFETY.name())
			.header("Authorization", CITY));
	}

	long licenceRows(String code) {
		return jdbc.sql("SELECT count(*) FROM express_licence l JOIN enterprise e ON e.id = l.enterprise_id WHERE e.credit_code = :c")
			.param("c", code).query(Long.class).single();
	}

	/**
	 * Attack H1: sf.wz applied for a branch (BRANCH), had it approved and held a second licence, valid on the public
	 * page. A branch application carries the licence in force, its approval returns that licence's number, records the
	 * branch on its list (吴中分部 then 相城分部) through {@code LicenceChanged}, and the enterprise still holds one
	 * licence; the certificate re-issued is verified against the same number.
	 */
	@Test
	void anApprovedBranchIsRecordedOnTheLicenceInForceAndMintsNoSecondLicence() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		String number = licensedUntil(code, "苏州分支" + code.substring(12, 17) + "快递有限公司", LocalDate.now(clock).plusYears(3));
		long id = LicensingIntegrationTest.id(submitted("BRANCH", code, ",\"branches\":[\"相城分部\"]").andExpect(status().isCreated()));
		mvc.perform(get("/api/v1/licensing/applications/" + id).header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.application.licenceNumber").value(number))
			.andExpect(jsonPath("$.application.legalRepresentative").value("孙原任"))
			.andExpect(jsonPath("$.changes[0].field").value("branches"))
			.andExpect(jsonPath("$.changes[0].before").value("吴中分部"))
			.andExpect(jsonPath("$.changes[0].after").value("吴中分部\n相城分部"));
		verified(id);
		assertThat(LicensingIntegrationTest.text(call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}")
			.andExpect(status().isOk()), "$.number")).isEqualTo(number);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.terms(number).orElseThrow().branches().equals(List.of("吴中分部", "相城分部")));
		assertThat(licenceRows(code)).isEqualTo(1);
		ApplicationView a = applications.get(DataScope.all(), id).application();
		assertThat(a.licenceNumber()).isEqualTo(number);
		mvc.perform(get("/api/v1/public/licences/verify").param("number", number).param("code", a.verificationCode()))
			.andExpect(jsonPath("$.valid").value(true));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'licensing.approve' AND object_id = :id AND summary LIKE :s")
			.param("id", String.valueOf(id)).param("s", "%不另发许可证%").query(Long.class).single()).isEqualTo(1);
	}

	/**
	 * Attack 26 M1: a change of the branch list applied for before a branch application was approved dropped that
	 * branch when approved after it (the list stored on submission was published). The change is made on the list as it
	 * stands: 吴中分部 → 木渎分部 applied for, 相城分部 approved meanwhile, leaves 相城分部 and 木渎分部.
	 */
	@Test
	void aChangeOfTheBranchListApprovedAfterABranchApplicationKeepsThatBranch() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		String number = licensedUntil(code, "苏州变更分支" + code.substring(12, 17) + "快递有限公司", LocalDate.now(clock).plusYears(3));
		long change = LicensingIntegrationTest.id(submitted("CHANGE", code, ",\"branches\":[\"木渎分部\"]")
			.andExpect(status().isCreated()));
		long branch = LicensingIntegrationTest.id(submitted("BRANCH", code, ",\"branches\":[\"相城分部\"]")
			.andExpect(status().isCreated()));
		verified(branch);
		call(PROVINCE, "/api/v1/licensing/applications/" + branch + "/approval", "{}").andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.terms(number).orElseThrow().branches().equals(List.of("吴中分部", "相城分部")));
		verified(change);
		call(PROVINCE, "/api/v1/licensing/applications/" + change + "/approval", "{}").andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.terms(number).orElseThrow().branches().equals(List.of("相城分部", "木渎分部")));
	}

	/**
	 * A branch application of an enterprise holding no licence in force is refused (409 on kind, in Chinese), nothing
	 * saved; one without branch names, one naming only branches on the licence already, or one typing another legal
	 * representative than the registry's (the certificate prints the registry's) is a 400 on the field.
	 */
	@Test
	void aBranchApplicationWithoutALicenceIsRefusedAndOneWithoutNewBranchesOrWithAnotherLegalRepresentativeIsA400() throws Exception {
		String unlicensed = LicensingIntegrationTest.newCreditCode();
		enterprises.register(DataScope.all(), new EnterpriseData("苏州无证分支" + unlicensed.substring(12, 17) + "快递有限公司", unlicensed,
				EnterpriseType.EXPRESS, null, "赵无证", "吴中区无证路1号", "320506", null, null), false);
		submitted("BRANCH", unlicensed, ",\"branches\":[\"相城分部\"]")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("没有有效的快递业务经营许可证")));
		String code = LicensingIntegrationTest.newCreditCode();
		licensedUntil(code, "苏州分支校验" + code.substring(12, 17) + "快递有限公司", LocalDate.now(clock).plusYears(3));
		submitted("BRANCH", code, "").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("branches")));
		submitted("BRANCH", code, ",\"branches\":[\"吴中分部\"]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'branches')].rule", hasItem("no-change")));
		submitted("BRANCH", code, ",\"branches\":[\"相城分部\"],\"legalRepresentative\":\"王另人\"")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'legalRepresentative')].message", hasItem(containsString("孙原任"))));
		assertThat(jdbc.sql("SELECT count(*) FROM licence_application WHERE applicant_credit_code IN (:c)")
			.param("c", List.of(unlicensed, code)).query(Long.class).single()).isZero();
	}

	/**
	 * Attack M2: a renewal accepted 40 days before the licence expired was due 45 days after acceptance, after the
	 * expiry, and once the licence had expired undecided the approval was refused (已过期). Its decision is due on the
	 * licence's last valid day (行政许可法(2019) art.50); undecided after it, the licence is valid on the public page (deemed
	 * renewed), a refusal is a 409 (rule renewal-deemed), and the approval runs the term on from the day after the expiry,
	 * audited with the article.
	 */
	@Test
	void aRenewalIsDueByTheExpiryAndUndecidedAfterItIsDeemedGrantedAndCanStillBeApproved() throws Exception {
		Renewal r = renewalVerified("苏州届满延续");
		LocalDate expiry = r.expiry();
		String number = r.number();
		long id = r.id();
		ApplicationView accepted = applications.get(DataScope.all(), id).application();
		assertThat(accepted.decisionDueOn()).isEqualTo(expiry);

		clock.set(expiry.plusDays(3).atTime(10, 0));
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/refusal", "{\"reason\":\"安检设备不足\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("renewal-deemed"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("视为准予延续")));
		assertThat(call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}").andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains(number);
		LocalDate renewed = expiry.plusDays(1).plusYears(5).minusDays(1);
		assertThat(applications.get(DataScope.all(), id).application().validUntil()).isEqualTo(renewed);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.findByNumber(DataScope.all(), number).orElseThrow().expiresOn().equals(renewed));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'licensing.approve' AND object_id = :id AND summary LIKE :s")
			.param("id", String.valueOf(id)).param("s", "%视为准予延续%").query(Long.class).single()).isEqualTo(1);
		// attack L4: the renewal's decision is a renewal's, citing 行政许可法 art.50; the receipt names the deciding bureau
		assertThat(document(id, LicenceApplications.DECISION)).contains("准予延续快递业务经营许可决定书").contains("第五十条")
			.doesNotContain("第五十二条");
		assertThat(document(id, LicenceApplications.RECEIPT)).contains("本申请由江苏省邮政管理局");
		// the receipt states the period that applies — the licence's expiry (行政许可法 art.50, rule
		// licence.renewal-decision) —, not 四十五日 the renewal does not have
		assertThat(document(id, LicenceApplications.RECEIPT))
			.contains("依照《中华人民共和国行政许可法》第五十条，在许可证有效期届满前作出决定（至" + ChineseText.day(expiry))
			.contains("逾期未作决定的，视为准予延续）")
			.doesNotContain("四十五日")
			.doesNotContain("邮政法");
		// and the list's hint on the periods says so beside the 45 days
		mvc.perform(get("/licensing/applications").session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("延续的决定最迟在许可证有效期届满前作出，逾期未作决定的视为准予延续（"
					+ "《中华人民共和国行政许可法》第五十条）")));
	}

	/**
	 * A renewal accepted more than 45 days before the licence expires has the 45 days from acceptance (邮政法(2015)
	 * art.53), and its receipt says so, the time of 补正, hearing and expert review not counted.
	 */
	@Test
	void aRenewalAcceptedWellBeforeTheExpiryIsGivenTheFortyFiveDaysOnItsReceipt() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		LocalDate expiry = LocalDate.now(clock).plusDays(100);
		licensedUntil(code, "苏州提前延续" + code.substring(12, 17) + "快递有限公司", expiry);
		long id = LicensingIntegrationTest.id(submitted("RENEWAL", code, "").andExpect(status().isCreated()));
		verified(id);
		ApplicationView accepted = applications.get(DataScope.all(), id).application();
		assertThat(accepted.decisionDueOn()).isBefore(expiry);
		assertThat(document(id, LicenceApplications.RECEIPT))
			.contains("依照《中华人民共和国邮政法》第五十三条，自受理之日起四十五日内作出决定（至" + ChineseText.day(accepted.decisionDueOn()))
			// a due day in a year whose holiday notice is not loaded adds the sentence on the count before the bracket
			.contains("依法需要补正、听证、专家评审的时间不计算在内"
					+ (calendar.isProvisional(accepted.decisionDueOn()) ? "；" + WorkingCalendar.PROVISIONAL_NOTE : "") + "）")
			.doesNotContain("视为准予延续");
	}

	/** Undecided past the expiry, a renewal accepted in time keeps the licence valid on the public verify page. */
	@Test
	void aLicenceWhoseRenewalIsUndecidedAtItsExpiryIsStillValidOnThePublicPage() throws Exception {
		Renewal r = renewalVerified("苏州待决延续");
		LocalDate expiry = r.expiry();
		String number = r.number();
		long id = r.id();
		// the licence's own certificate, as an approved new application of the holder would have issued it
		String certificateCode = "TESTCODE";
		jdbc.sql("""
				INSERT INTO licence_application (number, kind, channel, applicant_credit_code, applicant_name, applicant_registered,
				    scope, approving_level, region_code, status, submitted_on, decided_on, decision, licence_number,
				    verification_code, valid_from, valid_until, imported, created_by, created_at, updated_at)
				SELECT number || '-N', 'NEW', 'IMPORTED', applicant_credit_code, applicant_name, TRUE, scope, approving_level,
				    region_code, 'APPROVED', :from, :from, 'APPROVED', :n, :code, :from, :until, TRUE, 'test', now(), now()
				FROM licence_application WHERE id = :id""")
			.param("n", number).param("code", certificateCode).param("from", expiry.minusYears(5).plusDays(1))
			.param("until", expiry).param("id", id).update();
		clock.set(expiry.plusDays(2).atTime(10, 0));
		mvc.perform(get("/api/v1/public/licences/verify").param("number", number).param("code", certificateCode))
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.status").value("VALID"))
			.andExpect(jsonPath("$.statusLabel").value(containsString("视为准予延续")));
		// the registry too (told on acceptance, RenewalAccepted): 有效 for "licence held" checks and lists, not 已过期
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.findByNumber(DataScope.all(), number).orElseThrow().status() == LicenceStatus.VALID);
		assertThat(licences.list(DataScope.all(), new Licences.Filter(LicenceStatus.VALID, null, null),
				PageQuery.of(number, 0, 20, null, null)).items()).extracting(LicenceView::number).contains(number);
		// and it cannot be cancelled as 有效期届满未延续 while the renewal is undecided
		call(PROVINCE, "/api/v1/licensing/licences/cancellation", "{\"number\":\"%s\",\"ground\":\"EXPIRED\"}".formatted(number))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ground"))
			.andExpect(jsonPath("$.errors[0].rule").value("renewal-in-course"));
	}

	/**
	 * A renewal refused before the expiry no longer keeps the licence in force: the registry hears the refusal
	 * ({@code RenewalRefused}) and the licence is 已过期 after its last valid day; the daily clock's re-announcement tells
	 * nothing of a decided renewal.
	 */
	@Test
	void aLicenceWhoseRenewalWasRefusedExpiresOnItsLastValidDay() throws Exception {
		Renewal r = renewalVerified("苏州驳回延续");
		LocalDate expiry = r.expiry();
		String number = r.number();
		long id = r.id();
		clock.set(expiry.plusDays(1).atTime(10, 0));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.findByNumber(DataScope.all(), number).orElseThrow().status() == LicenceStatus.VALID);
		clock.set(expiry.minusDays(1).atTime(10, 0));
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/refusal", "{\"reason\":\"安检设备不足\"}")
			.andExpect(status().isOk());
		applications.announceRenewalsInCourse();
		clock.set(expiry.plusDays(1).atTime(10, 0));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.findByNumber(DataScope.all(), number).orElseThrow().status() == LicenceStatus.EXPIRED);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'licence.renewal-refused' AND summary LIKE :s")
			.param("s", "%" + number + "%").query(Long.class).single()).isEqualTo(1);
	}

	/**
	 * Attack M1: one material uploaded again and again filled the store. An application holds at most 5 files of one
	 * material (youguan.licensing.max-materials-per-kind): the sixth is a 400 naming the file field, nothing kept.
	 */
	@Test
	void aSixthFileOfOneMaterialIsRefusedNamingTheField() throws Exception {
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications", LicensingIntegrationTest.application(
				LicensingIntegrationTest.newCreditCode(), "苏州材料上限快递有限公司" + System.nanoTime() % 100000, "省内", "600000", ""))
			.andExpect(status().isCreated()));
		for (int i = 0; i < 5; i++) {
			uploaded(id, Material.SAFETY);
		}
		safetyUploaded(id)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].rule").value("count"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("最多5个")));
		assertThat(applications.get(DataScope.all(), id).attachments()).hasSize(5);
	}

	/**
	 * Attack L1 and L2: city staff added a material to an enterprise's portal application, and the application's API
	 * showed the contact's phone in full. Staff add materials only to paper applications (403); the phone is masked.
	 */
	@Test
	void staffAddNoMaterialToAPortalApplicationAndTheApiMasksTheContactsPhoneAndTheFreeText() throws Exception {
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications", LicensingIntegrationTest.application(
				LicensingIntegrationTest.newCreditCode(), "苏州网上申请快递有限公司" + System.nanoTime() % 100000, "省内", "600000", ""))
			.andExpect(status().isCreated()));
		mvc.perform(get("/api/v1/licensing/applications/" + id).header("Authorization", CITY))
			.andExpect(jsonPath("$.application.contactPhone").value("139****5678"));
		// personal numbers written into the free text are masked too, as every module's free text is
		jdbc.sql("UPDATE licence_application SET personnel = :p, safety_system = :s WHERE id = :id")
			.param("p", "安全员王五，身份证110105198503157782").param("s", "值班电话13812345678").param("id", id).update();
		String shown = mvc.perform(get("/api/v1/licensing/applications/" + id).header("Authorization", CITY))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(shown).doesNotContain("110105198503157782").doesNotContain("13812345678").contains("安全员王五");
		// as if the enterprise had applied on its portal
		jdbc.sql("UPDATE licence_application SET channel = 'PORTAL' WHERE id = :id").param("id", id).update();
		safetyUploaded(id)
			.andExpect(status().isForbidden());
		assertThat(applications.get(DataScope.all(), id).attachments()).isEmpty();
	}
}
