package org.youguan.licensing;

import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 不予受理决定书 is worded by its ground from the rule catalogue (行政许可法(2019) art.32 para.1): only a matter
 * outside the bureau's competence tells the applicant to apply elsewhere; the reason's closing 。 is not read twice and a
 * reason never says 不予受理 again; the decision and the 补正通知书 carry a 文号 of their own, as the 受理通知书 does; and
 * every article they cite is the catalogue's, none typed in the template (real .docx read back).
 */
@IntegrationTest
class NonAcceptanceAndNumberedNoticesIntegrationTest extends LicensingFixture {

	@Autowired
	LicenceApplications applications;

	long submittedInternational() throws Exception {
		return LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications", LicensingIntegrationTest.application(
				LicensingIntegrationTest.newCreditCode(), "苏州受理快递有限公司" + org.youguan.RandomDigits.of(4), "国际", "3000000", ""))
			.andExpect(status().isCreated()));
	}

	ApplicationView view(long id) {
		return applications.get(DataScope.all(), id).application();
	}

	@Test
	void aMatterNeedingNoLicenceIsNotSentToAnotherBureau() throws Exception {
		long id = submittedInternational();
		call(CITY, "/api/v1/licensing/applications/" + id + "/non-acceptance",
				"{\"ground\":\"NOT_NEEDED\",\"reason\":\"所报业务为同城即时配送，不属于快递业务经营许可事项。\"}")
			.andExpect(status().isOk());
		ApplicationView a = view(id);
		assertThat(a.status()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
		assertThat(a.notAcceptedGround()).isEqualTo(NonAcceptanceGround.NOT_NEEDED);
		assertThat(a.competentBureau()).isNull();
		assertThat(a.notAcceptedNumber()).isNotBlank();
		String text = document(id, LicenceApplications.NOT_ACCEPTED);
		assertThat(text).contains(a.notAcceptedNumber())
			.contains("因申请事项依法不需要取得行政许可，所报业务为同城即时配送，不属于快递业务经营许可事项，根据"
					+ "《中华人民共和国行政许可法》第三十二条第一款第（一）项，本机关决定不予受理。所申请事项依法无需取得行政许可")
			.doesNotContain("请向").doesNotContain("。，").doesNotContain("${");
	}

	@Test
	void aMatterOutsideTheBureausCompetenceNamesTheCompetentBureau() throws Exception {
		long id = submittedInternational();
		call(CITY, "/api/v1/licensing/applications/" + id + "/non-acceptance",
				"{\"ground\":\"NOT_COMPETENT\",\"reason\":\"国际快递业务经营许可由国家邮政局审批。\"}")
			.andExpect(status().isOk());
		ApplicationView a = view(id);
		assertThat(a.competentBureau()).isEqualTo("国家邮政局");
		String text = document(id, LicenceApplications.NOT_ACCEPTED);
		assertThat(text).contains("因申请事项依法不属于本机关职权范围，国际快递业务经营许可由国家邮政局审批，根据"
				+ "《中华人民共和国行政许可法》第三十二条第一款第（二）项，本机关决定不予受理。请向国家邮政局提出申请。")
			.contains(a.notAcceptedNumber()).doesNotContain("。，");
	}

	@Test
	void aReasonRestatingTheDecisionOrAGroundWithoutOneIsRefusedAndNothingSaved() throws Exception {
		long id = submittedInternational();
		call(CITY, "/api/v1/licensing/applications/" + id + "/non-acceptance",
				"{\"ground\":\"NOT_COMPETENT\",\"reason\":\"国际快递业务经营许可由国家邮政局审批，本局不予受理\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].rule", hasItem("decision-words")));
		call(CITY, "/api/v1/licensing/applications/" + id + "/non-acceptance", "{\"reason\":\"国际快递业务经营许可由国家邮政局审批\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'ground')].rule", hasItem("required")));
		call(CITY, "/api/v1/licensing/applications/" + id + "/non-acceptance",
				"{\"ground\":\"ELSEWHERE\",\"reason\":\"国际快递业务经营许可由国家邮政局审批\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'ground')].rule", hasItem("one-of")));
		// a competent bureau named for a matter needing no licence would send the applicant elsewhere
		call(CITY, "/api/v1/licensing/applications/" + id + "/non-acceptance",
				"{\"ground\":\"NOT_NEEDED\",\"reason\":\"同城即时配送\",\"competentBureau\":\"国家邮政局\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'competentBureau')].rule", hasItem("absent")));
		assertThat(view(id).status()).isEqualTo(ApplicationStatus.SUBMITTED);
	}

	/** The page's form asks for the ground, each listed with its article, and the page step records it. */
	@Test
	void thePageAsksForTheGround() throws Exception {
		long id = submittedInternational();
		var staff = org.youguan.SignIn.session(mvc, "sz.admin");
		mvc.perform(get("/licensing/applications/" + id).session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"ground\"")))
			.andExpect(content().string(containsString("申请事项依法不需要取得行政许可（行政许可法(2019) 第32条第1款第1项）")));
		mvc.perform(post("/licensing/applications/" + id + "/non-acceptance").session(staff).with(csrf())
				.param("ground", "NOT_NEEDED").param("reason", "同城即时配送"))
			.andExpect(status().is3xxRedirection());
		assertThat(view(id).notAcceptedGround()).isEqualTo(NonAcceptanceGround.NOT_NEEDED);
	}

	@Test
	void theCorrectionNoticeHasItsOwnNumberAndCitesTheCatalogue() throws Exception {
		long id = submittedInternational();
		call(CITY, "/api/v1/licensing/applications/" + id + "/correction-notice", "{\"items\":[\"营业执照复印件不清晰\"]}")
			.andExpect(status().isOk());
		ApplicationView a = view(id);
		assertThat(a.correctionNumber()).isNotBlank();
		String text = document(id, LicenceApplications.CORRECTION_NOTICE);
		assertThat(text).contains(a.correctionNumber())
			.contains("根据《中华人民共和国行政许可法》第三十二条第一款第（四）项，现一次告知").doesNotContain("${");
	}

	long submittedInProvince() throws Exception {
		return LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications", LicensingIntegrationTest.application(
				LicensingIntegrationTest.newCreditCode(), "苏州省内快递有限公司" + org.youguan.RandomDigits.of(4), "省内", "600000", ""))
			.andExpect(status().isCreated()));
	}

	String notCorrected(long id) throws Exception {
		return "/api/v1/licensing/applications/" + id + "/non-acceptance";
	}

	/**
	 * 经一次告知后未按要求补正 (art.32 para.1 (四)) needs the one 补正通知 on record and its correction period (rule
	 * licence.correction-period, working days) run out — refused before, on the ground, nothing saved.
	 */
	@Test
	void materialsNotCorrectedNeedTheNoticeAndItsPeriodPassed() throws Exception {
		long id = submittedInternational();
		String body = "{\"ground\":\"NOT_CORRECTED\",\"reason\":\"未补正\"}";
		call(CITY, notCorrected(id), body)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'ground')].rule", hasItem("not-corrected-yet")))
			.andExpect(jsonPath("$.errors[?(@.field == 'ground')].message", hasItem(containsString("尚未出具补正通知"))));
		call(CITY, "/api/v1/licensing/applications/" + id + "/correction-notice", "{\"items\":[\"营业执照复印件不清晰\"]}")
			.andExpect(status().isOk());
		call(CITY, notCorrected(id), body)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'ground')].rule", hasItem("not-corrected-yet")))
			.andExpect(jsonPath("$.errors[?(@.field == 'ground')].message", hasItem(containsString("补正期限至"))));
		ApplicationView notified = view(id);
		assertThat(notified.status()).isEqualTo(ApplicationStatus.CORRECTION_REQUESTED);
		assertThat(notified.notAcceptedNumber()).isNull();
		// ten working days are two calendar weeks at least: still running on the tenth calendar day
		clock.set(LocalDateTime.of(notified.correctionNotifiedOn().plusDays(10), LocalTime.of(9, 0)));
		call(CITY, notCorrected(id), body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'ground')].rule", hasItem("not-corrected-yet")));
		// long past any ten working days, holidays included
		clock.set(LocalDateTime.of(notified.correctionNotifiedOn().plusDays(40), LocalTime.of(9, 0)));
		call(CITY, notCorrected(id), body).andExpect(status().isOk());
		ApplicationView a = view(id);
		assertThat(a.notAcceptedGround()).isEqualTo(NonAcceptanceGround.NOT_CORRECTED);
		assertThat(document(id, LicenceApplications.NOT_ACCEPTED)).contains("经一次告知后未按要求补正")
			.contains("第三十二条第一款第（四）项");
	}

	/** Materials handed in after the notice and judged still wanting: not corrected as required, no period to wait. */
	@Test
	void aCorrectionHandedInStillWantingMayBeNotAccepted() throws Exception {
		long id = submittedInternational();
		call(CITY, "/api/v1/licensing/applications/" + id + "/correction-notice", "{\"items\":[\"营业执照复印件不清晰\"]}")
			.andExpect(status().isOk());
		mvc.perform(multipart("/api/v1/licensing/applications/" + id + "/correction").header("Authorization", CITY)
				.file(new MockMultipartFile(Material.CAPITAL.name(), "capital.pdf", "application/pdf", PDF)))
			.andExpect(status().isOk());
		assertThat(view(id).status()).isEqualTo(ApplicationStatus.SUBMITTED);
		call(CITY, notCorrected(id), "{\"ground\":\"NOT_CORRECTED\",\"reason\":\"补正的营业执照复印件仍不清晰\"}")
			.andExpect(status().isOk());
		assertThat(view(id).status()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
	}

	/**
	 * The city bureau receives for the province (and the province itself): a 省内 application is within the receiving
	 * bureau's competence, never 不属于本机关职权范围; and a one-letter reason states no fact.
	 */
	@Test
	void aProvincialMatterIsWithinCompetenceAndAReasonNeedsWords() throws Exception {
		long id = submittedInProvince();
		for (String token : new String[] { CITY, PROVINCE }) {
			call(token, notCorrected(id), "{\"ground\":\"NOT_COMPETENT\",\"reason\":\"省内快递业务经营许可由省局审批\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'ground')].rule", hasItem("within-competence")))
				.andExpect(jsonPath("$.errors[?(@.field == 'ground')].message", hasItem(containsString("江苏省邮政管理局审批"))));
		}
		call(CITY, notCorrected(id), "{\"ground\":\"NOT_NEEDED\",\"reason\":\"x\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'reason')].rule", hasItem("words")));
		ApplicationView a = view(id);
		assertThat(a.status()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(a.notAcceptedNumber()).isNull();
		assertThat(applications.get(DataScope.all(), id).attachments())
			.noneMatch(x -> x.kind().equals(LicenceApplications.NOT_ACCEPTED));
	}
}
