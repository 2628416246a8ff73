package org.youguan.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.FormerMarkup;
import org.youguan.IntegrationTest;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.OptionsHtml;
import org.youguan.kernel.PageResult;
import org.youguan.region.Region;
import org.youguan.region.RegionLevel;
import org.youguan.registry.Brands;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public lookup page's parts that are no longer processed on every view are what its template wrote before
 * (issue 12), whitespace between elements aside: the county and brand pickers written by {@link OptionsHtml} — the
 * template's option markup, kept here as it was, rendered by Thymeleaf with the request's parameters, for the
 * installation's counties and brands plus a county and a brand full of characters HTML escapes, with no parameter,
 * each option's value, an unknown value and a repeated one —, and the outlets of a page rendered once and remembered
 * ({@link PublicLookup.View#outletItemsHtml}) — the former markup for every page of 吴中区's outlets, a made-up page
 * of texts HTML escapes and an empty page. The page shows the asked county and brand selected, and the remembered
 * outlets.
 */
@IntegrationTest
class PublicLookupHtmlIntegrationTest {

	@Autowired
	PublicLookup lookup;

	@Autowired
	MockMvc mvc;

	/** The pickers' options of {@code registry/public-lookup.html} before they were written in Java. */
	static final String TEMPLATE_OPTIONS = """
			<select name="region">
			  <option th:each="c : ${counties}" th:value="${c.code()}" th:text="${c.name()}" th:selected="${c.code() == param.region?.toString()}">吴中区</option></select>
			<select name="brand">
			  <option th:each="b : ${brands}" th:value="${b.shortName()}" th:text="${b.shortName()}" th:selected="${b.shortName() == param.brand?.toString()}">顺丰</option></select>""";

	static final String NASTY = "<甲&乙 \"区\" 'x'>";

	/** The outlets of {@code registry/public-lookup.html} before they were rendered on their own (lines joined). */
	static final String TEMPLATE_OUTLETS = """
			<div class="list-group-item" th:each="o : ${outlets.items()}"><div class="fw-bold" th:text="${o.name()}">网点</div><div class="small text-secondary" th:text="${o.brand()} + ' · ' + ${o.operator()}">品牌</div>
			<div class="small" th:text="${o.address()}">地址</div><div class="small"><span class="badge bg-green-lt" th:text="${o.filingStatus()}">已备案</span> <span th:text="${o.filingNumber()}">编号</span></div></div>
			<div class="list-group-item text-secondary" th:if="${#lists.isEmpty(outlets.items())}">未查询到已备案网点</div>""";

	@Test
	void thePickersWrittenInJavaAreThePickersTheTemplateWrote() {
		PublicLookup.Pickers pickers = lookup.now().pickers();
		List<Region> counties = new ArrayList<>(pickers.counties());
		List<Brands.BrandView> brands = new ArrayList<>(pickers.brands());
		assertThat(counties).isNotEmpty();
		assertThat(brands).isNotEmpty();
		counties.add(new Region(NASTY, NASTY, "3205", RegionLevel.COUNTY));
		brands.add(new Brands.BrandView(-1, NASTY, NASTY, null, null, null));
		List<Map<String, String[]>> parameters = new ArrayList<>();
		parameters.add(Map.of());
		for (Region c : counties) {
			parameters.add(Map.of("region", new String[] { c.code() }));
		}
		for (Brands.BrandView b : brands) {
			parameters.add(Map.of("brand", new String[] { b.shortName() }));
		}
		parameters.add(Map.of("region", new String[] { "329999" }, "brand", new String[] { "无此品牌" }));
		parameters.add(Map.of("region", new String[] { counties.get(0).code(), counties.get(0).code() }, "brand",
				new String[] { brands.get(0).shortName(), "" }));
		int selected = 0;
		for (Map<String, String[]> p : parameters) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/public/lookup");
			request.setParameters(p);
			String template = FormerMarkup.render(TEMPLATE_OPTIONS, Map.of("counties", counties, "brands", brands),
					request);
			String java = "<select name=\"region\">"
					+ OptionsHtml.html(counties, Region::code, Region::name, request.getParameterValues("region"))
					+ "</select>\n<select name=\"brand\">" + OptionsHtml.html(brands, Brands.BrandView::shortName,
							Brands.BrandView::shortName, request.getParameterValues("brand"))
					+ "</select>";
			assertThat(FormerMarkup.normalised(java)).as("%s", p.keySet()).isEqualTo(FormerMarkup.normalised(template));
			selected += java.split("selected=\"selected\"", -1).length - 1;
		}
		// every county and brand asked alone was selected, nothing else
		assertThat(selected).isEqualTo(counties.size() + brands.size());
		assertThat(OptionsHtml.html(brands, Brands.BrandView::shortName, Brands.BrandView::shortName, null))
			.contains("&lt;甲&amp;乙 &quot;区&quot; &#39;x&#39;&gt;")
			.doesNotContain(NASTY);
	}

	@Test
	void theLookupPageShowsTheAskedCountyAndBrandSelected() throws Exception {
		PublicLookup.Pickers pickers = lookup.now().pickers();
		Region county = pickers.counties().get(pickers.counties().size() - 1);
		String brand = pickers.brands().get(0).shortName();
		String page = mvc.perform(get("/public/lookup").param("region", county.code()).param("brand", brand))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(
				"<option value=\"" + county.code() + "\" selected=\"selected\">" + county.name() + "</option>",
				"<option value=\"" + brand + "\" selected=\"selected\">" + brand + "</option>");
		for (Region c : pickers.counties()) {
			assertThat(page).contains("<option value=\"" + c.code() + "\"");
		}
		assertThat(page).contains("id=\"outlet-results\"");
	}

	@Test
	void theRememberedOutletsAreTheOutletsTheTemplateWrote() throws Exception {
		PublicLookup.View view = lookup.now();
		List<PageResult<Outlets.PublicOutlet>> pages = new ArrayList<>();
		PageResult<Outlets.PublicOutlet> first = view.outlets("320506", null, new ListRequest(null, 0, null, null, null));
		assertThat(first.totalPages()).isGreaterThan(1);
		for (int page = 0; page <= first.totalPages(); page++) {
			pages.add(view.outlets("320506", null, new ListRequest(null, page, null, null, null)));
		}
		Outlets.PublicOutlet o = first.items().get(0);
		pages.add(new PageResult<>(List.of(new Outlets.PublicOutlet(NASTY, NASTY, NASTY, NASTY, o.regionCode(), NASTY,
				NASTY), o), 0, 20, 2));
		pages.add(new PageResult<>(List.of(), 0, 20, 0));
		for (PageResult<Outlets.PublicOutlet> page : pages) {
			String former = FormerMarkup.render(TEMPLATE_OUTLETS, Map.of("outlets", page), new MockHttpServletRequest());
			String remembered = view.outletItemsHtml(page, Locale.SIMPLIFIED_CHINESE);
			assertThat(FormerMarkup.normalised(remembered)).isEqualTo(FormerMarkup.normalised(former));
			assertThat(view.outletItemsHtml(page, Locale.SIMPLIFIED_CHINESE)).isSameAs(remembered);
		}
		assertThat(view.outletItemsHtml(pages.get(pages.size() - 2), Locale.SIMPLIFIED_CHINESE)).doesNotContain(NASTY)
			.contains("&lt;甲&amp;乙 &quot;区&quot; &#39;x&#39;&gt; · &lt;甲");
		String html = mvc.perform(get("/public/lookup").param("region", "320506"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"outlet-results\">" + lookup.now().outletItemsHtml(first, Locale.SIMPLIFIED_CHINESE));
	}

	/**
	 * Attack (portal-text F7): the outlets' markup was rendered in Chinese and remembered without the locale, so a
	 * visitor reading in English got the Chinese fragment. It is rendered in the request's locale and remembered per
	 * locale: a page with no outlet says so in English after a Chinese view of it, and in Chinese again after that.
	 */
	@Test
	void theRememberedOutletsAreWrittenInTheVisitorsLanguage() throws Exception {
		// a county without filed outlets (an unknown brand is refused, not an empty page)
		String region = "540102";
		String chinese = mvc.perform(get("/public/lookup").param("region", region))
			.andReturn().getResponse().getContentAsString();
		assertThat(chinese).contains("未查询到已备案网点");
		String english = mvc.perform(get("/public/lookup").param("region", region)
			.cookie(new jakarta.servlet.http.Cookie("youguan-lang", "en"))).andReturn().getResponse().getContentAsString();
		assertThat(english).contains("No filed outlet found").doesNotContain("未查询到已备案网点");
		assertThat(mvc.perform(get("/public/lookup").param("region", region))
			.andReturn().getResponse().getContentAsString()).contains("未查询到已备案网点");
	}

	/**
	 * Attack 5 (party): the public outlet list honours the {@code size} it validates (size=100 returned 20 rows), and an
	 * unknown brand — 999, abc — is a 400 naming {@code brand} on the API and the page, not an empty 200.
	 */
	@Test
	void theOutletListHonoursItsSizeAndRefusesAnUnknownBrand() throws Exception {
		mvc.perform(get("/api/v1/public/outlets").param("region", "320506").param("size", "30"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(30))
			.andExpect(jsonPath("$.items.length()").value(org.hamcrest.Matchers.greaterThan(20)));
		for (String brand : List.of("999", "abc")) {
			mvc.perform(get("/api/v1/public/outlets").param("brand", brand))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("brand"))
				.andExpect(jsonPath("$.errors[0].rule").value("one-of"));
			mvc.perform(get("/public/lookup").param("brand", brand)).andExpect(status().isBadRequest());
		}
	}
}
