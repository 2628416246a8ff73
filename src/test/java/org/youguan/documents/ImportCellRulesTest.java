package org.youguan.documents;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every import is told about a cell, on real .xlsx files written by POI and read back through the shared reader:
 * one message a cell, an error value shown as text is the error it shows, and data rows Excel hides are refused.
 */
class ImportCellRulesTest {

	/** A workbook of one sheet: the header 名称, 金额 and one row per entry, each cell written by {@code cell}. */
	interface CellWriter {

		void write(XSSFWorkbook book, XSSFCell cell);
	}

	static byte[] book(List<CellWriter> amounts) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.createSheet("导入");
			XSSFRow head = sheet.createRow(0);
			head.createCell(0).setCellValue("名称");
			head.createCell(1).setCellValue("金额");
			for (int i = 0; i < amounts.size(); i++) {
				XSSFRow row = sheet.createRow(i + 1);
				row.createCell(0).setCellValue("第" + (i + 1) + "项");
				amounts.get(i).write(book, row.createCell(1));
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	static void evaluated(XSSFWorkbook book, XSSFCell cell, String formula) {
		cell.setCellFormula(formula);
		FormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
		evaluator.evaluateFormulaCell(cell);
	}

	/** Reads 金额 as an amount in yuan, with a service's money rules behind it, as the penalty import does. */
	static ImportResult importAmounts(byte[] content) {
		return SheetImport.run(content, List.of("名称", "金额"), Map.of("amount", "金额"), (row, context) -> {
			var amount = context.decimal(row, "金额");
			return context.checked(() -> {
				new Validation().money("amount", "金额", amount).fits("amount", "金额", amount, 12, 2).throwIfInvalid();
				return amount;
			});
		}, rows -> {
		});
	}

	/**
	 * 8000.004 breaks two rules of an amount (two decimals at most, and the column's digits): the cell is told once,
	 * by the first — in the service's rules and in any row check that fails a column twice.
	 */
	@Test
	void aCellIsToldOnceByTheFirstRuleItBroke() throws Exception {
		ImportResult result = importAmounts(book(List.of((book, cell) -> cell.setCellValue(8000.004),
				(book, cell) -> cell.setCellValue("8000.004"))));
		assertThat(result.errors()).hasSize(2).allSatisfy(row -> assertThat(row.errors()).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("金额");
			assertThat(e.rule()).isEqualTo("money");
			assertThat(e.message()).contains("最多两位小数").contains("8000.004").doesNotContain("超出允许的位数");
		}));

		ImportResult twice = SheetImport.run(book(List.of((book, cell) -> cell.setCellValue("abc"))), List.of("名称", "金额"),
				Map.of(), (row, context) -> {
					context.decimal(row, "金额");
					context.fail("金额", "digits", "金额位数太多");
					context.fail("名称", "required", "名称不对");
					context.fail("名称", "unique", "名称重复");
					return row;
				}, rows -> {
				});
		assertThat(twice.errors()).singleElement().extracting(RowErrors::errors).asInstanceOf(list(FieldError.class))
			.extracting(e -> e.field() + ":" + e.rule()).containsExactly("金额:number", "名称:required");
	}

	/** The service's rules alone (a form, the JSON import): 8000.004 is one failure of the field, not two. */
	@Test
	void anAmountWithThreeDecimalsIsOneFailureOfItsField() {
		var amount = new BigDecimal("8000.004");
		assertThat(new Validation().money("fine", "罚款金额", amount).fits("fine", "罚款金额", amount, 12, 2).errors())
			.extracting(FieldError::rule).containsExactly("money");
		var big = new BigDecimal("1234567890123.45");
		assertThat(new Validation().money("fine", "罚款金额", big).fits("fine", "罚款金额", big, 12, 2).errors())
			.extracting(FieldError::rule).containsExactly("digits");
	}

	/**
	 * An error value is an error wherever the file keeps it — an error cell, a formula's cached error, a text formula
	 * whose result is "#VALUE!", an error typed or pasted as text, a number cell holding an error's text —: told as the
	 * error it is (rule {@code cell-error}, naming the column and the error, saying to type a number), never
	 * "应为数字：#VALUE!" as if it were a typed value.
	 */
	@Test
	void anErrorValueShownAsTextIsTheErrorNotAValue() throws Exception {
		byte[] content = book(List.of((book, cell) -> cell.setCellErrorValue(FormulaError.VALUE),
				(book, cell) -> evaluated(book, cell, "1/0"),
				(book, cell) -> evaluated(book, cell, "IF(TRUE,\"#VALUE!\",\"\")"),
				(book, cell) -> cell.setCellValue("#N/A"),
				(book, cell) -> cell.setCellValue(" #ref! "),
				(book, cell) -> cell.setCellValue(1)));
		// a number cell whose <v> holds an error's text, as some programs write it
		content = TypedWorkbook.withSheetXml(content, "<c r=\"B7\"([^>]*)><v>1(\\.0)?</v></c>", "<c r=\"B7\"><v>#NUM!</v></c>");
		ImportResult result = importAmounts(content);
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(2, 3, 4, 5, 6, 7);
		List<String> shown = List.of("#VALUE!", "#DIV/0!", "#VALUE!", "#N/A", "#REF!", "#NUM!");
		for (int i = 0; i < shown.size(); i++) {
			assertThat(result.errors().get(i).errors()).as("row %d", i + 2).singleElement().satisfies(e -> {
				assertThat(e.field()).isEqualTo("金额");
				assertThat(e.rule()).isEqualTo("cell-error");
			}).extracting(FieldError::message).asString().contains("金额单元格的值是错误“").endsWith("或将该单元格改为数值")
				.doesNotContain("应为数字");
			assertThat(result.errors().get(i).errors().get(0).message()).contains("“" + shown.get(i) + "”");
		}
		// a name that only contains a # stays text
		assertThat(SheetCell.textOrError("#1 仓库").kind()).isEqualTo(SheetCell.Kind.TEXT);
	}

	/**
	 * A number cell whose stored value is NaN or infinity (a program's float written into the XML; Excel never saves
	 * one) is told as what it is — no number, its value named — not as the error value "#VALUE!" the cell never showed.
	 */
	@Test
	void aNumberCellHoldingNaNOrInfinityIsToldItIsNoNumber() throws Exception {
		byte[] content = book(List.of((book, cell) -> cell.setCellValue(1), (book, cell) -> cell.setCellValue(2),
				(book, cell) -> cell.setCellValue(3)));
		content = TypedWorkbook.withSheetXml(content, "<c r=\"B2\"([^>]*)><v>1(\\.0)?</v></c>", "<c r=\"B2\"><v>NaN</v></c>");
		content = TypedWorkbook.withSheetXml(content, "<c r=\"B3\"([^>]*)><v>2(\\.0)?</v></c>", "<c r=\"B3\"><v>INF</v></c>");
		content = TypedWorkbook.withSheetXml(content, "<c r=\"B4\"([^>]*)><v>3(\\.0)?</v></c>", "<c r=\"B4\"><v>-Infinity</v></c>");
		ImportResult result = importAmounts(content);
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(2, 3, 4);
		List<String> stored = List.of("NaN", "INF", "-Infinity");
		for (int i = 0; i < stored.size(); i++) {
			assertThat(result.errors().get(i).errors()).as("row %d", i + 2).singleElement().satisfies(e -> {
				assertThat(e.field()).isEqualTo("金额");
				assertThat(e.rule()).isEqualTo("number");
			}).extracting(FieldError::message).asString().contains("不是数字").contains("“" + stored.get(i) + "”")
				.doesNotContain("#VALUE!").endsWith("请将该单元格改为数值");
		}
	}

	/** A workbook whose rows 3 and 5 (of data) are hidden, row 7 hidden and empty, and a hidden trailing 合计 row. */
	static byte[] withHiddenRows(boolean hideData) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.createSheet("导入");
			sheet.createRow(0).createCell(0).setCellValue("名称");
			sheet.getRow(0).createCell(1).setCellValue("金额");
			for (int r = 1; r <= 4; r++) {
				XSSFRow row = sheet.createRow(r);
				row.createCell(0).setCellValue("第" + r + "项");
				row.createCell(1).setCellValue(r * 100);
				row.setZeroHeight(hideData && (r == 2 || r == 4));
			}
			sheet.createRow(6).setZeroHeight(true);
			XSSFRow totals = sheet.createRow(5);
			totals.createCell(0).setCellValue("合计");
			totals.createCell(1).setCellValue(1000);
			totals.setZeroHeight(true);
			book.write(out);
			return out.toByteArray();
		}
	}

	/**
	 * Data rows hidden in Excel (by hand, a filter or a collapsed group) would be imported unseen: the workbook is
	 * refused naming them (rule {@code hidden-rows}); a hidden empty row or a hidden trailing totals row, neither of
	 * them imported, refuses nothing.
	 */
	@Test
	void hiddenDataRowsAreRefusedNamingThem() throws Exception {
		assertThatThrownBy(() -> importAmounts(withHiddenRows(true)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> {
					assertThat(e.field()).isEqualTo("file");
					assertThat(e.rule()).isEqualTo("hidden-rows");
					assertThat(e.message()).contains("第3、5行").contains("隐藏").doesNotContain("6").doesNotContain("7");
				}));
		assertThat(SheetRows.read(withHiddenRows(false), List.of("名称", "金额"))).hasSize(5);
	}

	/**
	 * A column read hidden in Excel (by hand, a collapsed group, or zero wide) would be imported unseen, as a hidden row
	 * would: the workbook is refused naming it (rule {@code hidden-columns}); a hidden helper column that is not read
	 * refuses nothing.
	 */
	@Test
	void aHiddenColumnReadIsRefusedNamingIt() throws Exception {
		byte[] helperHidden;
		byte[] amountHidden;
		try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(withHiddenRows(false)));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.getSheetAt(0);
			sheet.getRow(0).createCell(2).setCellValue("备用");
			sheet.getRow(1).createCell(2).setCellValue("辅助计算");
			sheet.setColumnHidden(2, true);
			book.write(out);
			helperHidden = out.toByteArray();
		}
		assertThat(SheetRows.read(helperHidden, List.of("名称", "金额"))).hasSize(5);
		try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(helperHidden));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.getSheetAt(0).setColumnHidden(1, true);
			book.write(out);
			amountHidden = out.toByteArray();
		}
		assertThatThrownBy(() -> SheetRows.read(amountHidden, List.of("名称", "金额")))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> {
					assertThat(e.field()).isEqualTo("file");
					assertThat(e.rule()).isEqualTo("hidden-columns");
					assertThat(e.message()).contains("B列“金额”").doesNotContain("备用");
				}));
		// zero wide is hidden too
		byte[] zeroWide = TypedWorkbook.withSheetXml(helperHidden, "<cols>", "<cols><col min=\"2\" max=\"2\" width=\"0\" customWidth=\"1\"/>");
		assertThatThrownBy(() -> SheetRows.read(zeroWide, List.of("名称", "金额")))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors().get(0).rule())
				.isEqualTo("hidden-columns"));
		assertThat(SheetReader.hiddenColumns("2", "3", "1", null)).isEqualTo(new SheetReader.Columns(1, 2));
		assertThat(SheetReader.hiddenColumns("2", "3", null, "8.43")).isNull();
	}

	/** A row hidden by a height of 0 (as some programs write it) is as hidden as one marked hidden. */
	@Test
	void aRowOfNoHeightIsHidden() throws Exception {
		byte[] content = TypedWorkbook.withSheetXml(withHiddenRows(false), "<row r=\"3\"", "<row ht=\"0\" customHeight=\"1\" r=\"3\"");
		assertThatThrownBy(() -> SheetRows.read(content, List.of("名称", "金额")))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors().get(0).message())
				.contains("第3行"));
		assertThat(SheetReader.hidden(null, "15.0")).isFalse();
		assertThat(SheetReader.hidden("0", null)).isFalse();
	}

	/** Reading 名称, 金额 refuses the whole file by {@code rule}, the message naming {@code named}, not {@code notNamed}. */
	static void refusedOnFile(byte[] content, String rule, String named, String notNamed) {
		assertThatThrownBy(() -> SheetRows.read(content, List.of("名称", "金额")))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> {
					assertThat(e.field()).isEqualTo("file");
					assertThat(e.rule()).isEqualTo(rule);
					assertThat(e.message()).contains(named).doesNotContain(notNamed);
				}));
	}

	/**
	 * Makes the sheet of {@link #withHiddenRows} hide its rows by default ({@code zeroHeight="1"}): the header and the
	 * first data row get a height of their own, the data rows from {@code from} (0-based) to the last say nothing of
	 * their own — no height, no {@code hidden} attribute.
	 */
	static void rowsHiddenByDefault(XSSFSheet sheet, int from) {
		sheet.getCTWorksheet().getSheetFormatPr().setZeroHeight(true);
		sheet.getRow(0).setHeightInPoints(15);
		sheet.getRow(1).setHeightInPoints(15);
		for (int r = from; r <= 4; r++) {
			if (sheet.getRow(r).getCTRow().isSetHidden()) {
				sheet.getRow(r).getCTRow().unsetHidden();
			}
		}
	}

	/**
	 * Attack round 19: {@code <sheetFormatPr zeroHeight="1">} hides every row without a height of its own — Excel shows
	 * the header and the rows given a height, nothing else —, so those data rows are refused as hidden rows are; a
	 * sheet whose default column width is 0 hides every column no {@code <col>} sizes, refused when one is read.
	 */
	@Test
	void rowsAndColumnsHiddenByTheSheetsDefaultAreRefusedAsHidden() throws Exception {
		byte[] rowsByDefault;
		byte[] columnsByDefault;
		byte[] everyColumnSized;
		try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(withHiddenRows(false)));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			rowsHiddenByDefault(book.getSheetAt(0), 2);
			book.write(out);
			rowsByDefault = out.toByteArray();
		}
		refusedOnFile(rowsByDefault, "hidden-rows", "第3、4、5行", "第2、");
		try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(withHiddenRows(false)));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.getSheetAt(0);
			sheet.getCTWorksheet().getSheetFormatPr().setDefaultColWidth(0);
			sheet.setColumnWidth(0, 12 * 256);
			book.write(out);
			columnsByDefault = out.toByteArray();
			sheet.setColumnWidth(1, 12 * 256);
			ByteArrayOutputStream sized = new ByteArrayOutputStream();
			book.write(sized);
			everyColumnSized = sized.toByteArray();
		}
		refusedOnFile(columnsByDefault, "hidden-columns", "B列“金额”", "A列");
		assertThat(SheetRows.read(everyColumnSized, List.of("名称", "金额"))).hasSize(5);
		assertThat(SheetReader.hidden(null, null, true)).isTrue();
		assertThat(SheetReader.hidden(null, "15", true)).isFalse();
		assertThat(SheetReader.unsized(List.of(new SheetReader.Columns(2, 3), new SheetReader.Columns(0, 0))))
			.containsExactly(new SheetReader.Columns(1, 1), new SheetReader.Columns(4, SheetReader.LAST_COLUMN));
	}

	/**
	 * Attack round 21: a row 0.1 pt high, a column 0.01 characters wide, or a sheet whose default row height is 0.05 pt
	 * shows nothing one can read, so such rows and columns are refused as hidden ones are; a thin (3 pt) row or a narrow
	 * (0.5 character) column is not.
	 */
	@Test
	void rowsAndColumnsTooThinToSeeAreRefusedAsHidden() throws Exception {
		byte[] thinRow;
		byte[] thinColumn;
		byte[] thinByDefault;
		byte[] thinButVisible;
		try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(withHiddenRows(false)));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.getSheetAt(0);
			sheet.getRow(2).setHeightInPoints(0.1f);
			book.write(out);
			thinRow = out.toByteArray();
			sheet.getRow(2).setHeightInPoints(3);
			sheet.setColumnWidth(1, 128);
			ByteArrayOutputStream visible = new ByteArrayOutputStream();
			book.write(visible);
			thinButVisible = visible.toByteArray();
			sheet.setColumnWidth(1, 3);
			ByteArrayOutputStream narrow = new ByteArrayOutputStream();
			book.write(narrow);
			thinColumn = narrow.toByteArray();
		}
		try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(withHiddenRows(false)));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.getSheetAt(0);
			sheet.getCTWorksheet().getSheetFormatPr().setDefaultRowHeight(0.05);
			sheet.getRow(0).setHeightInPoints(15);
			sheet.getRow(1).setHeightInPoints(15);
			book.write(out);
			thinByDefault = out.toByteArray();
		}
		refusedOnFile(thinRow, "hidden-rows", "第3行", "第2、");
		refusedOnFile(thinColumn, "hidden-columns", "B列“金额”", "A列");
		refusedOnFile(thinByDefault, "hidden-rows", "第3、4、5行", "第2、");
		assertThat(SheetRows.read(thinButVisible, List.of("名称", "金额"))).hasSize(5);
		assertThat(SheetReader.hiddenColumns("2", "2", null, "0.01")).isEqualTo(new SheetReader.Columns(1, 1));
	}

	/**
	 * ECMA-376 §18.3.1.81: under {@code zeroHeight="1"} rows are "hidden by default, and only not hidden if
	 * specified" — a row written {@code hidden="0"} is shown like one with a height of its own, so it is read, while
	 * the rows that say nothing stay hidden and refused; a default row height too thin to read hides a row whatever its
	 * {@code hidden} says.
	 */
	@Test
	void aRowSayingItIsShownIsNotHiddenBySheetDefaultZeroHeight() throws Exception {
		byte[] oneShown;
		byte[] thinDefault;
		try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(withHiddenRows(false)));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.getSheetAt(0);
			rowsHiddenByDefault(sheet, 3);
			sheet.getRow(2).getCTRow().setHidden(false);
			book.write(out);
			oneShown = out.toByteArray();
			sheet.getCTWorksheet().getSheetFormatPr().setZeroHeight(false);
			sheet.getCTWorksheet().getSheetFormatPr().setDefaultRowHeight(0.05);
			ByteArrayOutputStream thin = new ByteArrayOutputStream();
			book.write(thin);
			thinDefault = thin.toByteArray();
		}
		assertThat(new String(TypedWorkbook.sheetXml(oneShown), java.nio.charset.StandardCharsets.UTF_8))
			.containsPattern("<row[^>]*r=\"3\"[^>]*hidden=\"(0|false)\"");
		refusedOnFile(oneShown, "hidden-rows", "第4、5行", "第3");
		refusedOnFile(thinDefault, "hidden-rows", "第3、4、5行", "第2、");
		assertThat(SheetReader.hidden("0", null, true)).isFalse();
		assertThat(SheetReader.hidden("false", null, true)).isFalse();
		assertThat(SheetReader.hidden(null, null, true)).isTrue();
		assertThat(SheetReader.hidden("0", null, false, true, SheetReader.MIN_ROW_HEIGHT)).isTrue();
	}

	/**
	 * A sheet whose {@code baseColWidth} is 0 and that gives no {@code defaultColWidth} has default columns that hold
	 * no character (ECMA-376 §18.3.1.81: the default width is baseColWidth plus margin and gridline pixels): a column no
	 * {@code <col>} sizes is hidden, as under {@code defaultColWidth="0"}; a defaultColWidth given wins.
	 */
	@Test
	void aSheetWhoseBaseColumnWidthIsZeroHidesTheColumnsItDoesNotSize() throws Exception {
		byte[] baseZero;
		byte[] baseZeroButDefaultWide;
		try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(withHiddenRows(false)));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.getSheetAt(0);
			var format = sheet.getCTWorksheet().getSheetFormatPr();
			if (format.isSetDefaultColWidth()) {
				format.unsetDefaultColWidth();
			}
			format.setBaseColWidth(0);
			sheet.setColumnWidth(0, 12 * 256);
			book.write(out);
			baseZero = out.toByteArray();
			format.setDefaultColWidth(8.43);
			ByteArrayOutputStream wide = new ByteArrayOutputStream();
			book.write(wide);
			baseZeroButDefaultWide = wide.toByteArray();
		}
		assertThat(new String(TypedWorkbook.sheetXml(baseZero), java.nio.charset.StandardCharsets.UTF_8))
			.contains("baseColWidth=\"0\"").doesNotContain("defaultColWidth");
		refusedOnFile(baseZero, "hidden-columns", "B列“金额”", "A列");
		assertThat(SheetRows.read(baseZeroButDefaultWide, List.of("名称", "金额"))).hasSize(5);
		assertThat(SheetReader.defaultColumnTooNarrow(null, "0")).isTrue();
		assertThat(SheetReader.defaultColumnTooNarrow("8.43", "0")).isFalse();
		assertThat(SheetReader.defaultColumnTooNarrow(null, "8")).isFalse();
	}

	/** A cell written by {@code value} with the number format {@code format}. */
	static CellWriter formatted(String format, CellWriter value) {
		return (book, cell) -> {
			value.write(book, cell);
			var style = book.createCellStyle();
			style.setDataFormat(book.createDataFormat().getFormat(format));
			cell.setCellStyle(style);
		};
	}

	/**
	 * Attack round 27: a cell whose number format shows nothing of it (";;;", or a negative under "0;;0;@") looks empty
	 * in Excel and was imported: the workbook is refused naming the cell by row, column and header (rule
	 * {@code hidden-content}); a format that shows the value (";;" shows text, "0;-0;;@" a 5) passes, and so does a zero
	 * a template's "hide zeros" section leaves blank.
	 */
	@Test
	void aCellWhoseFormatHidesItIsRefusedNamingTheCell() throws Exception {
		refusedOnFile(book(List.of((book, cell) -> cell.setCellValue(1), formatted(";;;", (book, cell) -> cell.setCellValue(800)))),
				"hidden-content", "第3行B列“金额”", "第2行");
		refusedOnFile(book(List.of(formatted(";;;", (book, cell) -> cell.setCellValue("八百")))), "hidden-content",
				"第2行B列“金额”", "第3行");
		refusedOnFile(book(List.of(formatted("0;;0;@", (book, cell) -> cell.setCellValue(-3)))), "hidden-content",
				"第2行B列", "第3行");
		refusedOnFile(book(List.of(formatted(";;;\"无\"", (book, cell) -> cell.setCellValue("八百")))), "hidden-content",
				"第2行B列", "第3行");
		assertThat(SheetRows.read(book(List.of(formatted(";;", (book, cell) -> cell.setCellValue("八百")),
				formatted("0;-0;;@", (book, cell) -> cell.setCellValue(5)), formatted("0.00;[Red]-0.00", (book, cell) -> cell.setCellValue(-5)),
				// a template hiding zeros: the blank seen and the 0 read mean the same
				formatted("0;-0;;@", (book, cell) -> cell.setCellValue(0)),
				formatted("yyyy-mm-dd", (book, cell) -> cell.setCellValue(java.time.LocalDate.of(2026, 3, 5))),
				formatted("@", (book, cell) -> cell.setCellValue(7)))), List.of("名称", "金额"))).hasSize(6);
		assertThat(SheetReader.sections("0;\"a;b\";[Red]0;@")).containsExactly("0", "\"a;b\"", "[Red]0", "@");
	}

	/** A cell written by {@code value} in a style of its own, made by {@code how}. */
	static CellWriter styled(java.util.function.BiConsumer<XSSFWorkbook, org.apache.poi.xssf.usermodel.XSSFCellStyle> how,
			CellWriter value) {
		return (book, cell) -> {
			value.write(book, cell);
			var style = book.createCellStyle();
			how.accept(book, style);
			cell.setCellStyle(style);
		};
	}

	/** A style whose font is in {@code colour} ("FFFFFF") at {@code points}, on a solid fill of {@code fill} (null: none). */
	static java.util.function.BiConsumer<XSSFWorkbook, org.apache.poi.xssf.usermodel.XSSFCellStyle> font(String colour,
			double points, String fill) {
		return (book, style) -> {
			var font = book.createFont();
			if (colour != null) {
				font.setColor(new org.apache.poi.xssf.usermodel.XSSFColor(java.util.HexFormat.of().parseHex(colour), null));
			}
			font.setFontHeight(points);
			style.setFont(font);
			if (fill != null) {
				style.setFillForegroundColor(new org.apache.poi.xssf.usermodel.XSSFColor(java.util.HexFormat.of().parseHex(fill), null));
				style.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
			}
		};
	}

	/**
	 * Attack round 28: text a person cannot see — white on the white sheet or on a white fill, in the colour of its
	 * fill, in a theme's or the palette's white, or in a 1 pt font — was imported unseen: the workbook is refused as a
	 * cell hidden by its number format is (rule {@code hidden-content}), naming the cell and what hides it.
	 */
	@Test
	void aCellWhoseFontCannotBeSeenIsRefusedNamingTheCell() throws Exception {
		CellWriter eight = (book, cell) -> cell.setCellValue(800);
		refusedOnFile(book(List.of(eight, styled(font("FFFFFF", 11, null), eight))), "hidden-content", "第3行B列“金额”",
				"第2行");
		refusedOnFile(book(List.of(styled(font("FFFFFF", 11, "FFFFFF"), (book, cell) -> cell.setCellValue("八百")))),
				"hidden-content", "字体颜色#FFFFFF与底色#FFFFFF相同", "第3行");
		refusedOnFile(book(List.of(styled(font("1F3864", 11, "1F3864"), eight))), "hidden-content", "第2行B列", "第3行");
		refusedOnFile(book(List.of(styled(font(null, 1, null), eight))), "hidden-content", "字号仅1磅", "第3行");
		// the palette's white (indexed 9) and the theme's background colour (theme 0, lt1) are white too
		refusedOnFile(book(List.of(styled(indexed(org.apache.poi.ss.usermodel.IndexedColors.WHITE), eight))),
				"hidden-content", "第2行B列", "第3行");
		refusedOnFile(book(List.of(styled(themed(0, true), eight))), "hidden-content", "字体颜色#FFFFFF", "第3行");
	}

	/** A style whose font is in the palette's {@code colour}. */
	static java.util.function.BiConsumer<XSSFWorkbook, org.apache.poi.xssf.usermodel.XSSFCellStyle> indexed(
			org.apache.poi.ss.usermodel.IndexedColors colour) {
		return (book, style) -> {
			var font = book.createFont();
			font.setColor(colour.getIndex());
			style.setFont(font);
		};
	}

	/** Excel's colour scheme as its theme part writes it: dk1 the window text, lt1 the window background. */
	static final String THEME = "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Office\">"
			+ "<a:themeElements><a:clrScheme name=\"Office\"><a:dk1><a:sysClr val=\"windowText\" lastClr=\"000000\"/></a:dk1>"
			+ "<a:lt1><a:sysClr val=\"window\" lastClr=\"FFFFFF\"/></a:lt1><a:dk2><a:srgbClr val=\"44546A\"/></a:dk2>"
			+ "<a:lt2><a:srgbClr val=\"E7E6E6\"/></a:lt2></a:clrScheme></a:themeElements></a:theme>";

	/**
	 * A style whose font is in the theme's colour {@code index} (0 lt1, 1 dk1, as Excel numbers them), the workbook
	 * given {@link #THEME} — or, when {@code scheme} is false, a theme part without a colour scheme.
	 */
	static java.util.function.BiConsumer<XSSFWorkbook, org.apache.poi.xssf.usermodel.XSSFCellStyle> themed(int index,
			boolean scheme) {
		return (book, style) -> {
			book.getStylesSource().ensureThemesTable();
			if (scheme) {
				try {
					book.getStylesSource().getTheme().readFrom(new java.io.ByteArrayInputStream(
							THEME.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}
			var font = book.createFont();
			font.setThemeColor((short) index);
			style.setFont(font);
		};
	}

	/**
	 * What a person reads is read: black, automatic or theme text (dk1) on no fill, white text on a dark fill, light
	 * grey text on white, a 9 pt font — an ordinary sheet passes; a colour the file does not resolve is not judged.
	 */
	@Test
	void aCellWhoseFontCanBeSeenIsRead() throws Exception {
		CellWriter eight = (book, cell) -> cell.setCellValue(800);
		assertThat(SheetRows.read(book(List.of(eight, styled(font("000000", 11, null), eight),
				styled(font("FFFFFF", 11, "1F3864"), eight), styled(font("FFFFFF", 11, "C00000"), eight),
				styled(font("A6A6A6", 11, null), eight), styled(font(null, 9, "FFFF00"), eight),
				styled(themed(1, true), eight), styled(indexed(org.apache.poi.ss.usermodel.IndexedColors.AUTOMATIC), eight))),
				List.of("名称", "金额"))).hasSize(8);
		// a theme colour the workbook's theme cannot resolve (a theme part without colours) is not judged, nor unreadable
		assertThat(SheetRows.read(book(List.of(styled(themed(0, false), eight))), List.of("名称", "金额"))).hasSize(1);
		assertThat(SheetFonts.contrast(new int[] { 255, 255, 255 }, new int[] { 0, 0, 0 })).isEqualTo(21.0);
	}

	/** Reads 金额 as the number of a record (1 to the largest long) and 名称 as a count of its own range. */
	static ImportResult importIds(byte[] content) {
		return SheetImport.run(content, List.of("名称", "金额"), Map.of(), (row, context) -> {
			context.id(row, "金额");
			return row;
		}, rows -> {
		});
	}

	/**
	 * Attack round 27: a whole number beyond its type (a 20-digit 编号, as a number cell or as text) was told "应为整数"
	 * without the range: every integer column states what it takes — a record's number "应为正整数（至多19位）", a
	 * count its field's own range, an int column ±2147483647.
	 */
	@Test
	void aWholeNumberBeyondItsTypeIsToldTheRange() throws Exception {
		ImportResult result = importIds(book(List.of((book, cell) -> cell.setCellValue(1e20),
				(book, cell) -> cell.setCellValue("99999999999999999999"), (book, cell) -> cell.setCellValue(1e40),
				(book, cell) -> cell.setCellValue(12))));
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(2, 3, 4);
		assertThat(result.errors()).allSatisfy(row -> assertThat(row.errors()).singleElement().satisfies(e -> {
			assertThat(e.rule()).isEqualTo("integer");
			assertThat(e.message()).startsWith("金额应为正整数（至多19位）");
		}));
		ImportResult counts = SheetImport.run(book(List.of((book, cell) -> cell.setCellValue(1e20))), List.of("名称", "金额"),
				Map.of(), (row, context) -> context.integer(row, "金额", 1, 10_000), rows -> {
				});
		assertThat(counts.errors().get(0).errors()).singleElement().extracting(FieldError::message).asString()
			.startsWith("金额应为整数（1至10000）");
		assertThatThrownBy(() -> SheetCell.number(new BigDecimal("3000000000"), false).asInteger("格口数"))
			.hasMessageContaining("格口数应为整数（-2147483647至2147483647）");
	}

	/**
	 * Attack round 27: a name looked up by a column (a brand, an enterprise, a region, a dictionary label) holding an
	 * invisible character was told "品牌不存在：顺丰" for a 顺丰 that looks right: the lookup's failure is told as every
	 * name field tells it, naming the character (rule {@code invisible-character}); a name without one keeps its "不存在".
	 */
	@Test
	void aNameNotFoundForAnInvisibleCharacterIsToldTheCharacter() throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.createSheet("导入");
			XSSFRow head = sheet.createRow(0);
			head.createCell(0).setCellValue("名称");
			head.createCell(1).setCellValue("金额");
			XSSFRow hidden = sheet.createRow(1);
			hidden.createCell(0).setCellValue("顺\u200B丰");
			hidden.createCell(1).setCellValue(1);
			XSSFRow plain = sheet.createRow(2);
			plain.createCell(0).setCellValue("顺风");
			plain.createCell(1).setCellValue(1);
			book.write(out);
			ImportResult result = SheetImport.run(out.toByteArray(), List.of("名称", "金额"), Map.of("brandId", "名称"),
					(row, context) -> {
						context.checked(() -> {
							throw new InvalidValueException("brandId", "exists", "品牌不存在：" + row.get("名称"));
						});
						return row;
					}, rows -> {
					});
			assertThat(result.errors()).hasSize(2);
			assertThat(result.errors().get(0).errors()).singleElement().satisfies(e -> {
				assertThat(e.field()).isEqualTo("名称");
				assertThat(e.rule()).isEqualTo("invisible-character");
				assertThat(e.message()).contains("U+200B").doesNotContain("不存在");
			});
			assertThat(result.errors().get(1).errors()).singleElement().extracting(FieldError::rule).isEqualTo("exists");
		}
	}
}
