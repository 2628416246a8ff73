package org.youguan.statistics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding (exports2 7): the history import's template named 3205 in its example row, which a county's user who copied
 * and edited it was refused for (该区划不在您的管辖范围内). The template a user downloads names the user's own region;
 * the example left unchanged — of this template or of the installation-wide one — is refused as the example row before
 * any scope check; a row copied from it and edited is judged by its figures, never as outside the user's area.
 */
@IntegrationTest
class HistoryTemplateOwnAreaIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	@Autowired
	HistoryImport history;

	@Test
	void aCountysTemplateNamesItsOwnRegionAndItsExampleIsRefusedAsTheExample() throws Exception {
		byte[] template = history.template(WUZHONG);
		int region = HistoryImport.HEADERS.indexOf("行政区划代码");
		int value = HistoryImport.HEADERS.indexOf("数值");
		byte[] edited;
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Row example = book.getSheetAt(0).getRow(1);
			assertThat(new DataFormatter().formatCellValue(example.getCell(region))).isEqualTo("320506");
			// a new cell: the template writes inline strings, which POI's setCellValue on the old cell leaves in place
			example.removeCell(example.getCell(value));
			example.createCell(value).setCellValue("一千");
			book.write(out);
			edited = out.toByteArray();
		}
		assertThat(history.template()).as("the installation-wide template keeps 3205").isNotEqualTo(template);

		HistoryImport.Result untouched = history.importFile(WUZHONG, template);
		assertThat(untouched.imported()).isZero();
		assertThat(untouched.errors()).singleElement().satisfies(row -> assertThat(row.errors())
			.extracting(FieldError::rule).containsExactly("example"));
		HistoryImport.Result generic = history.importFile(WUZHONG, history.template());
		assertThat(generic.errors()).as("the city's example left in a county's sheet: the example, not the scope")
			.singleElement().satisfies(row -> assertThat(row.errors()).extracting(FieldError::rule).containsExactly("example"));

		HistoryImport.Result copied = history.importFile(WUZHONG, edited);
		assertThat(copied.imported()).isZero();
		assertThat(copied.errors()).singleElement().satisfies(row -> assertThat(row.errors())
			.extracting(FieldError::rule).isNotEmpty().doesNotContain("scope", "example"));
	}
}
