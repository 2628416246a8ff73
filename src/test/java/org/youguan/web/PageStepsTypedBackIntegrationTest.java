package org.youguan.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.documents.PdfFiles;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.platform.ChinaTime;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A form run through {@code PageSteps} that the step's own rules refuse comes back across the redirect as
 * {@code FormSteps} shows a refused form: the values as typed in their fields, each error beside its field, on a page of
 * several forms only the refused one filled and marked; a file chosen cannot come back and its field says so.
 */
@IntegrationTest
class PageStepsTypedBackIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Enterprises enterprises;

	@Test
	void aTargetRefusedByItsRulesComesBackAsTypedWithItsErrorBesideIt() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		String typed = "约" + InputEdgeCasesIntegrationTest.digits() + "件";
		Document page = refusedThenShown(admin, post("/statistics/targets").session(admin).with(csrf()).param("region", "3205")
			.param("year", Integer.toString(year)).param("indicator", "express.volume").param("targetValue", typed)
			.param("targetGrowth", "5.5"));
		assertThat(page.getElementById("targetValue").val()).isEqualTo(typed);
		assertThat(page.getElementById("targetGrowth").val()).isEqualTo("5.5");
		assertThat(page.select("#indicator option[selected]").val()).isEqualTo("express.volume");
		assertThat(page.select("#errors li[data-field=targetValue]")).as("the error names the field beside which it shows")
			.isNotEmpty();
	}

	@Test
	void aNewIndicatorRefusedByItsRulesComesBackAsTyped() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		String name = "环保袋" + InputEdgeCasesIntegrationTest.digits();
		Document page = refusedThenShown(admin, post("/statistics/catalogue/indicators").session(admin).with(csrf())
			.param("code", "bad code").param("name", name).param("unit", "个").param("valueType", "DECIMAL")
			.param("aggregation", "SUM").param("formula", "no.such + "));
		assertThat(page.getElementById("code").val()).isEqualTo("bad code");
		assertThat(page.getElementById("name").val()).isEqualTo(name);
		assertThat(page.getElementById("unit").val()).isEqualTo("个");
		assertThat(page.getElementById("formula").val()).isEqualTo("no.such + ");
		assertThat(page.select("#valueType option[selected]").val()).isEqualTo("DECIMAL");
		assertThat(page.getElementById("errors").attr("data-form")).isEqualTo("indicator-form");
		assertThat(page.select("#errors li[data-field=code]")).isNotEmpty();
	}

	@Test
	void aComplaintStepRefusedByItsRulesFillsOnlyItsOwnFormAgain() throws Exception {
		String answer = mvc.perform(post("/api/v1/complaints").param("channel", "PHONE")
			.header("Authorization", "Bearer demo-wz-staff-token").contentType("application/json")
			.content(InputEdgeCasesIntegrationTest.complaintJson("SF" + InputEdgeCasesIntegrationTest.digits())))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location");
		long id = Long.parseLong(answer.substring(answer.lastIndexOf('/') + 1));
		String otherBrand = enterprises.list(DataScope.region("320506"), new Enterprises.Filter(null, null, null),
				new PageQuery("中通", 0, 1, null, false)).items().get(0).creditCode();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		// another brand's enterprise needs a reason: refused on reason, the credit code typed stays
		Document page = refusedThenShown(staff, post("/complaints/" + id + "/transfer").session(staff).with(csrf())
			.param("creditCode", otherBrand).param("reason", " "));
		assertThat(page.select("#transfer-form input[name=creditCode]").val()).isEqualTo(otherBrand);
		assertThat(page.getElementById("errors").attr("data-form")).isEqualTo("transfer-form");
		assertThat(page.select("#errors li[data-field=reason]")).isNotEmpty();
		assertThat(page.select("#reject-form input[name=reason]").val()).as("another form sharing the field name").isEmpty();
	}

	/**
	 * A step refused after a redirect cannot keep a file chosen in its form: the page it comes back to names the file
	 * field as not kept — only when a file was chosen (an empty part is what a browser sends for a file field left
	 * alone). The enterprise's 整改情况 reply with a blank report and a PDF as its evidence. (The filing's 补正, the
	 * example until attack 32, now holds its files for the form's draft and renders a refusal in place.)
	 */
	@Test
	void aFileChosenInARefusedFormIsNamedAsNotKept() throws Exception {
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		String orders = mvc.perform(get("/enterprise/inspections/orders").session(enterprise)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("/enterprise/inspections/orders/(\\d+)").matcher(orders);
		assertThat(link.find()).as("sf.wz has a rectification order").isTrue();
		String page = "/enterprise/inspections/orders/" + link.group(1);
		Document chosen = refusedThenShown(enterprise, multipart(page + "/reply")
			.file(new MockMultipartFile("evidence", "整改照片.pdf", "application/pdf", PdfFiles.blankPage()))
			.param("report", " ").session(enterprise).with(csrf()));
		assertThat(chosen.select("#errors li")).as("refused by the step").isNotEmpty();
		assertThat(chosen.select("#errors li[data-field=evidence]").text()).isEqualTo("所选文件未保留，再次提交时请重新选择");
		Document none = refusedThenShown(enterprise, multipart(page + "/reply")
			.file(new MockMultipartFile("evidence", "", "application/octet-stream", new byte[0]))
			.param("report", " ").session(enterprise).with(csrf()));
		assertThat(none.select("#errors li")).isNotEmpty();
		assertThat(none.select("#errors li[data-field=evidence]")).as("no file chosen, none to name").isEmpty();
	}

	/**
	 * Posts {@code refused}, wants a redirect with errors flashed, and shows the page it leads to — whole, in the
	 * refusal's own 4xx status as a page FormSteps renders again answers, not 200; the same page asked for again (a
	 * reload, the flash spent) is 200 and shows no refusal.
	 */
	private Document refusedThenShown(MockHttpSession session, RequestBuilder refused) throws Exception {
		var posted = mvc.perform(refused).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(posted.getFlashMap().containsKey("errors")).as("errors flashed").isTrue();
		String page = posted.getResponse().getRedirectedUrl();
		var shown = mvc.perform(get(page).session(session)).andReturn().getResponse();
		assertThat(shown.getStatus()).as("the page showing the refusal answers in its status")
			.isEqualTo(posted.getFlashMap().get(PageSteps.REFUSED_STATUS))
			.isBetween(400, 499);
		String html = shown.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).as("rendered whole").contains("</html>");
		var reloaded = mvc.perform(get(page).session(session)).andExpect(status().isOk()).andReturn().getResponse();
		assertThat(Jsoup.parse(reloaded.getContentAsString(StandardCharsets.UTF_8)).select("#errors li")).isEmpty();
		return Jsoup.parse(html);
	}
}
