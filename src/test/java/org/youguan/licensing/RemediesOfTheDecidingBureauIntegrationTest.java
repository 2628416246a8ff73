package org.youguan.licensing;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.org.Bureaus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A licensing decision names the 行政复议机关 of the bureau that decided it (行政复议法(2023) art.27, 行政许可法(2019)
 * art.38), its .docx read back: the city's 不予受理 of an inter-province or international application — which 国家邮政局
 * would approve, but the city refused to accept — sends the applicant to 江苏省邮政管理局, not to
 * "上一级邮政管理部门" (attack D1); the province's 不予许可 sends it to 国家邮政局 (attack D2).
 */
@IntegrationTest
class RemediesOfTheDecidingBureauIntegrationTest extends LicensingFixture {

	@Autowired
	Bureaus bureaus;

	@Test
	void theCitysNonAcceptanceNamesTheProvinceAsItsReviewBody() throws Exception {
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications", LicensingIntegrationTest.application(
				LicensingIntegrationTest.newCreditCode(), "苏州复议快递有限公司" + org.youguan.RandomDigits.of(4), "国际", "3000000", ""))
			.andExpect(status().isCreated()));
		call(CITY, "/api/v1/licensing/applications/" + id + "/non-acceptance",
				"{\"ground\":\"NOT_NEEDED\",\"reason\":\"所报业务为同城即时配送，不属于快递业务经营许可事项\"}")
			.andExpect(status().isOk());
		String province = bureaus.findByRegion("32").orElseThrow().name();
		String text = document(id, LicenceApplications.NOT_ACCEPTED);
		assertThat(text).contains(bureaus.findByRegion("3205").orElseThrow().name())
			.contains("本机关决定不予受理")
			.contains("依法向" + province + "申请行政复议")
			.doesNotContain("上一级邮政管理部门");
	}

	@Test
	void theProvincesRefusalNamesTheNationalBureauAsItsReviewBody() throws Exception {
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications", LicensingIntegrationTest.application(
				LicensingIntegrationTest.newCreditCode(), "苏州省级复议快递有限公司" + org.youguan.RandomDigits.of(4), "省内", "600000", ""))
			.andExpect(status().isCreated()));
		acceptedAndReviewed(id);
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/refusal", "{\"reason\":\"安检设备不足\"}")
			.andExpect(status().isOk());
		String text = document(id, LicenceApplications.DECISION);
		assertThat(text).contains("安检设备不足")
			.contains("依法向国家邮政局申请行政复议")
			.doesNotContain("上一级邮政管理部门");
	}
}
