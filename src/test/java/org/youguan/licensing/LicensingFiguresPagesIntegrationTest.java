package org.youguan.licensing;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xssf.extractor.XSSFExcelExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.youguan.IntegrationTest;
import org.youguan.ProvinceStaff;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.org.Bureaus;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.LicenceGranted;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.LicenceStatus;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The figures added to the licensing figures — per step the days taken (in its limit's unit) and the on-time rate, the licences
 * expiring within 90 days — on the API, the page and its .xlsx; and the 注销 page for the competent level.
 */
@IntegrationTest
class LicensingFiguresPagesIntegrationTest extends LicensingFixture {

	@Autowired
	StatutoryRules rules;

	@Autowired
	LicensingFigures licensingFigures;

	@Autowired
	Bureaus bureaus;

	String figures() throws Exception {
		String today = LocalDate.now(clock).toString();
		return mvc.perform(get("/api/v1/licensing/figures").param("region", "3205").param("from", today).param("to", today)
			.header("Authorization", CITY)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	static long step(String json, String step, String field) {
		List<Object> values = JsonPath.read(json, "$.steps[?(@.step == '" + step + "')]." + field);
		Object v = values.get(0);
		return v == null ? 0 : ((Number) v).longValue();
	}

	String granted(String name, LocalDate expiresOn) {
		String code = LicensingIntegrationTest.newCreditCode();
		String number = "快递许可-32-1995-" + code.substring(13);
		granted(new LicenceGranted(-5, number, new EnterpriseData(name, code,
				EnterpriseType.EXPRESS, null, null, "吴中区统计路1号", "320506", null, null), LicenceScope.PROVINCE, "江苏省邮政管理局",
				"32", expiresOn.minusYears(4), expiresOn, false));
		return number;
	}

	@Test
	void theFiguresCountStepsOnTimeAndLicencesExpiringWithinNinetyDays() throws Exception {
		String before = figures();
		long expiring = ((Number) JsonPath.read(before, "$.licencesExpiringIn90Days")).longValue();
		granted("苏州将到期快递有限公司", LocalDate.now(clock).plusDays(45));
		granted("苏州不到期快递有限公司", LocalDate.now(clock).plusDays(200));

		// a paper application accepted and reviewed today: one receipt on time, one review
		String code = LicensingIntegrationTest.newCreditCode();
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications",
				LicensingIntegrationTest.application(code, "苏州统计快递有限公司", "省内", "600000", "")).andExpect(status().isCreated()));
		acceptedAndReviewed(id);

		String after = figures();
		assertThat(((Number) JsonPath.read(after, "$.licencesExpiringIn90Days")).longValue()).isEqualTo(expiring + 1);
		assertThat(step(after, "RECEIPT", "count")).isEqualTo(step(before, "RECEIPT", "count") + 1);
		assertThat(step(after, "RECEIPT", "onTime")).isEqualTo(step(before, "RECEIPT", "onTime") + 1);
		assertThat(step(after, "REVIEW", "count")).isEqualTo(step(before, "REVIEW", "count") + 1);
		List<Object> rate = JsonPath.read(after, "$.steps[?(@.step == 'RECEIPT')].onTimeRate");
		assertThat(rate.get(0)).isNotNull();
		List<Object> reviewRate = JsonPath.read(after, "$.steps[?(@.step == 'REVIEW')].onTimeRate");
		assertThat(reviewRate.get(0)).as("初审 has no statutory limit").isNull();

		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		mvc.perform(get("/licensing/figures").session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"steps\"")))
			.andExpect(content().string(containsString("id=\"licencesExpiringIn90Days\"")));
		byte[] xlsx = mvc.perform(get("/licensing/figures.xlsx").param("region", "3205").session(staff)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(new XSSFExcelExtractor(book).getText()).contains("受理申请").contains("90日内到期的许可证").contains("按时率");
		}
		mvc.perform(get("/licensing/figures.xlsx").param("from", "2026-13-01").session(staff)).andExpect(status().is4xxClientError());
		// closed again, so that the figures of other tests are not disturbed by an open application
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/refusal", "{\"reason\":\"统计测试结束\"}")
			.andExpect(status().isOk());
	}

	/**
	 * Each step's label states its limit as the rule catalogue has it where the figures are counted — value, unit and
	 * citation with the text's version — so a bureau's own period (委托现场核查报告时限, configurable) shows in its
	 * region's label and nowhere else; the applications page's hint names the catalogue's periods likewise.
	 */
	@Test
	void theStepLabelsReadTheirLimitsFromTheRuleCatalogue() throws Exception {
		LocalDate today = LocalDate.now(clock);
		StatutoryRule verification = StatutoryRule.LICENCE_SITE_VERIFICATION_REPORT;
		long jiangsu = bureaus.findByRegion("32").orElseThrow().id();
		rules.override(verification, jiangsu, "32", BigDecimal.valueOf(13), "测试：本局委托核查时限");
		try {
			assertThat(label(licensingFigures.figures(DataScope.all(), "32", today, today), "VERIFICATION"))
				.startsWith("现场核查（13个工作日，" + verification.basis() + "；");
			assertThat(label(licensingFigures.figures(DataScope.all(), "", today, today), "VERIFICATION"))
				.startsWith("现场核查（" + rules.stated(verification, "0") + "，").doesNotContain("13个工作日");
		}
		finally {
			rules.clearOverride(verification, "32");
		}
		LicensingFigures.Figures country = licensingFigures.figures(DataScope.all(), "", today, today);
		assertThat(label(country, "RECEIPT")).startsWith("受理或补正告知（" + rules.stated(StatutoryRule.LICENCE_MISSING_MATERIALS_NOTICE, "0")
				+ "，行政许可法(2019) 第32条；");
		assertThat(label(country, "DECISION")).startsWith("许可决定（" + rules.stated(StatutoryRule.LICENCE_DECISION, "0")
				+ "，中止期间不计，邮政法(2015) 第53条；");
		assertThat(rules.stated(StatutoryRule.LICENCE_DECISION, "0")).isEqualTo("45日");

		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		mvc.perform(get("/licensing/applications").session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("收到申请" + rules.stated(StatutoryRule.LICENCE_MISSING_MATERIALS_NOTICE, "0")
					+ "内一次告知")))
			.andExpect(content().string(containsString("自受理之日起" + rules.stated(StatutoryRule.LICENCE_DECISION, "0") + "内作出")));
	}

	static String label(LicensingFigures.Figures figures, String step) {
		return figures.steps().stream().filter(s -> s.step().equals(step)).findFirst().orElseThrow().label();
	}

	/**
	 * The decision's limit is 45 calendar days (邮政法(2015) art.53; rule licence.decision, in 日): its step's average is
	 * counted in calendar days and its label, the page and the .xlsx say so, while the other steps stay in working days.
	 * An application accepted on a Monday and decided ten days later took 10.0 日 — fewer working days.
	 */
	@Test
	void theDecisionStepsAverageIsInCalendarDaysAsItsLimitAndSaysSo() throws Exception {
		LocalDate monday = LocalDate.now(clock).plusYears(3).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		clock.set(monday.atTime(10, 0));
		// a county no other test decides in, three years on: the only decision of its day there
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications", LicensingIntegrationTest.application(
				LicensingIntegrationTest.newCreditCode(), "苏州日历日统计快递有限公司", "省内", "600000", "")
			.replace("\"regionCode\":\"320506\"", "\"regionCode\":\"320585\"")
			// premises in the county chosen (address-region)
			.replace("吴中区示例路8号", "太仓市示例路8号")).andExpect(status().isCreated()));
		acceptedAndReviewed(id);
		LocalDate decided = monday.plusDays(10);
		clock.set(decided.atTime(10, 0));
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/refusal", "{\"reason\":\"统计用时测试\"}").andExpect(status().isOk());

		String json = mvc.perform(get("/api/v1/licensing/figures").param("region", "320585").param("from", decided.toString())
			.param("to", decided.toString()).header("Authorization", CITY)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(step(json, "DECISION", "count")).isEqualTo(1);
		List<Object> days = JsonPath.read(json, "$.steps[?(@.step == 'DECISION')].averageDays");
		assertThat(((Number) days.get(0)).doubleValue()).isEqualTo(10.0);
		assertThat(JsonPath.<List<Object>>read(json, "$.steps[?(@.step == 'DECISION')].dayUnit")).containsExactly("CALENDAR_DAYS");
		assertThat(JsonPath.<List<Object>>read(json, "$.steps[?(@.step == 'DECISION')].label").get(0).toString()).contains("日历日");
		assertThat(step(json, "DECISION", "averageWorkingDays")).as("ten days hold a weekend").isLessThan(10);
		assertThat(JsonPath.<List<Object>>read(json, "$.steps[?(@.step == 'RECEIPT')].dayUnit")).containsExactly("WORKING_DAYS");

		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		mvc.perform(get("/licensing/figures").param("region", "320585").param("from", decided.toString())
			.param("to", decided.toString()).session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-unit=\"CALENDAR_DAYS\">10.0 日</td>")));
		byte[] xlsx = mvc.perform(get("/licensing/figures.xlsx").param("region", "320585").param("from", decided.toString())
			.param("to", decided.toString()).session(staff)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(new XSSFExcelExtractor(book).getText()).contains("用时单位").contains("平均用时按日历日计");
		}
	}

	@Test
	void theCompetentLevelCancelsALicenceOnTheCancellationPage() throws Exception {
		String number = granted("苏州页面注销快递有限公司", LocalDate.now(clock).plusYears(3));
		MockHttpSession province = ProvinceStaff.session(mvc, users, bureaus);
		mvc.perform(get("/licensing/licences/cancellation").param("number", number).session(province)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"cancellation-form\"")))
			.andExpect(content().string(containsString(number)));
		// an unknown number and a missing ground come back on the form, naming the field
		// (kernel.FormSteps: in the refusal's 400, with what was typed)
		mvc.perform(post("/licensing/licences/cancellation").param("number", "快递许可-99-0000-XXXX").param("ground", "STOPPED")
			.param("note", "企业书面申请").session(province).with(csrf())).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"number\"")))
			.andExpect(content().string(containsString("value=\"快递许可-99-0000-XXXX\"")))
			.andExpect(content().string(containsString("value=\"STOPPED\" selected=\"selected\"")))
			.andExpect(content().string(containsString(">企业书面申请</textarea>")));
		mvc.perform(post("/licensing/licences/cancellation").param("number", number).param("ground", "")
			.session(province).with(csrf())).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"ground\"")));
		// "有效期届满未延续" is no ground for a licence valid for three more years
		mvc.perform(post("/licensing/licences/cancellation").param("number", number).param("ground", "EXPIRED")
			.session(province).with(csrf())).andExpect(status().is4xxClientError())
			.andExpect(content().string(containsString("尚未届满")));
		// the city is not the competent level: its post is refused, and so is the page, which its menu does not offer
		MockHttpSession city = SignIn.session(mvc, "sz.admin");
		mvc.perform(post("/licensing/licences/cancellation").param("number", number).param("ground", "STOPPED")
			.session(city).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/licensing/licences/cancellation").param("number", number).session(city))
			.andExpect(status().isForbidden());
		mvc.perform(get("/").session(city))
			.andExpect(content().string(not(containsString("href=\"/licensing/licences/cancellation\""))));
		for (String user : List.of("wz.staff", "sf.wz")) {
			mvc.perform(get("/licensing/licences/cancellation").session(SignIn.session(mvc, user)))
				.andExpect(status().isForbidden());
		}
		// the province's leader decides, and so cancels
		mvc.perform(get("/licensing/licences/cancellation").session(SignIn.session(mvc, "js.leader"))).andExpect(status().isOk());
		mvc.perform(get("/").session(province))
			.andExpect(content().string(containsString("href=\"/licensing/licences/cancellation\"")));
		mvc.perform(post("/licensing/licences/cancellation").param("number", number).param("ground", "STOPPED")
			.param("note", "企业书面申请").session(province).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("message"));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.findByNumber(DataScope.all(), number).orElseThrow().status() == LicenceStatus.CANCELLED);
	}

	/**
	 * Attack round 16: a licence issued today was cancelled for "取得许可后无正当理由超过6个月未经营". Within the rule's
	 * period (licence.no-operation, 6 months) that ground is refused; past it, it is taken.
	 */
	@Test
	void noOperationIsNoGroundForALicenceYoungerThanSixMonths() throws Exception {
		String young = granted("苏州新领证快递有限公司", LocalDate.now(clock).plusYears(4));
		MockHttpSession province = ProvinceStaff.session(mvc, users, bureaus);
		mvc.perform(post("/licensing/licences/cancellation").param("number", young).param("ground", "NO_OPERATION")
			.session(province).with(csrf())).andExpect(status().is4xxClientError())
			.andExpect(content().string(containsString("未超过6个月")));
		String old = granted("苏州久未经营快递有限公司", LocalDate.now(clock).plusYears(3));
		mvc.perform(post("/licensing/licences/cancellation").param("number", old).param("ground", "NO_OPERATION")
			.session(province).with(csrf())).andExpect(status().is3xxRedirection());
	}
}
