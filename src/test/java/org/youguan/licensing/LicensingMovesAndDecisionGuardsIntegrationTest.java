package org.youguan.licensing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Wording;
import org.youguan.org.BureauLevel;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack on licensing (attacker 2): an approved move of the premises (变更经营场所) to another county is applied to the
 * registry — the licence's region and the holder's address and county follow, so the new county's bureau supervises it
 * and the old one no longer sees it —; a certificate re-issued on a change leaves the one it replaced void
 * (已换发, not valid); neither approval nor refusal is taken while the decision clock is paused, and a refusal waits for
 * the city's 初审 of an application whose materials are all in; premises in a city no bureau on the platform serves are
 * refused on submission; receipt documents are numbered in the receiving bureau's own series.
 */
@IntegrationTest
class LicensingMovesAndDecisionGuardsIntegrationTest extends LicensingFixture {

	@Autowired
	Enterprises enterprises;

	@Autowired
	LicenceApplications applications;

	@Autowired
	MessageSource messages;

	private long approvedChange(String code, String items) throws Exception {
		long id = LicensingIntegrationTest.id(submitted("CHANGE", code, items).andExpect(status().isCreated()));
		verified(id);
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}").andExpect(status().isOk());
		return id;
	}

	@Test
	void anApprovedMoveToAnotherCountyMovesTheLicenceAndItsHolderAndTheReplacedCertificateNoLongerVerifies() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		String number = licensedUntil(code, "苏州迁址快递有限公司", LocalDate.now(clock).plusYears(3));
		long moved = approvedChange(code, ",\"premisesAddress\":\"昆山市前进西路8号\",\"regionCode\":\"320583\"");

		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.findByNumber(DataScope.all(), number).orElseThrow().regionCode().equals("320583"));
		EnterpriseView holder = enterprises.findByCreditCode(code).orElseThrow();
		assertThat(holder.regionCode()).isEqualTo("320583");
		assertThat(holder.address()).isEqualTo("昆山市前进西路8号");
		// addr3 finding 4: the certificate the move issued prints the 住所 the registry holds after it (it printed the
		// address the move replaced)
		assertThat(document(moved, LicenceApplications.CERTIFICATE)).containsPattern("住所\\s*昆山市前进西路8号");
		// the new county's bureaus see it, the old county's no longer do
		assertThat(licences.findByNumber(DataScope.region("320583"), number)).isPresent();
		assertThat(licences.findByNumber(DataScope.region("320506"), number)).isEmpty();
		LicenceView l = licences.findByNumber(DataScope.all(), number).orElseThrow();
		assertThat(l.issuingRegionCode()).as("a move within the province keeps the issuer").isEqualTo("32");
		String audit = jdbc.sql("""
				SELECT summary || ' ' || after_state::text FROM audit_event WHERE action = 'licence.change' AND object_id = :id""")
			.param("id", String.valueOf(l.id())).query(String.class).single();
		assertThat(audit).contains("经营场所").contains("320583").contains("昆山市前进西路8号");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'enterprise.licence-move' AND object_id = :id")
			.param("id", String.valueOf(holder.id())).query(Long.class).single()).isEqualTo(1);

		// the move's certificate verifies; a later change re-issues it and the moved one is void from then on
		String first = applications.get(DataScope.all(), moved).application().verificationCode();
		mvc.perform(get("/api/v1/public/licences/verify").param("number", number).param("code", first))
			.andExpect(jsonPath("$.valid").value(true));
		long raised = approvedChange(code, ",\"registeredCapital\":\"900000\"");
		String second = applications.get(DataScope.all(), raised).application().verificationCode();
		mvc.perform(get("/api/v1/public/licences/verify").param("number", number).param("code", first))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.status").value(LicenceVerification.REPLACED))
			// attack 4-14: the day written as every public text writes it (2026年12月1日), not ISO
			.andExpect(jsonPath("$.statusLabel").value(org.hamcrest.Matchers.matchesPattern(
					".*该证书已于\\d{4}年\\d{1,2}月\\d{1,2}日换发新证书.*")));
		mvc.perform(get("/public/licences/verify").param("number", number).param("code", first))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("已换发")));
		mvc.perform(get("/api/v1/public/licences/verify").param("number", number).param("code", second))
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.status").value("VALID"));
	}

	@Test
	void neitherApprovalNorRefusalIsTakenWhileTheClockIsPausedAndARefusalWaitsForTheReviewOfACompleteApplication()
			throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		licensedUntil(code, "苏州中止快递有限公司", LocalDate.now(clock).plusYears(3));
		long id = LicensingIntegrationTest.id(submitted("CHANGE", code, ",\"registeredCapital\":\"800000\"")
			.andExpect(status().isCreated()));
		for (Material m : Material.values()) {
			if (m != Material.BRANCH_LIST) {
				uploaded(id, m);
			}
		}
		// the province receives it: its 受理通知书 is numbered in the province's own series
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/acceptance", "{}").andExpect(status().isOk());
		assertThat(applications.get(DataScope.all(), id).application().receiptNumber()).startsWith("苏邮管许受〔");
		// materials complete, not yet reviewed by the city: no refusal before its 初审
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/refusal", "{\"reason\":\"未初审即拒绝\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.errors[0].rule").value("review-first"));
		call(CITY, "/api/v1/licensing/applications/" + id + "/review", "{\"opinion\":\"材料齐全\"}").andExpect(status().isOk());

		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/suspension", "{\"kind\":\"HEARING\",\"reason\":\"听证\"}")
			.andExpect(status().isOk());
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/refusal", "{\"reason\":\"听证期间拒绝\"}")
			.andExpect(status().isUnprocessableEntity());
		// attack 4-D7: the refusals are keyed, so an English page words them in English
		DomainException paused = catchThrowableOfType(
				DomainException.class, () -> applications.refuse(
						Clerk.system("江苏省邮政管理局", BureauLevel.PROVINCE, "32"), id, "听证期间拒绝"));
		assertThat(paused.wording()).isEqualTo(Wording.of("licensing.refusal.decisionPaused"));
		assertThat(messages.getMessage(paused.wording().key(), null, Locale.ENGLISH))
			.isEqualTo("The decision period is paused: resume it first");
		mvc.perform(post(
				"/licensing/applications/" + id + "/suspension").session(org.youguan.SignIn.session(mvc, "js.market"))
			.with(csrf())
			.param("kind", "HEARING").param("reason", "听证"))
			.andExpect(flash()
				.attribute("refusalWording", Wording.of("licensing.refusal.alreadyPaused")));
		assertThat(applications.get(DataScope.all(), id).application().status()).isEqualTo(ApplicationStatus.REVIEWED);
		// the page offers no decision while paused
		mvc.perform(get("/licensing/applications/" + id).session(org.youguan.SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"refuse-form\""))));
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/resumption", "{}").andExpect(status().isOk());
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/refusal", "{\"reason\":\"听证后不予许可\"}")
			.andExpect(status().isOk());
		assertThat(applications.get(DataScope.all(), id).application().status()).isEqualTo(ApplicationStatus.REFUSED);
	}

	@Test
	void premisesInACityWithoutABureauOnThePlatformAreRefusedOnSubmission() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM licence_application").query(Long.class).single();
		call(PROVINCE, "/api/v1/licensing/applications", LicensingIntegrationTest.application(
				LicensingIntegrationTest.newCreditCode(), "无锡无局快递有限公司", "省内", "600000", "")
			.replace("\"regionCode\":\"320506\"", "\"regionCode\":\"320213\"").replace("吴中区示例路8号", "梁溪区中山路1号"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'regionCode')].rule", hasItem("served")));
		assertThat(jdbc.sql("SELECT count(*) FROM licence_application").query(Long.class).single()).isEqualTo(before);
	}
}
