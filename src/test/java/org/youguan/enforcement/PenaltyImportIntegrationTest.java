package org.youguan.enforcement;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.CreditCodes;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.documents.TypedWorkbook;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Rows;
import org.youguan.platform.ChinaTime;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The .xlsx import of past penalty cases read back from real workbooks built with POI: a sheet with a title row, dates
 * as date cells, typed text (full-width digits too), compact numbers and bare Excel day numbers, amounts as ¥8,000.00
 * and 0.2万元, sources and penalties by name or code, is imported whole, marked imported and audited; a sheet with bad
 * rows imports nothing and reports every bad row by number and column — the JSON import's own rules (fine above the
 * maximum, closure of an unpaid fine, unknown violation, future day) and the sheet's (unreadable amount, one 文号
 * twice) — with the annotated sheet to download; a non-xlsx file is a 400 naming the file, an enterprise user is refused.
 */
@IntegrationTest
class PenaltyImportIntegrationTest {

	static final List<Object> HEADERS = List.of("当事人统一社会信用代码", "违法行为", "案件来源", "立案日期", "决定日期", "决定书文号",
			"处罚种类", "罚款金额（元）", "缴款日期", "结案日期", "没收违法所得（元）");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PenaltyCases cases;

	@Autowired
	PartyCases partyCases;

	@Autowired
	CaseInvestigation investigation;

	@Autowired
	java.time.Clock clock;

	@Autowired
	Leads leads;

	@Autowired
	Enterprises enterprises;

	/** A workbook with an optional title row, the header and the rows; LocalDate values are date cells. */
	static byte[] book(String title, List<List<Object>> rows) throws Exception {
		return book(HEADERS, title, rows);
	}

	/** As {@link #book(String, List)} with {@code headers}. */
	static byte[] book(List<Object> headers, String title, List<List<Object>> rows) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("历史处罚案件");
			CellStyle date = book.createCellStyle();
			date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
			int r = 0;
			if (title != null) {
				sheet.createRow(r++).createCell(0).setCellValue(title);
			}
			write(sheet.createRow(r++), headers, date);
			for (List<Object> values : rows) {
				write(sheet.createRow(r++), values, date);
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	static void write(Row row, List<Object> values, CellStyle date) {
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

	static MockMultipartFile file(byte[] content) {
		return new MockMultipartFile("file", "历史处罚案件.xlsx", "application/octet-stream", content);
	}

	static String number() {
		return number(2024);
	}

	/** A 文号 of {@code year} (a decision's 文号 bears its year). */
	static String number(int year) {
		return "苏吴邮管罚〔" + year + "〕T" + UUID.randomUUID().toString().substring(0, 8) + "号";
	}

	/** The page's answer to a sheet refused as a whole (422), having saved nothing. */
	String refused(byte[] sheet) throws Exception {
		long before = count();
		String page = mvc.perform(multipart("/enforcement/import").file(file(sheet)).session(SignIn.session(mvc, "wz.staff"))
			.with(csrf())).andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(count()).isEqualTo(before);
		return page;
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM penalty_case").query(Long.class).single();
	}

	record Stored(String status, String violationCode, String source, String penalty, BigDecimal fine, LocalDate filedOn,
			LocalDate decidedOn, LocalDate paidOn, LocalDate closedOn, boolean imported) {
	}

	Stored stored(String decisionNumber) {
		return jdbc.sql("""
				SELECT status, violation_code, source, penalty, fine, filed_on, decided_on, paid_on, closed_on, imported
				FROM penalty_case WHERE decision_number = :n""").param("n", decisionNumber).query(Rows.of(Stored.class)).single();
	}

	@Test
	void aRealSheetIsImportedWholeMarkedImportedAndAudited() throws Exception {
		PartyCases party = partyCases;
		EnterpriseView e = party.other();
		String a = number(), b = number(), c = number();
		double serial = DateUtil.getExcelDate(LocalDate.of(2024, 6, 10));
		byte[] sheet = book("苏州市吴中区邮政管理局历史行政处罚案件（2024年）", List.of(
				row(e.creditCode(), "开办快递末端网点未备案或擅自停止经营", "举报", LocalDate.of(2024, 3, 5), "2024年5月20日", a, "罚款",
						"¥8,000.00", 20240601, serial),
				row(" " + e.creditCode() + "\u3000", "DATA_NOT_REPORTED", "INSPECTION", "２０２４-０７-０１", "2024/8/1", b, "警告", null,
						null, null),
				row(e.creditCode(), "未按规定报送快递业务数据", "移交", "2024.9.2", LocalDate.of(2024, 10, 8), c, "FINE", "0.2万元", null,
						null)));
		long before = count();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(multipart("/enforcement/import").file(file(sheet)).session(staff).with(csrf()))
			.andExpect(redirectedUrl("/enforcement/cases?open=false"));
		assertThat(count()).isEqualTo(before + 3);
		assertThat(stored(a)).isEqualTo(new Stored("CLOSED", "OUTLET_UNFILED", "REPORT", "FINE", new BigDecimal("8000.00"),
				LocalDate.of(2024, 3, 5), LocalDate.of(2024, 5, 20), LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 10), true));
		assertThat(stored(b)).isEqualTo(new Stored("DECIDED", "DATA_NOT_REPORTED", "INSPECTION", "WARNING", null,
				LocalDate.of(2024, 7, 1), LocalDate.of(2024, 8, 1), null, null, true));
		assertThat(stored(c)).isEqualTo(new Stored("DECIDED", "DATA_NOT_REPORTED", "TRANSFER", "FINE", new BigDecimal("2000.00"),
				LocalDate.of(2024, 9, 2), LocalDate.of(2024, 10, 8), null, null, true));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'case.import' AND summary LIKE :n")
			.param("n", "%" + a + "%").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'case.import-file' AND summary LIKE '%3件%'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(1);

		// the same file again: every 文号 is used already, nothing more is saved
		mvc.perform(multipart("/enforcement/import").file(file(sheet)).session(staff).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("已被使用")));
		assertThat(count()).isEqualTo(before + 3);
	}

	/**
	 * 并处 in a sheet: the optional column 没收违法所得（元） carries the confiscation beside the fine (邮政法(2015) art.72:
	 * "没收违法所得，并处…罚款"); a confiscation under an article that provides none is reported in that column.
	 */
	@Test
	void aRowCarriesTheConfiscationBesideTheFine() throws Exception {
		EnterpriseView e = partyCases.other();
		String combined = number(), none = number();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		long before = count();
		mvc.perform(multipart("/enforcement/import").file(file(book(null, List.of(row(e.creditCode(), "DATA_NOT_REPORTED", "举报",
				LocalDate.of(2024, 3, 5), LocalDate.of(2024, 5, 20), none, "罚款", 1000, null, null, 500))))).session(staff).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("不能没收违法所得")));
		mvc.perform(multipart("/enforcement/import").file(file(book(null, List.of(row(e.creditCode(), "UNLICENSED", "举报",
				LocalDate.of(2024, 3, 5), LocalDate.of(2024, 5, 20), combined, "没收", 60000, null, null, 8000))))).session(staff).with(csrf()))
			.andExpect(redirectedUrl("/enforcement/cases?open=false"));
		assertThat(count()).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT penalty || ' ' || fine || ' ' || confiscated FROM penalty_case WHERE decision_number = :n")
			.param("n", combined).query(String.class).single()).isEqualTo("CONFISCATION 60000.00 8000.00");
	}

	/**
	 * An impossible date is one error, in its cell: the rules that depend on it (a decided case's 文号 and penalty, the
	 * closure after the decision) add none of their own.
	 */
	/**
	 * A fine beyond every field's digits — a number cell 1e40 stored in the file, or 35 digits typed — is refused
	 * stating the amount's own limit (12 integer digits, 2 decimals, rule {@code digits}), not the cell reader's 30.
	 */
	@Test
	void aFineBeyondEveryFieldsDigitsStatesTheAmountsOwnLimit() throws Exception {
		String code = partyCases.other().creditCode();
		byte[] sheet = book(null, List.of(
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-20", number(), "罚款", 1e40, null, null),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-21", number(), "罚款", "9".repeat(35), null, null)));
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String page = mvc.perform(multipart("/enforcement/import").file(file(sheet)).session(staff).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(Pattern.compile("罚款金额（元）超出允许的位数（最多12位整数、2位小数）").matcher(page).results().count()).as(page)
			.isEqualTo(2);
		assertThat(page).doesNotContain("30位");
	}

	@Test
	void anImpossibleDateIsOneErrorForItsCellAlone() throws Exception {
		String code = partyCases.other().creditCode();
		byte[] sheet = book(null, List.of(row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-31", number(), "罚款", 1000,
				"2024-05-01", "2024-05-05")));
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String page = mvc.perform(multipart("/enforcement/import").file(file(sheet)).session(staff).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<td>2</td><td>决定日期</td>");
		assertThat(Pattern.compile("<td>2</td><td>").matcher(page).results().count()).as(page).isEqualTo(1);
	}

	/**
	 * A fine of 8000.004 — as a number cell or typed ¥8,000.004 — breaks two rules (the column's 2 decimals, and an
	 * amount's two decimals at most): its cell is told once, by the first (the column's digits), not a second time.
	 */
	@Test
	void aFineWithThreeDecimalsIsOneMessageForItsCell() throws Exception {
		String code = partyCases.other().creditCode();
		byte[] sheet = book(null, List.of(
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-03", number(), "罚款", 8000.004),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-03", number(), "罚款", "¥8,000.004")));
		String page = refused(sheet);
		assertThat(page).contains("<td>2</td><td>罚款金额（元）</td>").contains("<td>3</td><td>罚款金额（元）</td>")
			.contains("超出允许的位数（最多12位整数、2位小数），不会自动四舍五入：8000.004").doesNotContain("精确到分");
		assertThat(Pattern.compile("<td>[23]</td><td>罚款金额（元）</td>").matcher(page).results().count()).as(page).isEqualTo(2);
	}

	/**
	 * A fine typed as text is read as a form reads an amount: ¥ and 元 around it, thousands grouped by commas in threes
	 * (full-width too); digits grouped by spaces (2 000) or a comma out of its place (2,00) break rule
	 * {@code thousands-separator} — not read as 8000 —, Arabic-Indic digits are no amount; each told with its row.
	 */
	@Test
	void aFineTypedAsTextIsReadAsTheFormsReadANumber() throws Exception {
		String code = partyCases.other().creditCode();
		byte[] sheet = book(null, List.of(
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-03", number(), "罚款", "¥ 2 000 元"),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-03", number(), "罚款", "2,00"),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-03", number(), "罚款", "\u0662\u0660\u0660\u0660"),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-03", number(), "罚款", "￥２，０００元"),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-03", number(), "罚款", "0.2万元")));
		String page = refused(sheet);
		assertThat(page).contains("<td>2</td><td>罚款金额（元）</td>").contains("<td>3</td><td>罚款金额（元）</td>")
			.contains("<td>4</td><td>罚款金额（元）</td>").contains("数字中间不能有空格").contains("千分位逗号应每三位一个")
			.contains("应为金额").doesNotContain("<td>5</td>").doesNotContain("<td>6</td>");
	}

	/**
	 * 没收违法所得 in a sheet is carried out when handed over: the optional column 没收上缴日期 records the day (kept as the
	 * case's handover), and a closed row that confiscates without it is reported in that column.
	 */
	/**
	 * A 不予处罚 row takes its ground of art.33 in the column 不予处罚情形 (required there, the refusal in its cell), stored
	 * so that it counts against a later 初次违法.
	 */
	@Test
	void aNoPenaltyRowTakesItsGroundOrIsRefusedInItsCell() throws Exception {
		EnterpriseView e = partyCases.other();
		List<Object> headers = new ArrayList<>(HEADERS.subList(0, 8));
		headers.add("不予处罚情形");
		String decision = number();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(multipart("/enforcement/import").file(file(book(headers, null, List.of(row(e.creditCode(), "DATA_NOT_REPORTED",
				"举报", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 5, 20), decision, "不予处罚", null, null))))).session(staff)
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<td>2</td><td>不予处罚情形</td>")));
		mvc.perform(multipart("/enforcement/import").file(file(book(headers, null, List.of(row(e.creditCode(), "DATA_NOT_REPORTED",
				"举报", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 5, 20), decision, "不予处罚", null, "FIRST_MINOR")))))
			.session(staff).with(csrf()))
			.andExpect(redirectedUrl("/enforcement/cases?open=false"));
		assertThat(jdbc.sql("SELECT status || ' ' || no_penalty_ground FROM penalty_case WHERE decision_number = :n")
			.param("n", decision).query(String.class).single()).isEqualTo("NOT_PENALIZED FIRST_MINOR");
	}

	@Test
	void aConfiscationRowCarriesItsHandoverDayAndIsNotClosedWithoutIt() throws Exception {
		EnterpriseView e = partyCases.other();
		List<Object> headers = new ArrayList<>(HEADERS);
		headers.add("没收上缴日期");
		String closed = number();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(multipart("/enforcement/import").file(file(book(headers, null, List.of(row(e.creditCode(), "UNLICENSED", "举报",
				LocalDate.of(2024, 3, 5), LocalDate.of(2024, 5, 20), number(), "没收", 60000, LocalDate.of(2024, 6, 1),
				LocalDate.of(2024, 6, 10), 8000, null))))).session(staff).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<td>2</td><td>没收上缴日期</td>")));
		mvc.perform(multipart("/enforcement/import").file(file(book(headers, null, List.of(row(e.creditCode(), "UNLICENSED", "举报",
				LocalDate.of(2024, 3, 5), LocalDate.of(2024, 5, 20), closed, "没收", 60000, LocalDate.of(2024, 6, 1),
				LocalDate.of(2024, 6, 10), 8000, LocalDate.of(2024, 6, 5)))))).session(staff).with(csrf()))
			.andExpect(redirectedUrl("/enforcement/cases?open=false"));
		assertThat(jdbc.sql("""
				SELECT c.status || ' ' || h.handed_over_on || ' ' || h.amount FROM penalty_case c
				JOIN penalty_case_handover h ON h.case_id = c.id WHERE c.decision_number = :n""")
			.param("n", closed).query(String.class).single()).isEqualTo("CLOSED 2024-06-05 8000.00");
	}

	@Test
	void everyBadRowIsReportedByRowAndColumnAndNothingIsSaved() throws Exception {
		PartyCases party = partyCases;
		String code = party.other().creditCode();
		String good = number();
		// one 文号 typed two ways (GB/T 9704: the bracket and leading zeros do not make another number)
		long sequence = 100_000 + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 800_000L);
		String twice = "苏吴邮管罚〔2024〕" + sequence + "号", twiceTyped = "苏吴邮管罚[2024]0" + sequence + "号";
		LocalDate tomorrow = LocalDate.now(ChinaTime.ZONE).plusDays(3);
		byte[] sheet = book(null, List.of(
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-01", good, "罚款", 1000, null, null),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-01", number(), "罚款", "八千元", null, null),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-01", number(), "罚款", "9,000", null, null),
				row(code, "快件包装过度", "举报", "2024-03-04", null, null, null, null, null, null),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-01", twice, "警告", null, null, null),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-01", twiceTyped, "警告", null, null, null),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", tomorrow, number(), "警告", null, null, null),
				row(code, "DATA_NOT_REPORTED", "群众来信", "2024-03-04", "2024-04-01", number(), "罚款", 500, null, "2024-05-01")));
		long before = count();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String page = mvc.perform(multipart("/enforcement/import").file(file(sheet)).session(staff).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(count()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case WHERE decision_number = :n").param("n", good)
			.query(Long.class).single()).isZero();
		assertThat(page).contains("<td>3</td><td>罚款金额（元）</td>")
			.contains("<td>4</td><td>罚款金额（元）</td>")
			.contains("超出该违法行为的法定上限")
			.contains("<td>5</td><td>违法行为</td>")
			.contains("<td>7</td><td>决定书文号</td>")
			.contains("与第6行重复")
			.contains("<td>8</td><td>决定日期</td>")
			.contains("<td>9</td><td>案件来源</td>")
			.contains("<td>9</td><td>结案日期</td>")
			.doesNotContain("<td>2</td>")
			.doesNotContain("<td>6</td>");

		Matcher link = Pattern.compile("/enforcement/import/errors/[0-9a-f-]+\\.xlsx").matcher(page);
		assertThat(link.find()).isTrue();
		byte[] annotated = mvc.perform(get(link.group()).session(staff)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
			Sheet s = book.getSheetAt(0);
			DataFormatter format = new DataFormatter();
			Row third = s.getRow(2);
			String errors = format.formatCellValue(third.getCell(third.getLastCellNum() - 1));
			assertThat(errors).contains("罚款金额（元）");
		}
	}

	/**
	 * Attack: a fine above the ordinary range told the sheet's user to "填写serious（情节严重）为是" — a JSON field name in
	 * a sheet's message. The message names the column, 情节严重; the import's other messages name their columns (决定日期,
	 * 缴款日期), not decidedOn or paidOn.
	 */
	@Test
	void aMessageOfTheImportNamesTheSheetsColumnsNotTheApisFields() throws Exception {
		String code = partyCases.other().creditCode();
		byte[] sheet = book(null, List.of(
				row(code, "BRANCH_UNFILED", "举报", "2024-01-02", "2024-02-01", number(), "罚款", 20000, null, null),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-01", number(), "罚款", 1000, null, "2024-05-01")));
		String page = mvc.perform(multipart("/enforcement/import").file(file(sheet)).session(SignIn.session(mvc, "wz.staff"))
			.with(csrf())).andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("请在“情节严重”一栏填写“是”", "罚款未缴纳（缴款日期为空）")
			.doesNotContain("serious", "paidOn", "decidedOn", "handedOverOn");
	}

	/**
	 * Attack 41: the sheet's row of a PACKAGING case marked 情节严重 with a fine above the article's one range was told of
	 * a "情节严重" range, which PACKAGING does not have. The message names the one range, no 情节.
	 */
	@Test
	void aSheetsFineAboveAnArticlesOneRangeNamesNoSeriousRange() throws Exception {
		String code = partyCases.other().creditCode();
		List<Object> headers = new ArrayList<>(HEADERS);
		headers.add("情节严重");
		byte[] sheet = book(headers, null, List.of(
				row(code, "PACKAGING", "举报", "2025-07-02", "2025-08-01", number(2025), "罚款", 30000, null, null, null, "是")));
		String page = mvc.perform(multipart("/enforcement/import").file(file(sheet)).session(SignIn.session(mvc, "wz.staff"))
			.with(csrf())).andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("法定上限（20000元）").doesNotContain("情节严重20000", "情节一般20000", "请在“情节严重”一栏");
	}

	/**
	 * A PACKAGING case (快递暂行条例(2025) art.56: one range, nothing for 情节严重) marked 情节严重 was imported with the
	 * badge on its page: the row is refused on the 情节严重 column, naming the article, and nothing is saved; the same
	 * case not marked serious is imported.
	 */
	@Test
	void aSeriousMarkOnAViolationWhoseArticleHasNoSeriousRangeIsRefusedOnItsColumn() throws Exception {
		String code = partyCases.other().creditCode();
		List<Object> headers = new ArrayList<>(HEADERS);
		headers.add("情节严重");
		String page = refused(book(headers, null, List.of(
				row(code, "PACKAGING", "举报", "2025-07-02", "2025-08-01", number(2025), "罚款", 10000, null, null, null, "是"))));
		assertThat(page).contains("情节严重", "没有规定情节严重的处罚幅度", "快递暂行条例(2025) 第56条");
		String plain = number(2025);
		// art.56: the row names the paper order the case rests on
		headers.add("责令改正通知书文号");
		mvc.perform(multipart("/enforcement/import").file(file(book(headers, null, List.of(
				row(code, "PACKAGING", "举报", "2025-07-02", "2025-08-01", plain, "罚款", 10000, null, null, null, "否",
						"吴邮管责改〔2025〕1" + RandomDigits.of(7) + "号")))))
			.session(SignIn.session(mvc, "wz.staff")).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(stored(plain).violationCode()).isEqualTo("PACKAGING");
	}

	/** The API's import of one past case answers the refusal as a 400 naming the field and the rule. */
	@Test
	void theApiRefusesASeriousMarkWithoutASeriousRangeNamingFieldAndRule() throws Exception {
		String code = partyCases.other().creditCode();
		mvc.perform(post("/api/v1/enforcement/cases/imported").header("Authorization", "Bearer demo-sz-admin-token")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
					{"enterpriseCreditCode":"%s","violation":"PACKAGING","source":"INSPECTION","filedOn":"2025-07-02",
					 "decidedOn":"2025-08-01","decisionNumber":"%s","penalty":"FINE","fine":10000,"serious":true}"""
				.formatted(code, number(2025))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("serious")))
			.andExpect(jsonPath("$.errors[*].rule", hasItem("no-serious-range")));
	}

	/** The code as a Chinese input method types it: full-width digits and letters. */
	static String fullWidth(String code) {
		return CreditCodes.fullWidth(code);
	}

	/**
	 * A bureau's own ledger as it comes: its headers named its way (信用代码, 处罚决定日期, 文号, 处罚类型, 罚款（元）), the
	 * credit code typed full-width with a zero-width space copied along, and a 合计 row under the cases: the cases are
	 * imported, the totals row is left out and the page says so.
	 */
	@Test
	void aLedgerWithItsOwnHeadersAFullWidthCodeAndATotalsRowIsImported() throws Exception {
		EnterpriseView e = partyCases.other();
		String a = number(), b = number();
		List<Object> headers = List.of("信用代码", "违法行为", "线索来源", "立案时间", "处罚决定日期", "文号", "处罚类型", "罚款（元）",
				"缴款日期", "结案日期");
		byte[] sheet = book(headers, null, List.of(
				row(fullWidth(e.creditCode()) + "\u200B", "DATA_NOT_REPORTED", "举报", LocalDate.of(2024, 3, 5),
						LocalDate.of(2024, 4, 1), a, "罚款", 3000, null, null),
				row("\uFEFF" + e.creditCode().toLowerCase(), "DATA_NOT_REPORTED", "INSPECTION", LocalDate.of(2024, 5, 6),
						LocalDate.of(2024, 6, 3), b, "罚款", 2000, null, null),
				row("合 计", null, null, null, null, null, null, 5000, null, null)));
		long before = count();
		String audited = "SELECT count(*) FROM audit_event WHERE action = 'case.import-file' AND summary LIKE '%第4行为合计行未导入%'";
		long auditedBefore = jdbc.sql(audited).query(Long.class).single();
		mvc.perform(multipart("/enforcement/import").file(file(sheet)).session(SignIn.session(mvc, "wz.staff")).with(csrf()))
			.andExpect(redirectedUrl("/enforcement/cases?open=false"))
			.andExpect(flash().attribute("message", "已导入历史处罚案件2件；第4行是合计行，未作为案件导入"));
		assertThat(count()).isEqualTo(before + 2);
		assertThat(jdbc.sql("SELECT enterprise_credit_code FROM penalty_case WHERE decision_number IN (:a, :b)")
			.param("a", a).param("b", b).query(String.class).list()).containsOnly(e.creditCode());
		assertThat(jdbc.sql(audited).query(Long.class).single()).isEqualTo(auditedBefore + 1);

		// a totals-like row between cases is no totals row: it is checked as a case and reported
		byte[] middle = book(headers, null, List.of(row("合计", null, null, null, null, null, null, 5000, null, null),
				row(e.creditCode(), "DATA_NOT_REPORTED", "举报", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 4, 1), number(), "罚款",
						3000, null, null)));
		mvc.perform(multipart("/enforcement/import").file(file(middle)).session(SignIn.session(mvc, "wz.staff")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<td>2</td><td>当事人统一社会信用代码</td>")));
		assertThat(count()).isEqualTo(before + 2);
	}

	/**
	 * A ledger written by a program keeps its formulas without their results: the 合计 row's SUM under the cases does
	 * not fail the file (the row is left out, as any totals row), while such a formula in a case's row is that row's
	 * error naming the column and what to do, never a failure of the whole request.
	 */
	@Test
	void aTotalsFormulaWithoutItsResultIsLeftOutAndInACaseRowIsThatRowsError() throws Exception {
		EnterpriseView e = partyCases.other();
		List<String> headers = List.of("信用代码", "违法行为", "线索来源", "立案时间", "处罚决定日期", "文号", "处罚类型", "罚款（元）",
				"缴款日期", "结案日期");
		TypedWorkbook ledger = new TypedWorkbook(headers);
		for (int month = 3; month <= 7; month += 2) {
			ledger.row(Arrays.asList(e.creditCode(), "DATA_NOT_REPORTED", "举报", LocalDate.of(2024, month, 5),
					LocalDate.of(2024, month + 1, 1), number(), "罚款", 1000, null, null));
		}
		byte[] sheet = ledger.row(Arrays.asList("合计", null, null, null, null, null, null,
				TypedWorkbook.formulaWithoutResult("SUM(H2:H4)"), null, null)).bytes();
		long before = count();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(multipart("/enforcement/import").file(file(sheet)).session(staff).with(csrf()))
			.andExpect(flash().attribute("message", "已导入历史处罚案件3件；第5行是合计行，未作为案件导入"));
		assertThat(count()).isEqualTo(before + 3);

		byte[] inACase = new TypedWorkbook(headers)
			.row(Arrays.asList(e.creditCode(), "DATA_NOT_REPORTED", "举报", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 4, 1),
					number(), "罚款", TypedWorkbook.formulaWithoutResult("1000*2"), null, null))
			.bytes();
		mvc.perform(multipart("/enforcement/import").file(file(inACase)).session(staff).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<td>2</td><td>罚款金额（元）</td><td>罚款金额（元）是公式，但文件中没有保存它的计算结果")));
		assertThat(count()).isEqualTo(before + 3);
	}

	/**
	 * The same 合计 row under two cases — MAX of the 决定日期, SUM of the 罚款 — is left out whether the file keeps its
	 * formulas' results (as Excel saves it: a date and a number) or not, and with its label in a 序号 column outside
	 * the template's, or in the first filled cell further right.
	 */
	@Test
	void aTotalsRowIsLeftOutWhateverItsCellsHold() throws Exception {
		EnterpriseView e = partyCases.other();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		List<String> template = HEADERS.stream().map(String::valueOf).toList();
		List<String> numbered = new ArrayList<>(List.of("序号"));
		numbered.addAll(template);
		record Shape(List<String> headers, List<Object> lead, List<Object> label, boolean cached) {
		}
		List<Object> none = List.of();
		List<Object> blank = Arrays.asList((Object) null);
		for (Shape shape : List.of(new Shape(template, none, List.of("合计"), true),
				new Shape(template, none, List.of("合计"), false), new Shape(numbered, List.of(1), List.of("合计"), true),
				new Shape(numbered, blank, Arrays.asList(null, "小 计："), true))) {
			TypedWorkbook ledger = new TypedWorkbook(shape.headers());
			for (int month = 3; month <= 5; month += 2) {
				List<Object> cells = new ArrayList<>(shape.lead());
				cells.addAll(Arrays.asList(e.creditCode(), "DATA_NOT_REPORTED", "举报", LocalDate.of(2024, month, 5),
						LocalDate.of(2024, month + 1, 1), number(), "罚款", 1000));
				ledger.row(cells);
			}
			int offset = shape.headers().size() - template.size();
			char decided = (char) ('E' + offset), fine = (char) ('H' + offset);
			List<Object> totals = new ArrayList<>(shape.label());
			while (totals.size() < offset + 4) {
				totals.add(null);
			}
			String max = "MAX(" + decided + "2:" + decided + "3)", sum = "SUM(" + fine + "2:" + fine + "3)";
			totals.addAll(Arrays.asList(shape.cached() ? TypedWorkbook.formula(max, "yyyy-mm-dd")
					: TypedWorkbook.formulaWithoutResult(max), null, null,
					shape.cached() ? TypedWorkbook.formula(sum) : TypedWorkbook.formulaWithoutResult(sum)));
			long before = count();
			mvc.perform(multipart("/enforcement/import").file(file(ledger.row(totals).bytes())).session(staff).with(csrf()))
				.andExpect(flash().attribute("message", "已导入历史处罚案件2件；第4行是合计行，未作为案件导入"));
			assertThat(count()).as(shape.toString()).isEqualTo(before + 2);
		}
	}

	/**
	 * A 罚款 row's fine that cannot be read — a formula without its result, an error value (#DIV/0!) — is that column's
	 * one error: the rules that depend on the fine (缴款日期 only for a fine, no closure of an unpaid fine) add none; a
	 * text column's formula without result says to type text, a date column's a date.
	 */
	@Test
	void anUnreadableFineIsItsOwnErrorOnlyAndAFormulaSaysWhatToType() throws Exception {
		String code = partyCases.other().creditCode();
		List<String> headers = HEADERS.stream().map(String::valueOf).toList();
		byte[] sheet = new TypedWorkbook(headers)
			.row(Arrays.asList(code, "DATA_NOT_REPORTED", "举报", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 4, 1), number(),
					"罚款", TypedWorkbook.formulaWithoutResult("1000*2"), LocalDate.of(2024, 4, 10), LocalDate.of(2024, 4, 20)))
			.row(Arrays.asList(code, "DATA_NOT_REPORTED", "举报", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 4, 1), number(),
					"罚款", TypedWorkbook.formula("1/0"), LocalDate.of(2024, 4, 10), null))
			.row(Arrays.asList(code, "DATA_NOT_REPORTED", TypedWorkbook.formulaWithoutResult("\"举\"&\"报\""),
					LocalDate.of(2024, 3, 5), TypedWorkbook.formulaWithoutResult("DATE(2024,4,1)"), number(), "警告"))
			.bytes();
		String page = refused(sheet);
		assertThat(page).contains("<td>2</td><td>罚款金额（元）</td><td>罚款金额（元）是公式")
			.contains("<td>3</td><td>罚款金额（元）</td><td>罚款金额（元）单元格的值是错误“#DIV/0!”")
			.contains("<td>4</td><td>案件来源</td><td>案件来源是公式，但文件中没有保存它的计算结果（由程序生成、未经Excel保存的文件）："
					+ "请在Excel中打开并保存后再导入，或将该单元格改为文字</td>")
			.contains("<td>4</td><td>决定日期</td><td>决定日期是公式").contains("或将该单元格改为日期</td>")
			.contains("或将该单元格改为数值</td>")
			.doesNotContain("只有处以罚款的决定才填写缴款日期").doesNotContain("不能结案");
		assertThat(Pattern.compile("<td>[23]</td><td>").matcher(page).results().count()).as(page).isEqualTo(2);
	}

	/**
	 * A 处罚种类 that cannot be read — an error value (#REF!), a formula without its result — is that column's one error:
	 * the rule that assumes the kind is empty (处罚种类为空时不填写罚款金额) is not applied to the row's fine.
	 */
	@Test
	void anUnreadablePenaltyKindDoesNotCountAsEmptyForTheFine() throws Exception {
		String code = partyCases.other().creditCode();
		TypedWorkbook book = new TypedWorkbook(HEADERS.stream().map(String::valueOf).toList());
		for (Object kind : List.of(TypedWorkbook.formula("#REF!"), TypedWorkbook.formulaWithoutResult("\"罚\"&\"款\""))) {
			book.row(Arrays.asList(code, "DATA_NOT_REPORTED", "举报", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 4, 1),
					number(), kind, 2000));
		}
		String page = refused(book.bytes());
		assertThat(page).contains("<td>2</td><td>处罚种类</td><td>处罚种类单元格的值是错误“#REF!”")
			.contains("<td>3</td><td>处罚种类</td><td>处罚种类是公式").doesNotContain("不填写罚款金额");
		assertThat(Pattern.compile("<td>[23]</td><td>").matcher(page).results().count()).as(page).isEqualTo(2);
	}

	/**
	 * A malformed .xlsx (a sheet whose XML breaks off at a bare &amp;) is the user's 400 and no ERROR line in the log:
	 * POI's parser does not report a user's bad file as a server error.
	 */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aMalformedWorkbookIsRefusedWithoutAnErrorInTheLog(CapturedOutput output) throws Exception {
		byte[] good = book(null, List.of(row(partyCases.other().creditCode(), "DATA_NOT_REPORTED", "举报",
				LocalDate.of(2024, 3, 5), null, null, null, null, null, null)));
		ByteArrayOutputStream bad = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(good)); ZipOutputStream out = new ZipOutputStream(bad)) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				byte[] content = in.readAllBytes();
				out.write(entry.getName().startsWith("xl/worksheets/")
						? new String(content, StandardCharsets.UTF_8).replace("<sheetData>", "<sheetData>& ").getBytes(StandardCharsets.UTF_8)
						: content);
				out.closeEntry();
			}
		}
		mvc.perform(multipart("/enforcement/import").file(file(bad.toByteArray())).session(SignIn.session(mvc, "wz.staff"))
			.with(csrf())).andExpect(status().isBadRequest());
		assertThat(output.getAll()).doesNotContain("The entity name must immediately follow").doesNotContain("XMLHelper");
	}

	/**
	 * Every kind of broken package is the user's 400 naming the file and what is wrong with it, and no ERROR line or
	 * stack trace in the log: a malformed [Content_Types].xml, a malformed relationships part, the workbook part
	 * missing, more entries than an office file has, an entry that inflates beyond the limit, a file that is no zip, an
	 * encrypted (OLE2) workbook.
	 */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void everyBrokenPackageIsRefusedWithoutAnErrorInTheLog(CapturedOutput output) throws Exception {
		byte[] good = book(null, List.of(row(partyCases.other().creditCode(), "DATA_NOT_REPORTED", "举报",
				LocalDate.of(2024, 3, 5), null, null, null, null, null, null)));
		Map<String, byte[]> broken = new LinkedHashMap<>();
		broken.put("bad content types", rezip(good, (name, content) -> name.equals("[Content_Types].xml")
				? new String(content, StandardCharsets.UTF_8).replace("<Types", "<Types <").getBytes(StandardCharsets.UTF_8)
				: content, 0));
		broken.put("bad relationships", rezip(good, (name, content) -> name.equals("_rels/.rels")
				? "<Relationships>&".getBytes(StandardCharsets.UTF_8) : content, 0));
		broken.put("missing workbook part", rezip(good, (name, content) -> name.equals("xl/workbook.xml") ? null : content, 0));
		broken.put("too many entries", rezip(good, (name, content) -> content, 1_001));
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bomb)) {
			out.putNextEntry(new ZipEntry("[Content_Types].xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 201; i++) {
				out.write(zeros);
			}
			out.closeEntry();
		}
		broken.put("inflates beyond the limit", bomb.toByteArray());
		broken.put("no zip", "PK but not a zip at all".getBytes(StandardCharsets.UTF_8));
		byte[] ole2 = new byte[512];
		System.arraycopy(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1 }, 0, ole2, 0, 8);
		broken.put("encrypted (OLE2)", ole2);
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		for (var file : broken.entrySet()) {
			String page = mvc.perform(multipart("/enforcement/import").file(file(file.getValue())).session(staff).with(csrf()))
				.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).as(file.getKey()).contains("data-field=\"file\"").containsPattern("Excel|xlsx");
			if (!file.getKey().startsWith("too many") && !file.getKey().startsWith("inflates") && !file.getKey().startsWith("encrypted")) {
				// one wording, whichever check found the file broken
				assertThat(page).as(file.getKey()).contains("无法读取Excel工作簿（.xlsx）：文件已损坏或不是这种格式");
			}
		}
		assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat org.apache.poi")
			.doesNotContain("XMLHelper").doesNotContain("DocumentHelper");
	}

	/** The workbook re-zipped with each entry's content as {@code change} gives it (null: left out), plus empty ones. */
	static byte[] rezip(byte[] xlsx, BiFunction<String, byte[], byte[]> change, int extraEntries)
			throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				byte[] content = change.apply(entry.getName(), in.readAllBytes());
				if (content != null) {
					out.putNextEntry(new ZipEntry(entry.getName()));
					out.write(content);
					out.closeEntry();
				}
			}
			for (int i = 0; i < extraEntries; i++) {
				out.putNextEntry(new ZipEntry("extra/" + i + ".bin"));
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	/**
	 * Every date column under its own rules, each message naming the column and the rule: none later than today (a
	 * future 立案日期 says so — not a range that ends before it begins), 决定 not before 立案, 缴款 not before 决定, 结案
	 * not in the future; and the 案件来源 column named as such, its message listing exactly the sources a past case
	 * takes (no 安全监管预警).
	 */
	@Test
	void everyDateColumnAndTheSourceSayWhichRuleTheyBreak() throws Exception {
		String code = partyCases.other().creditCode();
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		byte[] sheet = book(null, List.of(
				row(code, "DATA_NOT_REPORTED", "举报", today.plusDays(10), null, null, null, null, null, null),
				row(code, "DATA_NOT_REPORTED", "举报", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 2, 1), number(), "警告", null,
						null, null),
				row(code, "DATA_NOT_REPORTED", "SAFETY", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 4, 1), number(), "警告", null,
						null, null),
				row(code, "DATA_NOT_REPORTED", "举报", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 5, 20), number(), "罚款", 1000,
						LocalDate.of(2024, 5, 1), today.plusDays(2))));
		String page = refused(sheet);
		assertThat(page).contains("<td>2</td><td>立案日期</td><td>立案日期不得晚于今天（" + ChineseText.day(today) + "）")
			.contains("<td>3</td><td>决定日期</td><td>决定日期不得早于立案日期（2024年3月5日）")
			.contains("<td>4</td><td>案件来源</td><td>案件来源应为执法检查、申诉移送、举报、其他机关移送、邮政管理部门移交之一"
					+ "（也可填INSPECTION、COMPLAINT、REPORT、TRANSFER）</td>")
			.contains("<td>5</td><td>缴款日期</td><td>缴款日期不得早于决定日期（2024年5月20日）")
			.contains("<td>5</td><td>结案日期</td><td>结案日期不得晚于今天")
			.doesNotContain("SAFETY、").doesNotContain("线索来源")
			.doesNotContain("<td>2</td><td>决定日期</td>");
		assertThat(Pattern.compile("<td>2</td><td>").matcher(page).results().count()).as(page).isEqualTo(1);
	}

	/**
	 * The JSON import under the same rules: a full-width credit code is the enterprise's code, a future 立案日期 is
	 * refused naming the field and the rule (future), and a source outside the contract lists exactly the contract's.
	 */
	@Test
	void theApiTakesAFullWidthCodeAndNamesTheRulesOfDatesAndSources() throws Exception {
		EnterpriseView e = partyCases.other();
		String json = """
				{"enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","source":"%s","filedOn":"%s",
				 "decidedOn":"2024-04-01","decisionNumber":"%s","penalty":"WARNING","fine":null}""";
		String token = "Bearer demo-wz-staff-token";
		String number = number();
		mvc.perform(post("/api/v1/enforcement/cases/imported").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(json.formatted("\u3000" + fullWidth(e.creditCode()), "INSPECTION", "2024-03-05", number)))
			.andExpect(status().isCreated());
		assertThat(stored(number).source()).isEqualTo("INSPECTION");
		mvc.perform(post("/api/v1/enforcement/cases/imported").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(json.formatted(e.creditCode(), "SAFETY", LocalDate.now(ChinaTime.ZONE).plusDays(5), number())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'filedOn')].rule").value(hasItem("future")))
			.andExpect(jsonPath("$.errors[?(@.field == 'source')].message").value(hasItem(
					"案件来源应为INSPECTION（执法检查）、COMPLAINT（申诉移送）、REPORT（举报、其他机关移送）、TRANSFER（邮政管理部门移交）之一")))
			.andExpect(jsonPath("$.errors[?(@.field == 'decidedOn')]").isEmpty());
	}

	@Test
	void aLongValueIsNotEchoedWholeInTheRefusal() throws Exception {
		String violation = "违".repeat(9000);
		String json = """
				{"enterpriseCreditCode":"%s","violation":"%s","source":"REPORT","filedOn":"2024-03-05",
				 "decidedOn":"2024-04-01","decisionNumber":"%s","penalty":"WARNING","fine":null}"""
			.formatted(partyCases.other().creditCode(), violation, number());
		String answer = mvc.perform(post("/api/v1/enforcement/cases/imported").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'violation')].rule").value(hasItem("one-of")))
			.andReturn().getResponse().getContentAsString();
		assertThat(answer).contains("违法行为目录中的代码或名称").doesNotContain("违".repeat(100));
	}

	@Test
	void aFileThatIsNoWorkbookIsRefusedAndEnterprisesMayNotImport() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(multipart("/enforcement/import").file(file("不是表格".getBytes())).session(staff).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"file\"")));
		mvc.perform(get("/enforcement/import/template.xlsx").session(staff)).andExpect(status().isOk());
		mvc.perform(get("/enforcement/import").session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isForbidden());
		// an enterprise outside the county's scope is a row error, not a case elsewhere: not there, on the party's column
		// alone — the row's other faults (an unknown violation, a source none of the list) are not told of it
		String wuzhong = partyCases.other().creditCode();
		mvc.perform(multipart("/enforcement/import").file(file(book(null, List.of(row(wuzhong, "NO_SUCH_VIOLATION", "某来源",
				"2024-03-04", null, null, null, null, null, null))))).session(SignIn.session(mvc, "xc.staff")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("企业不存在或不在您的数据权限范围内：" + wuzhong)))
			.andExpect(content().string(not(containsString("应为违法行为目录中的代码或名称"))))
			.andExpect(content().string(not(containsString("某来源"))));
	}

	/**
	 * Attack round 15: a 文号 typed as a spreadsheet formula (=HYPERLINK(…), @SUM(…), -HYPERLINK(…)) was imported and
	 * exported on to anyone's spreadsheet; each is refused naming its row and column, nothing is saved. A 文号 that
	 * merely holds a hyphen is no formula.
	 */
	@Test
	void aDocumentNumberWrittenAsAFormulaIsRefusedByRowAndColumn() throws Exception {
		String code = partyCases.other().creditCode();
		String plain = number();
		String page = refused(book(null, List.of(
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-01", plain, "警告", null, null, null),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-01",
						"=HYPERLINK(\"http://x.example\",\"" + number() + "\")", "警告", null, null, null),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-01", "@SUM(1)" + number(), "警告", null, null, null),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-03-04", "2024-04-01", "-HYPERLINK(1)" + number(), "警告", null,
						null, null))));
		assertThat(page).contains("<td>3</td><td>决定书文号</td>")
			.contains("<td>4</td><td>决定书文号</td>")
			.contains("<td>5</td><td>决定书文号</td>")
			.contains("公式")
			.doesNotContain("<td>2</td>");
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case WHERE decision_number = :n").param("n", plain)
			.query(Long.class).single()).isZero();
	}

	/**
	 * 情节严重 under an article that sets nothing for it (PACKAGING, 快递暂行条例(2025) art.56) is refused on every path,
	 * the live one too: a live investigation's conclusion (on which 集体讨论 then depends) names {@code serious} and rule
	 * {@code no-serious-range} as the import does; and a past case imported before that check with the mark stored reads
	 * as not serious (no 情节严重 badge, no 集体讨论 asked).
	 */
	@Test
	void aSeriousMarkWithoutASeriousRangeIsRefusedOnALiveConclusionAndNotShownOnAnOldImport() throws Exception {
		org.youguan.registry.EnterpriseView e = partyCases.fresh();
		LocalDate filed = LocalDate.now(clock).minusDays(10);
		// art.56 punishes only after an order left unrectified: the party's own, its term passed
		partyCases.uncorrectedOrder(e, filed.minusDays(1));
		long live = partyCases.filed(e, "PACKAGING", filed);
		investigation.startInvestigation(PartyCases.ALL, live, PartyCases.TEAM);
		partyCases.evidence(live);
		org.youguan.kernel.InvalidValueException refused = catchThrowableOfType(org.youguan.kernel.InvalidValueException.class,
				() -> investigation.concludeInvestigation(PartyCases.ALL, live,
						new CaseInvestigation.Conclusion("查明违法事实", "FINE", "5000", true, null, null, null, filed.toString())));
		assertThat(refused).isNotNull();
		assertThat(refused.fieldErrors()).anyMatch(f -> f.field().equals("serious") && f.rule().equals("no-serious-range"));
		assertThat(jdbc.sql("SELECT serious FROM penalty_case WHERE id = :id").param("id", live).query(Boolean.class).single())
			.isFalse();

		// the city's import bears the city's 机关代字 (the importing bureau's region, PastCases.importingRegion), and names
		// the paper order it rests on in the 责改 form (art.56)
		String old = "苏苏邮管罚〔2025〕T" + UUID.randomUUID().toString().substring(0, 8) + "号";
		mvc.perform(post("/api/v1/enforcement/cases/imported").header("Authorization", "Bearer demo-sz-admin-token")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
					{"enterpriseCreditCode":"%s","violation":"PACKAGING","source":"INSPECTION","filedOn":"2025-07-02",
					 "decidedOn":"2025-08-01","decisionNumber":"%s","penalty":"FINE","fine":10000,"serious":false,
					 "orderNumber":"吴邮管责改〔2025〕1%s号"}"""
				.formatted(e.creditCode(), old, RandomDigits.of(7))))
			.andExpect(status().isCreated());
		// as imported before the check: the mark stored
		jdbc.sql("UPDATE penalty_case SET serious = TRUE WHERE decision_number = :n").param("n", old).update();
		long id = jdbc.sql("SELECT id FROM penalty_case WHERE decision_number = :n").param("n", old).query(Long.class).single();
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().serious()).isFalse();
	}
}
