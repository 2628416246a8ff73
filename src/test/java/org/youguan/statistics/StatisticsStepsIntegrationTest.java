package org.youguan.statistics;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.statistics.Reporters.Reporter;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.registry.Brands;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Licences;
import org.youguan.statistics.internal.ValueLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Findings on the reporting steps and their readings:
 * <ul>
 * <li>a report's steps decide access before the step's fields or state ({@code StatisticsStepAccess}): the city's staff
 * deciding a county's report are refused 403 in {@code Bureaus.refusal}'s words (they were told the report's state),
 * a sibling county 404, another enterprise posting to a report not its own 404 (it was told the missing file);</li>
 * <li>the report list API takes the page's filters ({@code deciding}, {@code late}, {@code state}, {@code form});</li>
 * <li>a returned report has no timeliness (onTime null, 按时 blank) on the API and in the export, as on 报送进度;</li>
 * <li>a report sent again after a return no longer carries the return's decidedAt/decidedBy;</li>
 * <li>a rate above 100 % is refused in a draft, and a submission tells one error per value;</li>
 * <li>codes in capitals or full width are read as the sheet reads them;</li>
 * <li>万元 shows the 4 decimals it keeps; a period left out is 报告期 (not 期间), the export's region code 行政区划代码.</li>
 * </ul>
 */
@IntegrationTest
class StatisticsStepsIntegrationTest {

	static final String COUNTY_TOKEN = "Bearer demo-wz-staff-token";

	static final String CITY_TOKEN = "Bearer demo-sz-admin-token";

	static final String LOCAL = "express.volume.local";

	static final String RATE = "green.ewaybill.rate";

	@Autowired
	MockMvc mvc;

	@Autowired
	Reports reports;

	@Autowired
	ReportForms forms;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Brands brands;

	@Autowired
	Licences licences;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Completeness completeness;

	/** An express reporter of 吴中区, licensed since 2001 ({@link Reporters#wuzhongExpress}). */
	Reporter reporter() {
		return Reporters.wuzhongExpress(enterprises, brands, licences, "步骤测试快递有限公司");
	}

	/** A month of 2002–2005 (no other test reports there), so no previous approved value makes a jump. */
	static Period oldMonth() {
		return Period.month(YearMonth.of(2002 + Integer.parseInt(RandomDigits.of(1)) % 4, 1 + Integer.parseInt(RandomDigits.of(2)) % 12));
	}

	static Map<String, String> typed() {
		Map<String, String> values = new HashMap<>();
		StatisticsFrequencyAndCountsIntegrationTest.monthlyValues().forEach((k, v) -> values.put(k, v.toPlainString()));
		return values;
	}

	/** The reporter's report of {@code period}, submitted. */
	long submitted(Reporter r, Period period) {
		long id = reports.open(r.own(), r.id(), forms.byCode("monthly").id(), period);
		reports.submit(r.own(), id, typed(), Map.of(), null);
		return id;
	}

	@Test
	void aReportsStepsRefuseAnotherBureauOrEnterpriseBeforeItsFieldsAndState() throws Exception {
		Reporter r = reporter();
		long id = submitted(r, oldMonth());
		reports.returnForCorrection(DataScope.region("320506"), id, "请核实", "陈吴中（吴中区局）");
		// the city's staff approving a returned county report: told who decides it, not that it is returned (409)
		mvc.perform(post("/statistics/reports/" + id + "/approve").session(SignIn.session(mvc, "sz.market")).with(csrf()))
			.andExpect(redirectedUrl("/statistics/reports/" + id))
			.andExpect(flash().attribute(org.youguan.kernel.PageSteps.REFUSED_STATUS, 403))
			.andExpect(mvcResult -> assertThat(String.valueOf(mvcResult.getFlashMap().get("errors"))).contains("本报表由苏州市吴中区邮政管理局办理"));
		mvc.perform(post("/statistics/reports/" + id + "/return").session(SignIn.session(mvc, "sz.market")).with(csrf())
			.param("reason", "x".repeat(600)))
			.andExpect(redirectedUrl("/statistics/reports/" + id))
			.andExpect(flash().attribute(org.youguan.kernel.PageSteps.REFUSED_STATUS, 403));
		// a sibling county does not see it
		mvc.perform(post("/statistics/reports/" + id + "/approve").session(SignIn.session(mvc, "xc.staff")).with(csrf()))
			.andExpect(status().isNotFound());
		// the deciding county is told the state
		mvc.perform(post("/statistics/reports/" + id + "/approve").session(SignIn.session(mvc, "wz.staff")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		// another enterprise (the demo's sf.wz) posting to this report — a sheet missing: 404, not the missing file
		mvc.perform(post("/enterprise/statistics/reports/" + id + "/upload").session(SignIn.session(mvc, "sf.wz")).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/enterprise/statistics/reports/" + id).session(SignIn.session(mvc, "sf.wz")).with(csrf())
			.param("action", "submit").param("values." + LOCAL, "很多"))
			.andExpect(status().isNotFound());
		assertThat(reports.get(r.own(), id).status()).isEqualTo(ReportStatus.RETURNED);
	}

	@Test
	void aReminderOfAFormOfAnotherRegionIsRefusedBeforeItsPeriod() throws Exception {
		// a local form of 吴中区 (inactive: nobody owes it, no other test sees it)
		long local = jdbc.sql("""
				INSERT INTO stat_form (code, name, period_type, due_day, enterprise_types, region_prefix, active)
				VALUES (:code, :name, 'MONTH', 5, 'EXPRESS', '320506', false) RETURNING id""")
			.param("code", "wz-local-" + RandomDigits.of(8))
			.param("name", "吴中区地方月报" + RandomDigits.of(8))
			.query(Long.class)
			.single();
		// 相城区's staff sending a period that is no period: the form is not theirs to remind — 404, not the period
		mvc.perform(post("/statistics/completeness/remind").session(SignIn.session(mvc, "xc.staff")).with(csrf())
			.param("form", String.valueOf(local)).param("period", "2026-13"))
			.andExpect(status().isNotFound());
		// 吴中区's own staff are told the period (the page's error), as the city above it is
		for (String user : List.of("wz.staff", "sz.market")) {
			mvc.perform(post("/statistics/completeness/remind").session(SignIn.session(mvc, user)).with(csrf())
				.param("form", String.valueOf(local)).param("period", "2026-13"))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attributeExists("errors"));
		}
		// a national form concerns every bureau: 相城区 is told the period
		mvc.perform(post("/statistics/completeness/remind").session(SignIn.session(mvc, "xc.staff")).with(csrf())
			.param("form", String.valueOf(forms.byCode("monthly").id())).param("period", "2026-13"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("errors"));
		// its 报送进度 page is not there for 相城区 either
		mvc.perform(get("/statistics/completeness").session(SignIn.session(mvc, "xc.staff")).param("form", String.valueOf(local)))
			.andExpect(status().isNotFound());
	}

	/**
	 * An enterprise naming a form it does not report (a local form of 相城区, to 吴中区's sf.wz) with a period that is no
	 * period is told the form (422), on the API and the page, before the period (it was told the period, 400).
	 */
	@Test
	void aFormTheEnterpriseDoesNotReportIsToldBeforeThePeriod() throws Exception {
		String code = "xc-local-" + RandomDigits.of(8);
		long local = jdbc.sql("""
				INSERT INTO stat_form (code, name, period_type, due_day, enterprise_types, region_prefix, active)
				VALUES (:code, :name, 'MONTH', 5, 'EXPRESS,POSTAL', '320507', false) RETURNING id""")
			.param("code", code)
			.param("name", "相城区地方月报" + RandomDigits.of(8))
			.query(Long.class)
			.single();
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", "Bearer demo-sf-wz-token")
			.contentType("application/json")
			.content("{\"form\":\"" + code + "\",\"period\":\"2026-13\",\"values\":{},\"submit\":false}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("本企业不需报送")));
		mvc.perform(post("/enterprise/statistics/open").session(SignIn.session(mvc, "sf.wz")).with(csrf())
			.param("form", String.valueOf(local)).param("period", "2026-13"))
			.andExpect(flash().attribute("errors", org.hamcrest.Matchers.hasToString(containsString("本企业不需报送"))));
	}

	/**
	 * The other statistics steps whose record is not (or not only) in the address: a national form's settings posted by a
	 * city's administrator with a due day out of range, and a county's target posted by the city's administrator with a
	 * year that is no number, are refused (403) before the field is read — they were told the field (400).
	 */
	@Test
	void aFormsSettingsAndAnotherRegionsTargetAreRefusedBeforeTheirFields() throws Exception {
		ReportForm monthly = forms.byCode("monthly");
		int due = monthly.dueDay();
		mvc.perform(post("/statistics/catalogue/forms/" + monthly.id()).session(SignIn.session(mvc, "sz.admin")).with(csrf())
			.param("dueDay", "99").param("types", "EXPRESS"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("只有最高一级机构的系统管理员可以调整")));
		assertThat(forms.get(monthly.id()).dueDay()).isEqualTo(due);
		mvc.perform(post("/statistics/targets").session(SignIn.session(mvc, "sz.admin")).with(csrf())
			.param("region", "320506").param("year", "二〇二六").param("indicator", "express.volume").param("targetValue", "1"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("只能设定本局辖区")));
		// its own region: told the year
		mvc.perform(post("/statistics/targets").session(SignIn.session(mvc, "sz.admin")).with(csrf())
			.param("region", "3205").param("year", "二〇二六").param("indicator", "express.volume").param("targetValue", "1"))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isNotEqualTo(403));
	}

	@Test
	void theListApiTakesThePagesFiltersAndAReturnedReportHasNoTimelinessAnywhere() throws Exception {
		Reporter r = reporter();
		Period period = oldMonth();
		long id = submitted(r, period);
		// deciding=true: the city's own queue holds no county report; without it the city reads it
		assertThat(ids(CITY_TOKEN, "deciding", "false", r)).containsExactly((int) id);
		assertThat(ids(CITY_TOKEN, "deciding", "true", r)).isEmpty();
		assertThat(ids(COUNTY_TOKEN, "deciding", "true", r)).containsExactly((int) id);
		assertThat(ids(COUNTY_TOKEN, "state", "DONE", r)).isEmpty();
		assertThat(ids(COUNTY_TOKEN, "form", "MONTHLY", r)).containsExactly((int) id);
		assertThat(ids(COUNTY_TOKEN, "form", "green-care", r)).isEmpty();

		// submitted late (a month years past its due day): late until returned, then neither on time nor late
		String list = list(COUNTY_TOKEN, "late", "true", r);
		assertThat((Boolean) JsonPath.read(list, "$.items[0].onTime")).isFalse();
		reports.returnForCorrection(DataScope.region("320506"), id, "请核实", "陈吴中（吴中区局）");
		list = list(COUNTY_TOKEN, "period", period.code(), r);
		assertThat((Object) JsonPath.read(list, "$.items[0].onTime")).isNull();
		assertThat(ids(COUNTY_TOKEN, "late", "true", r)).isEmpty();
		byte[] xlsx = mvc.perform(get("/statistics/reports/export.xlsx").param("q", r.code()).param("state", "ALL")
			.session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			Row header = sheet.getRow(0);
			int onTime = -1;
			int region = -1;
			for (int c = 0; c < header.getLastCellNum(); c++) {
				String h = header.getCell(c).getStringCellValue();
				onTime = h.equals("按时") ? c : onTime;
				region = h.equals("行政区划代码") ? c : region;
			}
			assertThat(region).as("one label of the region code on every statistics export").isNotNegative();
			// returned and not sent again by its due date (years ago): 逾期未报, one rule with the API, the enterprise's
			// export and 报送进度 (finding: it was blank, as if nothing were owed)
			assertThat(sheet.getRow(1).getCell(onTime).getStringCellValue()).isEqualTo("逾期未报");
		}
		assertThat((Boolean) JsonPath.read(list, "$.items[0].overdue")).isTrue();
		// the list's 逾期未报 filter (finding: the list showed the state and could not be filtered by it): the API, the
		// page and the export read the rule the badge reads; a second report of the reporter, standing sent, is left out
		long sent = submitted(r, period.previous());
		assertThat(ids(COUNTY_TOKEN, "overdue", "false", r)).containsExactlyInAnyOrder((int) id, (int) sent);
		assertThat(ids(COUNTY_TOKEN, "overdue", "true", r)).containsExactly((int) id);
		mvc.perform(get("/statistics/reports").param("q", r.code()).param("state", "ALL").param("overdue", "true")
			.session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/statistics/reports/" + id + "\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/statistics/reports/" + sent + "\""))));
		byte[] overdueOnly = mvc.perform(get("/statistics/reports/export.xlsx").param("q", r.code()).param("state", "ALL")
			.param("overdue", "true").session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(overdueOnly))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).as("one row under the header: the report 逾期未报").isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(period.code());
		}
		assertThat(reports.list(r.own(), new Reports.Filter(null, null, null, null, org.youguan.kernel.WorkState.ALL, true),
				new org.youguan.kernel.PageQuery("", 0, 10, "period", false)).items())
			.extracting(org.youguan.statistics.internal.ReportView::id).containsExactly(id);
		assertThat(reports.get(r.own(), id).lateness(java.time.LocalDate.now(org.youguan.platform.ChinaTime.ZONE)))
			.isEqualTo("逾期未报");
		Completeness.Summary progress = completeness.summary(DataScope.region("320506"), forms.byCode("monthly"), period);
		Completeness.Line line = progress.lines().stream().filter(l -> l.enterpriseId() == r.id()).findFirst().orElseThrow();
		assertThat(progress.overdue(line)).isTrue();
		assertThat(progress.timeliness(line)).isEqualTo("逾期未报");
		assertThat(progress.overdueCount()).isPositive();

		// sent again: the return's decision no longer stands on the report
		assertThat(reports.get(r.own(), id).decidedAt()).isNotNull();
		reports.submit(r.own(), id, typed(), Map.of(), null);
		assertThat(reports.get(r.own(), id).decidedAt()).isNull();
		assertThat(reports.get(DataScope.region("320506"), id).decidedBy()).isNull();
		assertThat(reports.get(DataScope.region("320506"), id).returnReason()).isNull();
		// sent again (late): 迟报, no longer 逾期未报
		assertThat(reports.get(DataScope.region("320506"), id).overdue()).isFalse();
		assertThat(ids(COUNTY_TOKEN, "overdue", "true", r)).isEmpty();
		assertThat(reports.get(DataScope.region("320506"), id).timeliness()).isEqualTo("否");
	}

	@Test
	void aRateAboveAHundredIsRefusedInADraftAndASubmissionTellsOneErrorPerValue() {
		Reporter r = reporter();
		Period period = oldMonth();
		ReportForm monthly = forms.byCode("monthly");
		// last month approved with a rate of 98 %: 250 % is both above 100 and a jump of 155 %
		Map<String, BigDecimal> last = StatisticsFrequencyAndCountsIntegrationTest.monthlyValues();
		loader.loadApproved("monthly", List.of(new ReportLoader.Approved(r.id(), period.previous(), last,
				period.previous().end().plusDays(3))), false, "测试");
		long id = reports.open(r.own(), r.id(), monthly.id(), period);
		assertThatThrownBy(() -> reports.saveDraft(r.own(), id, Map.of(RATE, "250"), Map.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("values." + RATE, "rate")));
		Map<String, String> values = typed();
		values.put(RATE, "250");
		values.put(LOCAL, "-150");
		assertThatThrownBy(() -> reports.submit(r.own(), id, values, Map.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.containsExactlyInAnyOrder(tuple("values." + RATE, "rate"), tuple("values." + LOCAL, "non-negative")));
	}

	@Autowired
	ReportLoader loader;

	@Test
	void codesInCapitalsOrFullWidthAreReadAsTheSheetReadsThem() {
		Reporter r = reporter();
		long id = reports.open(r.own(), r.id(), forms.byCode("monthly").id(), oldMonth());
		reports.fillDraft(r.own(), id, Map.of("EXPRESS.VOLUME.LOCAL", "123", " ｅｘｐｒｅｓｓ．ｒｅｖｅｎｕｅ ", "40.1234"),
				Map.of("Express.Volume.Local", "新增客户"), null);
		assertThat(line(r, id, LOCAL).value()).isEqualByComparingTo("123");
		assertThat(line(r, id, LOCAL).note()).isEqualTo("新增客户");
		assertThat(line(r, id, "express.revenue").value()).isEqualByComparingTo("40.1234");
		// the same code twice in two spellings is told, not one of them dropped
		assertThatThrownBy(() -> reports.fillDraft(r.own(), id, Map.of("EXPRESS.VOLUME.LOCAL", "1", LOCAL, "2"), Map.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("values." + LOCAL, "unique")));
		assertThat(line(r, id, LOCAL).value()).isEqualByComparingTo("123");
	}

	@Test
	void tenThousandYuanShowTheFourDecimalsKeptAndAPeriodIsNamedAsTheStatisticsPagesNameIt() throws Exception {
		Reporter r = reporter();
		Period period = oldMonth();
		long id = reports.open(r.own(), r.id(), forms.byCode("monthly").id(), period);
		Map<String, String> values = typed();
		values.put("express.revenue", "40.1234");
		reports.submit(r.own(), id, values, Map.of(), null);
		String page = mvc.perform(get("/statistics/reports/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"value-express.revenue\">40.1234<");
		// a period left out is named as every statistics page names it (报告期), not as the generic 期间
		mvc.perform(post("/enterprise/statistics/open").session(SignIn.session(mvc, "sf.wz")).with(csrf())
			.param("form", String.valueOf(forms.byCode("monthly").id())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("缺少报告期")));
		mvc.perform(post("/statistics/completeness/remind").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("form", String.valueOf(forms.byCode("monthly").id())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("缺少报告期")));
	}

	ValueLine line(Reporter r, long id, String code) {
		return reports.lines(r.own(), id).stream().filter(l -> l.indicator().code().equals(code)).findFirst().orElseThrow();
	}

	String list(String token, String param, String value, Reporter r) throws Exception {
		return mvc.perform(get("/api/v1/statistics/reports").param("q", r.code()).param(param, value)
			.header("Authorization", token)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	List<Integer> ids(String token, String param, String value, Reporter r) throws Exception {
		return JsonPath.read(list(token, param, value, r), "$.items[*].id");
	}
}
