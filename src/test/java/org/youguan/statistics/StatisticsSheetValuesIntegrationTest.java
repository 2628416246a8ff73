package org.youguan.statistics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.documents.TypedWorkbook;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.InvalidValueException;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sheets are held to the enterprise form's rules: the history import refuses a fraction of a count, a rate above 100 %
 * and a month not yet ended, each by row; a number merged over several rows is refused (history import and the
 * enterprise's report upload) naming its range; a formula referring to another workbook is refused naming its cell;
 * an uploaded report names every bad cell with its row in one answer.
 * Every file is a real .xlsx built with POI, every refusal imports nothing.
 */
@IntegrationTest
class StatisticsSheetValuesIntegrationTest {

	@Autowired
	HistoryImport history;

	@Autowired
	ReportForms forms;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** A sheet of the history import's headers and the given rows (numbers as number cells), with merged ranges. */
	static byte[] historySheet(List<List<Object>> rows, CellRangeAddress... merged) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("历史数据");
			Row header = sheet.createRow(0);
			for (int c = 0; c < HistoryImport.HEADERS.size(); c++) {
				header.createCell(c).setCellValue(HistoryImport.HEADERS.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					Object v = rows.get(r).get(c);
					if (v instanceof Number n) {
						row.createCell(c).setCellValue(n.doubleValue());
					}
					else if (v != null) {
						row.createCell(c).setCellValue(v.toString());
					}
				}
			}
			for (CellRangeAddress m : merged) {
				sheet.addMergedRegion(m);
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	long historyRows(String region) {
		return jdbc.sql("SELECT count(*) FROM stat_fact WHERE source = 'HISTORY' AND region_code = :region")
			.param("region", region)
			.query(Long.class)
			.single();
	}

	@Test
	void theHistoryImportHoldsEachValueToTheIndicatorsRulesAndEachMonthToHaveEnded() throws Exception {
		String running = YearMonth.now(ChinaTime.ZONE).toString();
		byte[] sheet = historySheet(List.of(
				List.of("express.volume.local", "2015-01", "320506", "", 1.5),
				List.of("express.volume.local", "2015-02", "320506", "", 1000),
				List.of("green.ewaybill.rate", "2015-02", "320506", "", 250),
				List.of("express.volume.local", "2030-01", "320506", "", 10),
				List.of("express.volume.local", running, "320506", "", 10),
				List.of("express.volume.local", "2015-03", "320506", "", 12),
				List.of("express.volume.local", "2015-04", "320506", "", 1e17)));
		long before = historyRows("320506");
		HistoryImport.Result result = history.importFile(DataScope.region("3205"), sheet);
		assertThat(result.imported()).isZero();
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(2, 4, 5, 6, 8);
		assertThat(result.errors()).flatExtracting(RowErrors::errors)
			.extracting(FieldError::field, FieldError::rule)
			.containsExactly(tuple("数值", "integer"), tuple("数值", "rate"), tuple("月份", "range"), tuple("月份", "ended"),
					tuple("数值", "digits"));
		// a year beyond next is told the one year range of every period (not the stored periods' 2099)
		assertThat(result.errors().get(2).errors().get(0).message()).contains("月份的年度应在2000年至"
				+ FiguresPeriod.lastYear(LocalDate.now(ChinaTime.ZONE)) + "年之间").doesNotContain("2099");
		assertThat(result.errors().get(3).errors().get(0).message()).contains("应为已结束的月份").contains(running);
		assertThat(historyRows("320506")).isEqualTo(before);
	}

	/** One value typed in E2 merged over E2:E4 is no value of three months: refused on each row, naming the range. */
	@Test
	void aValueMergedOverSeveralMonthsIsRefusedNamingTheRange() throws Exception {
		byte[] sheet = historySheet(List.of(
				List.of("express.volume.local", "2014-01", "320507", "", 900),
				Arrays.asList("express.volume.local", "2014-02", "320507", "", null),
				Arrays.asList("express.volume.local", "2014-03", "320507", "", null)),
				new CellRangeAddress(1, 3, 4, 4));
		long before = historyRows("320507");
		HistoryImport.Result result = history.importFile(DataScope.region("3205"), sheet);
		assertThat(result.imported()).isZero();
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(2, 3, 4);
		assertThat(result.errors()).allSatisfy(row -> assertThat(row.errors()).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("数值");
			assertThat(e.rule()).isEqualTo("merged");
			assertThat(e.message()).contains("E2:E4").contains("第2–4行");
		}));
		assertThat(historyRows("320507")).isEqualTo(before);
	}

	/** A label merged down (the indicator code over three months) is still each row's: the fill-down grouping stays. */
	@Test
	void aLabelMergedDownIsStillEachRowsLabel() throws Exception {
		byte[] sheet = historySheet(List.of(
				List.of("express.volume.local", "2013-01", "320508", "", 100),
				Arrays.asList(null, "2013-02", "320508", "", 200),
				Arrays.asList(null, "2013-03", "320508", "", 300)),
				new CellRangeAddress(1, 3, 0, 0));
		HistoryImport.Result result = history.importFile(DataScope.region("3205"), sheet);
		assertThat(result.errors()).isEmpty();
		assertThat(result.imported()).isEqualTo(3);
	}

	/** A cached result of a formula reading another workbook ([1]Sheet1!A1, saved 555) is refused naming its cell. */
	@Test
	void aFormulaReferringToAnotherWorkbookIsRefusedNamingItsCell() throws Exception {
		byte[] sheet;
		byte[] typed = historySheet(List.of(List.of("express.volume.local", "2012-01", "320509", "", 1)));
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(typed));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.getSheetAt(0).getRow(1).getCell(4).setCellFormula("SUM(555)");
			book.getCreationHelper().createFormulaEvaluator().evaluateAll();
			book.write(out);
			sheet = TypedWorkbook.withSheetXml(out.toByteArray(), "<f>SUM\\(555\\)</f>", "<f>[1]Sheet1!A1</f>");
		}
		long before = historyRows("320509");
		assertThatThrownBy(() -> history.importFile(DataScope.region("3205"), sheet))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> {
					assertThat(e.field()).isEqualTo("file");
					assertThat(e.rule()).isEqualTo("external-link");
					assertThat(e.message()).contains("E2").contains("[1]Sheet1!A1");
				}));
		assertThat(historyRows("320509")).isEqualTo(before);
	}

	/**
	 * The enterprise's report upload: 55 typed in D2 merged over D2:D5 would set four indicators (万元 and 件 mixed);
	 * refused naming the range, nothing saved.
	 */
	@Test
	void anUploadedReportValueMergedOverSeveralIndicatorsIsRefused() throws Exception {
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		String location = EnterpriseReportPages.open(mvc, sf, forms.byCode("monthly").id(), "2002-06");
		byte[] template = mvc.perform(get(location + "/sheet.xlsx").session(sf)).andReturn().getResponse().getContentAsByteArray();
		byte[] filled;
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.getSheetAt(0);
			sheet.getRow(1).createCell(3).setCellValue(55);
			sheet.addMergedRegion(new CellRangeAddress(1, 4, 3, 3));
			book.write(out);
			filled = out.toByteArray();
		}
		mvc.perform(multipart(location + "/upload").file(new MockMultipartFile("file", "报表.xlsx", "application/octet-stream", filled))
			.session(sf).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("D2:D5")));
		long id = EnterpriseReportPages.id(location);
		assertThat(jdbc.sql("SELECT count(*) FROM stat_report_value WHERE report_id = :id").param("id", id).query(Long.class)
			.single()).isZero();
	}

	/**
	 * Attack: a sheet with text in row 2, −1 in row 3, 1.5 of a count in row 4 and 1e17 in row 8 answered only row 2's
	 * error, the others came on later uploads (and without their rows). One upload now answers all four, each with its
	 * row and column, and saves nothing.
	 */
	@Test
	void anUploadedReportListsEveryBadCellWithItsRowInOneAnswer() throws Exception {
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		String location = EnterpriseReportPages.open(mvc, sf, forms.byCode("monthly").id(), "2002-07");
		byte[] sheet = new TypedWorkbook(List.of("指标代码", "指标名称", "单位", "本期数值", "说明", "上期数值（参考）"))
			.row(List.of("postal.total", "邮政行业业务总量", "万元", "abc", "", ""))
			.row(List.of("postal.revenue", "邮政行业业务收入", "万元", -1, "", ""))
			.row(List.of("postal.delivery.volume", "邮政寄递服务业务量", "件", 1.5, "", ""))
			.row(List.of("postal.delivery.revenue", "邮政寄递服务业务收入", "万元", 10, "", ""))
			.row(List.of("express.volume.local", "快递业务量（同城）", "件", 100, "", ""))
			.row(List.of("express.volume.intercity", "快递业务量（异地）", "件", 200, "", ""))
			.row(List.of("express.volume.international", "快递业务量（国际及港澳台）", "件", 1e17, "", ""))
			.bytes();
		String page = mvc.perform(multipart(location + "/upload")
			.file(new MockMultipartFile("file", "报表.xlsx", "application/octet-stream", sheet)).session(sf).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("第2行“本期数值”：邮政行业业务总量应为数字：“abc”不是数字")
			.contains("第3行“本期数值”：邮政行业业务收入不能为负数")
			.contains("第4行“本期数值”：邮政寄递服务业务量应为整数（单位：件），不能有小数")
			.contains("第8行“本期数值”：快递业务量（国际及港澳台）超出允许的位数（最多14位整数、4位小数）");
		long id = EnterpriseReportPages.id(location);
		assertThat(jdbc.sql("SELECT count(*) FROM stat_report_value WHERE report_id = :id").param("id", id).query(Long.class)
			.single()).isZero();
	}
}
