package org.youguan.registry;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.documents.ImportResult;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.PageQuery;
import org.youguan.platform.ChinaTime;
import org.youguan.registry.internal.branches.BranchImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Finding (exports2 8): the register's branch import took a 营业执照日期 of 2099-12-31. The days of what already
 * happened — the business licence issued, the filing received — are never in the future, in the import and the form
 * alike ({@link Branches#check}): each refused on its own column, nothing saved.
 */
@IntegrationTest
class BranchDaysNotInTheFutureIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	BranchImport branchImport;

	@Autowired
	Branches branches;

	@Autowired
	Enterprises enterprises;

	/** Two rows: one licensed on 2099-12-31, one filed on 2099-12-30; each refused on that day's column. */
	@Test
	void aFutureLicenceDayOrFilingDayIsRefusedOnItsColumn() {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		String holder = RegistryIntegrationTest.unlicensed(enterprises);
		String s = ImportTwinWithBadCellIntegrationTest.suffix();
		List<String> futureLicence = List.of("将来执照分公司" + s, holder, "", "320506001", "示例路8号", "赵六", "2099-12-31",
				today.toString());
		List<String> futureFiling = List.of("将来备案分公司" + s, holder, "", "320506001", "示例路9号", "赵六",
				today.minusDays(3).toString(), "2099-12-30");
		ImportResult result = branchImport.importFile(SUZHOU, Workbooks.of(BranchImport.HEADERS, List.of(futureLicence, futureFiling)));
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(2, 3);
		assertThat(result.errors().get(0).errors()).extracting(FieldError::field, FieldError::rule)
			.contains(tuple("营业执照日期", "range"));
		assertThat(result.errors().get(0).errors()).extracting(FieldError::message)
			.anyMatch(m -> m.startsWith("营业执照日期不得晚于"));
		assertThat(result.errors().get(1).errors()).extracting(FieldError::field, FieldError::rule)
			.contains(tuple("备案日期", "not-future"));
		assertThat(branches.list(SUZHOU, null, new PageQuery("将来", 0, 5, null, false)).items())
			.extracting(b -> b.name()).doesNotContain("将来执照分公司" + s, "将来备案分公司" + s);
	}
}
