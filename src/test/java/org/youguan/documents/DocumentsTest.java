package org.youguan.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentsTest {

	record Row(String name, long count, LocalDate day) {
	}

	@Test
	void writesAnXlsxThatReadsBackWithHeadersNumbersAndChinese() throws IOException {
		byte[] xlsx = new Spreadsheets().write("网点", List.of(Column.of("名称", Row::name), Column.of("数量", Row::count),
				Column.of("日期", Row::day)), List.of(new Row("菜鸟驿站（吴中）", 865, LocalDate.of(2026, 2, 14)),
						new Row("顺丰营业部", 42, null)));
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheet("网点");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("名称");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("菜鸟驿站（吴中）");
			assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(865.0);
			assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(2))).isTrue();
			assertThat(sheet.getRow(1).getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 2, 14));
			assertThat(new DataFormatter().formatCellValue(sheet.getRow(1).getCell(2))).isEqualTo("2026-02-14");
			assertThat(sheet.getRow(2).getCell(2).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
		}
	}

	@Test
	void aWordFileWhosePartExpandsFarBeyondAnyDocumentIsRefusedAsTooLargeBeforeItIsRead() throws IOException {
		ByteArrayOutputStream docx = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(docx)) {
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			byte[] paragraph = "<w:p><w:r><w:t>加强末端网点管理，落实实名收寄制度。</w:t></w:r></w:p>".getBytes(StandardCharsets.UTF_8);
			zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
				.getBytes(StandardCharsets.UTF_8));
			for (long written = 0; written <= OfficeFiles.MAX_WORD_PART_BYTES; written += paragraph.length) {
				zip.write(paragraph);
			}
			zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
		}
		assertThat(docx.size()).as("compressed").isLessThan(1024 * 1024);
		assertThatThrownBy(() -> OfficeFiles.requireWithinLimits(docx.toByteArray(), "file", "Word文件（.docx）"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> {
					assertThat(e.field()).isEqualTo("file");
					assertThat(e.rule()).isEqualTo("zip-size");
					assertThat(e.message()).contains("word/document.xml", "8MB", "解压后过大");
				}));
		// a workbook's parts keep the general limits (a sheet's XML may be larger than any Word document's)
		OfficeFiles.requireWithinLimits(docx.toByteArray(), "file", "Excel工作簿（.xlsx）");
	}

	/**
	 * Office files read whole into memory take turns: while {@link OfficeFiles#IN_MEMORY_AT_ONCE} readings run, another
	 * waits and is told to try again (503) when no turn comes; once one ends, the next runs (attack round 13: four Word
	 * notices at once exhausted the heap and the server stopped answering).
	 */
	@Test
	void officeFilesReadIntoMemoryTakeTurns() throws Exception {
		CountDownLatch running = new CountDownLatch(OfficeFiles.IN_MEMORY_AT_ONCE);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(OfficeFiles.IN_MEMORY_AT_ONCE);
		try {
			List<Future<String>> readings = new ArrayList<>();
			for (int i = 0; i < OfficeFiles.IN_MEMORY_AT_ONCE; i++) {
				readings.add(pool.submit(() -> OfficeFiles.inMemory(() -> {
					running.countDown();
					try {
						release.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return "read";
				})));
			}
			assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
			assertThatThrownBy(() -> OfficeFiles.inMemory(() -> "another", 200))
				.isInstanceOfSatisfying(DomainException.class, ex -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.UNAVAILABLE);
					assertThat(ex.getMessage()).contains("稍后重试");
				});
			release.countDown();
			for (Future<String> f : readings) {
				assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("read");
			}
			assertThat(OfficeFiles.inMemory(() -> "another", 200)).isEqualTo("another");
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void aTextLongerThanACellHoldsIsCutOnACharacterAndSaysSo() throws IOException {
		// a rare character (outside the BMP, two UTF-16 units) straddles the place where the cut falls
		// varied characters, as real text is: a cell of one repeated character compresses like a zip bomb
		int cut = 32_767 - Spreadsheets.CUT_MARK.length();
		String head = chinese(cut - 1, 1);
		String longText = head + "𠀀" + "乙".repeat(10_000);
		String fitting = chinese(32_767, 2);
		byte[] xlsx = new Spreadsheets().write("审计", List.of(Column.of("内容", (String t) -> t)), List.of(longText, fitting));
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			String written = book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue();
			// the pair is dropped whole: no half character before the mark
			assertThat(written).hasSizeLessThanOrEqualTo(32_767).isEqualTo(head + Spreadsheets.CUT_MARK);
			assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo(fitting);
		}
	}

	@Test
	void aTextThatASpreadsheetWouldTakeForAFormulaStaysTextAsTyped() throws IOException {
		List<String> typed = List.of("=HYPERLINK(\"http://evil.example\",\"点击\")", "@SUM(1)", "+86 139", "-1+1",
				"\t=1", "＝1+1", "顺丰速运有限公司", "A=B");
		byte[] xlsx = new Spreadsheets().write("企业", List.of(Column.of("名称", (String t) -> t)), typed);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			for (int i = 0; i < typed.size(); i++) {
				var cell = sheet.getRow(i + 1).getCell(0);
				assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
				assertThat(cell.getStringCellValue()).isEqualTo(typed.get(i));
				// the first six would become formulas when edited: marked as text (Excel's leading ')
				assertThat(cell.getCellStyle().getQuotePrefixed()).as(typed.get(i)).isEqualTo(i < 6);
			}
		}
	}

	/**
	 * Every kind of moment is a date-time cell in China time, shown as the pages show it (Excel and WPS sort and filter
	 * it as a date): 22:31:05 UTC is 06:31:05 the next day in Beijing.
	 */
	@Test
	void everyKindOfMomentIsADateTimeCellInChinaTime() throws IOException {
		Instant moment = Instant.parse("2026-12-03T22:31:05.833766Z");
		List<Object> values = List.of(moment, moment.atOffset(ZoneOffset.UTC), moment.atZone(ZoneId.of("Europe/Paris")),
				LocalDateTime.of(2026, 12, 4, 6, 31, 5, 833_000_000));
		byte[] xlsx = new Spreadsheets().write("批次", List.of(Column.of("接收时间", (Object v) -> v)), values);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (int i = 0; i < values.size(); i++) {
				Cell cell = book.getSheetAt(0).getRow(i + 1).getCell(0);
				assertThat(cell.getCellType()).as(values.get(i).toString()).isEqualTo(CellType.NUMERIC);
				assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
				// to the second, as the pages show it: Excel would show 05.833 rounded up to 06
				assertThat(cell.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 12, 4, 6, 31, 5));
				assertThat(new DataFormatter().formatCellValue(cell)).isEqualTo("2026-12-04 06:31:05");
			}
		}
	}

	/**
	 * Dates are date cells in a Chinese format whatever their number, a provisional due date too (its 暂定 mark in the
	 * cell's format, the value the day); a date before 1900, which no date cell holds, stays its text; and the styles
	 * are made once per workbook, not once per cell (a workbook holds 64,000 at most).
	 */
	@Test
	void datesAreDateCellsWithOneStylePerFormat() throws IOException {
		LocalDate first = LocalDate.of(2026, 1, 1);
		List<Object> values = new ArrayList<>();
		for (int i = 0; i < 70_000; i++) {
			values.add(i % 2 == 0 ? first.plusDays(i % 3650) : new SheetDay(first.plusDays(i % 3650), "（暂定）"));
		}
		values.add(LocalDate.of(1899, 12, 31));
		byte[] xlsx = new Spreadsheets().write("期限", List.of(Column.of("期限", (Object v) -> v), Column.of("数量", v -> 1)),
				values);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			DataFormatter shown = new DataFormatter();
			Cell plain = sheet.getRow(1).getCell(0);
			Cell provisional = sheet.getRow(2).getCell(0);
			assertThat(plain.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(plain.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(first);
			assertThat(shown.formatCellValue(plain)).isEqualTo("2026-01-01");
			assertThat(provisional.getCellType()).isEqualTo(CellType.NUMERIC);
			// Excel and WPS show it 2026-01-02（暂定） and sort it as the date; POI takes no date format with such text
			assertThat(provisional.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd\"（暂定）\"");
			assertThat(provisional.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(first.plusDays(1));
			Cell old = sheet.getRow(values.size()).getCell(0);
			assertThat(old.getCellType()).isEqualTo(CellType.STRING);
			assertThat(old.getStringCellValue()).isEqualTo("1899-12-31");
			assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1.0);
			assertThat(book.getNumCellStyles()).as("header, body, text, date, marked date and the default").isLessThan(10);
		}
	}

	record Fine(String name, BigDecimal fine, BigDecimal rate, long cases, int year, BigDecimal average,
			BigDecimal perMillion) {
	}

	/**
	 * A ¥ amount in an export is a numeric cell shown {@code #,##0.00} (12,345.50, not 12345.5 in General), a
	 * percentage with the decimals it was computed to (83.3 at one decimal, as the page shows it) and a whole count
	 * {@code #,##0} — decided by the unit of the column's header, whoever exports it; a year keeps General, an average
	 * and a rate per million show their own decimals; each format is one style per workbook.
	 */
	@Test
	void moneyPercentAndCountColumnsCarryTheirNumberFormat() throws IOException {
		List<Fine> rows = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			rows.add(new Fine("当事人" + i, new BigDecimal("12345.5").add(BigDecimal.valueOf(i)), new BigDecimal("83.3"),
					1234 + i, 2025, new BigDecimal("3.5"), new BigDecimal("1.25")));
		}
		byte[] xlsx = new Spreadsheets().write("罚款", List.of(Column.of("当事人", Fine::name),
				Column.of("罚款（元）", Fine::fine), Column.of("过机率(%)", Fine::rate), Column.of("立案数", Fine::cases),
				Column.of("年度", Fine::year), Column.of("平均天数", Fine::average),
				Column.of("申诉率（件/百万件）", Fine::perMillion), Column.of("业务收入 (万元)", Fine::fine),
				Column.of("完成备案（家）", Fine::cases), Column.of("加处罚款（元，截至今日）", Fine::average)), rows);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			org.apache.poi.ss.usermodel.Row first = book.getSheetAt(0).getRow(1);
			DataFormatter shown = new DataFormatter();
			assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(12345.5);
			assertThat(first.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(shown.formatCellValue(first.getCell(1))).isEqualTo("12,345.50");
			assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0");
			assertThat(shown.formatCellValue(first.getCell(2))).isEqualTo("83.3");
			assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			assertThat(shown.formatCellValue(first.getCell(3))).isEqualTo("1,234");
			assertThat(first.getCell(4).getCellStyle().getDataFormatString()).as("a year").isEqualTo("General");
			assertThat(shown.formatCellValue(first.getCell(4))).isEqualTo("2025");
			assertThat(first.getCell(5).getCellStyle().getDataFormatString()).as("an average").isEqualTo("#,##0.0");
			assertThat(shown.formatCellValue(first.getCell(5))).isEqualTo("3.5");
			assertThat(first.getCell(6).getCellStyle().getDataFormatString()).as("a rate").isEqualTo("#,##0.00");
			assertThat(shown.formatCellValue(first.getCell(6))).isEqualTo("1.25");
			assertThat(first.getCell(7).getCellStyle().getDataFormatString()).as("万元 to the yuan").isEqualTo("#,##0.0000");
			assertThat(shown.formatCellValue(first.getCell(7))).isEqualTo("12,345.5000");
			assertThat(first.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			assertThat(shown.formatCellValue(first.getCell(9))).as("money with an aside after its unit").isEqualTo("3.50");
			assertThat(book.getNumCellStyles()).as("header, body, text, four number formats and the default").isLessThan(10);
		}
	}

	/**
	 * Finding (the header-unit rule): a header whose trailing bracket is no unit — an aside, or a unit without a format
	 * of its own — is read by the header before the bracket: 网点数（截至年底） counts as 网点数（家） does, 名称（简称）
	 * stays General; a unit with an aside after a comma is its unit; （万元） is money to the yuan.
	 */
	@Test
	void aHeaderWhoseTrailingBracketIsNoUnitIsReadByTheHeaderBeforeIt() {
		assertThat(Spreadsheets.Unit.of("网点数（家）")).isEqualTo(Spreadsheets.Unit.COUNT);
		assertThat(Spreadsheets.Unit.of("网点数（截至年底）")).isEqualTo(Spreadsheets.Unit.COUNT);
		assertThat(Spreadsheets.Unit.of("用户数（万户）")).isEqualTo(Spreadsheets.Unit.COUNT);
		assertThat(Spreadsheets.Unit.of("完成备案（家，截至年底）")).isEqualTo(Spreadsheets.Unit.COUNT);
		assertThat(Spreadsheets.Unit.of("名称（简称）")).isEqualTo(Spreadsheets.Unit.NONE);
		assertThat(Spreadsheets.Unit.of("场地面积（㎡）")).isEqualTo(Spreadsheets.Unit.NONE);
		assertThat(Spreadsheets.Unit.of("申诉率（件/百万件）")).isEqualTo(Spreadsheets.Unit.NONE);
		assertThat(Spreadsheets.Unit.of("业务收入（万元）")).isEqualTo(Spreadsheets.Unit.TEN_THOUSAND_YUAN);
		assertThat(Spreadsheets.Unit.of("罚款(元)")).isEqualTo(Spreadsheets.Unit.MONEY);
		assertThat(Spreadsheets.Unit.TEN_THOUSAND_YUAN.format(new BigDecimal("0.0123"))).isEqualTo("#,##0.0000");
	}

	/**
	 * Finding: count columns whose header names no unit (有效申诉, 已检查, 无问题, 数值) stayed General beside the
	 * {@code #,##0} ones. Such a column declares itself a count ({@link Column#count}): a whole value of any type is
	 * {@code #,##0}, a value with decimals keeps them, text and blanks stay; a plain column of the same header stays General.
	 */
	@Test
	void aColumnDeclaredACountShowsWholeValuesGroupedWhateverItsHeader() throws IOException {
		List<List<Object>> rows = List.of(List.<Object>of(12345, 12345L), Arrays.<Object>asList(3.0, new BigDecimal("7.0000")),
				List.<Object>of(2.5, "—"), Arrays.<Object>asList(null, 1));
		byte[] xlsx = new Spreadsheets().write("统计", List.of(Column.<List<Object>>count("有效申诉", r -> r.get(0), 10),
				Column.<List<Object>>count("已检查", r -> r.get(1), 10), Column.<List<Object>>of("已检查", r -> r.get(0), 10)), rows);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = book.getSheetAt(0);
			DataFormatter shown = new DataFormatter();
			assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(sheet.getRow(1).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			assertThat(shown.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo("12,345");
			assertThat(shown.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("12,345");
			assertThat(shown.formatCellValue(sheet.getRow(2).getCell(0))).isEqualTo("3");
			assertThat(sheet.getRow(2).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			assertThat(shown.formatCellValue(sheet.getRow(2).getCell(1))).isEqualTo("7");
			assertThat(sheet.getRow(3).getCell(0).getNumericCellValue()).as("an average keeps its decimals").isEqualTo(2.5);
			assertThat(shown.formatCellValue(sheet.getRow(3).getCell(1))).isEqualTo("—");
			assertThat(sheet.getRow(1).getCell(2).getCellStyle().getDataFormatString()).as("undeclared").isEqualTo("General");
		}
	}

	record Labelled(String status) {
	}

	/**
	 * Finding (the language was looked up per cell): a sheet's labels and choices are worded in the language read once
	 * when the sheet is written — a sheet never mixes two languages, even if the request's language changes while its
	 * rows are read.
	 */
	@Test
	void aSheetIsWordedInTheLanguageReadOnceForAllItsCells() throws IOException {
		org.springframework.context.support.StaticMessageSource messages = new org.springframework.context.support.StaticMessageSource();
		messages.addMessage("status.OPEN", java.util.Locale.ROOT, "待办");
		messages.addMessage("status.OPEN", java.util.Locale.ENGLISH, "Open");
		Iterable<Labelled> rows = () -> new java.util.Iterator<>() {
			int n;

			@Override
			public boolean hasNext() {
				return n < 3;
			}

			@Override
			public Labelled next() {
				// the request's language changes while the rows are read: the sheet keeps the one it started with
				org.springframework.context.i18n.LocaleContextHolder.setLocale(n == 0 ? java.util.Locale.ENGLISH : java.util.Locale.CHINESE);
				n++;
				return new Labelled("OPEN");
			}
		};
		org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
		try {
			byte[] xlsx = new Spreadsheets(null, messages).write("状态", List.of(Column.label("状态", messages, "status.", Labelled::status)), rows);
			try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
				List<String> cells = new ArrayList<>();
				for (int r = 1; r <= 3; r++) {
					cells.add(book.getSheetAt(0).getRow(r).getCell(0).getStringCellValue());
				}
				assertThat(cells).containsExactly("Open", "Open", "Open");
			}
		}
		finally {
			org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
		}
	}

	record Tally(long people, BigDecimal volume, int outlets, BigDecimal fine, BigDecimal satisfaction,
			BigDecimal perMillion, double average, int year, double share) {
	}

	/**
	 * A whole number is stored as its digits, 1 and never 1.0 (POI's streaming writer wrote {@code <v>1.0</v>}, read as a
	 * decimal by whatever reads values rather than formats), and a count column shows it without decimals whatever the
	 * figure's type (a {@code numeric} sum read back as 1234.0000, a double 3.0); money shows two decimals, a rate the
	 * decimals it was computed to. Each cell is numeric and equal to the figure.
	 */
	@Test
	void wholeNumbersAreStoredAsDigitsAndCountsShownWithoutDecimals() throws IOException {
		byte[] xlsx = new Spreadsheets().write("汇总", List.of(Column.of("检查人次", Tally::people),
				Column.of("快递业务量（件）", Tally::volume), Column.of("完成备案（家）", Tally::outlets),
				Column.of("罚款（元）", Tally::fine), Column.of("满意率（%）", Tally::satisfaction),
				Column.of("申诉率（件/百万件）", Tally::perMillion), Column.of("平均天数", Tally::average),
				Column.of("年度", Tally::year), Column.of("占比", Tally::share)),
				List.of(new Tally(3, new BigDecimal("12345678.0000"), 1, new BigDecimal("5000"), new BigDecimal("99.9"),
						new BigDecimal("1.50"), 3.0, 2025, 0.1)));
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			org.apache.poi.ss.usermodel.Row row = book.getSheetAt(0).getRow(1);
			DataFormatter shown = new DataFormatter();
			List<String> stored = new ArrayList<>();
			List<String> seen = new ArrayList<>();
			for (Cell cell : row) {
				assertThat(cell.getCellType()).as(cell.getAddress().toString()).isEqualTo(CellType.NUMERIC);
				stored.add(((org.apache.poi.xssf.usermodel.XSSFCell) cell).getRawValue());
				seen.add(shown.formatCellValue(cell));
			}
			assertThat(stored).containsExactly("3", "12345678", "1", "5000", "99.9", "1.5", "3", "2025", "0.1");
			assertThat(seen).containsExactly("3", "12,345,678", "1", "5,000.00", "99.9", "1.50", "3", "2025", "0.1");
			assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(3);
			assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(12_345_678);
			assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(1);
		}
	}

	/** The sheet's XML holds a number as Excel writes it: digits for a whole one, the shortest form otherwise. */
	@Test
	void aNumberIsWrittenInTheShortestFormThatReadsBackTheSame() {
		assertThat(StreamedWorkbook.xmlNumber(1.0)).isEqualTo("1");
		assertThat(StreamedWorkbook.xmlNumber(-0.0)).isEqualTo("0");
		assertThat(StreamedWorkbook.xmlNumber(-42.0)).isEqualTo("-42");
		assertThat(StreamedWorkbook.xmlNumber(1e7)).isEqualTo("10000000");
		assertThat(StreamedWorkbook.xmlNumber(123456789012345.0)).isEqualTo("123456789012345");
		assertThat(StreamedWorkbook.xmlNumber(1e20)).isEqualTo("1E20");
		assertThat(StreamedWorkbook.xmlNumber(0.1)).isEqualTo("0.1");
		assertThat(StreamedWorkbook.xmlNumber(1.5e-7)).isEqualTo("1.5E-7");
		for (double d : new double[] { 1.0, 0.1, 1e20, 1.5e-7, 12345.5, 9.007199254740993E15 }) {
			assertThat(Double.parseDouble(StreamedWorkbook.xmlNumber(d))).isEqualTo(d);
		}
	}

	/** {@code length} common Chinese characters (一 … 龥) drawn by a random of the given seed. */
	private static String chinese(int length, long seed) {
		Random random = new Random(seed);
		StringBuilder text = new StringBuilder(length);
		while (text.length() < length) {
			text.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
		}
		return text.toString();
	}

	@Test
	void fillsFieldsSplitAcrossRunsAndRepeatsTemplateRows() throws IOException {
		byte[] filled = new WordTemplates().fill(template(), Map.of("bureau", "苏州市邮政管理局", "number", "备案-3205-2026-000001"),
				Map.of("items", List.of(Map.of("name", "吴中区网点", "count", "12"), Map.of("name", "相城区网点", "count", "7"))));
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(filled))) {
			List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
			assertThat(paragraphs).contains("苏州市邮政管理局：", "编号：备案-3205-2026-000001");
			XWPFTable table = doc.getTables().get(0);
			assertThat(table.getRows()).hasSize(3);
			assertThat(table.getRow(1).getCell(0).getText()).isEqualTo("吴中区网点");
			assertThat(table.getRow(2).getCell(1).getText()).isEqualTo("7");
			assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("名称");
		}
	}

	@Test
	void removesTheTemplateRowOfAnEmptyListAndLeavesUnknownFieldsVisible() throws IOException {
		byte[] filled = new WordTemplates().fill(template(), Map.of("bureau", "苏州市邮政管理局"), Map.of("items", List.of()));
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(filled))) {
			assertThat(doc.getTables().get(0).getRows()).hasSize(1);
			assertThat(doc.getParagraphs().stream().map(XWPFParagraph::getText)).contains("编号：${number}");
		}
	}

	/**
	 * A field split over runs in a paragraph that goes on: the text after it in bold, a seal drawn inline, a
	 * hyperlink. The value replaces the field in its first run's formatting; every other run stays as it was.
	 */
	@Test
	void fillsAFieldInPlaceKeepingTheRestOfItsParagraph() throws Exception {
		byte[] template;
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFParagraph p = doc.createParagraph();
			p.createRun().setText("当事人：");
			XWPFRun start = p.createRun();
			start.setText("${par");
			start.setItalic(true);
			p.createRun().setText("ty}，");
			XWPFRun bold = p.createRun();
			bold.setText("特此通知");
			bold.setBold(true);
			p.createRun().addPicture(new ByteArrayInputStream(seal()), Document.PICTURE_TYPE_PNG, "seal.png", Units.toEMU(40),
					Units.toEMU(40));
			p.createHyperlinkRun("https://www.spb.gov.cn/").setText("查询网址");
			doc.write(out);
			template = out.toByteArray();
		}
		byte[] filled = new WordTemplates().fill(template, Map.of("party", "某某快递有限公司\n（统一社会信用代码略）"), Map.of());
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(filled))) {
			XWPFParagraph p = doc.getParagraphs().get(0);
			assertThat(p.getText()).isEqualTo("当事人：某某快递有限公司\n（统一社会信用代码略），特此通知查询网址");
			List<XWPFRun> runs = p.getRuns();
			XWPFRun value = runs.stream().filter(r -> r.text().startsWith("某某快递")).findFirst().orElseThrow();
			assertThat(value.isItalic()).isTrue();
			assertThat(runs.get(0).text()).isEqualTo("当事人：");
			assertThat(runs.get(0).isItalic()).isFalse();
			XWPFRun tail = runs.stream().filter(r -> r.text().equals("特此通知")).findFirst().orElseThrow();
			assertThat(tail.isBold()).isTrue();
			assertThat(runs).anyMatch(r -> r.text().equals("，") && !r.isBold() && !r.isItalic());
			assertThat(runs).flatExtracting(XWPFRun::getEmbeddedPictures).hasSize(1);
			XWPFHyperlinkRun link = runs.stream().filter(XWPFHyperlinkRun.class::isInstance).map(XWPFHyperlinkRun.class::cast)
				.findFirst().orElseThrow();
			assertThat(link.getHyperlink(doc).getURL()).isEqualTo("https://www.spb.gov.cn/");
			assertThat(link.text()).isEqualTo("查询网址");
		}
	}

	/**
	 * A textarea's value (CR LF line breaks, as browsers send them; a pasted zero-width space) prints as its lines: one
	 * Word line break per line break, no CR kept beside it, no invisible character in a document served on a party.
	 */
	@Test
	void aTextareasLineBreaksAndInvisibleCharactersPrintAsTheTextShows() throws Exception {
		byte[] template;
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText("案情：${facts}");
			doc.write(out);
			template = out.toByteArray();
		}
		byte[] filled = new WordTemplates().fill(template, Map.of("facts", "第一行\r\n第二\u200B行\r第三行\u00AD"), Map.of());
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(filled))) {
			assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("案情：第一行\n第二行\n第三行");
			assertThat(doc.getDocument().xmlText()).doesNotContain("\r").doesNotContain("&#13;");
		}
	}

	/** A picture put where its field is (the licence's QR code): the field's text goes, the rest of the paragraph stays. */
	@Test
	void putsAPictureWhereItsFieldIsKeepingTheRestOfItsParagraph() throws Exception {
		byte[] template;
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFParagraph p = doc.createParagraph();
			p.createRun().setText("扫码核验：${q");
			p.createRun().setText("r}请在有效期内");
			XWPFRun bold = p.createRun();
			bold.setText("核验");
			bold.setBold(true);
			doc.write(out);
			template = out.toByteArray();
		}
		byte[] filled = WordTemplates.fillPicture(template, "qr", seal(), Units.toEMU(40), Units.toEMU(40));
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(filled))) {
			XWPFParagraph p = doc.getParagraphs().get(0);
			assertThat(p.getText()).isEqualTo("扫码核验：请在有效期内核验");
			List<XWPFRun> runs = p.getRuns();
			assertThat(runs).extracting(r -> r.getEmbeddedPictures().size()).containsExactly(0, 1, 0, 0);
			assertThat(runs.get(0).text()).isEqualTo("扫码核验：");
			assertThat(runs.get(3).isBold()).isTrue();
		}
	}

	/** A small PNG standing in for a seal. */
	private static byte[] seal() throws IOException {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Test
	void rejectsATemplateThatIsNotADocx() {
		assertThatThrownBy(() -> new WordTemplates().fill("not a document".getBytes(), Map.of(), Map.of()))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining(".docx");
	}

	/** A template as Word writes it: the field of the first paragraph split over three runs. */
	static byte[] template() throws IOException {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFParagraph p = doc.createParagraph();
			p.createRun().setText("${bur");
			p.createRun().setText("eau}");
			p.createRun().setText("：");
			doc.createParagraph().createRun().setText("编号：${number}");
			XWPFTable table = doc.createTable(2, 2);
			table.getRow(0).getCell(0).setText("名称");
			table.getRow(0).getCell(1).setText("数量");
			table.getRow(1).getCell(0).setText("${items.name}");
			table.getRow(1).getCell(1).setText("${items.count}");
			doc.write(out);
			return out.toByteArray();
		}
	}
}
