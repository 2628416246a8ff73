package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

/**
 * Findings (valid 3, 5): a list page refused one of its filters — a year out of range ({@code /statistics/targets?year=
 * 1900}), a page below 0, a year that is no number — with the error page, which drops the list and every other filter;
 * it is now the list again (400), the refused filter at its default and its message beside it. And a step's region
 * parameter that is no region code was told 404 {@code request} as if a region had been looked for, to every caller; it
 * is 400 naming the parameter's format (行政区划代码), the form shown again — a well-formed code outside the scope stays
 * 404.
 */
@IntegrationTest
class FilterRefusalsOnTheListIntegrationTest {

	@Autowired
	MockMvc mvc;

	private Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		String html = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(html).isEqualTo(status);
		return Jsoup.parse(html);
	}

	@Test
	void aYearOutOfRangeShowsTheListWithTheMessageBesideTheFilter() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		for (String year : new String[] { "1900", "abc" }) {
			Document list = page(get("/statistics/targets").session(staff).param("year", year).param("q", "快递"), 400);
			// the list's own page, its filter form and the search kept — not the error page
			assertThat(list.select("form[action=/statistics/targets][method=get]")).isNotEmpty();
			assertThat(list.select("form[method=get] input[name=q]").attr("value")).isEqualTo("快递");
			assertThat(list.select("#errors li[data-field=year]").text()).contains("年");
		}
	}

	/**
	 * Findings (bad filters answered by the bare error page): a region checked before the handler (it re-read the
	 * refused request when the list was shown again), and a period running backwards (its default end, the refused
	 * {@code to} dropped, ran backwards too) — each is the list again with the message beside its filter.
	 */
	@Test
	void aFilterRefusedBeforeTheHandlerOrByAnotherFiltersDefaultShowsTheList() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		for (String region : new String[] { "abc", "999999" }) {
			Document hazards = page(get("/safety/hazards").session(staff).param("region", region), 400);
			assertThat(hazards.select("#error-detail")).isEmpty();
			assertThat(hazards.select("#errors li[data-field=region]").text()).contains("行政区划代码");
		}
		Document figures = page(get("/complaints/figures").session(staff).param("from", "2026-11").param("to", "2026-01"), 400);
		assertThat(figures.select("#error-detail")).isEmpty();
		assertThat(figures.select("#errors li[data-field=to]").text()).contains("截止月份不能早于起始月份")
			// attack 4-17: a month is not labelled as a day ("截止日期：截止月份…")
			.doesNotContain("截止日期");
		assertThat(figures.select("form[method=get]")).isNotEmpty();
	}

	@Test
	void aPageBelowZeroShowsTheListFromItsFirstPage() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		Document list = page(get("/complaints").session(staff).param("page", "-1"), 400);
		assertThat(list.select("form[method=get]")).isNotEmpty();
		assertThat(list.select("#errors li[data-field=page][data-rule=range]").text()).contains("页码应为0或更大的整数");
		// the public portal's lists alike, in its own layout
		Document portal = page(get("/public/penalties").param("page", "-1"), 400);
		assertThat(portal.select("#errors li[data-field=page]").text()).contains("页码应为0或更大的整数");
		assertThat(portal.select("form[method=get]")).isNotEmpty();
	}

	@Test
	void aRegionThatIsNoRegionCodeIs400NamingItsFormatOnTheFormNot404() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		for (String region : new String[] { "abc", "+320506", "32 0506" }) {
			Document form = page(post("/registry/outlets/new").session(staff).with(csrf()).param("regionCode", region)
				.param("name", "").param("creditCode", "x"), 400);
			assertThat(form.select("#errors li[data-field=regionCode][data-rule=format]").text())
				.contains("行政区划代码").contains("格式不正确");
			// the form again, not the error page
			assertThat(form.select("form[method=post] [name=regionCode]")).isNotEmpty();
		}
		// a well-formed code outside the scope is still not there
		page(post("/registry/outlets/new").session(staff).with(csrf()).param("regionCode", "320507")
			.param("name", "").param("creditCode", "x"), 404);
	}

	@Test
	void aNewRecordsFormRefusedBeforeItsHandlerComesBackAsTypedNotAsTheList() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		Document form = page(post("/enforcement/leads").session(staff).with(csrf()).param("source", "REPORT")
			.param("sourceDetail", "来源甲").param("regionCode", "abc").param("summary", "内容乙"), 400);
		assertThat(form.select("#errors li[data-field=regionCode]").text()).contains("行政区划代码");
		assertThat(form.select("form#lead-form input[name=sourceDetail]").attr("value")).isEqualTo("来源甲");
		assertThat(form.select("form#lead-form input[name=regionCode]").attr("value")).isEqualTo("abc");
		assertThat(form.select("form#lead-form textarea[name=summary]").text()).isEqualTo("内容乙");
	}

	@Test
	void aBadNumberOnAPageThatCannotBeShownWithoutItIs400NamingItBeforeTheRecordLookUp() throws Exception {
		// the batch is not there, but the page number is told first (not 404), and a fragment's parameter too
		MockHttpServletResponse lines = mvc.perform(get("/safety/parcel-batches/lines").session(SignIn.session(mvc, "sz.admin"))
			.param("enterprise", "1").param("batchId", "x").param("page", "NaN")).andReturn().getResponse();
		assertThat(lines.getStatus()).isEqualTo(400);
		assertThat(lines.getContentAsString(StandardCharsets.UTF_8)).contains("NaN").contains("页码");
		MockHttpServletResponse options = mvc.perform(get("/admin/users/departments").header("HX-Request", "true").session(SignIn.session(mvc, "sys.admin"))
			.param("bureauId", "1e309")).andReturn().getResponse();
		assertThat(options.getStatus()).isEqualTo(400);
		assertThat(options.getContentAsString(StandardCharsets.UTF_8)).contains("bureauId").doesNotContain("<option");
	}
}
