package org.youguan.licensing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.documents.ImportResult;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.licensing.internal.LicensingImport;
import org.youguan.org.BureauLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The .xlsx import of past licence applications: the template's example row left in the sheet is refused; a sheet with
 * one bad row imports nothing and names the row, the column and the rule — every broken cell of a row at once, an
 * unknown kind or decision with the Chinese labels allowed; Chinese kinds and decisions are read as the API's codes. A
 * decision is imported only by the level that takes it, and one enterprise holds one licence in the file and beside the
 * records.
 */
@IntegrationTest
class LicensingImportIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	/** The provincial bureau, which decides licences within the province (邮政法(2015) art.53). */
	static final Clerk JIANGSU = Clerk.system("江苏省邮政管理局", BureauLevel.PROVINCE, "32");

	/** A city bureau, which decides no licence. */
	static final Clerk SUZHOU_CITY = Clerk.system("苏州市邮政管理局", BureauLevel.CITY, "3205");

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
		ImportResult result = imports.importFile(JIANGSU, SUZHOU, "3205", "test", imports.template());
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).singleElement().satisfies(row -> assertThat(row.errors())
			.anyMatch(e -> e.rule().equals("example") && e.message().contains("示例行")));
		assertThat(imported()).isEqualTo(before);
		// the same values typed again with real data in one column are data
		ImportResult real = imports.importFile(JIANGSU, SUZHOU, "3205", "test", sheet(new String[] { code("0009"), "苏州示例快递有限公司",
				"新设许可", "省内", "2025-03-05", "2025-03-12", "2025-03-20", "准予许可", "2025-04-10", "快递许可-32-2025-000009" }));
		assertThat(real.errors()).isEmpty();
		assertThat(imported()).isEqualTo(before + 1);
	}

	/**
	 * Finding (form access): a row naming an applicant registered in another county was a 400 "scope" error beside
	 * every other broken cell of the row; it is not there (404's words) on the applicant's column alone.
	 */
	@Test
	void aRowOfAnotherCountysApplicantIsToldThatAloneOnItsColumn() throws IOException {
		String xiangcheng = jdbc.sql("SELECT credit_code FROM enterprise WHERE region_code LIKE '320507%' AND status = 'NORMAL' ORDER BY id LIMIT 1")
			.query(String.class).single();
		ImportResult result = imports.importFile(Clerk.system("吴中区邮政管理局", BureauLevel.COUNTY, "320506"),
				DataScope.region("320506"), "320506", "test",
				sheet(new String[] { xiangcheng, "", "新办理", "省城", "2018-13-45", "", "", "批了", "", "" }));
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).singleElement().satisfies(row -> assertThat(row.errors()).singleElement()
			.satisfies(e -> {
				assertThat(e.field()).isEqualTo("申请人统一社会信用代码");
				assertThat(e.rule()).isEqualTo("scope");
				assertThat(e.message()).contains("不存在或不在您的数据权限范围内");
			}));
	}

	/**
	 * A future received date is refused on its own column; the later dates are not told "目前还不能登记，请到<that future
	 * day>或以后再办理" (attack 70: a wrong date, named as if it were a deadline).
	 */
	@Test
	void aFutureReceivedDateIsRefusedOnItsColumnAloneAndNamesNoFutureDayElsewhere() throws IOException {
		ImportResult result = imports.importFile(JIANGSU, SUZHOU, "3205", "test", sheet(new String[] { code("0019"),
				"苏州未来日期快递有限公司", "新设许可", "省内", "2030-05-05", "2025-03-12", "2025-03-20", "准予许可", "2025-04-10",
				"快递许可-32-2025-000019" }));
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).singleElement().satisfies(row -> {
			assertThat(row.errors()).extracting(e -> e.field()).containsExactly("收到申请日期");
			assertThat(row.errors()).noneMatch(e -> e.message().contains("2030年5月5日或以后"));
		});
	}

	@Test
	void aRowNamesEveryBrokenCellAtOnceAndTheAllowedLabels() throws IOException {
		long before = imported();
		byte[] file = sheet(new String[] { code("0003"), "", "新办理", "省城", "2018-13-45", "", "", "批了", "", "" },
				new String[] { code("0004"), "苏州导入丁快递有限公司", "renewal", "省内", "2018-05-01", "", "", "pending", "", "" });
		ImportResult result = imports.importFile(JIANGSU, SUZHOU, "3205", "test", file);
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
		// a blank 决定 is told in the sheet's words, not only the API's codes (attack round 13)
		ImportResult blank = imports.importFile(JIANGSU, SUZHOU, "3205", "test",
				sheet(new String[] { code("0005"), "苏州导入戊快递有限公司", "新设许可", "省内", "2018-05-01", "", "", "", "", "" }));
		assertThat(blank.errors()).singleElement().satisfies(row -> assertThat(row.errors())
			.filteredOn(e -> e.field().equals("决定")).singleElement().satisfies(e -> {
				assertThat(e.rule()).isEqualTo("required");
				assertThat(e.message()).contains("不能为空", "准予许可", "未决定");
			}));
		assertThat(imported()).isEqualTo(before);
	}

	@Test
	void aSheetWithOneBadRowImportsNothingAndNamesTheRowColumnAndRule() throws IOException {
		long before = imported();
		byte[] file = sheet(
				new String[] { code("0001"), "苏州导入甲快递有限公司", "新设许可", "同城", "2018-03-01", "2018-03-05", "2018-03-09", "准予许可",
						"2018-04-01", "苏导入2018-0001" },
				new String[] { code("0002"), "苏州导入乙快递有限公司", "延续", "省城", "2018-05-01", "", "", "未决定", "", "" });
		ImportResult result = imports.importFile(JIANGSU, SUZHOU, "3205", "test", file);
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).hasSize(1);
		assertThat(result.errors().get(0).number()).isEqualTo(3);
		assertThat(result.errors().get(0).errors()).anyMatch(e -> e.field().equals("业务范围") && e.rule().equals("one-of"));
		assertThat(imported()).isEqualTo(before);
	}

	/** A credit code no other test uses. */
	static String freshCode() {
		String first17 = "91320507MA2LP" + ThreadLocalRandom.current().nextInt(1000, 10000);
		return first17 + CreditCode.checkCharacter(first17);
	}

	static String[] row(String code, String scope, String decision, String decidedOn, String licence) {
		return new String[] { code, "苏州一证快递有限公司" + code.substring(11, 17), "新设许可", scope, "2025-03-01", "2025-03-05", "2025-03-09", decision,
				decidedOn, licence };
	}

	static String[] pending(String code) {
		return new String[] { code, "苏州一证快递有限公司" + code.substring(11, 17), "新设许可", "省内", "2025-06-01", "", "", "未决定", "", "" };
	}

	/**
	 * The tester's file: three 新设许可 rows of one enterprise — 准予许可 省内, 准予许可 跨省, both in force, and 未决定.
	 */
	ImportResult testersFile(Clerk clerk, String code) throws IOException {
		String tail = code.substring(12, 17);
		return imports.importFile(clerk, SUZHOU, "3205", "test", sheet(
				row(code, "省内", "准予许可", "2025-04-10", "快递许可-32-" + tail + "-900005"),
				row(code, "跨省", "准予许可", "2025-04-12", "快递许可-32-" + tail + "-900006"), pending(code)));
	}

	/** The imported applications of one enterprise. */
	long importedOf(String code) {
		return jdbc.sql("SELECT count(*) FROM licence_application WHERE imported AND applicant_credit_code = :code")
			.param("code", code).query(Long.class).single();
	}

	static RowErrors rowError(ImportResult result, int number) {
		return result.errors().stream().filter(r -> r.number() == number).findFirst().orElseThrow();
	}

	@Test
	void theTestersFileIsRefusedWholeAsTheCityImportsIt() throws IOException {
		String code = freshCode();
		ImportResult result = testersFile(SUZHOU_CITY, code);
		assertThat(result.rejected()).isTrue();
		assertThat(rowError(result, 2).errors()).as("a city bureau takes no licence decision (邮政法 art.53)")
			.anySatisfy(e -> {
				assertThat(e.field()).isEqualTo("决定");
				assertThat(e.rule()).isEqualTo("approving-level");
				assertThat(e.message()).contains("省邮政管理局", "市局");
			});
		assertThat(rowError(result, 3).errors()).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("决定");
			assertThat(e.rule()).isEqualTo("approving-level");
			assertThat(e.message()).contains("跨省", "国家邮政局");
		}).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("申请类型");
			assertThat(e.rule()).isEqualTo("licence-held");
			assertThat(e.message()).contains("第2行");
		});
		assertThat(rowError(result, 4).errors()).as("the pending new application beside the licence of row 2")
			.anySatisfy(e -> {
				assertThat(e.field()).isEqualTo("申请类型");
				assertThat(e.rule()).isEqualTo("licence-held");
				assertThat(e.message()).contains("第2行", "未决定");
			});
		assertThat(importedOf(code)).isZero();
		// the city may still bring its undecided applications
		String other = freshCode();
		assertThat(imports.importFile(SUZHOU_CITY, SUZHOU, "3205", "test", sheet(pending(other))).errors()).isEmpty();
		assertThat(importedOf(other)).isEqualTo(1);
	}

	@Test
	void theProvinceImportsItsDecisionButNotTheNationalBureausNorASecondLicence() throws IOException {
		String code = freshCode();
		String tail = code.substring(12, 17);
		ImportResult result = testersFile(JIANGSU, code);
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(3, 4);
		assertThat(rowError(result, 3).errors()).extracting(e -> e.field() + "/" + e.rule())
			.contains("决定/approving-level", "申请类型/licence-held");
		assertThat(rowError(result, 4).errors()).extracting(e -> e.field() + "/" + e.rule()).contains("申请类型/licence-held");
		assertThat(importedOf(code)).isZero();

		// the licence alone is imported; then a second licence in force, or a pending new application, is refused
		// against the records, naming the licence held
		String first = "快递许可-32-" + tail + "-900005";
		assertThat(imports.importFile(JIANGSU, SUZHOU, "3205", "test", sheet(row(code, "省内", "准予许可", "2025-04-10", first)))
			.errors()).isEmpty();
		ImportResult second = imports.importFile(JIANGSU, SUZHOU, "3205", "test", sheet(
				row(code, "同城", "准予许可", "2025-05-10", "快递许可-32-" + tail + "-900007"), pending(code)));
		assertThat(second.errors()).hasSize(2).allSatisfy(r -> assertThat(r.errors()).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("申请类型");
			assertThat(e.rule()).isEqualTo("licence-held");
			assertThat(e.message()).contains(first);
		}));
		// a past licence no longer in force is history beside it
		assertThat(imports.importFile(JIANGSU, SUZHOU, "3205", "test", sheet(new String[] { code, "苏州一证快递有限公司" + code.substring(11, 17), "新设许可",
				"省内", "2014-03-01", "2014-03-05", "2014-03-09", "准予许可", "2014-04-10", "快递许可-32-" + tail + "-140001" }))
			.errors()).isEmpty();
		assertThat(importedOf(code)).isEqualTo(2);
	}

	@Test
	void aPendingNewApplicationBesideAnotherPendingOneIsRefused() throws IOException {
		String code = freshCode();
		ImportResult twice = imports.importFile(JIANGSU, SUZHOU, "3205", "test", sheet(pending(code), pending(code)));
		assertThat(twice.errors()).singleElement().satisfies(r -> {
			assertThat(r.number()).isEqualTo(3);
			assertThat(r.errors()).anySatisfy(e -> {
				assertThat(e.field()).isEqualTo("申请类型");
				assertThat(e.rule()).isEqualTo("open-application");
				assertThat(e.message()).contains("第2行");
			});
		});
		assertThat(importedOf(code)).isZero();
		assertThat(imports.importFile(JIANGSU, SUZHOU, "3205", "test", sheet(pending(code))).errors()).isEmpty();
		ImportResult again = imports.importFile(JIANGSU, SUZHOU, "3205", "test", sheet(pending(code)));
		assertThat(again.errors()).singleElement().satisfies(r -> assertThat(r.errors())
			.anySatisfy(e -> assertThat(e.rule()).isEqualTo("open-application")));
		assertThat(importedOf(code)).isEqualTo(1);
	}
}
