package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.util.ZipArchiveFakeEntry;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.youguan.documents.SheetRows.SheetRow;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.youguan.documents.TypedWorkbook.builtin;
import static org.youguan.documents.TypedWorkbook.format;
import static org.youguan.documents.TypedWorkbook.formula;
import static org.youguan.documents.TypedWorkbook.formulaWithoutResult;

/**
 * The one spreadsheet reader on real .xlsx files: each cell is read as its value as a person sees it in Excel — not its
 * display format, not its formula text.
 */
class SheetRowsTest {

	static final LocalDate MARCH_5 = LocalDate.of(2026, 3, 5);

	static SheetRow only(TypedWorkbook book) {
		List<SheetRow> rows = SheetRows.read(book.bytes(), List.of("值"));
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	static SheetCell cell(Object value) {
		return only(new TypedWorkbook(List.of("值")).row(List.of(value))).cell("值");
	}

	@Test
	void dateCellsInEveryChineseFormatAreDates() {
		List<Object> formats = List.of(MARCH_5, format(MARCH_5, "yyyy/m/d"), format(MARCH_5, "yyyy\"年\"m\"月\"d\"日\""),
				format(MARCH_5, "m/d/yy"), format(MARCH_5, "[$-804]yyyy\"年\"m\"月\"d\"日\";@"),
				format(MARCH_5, "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\""), format(MARCH_5, "m\"月\"d\"日\""),
				format(MARCH_5, "yyyy-mm-dd"), format(MARCH_5, "[$-804]aaaa;@"),
				// East Asian built-in formats Chinese Excel writes without defining them: 31 yyyy"年"m"月"d"日", 57, 58
				builtin(MARCH_5, 31), builtin(MARCH_5, 57), builtin(MARCH_5, 58), builtin(MARCH_5, 22));
		for (Object value : formats) {
			SheetCell cell = cell(value);
			assertThat(cell.kind()).as(value.toString()).isEqualTo(SheetCell.Kind.DATE);
			assertThat(cell.asDate("值")).as(value.toString()).isEqualTo(MARCH_5);
			assertThat(cell.text()).as(value.toString()).isEqualTo("2026-03-05");
		}
	}

	@Test
	void datesOfA1904WorkbookAreTheSameDates() {
		SheetRow row = only(new TypedWorkbook(List.of("值")).date1904().row(List.of(MARCH_5)));
		assertThat(row.cell("值").asDate("值")).isEqualTo(MARCH_5);
	}

	@Test
	void numbersAreTheirUnroundedValueWhateverTheyAreShownAs() {
		SheetCell grouped = cell(format(2470.58, "#,##0"));
		assertThat(grouped.asNumber("值")).isEqualByComparingTo("2470.58");
		assertThat(grouped.text()).isEqualTo("2470.58");
		assertThat(cell(format(2470.58, "0")).asNumber("值")).isEqualByComparingTo("2470.58");
		assertThat(cell(320506).text()).as("a code typed as a number").isEqualTo("320506");
		assertThat(cell(13812345678L).text()).isEqualTo("13812345678");
		assertThat(cell(formula("0.1+0.2")).asNumber("值")).as("Excel's 15 digits, not binary noise")
			.isEqualByComparingTo("0.3");
	}

	@Test
	void aPercentageMeansTheStoredValueScaledAsTheFieldsUnitSays() {
		SheetCell rate = cell(format(0.1234, "0.00%"));
		assertThat(rate.asNumber("电子面单使用率", "%")).isEqualByComparingTo("12.34");
		assertThat(rate.asNumber("值", "‰")).isEqualByComparingTo("123.4");
		assertThat(rate.asNumber("值")).as("a field without a percent unit takes the fraction").isEqualByComparingTo("0.1234");
		assertThat(rate.text()).isEqualTo("12.34%");
		assertThat(cell(builtin(0.985, 10)).asNumber("值", "%")).as("built-in 0.00%").isEqualByComparingTo("98.5");
		assertThat(cell("98.5%").asNumber("值", "%")).as("typed as text").isEqualByComparingTo("98.5");
		assertThat(cell(98.5).asNumber("值", "%")).as("a plain number is as written").isEqualByComparingTo("98.5");
	}

	@Test
	void aFormulaIsItsResult() {
		TypedWorkbook book = new TypedWorkbook(List.of("基数", "值", "日期", "文字"))
			.row(List.of(1235.29, formula("A2*2"), format(MARCH_5, "yyyy/m/d"), formula("\"苏州\"&\"吴中\"")))
			.row(List.of(1, formula("C2+1", "yyyy\"年\"m\"月\"d\"日\""), MARCH_5, formula("TRUE")));
		List<SheetRow> rows = SheetRows.read(book.bytes(), List.of("值"));
		assertThat(rows.get(0).cell("值").asNumber("值")).isEqualByComparingTo("2470.58");
		assertThat(rows.get(0).get("文字")).isEqualTo("苏州吴中");
		assertThat(rows.get(1).cell("值").asDate("值")).as("a formula pointing to a date").isEqualTo(MARCH_5.plusDays(1));
		assertThat(rows.get(1).cell("文字").asYesNo("文字")).isTrue();
	}

	@Test
	void errorValuesAndFormulasWithoutAResultAreErrorsNotValues() {
		TypedWorkbook book = new TypedWorkbook(List.of("值", "另一列"))
			.row(List.of(formula("1/0"), "好"))
			.row(List.of(formulaWithoutResult("1+1"), "好"));
		List<SheetRow> rows = SheetRows.read(book.bytes(), List.of("值"));
		assertThat(rows.get(0).errorCells()).containsEntry("值", "#DIV/0!");
		assertThat(rows.get(0).get("值")).isNull();
		assertThat(rows.get(1).errorCells()).containsKey("值");
		assertThat(rows.get(1).errorCells()).doesNotContainKey("另一列");
	}

	@Test
	void textThatLooksLikeANumberStaysTextAndReadsAsANumberWhereOneIsWanted() {
		assertThat(cell("00123").text()).isEqualTo("00123");
		assertThat(cell("2470.58").asNumber("值")).isEqualByComparingTo("2470.58");
		assertThat(cell("1,234,567.5").asNumber("值")).isEqualByComparingTo("1234567.5");
		assertThat(cell("１２３").asInteger("值")).isEqualTo(123);
		assertThat(cell("110105194912310021").text()).isEqualTo("110105194912310021");
		assertThatThrownBy(() -> cell("约30").asNumber("面积")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("面积应为数字");
		assertThatThrownBy(() -> cell(30.5).asInteger("格口数")).hasMessageContaining("格口数应为整数");
		assertThat(cell(30.0).asInteger("格口数")).isEqualTo(30);
		// attack round 11: "1e3" typed as text was imported as 1000; a number cell Excel stores stays a number
		assertThatThrownBy(() -> cell("1e3").asNumber("数值")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("科学计数法");
		assertThatThrownBy(() -> cell("2.5E+2").asInteger("频次")).hasMessageContaining("频次应为整数");
		assertThat(cell(1.0E7).asNumber("数值")).isEqualByComparingTo("10000000");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-03-05", "2026/3/5", "2026.3.5", "2026年3月5日", "2026年03月05日", "20260305", "2026-3-5",
			"２０２６－０３－０５", " 2026/03/05 ", "2026-03-05 00:00:00", "2026/3/5 14:30" })
	void datesAsPeopleTypeThem(String typed) {
		assertThat(cell(typed).asDate("开办日期")).isEqualTo(MARCH_5);
	}

	@Test
	void aDateThatDoesNotExistOrIsNoDateIsRefusedNamingTheColumn() {
		assertThatThrownBy(() -> cell("2026-02-30").asDate("开办日期")).hasMessageContaining("开办日期")
			.hasMessageContaining("不是存在的日期");
		assertThatThrownBy(() -> cell("下周一").asDate("开办日期")).hasMessageContaining("开办日期应为日期");
		assertThatThrownBy(() -> cell(2026).asDate("开办日期")).as("a number of fewer than five digits is no serial anyone means")
			.hasMessageContaining("开办日期应为日期");
		assertThatThrownBy(() -> cell(202603).asDate("开办日期")).hasMessageContaining("开办日期应为日期");
		assertThatThrownBy(() -> cell(format(46086, "0.00%")).asDate("开办日期")).hasMessageContaining("开办日期应为日期");
		assertThat(cell(20260305).asDate("开办日期")).isEqualTo(MARCH_5);
	}

	/**
	 * A date whose cell format was reset to General (or pasted as values from a sheet that had it so) holds its serial,
	 * 46086 for 2026-03-05: read as the day Excel shows once the cell is formatted as a date — in a 1904 workbook by
	 * that workbook's count — with a time fraction ignored, and as its month for a month column.
	 */
	@Test
	void aDateSerialInAGeneralCellIsTheDayExcelShowsForIt() {
		assertThat(cell(46086).kind()).isEqualTo(SheetCell.Kind.NUMBER);
		assertThat(cell(46086).asDate("开办日期")).isEqualTo(MARCH_5);
		assertThat(cell(46086.625).asDate("开办日期")).isEqualTo(MARCH_5);
		assertThat(cell(46086).asMonth("月份")).isEqualTo(YearMonth.of(2026, 3));
		SheetRow mac = only(new TypedWorkbook(List.of("值")).date1904().row(List.of(46086 - 1462)));
		assertThat(mac.cell("值").asDate("值")).isEqualTo(MARCH_5);
	}

	/**
	 * One column of a real workbook holding the day three ways — a date cell, the text a person types, and the serial
	 * of a date cell whose format was reset to General — is read as the same day on every row.
	 */
	@Test
	void aDateCellATextDateAndAGeneralSerialReadAlike() {
		List<SheetRow> rows = SheetRows.read(new TypedWorkbook(List.of("开办日期")).row(List.of(MARCH_5))
			.row(List.of("2026-03-05")).row(List.of(46086)).row(List.of(builtin(46086, 0))).bytes(), List.of("开办日期"));
		assertThat(rows).extracting(r -> r.cell("开办日期").asDate("开办日期")).containsExactly(MARCH_5, MARCH_5, MARCH_5,
				MARCH_5);
	}

	/**
	 * An import template writes its example day as a date cell shown yyyy-mm-dd, as the exports write a day; read back
	 * through the import's reader it is that day, and its text is the example's, so the example row is still known.
	 */
	@Test
	void aTemplatesExampleDayIsADateCell() throws Exception {
		byte[] template = SheetRows.template("示例", List.of("名称", "开办日期", "编号"), List.of("示例网点", "2026-03-05", "2026-13-05"));
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			var day = book.getSheetAt(0).getRow(1).getCell(1);
			assertThat(day.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
			assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(day)).isTrue();
			assertThat(day.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
			assertThat(day.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(MARCH_5);
			assertThat(book.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).as("no real day: its text")
				.isEqualTo("2026-13-05");
		}
		SheetRow row = SheetRows.read(template, List.of("名称", "开办日期")).get(0);
		assertThat(row.cell("开办日期").kind()).isEqualTo(SheetCell.Kind.DATE);
		assertThat(row.cell("开办日期").asDate("开办日期")).isEqualTo(MARCH_5);
		assertThat(row.get("开办日期")).isEqualTo("2026-03-05");
	}

	@Test
	void monthsFromDateCellsNumbersAndText() {
		assertThat(cell(format(LocalDate.of(2024, 1, 1), "yyyy\"年\"m\"月\"")).asMonth("月份")).isEqualTo(YearMonth.of(2024, 1));
		assertThat(cell(202401).asMonth("月份")).isEqualTo(YearMonth.of(2024, 1));
		assertThat(cell(202410).asMonth("月份")).isEqualTo(YearMonth.of(2024, 10));
		for (String typed : List.of("2024-01", "2024/1", "2024年1月", "202401", "2024.01", "2024-01-01")) {
			assertThat(cell(typed).asMonth("月份")).as(typed).isEqualTo(YearMonth.of(2024, 1));
		}
		assertThatThrownBy(() -> cell("2024-13").asMonth("月份")).hasMessageContaining("月份应为年月");
	}

	@Test
	void yesAndNoAsWordsOrBooleans() {
		assertThat(cell("是").asYesNo("货架")).isTrue();
		assertThat(cell(false).asYesNo("货架")).isFalse();
		assertThat(cell(true).asYesNo("货架")).isTrue();
		for (String yes : List.of("TRUE", "true", "真", "Y", "y", "Ｙ", "YES")) {
			assertThat(cell(yes).asYesNo("货架")).as(yes).isTrue();
		}
		for (String no : List.of("FALSE", "False", "假", "N", "ｎ", "NO")) {
			assertThat(cell(no).asYesNo("货架")).as(no).isFalse();
		}
		assertThatThrownBy(() -> cell("有").asYesNo("货架")).hasMessageContaining("货架应填“是”或“否”");
	}

	@Test
	void borderedEmptyRowsDownTo60000DoNotCountOrRefuseTheFile() {
		TypedWorkbook book = new TypedWorkbook(List.of("名称", "面积")).row(List.of("唯一一行", format(30, "#,##0")))
			.borderedDownTo(60_000);
		List<SheetRow> rows = SheetRows.read(book.bytes(), List.of("名称"));
		assertThat(rows).singleElement().satisfies(r -> {
			assertThat(r.number()).isEqualTo(2);
			assertThat(r.get("名称")).isEqualTo("唯一一行");
		});
	}

	@Test
	void moreThanTenThousandDataRowsAreRefusedNamingTheLimit() {
		TypedWorkbook book = new TypedWorkbook(List.of("名称"));
		for (int i = 0; i < 10_000; i++) {
			book.row(List.of("网点" + i));
		}
		assertThat(SheetRows.read(book.bytes(), List.of("名称"))).hasSize(10_000);
		book.row(List.of("网点10000"));
		assertThatThrownBy(() -> SheetRows.read(book.borderedDownTo(10_010).bytes(), List.of("名称")))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("一次最多导入10000行数据")
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).singleElement()
				.satisfies(e -> assertThat(e.field()).isEqualTo("file")));
	}

	@Test
	void theHeaderIsTheFirstRowWithContentAndRowNumbersAreTheSheets() {
		TypedWorkbook book = new TypedWorkbook(List.of("名称", "面积")).blankRowsAbove(2).row(List.of("甲", 1))
			.row(new ArrayList<>(Arrays.asList(null, null)))
			.row(List.of("乙", 2));
		List<SheetRow> rows = SheetRows.read(book.bytes(), List.of("名称", "面积"));
		assertThat(rows).extracting(SheetRow::number).containsExactly(4, 6);
		assertThat(rows.get(1).cell("面积").asNumber("面积")).isEqualByComparingTo(BigDecimal.valueOf(2));
	}

	@Test
	void aFileThatIsNoWorkbookOrLacksAHeaderIsRefused() {
		assertThatThrownBy(() -> SheetRows.read("PK not really a zip".getBytes(), List.of("名称")))
			.hasMessageContaining("无法读取Excel工作簿（.xlsx）：文件已损坏或不是这种格式");
		assertThatThrownBy(() -> SheetRows.read(new TypedWorkbook(List.of("名称")).row(List.of("甲")).bytes(), List.of("名称", "地址")))
			.hasMessageContaining("表头缺少：地址");
	}

	static byte[] rawSheet(List<List<String>> rows, CellRangeAddress... merged) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook();
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet();
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					if (rows.get(r).get(c) != null) {
						row.createCell(c).setCellValue(rows.get(r).get(c));
					}
				}
			}
			for (var m : merged) {
				sheet.addMergedRegion(m);
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	/**
	 * A person's header names the column whatever they add: a * marking it required, a unit in brackets, a group over
	 * a two-row header (负责人信息 over 姓名, 身份证号, 电话).
	 */
	@Test
	void headersAreFoundWithMarkersUnitsAndGroups() throws Exception {
		byte[] marked = rawSheet(List.of(List.of("*网点名称", "存储场地面积（㎡）", "负责人*"), List.of("甲", "30", "王五")));
		assertThat(SheetRows.read(marked, List.of("网点名称", "存储场地面积", "负责人"))).singleElement().satisfies(r -> {
			assertThat(r.get("网点名称")).isEqualTo("甲");
			assertThat(r.get("存储场地面积")).isEqualTo("30");
			assertThat(r.get("负责人")).isEqualTo("王五");
		});
		byte[] grouped = rawSheet(List.of(Arrays.asList("网点名称", "负责人信息", null, null),
				Arrays.asList(null, "姓名", "身份证号", "电话"), List.of("甲", "王五", "11010519491231002X", "13812345678")),
				new CellRangeAddress(0, 1, 0, 0), new CellRangeAddress(0, 0, 1, 3));
		assertThat(SheetRows.read(grouped, List.of("网点名称", "负责人", "负责人身份证号", "负责人电话"))).singleElement()
			.satisfies(r -> {
				assertThat(r.get("负责人")).isEqualTo("王五");
				assertThat(r.get("负责人电话")).isEqualTo("13812345678");
			});
	}

	/** Rows that hold only a pre-filled 序号 (a column the import does not read) are empty rows, not data. */
	@Test
	void rowsWithOnlyASequenceNumberAreEmpty() throws Exception {
		byte[] numbered = rawSheet(List.of(List.of("序号", "名称"), List.of("1", "甲"), List.of("2"), List.of("3")));
		assertThat(SheetRows.read(numbered, List.of("名称"))).extracting(SheetRow::number).containsExactly(2);
	}

	/** A workbook of several sheets lacking the headers is told which sheet was read: the first visible one. */
	@Test
	void aMissingHeaderNamesTheSheetReadAmongSeveral() throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.createSheet("说明").createRow(0).createCell(0).setCellValue("请在第二个工作表填写");
			book.createSheet("数据").createRow(0).createCell(0).setCellValue("名称");
			book.write(out);
			assertThatThrownBy(() -> SheetRows.read(out.toByteArray(), List.of("名称")))
				.hasMessageContaining("表头缺少：名称").hasMessageContaining("“说明”");
		}
		assertThatThrownBy(() -> SheetRows.read(rawSheet(List.of(List.of("x"))), List.of("名称")))
			.hasMessageNotContaining("工作表");
	}

	/**
	 * A file that is no .xlsx is told what it is: an Excel 97-2003 workbook (a bare OLE2 file is none), a CSV renamed, a Strict Open XML
	 * workbook — each with the way to save it as .xlsx — and one that inflates beyond what is read says so, not broken.
	 */
	@Test
	void aFileOfAnotherKindIsToldWhatItIs() throws Exception {
		try (HSSFWorkbook xls = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			xls.createSheet("企业").createRow(0).createCell(0).setCellValue("名称");
			xls.write(out);
			assertRefused(out.toByteArray(), "old-format", "Excel 97-2003工作簿（.xls）", "另存为");
		}
		// a bare compound file (only the OLE2 header) is no workbook: not called one
		byte[] ole2 = new byte[512];
		System.arraycopy(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1 }, 0, ole2, 0, 8);
		assertRefused(ole2, "wrong-kind", "这是OLE2复合文档", "不是Excel工作簿（.xlsx）");
		assertRefused("企业名称,信用代码\n甲,91320506MA1XB2QK3D\n".getBytes(StandardCharsets.UTF_8), "text", "CSV文件", "另存为");
		ByteArrayOutputStream strict = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(strict)) {
			zip.putNextEntry(new ZipEntry("_rels/.rels"));
			zip.write(("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
					+ "Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" Target=\"xl/workbook.xml\" "
					+ "Id=\"rId1\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
		}
		assertRefused(strict.toByteArray(), "strict-ooxml", "严格Open XML", "另存为");
		ByteArrayOutputStream large = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(large)) {
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] spaces = new byte[1024 * 1024];
			Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i <= ZipArchiveFakeEntry.getMaxEntrySize() / spaces.length; i++) {
				zip.write(spaces);
			}
		}
		assertRefused(large.toByteArray(), "zip-size", "解压后过大", ZipArchiveFakeEntry.getMaxEntrySize() / 1_000_000 + "MB");
	}

	private static void assertRefused(byte[] file, String rule, String... says) {
		assertThatThrownBy(() -> SheetRows.read(file, List.of("名称")))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> {
					assertThat(e.field()).isEqualTo("file");
					assertThat(e.rule()).isEqualTo(rule);
					assertThat(e.message()).contains(says).doesNotContain("已损坏");
				}));
	}

	/** One field in two columns — twice by name, or by two of its names — is refused: the two may disagree. */
	@Test
	void aHeaderTypedInTwoColumnsIsRefusedNamingBoth() throws Exception {
		byte[] byAlias = rawSheet(List.of(List.of("名称", "罚款（元）", "罚款数额"), List.of("甲", "100", "99999")));
		assertThatThrownBy(() -> SheetRows.read(byAlias, List.of("名称", "罚款（元）"), List.of(), Map.of("罚款数额", "罚款（元）")))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> {
					assertThat(e.rule()).isEqualTo("duplicate-column");
					assertThat(e.message()).contains("罚款（元）", "罚款数额");
				}));
		byte[] twice = rawSheet(List.of(List.of("名称", "面积", "面积"), List.of("甲", "30", "40")));
		assertThatThrownBy(() -> SheetRows.read(twice, List.of("名称", "面积")))
			.hasMessageContaining("都表示“面积”");
		// a column the import does not know may repeat: it is not read
		byte[] other = rawSheet(List.of(List.of("名称", "备注", "备注"), List.of("甲", "x", "y")));
		assertThat(SheetRows.read(other, List.of("名称"))).singleElement().satisfies(r -> assertThat(r.get("名称")).isEqualTo("甲"));
	}

	@Test
	void aTitleRowAboveTheHeaderIsNotTheHeader() throws Exception {
		byte[] sheet = rawSheet(List.of(List.of("2025年网点台账"), List.of("名称", "面积"), List.of("甲", "30")),
				new CellRangeAddress(0, 0, 0, 1));
		List<SheetRow> rows = SheetRows.read(sheet, List.of("名称", "面积"));
		assertThat(rows).singleElement().satisfies(r -> {
			assertThat(r.number()).isEqualTo(3);
			assertThat(r.get("面积")).isEqualTo("30");
		});
	}

	@Test
	void aTwoRowHeaderIsReadAsExcelShowsIt() throws Exception {
		// 名称 merged down both rows; 通知书 merged across 文号 and 下达日期
		byte[] sheet = rawSheet(Arrays.asList(Arrays.asList("名称", "通知书", null),
				Arrays.asList(null, "文号", "下达日期"), List.of("甲", "吴〔2025〕1号", "2025-03-05")),
				new CellRangeAddress(0, 1, 0, 0), new CellRangeAddress(0, 0, 1, 2));
		List<SheetRow> rows = SheetRows.read(sheet, List.of("名称", "通知书文号"), List.of("下达日期"));
		assertThat(rows).singleElement().satisfies(r -> {
			assertThat(r.get("名称")).isEqualTo("甲");
			assertThat(r.get("通知书文号")).isEqualTo("吴〔2025〕1号");
			assertThat(r.get("下达日期")).isEqualTo("2025-03-05");
		});
		assertThatThrownBy(() -> SheetRows.read(sheet, List.of("名称", "通知书文号", "地址")))
			.hasMessageContaining("表头缺少：地址");
	}

	/**
	 * A ledger's 来源 merged down three rows shows on each of them, as Excel shows it — also where the file keeps a value
	 * hidden under the merge (丙's COMPLAINT, which Excel does not show); a merge across columns is not spread.
	 */
	@Test
	void aCellMergedDownAColumnIsTheValueOfEveryRowItSpans() throws Exception {
		byte[] sheet = rawSheet(Arrays.asList(List.of("企业", "来源", "备注"), Arrays.asList("甲", "INSPECTION", "跨列说明"),
				Arrays.asList("乙", null, null), Arrays.asList("丙", "COMPLAINT", null), Arrays.asList("丁", null, null)),
				new CellRangeAddress(1, 3, 1, 1), new CellRangeAddress(4, 4, 0, 2));
		List<SheetRow> rows = SheetRows.read(sheet, List.of("企业", "来源"), List.of("备注"));
		assertThat(rows).extracting(r -> r.get("来源")).containsExactly("INSPECTION", "INSPECTION", "INSPECTION", null);
		assertThat(rows).extracting(r -> r.get("企业")).containsExactly("甲", "乙", "丙", "丁");
		assertThat(rows).extracting(r -> r.get("备注")).containsExactly("跨列说明", null, null, null);
	}

	/**
	 * A number merged down a column is no row's number: every import reading the column as a number refuses each row
	 * the range spans (rule merged, naming the range and rows) — one typed 55 over D2:D5 never counts four times; the
	 * same sheet's label merged down (企业) is still each row's, and a number in a range on one data row is that row's.
	 */
	@Test
	void aNumberMergedDownIsRefusedWhereAColumnIsReadAsANumber() throws Exception {
		byte[] sheet;
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet s = book.createSheet();
			s.createRow(0).createCell(0).setCellValue("企业");
			s.getRow(0).createCell(1).setCellValue("格口数");
			s.getRow(0).createCell(2).setCellValue("地址");
			for (int r = 1; r <= 4; r++) {
				s.createRow(r).createCell(2).setCellValue("地址" + r);
			}
			s.getRow(1).createCell(0).setCellValue("甲");
			s.getRow(1).createCell(1).setCellValue(55);
			s.addMergedRegion(new CellRangeAddress(1, 4, 0, 0));
			s.addMergedRegion(new CellRangeAddress(1, 3, 1, 1));
			s.getRow(4).createCell(1).setCellValue(7);
			book.write(out);
			sheet = out.toByteArray();
		}
		List<String> committed = new ArrayList<>();
		ImportResult result = SheetImport.run(sheet, List.of("企业", "格口数", "地址"), Map.of(),
				(row, context) -> row.get("企业") + "/" + context.integer(row, "格口数"), committed::addAll);
		assertThat(result.rejected()).isTrue();
		assertThat(committed).isEmpty();
		assertThat(result.errors()).extracting(SheetRows.RowErrors::number).containsExactly(2, 3, 4);
		assertThat(result.errors()).allSatisfy(row -> assertThat(row.errors()).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("格口数");
			assertThat(e.rule()).isEqualTo("merged");
			assertThat(e.message()).contains("B2:B4").contains("第2–4行");
		}));
		assertThat(SheetRows.read(sheet, List.of("企业", "格口数", "地址"))).extracting(r -> r.get("企业"))
			.containsExactly("甲", "甲", "甲", "甲");
		assertThat(SheetRows.read(sheet, List.of("企业", "格口数", "地址")).get(3).cell("格口数").asInteger("格口数")).isEqualTo(7);
	}

	/**
	 * A formula reading another workbook keeps whatever that file held when this one was saved: refused naming each
	 * cell (a shared formula's dependents too), rule external-link; a table's structured reference and a bracket in
	 * quoted text are no such reference.
	 */
	@Test
	void aFormulaReferringToAnotherWorkbookIsRefusedNamingItsCells() throws Exception {
		byte[] typed = new TypedWorkbook(List.of("名称", "格口数")).row(List.of("甲", formula("SUM(555)")))
			.row(List.of("乙", formula("SUM(556)"))).bytes();
		byte[] linked = withSheetXml(withSheetXml(typed, "<f>SUM\\(555\\)</f>", "<f>[1]Sheet1!A1</f>"),
				"<f>SUM\\(556\\)</f>", "<f>'[2]表 一'!B3+1</f>");
		assertThatThrownBy(() -> SheetRows.read(linked, List.of("名称", "格口数")))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> {
				assertThat(ex.fieldErrors()).extracting(FieldError::field, FieldError::rule)
					.containsOnly(Tuple.tuple("file", "external-link"));
				assertThat(ex.fieldErrors()).extracting(FieldError::message)
					.anySatisfy(m -> assertThat(m).contains("B2").contains("[1]Sheet1!A1"))
					.anySatisfy(m -> assertThat(m).contains("B3"));
			});
		assertThat(SheetReader.refersToOtherWorkbook("[1]Sheet1!A1")).isTrue();
		assertThat(SheetReader.refersToOtherWorkbook("SUM('[台账.xlsx]Sheet1'!A1:A3)")).isTrue();
		assertThat(SheetReader.refersToOtherWorkbook("[1]!合计")).isTrue();
		assertThat(SheetReader.refersToOtherWorkbook("SUM(表1[数值])")).isFalse();
		assertThat(SheetReader.refersToOtherWorkbook("\"[1]Sheet1!A1\"&A1")).isFalse();
		assertThat(SheetReader.refersToOtherWorkbook("Sheet2!A1+1")).isFalse();
	}

	/**
	 * A formula reaching another workbook through a defined name ({@code =本月合计} with 本月合计 = {@code [1]Sheet1!$A$1},
	 * or a name built on such a name) is refused as the direct reference is, naming its cell; a name inside the
	 * workbook, or the name's text in quotes, is no such reference.
	 */
	@Test
	void aFormulaReachingAnotherWorkbookThroughADefinedNameIsRefused() throws Exception {
		byte[] typed = new TypedWorkbook(List.of("名称", "格口数")).row(List.of("甲", formula("SUM(555)")))
			.row(List.of("乙", formula("SUM(556)"))).row(List.of("丙", formula("SUM(557)"))).bytes();
		byte[] named = withXml(typed, "xl/workbook.xml", "</sheets>", "</sheets><definedNames>"
				+ "<definedName name=\"本月合计\">[1]Sheet1!\\$A\\$1</definedName>"
				+ "<definedName name=\"Total_2\">本月合计+1</definedName>"
				+ "<definedName name=\"本地\">Sheet1!\\$B\\$2</definedName></definedNames>");
		byte[] linked = withSheetXml(withSheetXml(withSheetXml(named, "<f>SUM\\(555\\)</f>", "<f>本月合计*2</f>"),
				"<f>SUM\\(556\\)</f>", "<f>SUM(total_2,1)</f>"), "<f>SUM\\(557\\)</f>", "<f>本地+LEN(\"本月合计\")</f>");
		assertThatThrownBy(() -> SheetRows.read(linked, List.of("名称", "格口数")))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> {
				assertThat(ex.fieldErrors()).extracting(FieldError::field, FieldError::rule)
					.containsOnly(Tuple.tuple("file", "external-link"));
				assertThat(ex.fieldErrors()).extracting(FieldError::message)
					.anySatisfy(m -> assertThat(m).contains("B2").contains("本月合计*2"))
					.anySatisfy(m -> assertThat(m).contains("B3"))
					.noneSatisfy(m -> assertThat(m).contains("B4"));
			});
		assertThat(SheetReader.externalNames(Map.of("A", "[1]Sheet1!A1", "B", "a*2", "C", "Sheet1!A1", "D", "\"B\"")))
			.containsExactlyInAnyOrder("A", "B");
	}

	/**
	 * A number cell whose XML says {@code 1e-999999} (no Excel writes it; a crafted file can) and the same as text: each
	 * is the row's failure naming its column, told in a short message by rule {@code digits} (the text as a form tells
	 * it; an integer column by rule {@code integer} and its range), and nothing is imported — never a million-digit value written out or rounded.
	 */
	@Test
	void aNumberWithAHugeExponentIsReportedAsABadRowNotWrittenOut() throws Exception {
		byte[] book = withNumberXml(new TypedWorkbook(List.of("格口数", "面积")).row(List.of(12345, "1e-999999")).bytes(),
				"12345", "1e-999999");
		List<String> committed = new ArrayList<>();
		ImportResult result = SheetImport.run(book, List.of("格口数", "面积"), Map.of(), (row, context) -> {
			Integer compartments = context.integer(row, "格口数");
			BigDecimal area = context.decimal(row, "面积");
			return compartments + "/" + area;
		}, committed::addAll);
		assertThat(result.rejected()).isTrue();
		assertThat(committed).isEmpty();
		assertThat(result.errors()).hasSize(1);
		assertThat(result.errors().get(0).errors()).extracting(FieldError::field,
				FieldError::rule)
			// an integer column tells it by its range (attack round 27), a decimal one by the reader's digits
			.containsExactlyInAnyOrder(Tuple.tuple("格口数", "integer"),
					Tuple.tuple("面积", "digits"));
		assertThat(result.errors().get(0).errors()).allSatisfy(e -> assertThat(e.message()).hasSizeLessThan(120));
		assertThat(SheetCell.number(new BigDecimal("1e-999999"), false).isError()).isTrue();
	}

	/**
	 * A formula without its result says what to type by how the import reads the column — its declared type — not by
	 * its header's wording: 数据来源 read as text is told 文字 (its header says 数), 件数 read as a number 数值, 登记 read
	 * as a date 日期 (its header says nothing of it).
	 */
	@Test
	void aFormulaWithoutResultIsToldTheKindTheColumnIsReadAs() {
		byte[] book = new TypedWorkbook(List.of("数据来源", "件数", "登记")).row(List.of(formulaWithoutResult("\"甲\"&\"乙\""),
				formulaWithoutResult("1+2"), formulaWithoutResult("DATE(2024,1,1)"))).bytes();
		ImportResult result = SheetImport.run(book, List.of("数据来源", "件数", "登记"), Map.of(), (row, context) -> {
			String source = row.get("数据来源");
			Integer count = context.integer(row, "件数");
			LocalDate on = context.date(row, "登记");
			return source + count + on;
		}, rows -> { });
		assertThat(result.errors()).hasSize(1);
		assertThat(result.errors().get(0).errors()).extracting(FieldError::message)
			.anySatisfy(m -> assertThat(m).startsWith("数据来源是公式").endsWith("改为文字"))
			.anySatisfy(m -> assertThat(m).startsWith("件数是公式").endsWith("改为数值"))
			.anySatisfy(m -> assertThat(m).startsWith("登记是公式").endsWith("改为日期"))
			.hasSize(3);
	}

	/**
	 * Every import through the shared shape leaves the trailing totals rows out (合计, 总计, 小计 in the first text
	 * cell) and names them; a sheet of totals alone has no data rows.
	 */
	@Test
	void trailingTotalsRowsAreNoDataAndASheetOfTotalsAloneIsEmpty() {
		byte[] book = new TypedWorkbook(List.of("名称", "件数")).row(List.of("甲", 2)).row(List.of("小计", 2))
			.row(List.of("总 计：", formulaWithoutResult("SUM(B2:B3)"))).bytes();
		List<String> committed = new ArrayList<>();
		ImportResult result = SheetImport.run(book, List.of("名称", "件数"), Map.of(),
				(row, context) -> row.get("名称") + context.integer(row, "件数"), committed::addAll);
		assertThat(result.rejected()).isFalse();
		assertThat(committed).containsExactly("甲2");
		assertThat(result.totalsRows()).containsExactly(3, 4);
		assertThat(ImportResult.totalsText(result.totalsRows())).isEqualTo("第3、4行是合计行，未导入");

		byte[] totalsOnly = new TypedWorkbook(List.of("名称", "件数")).row(List.of("合计", 2)).bytes();
		assertThatThrownBy(() -> SheetImport.run(totalsOnly, List.of("名称", "件数"), Map.of(), (row, context) -> row,
				rows -> { })).isInstanceOf(InvalidValueException.class).hasMessageContaining("第2行是合计行");
	}

	/**
	 * A text formula saved without its result ({@code t="str"}, no {@code <v>}) is no empty cell but a formula without
	 * result, told as such (a required column does not say 不能为空, an optional one is not saved empty); one saved with
	 * an empty result ({@code <v></v>}) gave "" and is blank.
	 */
	@Test
	void aTextFormulaSavedWithoutItsResultIsAFormulaWithoutResultNotAnEmptyCell() throws Exception {
		byte[] book = new TypedWorkbook(List.of("名称", "地点")).row(List.of("甲", 11111)).row(List.of("乙", 22222)).bytes();
		book = withSheetXml(book, "<c r=\"B2\"[^>]*><v>11111(\\.0)?</v></c>", "<c r=\"B2\" t=\"str\"><f>\"吴中\"&amp;\"区\"</f></c>");
		book = withSheetXml(book, "<c r=\"B3\"[^>]*><v>22222(\\.0)?</v></c>", "<c r=\"B3\" t=\"str\"><f>\"\"</f><v></v></c>");
		List<SheetRow> rows = SheetRows.read(book, List.of("名称", "地点"));
		assertThat(rows.get(0).errorCells()).containsEntry("地点", SheetCell.NO_RESULT);
		assertThat(rows.get(1).errorCells()).isEmpty();
		assertThat(rows.get(1).get("地点")).isNull();
	}

	/**
	 * A cell beyond what Excel holds (32,767 characters) is no clerk's sheet: refused naming its row and column as it
	 * is read (attack round 13: a 97 KB file with one 30-million-character cell was held whole, then copied into the
	 * annotated sheet, and two at once exhausted the heap). A cell of exactly that length is read.
	 */
	@Test
	void aCellLongerThanExcelHoldsIsRefusedAsItIsRead() throws Exception {
		byte[] book = rawSheet(List.of(List.of("名称"), List.of("甲")));
		StringBuilder text = new StringBuilder();
		for (int i = 0; text.length() < SheetReader.MAX_CELL_CHARS + 1; i++) {
			text.append((char) ('一' + i % 2000));
		}
		String tooLong = text.toString();
		String fits = tooLong.substring(0, SheetReader.MAX_CELL_CHARS);
		byte[] refused = withSheetXml(book, "</sheetData>",
				"<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>" + tooLong + "</t></is></c></row></sheetData>");
		assertThatThrownBy(() -> SheetRows.read(refused, List.of("名称")))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> {
					assertThat(e.field()).isEqualTo("file");
					assertThat(e.rule()).isEqualTo("cell-too-long");
					assertThat(e.message()).contains("第3行A列", "32767");
				}));
		// a shared string as long (the sheet's cell holds only its index)
		byte[] shared = withXml(book, "xl/sharedStrings.xml", "<t>甲</t>", "<t>" + tooLong + "</t>");
		assertThatThrownBy(() -> SheetRows.read(shared, List.of("名称")))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> assertThat(e.message()).contains("第2行A列")));
		byte[] read = withSheetXml(book, "</sheetData>",
				"<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>" + fits + "</t></is></c></row></sheetData>");
		assertThat(SheetRows.read(read, List.of("名称"))).extracting(r -> r.get("名称").length())
			.containsExactly(1, SheetReader.MAX_CELL_CHARS);
	}

	/** The workbook with the number cell written as {@code from} given {@code to} in the sheet's XML instead. */
	static byte[] withNumberXml(byte[] xlsx, String from, String to) throws Exception {
		return withSheetXml(xlsx, "<v>" + from + "(\\.0)?</v>", "<v>" + to + "</v>");
	}

	/** The workbook with what {@code regex} matches in its sheets' XML replaced by {@code replacement}. */
	static byte[] withSheetXml(byte[] xlsx, String regex, String replacement) throws Exception {
		return withXml(xlsx, "xl/worksheets/", regex, replacement);
	}

	/** The workbook with what {@code regex} matches in its parts under {@code part} replaced by {@code replacement}. */
	static byte[] withXml(byte[] xlsx, String part, String regex, String replacement) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (var in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				var zip = new ZipOutputStream(out)) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (entry.getName().startsWith(part)) {
					String xml = new String(content, StandardCharsets.UTF_8);
					String changed = xml.replaceAll(regex, replacement);
					assertThat(changed).as("the cell in the XML").isNotEqualTo(xml);
					content = changed.getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(content);
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	@Test
	void theFirstVisibleSheetIsReadAndAnnotatedNotAHiddenHelperSheetBeforeIt() throws Exception {
		byte[] content;
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet helper = book.createSheet("字典");
			helper.createRow(0).createCell(0).setCellValue("值");
			helper.createRow(1).createCell(0).setCellValue("隐藏的参数");
			Sheet data = book.createSheet("导入");
			data.createRow(0).createCell(0).setCellValue("值");
			data.createRow(1).createCell(0).setCellValue("填写的数据");
			book.setSheetHidden(0, true);
			book.setActiveSheet(1);
			book.write(out);
			content = out.toByteArray();
		}
		assertThat(SheetRows.read(content, List.of("值"))).extracting(r -> r.get("值")).containsExactly("填写的数据");
		byte[] annotated = SheetRows.annotate(content, List.of(new SheetRows.RowErrors(2,
				List.of(new FieldError("值", "x", "错了")))));
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
			assertThat(book.getSheet("导入").getRow(0).getCell(1).getStringCellValue()).isEqualTo("错误");
			assertThat(book.getSheet("字典").getRow(0).getCell(1)).isNull();
		}
	}

	@Test
	void fullWidthCodesAreReadAsTheAsciiTheyShowButNamesKeepTheirForms() {
		assertThat(cell("９１３２０５０６ＭＡ１ＸＢ２ＱＫ３Ｄ").text()).isEqualTo("91320506MA1XB2QK3D");
		assertThat(cell("３２０５０６００１").text()).isEqualTo("320506001");
		assertThat(cell("１２０．６１").asNumber("经度")).isEqualByComparingTo("120.61");
		assertThat(cell("菜鸟驿站（示例店）").text()).isEqualTo("菜鸟驿站（示例店）");
	}

	@Test
	void escapedCharactersAreDecodedSoAControlCharacterIsSeenAsOne() throws Exception {
		byte[] base = new TypedWorkbook(List.of("值")).row(List.of("占位文字")).bytes();
		byte[] inline = withSheetXml(base, "<c r=\"A2\"([^>]*) t=\"s\"([^>]*)><v>\\d+</v></c>",
				"<c r=\"A2\"$1 t=\"inlineStr\"$2><is><t>响铃_x0007_网点</t></is></c>");
		assertThat(SheetRows.read(inline, List.of("值")).get(0).get("值")).isEqualTo("响铃\u0007网点");
		byte[] shared = withXml(base, "xl/sharedStrings", "占位文字", "响铃_x0007_网点_x005F_x0041_");
		assertThat(SheetRows.read(shared, List.of("值")).get(0).get("值")).isEqualTo("响铃\u0007网点_x0041_");
	}

	@Test
	void longRepetitiveTextsAreReadNotRefusedAsABrokenFile() {
		TypedWorkbook book = new TypedWorkbook(List.of("序号", "说明"));
		for (int i = 0; i < 12; i++) {
			book.row(List.of(String.valueOf(i), i + "号：" + "整改到位。".repeat(6_000)));
		}
		List<SheetRow> rows = SheetRows.read(book.bytes(), List.of("说明"));
		assertThat(rows).hasSize(12);
		assertThat(rows.get(11).get("说明")).startsWith("11号：整改到位。").hasSize(4 + 5 * 6_000);
		assertThat(SheetRows.annotate(book.bytes(), List.of())).isNotEmpty();
	}

	@Test
	void aTwoRowHeaderWhoseGroupHoldsOptionalColumnsOnlyIsAHeader() throws Exception {
		byte[] content;
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("网点");
			Row upper = sheet.createRow(0);
			upper.createCell(0).setCellValue("网点名称");
			upper.createCell(1).setCellValue("地址");
			upper.createCell(2).setCellValue("设施情况");
			Row lower = sheet.createRow(1);
			lower.createCell(2).setCellValue("通信设施");
			lower.createCell(3).setCellValue("货架");
			sheet.addMergedRegion(new CellRangeAddress(0, 1, 0, 0));
			sheet.addMergedRegion(new CellRangeAddress(0, 1, 1, 1));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 2, 3));
			Row data = sheet.createRow(2);
			data.createCell(0).setCellValue("木渎驿站");
			data.createCell(1).setCellValue("木渎镇中山路1号");
			data.createCell(2).setCellValue("是");
			data.createCell(3).setCellValue("否");
			book.write(out);
			content = out.toByteArray();
		}
		List<SheetRow> rows = SheetRows.read(content, List.of("网点名称", "地址"), List.of("通信设施", "货架"));
		assertThat(rows).singleElement().satisfies(r -> {
			assertThat(r.number()).isEqualTo(3);
			assertThat(r.get("网点名称")).isEqualTo("木渎驿站");
			assertThat(r.get("通信设施")).isEqualTo("是");
			assertThat(r.get("货架")).isEqualTo("否");
		});
	}
}
