package org.youguan.licensing;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.extractor.XSSFExcelExtractor;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.region.Regions;
import org.youguan.registry.AnnualReportCopies;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseAnnualReport;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceGranted;
import org.youguan.registry.LicenceScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 年度报告: a licence holder files last year's report in the window (01-01 … 04-30) and the registry shows it on the
 * enterprise's page (through {@code AnnualReportFiled}); a report after the window is marked late; staff see the
 * late/missing list (pages, .xlsx) and the figures count the reports; reminders go out from 03-01 once per holder and
 * year; an enterprise files and sees only its own; bad input is a 400 naming the field.
 */
@IntegrationTest
class AnnualReportsIntegrationTest extends LicensingFixture {

	@Autowired
	Enterprises enterprises;

	@Autowired
	AnnualReports reports;

	@Autowired
	AnnualReportCopies copies;

	@Autowired
	Regions regions;

	/** This year (China time), the year of the window; the reports are on the year before. */
	int year() {
		return LocalDate.now(clock).getYear();
	}

	void at(int month, int day) {
		clock.set(LocalDateTime.of(year(), month, day, 10, 0));
	}

	/** A new holder of a licence in force over the whole of last year, in 320506. */
	String holder(String name) {
		return holder(name, "320506");
	}

	/** A new holder of a licence in force over the whole of last year, in the region. */
	String holder(String name, String region) {
		String code = LicensingIntegrationTest.newCreditCode();
		String number = "快递许可-32-1996-" + code.substring(13);
		LocalDate issued = LocalDate.of(year() - 2, 6, 1);
		granted(new LicenceGranted(-4, number, new EnterpriseData(name, code,
				// the premises in the region given (the registry refuses an address naming another: address-region)
				EnterpriseType.EXPRESS, null, "周年报", regions.name(region) + "年报路1号", region, null, null),
				LicenceScope.PROVINCE,
				"江苏省邮政管理局", "32", issued, issued.plusYears(5).minusDays(1), false));
		return code;
	}

	ResultActions file(String token, String json) throws Exception {
		return mvc.perform(post("/api/v1/licensing/annual-reports").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	static String report(int year, String code, String volume, String revenue, String outlets, String staff) {
		return """
				{"year":"%d","creditCode":"%s","businessVolume":"%s","revenue":"%s","outlets":"%s","staff":"%s"}"""
			.formatted(year, code, volume, revenue, outlets, staff);
	}

	/**
	 * The reports list exports as .xlsx with the list's search, year and order: a county's staff get their region's
	 * reports and never another county's, an enterprise its own only; the headers sort by the whitelist and an unknown
	 * key keeps the default order.
	 */
	@Test
	void theReportsListExportsItsRowsInScopeWithTheListsSearchAndOrder() throws Exception {
		String wuzhong = holder("苏州导出年报甲快递有限公司");
		String xiangcheng = holder("苏州导出年报乙快递有限公司", "320507");
		at(3, 15);
		int last = year() - 1;
		reports.file(new Clerk("甲", null, null, wuzhong, false, false),
				new AnnualReports.ReportData(String.valueOf(last), null, "1000", "5000", "2", "10"));
		reports.file(new Clerk("乙", null, null, xiangcheng, false, false),
				new AnnualReports.ReportData(String.valueOf(last), null, "2000", "6000", "3", "11"));
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/licensing/annual-reports").session(staff))
			.andExpect(content().string(containsString("/licensing/annual-reports/export.xlsx")));

		List<List<String>> rows = ExportedRows.of(mvc, staff, "/licensing/annual-reports/export.xlsx", "q", "导出年报");
		// the region by its name beside its code (addr4 kind 5: a bare code is no place to a reader)
		assertThat(rows.get(0)).startsWith("报告年度", "企业名称", "统一社会信用代码", "区域代码", "所在地", "业务量（件）");
		assertThat(ExportedRows.column(rows, 4)).containsExactly("江苏省苏州市吴中区");
		assertThat(ExportedRows.column(rows, 2)).as("its county's report, not another county's").containsExactly(wuzhong);
		// the volume a count shown #,##0, the revenue ¥ shown #,##0.00 (the export's number formats by the header's unit)
		assertThat(rows.get(1)).contains(String.valueOf(last), "1,000", "5,000.00", "否");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, SignIn.session(mvc, "xc.staff"),
				"/licensing/annual-reports/export.xlsx", "q", "导出年报"), 2)).containsExactly(xiangcheng);
		assertThat(ExportedRows.of(mvc, staff, "/licensing/annual-reports/export.xlsx", "q", "导出年报", "year",
				String.valueOf(last - 1))).as("the year filter").hasSize(1);
		assertThat(ExportedRows.column(ExportedRows.of(mvc, SignIn.session(mvc, "sf.wz"),
				"/licensing/annual-reports/export.xlsx"), 2)).as("an enterprise its own only").doesNotContain(wuzhong, xiangcheng);

		List<String> volumes = ExportedRows.column(ExportedRows.of(mvc, staff, "/licensing/annual-reports/export.xlsx",
				"sort", "business_volume", "dir", "asc"), 5);
		assertThat(volumes.stream().map(v -> Long.parseLong(v.replace(",", ""))).toList()).isSorted();
		// an order the list does not have is refused naming it (kernel.Listing), never answered in another order
		mvc.perform(get("/licensing/annual-reports/export.xlsx").session(staff).param("sort", "credit_code; DROP"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aHolderFilesLastYearsReportInTheWindowAndTheRegistryShowsItOnTheEnterprisePage() throws Exception {
		String code = holder("苏州年报准时快递有限公司");
		at(3, 15);
		// the enterprise on its portal: for itself only
		Clerk own = new Clerk("准时快递", null, null, code, false, false);
		long id = reports.file(own, new AnnualReports.ReportData(String.valueOf(year() - 1), null, "3650000", "18250000.50", "21", "140"));
		AnnualReports.Report r = reports.get(DataScope.enterprise(code), id);
		assertThat(r.late()).isFalse();
		assertThat(r.dueOn()).isEqualTo(LocalDate.of(year(), 4, 30));
		assertThat(r.channel()).isEqualTo("PORTAL");
		long enterpriseId = enterprises.findByCreditCode(code).orElseThrow().id();
		await().atMost(Duration.ofSeconds(60)).until(() -> !copies.of(enterpriseId).isEmpty());
		EnterpriseAnnualReport copy = copies.of(enterpriseId).get(0);
		assertThat(copy.year()).isEqualTo(year() - 1);
		assertThat(copy.businessVolume()).isEqualTo(3_650_000L);
		assertThat(copy.revenue()).isEqualByComparingTo(new BigDecimal("18250000.50"));
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		mvc.perform(get("/registry/enterprises/" + enterpriseId).session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"annual-reports\"")))
			.andExpect(content().string(containsString("3650000")));
		// once a year
		file(CITY, report(year() - 1, code, "1", "1", "1", "1")).andExpect(status().isConflict());
		// another enterprise may not file for it, nor see it
		file(ENTERPRISE, report(year() - 1, code, "1", "1", "1", "1")).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/licensing/annual-reports").param("size", "200").header("Authorization", ENTERPRISE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].creditCode", everyItem(is(LicensingIntegrationTest.enterpriseCode()))));
		mvc.perform(get("/api/v1/licensing/annual-reports").param("year", String.valueOf(year() - 1)).param("q", code)
			.header("Authorization", CITY)).andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
		// the pages render, for staff and for the enterprise
		mvc.perform(get("/licensing/annual-reports").session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"annual-report-form\"")));
		mvc.perform(get("/licensing/annual-reports").session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"annual-reports\"")));
	}

	@Test
	void aReportAfterTheWindowIsLateAndTheLateMissingListShowsBothLateAndMissingHolders() throws Exception {
		String late = holder("苏州年报逾期快递有限公司");
		String missing = holder("苏州年报未报快递有限公司");
		at(5, 10);
		// quantities may come as JSON numbers: checked by the same rules as text, named with their rule
		file(CITY, """
				{"year":%d,"creditCode":"%s","businessVolume":-5,"revenue":2600000.5,"outlets":4.5,"staff":30}"""
			.formatted(year() - 1, late)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("businessVolume")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("outlets")));
		long id = LicensingIntegrationTest.id(file(CITY, """
				{"year":%d,"creditCode":"%s","businessVolume":500000,"revenue":2600000,"outlets":4,"staff":30}"""
			.formatted(year() - 1, late)).andExpect(status().isCreated()));
		assertThat(reports.get(DataScope.all(), id).late()).isTrue();
		String body = mvc.perform(get("/api/v1/licensing/annual-reports/outstanding").param("year", String.valueOf(year() - 1))
			.param("size", "200").header("Authorization", CITY)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> lateStates = JsonPath.read(body, "$.items[?(@.creditCode == '" + late + "')].state");
		List<String> missingStates = JsonPath.read(body, "$.items[?(@.creditCode == '" + missing + "')].state");
		assertThat(lateStates).containsExactly("LATE");
		assertThat(missingStates).containsExactly("MISSING");
		// the county by its name, not its code
		List<String> places = JsonPath.read(body, "$.items[?(@.creditCode == '" + missing + "')].regionName");
		assertThat(places).singleElement().asString().doesNotContainPattern("^\\d+$");
		// pages: one row a page
		mvc.perform(get("/api/v1/licensing/annual-reports/outstanding").param("size", "1").header("Authorization", CITY))
			.andExpect(jsonPath("$.items.length()").value(1));
		// the list is for staff; another county sees none of Wuzhong's holders
		mvc.perform(get("/api/v1/licensing/annual-reports/outstanding").header("Authorization", ENTERPRISE))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/licensing/annual-reports/outstanding").param("size", "200")
			.header("Authorization", OTHER_COUNTY)).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.creditCode == '" + missing + "')]").isEmpty());
		// asked for by region, Wuzhong is out of its scope: 403 as the figures answer, not an empty list (attack round 9)
		mvc.perform(get("/api/v1/licensing/annual-reports/outstanding").param("region", "320506")
			.header("Authorization", OTHER_COUNTY))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].field").value("region"));
		// the page and the .xlsx
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		mvc.perform(get("/licensing/annual-reports/outstanding").param("region", "320506").param("size", "200").session(staff))
			.andExpect(status().isOk()).andExpect(content().string(containsString(missing)));
		byte[] xlsx = mvc.perform(get("/licensing/annual-reports/outstanding.xlsx").param("region", "320506").session(staff))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			String text = new XSSFExcelExtractor((XSSFWorkbook) book).getText();
			assertThat(text).contains("苏州年报未报快递有限公司").contains("苏州年报逾期快递有限公司").contains("逾期报送");
		}
		// the figures count it, the contract's keys unchanged
		mvc.perform(get("/api/v1/licensing/figures").param("region", "3205").param("from", year() + "-05-01")
			.param("to", year() + "-05-31").header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.annualReportsFiled").value(Matchers.greaterThanOrEqualTo(1)))
			.andExpect(jsonPath("$.annualReportsLate").value(Matchers.greaterThanOrEqualTo(1)))
			.andExpect(jsonPath("$.received").isNumber())
			.andExpect(jsonPath("$.preliminaryReviews").isNumber())
			.andExpect(jsonPath("$.onSiteVerifications").isNumber())
			.andExpect(jsonPath("$.approved").isNumber())
			.andExpect(jsonPath("$.refused").isNumber());
	}

	@Test
	void badInputIsA400NamingEachFieldAndNothingIsSaved() throws Exception {
		String code = holder("苏州年报错填快递有限公司");
		at(3, 20);
		file(CITY, report(year() - 1, code, "12.5", "-3", "abc", "")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("businessVolume")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("revenue")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("outlets")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("staff")));
		file(CITY, report(year(), code, "1", "1", "1", "1")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"));
		// a holder without a licence at the year's end owes no report
		file(CITY, report(year() - 1, LicensingIntegrationTest.newCreditCode(), "1", "1", "1", "1")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("creditCode"));
		mvc.perform(get("/api/v1/licensing/annual-reports/outstanding").param("year", "20x5").header("Authorization", CITY))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("year"));
		// the page form refused: the page again with the form as typed and each error naming its field, not the error page
		mvc.perform(post("/licensing/annual-reports").session(SignIn.session(mvc, "sz.admin")).with(csrf())
			.param("year", String.valueOf(year() - 1)).param("creditCode", code).param("businessVolume", "12.5")
			.param("revenue", "-3").param("outlets", "7").param("staff", "30"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"annual-report-form\"")))
			.andExpect(content().string(containsString("value=\"" + code + "\"")))
			.andExpect(content().string(containsString("value=\"12.5\"")))
			.andExpect(content().string(containsString("value=\"30\"")))
			.andExpect(content().string(containsString("data-field=\"businessVolume\"")))
			.andExpect(content().string(containsString("data-field=\"revenue\"")))
			.andExpect(content().string(containsString("业务收入")));
		assertThat(jdbc.sql("SELECT count(*) FROM annual_report WHERE credit_code = :c").param("c", code).query(Long.class).single())
			.isZero();
	}

	@Test
	void remindersGoOutFromTheFirstOfMarchOncePerHolderAndYear() {
		String code = holder("苏州年报催报快递有限公司");
		String key = "annual-report:" + code + ":" + (year() - 1) + ":enterprise";
		at(2, 27);
		reports.remind();
		assertThat(reminded(code)).isZero();
		at(3, 1);
		assertThat(reports.remind()).isPositive();
		assertThat(reminded(code)).isEqualTo(1);
		reports.remind();
		assertThat(reminded(code)).isEqualTo(1);
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM notification WHERE dedupe_key = :k")
			.param("k", key).query(Long.class).single() == 1);
	}

	long reminded(String code) {
		return jdbc.sql("SELECT count(*) FROM annual_report_reminder WHERE credit_code = :c").param("c", code).query(Long.class).single();
	}

	/**
	 * A paper report is entered by the bureau that handles the holder's city (苏州市邮政管理局 for a holder in 吴中): the
	 * province above and the county bureau below are refused 403 naming that bureau, nothing saved; the city enters it.
	 */
	@Test
	void aPaperReportIsEnteredByTheBureauHandlingTheHoldersCityNotTheProvinceAboveNorTheCountyBelow() throws Exception {
		String code = holder("苏州年报经办快递有限公司");
		String json = report(year() - 1, code, "10", "100", "1", "2");
		file("Bearer demo-js-market-token", json).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("本年度报告由苏州市邮政管理局办理")))
			.andExpect(jsonPath("$.detail", containsString("上级机关可以查阅，不能代为办理")));
		file(COUNTY, json).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("下级机关不能代为办理")));
		assertThat(jdbc.sql("SELECT count(*) FROM annual_report WHERE credit_code = :c").param("c", code).query(Long.class).single())
			.as("nothing saved").isZero();
		file(CITY, json).andExpect(status().isCreated());
	}

	/**
	 * The paper report's form is offered only to staff whose bureau receives it (BranchFilings#receives): a county's
	 * staff are not shown a form whose post is refused, the city's are; the province's, offered the form, posting a
	 * Suzhou holder's report is told beside the credit code which bureau enters it — the form again in 403 with the
	 * values typed, never the bare error page.
	 */
	@Test
	void thePaperReportFormIsOfferedOnlyToThoseWhoReceiveItAndARefusalKeepsTheTypedValues() throws Exception {
		assertThat(mvc.perform(get("/licensing/annual-reports").session(SignIn.session(mvc, "wz.staff"))).andReturn()
			.getResponse().getContentAsString()).as("a county's staff").doesNotContain("id=\"annual-report-form\"");
		assertThat(mvc.perform(get("/licensing/annual-reports").session(SignIn.session(mvc, "sz.market"))).andReturn()
			.getResponse().getContentAsString()).as("the city's staff").contains("id=\"annual-report-form\"");
		String code = holder("苏州年报表单快递有限公司");
		var refused = mvc.perform(post("/licensing/annual-reports").session(SignIn.session(mvc, "js.market")).with(csrf())
			.param("year", String.valueOf(year() - 1)).param("creditCode", code).param("businessVolume", "4321")
			.param("revenue", "100").param("outlets", "1").param("staff", "2")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentAsString()).contains("本年度报告由苏州市邮政管理局办理", "id=\"annual-report-form\"", "4321");
		assertThat(jdbc.sql("SELECT count(*) FROM annual_report WHERE credit_code = :c").param("c", code).query(Long.class).single())
			.as("nothing saved").isZero();
	}
}
