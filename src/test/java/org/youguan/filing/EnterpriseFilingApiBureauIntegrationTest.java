package org.youguan.filing;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding C2: the enterprise's filing API ({@code GET /api/v1/enterprise/filings/{id}}) did not say which bureau
 * decides the filing, which the filing's page names — now {@code handlingBureau}: the county's bureau that has an
 * account to decide it (吴中), else the city's (an outlet in 虎丘, whose bureau has no account).
 */
@IntegrationTest
@ExtendWith(FilingFixture.Monday28September.class)
class EnterpriseFilingApiBureauIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	FilingFixture fixture;

	@Autowired
	OutletFilings filings;

	@Test
	void theFilingApiNamesTheBureauThatDecidesTheFilingAsItsPageDoes() throws Exception {
		long wuzhong = filings.submitNew(fixture.shunfeng(), OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 20)),
				OutletFilingIntegrationTest.completeAttachments());
		long huqiu = filings.submitNew(fixture.shunfeng(), OutletFilingInUnstaffedCountyIntegrationTest.outlet(),
				OutletFilingIntegrationTest.completeAttachments());
		mvc.perform(get("/api/v1/enterprise/filings/" + wuzhong).header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.handlingBureau").value("苏州市吴中区邮政管理局"))
			.andExpect(jsonPath("$.filing.id").value((int) wuzhong));
		mvc.perform(get("/api/v1/enterprise/filings/" + huqiu).header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.handlingBureau").value("苏州市邮政管理局"));
	}
}
