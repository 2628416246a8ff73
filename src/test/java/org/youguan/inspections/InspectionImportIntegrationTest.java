package org.youguan.inspections;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Rows;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The .xlsx import of past inspections (issue 14 "Migration of past records"), with files built by POI as bureaus
 * make them: a good sheet is recorded whole (marked imported, audited, in the enterprise's region); a sheet with bad
 * rows reports every one of them by row number, column and rule and saves nothing; real sheets' quirks (a merged
 * title, a two-row header, date cells and dates as text, numbers typed as numbers or text, stray spaces, blank
 * bordered rows) are read as a person reads them; a file that is no workbook or too large is a 4xx naming "file".
 */
@IntegrationTest
class InspectionImportIntegrationTest {

	static final String WUZHONG_TOKEN = "Bearer demo-wz-staff-token";

	static final List<String> HEADERS = List.of("企业统一社会信用代码", "检查日期", "检查类型", "检查事项", "检查人员1姓名", "检查人员1执法证号",
			"检查人员2姓名", "检查人员2执法证号", "检查人员3姓名", "检查人员3执法证号", "检查结果", "检查发现的问题", "检查地点", "责令改正通知书文号",
			"下达日期", "整改期限", "整改完成日期");

	@Autowired
	MockMvc mvc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JdbcClient jdbc;

	List<EnterpriseView> wuzhong() {
		return enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE, PageQuery.of(null, 0, 5, null, null))
			.items();
	}

	/**
	 * A 责令改正通知书 文号 of 2017 no other test uses, written as {@code Text.documentNumber} stores it (〔2017〕, nine
	 * digits, 号) so that it is found as typed.
	 */
	static String orderNumber() {
		return "吴邮管责改〔2017〕" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L) + "号";
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A workbook of the given rows under the given header rows; LocalDate values are date cells shown yyyy-mm-dd. */
	static byte[] book(List<List<?>> headerRows, List<List<?>> rows, int borderedBlankRows, CellRangeAddress... merged)
			throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("检查记录");
			CellStyle date = book.createCellStyle();
			date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
			int r = 0;
			for (List<?> values : headerRows) {
				write(sheet.createRow(r++), values, date);
			}
			for (List<?> values : rows) {
				write(sheet.createRow(r++), values, date);
			}
			CellStyle border = book.createCellStyle();
			border.setBorderBottom(BorderStyle.THIN);
			for (int i = 0; i < borderedBlankRows; i++) {
				Row blank = sheet.createRow(r++);
				for (int c = 0; c < 5; c++) {
					blank.createCell(c).setCellStyle(border);
				}
			}
			for (CellRangeAddress m : merged) {
				sheet.addMergedRegion(m);
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	static void write(Row row, List<?> values, CellStyle date) {
		for (int c = 0; c < values.size(); c++) {
			Object v = values.get(c);
			if (v == null) {
				continue;
			}
			Cell cell = row.createCell(c);
			if (v instanceof LocalDate d) {
				cell.setCellValue(d);
				cell.setCellStyle(date);
			}
			else if (v instanceof Number n) {
				cell.setCellValue(n.doubleValue());
			}
			else {
				cell.setCellValue(v.toString());
			}
		}
	}

	static List<Object> row(Object... values) {
		return new ArrayList<>(Arrays.asList(values));
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single();
	}

	MockMultipartFile file(byte[] content) {
		return new MockMultipartFile("file", "历史检查.xlsx", "application/octet-stream", content);
	}

	@Test
	void aGoodSheetIsRecordedWholeMarkedImportedAndAudited() throws Exception {
		List<EnterpriseView> e = wuzhong();
		String a = e.get(0).creditCode();
		String b = e.get(1).creditCode();
		String number = orderNumber();
		String c1 = unique("IMP"), c2 = unique("IMP"), c3 = unique("IMP");
		byte[] sheet = book(List.of(HEADERS), List.of(
				row(a, LocalDate.of(2017, 3, 1), "专项检查", "实名收寄、SCREENING", "张三", c1, "李四", c2, null, null, "无问题", null,
						"吴中区某路1号"),
				row(b, LocalDate.of(2017, 4, 1), "SUPERVISION", "过机安检", "张三", c1, "李四", c2, "王五", c3, "责令改正", "安检机未开启", null,
						number, LocalDate.of(2017, 4, 1), LocalDate.of(2017, 4, 17), LocalDate.of(2017, 4, 10)),
				row(b, LocalDate.of(2017, 5, 1), "投诉举报核查", "投诉处理", "张三", c1, "李四", c2, null, null, "立案线索", "拒不整改")),
				0);
		long before = count();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(multipart("/inspections/import").file(file(sheet)).session(staff).with(csrf()))
			.andExpect(redirectedUrl("/inspections"));
		assertThat(count()).isEqualTo(before + 3);
		record Stored(long id, String regionCode, String kind, String outcome, boolean imported, String place) {
		}
		List<Stored> stored = jdbc.sql("""
				SELECT r.id, r.region_code, r.kind, r.outcome, r.imported, r.place FROM inspection_record r
				WHERE r.id IN (SELECT record_id FROM inspection_record_inspector WHERE certificate_number = :c) ORDER BY r.inspected_on""")
			.param("c", Inspectors.certificateNumber(c1)).query(Rows.of(Stored.class)).list();
		assertThat(stored).extracting(Stored::kind).containsExactly("SPECIAL", "SUPERVISION", "COMPLAINT");
		assertThat(stored).extracting(Stored::outcome).containsExactly("NONE", "RECTIFICATION", "LEAD");
		assertThat(stored).allSatisfy(s -> {
			assertThat(s.imported()).isTrue();
			assertThat(s.regionCode()).startsWith("320506");
		});
		assertThat(stored.get(0).place()).isEqualTo("吴中区某路1号");
		assertThat(jdbc.sql("SELECT item_code FROM inspection_record_item WHERE record_id = :id ORDER BY item_code")
			.param("id", stored.get(0).id()).query(String.class).list()).containsExactly("REAL_NAME", "SCREENING");
		assertThat(jdbc.sql("SELECT count(*) FROM inspection_record_inspector WHERE record_id = :id")
			.param("id", stored.get(1).id()).query(Long.class).single()).isEqualTo(3);
		record Order(LocalDate issuedOn, LocalDate dueOn, LocalDate rectifiedOn, String status) {
		}
		assertThat(jdbc.sql("SELECT issued_on, due_on, rectified_on, status FROM rectification_order WHERE number = :n")
			.param("n", number).query(Rows.of(Order.class)).single())
			.isEqualTo(new Order(LocalDate.of(2017, 4, 1), LocalDate.of(2017, 4, 17), LocalDate.of(2017, 4, 10), "ACCEPTED"));
		for (Stored s : stored) {
			assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'inspection' AND object_id = :id AND action = 'inspection.import'")
				.param("id", String.valueOf(s.id())).query(Long.class).single()).isEqualTo(1);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'inspection.import-file' AND summary LIKE '%3条%'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(1);

		// the same file again would double the figures: every row is refused as recorded already, nothing is saved
		mvc.perform(multipart("/inspections/import").file(file(sheet)).session(staff).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("该检查已有记录")))
			.andExpect(content().string(containsString("责令改正通知书文号已被使用")));
		assertThat(count()).isEqualTo(before + 3);
	}

	@Test
	void everyBadRowIsReportedByRowColumnAndRuleAndNothingIsSaved() throws Exception {
		String a = wuzhong().get(0).creditCode();
		String xiangcheng = enterprises.list(DataScope.region("320507"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 1, null, null)).items().get(0).creditCode();
		String number = orderNumber();
		String c1 = unique("BAD"), c2 = unique("BAD");
		byte[] sheet = book(List.of(HEADERS), List.of(
				// 2: fine on its own — but the file has bad rows, so it is not saved either
				row(a, LocalDate.of(2017, 6, 1), "专项检查", "REAL_NAME", "张三", c1, "李四", c2, null, null, "约谈", "登记不全"),
				// 3: another county's enterprise — not there, told alone: its bad day and type are not judged
				row(xiangcheng, "2017-13-45", "突击检查", "REAL_NAME", "张三", c1, "李四", c2, null, null, "无问题"),
				// 4: a day in the future, an unknown type
				row(a, LocalDate.of(2999, 1, 1), "突击检查", "REAL_NAME", "张三", c1, "李四", c2, null, null, "无问题"),
				// 5: one inspector, an unknown item
				row(a, "2017-06-03", "专项检查", "不存在的事项", "张三", c1, null, null, null, null, "无问题"),
				// 6: 责令改正 without its order, no findings
				row(a, "2017-06-04", "专项检查", "REAL_NAME", "张三", c1, "李四", c2, null, null, "责令改正"),
				// 7 and 8: the same 文号 twice
				row(a, "2017-06-05", "专项检查", "REAL_NAME", "张三", c1, "李四", c2, null, null, "责令改正", "问题", null, number,
						"2017-06-05", "2017-06-20"),
				row(a, "2017-06-06", "专项检查", "REAL_NAME", "张三", c1, "李四", c2, null, null, "责令改正", "问题", null, number,
						"2017-06-06", "2017-06-20"),
				// 9: a deadline before the issue, a date that does not exist, one certificate twice
				row(a, "2017-06-07", "专项检查", "REAL_NAME", "张三", c1, "李四", c1, null, null, "责令改正", "问题", null,
						unique("文号"), "2017-06-07", "2017-06-01", "2017-02-30")),
				0);
		long before = count();
		String page = mvc.perform(multipart("/inspections/import").file(file(sheet)).session(SignIn.session(mvc, "wz.staff"))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("有6行存在错误，未导入任何数据")))
			.andReturn().getResponse().getContentAsString();
		assertThat(count()).isEqualTo(before);
		assertThat(rowsAndColumns(page)).contains("3 企业统一社会信用代码", "4 检查日期", "4 检查类型", "5 检查人员", "5 检查事项",
				"6 责令改正通知书文号", "6 检查发现的问题", "8 责令改正通知书文号", "9 整改期限", "9 整改完成日期", "9 检查人员2执法证号")
			.doesNotContain("2 企业统一社会信用代码", "7 责令改正通知书文号", "3 检查日期", "3 检查类型");
		assertThat(page).contains("企业不存在或不在您的数据权限范围内：" + xiangcheng);
		assertThat(page).contains("检查类型应为双随机抽查、专项检查、督导检查、投诉举报核查、普遍服务监督检查之一", "检查人员不得少于2人",
				"检查事项不在抽查事项清单中：不存在的事项", "责令改正通知书文号与第7行重复", "整改完成日期“2017-02-30”不是存在的日期");
		// the annotated sheet, once, to the uploader
		Matcher link = Pattern.compile("/inspections/import/errors/([0-9a-f-]{36})\\.xlsx").matcher(page);
		assertThat(link.find()).isTrue();
		byte[] annotated = mvc.perform(get(link.group()).session(SignIn.session(mvc, "wz.staff")))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(annotated).isNotEmpty();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
			Row head = book.getSheetAt(0).getRow(0);
			assertThat(head.getCell(HEADERS.size()).getStringCellValue()).isEqualTo("错误");
			assertThat(book.getSheetAt(0).getRow(3).getCell(HEADERS.size()).getStringCellValue()).contains("检查日期");
		}
	}

	/** "row column" pairs of the page's error table. */
	@Autowired
	InspectionImport imports;

	/**
	 * A row repeating an earlier row — the same inspection (enterprise, day, type, team) and the same order 文号 — with a
	 * bad cell of its own is told all at once: the bad cell and both repetitions, not the bad cell alone; nothing saved.
	 */
	@Test
	void aTwinWithABadCellIsToldBothRepetitionsAndTheCell() throws Exception {
		String a = wuzhong().get(0).creditCode();
		String number = orderNumber();
		String c1 = unique("TWN"), c2 = unique("TWN");
		byte[] sheet = book(List.of(HEADERS), List.of(
				row(a, "2017-07-03", "专项检查", "REAL_NAME", "张三", c1, "李四", c2, null, null, "责令改正", "问题", null, number,
						"2017-07-03", "2017-07-17"),
				row(a, "2017-07-03", "专项检查", "不存在的事项", "张三", c1, "李四", c2, null, null, "责令改正", "问题", null, number,
						"2017-07-03", "2017-07-17")),
				0);
		var result = imports.importFile(DataScope.region("320506"), null, sheet);
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).extracting(r -> r.number()).containsExactly(3);
		assertThat(result.errors().get(0).errors()).extracting(e -> e.field() + ":" + e.rule())
			.contains("企业统一社会信用代码:unique", "责令改正通知书文号:unique");
		assertThat(result.errors().get(0).errors()).extracting(e -> e.field()).contains("检查事项");
		assertThat(result.errors().get(0).errors()).extracting(e -> e.message())
			.contains("同一企业、检查日期、检查类型和检查人员的检查与第2行重复", "责令改正通知书文号与第2行重复");
		assertThat(jdbc.sql("SELECT count(*) FROM inspection_record_inspector WHERE certificate_number = :c")
			.param("c", Inspectors.certificateNumber(c1)).query(Long.class).single()).as("nothing saved").isZero();
	}

	static List<String> rowsAndColumns(String page) {
		Matcher m = Pattern.compile("<tr>\\s*<td>(\\d+)</td><td>([^<]+)</td>").matcher(page);
		List<String> found = new ArrayList<>();
		while (m.find()) {
			found.add(m.group(1) + " " + m.group(2));
		}
		return found;
	}

	@Test
	void aRealSpreadsheetIsReadAsAPersonReadsIt() throws Exception {
		String a = wuzhong().get(0).creditCode();
		String number = orderNumber();
		// a title merged across the sheet, then a two-row header: columns merged down both rows, groups merged across
		List<Object> groups = row("企业统一社会信用代码", "检查日期", "检查类型", "检查事项", "检查人员1", null, "检查人员2", null, "检查结果",
				"检查发现的问题", "责令改正通知书", null, null, null);
		List<Object> names = row(null, null, null, null, "姓名", "执法证号", "姓名", "执法证号", null, null, "文号", "下达日期", "整改期限",
				"整改完成日期");
		byte[] sheet = book(List.of(row("吴中区邮政管理局2017年执法检查台账"), groups, names), List.of(
				// a date cell, codes and certificate numbers typed as numbers, spaces (no-break and full-width too)
				row(" " + a + "\u00A0", LocalDate.of(2017, 7, 3), "专项检查 ", "实名收寄，过机安检", "\u3000赵六", 87170601, "钱七 ",
						87170602, "责令改正", "实名登记不全", number, LocalDate.of(2017, 7, 3), "2017年7月17日", 20170715),
				// dates as text in three ways people type them
				row(a, "2017/7/4", "督导检查", "REAL_NAME", "赵六", "87170601", "钱七", "87170602", "无问题", null),
				row(a, "20170705", "投诉核查", "REAL_NAME", "赵六", "87170601", "钱七", "87170602", "约谈", "服务公示不全"),
				row(a, "2017年7月6日", "专项检查", "REAL_NAME", "赵六", "87170601", "钱七", "87170602", "无问题", null)),
				30, new CellRangeAddress(0, 0, 0, 13), new CellRangeAddress(1, 2, 0, 0), new CellRangeAddress(1, 2, 1, 1),
				new CellRangeAddress(1, 1, 4, 5), new CellRangeAddress(1, 1, 6, 7), new CellRangeAddress(1, 1, 10, 13));
		long before = count();
		mvc.perform(multipart("/api/v1/inspections/records/import").file(file(sheet)).header("Authorization", WUZHONG_TOKEN))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.imported").value(4));
		assertThat(count()).isEqualTo(before + 4);
		record Stored(LocalDate inspectedOn, String kind, String enterpriseCreditCode) {
		}
		List<Stored> stored = jdbc.sql("""
				SELECT inspected_on, kind, enterprise_credit_code FROM inspection_record
				WHERE id IN (SELECT record_id FROM inspection_record_inspector WHERE certificate_number = '87170601')
				  AND inspected_on BETWEEN '2017-07-01' AND '2017-07-31' ORDER BY inspected_on""")
			.query(Rows.of(Stored.class)).list();
		assertThat(stored).extracting(Stored::inspectedOn).containsExactly(LocalDate.of(2017, 7, 3), LocalDate.of(2017, 7, 4),
				LocalDate.of(2017, 7, 5), LocalDate.of(2017, 7, 6));
		assertThat(stored).extracting(Stored::kind).containsExactly("SPECIAL", "SUPERVISION", "COMPLAINT", "SPECIAL");
		assertThat(stored).extracting(Stored::enterpriseCreditCode).containsOnly(a);
		assertThat(jdbc.sql("SELECT name FROM inspection_record_inspector WHERE certificate_number = '87170601' LIMIT 1")
			.query(String.class).single()).isEqualTo("赵六");
		record Order(LocalDate issuedOn, LocalDate dueOn, LocalDate rectifiedOn) {
		}
		assertThat(jdbc.sql("SELECT issued_on, due_on, rectified_on FROM rectification_order WHERE number = :n")
			.param("n", number).query(Rows.of(Order.class)).single())
			.isEqualTo(new Order(LocalDate.of(2017, 7, 3), LocalDate.of(2017, 7, 17), LocalDate.of(2017, 7, 15)));
	}

	@Test
	void aFileThatIsNoWorkbookOrTooLargeIsA4xxNamingTheField() throws Exception {
		long before = count();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(multipart("/inspections/import").file(file("企业名称,检查日期\n".getBytes())).session(staff).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"file\"")))
			// a CSV saved under the workbook's name is told as what it is, with the way to save it as .xlsx
			.andExpect(content().string(containsString("文件是CSV文件")))
			.andExpect(content().string(containsString("另存为“Excel工作簿（*.xlsx）”")));
		mvc.perform(multipart("/api/v1/inspections/records/import").file(file("not a workbook".getBytes()))
			.header("Authorization", WUZHONG_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		byte[] large = new byte[21 * 1024 * 1024];
		large[0] = 'P';
		large[1] = 'K';
		mvc.perform(multipart("/api/v1/inspections/records/import").file(file(large)).header("Authorization", WUZHONG_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("20MB")));
		mvc.perform(multipart("/api/v1/inspections/records/import").file(file(book(List.of(List.of("企业名称")), List.of(), 0)))
			.header("Authorization", WUZHONG_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("表头缺少")));
		// rows with errors on the API: 422, each error named by row and column
		String a = wuzhong().get(0).creditCode();
		mvc.perform(multipart("/api/v1/inspections/records/import")
			.file(file(book(List.of(HEADERS), List.of(row(a, "2017-08-01", "专项检查", "REAL_NAME", "张三", unique("X"), null, null,
					null, null, "无问题")), 0)))
			.header("Authorization", WUZHONG_TOKEN))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("第2行·检查人员")));
		assertThat(count()).isEqualTo(before);
		// leaders read but do not import
		mvc.perform(get("/inspections/import").session(SignIn.session(mvc, "sz.leader"))).andExpect(status().isForbidden());
		mvc.perform(get("/inspections/import/template.xlsx").session(staff)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))));
	}

	/**
	 * A 双随机 row is the check of a plan's drawn target: without its plan (抽查计划编号) it is refused on that column, as
	 * the API refuses such a record (a "random" check of a freely chosen enterprise was imported as 双随机 and counted
	 * toward the plan's results); a plan number that is no number or no plan of the bureau is refused too.
	 */
	@Test
	void aRandomInspectionRowMustNameItsPlan() throws Exception {
		String a = wuzhong().get(0).creditCode();
		List<String> headers = new ArrayList<>(HEADERS);
		headers.add("抽查计划编号");
		long before = count();
		for (Object plan : new Object[] { null, "第三号", 999_999_999L }) {
			List<Object> values = row(a, "2017-08-02", "双随机", "REAL_NAME", "张三", unique("R"), "李四", unique("R"), null,
					null, "无问题", null, null, null, null, null, null, plan);
			mvc.perform(multipart("/api/v1/inspections/records/import").file(file(book(List.of(headers), List.of(values), 0)))
				.header("Authorization", WUZHONG_TOKEN))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[*].field", hasItem("第2行·抽查计划编号")));
		}
		assertThat(count()).isEqualTo(before);
	}
}
