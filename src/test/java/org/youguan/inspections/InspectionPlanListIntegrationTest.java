package org.youguan.inspections;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.org.Bureaus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 双随机 plan list in the full list idiom: search, state and object-type filters, whitelisted sorts, pages, the
 * API list and the .xlsx export read alike — another region's plans never appear, personal numbers are masked.
 */
@IntegrationTest
class InspectionPlanListIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionPlans plans;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Bureaus bureaus;

	@Autowired
	JdbcClient jdbc;

	String token;

	@BeforeEach
	void twoCountiesPlans() {
		token = "清单" + Long.toString(System.nanoTime(), 36);
		long wuzhong = plan("A" + token + "吴中", "320506");
		plan("B" + token + "相城", "320507");
		jdbc.sql("UPDATE inspection_plan SET seed_operator = '陈吴中', seed_witnesses = '李见证 13912345678' WHERE id = :id")
			.param("id", wuzhong)
			.update();
	}

	private long plan(String name, String region) {
		return tx.execute(s -> plans.create(DataScope.region("3205"), bureaus.findByRegion("3205").orElseThrow().id(),
				"3205", "周管理", new InspectionPlans.PlanData(name, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31),
						List.of("REAL_NAME"), region, null, 2, null, null, 2),
				false));
	}

	@Test
	void anotherRegionsPlansAppearNeitherOnThePageNorInTheApiNorInTheExport() throws Exception {
		MockHttpSession wuzhong = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/inspections/plans").param("q", token).session(wuzhong))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A" + token)))
			.andExpect(content().string(not(containsString("B" + token))))
			.andExpect(content().string(containsString("id=\"plans-export\" href=\"/inspections/plans/export.xlsx")));
		mvc.perform(get("/api/v1/inspections/plans").param("q", token).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].name").value("A" + token + "吴中"))
			.andExpect(jsonPath("$.items[0].seedWitnesses").value("李见证 139****5678"));
		List<List<String>> rows = ExportedRows.of(mvc, wuzhong, "/inspections/plans/export.xlsx", "q", token);
		assertThat(rows.get(0)).containsExactly("计划名称", "检查期间起", "检查期间止", "抽查区域", "检查对象类型", "状态", "检查对象总数",
				"每组检查人员", "随机种子操作人", "见证人", "公示时间");
		assertThat(ExportedRows.column(rows, 0)).containsExactly("A" + token + "吴中");
		assertThat(rows.get(1)).contains("吴中区", "快递企业", "草稿", "李见证 139****5678").doesNotContain("李见证 13912345678");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, SignIn.session(mvc, "xc.staff"), "/inspections/plans/export.xlsx",
				"q", token), 0)).containsExactly("B" + token + "相城");
	}

	@Test
	void anEnglishExportWordsTheStatusAndTheObjectTypeInEnglish() throws Exception {
		List<List<String>> rows = ExportedRows.of(mvc, SignIn.session(mvc, "wz.staff"), "/inspections/plans/export.xlsx",
				"q", token, "lang", "en");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).contains("Express enterprises", "Draft").doesNotContain("快递企业", "草稿");
	}

	@Test
	void filtersAndWhitelistedSortsAreTheSameOnThePageAndInTheExport() throws Exception {
		MockHttpSession city = SignIn.session(mvc, "sz.admin");
		String export = "/inspections/plans/export.xlsx";
		assertThat(ExportedRows.column(ExportedRows.of(mvc, city, export, "q", token, "sort", "name", "dir", "asc"), 0))
			.containsExactly("A" + token + "吴中", "B" + token + "相城");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, city, export, "q", token, "sort", "name", "dir", "desc"), 0))
			.containsExactly("B" + token + "相城", "A" + token + "吴中");
		// a sort outside the whitelist is refused naming the allowed ones, never SQL
		mvc.perform(get(export).param("q", token).param("sort", "seed_witnesses;drop").session(city))
			.andExpect(status().isBadRequest());
		assertThat(ExportedRows.of(mvc, city, export, "q", token, "status", "PUBLISHED")).hasSize(1);
		assertThat(ExportedRows.of(mvc, city, export, "q", token, "status", "DRAFT", "objectType", "ENTERPRISE")).hasSize(3);
		assertThat(ExportedRows.of(mvc, city, export, "q", token, "objectType", "OUTLET")).hasSize(1);
		mvc.perform(get("/inspections/plans").param("q", token).param("status", "PUBLISHED").session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("A" + token))));
		mvc.perform(get("/inspections/plans").param("q", token).param("sort", "name").param("dir", "desc").session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("sort=population")));
		mvc.perform(get("/api/v1/inspections/plans").param("status", "GONE").header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("status")))
			.andExpect(content().string(containsString("状态应为草稿（DRAFT）、名单已冻结（FROZEN）、种子已确定（SEEDED）、已抽取（DRAWN）、已公示（PUBLISHED）之一")));
		mvc.perform(get("/api/v1/inspections/plans").param("objectType", "SHOP").header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("快递企业（ENTERPRISE）、分支机构（BRANCH）、末端网点（OUTLET）")));
	}
}
