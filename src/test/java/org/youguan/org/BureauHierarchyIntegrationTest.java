package org.youguan.org;

import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Attack round (platform administration): a second bureau for a region was refused naming the region's code
 * (该行政区划已有邮政管理机构：320506); a city bureau created under the province left the city's county bureaus under the
 * province without a word; a refused bureau edit showed back a region the edit never checked; a landline typed into a
 * department's duties was listed unmasked while the complaints' lists mask one.
 */
@IntegrationTest
class BureauHierarchyIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Bureaus bureaus;

	@Autowired
	Departments departments;

	@Autowired
	JdbcClient jdbc;

	long id(String region) {
		return bureaus.findByRegion(region).orElseThrow().id();
	}

	/** The 409 of a region that has its bureau names the region and the bureau, never the code alone. */
	@Test
	void aSecondBureauForARegionIsRefusedNamingTheRegionAndItsBureau() throws Exception {
		MockHttpServletResponse refused = mvc.perform(post("/admin/bureaus/new").session(SignIn.session(mvc, "sys.admin"))
			.with(csrf()).param("name", "吴中区第二邮政管理局").param("level", "COUNTY").param("regionCode", "320506")
			.param("parentId", Long.toString(id("3205")))).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(409);
		String message = Jsoup.parse(refused.getContentAsString()).select("#errors li[data-field=regionCode]").text();
		assertThat(message).isEqualTo("江苏省苏州市吴中区已有邮政管理机构“" + bureaus.findByRegion("320506").orElseThrow().name()
				+ "”：一个行政区划只设一个邮政管理机构");
		// the refusals of a region outside the scope name it too
		assertThatThrownBy(() -> bureaus.create(DataScope.region("3205"),
				new BureauData("南京市第四邮政管理局", null, BureauLevel.CITY, "3201", id("32"), null, null)))
			.hasMessageContaining("江苏省南京市不在您的管辖范围内").hasMessageNotContaining("3201");
	}

	/**
	 * A city bureau created under the province takes over the city's county bureaus that hung under the province, in
	 * the same step, each move audited; a county bureau is hung under its city's bureau, not past it (400 nearest).
	 */
	@Test
	void aCityBureauCreatedBetweenTakesOverItsCountyBureausAndIsTheParentOfTheNextOnes() {
		String tag = UUID.randomUUID().toString().substring(0, 4);
		Long national = bureaus.findByRegion("0").map(BureauView::id).orElse(null);
		long province = bureaus.create(DataScope.all(),
				new BureauData("宁夏回族自治区邮政管理局" + tag, null, BureauLevel.PROVINCE, "64", national, null, null));
		long county = bureaus.create(DataScope.all(),
				new BureauData("银川市兴庆区邮政管理局" + tag, null, BureauLevel.COUNTY, "640104", province, null, null));
		long otherCity = bureaus.create(DataScope.all(),
				new BureauData("石嘴山市大武口区邮政管理局" + tag, null, BureauLevel.COUNTY, "640202", province, null, null));
		long city = bureaus.create(DataScope.all(),
				new BureauData("银川市邮政管理局" + tag, null, BureauLevel.CITY, "6401", province, null, null));

		assertThat(bureaus.findByRegion("640104").orElseThrow().parentId()).isEqualTo(city);
		assertThat(bureaus.findByRegion("640202").orElseThrow().parentId()).as("another city's county").isEqualTo(province);
		assertThat(bureaus.findByRegion("6401").orElseThrow().parentId()).isEqualTo(province);
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'bureau.reparent' AND object_type = 'Bureau' "
				+ "AND object_id = :id").param("id", Long.toString(county)).query(String.class).list())
			.containsExactly("机构“银川市兴庆区邮政管理局" + tag + "”改隶新建的“银川市邮政管理局" + tag + "”");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'bureau.reparent' AND object_id = :id")
			.param("id", Long.toString(otherCity)).query(Long.class).single()).isZero();

		assertThatThrownBy(() -> bureaus.create(DataScope.all(),
				new BureauData("银川市西夏区邮政管理局" + tag, null, BureauLevel.COUNTY, "640105", province, null, null)))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors())
				.extracting(FieldError::field, FieldError::rule).containsExactly(org.assertj.core.groups.Tuple.tuple("parentId", "nearest")))
			.hasMessageContaining("上级机构应为“银川市邮政管理局" + tag + "”");
		assertThat(bureaus.findByRegion("640105")).isEmpty();
	}

	/**
	 * An edit never changes a bureau's region: refused, the form shows what was typed in the fields the edit changes and
	 * the refusal, and the stored region — not the one a post carried in the hidden field, which was never checked.
	 */
	@Test
	void aRefusedBureauEditShowsTheTypedFieldsWithTheStoredRegion() throws Exception {
		BureauView gusu = bureaus.findByRegion("320508").orElseThrow();
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		MockHttpServletResponse refused = mvc.perform(post("/admin/bureaus/" + gusu.id() + "/edit").session(admin).with(csrf())
			.param("name", "姑苏区改名局").param("shortName", "").param("level", "CITY").param("regionCode", "320582")
			.param("parentId", Long.toString(gusu.parentId())).param("address", "改过的地址").param("phone", "不是电话"))
			.andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		Document page = Jsoup.parse(refused.getContentAsString());
		assertThat(page.select("#errors li[data-field=phone]")).hasSize(1);
		assertThat(page.select("input[name=name]").val()).isEqualTo("姑苏区改名局");
		assertThat(page.select("input[name=address]").val()).isEqualTo("改过的地址");
		assertThat(page.select("input[name=regionCode]").val()).isEqualTo("320508");
		assertThat(page.select("input[name=level]").val()).isEqualTo("COUNTY");
		assertThat(page.select("#regionCode").text()).contains("姑苏区").doesNotContain("张家港");
		assertThat(bureaus.findByRegion("320508").orElseThrow().name()).isEqualTo(gusu.name());
	}

	/** A landline in a department's duties is masked in the list, the API and the export, as a complaint's is. */
	@Test
	void aLandlineInADepartmentsDutiesIsMaskedWhereverItIsListed() throws Exception {
		long wuzhong = id("320506");
		String name = "热线科" + UUID.randomUUID().toString().substring(0, 4);
		long id = departments.create(DataScope.all(), wuzhong, name, "受理咨询，联系人张科长 0512-65551234", 9);
		assertThat(departments.list(DataScope.all(), wuzhong, new org.youguan.kernel.PageQuery(name, 0, 10, null, false))
			.items()).extracting(DepartmentView::duties).containsExactly("受理咨询，联系人张科长 0512-****1234");
		String api = mvc.perform(get("/api/v1/departments").param("q", name).header("Authorization", "Bearer demo-sys-admin-token"))
			.andReturn().getResponse().getContentAsString();
		assertThat(api).contains("0512-****1234").doesNotContain("65551234");
		String page = mvc.perform(get("/admin/departments").param("q", name).session(SignIn.session(mvc, "sys.admin")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("0512-****1234").doesNotContain("65551234");
		assertThat(departments.get(DataScope.all(), id).duties()).as("the form reads it as recorded").contains("65551234");
	}
}
