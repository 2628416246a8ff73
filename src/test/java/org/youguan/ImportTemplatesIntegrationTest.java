package org.youguan;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.documents.ImportResult;
import org.youguan.inspections.InspectionImport;
import org.youguan.kernel.DataScope;
import org.youguan.registry.internal.branches.BranchImport;
import org.youguan.registry.internal.brands.BrandImport;
import org.youguan.registry.internal.enterprises.EnterpriseImport;
import org.youguan.registry.internal.facilities.FacilityImport;
import org.youguan.registry.internal.licences.LicenceImport;
import org.youguan.registry.internal.outlets.OutletImport;
import org.youguan.statistics.HistoryImport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every import template the product hands out passes its own validation: downloaded and uploaded as it is, its
 * example row is imported. The registry templates describe one example company (the enterprise template's row),
 * which the licence, branch, outlet, facility and past-inspection examples refer to — so they are imported in that
 * order.
 */
@IntegrationTest
class ImportTemplatesIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

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

	static void importedAsIs(String what, ImportResult result) {
		assertThat(result.errors()).as(what + " template's example row").isEmpty();
		assertThat(result.imported()).as(what).isEqualTo(1);
	}

	@Test
	void everyTemplateImportsAsItIs() {
		importedAsIs("企业", enterprises.importFile(SUZHOU, enterprises.template()));
		importedAsIs("许可证", licences.importFile(SUZHOU, licences.template()));
		importedAsIs("分支机构", branches.importFile(SUZHOU, branches.template()));
		importedAsIs("末端网点", outlets.importFile(SUZHOU, outlets.template()));
		importedAsIs("设施", facilities.importFile(SUZHOU, facilities.template()));
		importedAsIs("品牌", brands.importFile(DataScope.all(), brands.template()));
		importedAsIs("历史检查记录", inspections.importFile(SUZHOU, null, inspections.template()));
		HistoryImport.Result past = history.importFile(SUZHOU, history.template());
		assertThat(past.errors()).as("历史数据 template's example row").isEmpty();
		assertThat(past.imported()).isEqualTo(1);
	}
}
