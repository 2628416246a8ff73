package org.youguan.documents;

import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A number typed into a spreadsheet cell as text is read as a form reads it ({@link Decimals#parse}): thousands grouped
 * by commas in threes are taken (1,000; full-width １，０００), digits grouped by spaces (50 000) or a comma out of its
 * place (1,00; 1.000,5) break rule {@code thousands-separator} with the forms' very message, and digits of other scripts
 * (Arabic-Indic ٣), circled numbers and superscripts are no number (rule {@code number}) — in a whole-number column as
 * in a decimal one, each bad cell reported with its row, nothing imported.
 */
class SheetNumbersReadAsFormsTest {

	static SheetCell text(String typed) {
		return SheetCell.text(typed);
	}

	/** The rule and message a form gives for {@code typed} in a field labelled {@code label}. */
	static FieldError formRefusal(String label, String typed) {
		InvalidValueException ex = catchThrowableOfType(InvalidValueException.class,
				() -> Decimals.parse(label, label, typed, Decimals.TEXT_DIGITS, Decimals.TEXT_DIGITS));
		assertThat(ex).as("a form refuses " + typed).isNotNull();
		return ex.fieldErrors().get(0);
	}

	static FieldError refusal(Runnable read) {
		InvalidValueException ex = catchThrowableOfType(InvalidValueException.class, read::run);
		assertThat(ex).isNotNull();
		return ex.fieldErrors().get(0);
	}

	@Test
	void digitsGroupedBySpacesAreRefusedAsTheFormsRefuseThem() {
		for (String typed : List.of("50 000", "50\u00A0000", "50\u3000000", "50 000 %", "1,00", "1.000,5", "1,2345")) {
			FieldError form = formRefusal("面积", typed.replace(" %", ""));
			assertThat(form.rule()).isEqualTo("thousands-separator");
			FieldError sheet = refusal(() -> text(typed).asNumber("面积", "%"));
			assertThat(sheet.rule()).as(typed).isEqualTo("thousands-separator");
			assertThat(sheet.field()).isEqualTo("面积");
			if (!typed.endsWith("%")) {
				assertThat(sheet.message()).as(typed).isEqualTo(form.message());
			}
			FieldError whole = refusal(() -> text(typed).asInteger("格口数"));
			assertThat(whole.rule()).as("a whole-number column: " + typed).isEqualTo("thousands-separator");
			assertThat(whole.message()).startsWith("格口数");
		}
	}

	@Test
	void digitsOfOtherScriptsCircledNumbersAndSuperscriptsAreNoNumber() {
		for (String typed : List.of("\u0663\u0663", "\u2469", "2\u00B2", "\u00B9\u2070")) {
			assertThat(formRefusal("面积", typed).rule()).isEqualTo("number");
			assertThat(refusal(() -> text(typed).asNumber("面积")).rule()).as(typed).isEqualTo("number");
			assertThat(refusal(() -> text(typed).asInteger("格口数")).rule()).as(typed).isEqualTo("integer");
		}
	}

	@Test
	void numbersTheFormsTakeAreTakenAsTheyAre() {
		assertThat(text("1,000").asNumber("面积")).isEqualByComparingTo("1000");
		assertThat(text("１，０００").asInteger("格口数")).isEqualTo(1000);
		assertThat(text("12,345.67").asNumber("面积")).isEqualByComparingTo("12345.67");
		assertThat(text(" 50000 ").asInteger("格口数")).isEqualTo(50000);
		assertThat(text("12.34 %").asNumber("使用率", "%")).isEqualByComparingTo("12.34");
		assertThat(text("98.5％").asNumber("使用率", "%")).isEqualByComparingTo("98.5");
	}

	/** A number cell whose stored value is written in other digits (no Excel writes it so) is no number either. */
	@Test
	void aNumberCellStoredInArabicIndicDigitsIsNoNumber() throws Exception {
		byte[] content = ImportCellRulesTest.book(List.of((XSSFWorkbook book, XSSFCell cell) -> cell.setCellValue(33)));
		content = TypedWorkbook.withSheetXml(content, "<c r=\"B2\"([^>]*)><v>33(\\.0)?</v></c>", "<c r=\"B2\"><v>\u0663\u0663</v></c>");
		SheetCell cell = SheetRows.read(content, List.of("名称", "金额")).get(0).cell("金额");
		assertThat(cell.isError()).as(cell.toString()).isTrue();
	}

	/** Every import reads its number columns so: each bad cell is its row's error, and nothing is handed on to save. */
	@Test
	void anImportReportsEveryBadNumberWithItsRowAndImportsNothing() throws Exception {
		byte[] content = ImportCellRulesTest.book(List.of((book, cell) -> cell.setCellValue("50 000"),
				(book, cell) -> cell.setCellValue("\u0663"), (book, cell) -> cell.setCellValue("1,000"),
				(book, cell) -> cell.setCellValue("1.000,5")));
		boolean[] committed = { false };
		ImportResult result = SheetImport.run(content, List.of("名称", "金额"), Map.of(), (row, context) -> context.integer(row, "金额"),
				rows -> committed[0] = true);
		assertThat(committed[0]).isFalse();
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(2, 3, 5);
		assertThat(result.errors()).flatExtracting(RowErrors::errors).extracting(e -> e.field() + ":" + e.rule())
			.containsExactly("金额:thousands-separator", "金额:integer", "金额:thousands-separator");
		assertThatThrownBy(() -> text("50 000").asNumber("金额")).hasMessageContaining("千分位请用逗号");
	}

	/**
	 * A date or month typed as text is read in ASCII or full-width digits only: circled, superscript, parenthesised
	 * numbers and digits of other scripts — which NFKC would make digits — are refused as numbers refuse them
	 * ("2026-①-05" is no date), each bad cell its row's error, nothing imported; full-width dates are taken.
	 */
	@Test
	void datesAndMonthsWrittenInCircledOrSuperscriptDigitsAreRefused() throws Exception {
		List<String> typed = List.of("2026-\u2460-05", "2026-0\u2075-01", "\u2461\u2460\u2462\u2464\u5e743\u67085\u65e5",
				"2026\u5e74\u2474\u6708", "\uff12\uff10\uff12\uff16\u5e74\uff13\u6708\uff15\u65e5", "2026-03-05");
		List<ImportCellRulesTest.CellWriter> cells = typed.stream()
			.map(t -> (ImportCellRulesTest.CellWriter) (book, cell) -> cell.setCellValue(t))
			.toList();
		byte[] content = ImportCellRulesTest.book(cells);
		boolean[] committed = { false };
		ImportResult dates = SheetImport.run(content, List.of("名称", "金额"), Map.of(), (row, context) -> context.date(row, "金额"),
				rows -> committed[0] = true);
		assertThat(committed[0]).isFalse();
		assertThat(dates.errors()).extracting(RowErrors::number).containsExactly(2, 3, 4, 5);
		assertThat(dates.errors()).flatExtracting(RowErrors::errors).allSatisfy(e -> {
			assertThat(e.field()).isEqualTo("金额");
			assertThat(e.rule()).isIn("date", "period");
			assertThat(e.message()).contains("不是数字");
		});
		ImportResult months = SheetImport.run(content, List.of("名称", "金额"), Map.of(), (row, context) -> context.month(row, "金额"),
				rows -> {
				});
		assertThat(months.errors()).extracting(RowErrors::number).containsExactly(2, 3, 4, 5);
		assertThat(months.errors()).flatExtracting(RowErrors::errors).extracting(FieldError::rule).containsOnly("period");
		List<SheetRows.SheetRow> rows = SheetRows.read(content, List.of("名称", "金额"));
		assertThat(rows.get(4).cell("金额").asDate("金额")).isEqualTo(java.time.LocalDate.of(2026, 3, 5));
		assertThat(rows.get(5).cell("金额").asMonth("金额")).isEqualTo(java.time.YearMonth.of(2026, 3));
		assertThat(refusal(() -> text("2026-\u0663-05").asDate("日期")).rule()).isEqualTo("date");
	}
}
