package org.youguan.region;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 item 5: regions are chosen from a picker, never typed — its htmx answers (chain and name search) for
 * anonymous visitors, the forms posting one code out of the chain of selects, and the round trip without JavaScript
 * that shows the form again one level deeper and saves nothing.
 */
@IntegrationTest
class RegionPickerIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** Its own client address, so the public rate limit counts these requests apart from other tests'. */
	static final RequestPostProcessor CLIENT = request -> {
		request.setRemoteAddr("10.13.5.1");
		// as htmx asks for the picker's parts (a browser opening them directly is sent to a page: web.FragmentPages)
		request.addHeader("HX-Request", "true");
		return request;
	};

	static String selected(String code, String name) {
		return "value=\"" + code + "\" selected=\"selected\">" + name + "</option>";
	}

	static String option(String code, String name) {
		return "value=\"" + code + "\">" + name + "</option>";
	}

	@Test
	void anonymousVisitorsGetTheNextLevelAfterAChoice() throws Exception {
		mvc.perform(get("/public/regions/picker").with(CLIENT)
				.param("field", "region").param("root", "0").param("min", "COUNTY").param("max", "COUNTY")
				.param("region", "3205"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(selected("32", "江苏省")), containsString(selected("3205", "苏州市")),
					containsString(option("320506", "吴中区")), containsString("data-level=\"COUNTY\""),
					not(containsString("data-level=\"STREET\"")))));
		// the county select set back to blank: the chain ends at the city, whose counties are offered again
		mvc.perform(get("/public/regions/picker").with(CLIENT)
				.param("field", "region").param("root", "0").param("max", "COUNTY").param("parent", "3205").param("region", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(selected("3205", "苏州市")), containsString(option("320506", "吴中区")))));
	}

	@Test
	void theChainStartsAtItsRootAndOffersStreetsWhereTheyAreAllowed() throws Exception {
		mvc.perform(get("/public/regions/picker").with(CLIENT)
				.param("field", "regionCode").param("root", "320506").param("min", "STREET").param("max", "VILLAGE"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("江苏省 苏州市 吴中区"), containsString(option("320506001", "长桥街道")),
					containsString("required=\"required\""), not(containsString(">江苏省</option>")))));
	}

	@Test
	void searchByNameAnswersFullPathsWithinTheRoot() throws Exception {
		mvc.perform(get("/public/regions/search").with(CLIENT)
				.param("field", "region").param("root", "0").param("max", "COUNTY").param("q", "吴中"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("江苏省 苏州市 吴中区"), containsString("data-code=\"320506\""))));
		mvc.perform(get("/public/regions/search").with(CLIENT)
				.param("field", "region").param("root", "3205").param("max", "STREET").param("q", "长桥"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("江苏省 苏州市 吴中区 长桥街道")));
		mvc.perform(get("/public/regions/search").with(CLIENT)
				.param("field", "region").param("root", "3206").param("max", "COUNTY").param("q", "吴中"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("没有名称以“吴中”开头的地区"), not(containsString("data-code")))));
	}

	@Test
	void refusesAFieldNameThatIsNotAPlainName() throws Exception {
		mvc.perform(get("/public/regions/picker").with(CLIENT).param("field", "x\"><script>").param("root", "0"))
			.andExpect(status().is4xxClientError());
		mvc.perform(get("/public/regions/picker").with(CLIENT).param("field", "region").param("root", "99"))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void thePublicComplaintFormOffersTheCountiesOfThePublicRegionAndAsksNoCode() throws Exception {
		mvc.perform(get("/public/complaints/new").with(CLIENT))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("区县代码")), containsString("name=\"regionChain\" value=\"region\""),
					containsString(selected("3205", "苏州市")), containsString(option("320506", "吴中区")),
					containsString("name=\"regionPick\""))));
	}

	static MultiValueMap<String, String> complaint(String waybill, String... regionChain) {
		var f = new LinkedMultiValueMap<String, String>();
		f.add("filerName", "李先生");
		f.add("phone", "13912345671");
		f.add("filerRole", "RECIPIENT");
		f.add("brand", "顺丰");
		f.add("regionChain", "region");
		for (String code : regionChain) {
			f.add("region", code);
		}
		f.add("waybillNumber", waybill);
		f.add("postedOn", LocalDate.now(ChinaTime.ZONE).minusDays(15).toString());
		f.add("priorDate", LocalDate.now(ChinaTime.ZONE).minusDays(9).toString());
		f.add("priorChannel", "电话");
		f.add("category", "延误");
		f.add("reason", "中转或运输延误");
		f.add("description", "快件延误十天");
		return f;
	}

	@Test
	void withoutJavaScriptChooseShowsTheNextLevelAndKeepsTheFormThenTheDeepestChoiceIsFiled() throws Exception {
		String waybill = "SF" + (System.nanoTime() % 1_000_000_000L);
		// province and city chosen, "选择" pressed: the same form, the city's counties offered, nothing filed
		mvc.perform(post("/public/complaints/new").with(csrf()).with(CLIENT)
				.params(complaint(waybill, "", "32", "3205")).param("regionPick", "region"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(selected("3205", "苏州市")), containsString(option("320506", "吴中区")),
					containsString("value=\"李先生\""), not(containsString("申诉已提交")), not(containsString("id=\"errors\"")))));
		// the county chosen and submitted: one code reaches the service
		mvc.perform(post("/public/complaints/new").with(csrf()).with(CLIENT).params(complaint(waybill, "", "32", "3205", "320506")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("申诉已提交"), containsString("申诉-320506-"))));
	}

	@Test
	void aHigherLevelChangedWithoutJavaScriptEndsTheChainThere() throws Exception {
		// 上海市 chosen while 苏州市 and 吴中区 still stand below it: the chain is 31, and 31's children are offered
		mvc.perform(post("/public/complaints/new").with(csrf()).with(CLIENT)
				.params(complaint("SF1", "", "31", "3205", "320506")).param("regionPick", "region"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(selected("31", "上海市")), containsString(option("3101", "市辖区")),
					not(containsString(selected("320506", "吴中区"))))));
	}

	@Test
	void aCityClerksEnterpriseFormStartsAtTheCityAndComesBackOneLevelDeeperWithoutSaving() throws Exception {
		MockHttpSession market = SignIn.session(mvc, "sz.market");
		mvc.perform(get("/registry/enterprises/new").session(market))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("江苏省 苏州市"), containsString(option("320506", "吴中区")),
					not(containsString(">江苏省</option>")))));
		mvc.perform(post("/registry/enterprises/new").session(market).with(csrf())
				.param("legalName", "苏州选择器测试快递有限公司").param("creditCode", "91320506MA1PICK00X").param("type", "EXPRESS")
				.param("regionChain", "regionCode").param("regionCode", "3205", "320506").param("regionPick", "regionCode"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(selected("320506", "吴中区")),
					containsString("value=\"苏州选择器测试快递有限公司\""), not(containsString("id=\"errors\"")))));
		mvc.perform(get("/registry/enterprises").param("q", "苏州选择器测试快递").session(market))
			.andExpect(content().string(not(containsString("苏州选择器测试快递有限公司"))));
	}

	@Test
	void anEnterprisesFilingFormStartsAtItsCountyAndOffersItsStreets() throws Exception {
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/filings/new").session(enterprise))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(selected("320506", "吴中区")), containsString(option("320506001", "长桥街道")),
					not(containsString("行政区划代码")))));
	}

	@Test
	void anAnalysisFilterReadsTheDeepestChoiceOfItsChain() throws Exception {
		MockHttpSession market = SignIn.session(mvc, "sz.market");
		String page = mvc.perform(get("/statistics").session(market)
				.param("regionChain", "region").param("region", "3205", "320506").param("indicator", "express.volume"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains(selected("320506", "吴中区")).containsPattern("id=\"stat-headline\"[^<]*>\\s*<div[^>]*>[^<]*吴中区");
	}

	long first(String sql) {
		return jdbc.sql(sql).query(Long.class).list().get(0);
	}

	void showsThePickerAndAsksNoCode(MockHttpSession session, String path) throws Exception {
		mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"regionChain\""), containsString("data-level="),
					not(containsString("maxlength=\"12\"")), not(containsString("区划代码")))));
	}

	@Test
	void everyFormAndFilterWhereStaffChooseARegionShowsThePicker() throws Exception {
		MockHttpSession market = SignIn.session(mvc, "sz.market");
		showsThePickerAndAsksNoCode(market, "/complaints/new");
		showsThePickerAndAsksNoCode(market, "/registry/enterprises/new");
		showsThePickerAndAsksNoCode(market, "/registry/outlets/new");
		showsThePickerAndAsksNoCode(market, "/registry/outlets/" + first("SELECT id FROM terminal_outlet WHERE region_code LIKE '3205%' ORDER BY id") + "/edit");
		showsThePickerAndAsksNoCode(market, "/licensing/branch-filings/new");
		showsThePickerAndAsksNoCode(market, "/registry/branches/" + first("SELECT id FROM branch WHERE region_code LIKE '3205%' ORDER BY id") + "/edit");
		showsThePickerAndAsksNoCode(market, "/registry/facilities/new");
		showsThePickerAndAsksNoCode(market, "/registry/facilities/" + first("SELECT id FROM facility WHERE region_code LIKE '3205%' ORDER BY id") + "/edit");
		showsThePickerAndAsksNoCode(market, "/statistics");
		showsThePickerAndAsksNoCode(market, "/statistics/targets");
		showsThePickerAndAsksNoCode(market, "/complaints/figures");
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		showsThePickerAndAsksNoCode(admin, "/admin/bureaus/new");
		showsThePickerAndAsksNoCode(admin, "/statistics/catalogue");
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		showsThePickerAndAsksNoCode(enterprise, "/enterprise/outlets/"
				+ first("SELECT o.id FROM terminal_outlet o JOIN user_account u ON u.enterprise_credit_code = o.operator_credit_code"
						+ " WHERE u.username = 'sf.wz' AND o.status = 'FILED' ORDER BY o.id") + "/change");
	}

	@Test
	void withoutJavaScriptTheCatalogueComesBackWithTheFormsRegionOneLevelDeeperAndNothingSaved() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		long form = first("SELECT id FROM stat_form ORDER BY id");
		String before = jdbc.sql("SELECT region_prefix FROM stat_form WHERE id = :id").param("id", form).query(String.class).single();
		String location = mvc.perform(post("/statistics/catalogue/forms/" + form).session(admin).with(csrf())
				.param("dueDay", "5").param("regionChain", "regionPrefix").param("regionPrefix", "", "32")
				.param("regionPick", "regionPrefix"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(selected("32", "江苏省")), containsString(option("3205", "苏州市")))));
		assertThat(jdbc.sql("SELECT region_prefix FROM stat_form WHERE id = :id").param("id", form).query(String.class).single())
			.isEqualTo(before);
	}
}
