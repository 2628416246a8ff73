package org.youguan.inspections;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A form with several broken fields answers every one of them at once: the values the page could not read (a date,
 * a percentage, a bureau number) and the failures of the service's own checks (name, team, items, certificate) in one
 * answer — not the unreadable ones first and the rest after the user fixed them; the API names a missing sampling
 * with the other failures instead of alone. Nothing is saved.
 */
@IntegrationTest
class EveryBrokenFieldAtOnceIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionPlans plans;

	@Autowired
	Inspectors inspectors;

	@Test
	void aPlanFormWithAnUnreadableDateAlsoNamesTheMissingNameTeamAndItems() throws Exception {
		MockHttpSession wz = SignIn.session(mvc, "wz.staff");
		long before = plans.list(DataScope.region("320506"), PageQuery.of(null, 0, 1, null, null)).total();
		String page = mvc.perform(post("/inspections/plans/new").session(wz).with(csrf()).param("name", "")
			.param("periodFrom", "2026-13-45").param("periodTo", "2026-12-31").param("teamSize", "1")
			.param("objectType", "OUTLET").param("sampling", "RATIO").param("samplePercent", "abc")
			.param("regionCode", "320506"))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"errors\"", "检查期间起始日期应为日期", "抽取比例（%）应为数字", "计划名称不能为空",
				"每组检查人员应为2至10人", "检查事项至少选择一项");
		assertThat(page).as("the unreadable date is not refused a second time as missing")
			.doesNotContain("检查期间起始日期不能为空");
		assertThat(plans.list(DataScope.region("320506"), PageQuery.of(null, 0, 1, null, null)).total()).isEqualTo(before);
	}

	@Test
	void aPlanSentToTheApiWithoutSamplingAlsoNamesTheMissingNameTeamAndItems() throws Exception {
		long before = plans.list(DataScope.region("320506"), PageQuery.of(null, 0, 1, null, null)).total();
		mvc.perform(post("/api/v1/inspections/plans").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"\",\"periodFrom\":\"2026-12-01\",\"periodTo\":\"2026-12-31\",\"teamSize\":1,\"items\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("name", "teamSize", "sampleCount", "items")));
		assertThat(plans.list(DataScope.region("320506"), PageQuery.of(null, 0, 1, null, null)).total()).isEqualTo(before);
	}

	@Test
	void anInspectorFormWithAnUnreadableDateAlsoNamesTheMissingNameAndCertificate() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		long before = inspectors.list(DataScope.region("3205"), PageQuery.of(null, 0, 1, null, null)).total();
		String page = mvc.perform(post("/inspections/inspectors/new").session(admin).with(csrf()).param("bureauId", "x1")
			.param("name", "").param("certificateNumber", "").param("validUntil", "明年"))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"errors\"", "执法证有效期至应为日期", "所属单位应为正整数（至多19位，即单位编号，请从列表中选择）", "姓名不能为空", "执法证号不能为空");
		assertThat(inspectors.list(DataScope.region("3205"), PageQuery.of(null, 0, 1, null, null)).total())
			.isEqualTo(before);
	}
}
