package org.youguan.universal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 通邮检查计划 list in the full list idiom: search, method and year filters, whitelisted sorts, pages and the .xlsx
 * export read alike — another county's plans never appear, a mobile number in a plan's name is masked.
 */
@IntegrationTest
class VillagePlanListIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String token;

	@BeforeEach
	void twoCountiesPlans() {
		token = "通邮" + Long.toString(System.nanoTime(), 36);
		plan("320506", "A" + token + "吴中 联系13912345678", "CRITERIA", LocalDate.of(2001, 3, 1));
		plan("320507", "B" + token + "相城", "RANDOM", LocalDate.of(2002, 3, 1));
	}

	@AfterEach
	void remove() {
		jdbc.sql("DELETE FROM village_check_plan WHERE name LIKE :token").param("token", "%" + token + "%").update();
	}

	private void plan(String region, String name, String method, LocalDate plannedOn) {
		jdbc.sql("""
				INSERT INTO village_check_plan (name, region_code, method, below_standard, not_direct, sample_count, seed,
				    snapshot, snapshot_hash, population, planned_on, created_at, created_by)
				VALUES (:name, :region, :method, false, false, 1, 's', '', repeat('0', 64), 0, :on, :now, 'test')""")
			.param("name", name)
			.param("region", region)
			.param("method", method)
			.param("on", plannedOn)
			.param("now", OffsetDateTime.now(ChinaTime.ZONE))
			.update();
	}

	@Test
	void anotherCountysPlansAppearNeitherOnThePageNorInTheExport() throws Exception {
		MockHttpSession wuzhong = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/universal/plans").param("q", token).session(wuzhong))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A" + token)))
			.andExpect(content().string(containsString("139****5678")))
			.andExpect(content().string(not(containsString("13912345678"))))
			.andExpect(content().string(not(containsString("B" + token))))
			.andExpect(content().string(containsString("id=\"plans-export\" href=\"/universal/plans/export.xlsx")));
		List<List<String>> rows = ExportedRows.of(mvc, wuzhong, "/universal/plans/export.xlsx", "q", token);
		assertThat(rows.get(0)).containsExactly("计划名称", "检查区域", "选取方式", "制定日期", "计划建制村", "已检查");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).containsExactly("A" + token + "吴中 联系139****5678", rows.get(1).get(1), "按条件选取",
				"2001-03-01", "0", "0");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, SignIn.session(mvc, "xc.staff"), "/universal/plans/export.xlsx",
				"q", token), 0)).containsExactly("B" + token + "相城");
	}

	@Test
	void filtersAndWhitelistedSortsAreTheSameOnThePageTheApiAndTheExport() throws Exception {
		MockHttpSession city = SignIn.session(mvc, "sz.admin");
		String export = "/universal/plans/export.xlsx";
		assertThat(ExportedRows.column(ExportedRows.of(mvc, city, export, "q", token), 0))
			.as("newest first by default").containsExactly("B" + token + "相城", "A" + token + "吴中 联系139****5678");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, city, export, "q", token, "sort", "name"), 0))
			.containsExactly("A" + token + "吴中 联系139****5678", "B" + token + "相城");
		// an order the list does not have is refused naming it (kernel.Listing), never answered in another order
		mvc.perform(get(export).session(city).param("q", token).param("sort", "name;drop")).andExpect(status().isBadRequest());
		assertThat(ExportedRows.column(ExportedRows.of(mvc, city, export, "q", token, "selection", "RANDOM"), 0))
			.containsExactly("B" + token + "相城");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, city, export, "q", token, "year", "2001"), 0))
			.containsExactly("A" + token + "吴中 联系139****5678");
		mvc.perform(get("/universal/plans").param("q", token).param("selection", "CRITERIA").param("size", "1").session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A" + token)))
			.andExpect(content().string(not(containsString("B" + token))));
		mvc.perform(get("/universal/plans").param("q", token).param("size", "1").param("page", "1").session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A" + token)))
			.andExpect(content().string(not(containsString("B" + token))));
		mvc.perform(get("/api/v1/universal/plans").param("q", token).param("selection", "CRITERIA")
			.header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].name").value("A" + token + "吴中 联系139****5678"));
		mvc.perform(get(export).param("selection", "OTHER").session(city)).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("selection")));
	}
}
