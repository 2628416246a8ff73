package org.youguan.org;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.BureauAccounts;
import org.youguan.IntegrationTest;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Attack: bureau create and edit were guarded by the role alone, so a county's 系统管理员 could hang its own bureau under
 * another parent, and a city's could hang a county bureau under the province; a sibling or a parent region was refused
 * only as a form error. Nobody manages above their own rights: a bureau is created only below the caller's own region
 * (a sibling, a parent or one elsewhere is refused in 403 with a Chinese reason), a parent chosen lies in the caller's
 * scope, and its own bureau's parent is the bureau above's to change. The API reads bureaus only (no create or edit).
 */
@IntegrationTest
class BureauScopeIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Bureaus bureaus;

	MockHttpSession admin(String bureauRegion, Role role) throws Exception {
		return BureauAccounts.session(mvc, users, bureaus, bureauRegion, role);
	}

	long id(String region) {
		return bureaus.findByRegion(region).orElseThrow().id();
	}

	MockHttpServletResponse create(MockHttpSession session, String name, BureauLevel level, String region, long parent)
			throws Exception {
		return mvc.perform(post("/admin/bureaus/new").session(session).with(csrf()).param("name", name)
			.param("level", level.name()).param("regionCode", region).param("parentId", Long.toString(parent)))
			.andReturn().getResponse();
	}

	MockHttpServletResponse edit(MockHttpSession session, String region, Long parent) throws Exception {
		BureauView b = bureaus.findByRegion(region).orElseThrow();
		return mvc.perform(post("/admin/bureaus/" + b.id() + "/edit").session(session).with(csrf()).param("name", b.name())
			.param("shortName", b.shortName() == null ? "" : b.shortName()).param("level", b.level().name())
			.param("regionCode", b.regionCode()).param("parentId", parent == null ? "" : parent.toString())
			.param("address", b.address() == null ? "" : b.address()).param("phone", b.phone() == null ? "" : b.phone()))
			.andReturn().getResponse();
	}

	@Test
	void aCountysSystemAdministratorCreatesNoSiblingParentOrBureauElsewhere() throws Exception {
		MockHttpSession county = admin("320583", Role.SYSTEM_ADMIN);
		long city = id("3205");
		long province = id("32");
		for (MockHttpServletResponse refused : new MockHttpServletResponse[] {
				create(county, "张家港市第二邮政管理局", BureauLevel.COUNTY, "320582", city),
				create(county, "苏州市第二邮政管理局", BureauLevel.CITY, "3205", province),
				create(county, "南京市第二邮政管理局", BureauLevel.CITY, "3201", province) }) {
			assertThat(refused.getStatus()).isEqualTo(403);
			assertThat(refused.getContentAsString()).contains("不在您的管辖范围内").contains("不能新建同级、上级或辖区以外的机构");
		}
		// its own region again is a mistake of the form (the picker's first choice): 400 on the form, rule below
		MockHttpServletResponse own = create(county, "昆山市第二邮政管理局", BureauLevel.COUNTY, "320583", id("320583"));
		assertThat(own.getStatus()).isEqualTo(400);
		assertThat(own.getContentAsString()).contains("只能新建本机构辖区以下的机构");
		assertThat(bureaus.list(DataScope.all(), new org.youguan.kernel.PageQuery("第二邮政管理局", 0, 10, null, false))
			.total()).isZero();
		// the service refuses the same, whoever calls it
		assertThatThrownBy(() -> bureaus.create(DataScope.region("320583"),
				new BureauData("南京市第三邮政管理局", null, BureauLevel.CITY, "3201", province, null, null)))
			.isInstanceOf(AccessRefusedException.class);
		// a county's 机构管理员 never had the page
		MockHttpSession countyBureauAdmin = admin("320583", Role.BUREAU_ADMIN);
		assertThat(mvc.perform(get("/admin/bureaus/new").session(countyBureauAdmin)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(create(countyBureauAdmin, "张家港市第二邮政管理局", BureauLevel.COUNTY, "320582", city).getStatus())
			.isEqualTo(403);
	}

	/** The bureau list offers 新建 only to an administrator who may create some bureau: none to a county's. */
	/**
	 * Access before fields on the forms that create: a bureau in a region outside the administrator's, a department of
	 * a bureau outside it and an account of such a bureau are refused (403) even when a value cannot be read (a level
	 * that is none of the levels, a parent, an order or a department that is no number) — those values were once told
	 * first (400), naming the fields of a unit the administrator may not create at all. Within the region the same
	 * values are told (400) with the step's own checks in one answer.
	 */
	@Test
	void aFormCreatingOutsideTheRegionIsRefusedBeforeItsUnreadableValuesAreTold() throws Exception {
		MockHttpSession county = admin("320583", Role.SYSTEM_ADMIN);
		MockHttpServletResponse bureau = mvc.perform(post("/admin/bureaus/new").session(county).with(csrf())
			.param("name", "南京市第三邮政管理局").param("level", "TOWN").param("regionCode", "3201").param("parentId", "省局"))
			.andReturn().getResponse();
		assertThat(bureau.getStatus()).isEqualTo(403);
		assertThat(bureau.getContentAsString()).contains("不在您的管辖范围内");
		MockHttpServletResponse department = mvc.perform(post("/admin/departments/new").session(county).with(csrf())
			.param("bureauId", Long.toString(id("3205"))).param("name", "越权处").param("sortOrder", "first"))
			.andReturn().getResponse();
		assertThat(department.getStatus()).isEqualTo(403);
		MockHttpServletResponse account = mvc.perform(post("/admin/users/new").session(county).with(csrf())
			.param("username", "reach" + org.youguan.RandomDigits.of(6)).param("displayName", "越权").param("kind", "STAFF")
			.param("bureauId", Long.toString(id("3205"))).param("departmentId", "综合科").param("roles", "STAFF"))
			.andReturn().getResponse();
		assertThat(account.getStatus()).isEqualTo(403);
		assertThat(account.getContentAsString()).contains("所属机构不在您的管理范围内");

		MockHttpServletResponse within = mvc.perform(post("/admin/bureaus/new").session(county).with(csrf())
			.param("name", "").param("level", "TOWN").param("regionCode", "320583101").param("parentId", ""))
			.andReturn().getResponse();
		assertThat(within.getStatus()).isEqualTo(400);
		org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(within.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(page.select("#errors li[data-field=level][data-rule=format]").text()).startsWith("机构层级的值无效（可选值：");
		assertThat(page.select("#errors li[data-field=name]").text()).contains("机构名称不能为空");
	}

	@Test
	void theBureauListOffersNewOnlyWhereABureauMayBeCreated() throws Exception {
		String county = mvc.perform(get("/admin/bureaus").session(admin("320583", Role.SYSTEM_ADMIN))).andReturn().getResponse()
			.getContentAsString();
		assertThat(county).doesNotContain("/admin/bureaus/new");
		String city = mvc.perform(get("/admin/bureaus").session(admin("3205", Role.SYSTEM_ADMIN))).andReturn().getResponse()
			.getContentAsString();
		assertThat(city).contains("/admin/bureaus/new");
	}

	/** A department is created in the caller's own bureau or one below it; a sibling's or the parent's is refused (403). */
	@Test
	void aCountysAdministratorCreatesNoDepartmentOfASiblingOrTheParent() throws Exception {
		for (Role role : new Role[] { Role.BUREAU_ADMIN, Role.SYSTEM_ADMIN }) {
			MockHttpSession county = admin("320583", role);
			String name = "越级处" + UUID.randomUUID().toString().substring(0, 4);
			for (String region : new String[] { "3205", "320582" }) {
				MockHttpServletResponse refused = mvc.perform(post("/admin/departments/new").session(county).with(csrf())
					.param("bureauId", Long.toString(id(region))).param("name", name)).andReturn().getResponse();
				assertThat(refused.getStatus()).as(role + " " + region).isEqualTo(403);
				assertThat(refused.getContentAsString()).contains("不在您的管辖范围内");
			}
			assertThat(mvc.perform(post("/admin/departments/new").session(county).with(csrf())
				.param("bureauId", Long.toString(id("320583"))).param("name", name)).andReturn().getResponse().getStatus())
				.as("its own bureau's").isEqualTo(302);
		}
	}

	@Test
	void anAdministratorEditsItsOwnBureauButNeverMovesItUnderAnotherParent() throws Exception {
		MockHttpSession county = admin("320583", Role.SYSTEM_ADMIN);
		long city = id("3205");
		assertThat(edit(county, "320583", city).getStatus()).as("its own contacts, its parent kept").isEqualTo(302);
		assertThat(mvc.perform(get("/admin/bureaus/" + id("320583") + "/edit").session(county)).andReturn().getResponse()
			.getContentAsString()).as("the parent above it shown, so kept").contains("value=\"" + city + "\" selected");
		MockHttpServletResponse moved = edit(county, "320583", id("32"));
		assertThat(moved.getStatus()).isEqualTo(403);
		assertThat(moved.getContentAsString()).contains("不能更改本机构的上级机构");
		assertThat(edit(county, "320582", city).getStatus()).as("a sibling is not its to see").isEqualTo(404);
		assertThat(bureaus.findByRegion("320583").orElseThrow().parentId()).isEqualTo(city);

		MockHttpSession cityAdmin = admin("3205", Role.SYSTEM_ADMIN);
		MockHttpServletResponse underProvince = edit(cityAdmin, "320583", id("32"));
		assertThat(underProvince.getStatus()).isEqualTo(403);
		assertThat(underProvince.getContentAsString()).contains("不在您的管辖范围内").contains("只能选择本机构或其下级机构");
		assertThat(edit(cityAdmin, "3205", null).getStatus()).as("nor its own bureau out from under the province")
			.isEqualTo(403);
		assertThat(edit(cityAdmin, "320583", city).getStatus()).isEqualTo(302);
		assertThat(bureaus.findByRegion("320583").orElseThrow().parentId()).isEqualTo(city);
		assertThat(bureaus.findByRegion("3205").orElseThrow().parentId()).isEqualTo(id("32"));
	}
}
