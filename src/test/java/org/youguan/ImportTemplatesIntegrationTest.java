package org.youguan;

import org.youguan.org.BureauLevel;
import org.youguan.org.OwnExamples;
import org.youguan.registry.Registrar;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.documents.ImportResult;
import org.youguan.inspections.InspectionImport;
import org.youguan.kernel.DataScope;
import org.youguan.licensing.Clerk;
import org.youguan.licensing.internal.LicensingImport;
import org.youguan.registry.internal.branches.BranchImport;
import org.youguan.registry.internal.brands.BrandImport;
import org.youguan.registry.internal.enterprises.EnterpriseImport;
import org.youguan.registry.internal.facilities.FacilityImport;
import org.youguan.registry.internal.licences.LicenceImport;
import org.youguan.registry.internal.outlets.OutletImport;
import org.youguan.statistics.HistoryImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.youguan.TemplateExample.edited;
import static org.youguan.TemplateExample.refusedAsTheExample;

/**
 * Every import template the product hands out passes its own validation, and its example row is not data: uploaded as
 * it is, the example row is refused as the example (and for nothing else); with one cell changed — real data shaped
 * like the example — it is imported. The examples of the licence, branch, outlet, facility and past-inspection templates name
 * the demo's enterprise and inspectors ({@link org.youguan.documents.TemplateExamples}); the enterprise template's row
 * is a new enterprise.
 */
@IntegrationTest
class ImportTemplatesIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	OwnExamples own;

	@Autowired
	EnterpriseImport enterprises;

	@Autowired
	LicenceImport licences;

	@Autowired
	BranchImport branches;

	@Autowired
	OutletImport outlets;

	@Autowired
	FacilityImport facilities;

	@Autowired
	BrandImport brands;

	@Autowired
	HistoryImport history;

	@Autowired
	InspectionImport inspections;

	@Autowired
	LicensingImport applications;

	static void imported(String what, ImportResult result) {
		assertThat(result.errors()).as(what + " template's example row, one cell changed").isEmpty();
		assertThat(result.imported()).as(what).isEqualTo(1);
	}

	@Test
	void everyTemplatesExampleIsRefusedAsItIsAndImportedAsData() {
		refusedAsTheExample("企业", enterprises.importFile(SUZHOU, enterprises.template()).errors());
		imported("企业", enterprises.importFile(SUZHOU, edited(enterprises.template(), "法定代表人", "李四")));
		// imported by the provincial bureau, the issuing authority of 省内 licences (邮政法(2015) art.53)
		Registrar province = Registrar.bureau(BureauLevel.PROVINCE, "32");
		refusedAsTheExample("许可证", licences.importFile(SUZHOU, province, licences.template()).errors());
		imported("许可证", licences.importFile(SUZHOU, province, edited(licences.template(), "发证日期", "2015-03-02")));
		refusedAsTheExample("分支机构", branches.importFile(SUZHOU, branches.template()).errors());
		imported("分支机构", branches.importFile(SUZHOU, edited(branches.template(), "地址", "江苏省苏州市吴中区实例路8号")));
		refusedAsTheExample("末端网点", outlets.importFile(SUZHOU, outlets.template()).errors());
		imported("末端网点", outlets.importFile(SUZHOU, edited(outlets.template(), "地址", "江苏省苏州市吴中区实例路9号")));
		refusedAsTheExample("设施", facilities.importFile(SUZHOU, facilities.template()).errors());
		imported("设施", facilities.importFile(SUZHOU, edited(facilities.template(), "地址", "江苏省苏州市吴中区实例小区")));
		refusedAsTheExample("品牌", brands.importFile(DataScope.all(), brands.template()).errors());
		imported("品牌", brands.importFile(DataScope.all(), edited(brands.template(), "品牌名称", "实例速递")));
		// the city's own template, as its staff download it: its example order bears the city's 机关代字 (苏苏邮管责改…),
		// which a record the city imports must (OfficialNumbers.checkTyped)
		byte[] cityInspections = inspections.template(own.of(SUZHOU));
		refusedAsTheExample("历史检查记录", inspections.importFile(SUZHOU, null, cityInspections).errors());
		imported("历史检查记录", inspections.importFile(SUZHOU, null, edited(cityInspections, "检查发现的问题", "实名收寄登记缺项")));
		// past licence applications, as the provincial bureau records them
		Clerk jiangsu = Clerk.system("江苏省邮政管理局", BureauLevel.PROVINCE, "32");
		refusedAsTheExample("历史许可申请", applications.importFile(jiangsu, SUZHOU, "3205", "test", applications.template()).errors());
		imported("历史许可申请", applications.importFile(jiangsu, SUZHOU, "3205", "test",
				edited(applications.template(), "许可证编号", "快递许可-32-2015-000002")));
		refusedAsTheExample("历史数据", history.importFile(SUZHOU, history.template()).errors());
		HistoryImport.Result past = history.importFile(SUZHOU, edited(history.template(), "数值", "12345679"));
		assertThat(past.errors()).as("历史数据 template's example row, one cell changed").isEmpty();
		assertThat(past.imported()).isEqualTo(1);
	}
}
