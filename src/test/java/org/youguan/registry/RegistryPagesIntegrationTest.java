package org.youguan.registry;

import java.io.ByteArrayInputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class RegistryPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Outlets outlets;

	@Autowired
	Facilities facilities;

	@Autowired
	Brands brands;

	MockHttpSession session(String username) throws Exception {
		return SignIn.session(mvc, username);
	}

	@Test
	void aCountySeesBrandCountsOfItsCountyNotTheNationalOnes() throws Exception {
		DataScope wuzhong = DataScope.region("320506");
		Brands.BrandFigures county = brands.figures(wuzhong).stream().filter(f -> f.brand().shortName().equals("顺丰"))
			.findFirst().orElseThrow();
		Brands.BrandFigures city = brands.figures(DataScope.region("3205")).stream()
			.filter(f -> f.brand().shortName().equals("顺丰")).findFirst().orElseThrow();
		assertThat(county.outlets()).isEqualTo(outlets.list(wuzhong, new Outlets.Filter(county.brand().id(), null, null, null),
				new PageQuery("", 0, 1, null, false)).total());
		assertThat(city.outlets()).isGreaterThan(county.outlets());
		assertThat(city.enterprises()).isGreaterThan(county.enterprises());
		String page = mvc.perform(get("/registry/brands/" + county.brand().id()).session(session("wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(">" + county.outlets() + "</a>").doesNotContain(">" + city.outlets() + "</a>");
	}

	@Test
	void staffBrowseEveryRegistryList() throws Exception {
		MockHttpSession staff = session("sz.market");
		for (String path : new String[] { "/registry/enterprises", "/registry/licences", "/registry/branches",
				"/registry/outlets?q=中通+吴中", "/registry/brands" }) {
			mvc.perform(get(path).session(staff)).andExpect(status().isOk());
		}
		mvc.perform(get("/registry/outlets").param("q", "中通 吴中").session(staff))
			.andExpect(content().string(containsString("中通")))
			.andExpect(content().string(not(containsString("199000"))));
	}

	@Test
	void anOutletPageMasksTheManager() throws Exception {
		OutletView any = outlets.list(DataScope.region("320506"), Outlets.Filter.NONE, new PageQuery("", 0, 1, null, false))
			.items()
			.get(0);
		String page = mvc.perform(get("/registry/outlets/" + any.id()).session(session("wz.staff")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(any.managerIdMasked()).doesNotContainPattern("\\b1[3-9]\\d{9}\\b");
		mvc.perform(get("/registry/outlets/" + any.id()).session(session("xc.staff"))).andExpect(status().isNotFound());
	}

	@Test
	void theEnterpriseFormNamesEveryBadField() throws Exception {
		mvc.perform(post("/registry/enterprises/new").session(session("sz.market")).with(csrf())
			.param("legalName", "").param("creditCode", "91350100M000100Y44").param("type", "EXPRESS")
			.param("regionCode", "320599"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("企业名称不能为空")))
			.andExpect(content().string(containsString("校验位")))
			.andExpect(content().string(containsString("不存在")));
	}

	@Test
	void leadersReadButDoNotWriteAndEnterprisesStayOut() throws Exception {
		mvc.perform(get("/registry/enterprises").session(session("sz.leader"))).andExpect(status().isOk());
		mvc.perform(get("/registry/enterprises/new").session(session("sz.leader"))).andExpect(status().isForbidden());
		mvc.perform(get("/registry/outlets").session(session("sf.wz"))).andExpect(status().isForbidden());
	}

	@Test
	void theOutletExportIsARealWorkbookWithMaskedNumbers() throws Exception {
		byte[] xlsx = mvc.perform(get("/registry/outlets/export.xlsx").param("q", "顺丰 吴中").session(session("wz.staff")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("网点名称");
			// the outlet's place in full, its county with its street (exports2 finding 3), not 长桥街道 alone
			assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("所在地");
			assertThat(sheet.getLastRowNum()).isPositive();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				assertThat(sheet.getRow(r).getCell(1).getStringCellValue()).isEqualTo("顺丰");
				assertThat(sheet.getRow(r).getCell(6).getStringCellValue()).startsWith("江苏省苏州市吴中区");
				assertThat(sheet.getRow(r).getCell(8).getStringCellValue()).contains("********");
			}
		}
	}

	@Test
	void thePublicLookupPageNeedsNoSignIn() throws Exception {
		mvc.perform(get("/public/lookup").param("query", "顺丰"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("苏州吴中顺丰快递服务有限公司")));
		mvc.perform(get("/public/lookup").param("region", "320506").param("brand", "顺丰"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已备案")))
			.andExpect(content().string(not(containsString("199000"))));
	}

	@Test
	void theRegistryApiIsScopedAndMasked() throws Exception {
		mvc.perform(get("/api/v1/outlets").param("q", "顺丰 吴中").header("Authorization", "Bearer demo-xc-staff-token"))
			.andExpect(status().isOk())
			.andExpect(MockMvcResultMatchers.jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/outlets").param("q", "顺丰").header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isOk())
			.andExpect(MockMvcResultMatchers.jsonPath("$.items[0].regionCode")
				.value(Matchers.startsWith("320506")))
			.andExpect(content().string(not(Matchers.matchesPattern("(?s).*\\b1[3-9]\\d{9}\\b.*"))));
		mvc.perform(get("/api/v1/enterprises").header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(MockMvcResultMatchers.jsonPath("$.total").value(1))
			.andExpect(MockMvcResultMatchers.jsonPath("$.items[0].legalName")
				.value("苏州吴中顺丰快递服务有限公司"));
		mvc.perform(get("/api/v1/facilities").param("kind", "CARE_STATION").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(MockMvcResultMatchers.jsonPath("$.total")
				.value((int) facilities.list(DataScope.region("3205"), new Facilities.Filter(FacilityKind.CARE_STATION, null),
						new PageQuery("", 0, 1, null, false)).total()));
		mvc.perform(get("/api/v1/enterprises")).andExpect(status().isUnauthorized());
	}

	@Test
	void staffFileABranchThroughTheLicensingFilingFormAndTheRegisterFlagsItLate() throws Exception {
		MockHttpSession staff = session("sz.market");
		String code = RegistryIntegrationTest.DemoCodes.SF_WUZHONG;
		mvc.perform(get("/registry/branches/new").session(staff))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/licensing/branch-filings/new"));
		mvc.perform(post("/registry/branches/new").session(staff).with(csrf()).param("creditCode", code))
			.andExpect(status().is4xxClientError());
		// an enterprise files its own branches on its portal: the old address leads it there too; a leader, who may not
		// file, is refused here as on the form
		mvc.perform(get("/registry/branches/new").session(session("sf.wz")))
			.andExpect(redirectedUrl("/licensing/branch-filings/new"));
		mvc.perform(get("/licensing/branch-filings/new").session(session("sf.wz"))).andExpect(status().isOk());
		mvc.perform(get("/registry/branches/new").session(session("sz.leader"))).andExpect(status().isForbidden());
		mvc.perform(get("/licensing/branch-filings/new").session(session("sz.leader"))).andExpect(status().isForbidden());
		// an administrator without the 处室工作人员 role, whom the filing's post refuses, is refused at the old address
		// too — not let through to a form it could never send
		mvc.perform(get("/registry/branches/new").session(session("sys.admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/licensing/branch-filings/new").session(session("sys.admin"))).andExpect(status().isForbidden());
		mvc.perform(post("/licensing/branch-filings").session(session("sys.admin")).with(csrf()).param("parentCreditCode", code))
			.andExpect(status().isForbidden());
		mvc.perform(post("/licensing/branch-filings").session(staff).with(csrf()).param("parentCreditCode", code)
			.param("name", "页面分公司").param("regionCode", "320506001").param("address", "吴中区页面路1号").param("headName", "赵六")
			.param("businessLicenceDate", "2026-13-01").param("filedOn", "2026-10-08"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("businessLicenceDate")));
		mvc.perform(post("/licensing/branch-filings").session(staff).with(csrf()).param("parentCreditCode", code)
			.param("name", "页面分公司").param("regionCode", "320506001").param("address", "页面路9号").param("headName", "赵六")
			.param("businessLicenceDate", "2026-09-10").param("filedOn", "2026-10-08"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/registry/branches").param("q", "页面分公司").param("late", "true").session(staff))
			.andExpect(content().string(containsString("页面分公司")));
	}
}
