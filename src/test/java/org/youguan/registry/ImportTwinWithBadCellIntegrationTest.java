package org.youguan.registry;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.documents.ImportResult;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.internal.branches.BranchImport;
import org.youguan.registry.internal.enterprises.EnterpriseImport;
import org.youguan.registry.internal.facilities.FacilityImport;
import org.youguan.registry.internal.licences.LicenceImport;
import org.youguan.registry.internal.outlets.OutletImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A row of a registry sheet that repeats an earlier row of the file and has a bad cell of its own is told both at once —
 * the repetition (found by the cells as typed) and the bad cell —, not the bad cell alone, so the user fixing the sheet
 * does not upload it again only to be told of the repetition; nothing is saved. One test per import.
 */
@IntegrationTest
class ImportTwinWithBadCellIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	OutletImport outletImport;

	@Autowired
	FacilityImport facilityImport;

	@Autowired
	BranchImport branchImport;

	@Autowired
	EnterpriseImport enterpriseImport;

	@Autowired
	LicenceImport licenceImport;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Outlets outlets;

	@Autowired
	Facilities facilities;

	@Autowired
	Branches branches;

	@Autowired
	Licences licences;

	static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

	/** The second data row's failures (sheet row 3), the first row being good: its only bad row. */
	static List<FieldError> onlyTheTwinsFailures(ImportResult result) {
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(3);
		return result.errors().get(0).errors();
	}

	@Test
	void anOutletTwinWithABadPhoneIsToldBoth() {
		String s = suffix();
		String number = "旧备案-" + s;
		List<String> first = List.of("孪生网点" + s, RegistryIntegrationTest.DemoCodes.SF_WUZHONG, "加盟", "孪生路" + s + "号",
				"320506001", "120.6", "31.2", "王五", RegistryIntegrationTest.idNumber(), "13812345678", "30", "是", "是", "是",
				"是", "2026-01-15", number);
		List<String> twin = List.of("孪生网点" + s, RegistryIntegrationTest.DemoCodes.SF_WUZHONG, "加盟", "孪生路" + s + "号",
				"320506001", "120.6", "31.2", "王五", RegistryIntegrationTest.idNumber(), "电话未知", "30", "是", "是", "是",
				"是", "2026-01-15", number);
		List<FieldError> errors = onlyTheTwinsFailures(outletImport.importFile(SUZHOU,
				Workbooks.of(OutletImport.HEADERS, List.of(first, twin))));
		assertThat(errors).extracting(FieldError::field, FieldError::rule)
			.contains(tuple("网点名称", "unique"), tuple("备案编号", "unique"));
		assertThat(errors).extracting(FieldError::field).contains("负责人电话");
		assertThat(errors).extracting(FieldError::message).contains("同名同址网点与第2行重复", "备案编号与第2行重复");
		assertThat(outlets.list(SUZHOU, Outlets.Filter.NONE, new PageQuery("孪生网点" + s, 0, 5, null, false)).items())
			.as("nothing saved").isEmpty();
	}

	@Test
	void aFacilityTwinWithABadCompartmentCountIsToldBoth() {
		String s = suffix();
		List<String> first = List.of("智能快件箱", "孪生柜" + s, RegistryIntegrationTest.DemoCodes.SF_WUZHONG, "320506",
				"孪生路" + s + "号", "20", "", "", "2025-06-01");
		List<String> twin = List.of("智能快件箱", "孪生柜" + s, RegistryIntegrationTest.DemoCodes.SF_WUZHONG, "320506",
				"孪生路" + s + "号", "二十", "", "", "2025-06-01");
		List<FieldError> errors = onlyTheTwinsFailures(facilityImport.importFile(SUZHOU,
				Workbooks.of(FacilityImport.HEADERS, List.of(first, twin))));
		assertThat(errors).extracting(FieldError::field, FieldError::rule)
			.contains(tuple("名称", "unique"), tuple("格口数", "integer"));
		assertThat(facilities.list(SUZHOU, new Facilities.Filter(null, null), new PageQuery("孪生柜" + s, 0, 5, null, false))
			.items()).as("nothing saved").isEmpty();
	}

	@Test
	void aBranchTwinWithABadFilingDayIsToldBoth() {
		String s = suffix();
		String holder = RegistryIntegrationTest.unlicensed(enterprises);
		List<String> first = List.of("孪生分公司" + s, holder, "", "320506001", "示例路8号", "赵六", "2026-01-05", "2026-01-12");
		List<String> twin = List.of("孪生分公司" + s, holder, "", "320506001", "示例路9号", "赵六", "2026-01-05", "一月十二日");
		List<FieldError> errors = onlyTheTwinsFailures(branchImport.importFile(SUZHOU,
				Workbooks.of(BranchImport.HEADERS, List.of(first, twin))));
		assertThat(errors).extracting(FieldError::field, FieldError::rule).contains(tuple("分支机构名称", "unique"));
		assertThat(errors).extracting(FieldError::field).contains("备案日期");
		assertThat(branches.list(SUZHOU, null, new PageQuery("孪生分公司" + s, 0, 5, null, false)).total())
			.as("nothing saved").isZero();
	}

	@Test
	void anEnterpriseTwinWithABadTypeIsToldBoth() {
		String s = suffix();
		String code = RegistryIntegrationTest.creditCode();
		List<String> first = List.of("孪生甲快递有限公司" + s, code, "快递企业", "", "张三", "测试路1号", "320506", "李四", "13912345678");
		List<String> twin = List.of("孪生乙快递有限公司" + s, code, "快递公司", "", "张三", "测试路1号", "320506", "李四", "13912345678");
		List<FieldError> errors = onlyTheTwinsFailures(enterpriseImport.importFile(SUZHOU,
				Workbooks.of(EnterpriseImport.HEADERS, List.of(first, twin))));
		assertThat(errors).extracting(FieldError::field, FieldError::rule)
			.contains(tuple("统一社会信用代码", "unique"), tuple("企业类型", "dictionary"));
		assertThat(enterprises.findByCreditCode(code)).as("nothing saved").isEmpty();
	}

	@Test
	void aLicenceTwinWithABadScopeIsToldBoth() {
		String number = "苏邮T" + org.youguan.RandomDigits.of(6);
		List<String> first = List.of(number, RegistryIntegrationTest.unlicensed(enterprises), "省内", "江苏省邮政管理局",
				"2024-03-01", "");
		List<String> twin = List.of(number, RegistryIntegrationTest.unlicensed(enterprises), "全球", "江苏省邮政管理局",
				"2024-03-01", "");
		List<FieldError> errors = onlyTheTwinsFailures(licenceImport.importFile(SUZHOU, RegistryIntegrationTest.JIANGSU,
				Workbooks.of(LicenceImport.HEADERS, List.of(first, twin))));
		assertThat(errors).extracting(FieldError::field, FieldError::rule)
			.contains(tuple("许可证编号", "unique"), tuple("业务范围", "dictionary"));
		assertThat(licences.findByNumber(SUZHOU, number)).as("nothing saved").isEmpty();
	}
}
