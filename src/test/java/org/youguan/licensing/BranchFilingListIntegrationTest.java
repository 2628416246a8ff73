package org.youguan.licensing;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.RandomLetters;
import org.youguan.SignIn;
import org.youguan.org.UserDirectory;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 分支机构备案 list in the full list idiom: search, the late filter and whitelisted sorts narrow and order the page, the
 * API list and the .xlsx export alike; a county's staff never see another county's branches, another enterprise never
 * its branches.
 */
@IntegrationTest
class BranchFilingListIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDirectory directory;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	void file(MockHttpSession staff, String name, String region, LocalDate licensed) throws Exception {
		mvc.perform(post("/licensing/branch-filings").session(staff).with(csrf())
			.param("parentCreditCode", directory.principal("sf.wz").orElseThrow().enterpriseCreditCode()).param("name", name)
			.param("regionCode", region).param("address", name + "路1号").param("headName", "赵六")
			.param("businessLicenceDate", licensed.toString()))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void theListSearchesFiltersSortsAndExportsInScope() throws Exception {
		String tag = "列表分" + RandomLetters.of(10);
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		MockHttpSession city = SignIn.session(mvc, "sz.market");
		file(city, tag + "吴中", "320506", today.minusDays(2));
		file(city, tag + "相城", "320507", today.minusDays(90));

		MockHttpSession wuzhong = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/licensing/branch-filings").session(wuzhong).param("q", tag))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tag + "吴中")))
			.andExpect(content().string(not(containsString(tag + "相城"))))
			.andExpect(content().string(containsString("sort=business_licence_date")))
			.andExpect(content().string(containsString("/licensing/branch-filings/export.xlsx")));
		List<List<String>> rows = ExportedRows.of(mvc, wuzhong, "/licensing/branch-filings/export.xlsx", "q", tag);
		// the region by its name beside its code (addr4 kind 5: a bare code is no place to a reader)
		assertThat(rows.get(0)).startsWith("分支机构名称", "地址", "区域代码", "所在地", "所属企业");
		assertThat(ExportedRows.column(rows, 3)).containsExactly("江苏省苏州市吴中区");
		// exports2 finding 2: the page's own headers (所属企业, 备案日期 — not 报送日期), and the bureau that took the filing
		// and its channel besides, worded per reader
		assertThat(rows.get(0)).containsSequence("营业执照日期", "备案日期").contains("受理机关", "渠道");
		int bureau = rows.get(0).indexOf("受理机关");
		assertThat(ExportedRows.column(rows, bureau)).containsExactly("苏州市邮政管理局");
		assertThat(ExportedRows.column(rows, rows.get(0).indexOf("渠道"))).containsExactly("纸质申请");
		List<List<String>> english = ExportedRows.of(mvc, wuzhong, "/licensing/branch-filings/export.xlsx", "q", tag, "lang", "en");
		assertThat(english.get(0)).contains("Receiving bureau", "Channel");
		assertThat(english.get(1)).contains("Paper application");
		mvc.perform(get("/licensing/branch-filings").session(wuzhong).param("q", tag))
			.andExpect(content().string(containsString(">所属企业<")))
			.andExpect(content().string(containsString(">备案日期<")))
			.andExpect(content().string(not(containsString("报送日期"))));
		assertThat(ExportedRows.column(rows, 0)).as("its county's branch only").containsExactly(tag + "吴中");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, SignIn.session(mvc, "xc.staff"),
				"/licensing/branch-filings/export.xlsx", "q", tag), 0)).containsExactly(tag + "相城");
		mvc.perform(get("/api/v1/licensing/branch-filings").param("q", tag).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].name").value(tag + "吴中"));

		List<List<String>> city2 = ExportedRows.of(mvc, city, "/licensing/branch-filings/export.xlsx", "q", tag, "sort",
				"business_licence_date", "dir", "asc");
		assertThat(ExportedRows.column(city2, 0)).containsExactly(tag + "相城", tag + "吴中");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, city, "/licensing/branch-filings/export.xlsx", "q", tag,
				"late", "true"), 0)).as("the late filter").containsExactly(tag + "相城");
		// an order the list does not have is refused naming it (kernel.Listing), never answered in another order
		mvc.perform(get("/licensing/branch-filings/export.xlsx").session(city).param("q", tag).param("sort", "head_name"))
			.andExpect(status().isBadRequest());

		// the parent enterprise sees both, another enterprise neither
		assertThat(ExportedRows.column(ExportedRows.of(mvc, SignIn.session(mvc, "sf.wz"),
				"/licensing/branch-filings/export.xlsx", "q", tag), 0)).containsExactlyInAnyOrder(tag + "吴中", tag + "相城");
		assertThat(ExportedRows.of(mvc, SignIn.session(mvc, "yz.sz"), "/licensing/branch-filings/export.xlsx", "q", tag))
			.hasSize(1);
	}

	/**
	 * Attack (portal-text F1): a legacy row's "=HYPERLINK(…)" and "-1+cmd|' /C calc'!A0" (stored before the input rules)
	 * were said to come out of the branch filings' export verbatim. The one sheet writer every export uses
	 * ({@code Spreadsheets}) writes them as text cells marked with the quote prefix (Excel's leading '), so no suite runs
	 * them; an ordinary address is no such cell.
	 */
	@Test
	void aLegacyFormulaInARowIsExportedAsQuotePrefixedText() throws Exception {
		String tag = "公式分" + RandomLetters.of(10);
		MockHttpSession city = SignIn.session(mvc, "sz.market");
		file(city, tag + "甲", "320506", LocalDate.now(ChinaTime.ZONE).minusDays(2));
		file(city, tag + "乙", "320506", LocalDate.now(ChinaTime.ZONE).minusDays(3));
		jdbc.sql("UPDATE branch_filing SET address = :a WHERE name = :n").param("a", "=HYPERLINK(\"http://x\",\"点\")")
			.param("n", tag + "甲").update();
		jdbc.sql("UPDATE branch_filing SET address = :a WHERE name = :n").param("a", "-1+cmd|' /C calc'!A0")
			.param("n", tag + "乙").update();
		byte[] xlsx = mvc.perform(get("/licensing/branch-filings/export.xlsx").session(city).param("q", tag))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			for (int r = 1; r <= 2; r++) {
				var address = sheet.getRow(r).getCell(1);
				assertThat(address.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
				assertThat(address.getCellStyle().getQuotePrefixed()).as(address.getStringCellValue()).isTrue();
				assertThat(sheet.getRow(r).getCell(0).getCellStyle().getQuotePrefixed()).as("a plain name").isFalse();
			}
		}
	}
}
