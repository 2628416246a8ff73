package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.youguan.kernel.FieldError;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one rule of texts in a workbook YouGuan writes: a free text may begin as a formula does (a complaint's answer, a
 * report's comment, a seizure's note take "=1+1" as typed), but no cell of any export is ever a formula — every text
 * cell is written through {@link Spreadsheets}, which quote-prefixes what a spreadsheet would run: the body, the headers
 * and the error column of an import's annotated sheet alike. Read back with POI.
 */
class FormulaTextExportTest {

	static final String LINK = "=HYPERLINK(\"http://evil.example\",\"点击\")";

	@Test
	void aHeaderThatBeginsAsAFormulaIsQuotePrefixedText() throws IOException {
		byte[] xlsx = new Spreadsheets().write("指标", List.of(Column.of("名称", (String t) -> t), Column.of(LINK, (String t) -> t)),
				List.of("甲"));
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Cell plain = book.getSheetAt(0).getRow(0).getCell(0);
			Cell formula = book.getSheetAt(0).getRow(0).getCell(1);
			assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
			assertThat(formula.getStringCellValue()).isEqualTo(LINK);
			assertThat(formula.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(book.getFontAt(formula.getCellStyle().getFontIndex()).getBold()).as("still a header").isTrue();
			assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
		}
	}

	@Test
	void anImportsErrorColumnEchoingAFormulaIsQuotePrefixedText() throws IOException {
		byte[] upload = new Spreadsheets().write("导入", List.of(Column.of("名称", (String t) -> t)), List.of("甲", "乙"));
		byte[] annotated = SheetRows.annotate(upload, List.of(
				// a field named as the uploaded sheet's own header named it: the message begins with what was typed
				new SheetRows.RowErrors(2, List.of(new FieldError(LINK, "unknown", "不是模板中的列"))),
				new SheetRows.RowErrors(3, List.of(new FieldError("名称", "required", "名称不能为空")))));
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
			Cell echoed = book.getSheetAt(0).getRow(1).getCell(1);
			assertThat(echoed.getCellType()).isEqualTo(CellType.STRING);
			assertThat(echoed.getStringCellValue()).isEqualTo(LINK + "：不是模板中的列");
			assertThat(echoed.getCellStyle().getQuotePrefixed()).isTrue();
			Cell plain = book.getSheetAt(0).getRow(2).getCell(1);
			assertThat(plain.getStringCellValue()).isEqualTo("名称：名称不能为空");
			assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
		}
	}

	/** No class but the two writers of workbooks sets a cell's text: every export passes the one quoting. */
	@Test
	void onlyTheWorkbookWritersSetACellsText() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.youguan");
		noClasses().that()
			.doNotHaveFullyQualifiedName(Spreadsheets.class.getName())
			.and().doNotHaveFullyQualifiedName(SheetRows.class.getName())
			.should()
			.callMethod(Cell.class, "setCellValue", String.class)
			.orShould().callMethod(Cell.class, "setCellValue", RichTextString.class)
			.orShould().callMethod(Cell.class, "setCellFormula", String.class)
			.because("a text cell is quote-prefixed where a spreadsheet would run it (Spreadsheets.setText)")
			.check(classes);
	}
}
