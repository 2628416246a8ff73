package org.youguan.licensing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.documents.ImportResult;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.licensing.internal.LicensingImport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The .xlsx import of past licence applications: the template's example row left in the sheet is refused; a sheet with
 * one bad row imports nothing and names the row, the column and the rule — every broken cell of a row at once, an
 * unknown kind or decision with the Chinese labels allowed; Chinese kinds and decisions are read as the API's codes.
 */
@IntegrationTest
class LicensingImportIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	LicensingImport imports;

	@Autowired
	JdbcClient jdbc;

	long imported() {
		return jdbc.sql("SELECT count(*) FROM licence_application WHERE imported").query(Long.class).single();
	}

	static byte[] sheet(String[]... rows) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.createSheet("历史许可申请");
			String[] head = { "申请人统一社会信用代码", "申请人名称", "申请类型", "业务范围", "收到申请日期", "初审日期", "现场核查日期", "决定", "决定日期", "许可证编号" };
			var header = sheet.createRow(0);
			for (int c = 0; c < head.length; c++) {
				header.createCell(c).setCellValue(head[c]);
			}
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r + 1);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	static String code(String tail) {
		String first17 = "91320506MA1LW" + tail;
		return first17 + CreditCode.checkCharacter(first17);
	}

	@Test
	void theTemplatesExampleRowLeftInTheSheetIsRefusedNotImported() throws IOException {
		long before = imported();
		ImportResult result = imports.importFile(SUZHOU, "3205", "test", imports.template());
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).singleElement().satisfies(row -> assertThat(row.errors())
			.anyMatch(e -> e.rule().equals("example") && e.message().contains("示例行")));
		assertThat(imported()).isEqualTo(before);
		// the same values typed again with real data in one column are data
		ImportResult real = imports.importFile(SUZHOU, "3205", "test", sheet(new String[] { code("0009"), "苏州示例快递有限公司",
				"新设许可", "省内", "2025-03-05", "2025-03-12", "2025-03-20", "准予许可", "2025-04-10", "快递许可-32-2025-000009" }));
		assertThat(real.errors()).isEmpty();
		assertThat(imported()).isEqualTo(before + 1);
	}

	@Test
	void aRowNamesEveryBrokenCellAtOnceAndTheAllowedLabels() throws IOException {
		long before = imported();
		byte[] file = sheet(new String[] { code("0003"), "", "新办理", "省城", "2018-13-45", "", "", "批了", "", "" },
				new String[] { code("0004"), "苏州导入丁快递有限公司", "renewal", "省内", "2018-05-01", "", "", "pending", "", "" });
		ImportResult result = imports.importFile(SUZHOU, "3205", "test", file);
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).as("codes in any case are accepted: only the first row is bad").singleElement()
			.satisfies(row -> {
				assertThat(row.number()).isEqualTo(2);
				assertThat(row.errors()).extracting(e -> e.field())
					.contains("申请人名称", "申请类型", "业务范围", "收到申请日期", "决定");
				assertThat(row.errors()).filteredOn(e -> e.field().equals("申请类型")).singleElement()
					.satisfies(e -> assertThat(e.message()).contains("新设许可、变更、延续、分支机构", "新办理"));
				assertThat(row.errors()).filteredOn(e -> e.field().equals("决定")).singleElement()
					.satisfies(e -> assertThat(e.message()).contains("准予许可、不予许可、未决定"));
				assertThat(row.errors()).filteredOn(e -> e.field().equals("收到申请日期")).as("refused once, not again as missing")
					.hasSize(1);
			});
		assertThat(imported()).isEqualTo(before);
	}

	@Test
	void aSheetWithOneBadRowImportsNothingAndNamesTheRowColumnAndRule() throws IOException {
		long before = imported();
		byte[] file = sheet(
				new String[] { code("0001"), "苏州导入甲快递有限公司", "新设许可", "同城", "2018-03-01", "2018-03-05", "2018-03-09", "准予许可",
						"2018-04-01", "苏导入2018-0001" },
				new String[] { code("0002"), "苏州导入乙快递有限公司", "延续", "省城", "2018-05-01", "", "", "未决定", "", "" });
		ImportResult result = imports.importFile(SUZHOU, "3205", "test", file);
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).hasSize(1);
		assertThat(result.errors().get(0).number()).isEqualTo(3);
		assertThat(result.errors().get(0).errors()).anyMatch(e -> e.field().equals("业务范围") && e.rule().equals("one-of"));
		assertThat(imported()).isEqualTo(before);
	}
}
