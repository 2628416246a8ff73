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
import org.youguan.registry.OutletStatus;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
		assertThat(rows.get(0)).startsWith("受理编号", "类型", "网点名称", "企业", "经营的分支机构", "品牌", "所在地");
		// exports2 finding 3: the outlet's place with its county (江苏省苏州市吴中区长桥街道), never the street alone
		assertThat(ExportedRows.column(rows, 6)).isNotEmpty().allMatch(p -> p.startsWith("江苏省苏州市") && p.length() >= 9, "named in full");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, SignIn.session(mvc, "sz.office"), "/filing/export.xlsx", "state", "ALL"), 6))
			.as("the bureau's export alike").isNotEmpty().allMatch(p -> p.startsWith("江苏省"), "named in full");
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
		assertThat(outletRows.get(0)).containsExactly("网点名称", "品牌", "合作方式", "地址", "所在地", "负责人", "负责人电话", "开办日期",
				"备案编号", "状态", "关闭日期", "关闭原因");
		assertThat(ExportedRows.column(outletRows, 4)).isNotEmpty()
			.allMatch(p -> p.startsWith("江苏省苏州市") && p.length() >= 9, "the county named with the street");
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
	/**
	 * The portal's filings and outlets lists in the full list idiom: search, status filter and whitelisted sorts from
	 * the headers narrow and order the page and the export alike; another enterprise's rows are in neither; the
	 * manager's phone stays masked in the filtered export.
	 */
	@Test
	void theEnterpriseSearchesFiltersAndSortsItsFilingsAndOutlets() throws Exception {
		DataScope own = DataScope.enterprise(directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow());
		DataScope city = DataScope.region("3205");
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		var mine = filings.list(own, new OutletFilings.Filter(null, null, false, null), PageQuery.of(null, 0, 1, null, null))
			.items().get(0);

		mvc.perform(get("/enterprise/filings").session(sf).param("q", mine.number()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(mine.number())))
			.andExpect(content().string(containsString("name=\"q\"")))
			.andExpect(content().string(containsString("sort=submitted_on")));
		// another enterprise (the postal one) finds none of its filings, by search or in its export
		MockHttpSession other = SignIn.session(mvc, "yz.sz");
		mvc.perform(get("/enterprise/filings").session(other).param("q", mine.number()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/enterprise/filings/" + mine.id() + "\""))));
		assertThat(ExportedRows.column(ExportedRows.of(mvc, sf, "/enterprise/filings/export.xlsx", "q", mine.number()), 0))
			.containsExactly(mine.number());
		assertThat(ExportedRows.of(mvc, other, "/enterprise/filings/export.xlsx", "q", mine.number())).hasSize(1);
		assertThat(ExportedRows.column(ExportedRows.of(mvc, other, "/enterprise/filings/export.xlsx"), 0))
			.doesNotContain(mine.number());
		List<String> submitted = ExportedRows.column(
				ExportedRows.of(mvc, sf, "/enterprise/filings/export.xlsx", "sort", "submitted_on", "dir", "asc"), 8);
		assertThat(submitted).isSorted();
		// an unknown key is refused naming the list's orders, on the export and the page alike — not read as the default
		for (String path : List.of("/enterprise/filings/export.xlsx", "/enterprise/filings")) {
			mvc.perform(get(path).session(sf).param("sort", "enterprise_credit_code"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("排序字段应为")))
				.andExpect(content().string(containsString("submitted_on")));
		}

		var filedOutlets = outlets.list(own, new Outlets.Filter(null, OutletStatus.FILED, null, null), PageQuery.of(null, 0, 1, null, null));
		List<List<String>> filed = ExportedRows.of(mvc, sf, "/enterprise/outlets/export.xlsx", "status", "FILED");
		assertThat(filed).hasSize((int) filedOutlets.total() + 1);
		assertThat(ExportedRows.column(filed, 9)).containsOnly(OutletStatus.FILED.label());
		assertThat(ExportedRows.column(filed, 6)).allMatch(p -> p.isEmpty() || p.contains("*"));
		List<String> numbers = ExportedRows.column(
				ExportedRows.of(mvc, sf, "/enterprise/outlets/export.xlsx", "status", "FILED", "sort", "filing_number", "dir", "desc"), 8);
		assertThat(numbers).isSortedAccordingTo((a, b) -> b.compareTo(a));
		String ownName = outlets.list(own, Outlets.Filter.NONE, PageQuery.of(null, 0, 1, null, null)).items().get(0).enterpriseName();
		String theirOutlet = outlets.list(city, Outlets.Filter.NONE, PageQuery.of(null, 0, 200, null, null)).items().stream()
			.filter(o -> !o.enterpriseName().equals(ownName)).findFirst().orElseThrow().name();
		assertThat(ExportedRows.column(ExportedRows.of(mvc, sf, "/enterprise/outlets/export.xlsx", "q", theirOutlet), 0))
			.doesNotContain(theirOutlet);
		// an unknown key is refused naming the register's orders (the list idiom), not read as the default
		mvc.perform(get("/enterprise/outlets").session(sf).param("status", "FILED").param("sort", "bogus"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("排序字段应为")))
			.andExpect(content().string(containsString("filing_number")));
	}
}
