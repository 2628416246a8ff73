package org.youguan.inspections;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
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
 * population a plan with the same filters freezes; another region is 403, a malformed filter a 400 naming its field.
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
			.andExpect(jsonPath("$.errors[*].field", hasItem("brandId")));
	}
}
