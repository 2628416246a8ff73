package org.youguan.registry;

import org.youguan.org.Users;
import org.youguan.org.Bureaus;
import org.youguan.ProvinceStaff;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A refused register form (kernel.FormSteps) answers the refusal's 4xx with the form again, the error naming the field
 * and the values as typed, so no client reads a refusal as saved; a record that is not there stays 404.
 */
@IntegrationTest
class RegistryFormRefusalsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Branches branches;

	@Autowired
	Users users;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Bureaus bureaus;

	private static String unique() {
		return org.youguan.RandomDigits.of(8);
	}

	/**
	 * A value that cannot be bound (a brand's number that is no number, a type none of the offered) is told with every
	 * other bad field of the form at once, not alone: registration and correction alike, nothing saved.
	 */
	@Test
	void anEnterpriseFormWithAnUnbindableNumberNamesEveryBadFieldAtOnce() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		String representative = "法代" + unique();
		String page = mvc.perform(post("/registry/enterprises/new").session(staff).with(csrf()).param("legalName", "")
			.param("creditCode", "12345").param("type", "BOGUS").param("brandId", "abc")
			.param("legalRepresentative", representative).param("regionCode", "320506"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Document form = Jsoup.parse(page);
		assertThat(form.select("#errors li").eachAttr("data-field"))
			.contains("brandId", "type", "legalName", "creditCode");
		assertThat(form.select("#errors li[data-field=brandId][data-rule=format]").text())
			.contains("品牌编号应为正整数（至多19位）");
		assertThat(form.select("#errors li[data-field=type][data-rule=format]").text()).contains("可选值");
		assertThat(form.select("input[name=legalRepresentative]").attr("value")).isEqualTo(representative);

		long id = enterprises.list(DataScope.region("320506"), new Enterprises.Filter(null, null, EnterpriseStatus.NORMAL),
				new PageQuery("", 0, 1, null, false)).items().get(0).id();
		String before = enterprises.get(DataScope.all(), id).legalName();
		page = mvc.perform(post("/registry/enterprises/" + id + "/edit").session(staff).with(csrf()).param("legalName", "")
			.param("type", "EXPRESS").param("brandId", "99999999999999999999").param("regionCode", "320599"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(page).select("#errors li").eachAttr("data-field")).contains("brandId", "legalName", "regionCode");
		// a region outside the bureau's scope names no place of its own: 404 before any field
		mvc.perform(post("/registry/enterprises/" + id + "/edit").session(staff).with(csrf()).param("legalName", "")
			.param("type", "EXPRESS").param("brandId", "99999999999999999999").param("regionCode", "990000"))
			.andExpect(status().isNotFound());
		assertThat(enterprises.get(DataScope.all(), id).legalName()).isEqualTo(before);
	}

	/**
	 * A facility form tells an owner's number, a compartment count or a date it cannot read with every other bad field
	 * at once; a cancelled owner (注销) is told only once every field is good — the fields before the record's state.
	 */
	@Test
	void aFacilityFormNamesEveryBadFieldAtOnceAndACancelledOwnerOnlyAfterThem() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		String page = mvc.perform(post("/registry/facilities/new").session(staff).with(csrf()).param("kind", "PARCEL_LOCKER")
			.param("enterpriseId", "abc").param("name", "").param("regionCode", "320506").param("address", "")
			.param("compartments", "99999999999999999999").param("commissionedOn", "2026-02-30"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Document form = Jsoup.parse(page);
		assertThat(form.select("#errors li").eachAttr("data-field"))
			.contains("enterpriseId", "compartments", "commissionedOn", "name", "address");
		assertThat(form.select("#errors li[data-field=compartments]").text()).contains("格口数应为整数（1至")
			.doesNotContain("9223372036854775807");

		long cancelled = enterprises.register(DataScope.all(), new EnterpriseData("注销设施企业" + unique(),
				org.youguan.CreditCodes.unique(), EnterpriseType.EXPRESS, null, "", "", "320506", "", ""), false);
		enterprises.cancel(DataScope.all(), cancelled, "企业已办理市场主体注销登记");
		page = mvc.perform(post("/registry/facilities/new").session(staff).with(csrf()).param("kind", "PARCEL_LOCKER")
			.param("enterpriseId", String.valueOf(cancelled)).param("name", "").param("regionCode", "320506")
			.param("address", "吴中区设施路1号").param("compartments", "20"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(page).select("#errors li").eachAttr("data-field")).containsExactly("name");
		mvc.perform(post("/registry/facilities/new").session(staff).with(csrf()).param("kind", "PARCEL_LOCKER")
			.param("enterpriseId", String.valueOf(cancelled)).param("name", "注销企业快件箱" + unique())
			.param("regionCode", "320506").param("address", "吴中区设施路1号").param("compartments", "20"))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("已注销")));
	}

	@Test
	void aBranchCorrectionWithAnUnreadableDateIsRefusedIn400WithTheFormAsTyped() throws Exception {
		long branch = branches.list(DataScope.region("3205"), null, new PageQuery("", 0, 1, null, false)).items().get(0).id();
		String name = "拒绝分支" + unique();
		mvc.perform(post("/registry/branches/" + branch + "/edit").session(SignIn.session(mvc, "sz.market")).with(csrf())
			.param("name", name).param("regionCode", "320506").param("address", "吴中区拒绝路1号").param("headName", "张三")
			.param("businessLicenceDate", "2026-13-01").param("filedOn", "2026-01-05"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("营业执照日期应为日期（YYYY-MM-DD）")))
			.andExpect(content().string(containsString("value=\"" + name + "\"")));
	}

	@Test
	void aLicenceOfAnEnterpriseOutsideTheRegisterIsRefusedIn400AndAnUnknownLicenceStays404() throws Exception {
		// the provincial bureau, which registers 同城 licences (邮政法(2015) art.53)
		MockHttpSession staff = ProvinceStaff.session(mvc, users, bureaus);
		String number = "拒绝许可" + unique();
		mvc.perform(post("/registry/licences/new").session(staff).with(csrf()).param("creditCode", "91320506MA1N0PE008")
			.param("number", number).param("licenceScope", "CITY").param("issuingBureauName", "江苏省邮政管理局")
			.param("issuedOn", "2025-01-01").param("expiresOn", "2030-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("辖区内没有该统一社会信用代码的企业")))
			.andExpect(content().string(containsString("value=\"" + number + "\"")));
		mvc.perform(post("/registry/licences/999999999/edit").session(staff).with(csrf()).param("number", number)
			.param("issuingBureauName", "江苏省邮政管理局"))
			.andExpect(status().isNotFound());
	}

	@Test
	void anEnterpriseRegistrationWithoutANameIsRefusedIn400WithTheOtherValuesKept() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		String representative = "法代" + unique();
		mvc.perform(post("/registry/enterprises/new").session(staff).with(csrf()).param("legalName", "")
			.param("creditCode", "91350100M000100Y44").param("type", "EXPRESS").param("legalRepresentative", representative)
			.param("regionCode", "320506"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("企业名称不能为空")))
			.andExpect(content().string(containsString("value=\"" + representative + "\"")));
	}
}
