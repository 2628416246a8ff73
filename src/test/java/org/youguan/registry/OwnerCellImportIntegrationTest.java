package org.youguan.registry;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.documents.ImportResult;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.internal.branches.BranchImport;
import org.youguan.registry.internal.facilities.FacilityImport;
import org.youguan.registry.internal.licences.LicenceImport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row whose owner (enterprise) cell is missing or names no enterprise in the caller's region still meets the rules of
 * its other cells: every bad cell of the row is reported at once, the owner's once.
 */
@IntegrationTest
class OwnerCellImportIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	/** A credit code of the right shape that no enterprise holds. */
	static final String NOBODY = "91320506MA1XXXXXX0";

	@Autowired
	BranchImport branches;

	@Autowired
	LicenceImport licences;

	@Autowired
	FacilityImport facilities;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Facilities registered;

	static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

	/** The columns refused in the one rejected row, and that the owner's column is told once. */
	static List<String> refusedColumns(ImportResult result, String ownerColumn) {
		assertThat(result.rejected()).isTrue();
		List<FieldError> errors = result.errors().get(0).errors();
		assertThat(errors).filteredOn(e -> e.field().equals(ownerColumn)).as("the owner's cell is reported once").hasSize(1);
		return errors.stream().map(FieldError::field).toList();
	}

	@Test
	void aBranchRowWithoutItsEnterpriseStillHasItsOtherCellsChecked() throws Exception {
		List<String> row = List.of("分支" + suffix(), NOBODY, "", "999999", "", "赵六", "2026-01-20", "2026-01-05");
		var result = branches.importFile(SUZHOU, Workbooks.of(BranchImport.HEADERS, List.of(row)));
		assertThat(refusedColumns(result, "所属企业统一社会信用代码")).contains("所属企业统一社会信用代码", "行政区划代码", "地址",
				"备案日期");
	}

	@Test
	void aLicenceRowWithABlankHolderStillHasItsOtherCellsChecked() throws Exception {
		List<String> row = List.of("格式 有误" + suffix(), "", "", "", "2999-01-01", "");
		var result = licences.importFile(SUZHOU, RegistryIntegrationTest.JIANGSU, Workbooks.of(LicenceImport.HEADERS, List.of(row)));
		assertThat(refusedColumns(result, "统一社会信用代码")).contains("统一社会信用代码", "许可证编号", "业务范围", "发证机关",
				"发证日期");
	}

	@Test
	void aFacilityRowWithoutItsOwnerStillHasItsOtherCellsChecked() throws Exception {
		List<String> row = List.of("智能快件箱", "柜" + suffix(), NOBODY, "32", "", "0", "", "", "2025-06-01");
		var result = facilities.importFile(SUZHOU, Workbooks.of(FacilityImport.HEADERS, List.of(row)));
		assertThat(refusedColumns(result, "所属企业统一社会信用代码")).contains("所属企业统一社会信用代码", "行政区划代码", "地址",
				"格口数");
	}

	/**
	 * A row naming an enterprise of another county — which a form or API step is refused as not there (404) — stays
	 * that row's error on the owner's column (rule scope) in an import, beside the row's other bad cells and region:
	 * the import reports every bad row, it is not refused whole.
	 */
	@Test
	void aBranchRowOfAnEnterpriseOfAnotherCountyIsThatRowsErrorNotTheImports() throws Exception {
		String xiangcheng = enterprises.choosable(DataScope.region("320507")).get(0).creditCode();
		List<String> row = List.of("分支" + suffix(), xiangcheng, "", "320507", "", "赵六", "2026-01-20", "2026-01-05");
		var result = branches.importFile(DataScope.region("320506"), Workbooks.of(BranchImport.HEADERS, List.of(row)));
		assertThat(refusedColumns(result, "所属企业统一社会信用代码")).contains("所属企业统一社会信用代码", "行政区划代码", "地址",
				"备案日期");
		assertThat(result.errors().get(0).errors()).filteredOn(e -> e.field().equals("所属企业统一社会信用代码"))
			.extracting(FieldError::rule).containsExactly("scope");
	}

	/**
	 * A row whose owner is cancelled is that row's error (the owner's column, rule cancelled, in Chinese), with its other
	 * bad cells and the other rows still checked and nothing registered — not a failure of the whole import when the
	 * valid rows are registered.
	 */
	@Test
	void aFacilityRowOfACancelledOwnerIsThatRowsErrorAndTheOtherRowsAreChecked() throws Exception {
		String live = code();
		enterprise("在营设施导入测试", live);
		String gone = code();
		enterprises.cancel(DataScope.all(), enterprise("注销设施导入测试", gone), "企业已办理市场主体注销登记");
		String good = "柜" + suffix();
		List<List<String>> rows = List.of(
				List.of("智能快件箱", good, live, "320506", "吴中测试路9号", "20", "", "", "2025-06-01"),
				List.of("智能快件箱", "柜" + suffix(), gone, "32", "吴中测试路9号", "20", "", "", "2025-06-01"),
				List.of("智能快件箱", "柜" + suffix(), live, "320506", "", "20", "", "", "2025-06-01"));
		var result = facilities.importFile(SUZHOU, Workbooks.of(FacilityImport.HEADERS, rows));
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).hasSize(2);
		List<FieldError> cancelled = result.errors().get(0).errors();
		assertThat(cancelled).filteredOn(e -> e.field().equals("所属企业统一社会信用代码"))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.rule()).isEqualTo("cancelled");
				assertThat(e.message()).contains("已注销");
			});
		assertThat(cancelled).extracting(FieldError::field).as("the row's other bad cell is still told").contains("行政区划代码");
		assertThat(result.errors().get(1).errors()).extracting(FieldError::field).contains("地址");
		assertThat(registered.list(SUZHOU, new Facilities.Filter(null, null), new PageQuery(good, 0, 5, null,
				false)).items()).as("nothing registered").isEmpty();
	}

	private long enterprise(String name, String code) {
		return enterprises.register(DataScope.all(), new EnterpriseData(name + suffix() + "有限公司", code, EnterpriseType.EXPRESS,
				null, "张三", "测试路1号", "320506", "李四", "13912345678"), false);
	}

	private static String code() {
		String base = "91320506MA" + org.youguan.RandomDigits.of(7);
		return base + CreditCode.checkCharacter(base);
	}
}
