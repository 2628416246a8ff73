package org.youguan.universal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack: the steps of a 建制村 are addressed by its village code, not a number, so the web shell's access-before-fields
 * rule ({@code StepAccessFirst}) did not guard them — 相城's staff posting a 吴中 village's profile or 通邮 check with a
 * value that cannot be bound were told the field (400), which says the village is there and which of its fields they
 * got wrong. Now a village outside the caller's region is 404 before any value is read, on the page and the API; a
 * code written in another form than its 12 ASCII digits names no village (404); the village's own bureau is still told
 * the field.
 */
@IntegrationTest
class VillageStepAccessIntegrationTest {

	/** 吴中区局: handles 320506. */
	static final String WUZHONG = "Bearer demo-wz-staff-token";

	/** 相城区局: a sibling county, which does not see 吴中's villages. */
	static final String XIANGCHENG = "Bearer demo-xc-staff-token";

	/** A body that cannot be read: deliveriesPerWeek is no number. */
	static final String UNREADABLE = "{\"deliveryMode\":\"DIRECT\",\"deliveriesPerWeek\":\"abc\"}";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String wuzhongVillage() {
		return jdbc.sql("SELECT code FROM region_name WHERE level = 'VILLAGE' AND name LIKE '%村委会%'"
				+ " AND code LIKE '320506%' ORDER BY random() LIMIT 1").query(String.class).single();
	}

	@Test
	void anotherCountysStaffAreRefusedAVillagesProfileBeforeItsBodyIsRead() throws Exception {
		String village = wuzhongVillage();
		mvc.perform(put("/api/v1/universal/villages/{code}/profile", village).header("Authorization", XIANGCHENG)
			.contentType(MediaType.APPLICATION_JSON).content(UNREADABLE))
			.andExpect(status().isNotFound());
		// the village's own county is told what is wrong with the body
		mvc.perform(put("/api/v1/universal/villages/{code}/profile", village).header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(UNREADABLE))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deliveriesPerWeek"));
	}

	@Test
	void anotherCountysStaffAreRefusedAVillagesPageStepsBeforeTheirFields() throws Exception {
		String village = wuzhongVillage();
		MockHttpSession xiangcheng = SignIn.session(mvc, "xc.staff");
		mvc.perform(post("/universal/villages/{code}/profile", village).session(xiangcheng).with(csrf())
			.param("deliveryMode", "DIRECT").param("deliveriesPerWeek", "abc"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/universal/villages/{code}/checks", village).session(xiangcheng).with(csrf())
			.param("checkedOn", "2026-01-05").param("handoverRecords", "maybe"))
			.andExpect(status().isNotFound());
		// the village's own county: the field that cannot be bound is told (400), nothing recorded
		long checks = jdbc.sql("SELECT count(*) FROM village_check WHERE village_code = :v").param("v", village)
			.query(Long.class).single();
		mvc.perform(post("/universal/villages/{code}/checks", village).session(SignIn.session(mvc, "wz.staff"))
			.with(csrf()).param("checkedOn", "2026-01-05").param("handoverRecords", "maybe"))
			.andExpect(status().isBadRequest());
		assertThat(jdbc.sql("SELECT count(*) FROM village_check WHERE village_code = :v").param("v", village)
			.query(Long.class).single()).isEqualTo(checks);
	}

	@Test
	void aVillageCodeInAnotherFormThanItsTwelveDigitsNamesNoVillageOfAStep() throws Exception {
		String village = wuzhongVillage();
		StringBuilder wide = new StringBuilder();
		village.chars().forEach(c -> wide.append((char) ('０' + (c - '0'))));
		for (String other : new String[] { wide.toString(), " " + village, village.substring(0, 11), village + "0",
				"+" + village }) {
			mvc.perform(put("/api/v1/universal/villages/{code}/profile", other).header("Authorization", WUZHONG)
				.contentType(MediaType.APPLICATION_JSON).content(UNREADABLE))
				.andExpect(status().isNotFound());
		}
	}
}
