package org.youguan.licensing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.youguan.IntegrationTest;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Wording;
import org.youguan.org.BureauLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who takes a licensing step is who may take it by law: the decision clock is paused and resumed by the bureau that
 * decides, not by the city bureau that examines; the certificates of one licence are ordered by the order their
 * approvals were decided in, so the one in force is the last one issued; and the refusals and the verify page's
 * statuses carry their keys, so an English reader reads them in English.
 */
@IntegrationTest
class LicensingDeciderAndCertificateOrderIntegrationTest extends LicensingFixture {

	static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	static final Clerk CITY_CLERK = Clerk.system("苏州市邮政管理局", BureauLevel.CITY, "3205");

	static final Clerk NATIONAL_CLERK = Clerk.system("国家邮政局", BureauLevel.NATIONAL, "0");

	@Autowired
	LicenceApplications applications;

	@Autowired
	LicenceVerification verification;

	@Autowired
	MessageSource messages;

	@Test
	void onlyTheDecidingBureauPausesAndResumesTheDecisionClock() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		licensedUntil(code, "苏州暂停权限快递有限公司", LocalDate.now(clock).plusYears(3));
		long id = LicensingIntegrationTest.id(submitted("CHANGE", code, ",\"registeredCapital\":\"800000\"")
			.andExpect(status().isCreated()));
		verified(id);
		ApplicationView a = applications.get(DataScope.all(), id).application();
		assertThat(a.approvingLevel()).isEqualTo(ApprovingLevel.PROVINCE);
		assertThat(LicenceApplications.powers(CITY_CLERK, a).pause()).as("the city examines, it does not decide").isFalse();

		call(CITY, "/api/v1/licensing/applications/" + id + "/suspension", "{\"kind\":\"EXPERT_REVIEW\",\"reason\":\"专家评审\"}")
			.andExpect(status().isForbidden());
		AccessRefusedException refused = catchThrowableOfType(AccessRefusedException.class,
				() -> applications.suspend(CITY_CLERK, id, "EXPERT_REVIEW", "专家评审"));
		assertThat(refused.wording()).isEqualTo(Wording.of("licensing.refusal.pauseByDecider", ApprovingLevel.PROVINCE));
		assertThat(applications.get(DataScope.all(), id).suspensions()).isEmpty();

		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/suspension", "{\"kind\":\"EXPERT_REVIEW\",\"reason\":\"专家评审\"}")
			.andExpect(status().isOk());
		call(CITY, "/api/v1/licensing/applications/" + id + "/resumption", "{}").andExpect(status().isForbidden());
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/resumption", "{}").andExpect(status().isOk());
		assertThat(applications.get(DataScope.all(), id).suspensions()).hasSize(1)
			.allSatisfy(s -> assertThat(s.endedOn()).isNotNull());
	}

	@Test
	void twoApprovalsOfOneLicenceOnOneDayListTheLaterDecidedAsTheCertificateInForce() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		String number = licensedUntil(code, "苏州同日换证快递有限公司", LocalDate.now(clock).plusDays(80));
		// the renewal submitted first (the lower id), the change after it — and the change decided first
		long renewal = LicensingIntegrationTest.id(submitted("RENEWAL", code, "").andExpect(status().isCreated()));
		long change = LicensingIntegrationTest.id(submitted("CHANGE", code, ",\"registeredCapital\":\"900000\"")
			.andExpect(status().isCreated()));
		assertThat(change).isGreaterThan(renewal);
		verified(renewal);
		verified(change);
		call(PROVINCE, "/api/v1/licensing/applications/" + change + "/approval", "{}").andExpect(status().isOk());
		call(PROVINCE, "/api/v1/licensing/applications/" + renewal + "/approval", "{}").andExpect(status().isOk());
		ApplicationView renewed = applications.get(DataScope.all(), renewal).application();
		ApplicationView changed = applications.get(DataScope.all(), change).application();
		assertThat(renewed.decidedOn()).isEqualTo(changed.decidedOn());

		assertThat(applications.certificates(number)).extracting(ApplicationView::id).startsWith(renewal, change);
		assertThat(verification.verify(number, renewed.verificationCode()).status()).isEqualTo("VALID");
		assertThat(verification.verify(number, changed.verificationCode()).status()).isEqualTo(LicenceVerification.REPLACED);
		mvc.perform(get("/api/v1/public/licences/verify").param("number", number).param("code", renewed.verificationCode()))
			.andExpect(jsonPath("$.valid").value(true));

		// the verify page words the replaced certificate's status in the reader's language, with the day it was replaced
		String english = mvc.perform(get("/public/licences/verify").param("lang", "en").param("number", number)
			.param("code", changed.verificationCode())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("a new certificate was issued on " + renewed.decidedOn())
			.doesNotContain("已换发").doesNotContain("省内");
		String chinese = mvc.perform(get("/public/licences/verify").param("lang", "zh-CN").param("number", number)
			.param("code", changed.verificationCode())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(chinese).contains("已换发（原证书作废）：该证书已于", "换发新证书");
	}

	@Test
	void theCorrectionNoticeAndAcceptanceRefusalsCarryTheirKeys() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		licensedUntil(code, "苏州补正键值快递有限公司", LocalDate.now(clock).plusYears(3));
		long id = LicensingIntegrationTest.id(submitted("CHANGE", code, ",\"registeredCapital\":\"700000\"")
			.andExpect(status().isCreated()));
		InvalidValueException tooMany = catchThrowableOfType(InvalidValueException.class, () -> applications
			.requestCorrection(CITY_CLERK, id, Collections.nCopies(LicenceApplications.MAX_CORRECTION_ITEMS + 1, "补正事项")));
		assertThat(tooMany.wording()).isEqualTo(Wording.of("licensing.refusal.correctionItemsMax",
				String.valueOf(LicenceApplications.MAX_CORRECTION_ITEMS)));
		for (String key : List.of("licensing.refusal.correctionItemsMax", "licensing.refusal.correctionNothingMissing",
				"licensing.refusal.correctionItemsLength", "licensing.refusal.notCorrectedNoNotice",
				"licensing.refusal.notCorrectedYet", "licensing.refusal.materialsMissingForStep",
				"licensing.refusal.materialsMissingDeemedRenewed", "licensing.refusal.materialNotMissing",
				"licensing.refusal.premisesNotServed", "licensing.refusal.pauseByDecider", "licensing.verify.replacedOn",
				"licensing.verify.deemedRenewed", "registry.refusal.outletNotServed")) {
			assertThat(messages.getMessage(key, new Object[] { "1", "2", "3", "4", "5", "6", "7" }, Locale.ENGLISH))
				.as(key).doesNotContainPattern(HAN);
		}
		// the national bureau neither receives nor decides an application the province decides
		ApplicationView a = applications.get(DataScope.all(), id).application();
		assertThat(a.approvingLevel()).isEqualTo(ApprovingLevel.PROVINCE);
		assertThat(LicenceApplications.powers(NATIONAL_CLERK, a).receive()).isFalse();
		assertThat(catchThrowableOfType(AccessRefusedException.class,
				() -> applications.requireStep(NATIONAL_CLERK, id, "acceptance"))).isNotNull();
		assertThat(LicenceApplications.powers(Clerk.system("江苏省邮政管理局", BureauLevel.PROVINCE, "32"), a).receive()).isTrue();
	}
}
