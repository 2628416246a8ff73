package org.youguan.org;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A bureau's name, short name and address are printed on every document it issues and on the public portal, a
 * department's name and duties shown on its pages: markup in them is refused (attack: sys.admin created the bureau
 * "南京&lt;b&gt;市&lt;/b&gt;邮政管理局").
 */
@IntegrationTest
class OrgMarkupIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Bureaus bureaus;

	@Autowired
	Departments departments;

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "name", "shortName", "address" })
	void aBureauWithMarkupInItsNameShortNameOrAddressIsRefusedNamingTheField(String field) {
		long province = bureaus.findByRegion("32").orElseThrow().id();
		BureauData data = new BureauData(field.equals("name") ? "南京<b>市</b>邮政管理局" : "南京市邮政管理局",
				field.equals("shortName") ? "南京<i>局</i>" : "南京局", BureauLevel.CITY, "3201", province,
				field.equals("address") ? "南京市<img src=x onerror=alert(1)>路1号" : "南京市示例路1号", null);
		assertThatThrownBy(() -> bureaus.create(DataScope.all(), data)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.contains(tuple(field, "markup")));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "name", "duties" })
	void aDepartmentWithMarkupInItsNameOrDutiesIsRefused(String field) {
		long bureau = bureaus.findByRegion("320506").orElseThrow().id();
		String name = field.equals("name") ? "标记<b>处</b>" : "标记处" + org.youguan.RandomDigits.of(6);
		String duties = field.equals("duties") ? "<script>alert(1)</script>" : "行业监管";
		assertThatThrownBy(() -> departments.create(DataScope.all(), bureau, name, duties, 0)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.containsExactly(tuple(field, "markup")));
	}

	@Test
	void theBureauFormRefusesAMarkedNameSayingWhy() throws Exception {
		mvc.perform(post("/admin/bureaus/new").session(SignIn.session(mvc, "sys.admin")).with(csrf())
			.param("name", "南京<b>市</b>邮政管理局").param("shortName", "南京局").param("level", "CITY").param("regionCode", "3201"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("机构名称不能含有")))
			.andExpect(content().string(not(containsString("已新建机构"))));
	}

	/**
	 * The department form takes a name and duties written with comparisons ("≥3人", "<3天", "增长>5%": no markup) and
	 * refuses a tag in either, naming the field ("处室名称不能含有网页标记…", "职责不能含有网页标记…").
	 */
	@Test
	void theDepartmentFormTakesComparisonsAndRefusesTags() throws Exception {
		long bureau = bureaus.findByRegion("320506").orElseThrow().id();
		var admin = SignIn.session(mvc, "sys.admin");
		String tag = "督导组" + org.youguan.RandomDigits.of(6);
		String name = tag + "（≥3人）";
		mvc.perform(post("/admin/departments/new").session(admin).with(csrf()).param("bureauId", String.valueOf(bureau))
			.param("name", name).param("duties", "办结时限<3天的申诉督办；业务量同比增长>5%的分析"))
			.andExpect(status().is3xxRedirection());
		assertThat(departments.list(DataScope.all(), bureau, org.youguan.kernel.PageQuery.of(tag, 0, 10, null, null)).items())
			.extracting(DepartmentView::name, DepartmentView::duties).containsExactly(tuple(name, "办结时限<3天的申诉督办；业务量同比增长>5%的分析"));
		mvc.perform(post("/admin/departments/new").session(admin).with(csrf()).param("bureauId", String.valueOf(bureau))
			.param("name", "督导<b>组</b>").param("duties", "行业监管</p>"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("处室名称不能含有网页标记")))
			.andExpect(content().string(containsString("职责不能含有网页标记")));
	}
}
