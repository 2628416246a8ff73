package org.youguan.inspections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.CreditCodes;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 检查对象名录库: the registry's objects in the caller's region by type, brand, region and credit class — the very
 * population a plan with the same filters freezes; another region is 403, a malformed filter a 400 naming its field. In
 * the list idiom: every word of the search found, whitelisted sorts (an unknown one refused 400), the .xlsx export of the
 * page's filters and order.
 */
@IntegrationTest
class InspectionObjectsIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	Outlets outlets;

	@Autowired
	InspectionPlans plans;

	@Autowired
	UserDirectory directory;

	@Autowired
	MutableClock clock;

	@Autowired
	Enterprises enterprises;

	@Test
	void theDirectoryIsThePopulationAPlanFreezes() throws Exception {
		String json = mvc.perform(get("/api/v1/inspections/objects").param("objectType", "OUTLET").param("region", "320506")
				.param("size", "5").header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].object.key", everyItem(startsWith("OUTLET:"))))
			.andExpect(jsonPath("$.items[*].object.regionCode", everyItem(startsWith("320506"))))
			.andExpect(jsonPath("$.items[*].object.creditClass", everyItem(is("未评定"))))
			.andReturn().getResponse().getContentAsString();
		long total = ((Number) JsonPath.read(json, "$.total")).longValue();
		assertThat(total).isEqualTo(outlets.places("320506", null).size());

		CurrentUser wz = directory.principal("wz.staff").orElseThrow();
		LocalDate today = LocalDate.now(clock);
		long plan = plans.create(DataScope.region("320506"), wz.bureauId(), "320506", "陈吴中", new InspectionPlans.PlanData(
				"吴中区网点名录核对", today, today.plusMonths(1), List.of("REAL_NAME"), "320506", null, 2, null, null, 2,
				"OUTLET", null, null), false);
		plans.freeze(DataScope.region("320506"), plan);
		assertThat(plans.get(DataScope.region("320506"), plan).population()).isEqualTo((int) total);

		mvc.perform(get("/api/v1/inspections/objects").param("objectType", "BRANCH").header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].object.objectType", everyItem(is("BRANCH"))));
		MockHttpSession session = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/inspections/objects").param("objectType", "OUTLET").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共" + total + "个")));
	}

	/** A credit code typed with a Chinese input method (full-width digits and letters) finds the enterprise it shows. */
	@Test
	void aCreditCodeTypedInFullWidthFindsItsEnterprise() throws Exception {
		String code = "91320506MA1ND7K3Q" + CreditCode.checkCharacter("91320506MA1ND7K3Q");
		StringBuilder fullWidth = new StringBuilder();
		code.chars().forEach(c -> fullWidth.append((char) (c + 0xFEE0)));
		mvc.perform(get("/api/v1/inspections/objects").param("objectType", "ENTERPRISE").param("q", fullWidth.toString())
				.header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].object.enterpriseCreditCode", hasItem(code)))
			.andExpect(jsonPath("$.items[*].object.enterpriseCreditCode", everyItem(is(code))));
	}

	@Test
	void anotherRegionIs403AndAMalformedFilterA400() throws Exception {
		mvc.perform(get("/api/v1/inspections/objects").param("region", "320507").header("Authorization", WUZHONG))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/inspections/objects").param("objectType", "SHOP").param("creditClasses", "优秀")
				.param("brandId", "x").header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("objectType")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("creditClasses")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("brandId")))
			// the brand filter states the numbers it takes, as every whole-number field does (attack round 28)
			.andExpect(jsonPath("$.errors[?(@.field == 'brandId')].message",
					hasItem("品牌编号应为正整数（至多19位）")));
	}

	/**
	 * Three enterprises of Wuzhong registered out of name order (乙, 丙, 甲) and one of Xiangcheng, their names starting
	 * with a marker unique to the run; returns the marker.
	 */
	private String threeWuzhongEnterprisesAndOneOfXiangcheng() {
		String marker = "名录排序" + org.youguan.RandomDigits.of(6);
		for (String name : List.of("乙", "丙", "甲")) {
			register(marker + name + "快递有限公司", "320506");
		}
		register(marker + "相城快递有限公司", "320507");
		return marker;
	}

	private void register(String name, String region) {
		enterprises.register(DataScope.all(), new EnterpriseData(name, CreditCodes.unique(), EnterpriseType.EXPRESS, null,
				"张三", "测试路1号", region, "李四", "13912345678"), false);
	}

	private List<String> names(String marker, String... params) throws Exception {
		var request = get("/api/v1/inspections/objects").param("q", marker).header("Authorization", WUZHONG);
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		String json = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(json, "$.items[*].object.name");
	}

	@Test
	void sortsByNameEitherWayAndRefusesAnUnknownSort() throws Exception {
		String marker = threeWuzhongEnterprisesAndOneOfXiangcheng();
		List<String> ascending = List.of(marker + "丙快递有限公司", marker + "乙快递有限公司", marker + "甲快递有限公司");
		assertThat(ascending).as("丙 U+4E19 < 乙 U+4E59 < 甲 U+7532").isSorted();
		assertThat(names(marker)).as("by name by default").isEqualTo(ascending);
		assertThat(names(marker, "sort", "name", "dir", "asc")).isEqualTo(ascending);
		assertThat(names(marker, "sort", "name", "dir", "desc"))
			.containsExactly(marker + "甲快递有限公司", marker + "乙快递有限公司", marker + "丙快递有限公司");
		// an unknown sort is refused naming the orders there are, not read as the default (the list idiom)
		mvc.perform(get("/api/v1/inspections/objects").param("q", marker).param("sort", "name;drop").param("dir", "desc")
				.header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"))
			.andExpect(jsonPath("$.errors[0].rule").value("one-of"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("name、enterprise、region、creditCode")));
		assertThat(names(marker, "sort", "name", "dir", "desc", "size", "1", "page", "1"))
			.as("pages of the sorted list").containsExactly(marker + "乙快递有限公司");

		String json = mvc.perform(get("/api/v1/inspections/objects").param("q", marker).param("sort", "creditCode")
				.param("dir", "desc").header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<String> codes = JsonPath.read(json, "$.items[*].object.enterpriseCreditCode");
		assertThat(codes).hasSize(3).isSortedAccordingTo(Comparator.reverseOrder());
	}

	@Test
	void everyWordOfTheSearchIsFound() throws Exception {
		String marker = threeWuzhongEnterprisesAndOneOfXiangcheng();
		assertThat(names(marker + "　甲")).as("two words, an ideographic space between").containsExactly(marker + "甲快递有限公司");
		assertThat(names(marker + " 丁")).isEmpty();
		String json = mvc.perform(get("/api/v1/inspections/objects").param("q", marker + "乙").header("Authorization", WUZHONG))
			.andReturn().getResponse().getContentAsString();
		String code = JsonPath.<List<String>>read(json, "$.items[*].object.enterpriseCreditCode").get(0);
		assertThat(names(code.toLowerCase(Locale.ROOT) + " " + marker)).as("the credit code as a word, in lower case")
			.containsExactly(marker + "乙快递有限公司");
	}

	@Test
	void theExportIsThePagesFiltersAndOrderAsXlsx() throws Exception {
		String marker = threeWuzhongEnterprisesAndOneOfXiangcheng();
		MockHttpSession county = SignIn.session(mvc, "wz.staff");
		String export = "/inspections/objects/export.xlsx";
		List<List<String>> rows = ExportedRows.of(mvc, county, export, "q", marker, "sort", "name", "dir", "desc");
		assertThat(rows.get(0)).containsExactly("对象类型", "名称", "所属企业", "统一社会信用代码", "所在区域", "信用等级");
		assertThat(ExportedRows.column(rows, 1)).as("the county's own, by name descending, every row")
			.containsExactly(marker + "甲快递有限公司", marker + "乙快递有限公司", marker + "丙快递有限公司");
		assertThat(ExportedRows.column(rows, 0)).containsOnly("快递企业");
		assertThat(ExportedRows.column(rows, 2)).isEqualTo(ExportedRows.column(rows, 1));
		assertThat(ExportedRows.column(rows, 5)).containsOnly("未评定");

		String json = mvc.perform(get("/api/v1/inspections/objects").param("q", marker).param("sort", "name")
				.param("dir", "desc").header("Authorization", WUZHONG))
			.andReturn().getResponse().getContentAsString();
		List<List<String>> listed = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			listed.add(List.of(JsonPath.read(json, "$.items[" + i + "].object.enterpriseCreditCode"),
					JsonPath.read(json, "$.items[" + i + "].regionName")));
		}
		assertThat(rows.stream().skip(1).map(r -> List.of(r.get(3), r.get(4))).toList()).as("as the list shows them")
			.isEqualTo(listed);
		assertThat(ExportedRows.of(mvc, county, export, "q", marker, "creditClasses", "失信")).as("the filters apply")
			.hasSize(1);
		assertThat(ExportedRows.of(mvc, county, export, "q", marker, "objectType", "OUTLET")).hasSize(1);

		mvc.perform(get("/inspections/objects").queryParam("q", marker).queryParam("sort", "name").queryParam("dir", "desc")
				.session(county))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"objects-export\" href=\"/inspections/objects/export.xlsx?q=")))
			.andExpect(content().string(containsString("sort=name&amp;dir=desc\">")))
			.andExpect(content().string(containsString("class=\"table-sort desc\"")));
	}

	@Test
	void theExportOfAnotherCountysRegionIs403() throws Exception {
		MockHttpSession county = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/inspections/objects/export.xlsx").param("region", "320507").session(county))
			.andExpect(status().isForbidden());
		mvc.perform(get("/inspections/objects/export.xlsx").param("objectType", "SHOP").session(county))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("objectType")));
	}
}
