package org.youguan.filing;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.PageSteps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * An outlet filing is decided by the bureau that files outlets at its place (快递暂行条例(2025) art.19; the county's
 * bureau, else the city's — {@code Outlets.filingBureauRegion}): the city and the province above see it in their scope
 * and read its page, but its page offers them no step, and a 准予, 一次性告知 or 不予备案 they post is refused — back on
 * the filing's page, in 403 — naming the bureau that handles it (worded in the reader's language), the filing left as
 * it was.
 */
@IntegrationTest
@ExtendWith(FilingFixture.Monday28September.class)
class OutletFilingDecidedByItsBureauIntegrationTest {

	@Autowired
	FilingFixture fixture;

	@Autowired
	OutletFilings filings;

	@Autowired
	MockMvc mvc;

	@Test
	void theCityAndTheProvinceReadACountysFilingButNeitherDecidesNorAsksForItsMissingItems() throws Exception {
		long id = filings.submitNew(fixture.shunfeng(), OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 20)),
				OutletFilingIntegrationTest.completeAttachments());
		for (String superior : List.of("sz.market", "js.market")) {
			MockHttpSession session = SignIn.session(mvc, superior);
			var page = mvc.perform(get("/filing/" + id).session(session)).andReturn().getResponse();
			assertThat(page.getStatus()).as("%s reads the filing", superior).isEqualTo(200);
			assertThat(page.getContentAsString()).as("%s is offered no step", superior)
				.doesNotContain("id=\"approve-form\"", "id=\"notify-missing-form\"", "id=\"reject-form\"");
			for (String step : List.of("approve", "notify-missing", "reject")) {
				// refused back to the filing's page with the reason (kernel.PageSteps), which answers 403
				MvcResult refused = mvc.perform(post("/filing/" + id + "/" + step).param("text", "上级代为办理")
					.session(session).with(csrf()))
					.andExpect(redirectedUrl("/filing/" + id))
					.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403))
					.andReturn();
				assertThat(String.valueOf(refused.getFlashMap().get("errors"))).as("%s %s", superior, step)
					.contains("本备案由苏州市吴中区邮政管理局办理", "上级机关可以查阅，不能代为办理");
				var shown = mvc.perform(get("/filing/" + id).session(session).flashAttrs(refused.getFlashMap()))
					.andReturn().getResponse();
				assertThat(shown.getStatus()).as("%s %s", superior, step).isEqualTo(403);
				assertThat(shown.getContentAsString()).contains("本备案由苏州市吴中区邮政管理局办理");
			}
			MvcResult english = mvc.perform(post("/filing/" + id + "/approve").param("lang", "en").session(session)
				.with(csrf())).andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403)).andReturn();
			assertThat(mvc.perform(get("/filing/" + id).param("lang", "en").session(session)
				.flashAttrs(english.getFlashMap())).andReturn().getResponse().getContentAsString())
				.as("the refusal in the reader's language")
				.contains("This record is handled by 苏州市吴中区邮政管理局").doesNotContain("上级机关可以查阅");
		}
		assertThat(filings.get(FilingFixture.WUZHONG, id).status()).as("the filing as it was").isEqualTo(FilingStatus.SUBMITTED);
		assertThat(filings.get(FilingFixture.WUZHONG, id).missingItemsNotified()).isFalse();

		MockHttpSession county = SignIn.session(mvc, "wz.staff");
		assertThat(mvc.perform(get("/filing/" + id).session(county)).andReturn().getResponse()
			.getContentAsString()).as("the county's bureau is offered its steps").contains("id=\"approve-form\"", "id=\"reject-form\"");
		var approved = mvc.perform(post("/filing/" + id + "/approve").session(county).with(csrf())).andReturn().getResponse();
		assertThat(approved.getStatus()).isEqualTo(302);
		assertThat(filings.get(FilingFixture.WUZHONG, id).status()).isEqualTo(FilingStatus.APPROVED);
	}
}
