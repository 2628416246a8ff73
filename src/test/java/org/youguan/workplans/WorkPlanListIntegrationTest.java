package org.youguan.workplans;

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
import org.youguan.org.Bureaus;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The work plan list in the full list idiom: search, year and state filters, whitelisted sorts, pages and the .xlsx
 * export read alike — another county's plans never appear, a mobile number in a title is masked.
 */
@IntegrationTest
class WorkPlanListIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Bureaus bureaus;

	@Autowired
	JdbcClient jdbc;

	String token;

	@BeforeEach
	void twoCountiesPlans() {
		token = "计划" + Long.toString(System.nanoTime(), 36);
		plan("320506", "A" + token + "吴中 联系人13912345678", "DRAFT");
		plan("320507", "B" + token + "相城", "ACTIVE");
	}

	/**
	 * Gone again: a year of its own (2000, the first a plan may be of; the tests' plans are of the 2030s) keeps them out
	 * of other tests' year rules meanwhile.
	 */
	@AfterEach
	void remove() {
		jdbc.sql("DELETE FROM work_plan WHERE title LIKE :token").param("token", "%" + token + "%").update();
	}

	private void plan(String region, String title, String status) {
		jdbc.sql("""
				INSERT INTO work_plan (bureau_id, region_code, year, title, created_at, status)
				VALUES (:bureau, :region, 2000, :title, :now, :status)""")
			.param("bureau", bureaus.findByRegion(region).orElseThrow().id())
			.param("region", region)
			.param("title", title)
			.param("now", OffsetDateTime.now(ChinaTime.ZONE))
			.param("status", status)
			.update();
	}

	@Test
	void anotherCountysPlansAppearNeitherOnThePageNorInTheExport() throws Exception {
		MockHttpSession wuzhong = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/workplans").param("q", token).session(wuzhong))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A" + token)))
			.andExpect(content().string(containsString("139****5678")))
			.andExpect(content().string(not(containsString("13912345678"))))
			.andExpect(content().string(not(containsString("B" + token))))
			.andExpect(content().string(containsString("id=\"workplans-export\" href=\"/workplans/export.xlsx")));
		List<List<String>> rows = ExportedRows.of(mvc, wuzhong, "/workplans/export.xlsx", "q", token);
		assertThat(rows.get(0)).containsExactly("年度", "标题", "制定机构", "状态", "任务数");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).containsExactly("2000", "A" + token + "吴中 联系人139****5678", rows.get(1).get(2), "草稿", "0");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, SignIn.session(mvc, "xc.staff"), "/workplans/export.xlsx", "q",
				token), 1)).containsExactly("B" + token + "相城");
	}

	@Test
	void filtersAndWhitelistedSortsAreTheSameOnThePageAndInTheExport() throws Exception {
		MockHttpSession city = SignIn.session(mvc, "sz.admin");
		String export = "/workplans/export.xlsx";
		assertThat(ExportedRows.column(ExportedRows.of(mvc, city, export, "q", token, "sort", "title", "dir", "desc"), 1))
			.containsExactly("B" + token + "相城", "A" + token + "吴中 联系人139****5678");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, city, export, "q", token, "sort", "status"), 3))
			.containsExactly("已印发", "草稿");
		mvc.perform(get(export).param("q", token).param("sort", "title;drop").session(city))
			.andExpect(status().isBadRequest());
		assertThat(ExportedRows.column(ExportedRows.of(mvc, city, export, "q", token, "status", "DRAFT"), 1))
			.containsExactly("A" + token + "吴中 联系人139****5678");
		assertThat(ExportedRows.of(mvc, city, export, "q", token, "year", "2001")).hasSize(1);
		assertThat(ExportedRows.of(mvc, city, export, "q", token, "year", "2000")).hasSize(3);
		// a year no plan can be of is refused as the statistics targets page refuses it, not listed as nothing
		for (String year : List.of("-1", "1999", "3000")) {
			mvc.perform(get("/workplans").param("year", year).session(city)).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("工作计划的年度应在2000年至")));
			mvc.perform(get(export).param("year", year).session(city)).andExpect(status().isBadRequest());
		}
		mvc.perform(get("/workplans").param("q", token).param("status", "ACTIVE").session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("B" + token)))
			.andExpect(content().string(not(containsString("A" + token))));
		mvc.perform(get(export).param("status", "DONE").session(city))
			.andExpect(status().isBadRequest());
	}
}
