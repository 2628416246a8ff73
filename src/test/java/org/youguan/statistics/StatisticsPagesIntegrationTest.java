package org.youguan.statistics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class StatisticsPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Aggregates aggregates;

	@Autowired
	Indicators indicators;

	@Autowired
	HistoryImport history;

	@Autowired
	Completeness completeness;

	@Autowired
	ReportForms forms;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	byte[] bytes(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	@Test
	void staffSeeEveryViewWithItsTableAndExport() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		mvc.perform(get("/statistics").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"chart-trend\"")))
			.andExpect(content().string(containsString("id=\"table-regions\"")))
			.andExpect(content().string(containsString("吴中区")))
			.andExpect(content().string(containsString("同城")));
		for (String view : List.of("trend", "regions", "brands", "composition")) {
			try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes(staff, "/statistics/export/" + view + ".xlsx")))) {
				assertThat(book.getSheetAt(0).getLastRowNum()).as(view).isPositive();
			}
		}
		for (String page : List.of("/statistics/reports", "/statistics/reports?status=SUBMITTED", "/statistics/completeness",
				"/statistics/targets", "/statistics/catalogue", "/statistics/history/import")) {
			mvc.perform(get(page).session(staff)).andExpect(status().isOk());
		}
		mvc.perform(get("/statistics").param("region", "3206").session(staff)).andExpect(status().isForbidden());
	}

	@Test
	void theBulletinReadsLikeOne() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.leader");
		int year = YearMonth.now(ChinaTime.ZONE).minusMonths(1).getYear();
		byte[] docx = bytes(staff, "/statistics/bulletin.docx?year=" + year + "&through=6");
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains(year + "年1–6月江苏省苏州市邮政行业运行情况")
				.contains("全市快递业务量累计完成")
				.as("the only city of its province with data is not ranked among one").doesNotContain("排名第1（共1个）")
				.contains("吴中区")
				.doesNotContain("${");
		}
	}

	@Test
	void completenessListsTheMissingAndTheyAreReminded() throws Exception {
		ReportForm monthly = forms.byCode("monthly");
		Period current = forms.currentPeriod(monthly);
		var summary = completeness.summary(DataScope.region("3205"), monthly, current);
		assertThat(summary.expected()).isGreaterThan(summary.received());
		// (no report of the period now being reported can be late yet: the demo submits nothing after now)
		assertThat(summary.outstanding()).anySatisfy(l -> assertThat(l.missing()).isTrue());
		long missing = summary.lines().stream().filter(Completeness.Line::missing).findFirst().orElseThrow().enterpriseId();
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		// once a day per enterprise and period: the demo (and other tests) reminded them today already
		ReminderDays.afterTheLastReminder(jdbc, clock, monthly.id(), current.code());
		try {
			mvc.perform(post("/statistics/completeness/remind").session(staff).with(csrf())
				.param("form", String.valueOf(monthly.id())).param("period", current.code()))
				.andExpect(redirectedUrlPattern("/statistics/completeness*"))
				.andExpect(MockMvcResultMatchers.flash().attributeExists("message"));
		}
		finally {
			clock.reset();
		}
		assertThat(completeness.reminders(missing)).anySatisfy(r -> {
			assertThat(r.sentBy()).isEqualTo("苏州市邮政管理局");
			assertThat(r.period()).isEqualTo(current.code());
		});
		mvc.perform(get("/enterprise/statistics").session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(current.label())));
	}

	/**
	 * The completeness view names each reporter's region as users know it — the code in the cell's tooltip — and so
	 * does its .xlsx (a column of names, one of codes); its shares are rounded down, so 599 of 600 reported is 99 %,
	 * never 100 %.
	 */
	@Test
	void completenessShowsRegionNamesWithTheCodeBesideAndNeverRoundsUpToEveryone() throws Exception {
		ReportForm monthly = forms.byCode("monthly");
		Period current = forms.currentPeriod(monthly);
		var summary = completeness.summary(DataScope.region("3205"), monthly, current);
		Completeness.Line line = summary.outstanding().get(0);
		assertThat(line.regionName()).startsWith("江苏省苏州市").doesNotContainPattern("\\d");
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		var page = Jsoup.parse(mvc.perform(get("/statistics/completeness").session(staff)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		var cells = page.select("#outstanding td.region");
		assertThat(cells).isNotEmpty().allSatisfy(td -> {
			assertThat(td.text()).startsWith("江苏省苏州市").doesNotContainPattern("\\d");
			assertThat(td.attr("title")).matches("行政区划代码：3205\\d*");
		});
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes(staff, "/statistics/completeness/export.xlsx")))) {
			XSSFSheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("地区");
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("行政区划代码");
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).startsWith("江苏省苏州市").doesNotContainPattern("\\d");
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).startsWith("3205");
		}
		var nearlyAll = new Completeness.Summary(monthly, current, summary.dueOn(), false, 600, 599, 599, 0, List.of());
		assertThat(nearlyAll.receivedPercent()).isEqualTo(99);
		assertThat(nearlyAll.onTimePercent()).isEqualTo(99);
	}

	/**
	 * A typed value sent back in the redirect's address is encoded: braces were read as a URI template (500, "Model has
	 * no value for key"), an ampersand added parameters to the page.
	 */
	@Test
	void typedValuesInTheAddressSentBackToAreEncoded() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.admin");
		// a region that is no region code names none: refused before the step (400 naming its format), never sent back
		// in an address
		mvc.perform(post("/statistics/targets").session(staff).with(csrf()).param("region", "{foo}").param("year", "2026")
			.param("indicator", "express.volume").param("targetValue", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("行政区划代码")));
		mvc.perform(post("/statistics/targets").session(staff).with(csrf()).param("region", "３２０５").param("year", "2026")
			.param("indicator", "express.volume").param("targetValue", "abc"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/statistics/targets?region=*&year=2026"));
		mvc.perform(post("/statistics/completeness/remind").session(staff).with(csrf()).param("form", "1")
			.param("period", "{x}&y=<b>"))
			.andExpect(status().is3xxRedirection())
			// no period, no 报送进度 page of it: back to the form's page, the typed text in no address (attack 52)
			.andExpect(redirectedUrlPattern("/statistics/completeness?form=1"));
		String ended = java.time.YearMonth.now(org.youguan.platform.ChinaTime.ZONE).minusYears(2).toString();
		mvc.perform(post("/statistics/completeness/remind").session(staff).with(csrf()).param("form", "1")
			.param("period", ended))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/statistics/completeness?form=1&period=" + ended));
	}

	@Test
	void pastYearsAreImportedAllOrNothing() throws Exception {
		var good = sheet(List.of(List.of("express.volume.local", "2019-03", "3205", "顺丰", "1,000"),
				List.of("express.volume.intercity", "2019-03", "3205", "顺丰", "4000")));
		var result = history.importFile(DataScope.region("3205"), good);
		assertThat(result.imported()).isEqualTo(2);
		Slice march = new Slice("3205", null, YearMonth.of(2019, 3), YearMonth.of(2019, 3));
		assertThat(aggregates.value(indicators.get("express.volume"), march)).isEqualByComparingTo("5000");
		var again = history.importFile(DataScope.region("3205"), sheet(List.of(List.of("express.volume.local", "2019-03", "3205", "顺丰", "1500"))));
		assertThat(again.replaced()).isEqualTo(1);
		assertThat(aggregates.value(indicators.get("express.volume"), march)).isEqualByComparingTo("5500");

		int year = YearMonth.now(ChinaTime.ZONE).minusMonths(1).getYear() - 1;
		var bad = history.importFile(DataScope.region("3205"), sheet(List.of(
				List.of("express.volume", "2019-04", "3205", "", "1"),
				List.of("express.volume.local", "2019-13", "3205", "", "1"),
				List.of("express.volume.local", "2019-04", "3206", "", "1"),
				List.of("express.volume.local", year + "-04", "320506", "", "1"),
				List.of("express.volume.local", "2019-04", "3205", "", "-3"),
				List.of("express.volume.local", "2019-05", "3205", "", "7"))));
		assertThat(bad.rejected()).isTrue();
		assertThat(bad.errors()).extracting(e -> e.errors().get(0).rule())
			.containsExactly("derived", "period", "scope", "reported", "non-negative");
		assertThat(aggregates.value(indicators.get("express.volume.local"),
				new Slice("3205", null, YearMonth.of(2019, 5), YearMonth.of(2019, 5)))).isNull();
	}

	/**
	 * A rate averaged over units is a rate: rounded down (attack 48: 100 % on a million parcels, 99.99 % on one and
	 * 99.9999 % on ten gave 100.0000 on the API and 100.00 % on the page; a rate is now typed with 2 decimals at most).
	 */
	@Test
	void aWeightedRateIsNeverRoundedUpToAHundred() throws Exception {
		var file = sheet(List.of(List.of("express.volume.local", "2011-01", "320102", "", "1000000"),
				List.of("green.ewaybill.rate", "2011-01", "320102", "", "100"),
				List.of("express.volume.local", "2011-01", "320104", "", "1"),
				List.of("green.ewaybill.rate", "2011-01", "320104", "", "99.99"),
				List.of("express.volume.local", "2011-01", "320105", "", "10"),
				List.of("green.ewaybill.rate", "2011-01", "320105", "", "99.98")));
		assertThat(history.importFile(DataScope.region("32"), file).errors()).isEmpty();
		Indicator rate = indicators.get("green.ewaybill.rate");
		BigDecimal value = aggregates.value(rate, new Slice("3201", null, YearMonth.of(2011, 1), YearMonth.of(2011, 1)));
		assertThat(value).isLessThan(new BigDecimal("100")).isEqualByComparingTo("99.9999");
		assertThat(rate.shown(value)).isEqualByComparingTo("99.99");
		assertThat(rate.shown(new BigDecimal("99.9999"))).isEqualByComparingTo("99.99");
		assertThat(indicators.get("express.revenue").shown(new BigDecimal("2.00505"))).as("万元 to the 4 decimals kept").isEqualByComparingTo("2.0051");
	}

	@Test
	void anEnterpriseFillsAPeriodOnThePageAndFromItsSheet() throws Exception {
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/statistics").session(sf))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("邮政行业运行情况月报")));
		String location = EnterpriseReportPages.open(mvc, sf, forms.byCode("green-care").id(), "2023-Q3");
		String page = mvc.perform(get(location).session(sf)).andExpect(content().string(containsString("可循环快递箱")))
			.andReturn().getResponse().getContentAsString();
		// the enterprise reads each indicator by its name: the catalogue's code stays on the bureau's pages
		assertThat(Jsoup.parse(page).select("#report-lines tbody td:first-child").text()).contains("可循环快递箱")
			.doesNotContain("green.reusable.boxes");
		mvc.perform(post(location).session(sf).with(csrf()).param("action", "submit").param("values.green.reusable.boxes", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不能为负数")))
			.andExpect(content().string(containsString("请填写新能源车辆保有量")));
		// grouped thousands as money reads them: a comma out of its place is told, not read as 100
		mvc.perform(post(location).session(sf).with(csrf()).param("action", "save").param("values.green.reusable.boxes", "1,00"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("千分位逗号应每三位一个")));

		byte[] template = bytes(sf, location + "/sheet.xlsx");
		byte[] filled;
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.getSheetAt(0);
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				sheet.getRow(r).createCell(3).setCellValue(r == 2 ? "很多" : "10");
			}
			book.write(out);
			filled = out.toByteArray();
		}
		mvc.perform(multipart(location + "/upload").file(new MockMultipartFile("file", "报表.xlsx", "application/octet-stream", filled))
			.session(sf).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("第3行“本期数值”：")))
			.andExpect(content().string(containsString("应为数字：“很多”不是数字")));
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(filled)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.getSheetAt(0).getRow(2).getCell(3).setCellValue("12");
			book.write(out);
			mvc.perform(multipart(location + "/upload").file(new MockMultipartFile("file", "报表.xlsx", "application/octet-stream", out.toByteArray()))
				.session(sf).with(csrf()))
				.andExpect(redirectedUrlPattern("/enterprise/statistics/reports/*"));
		}
		mvc.perform(post(location).session(sf).with(csrf()).param("action", "submit")
			.params(filledForm(location, sf)))
			.andExpect(redirectedUrlPattern("/enterprise/statistics/reports/*"));
		mvc.perform(get(location).session(sf)).andExpect(content().string(containsString("已报送")));
	}

	@Test
	void eachSideStaysOnItsOwnPages() throws Exception {
		mvc.perform(get("/statistics").session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isForbidden());
		mvc.perform(get("/enterprise/statistics").session(SignIn.session(mvc, "sz.market"))).andExpect(status().isForbidden());
		mvc.perform(post("/statistics/catalogue/forms/1").session(SignIn.session(mvc, "sz.market")).with(csrf())
			.param("dueDay", "7")).andExpect(status().isForbidden());
		mvc.perform(post("/statistics/catalogue/indicators").session(SignIn.session(mvc, "sz.admin")).with(csrf())
			.param("code", "x.y")).andExpect(status().isForbidden());
	}

	@Test
	void aBureauAdministratorCannotChangeANationalFormOnThePageOrWithAToken() throws Exception {
		ReportForm monthly = forms.all().stream().filter(f -> f.regionPrefix().isEmpty()).findFirst().orElseThrow();
		int due = monthly.dueDay();
		mvc.perform(post("/statistics/catalogue/forms/" + monthly.id()).session(SignIn.session(mvc, "sz.admin")).with(csrf())
			.param("dueDay", "28").param("types", "EXPRESS")).andExpect(status().isForbidden());
		mvc.perform(post("/statistics/catalogue/forms/" + monthly.id()).header("Authorization", "Bearer demo-sz-admin-token")
			.param("dueDay", "28").param("types", "EXPRESS")).andExpect(status().isForbidden());
		assertThat(forms.get(monthly.id()).dueDay()).isEqualTo(due);
		mvc.perform(get("/statistics/catalogue").session(SignIn.session(mvc, "sz.admin")))
			.andExpect(content().string(Matchers.not(containsString("/statistics/catalogue/forms/" + monthly.id()))));
	}

	/** The values the draft holds now, as the page would post them back. */
	private MultiValueMap<String, String> filledForm(String location, MockHttpSession sf) {
		var form = new LinkedMultiValueMap<String, String>();
		long id = EnterpriseReportPages.id(location);
		forms.indicators(forms.byCode("green-care").id()).stream().filter(i -> !i.derived())
			.forEach(i -> form.add("values." + i.code(), i.code().equals("green.recycled.boxes") ? "12" : "10"));
		return form;
	}

	static byte[] sheet(List<List<String>> rows) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.createSheet("历史数据");
			var head = sheet.createRow(0);
			for (int c = 0; c < HistoryImport.HEADERS.size(); c++) {
				head.createCell(c).setCellValue(HistoryImport.HEADERS.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void administratorsConfigureFormsAndAddIndicatorsWithFormulas() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		ReportForm quarterly = forms.byCode("green-care");
		mvc.perform(post("/statistics/catalogue/forms/" + quarterly.id()).session(admin).with(csrf()).param("dueDay", "12")
			.param("types", "EXPRESS").param("types", "POSTAL").param("regionPrefix", ""))
			.andExpect(redirectedUrlPattern("/statistics/catalogue*"));
		assertThat(forms.get(quarterly.id()).dueDay()).isEqualTo(12);
		mvc.perform(post("/statistics/catalogue/forms/" + quarterly.id()).session(admin).with(csrf()).param("dueDay", "31"))
			.andExpect(MockMvcResultMatchers.flash().attributeExists("errors"));
		String code = "local.bags" + System.nanoTime() % 100000;
		mvc.perform(post("/statistics/catalogue/indicators").session(admin).with(csrf()).param("code", code)
			.param("name", "环保袋总数" + code.substring("local.bags".length())).param("unit", "个")
			.param("valueType", "INTEGER").param("aggregation", "SUM")
			.param("formula", "green.reusable.boxes + green.transfer.bags"))
			.andExpect(redirectedUrlPattern("/statistics/catalogue*"));
		Indicator added = indicators.get(code);
		assertThat(added.derived()).isTrue();
		// attack round 4: a second indicator of the same name (here in full width) could not be told apart
		mvc.perform(post("/statistics/catalogue/indicators").session(admin).with(csrf()).param("code", code + "x")
			.param("name", "环保袋总数" + fullWidthDigits(code.substring("local.bags".length()))).param("unit", "个")
			.param("valueType", "INTEGER").param("aggregation", "SUM"))
			.andExpect(MockMvcResultMatchers.flash().attributeExists("errors"));
		assertThat(indicators.find(code + "x")).isEmpty();
		Slice slice = new Slice("3205", null, YearMonth.of(YearMonth.now(ChinaTime.ZONE).getYear() - 1, 1),
				YearMonth.of(YearMonth.now(ChinaTime.ZONE).getYear() - 1, 12));
		assertThat(aggregates.value(added, slice)).isEqualByComparingTo(aggregates.value(indicators.get("green.reusable.boxes"), slice)
			.add(aggregates.value(indicators.get("green.transfer.bags"), slice)));
		mvc.perform(post("/statistics/catalogue/indicators").session(admin).with(csrf()).param("code", "bad code")
			.param("name", "错").param("unit", "个").param("valueType", "INTEGER").param("aggregation", "SUM")
			.param("formula", "no.such + "))
			.andExpect(MockMvcResultMatchers.flash().attributeExists("errors"));
	}

	/** The text with its ASCII digits in full width (０–９), as a Chinese input method types them. */
	static String fullWidthDigits(String text) {
		StringBuilder b = new StringBuilder();
		text.chars().forEach(c -> b.append(c >= '0' && c <= '9' ? (char) (c - '0' + '\uFF10') : (char) c));
		return b.toString();
	}

	/**
	 * A form's region is read as every region field is (attack: any digit string was stored): a code naming no region
	 * is refused (rule {@code exists}), and so is a township (rule {@code county-level}); nothing is changed.
	 */
	@Test
	void aFormsRegionMustBeAnExistingRegionDownToACounty(@Autowired org.youguan.org.UserDirectory directory) {
		ReportForm quarterly = forms.byCode("green-care");
		org.youguan.org.CurrentUser admin = directory.principal("sys.admin").orElseThrow();
		List<org.youguan.registry.EnterpriseType> types = List.of(org.youguan.registry.EnterpriseType.EXPRESS);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> forms.configure(admin, quarterly.id(), quarterly.dueDay(),
				types, null, "999999"))
			.isInstanceOfSatisfying(org.youguan.kernel.InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(org.youguan.kernel.FieldError::field, org.youguan.kernel.FieldError::rule)
				.containsExactly(org.assertj.core.api.Assertions.tuple("regionPrefix", "exists")));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> forms.configure(admin, quarterly.id(), quarterly.dueDay(),
				types, null, "３２０５０６００１"))
			.isInstanceOfSatisfying(org.youguan.kernel.InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(org.youguan.kernel.FieldError::rule).containsExactly("county-level"));
		assertThat(forms.get(quarterly.id()).regionPrefix()).isEqualTo(quarterly.regionPrefix());
	}
}

