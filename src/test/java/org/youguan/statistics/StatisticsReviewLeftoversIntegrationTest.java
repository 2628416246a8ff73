package org.youguan.statistics;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.UserDirectory;
import org.youguan.platform.ChinaTime;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Licences;
import org.youguan.statistics.internal.Aggregation;
import org.youguan.statistics.internal.Coverage;
import org.youguan.statistics.internal.ValueType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Review findings on statistics left over: one year rule ({@link FiguresPeriod}, no first year of statistics' own); the
 * targets export writes exact decimals with their number format; the API document states that exponent notation is
 * refused; who owes a period leaves out suspended units and units cancelled before their day was kept; 报送进度 with
 * nothing owed has no share (无应报, not 0%); the two universal figures document what {@code confidentialChecks} counts.
 */
@IntegrationTest
class StatisticsReviewLeftoversIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Indicators indicators;

	@Autowired
	Targets targets;

	@Autowired
	ReportForms forms;

	@Autowired
	Completeness completeness;

	@Autowired
	Coverage coverage;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Brands brands;

	@Autowired
	Licences licences;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	String token;

	@AfterEach
	void remove() {
		if (token != null) {
			jdbc.sql("DELETE FROM stat_target WHERE indicator_code LIKE :token").param("token", token + ".%").update();
			jdbc.sql("DELETE FROM stat_indicator WHERE code LIKE :token").param("token", token + ".%").update();
		}
	}

	@Test
	void aPeriodsYearIsHeldToTheOneYearRuleOfEveryFiguresQuery() {
		// statistics kept a fourth copy of "2000 is the first year" (Period.FIRST_YEAR and its own requireYear)
		assertThat(Arrays.stream(Period.class.getDeclaredFields())
			.filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == int.class)
			.filter(f -> value(f) == FiguresPeriod.FIRST_YEAR)
			.map(Field::getName)).as("no first year of statistics' own").isEmpty();
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		String told = "年度应在" + FiguresPeriod.FIRST_YEAR + "年至" + FiguresPeriod.lastYear(today) + "年之间";
		assertThatThrownBy(() -> Period.parse(PeriodType.MONTH, (FiguresPeriod.lastYear(today) + 1) + "-01", "period", today))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining(told);
		assertThatThrownBy(() -> FiguresPeriod.year("period", FiguresPeriod.lastYear(today) + 1L, today))
			.hasMessageContaining(told);
	}

	private static int value(Field f) {
		try {
			f.setAccessible(true);
			return f.getInt(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theTargetsExportWritesEveryFigureAsItsExactDecimal() throws Exception {
		token = "slo" + Long.toString(System.nanoTime(), 36);
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		indicators.add(new Indicators.NewIndicator(token + ".a", "甲收入" + token, "万元", ValueType.DECIMAL, Aggregation.SUM,
				null, null, null), null);
		indicators.add(new Indicators.NewIndicator(token + ".b", "乙件数" + token, "件", ValueType.INTEGER, Aggregation.SUM,
				null, null, null), null);
		indicators.add(new Indicators.NewIndicator(token + ".c", "丙收入" + token, "万元", ValueType.DECIMAL, Aggregation.SUM,
				null, null, null), null);
		var admin = directory.principal("ks.admin").orElseThrow();
		targets.set(admin, "320583", year, token + ".a", new BigDecimal("12345678901234.5678"), null);
		targets.set(admin, "320583", year, token + ".b", new BigDecimal("10000000"), null);
		targets.set(admin, "320583", year, token + ".c", new BigDecimal("12.3"), new BigDecimal("12.3"));
		MockHttpSession kunshan = SignIn.session(mvc, "ks.admin");
		byte[] xlsx = mvc.perform(get("/statistics/targets/export.xlsx").param("q", token).session(kunshan))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			Row revenue = row(sheet, "甲收入" + token);
			Cell big = revenue.getCell(2);
			assertThat(big.getCellType()).as("beyond a cell's 15 digits: its exact digits as text, never a rounded double")
				.isEqualTo(CellType.STRING);
			assertThat(big.getStringCellValue()).isEqualTo("12345678901234.5678");
			Cell count = row(sheet, "乙件数" + token).getCell(2);
			assertThat(count.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(BigDecimal.valueOf(count.getNumericCellValue())).isEqualByComparingTo("10000000");
			assertThat(count.getCellStyle().getDataFormatString()).as("a count shown whole, not 1E+07").isEqualTo("#,##0");
			Row small = row(sheet, "丙收入" + token);
			assertThat(small.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0000");
			assertThat(BigDecimal.valueOf(small.getCell(2).getNumericCellValue())).isEqualByComparingTo("12.3");
			assertThat(small.getCell(3).getCellStyle().getDataFormatString()).as("增长目标（%）").isEqualTo("#,##0.00");
			assertThat(small.getCell(8).getCellStyle().getDataFormatString()).as("时间进度（%）").isEqualTo("#,##0.0");
		}
	}

	private static Row row(Sheet sheet, String indicatorName) {
		for (Row r : sheet) {
			if (r.getCell(0) != null && indicatorName.equals(r.getCell(0).getStringCellValue())) {
				return r;
			}
		}
		throw new AssertionError("no row " + indicatorName);
	}

	@Test
	void theApiDocumentSaysExponentNotationIsRefusedAndWhatConfidentialChecksCountsOnEachFigures() throws Exception {
		JsonNode doc = JsonMapper.builder().build().readTree(mvc.perform(get("/api/v1/openapi")
			.header("Authorization", "Bearer demo-sz-admin-token")).andReturn().getResponse().getContentAsString());
		String submit = doc.path("paths").path("/api/v1/statistics/reports").path("post").path("description").asString();
		assertThat(submit).contains("科学计数法（1e5", "规则exponent", "thousands-separator", "currency");
		String universal = doc.path("paths").path("/api/v1/universal/figures").path("get").path("description").asString();
		assertThat(universal).contains("confidentialChecks期间内机要通信检查人次", "不是检查次数", "confidentialVisits");
		String supervision = doc.path("paths").path("/api/v1/universal/supervision/figures").path("get").path("description")
			.asString();
		assertThat(supervision).contains("机要通信检查次数（confidentialChecks，次数而非人次", "检查人次（confidentialVisits");
	}

	/** An express reporter of its own in {@code region}, licensed since {@code since}. */
	long reporter(String region, LocalDate since) {
		String base = "91" + region.substring(0, 6) + "MA" + RandomDigits.of(7);
		String code = base + CreditCode.checkCharacter(base);
		return Reporters.licensedSince(licences, enterprises.register(DataScope.all(), new EnterpriseData(
				"停业测试快递有限公司" + UUID.randomUUID().toString().substring(0, 4), code, EnterpriseType.EXPRESS,
				brands.findByShortName("顺丰").orElseThrow().id(), "张三", "测试路1号", region, "李四", "13912345678"), false),
				since);
	}

	@Test
	void aSuspendedUnitAndOneCancelledOnAnUnknownDayOweNothing() {
		ReportForm monthly = forms.byCode("monthly");
		// read only, nothing approved: 2005-07 of 高邮
		Period month = Period.month(YearMonth.of(2005, 7));
		long operating = reporter("321084", month.start().minusYears(1));
		long suspended = reporter("321084", month.start().minusYears(1));
		long cancelledLongAgo = reporter("321084", month.start().minusYears(1));
		enterprises.suspend(DataScope.all(), suspended, "测试停业");
		enterprises.cancel(DataScope.all(), cancelledLongAgo, "企业已办理市场主体注销登记");
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM stat_unit_closed WHERE enterprise_id = :id")
			.param("id", cancelledLongAgo).query(Long.class).single() == 1);
		// cancelled before V266 kept the day: the register says 注销, statistics knows no day
		jdbc.sql("DELETE FROM stat_unit_closed WHERE enterprise_id = :id").param("id", cancelledLongAgo).update();
		Completeness.Summary summary = completeness.summary(DataScope.region("321084"), monthly, month);
		assertThat(summary.lines()).extracting(Completeness.Line::enterpriseId)
			.contains(operating)
			.doesNotContain(suspended, cancelledLongAgo);
		Coverage.Share share = coverage.of(indicators.get("express.volume"), new Slice("321084", null, month.first(), month.first()));
		assertThat(share.expected()).as("expectedUnits is 应报").isEqualTo(summary.expected());
	}

	@Test
	void nothingOwedIsNoShareOnThePageNorInTheSummary() throws Exception {
		ReportForm monthly = forms.byCode("monthly");
		// nobody in a region of no enterprise owes anything
		Completeness.Summary none = completeness.summary(DataScope.region("659001"), monthly,
				Period.month(YearMonth.of(2000, 2)));
		assertThat(none.expected()).isZero();
		assertThat(none.receivedPercent()).as("no share, not 0 %").isNull();
		assertThat(none.onTimePercent()).isNull();
		// the page of a county where nobody operated yet in January 2000 (the demo's reporters are licensed later)
		MockHttpSession xiangcheng = SignIn.session(mvc, "xc.staff");
		assertThat(completeness.summary(DataScope.region("320507"), monthly, Period.month(YearMonth.of(2000, 1))).expected())
			.isZero();
		mvc.perform(get("/statistics/completeness").param("form", String.valueOf(monthly.id())).param("period", "2000-01")
			.session(xiangcheng))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"received-share\">—（无应报）</small>")))
			.andExpect(content().string(containsString("id=\"ontime-share\">—（无应报）</small>")))
			.andExpect(content().string(not(containsString(">0%</small>"))));
	}
}
