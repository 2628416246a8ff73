package org.youguan.filing;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The enterprise portal's 网点备案 and 末端网点 lists export as .xlsx like the bureau's: the enterprise's own rows only,
 * every one of them, with the list's filter and search; staff are refused the portal's exports.
 */
@IntegrationTest
class EnterpriseListExportsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	OutletFilings filings;

	@Autowired
	Outlets outlets;

	@Autowired
	UserDirectory directory;

	@Test
	void theEnterpriseExportsItsOwnFilingsAndOutlets() throws Exception {
		DataScope own = DataScope.enterprise(directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow());
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");

		List<List<String>> rows = ExportedRows.of(mvc, sf, "/enterprise/filings/export.xlsx");
		assertThat(rows.get(0)).startsWith("受理编号", "类型", "网点名称", "企业");
		long filed = filings.list(own, new OutletFilings.Filter(null, null, false, null), PageQuery.of(null, 0, 1, null, null))
			.total();
		assertThat(filed).isPositive();
		assertThat(rows).as("every filing of its own").hasSize((int) filed + 1);
		assertThat(ExportedRows.column(rows, 3)).as("no other enterprise's").containsOnly(rows.get(1).get(3));
		long approved = filings.list(own, new OutletFilings.Filter(FilingStatus.APPROVED, null, false, null),
				PageQuery.of(null, 0, 1, null, null)).total();
		assertThat(ExportedRows.of(mvc, sf, "/enterprise/filings/export.xlsx", "status", "APPROVED"))
			.as("the status filter").hasSize((int) approved + 1);

		List<List<String>> outletRows = ExportedRows.of(mvc, sf, "/enterprise/outlets/export.xlsx");
		assertThat(outletRows.get(0)).containsExactly("网点名称", "品牌", "合作方式", "地址", "乡镇/街道", "负责人", "负责人电话", "开办日期",
				"备案编号", "状态");
		long count = outlets.list(own, Outlets.Filter.NONE, PageQuery.of(null, 0, 1, null, null)).total();
		assertThat(outletRows).hasSize((int) count + 1);
		assertThat(ExportedRows.column(outletRows, 6)).as("the manager's phone masked")
			.allMatch(p -> p.isEmpty() || p.contains("*"));
		String first = outletRows.get(1).get(0);
		assertThat(ExportedRows.column(ExportedRows.of(mvc, sf, "/enterprise/outlets/export.xlsx", "q", first), 0))
			.as("the search").contains(first);

		mvc.perform(get("/enterprise/filings").session(sf))
			.andExpect(content().string(containsString("/enterprise/filings/export.xlsx")));
		mvc.perform(get("/enterprise/outlets").session(sf))
			.andExpect(content().string(containsString("/enterprise/outlets/export.xlsx")));
		mvc.perform(get("/enterprise/outlets/export.xlsx").session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isForbidden());
	}
}
