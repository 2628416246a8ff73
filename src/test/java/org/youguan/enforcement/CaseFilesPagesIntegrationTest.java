package org.youguan.enforcement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.PageSteps;
import org.youguan.TestImages;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case page's documents and evidence, and the 当场处罚 and 移送 forms, as staff use them: the documents issued so far
 * are listed with their 文号 and download link, a reissue shows the new version beside the kept one; a photo is added to
 * the evidence list from the page (a photo without its file flashes the error and goes back); the on-the-spot form
 * refuses a fine above art.51's limit and otherwise opens the new case; a transfer ends the case.
 */
@IntegrationTest
class CaseFilesPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Clock clock;

	EnterpriseView wuzhong(int i) {
		return enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE, PageQuery.of(null, 0, 10, "legal_name", "desc"))
			.items()
			.get(i);
	}

	/** A case filed through the API: its page. */
	String filed(EnterpriseView e) throws Exception {
		LocalDate today = LocalDate.now(clock);
		long lead = PenaltyCaseIntegrationTest.id(mvc.perform(post("/api/v1/enforcement/leads")
			.header("Authorization", PenaltyCaseIntegrationTest.WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"source":"REPORT","enterpriseCreditCode":"%s","summary":"页面线索%s","receivedOn":"%s"}"""
				.formatted(e.creditCode(), UUID.randomUUID(), today))));
		mvc.perform(post("/api/v1/enforcement/leads/" + lead + "/proposal").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"violation\":\"DATA_NOT_REPORTED\",\"endedOn\":\"" + today.minusDays(2) + "\"}")).andExpect(status().isOk());
		long c = PenaltyCaseIntegrationTest.id(mvc.perform(post("/api/v1/enforcement/leads/" + lead + "/filing")
			.header("Authorization", PenaltyCaseIntegrationTest.HEAD).contentType(MediaType.APPLICATION_JSON).content("{}")));
		return "/enforcement/cases/" + c;
	}

	@Test
	void theCasePageListsItsDocumentsAndTakesEvidenceAndReissues() throws Exception {
		String today = LocalDate.now(clock).toString();
		String page = filed(wuzhong(1));
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get(page).session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("立案审批表")))
			.andExpect(content().string(containsString("苏吴邮管立〔")))
			.andExpect(content().string(containsString("href=\"/attachments/")))
			.andExpect(content().string(not(containsString("id=\"evidence-form\""))));
		mvc.perform(post(page + "/investigation").session(staff).with(csrf()).param("name", "陈吴中", "沈执法")
			.param("certificateNumber", "32050601", "32050602")).andExpect(flash().attribute("message", "已开始调查取证"));
		mvc.perform(get(page).session(staff)).andExpect(content().string(containsString("id=\"evidence-form\"")));
		mvc.perform(multipart(page + "/evidence").session(staff).with(csrf()).param("kind", "PHOTO").param("title", "现场照片")
			.param("collectedOn", today).param("collectors", "32050601", "32050602"))
			// refused (a photo without its file): the page again in the 400, the form as typed (kernel.FormSteps)
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-form=\"evidence-form\"")))
			.andExpect(content().string(containsString("value=\"现场照片\"")));
		mvc.perform(multipart(page + "/evidence").file(new MockMultipartFile("file", "现场.png", "image/png", TestImages.png(20, 20)))
			.session(staff).with(csrf()).param("kind", "PHOTO").param("title", "营业场所现场照片").param("collectedOn", today)
			.param("collectors", "32050601", "32050602"))
			.andExpect(flash().attribute("message", "证据已登记"));
		String html = mvc.perform(get(page).session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("营业场所现场照片")))
			.andExpect(content().string(containsString("陈吴中（32050601）、沈执法（32050602）")))
			.andReturn().getResponse().getContentAsString();
		String documentId = html.replaceAll("(?s).*/documents/(\\d+)/reissue.*", "$1");
		mvc.perform(post(page + "/documents/" + documentId + "/reissue").session(staff).with(csrf()).param("reason", "更正案情摘要"))
			.andExpect(flash().attribute("message", "文书已重新制作，原版本已保留"));
		mvc.perform(get(page).session(staff)).andExpect(content().string(containsString("第2版")))
			.andExpect(content().string(containsString("已重新制作")))
			.andExpect(content().string(containsString("更正案情摘要")));

		mvc.perform(post(page + "/transfer").session(staff).with(csrf()).param("authority", "苏州市公安局吴中分局")
			.param("reason", "涉嫌犯罪，依法移送公安机关"))
			// refused to the investigator (a head's step): back to the case's page with the 403 flashed
			.andExpect(redirectedUrl(page)).andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403));
		mvc.perform(post(page + "/transfer").session(SignIn.session(mvc, "wz.leader")).with(csrf()).param("authority", "苏州市公安局吴中分局")
			.param("reason", "涉嫌犯罪，依法移送公安机关")).andExpect(flash().attribute("message", "案件已移送"));
		mvc.perform(get(page).session(staff)).andExpect(content().string(containsString("苏州市公安局吴中分局")))
			.andExpect(content().string(containsString("案件移送书")));
	}

	@Test
	void theOnTheSpotFormRefusesAFineAboveArticle51AndOpensTheNewCase() throws Exception {
		String today = LocalDate.now(clock).toString();
		EnterpriseView e = wuzhong(2);
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/enforcement/on-the-spot").session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"on-the-spot-form\"")));
		mvc.perform(post("/enforcement/on-the-spot").session(staff).with(csrf()).param("partyKind", "ORGANISATION")
			.param("enterpriseCreditCode", e.creditCode()).param("violation", "DATA_NOT_REPORTED").param("facts", "逾期未报送数据")
			.param("place", "营业场所").param("decidedOn", today).param("penalty", "FINE").param("fine", "5000")
			.param("name", "陈吴中", "沈执法").param("certificateNumber", "32050601", "32050602"))
			// refused: the form again in the 400 with the error and everything as typed (kernel.FormSteps)
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"errors\"")))
			.andExpect(content().string(containsString("value=\"5000\"")))
			.andExpect(content().string(containsString(">逾期未报送数据</textarea>")))
			.andExpect(content().string(containsString("value=\"沈执法\"")))
			.andExpect(content().string(containsString("value=\"32050602\"")));
		String page = mvc.perform(post("/enforcement/on-the-spot").session(staff).with(csrf()).param("partyKind", "ORGANISATION")
			.param("enterpriseCreditCode", e.creditCode()).param("violation", "DATA_NOT_REPORTED").param("facts", "逾期未报送数据")
			.param("place", "营业场所").param("decidedOn", today).param("penalty", "FINE").param("fine", "1000")
			.param("name", "陈吴中", "沈执法").param("certificateNumber", "32050601", "32050602"))
			.andExpect(flash().attribute("message", "当场处罚决定已登记备案"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(page).session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"simple-procedure\"")))
			.andExpect(content().string(containsString("当场行政处罚决定书")))
			.andExpect(content().string(containsString("id=\"payment-form\"")));
		mvc.perform(get("/enforcement/cases").session(staff)).andExpect(content().string(containsString("id=\"new-on-the-spot\"")));
	}
}
