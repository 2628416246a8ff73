package org.youguan.registry;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The brand list in the full list idiom: the national dictionary searched, sorted by whitelisted columns and paged, its
 * counts — on the page and in the .xlsx export — of the caller's region only, never another county's.
 */
@IntegrationTest
class BrandListIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private long count(String table, String region) {
		return jdbc.sql("SELECT count(*) FROM " + table + " t JOIN brand b ON b.id = t.brand_id WHERE b.short_name = '中通'"
				+ " AND t.region_code LIKE :region")
			.param("region", region + "%")
			.query(Long.class)
			.single();
	}

	/** The row of 中通 (its short name, unique) in an export. */
	private static List<String> zto(List<List<String>> rows) {
		return rows.stream().filter(r -> r.size() > 1 && r.get(1).equals("中通")).findFirst().orElseThrow();
	}

	@Test
	void aCountysExportCountsItsOwnEnterprisesAndOutletsOnly() throws Exception {
		List<List<String>> wuzhong = ExportedRows.of(mvc, SignIn.session(mvc, "wz.staff"), "/registry/brands/export.xlsx",
				"q", "中通快递");
		assertThat(wuzhong.get(0)).containsExactly("品牌名称", "简称", "总部企业", "总部企业统一社会信用代码", "辖区企业数", "辖区网点数");
		List<String> zto = zto(wuzhong);
		assertThat(zto.get(4)).isEqualTo(Long.toString(count("enterprise", "320506")));
		assertThat(zto.get(5)).isEqualTo(Long.toString(count("terminal_outlet", "320506")));
		List<List<String>> city = ExportedRows.of(mvc, SignIn.session(mvc, "sz.admin"), "/registry/brands/export.xlsx", "q",
				"中通快递");
		assertThat(zto(city).get(5)).isEqualTo(Long.toString(count("terminal_outlet", "3205")));
		assertThat(count("terminal_outlet", "3205")).as("the city has outlets beyond 吴中's")
			.isGreaterThan(count("terminal_outlet", "320506"));
	}

	@Test
	void thePageSearchesSortsByWhitelistedColumnsAndExportsInTheSameOrder() throws Exception {
		MockHttpSession city = SignIn.session(mvc, "sz.admin");
		mvc.perform(get("/registry/brands").param("q", "中通快递").session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("中通")))
			.andExpect(content().string(not(containsString(">顺丰速运<"))))
			.andExpect(content().string(containsString("id=\"brands-export\" href=\"/registry/brands/export.xlsx")));
		List<String> outlets = ExportedRows.column(ExportedRows.of(mvc, city, "/registry/brands/export.xlsx", "sort",
				"outlets", "dir", "desc"), 5);
		assertThat(outlets).hasSizeGreaterThan(2);
		assertThat(outlets.stream().map(Long::valueOf).toList()).isSortedAccordingTo(Comparator.reverseOrder());
		// a sort outside the whitelist is refused naming the allowed ones, never SQL
		mvc.perform(get("/registry/brands/export.xlsx").param("sort", "name;drop").session(city))
			.andExpect(status().isBadRequest());
	}
}
