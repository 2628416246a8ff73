package org.youguan.region;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrator's region list in the full list idiom: a region's children (or the matches of the search inside
 * it) paged, sorted from the headers by the whitelist, exported as .xlsx with the same rows; nothing from outside the
 * region browsed; staff are refused.
 */
@IntegrationTest
class RegionListIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theTreeIsPagedSortedSearchedAndExported() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		mvc.perform(get("/admin/regions?code=32&size=5").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("sort=name")))
			.andExpect(content().string(containsString("page=1")))
			.andExpect(content().string(containsString("/admin/regions/export.xlsx?code=32")));

		List<List<String>> cities = ExportedRows.of(mvc, admin, "/admin/regions/export.xlsx", "code", "32");
		assertThat(cities.get(0)).containsExactly("代码", "名称", "级别", "上级代码");
		List<String> codes = ExportedRows.column(cities, 0);
		assertThat(codes).as("every child, not one page").hasSizeGreaterThan(5).isSorted()
			.allMatch(c -> c.startsWith("32") && c.length() == 4).contains("3205");
		List<String> byCodeDescending = ExportedRows.column(
				ExportedRows.of(mvc, admin, "/admin/regions/export.xlsx", "code", "32", "sort", "code", "dir", "desc"), 0);
		assertThat(byCodeDescending).isSortedAccordingTo((a, b) -> b.compareTo(a));
		// an order the list does not have is refused naming it (kernel.Listing), never answered in another order
		mvc.perform(get("/admin/regions/export.xlsx").session(admin).param("code", "32").param("sort", "parent_code; --"))
			.andExpect(status().isBadRequest());

		List<String> found = ExportedRows.column(
				ExportedRows.of(mvc, admin, "/admin/regions/export.xlsx", "code", "3205", "q", "吴中"), 0);
		assertThat(found).contains("320506").allMatch(c -> c.startsWith("3205"));
		assertThat(ExportedRows.of(mvc, admin, "/admin/regions/export.xlsx", "code", "3201", "q", "吴中"))
			.as("nothing outside the region browsed").allMatch(r -> r.get(0).equals("代码") || r.get(0).startsWith("3201"));
		mvc.perform(get("/admin/regions/export.xlsx").session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isForbidden());
	}
}
