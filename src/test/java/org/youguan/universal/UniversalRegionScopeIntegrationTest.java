package org.youguan.universal;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every universal list and export that takes a {@code region} refuses one outside the caller's region (403), as the
 * figures do, and a malformed one (400): a 吴中 county officer asking for 相城 (320507) was answered with 吴中's checks
 * (the checks API did not read the parameter) or an empty page, either of which reads as "相城 has none".
 */
@IntegrationTest
class UniversalRegionScopeIntegrationTest {

	static final String WUZHONG = ApprovalFixture.WUZHONG;

	static final String POSTAL = ApprovalFixture.POSTAL;

	/** The lists of the API that take a region. */
	static final List<String> API_LISTS = List.of("/api/v1/universal/checks", "/api/v1/universal/post-offices",
			"/api/v1/universal/post-office-approvals", "/api/v1/universal/post-office-suspensions",
			"/api/v1/universal/villages", "/api/v1/universal/supervision/confidential");

	/** The staff pages' lists and exports that take a region. */
	static final List<String> PAGES = List.of("/universal/checks", "/universal/checks/export.xlsx",
			"/universal/post-offices", "/universal/post-offices/export.xlsx", "/universal/villages",
			"/universal/villages/export.xlsx", "/universal/supervision/confidential",
			"/universal/supervision/confidential/export.xlsx");

	@Autowired
	MockMvc mvc;

	@Test
	void aCountyOfficerAskingForAnotherCountysChecksIsRefusedNotShownHisOwn() throws Exception {
		mvc.perform(get("/api/v1/universal/checks").header("Authorization", WUZHONG).param("region", "320507"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/universal/checks").header("Authorization", WUZHONG).param("village", "320507100201"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/universal/checks").header("Authorization", WUZHONG).param("village", "3205061"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("village"));
		mvc.perform(get("/api/v1/universal/checks").header("Authorization", WUZHONG).param("region", "320506"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].villageCode", Matchers.everyItem(Matchers.startsWith("320506"))));
	}

	@Test
	void everyListAndExportRefusesARegionOutsideTheScopeAndAMalformedOne() throws Exception {
		for (String path : API_LISTS) {
			mvc.perform(get(path).header("Authorization", WUZHONG).param("region", "320507"))
				.andExpect(status().isForbidden());
			// the whole country is outside a county's region too
			mvc.perform(get(path).header("Authorization", WUZHONG).param("region", "0"))
				.andExpect(status().isForbidden());
			mvc.perform(get(path).header("Authorization", WUZHONG).param("region", "32050x"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("region"));
			mvc.perform(get(path).header("Authorization", WUZHONG).param("region", "320506"))
				.andExpect(status().isOk());
			mvc.perform(get(path).header("Authorization", WUZHONG)).andExpect(status().isOk());
		}
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		for (String path : PAGES) {
			mvc.perform(get(path).session(staff).param("region", "320507")).andExpect(status().isForbidden());
			mvc.perform(get(path).session(staff).param("region", "abc")).andExpect(status().isBadRequest());
			mvc.perform(get(path).session(staff).param("region", "320506")).andExpect(status().isOk());
		}
	}

	/** An enterprise's lists hold only its own rows whatever the region: its filter narrows them, it reveals nothing. */
	@Test
	void theEnterpriseFiltersItsOwnRowsByRegion() throws Exception {
		mvc.perform(get("/api/v1/universal/post-offices").header("Authorization", POSTAL).param("region", "320507"))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/universal/post-office-approvals").header("Authorization", POSTAL).param("region", "abc"))
			.andExpect(status().isBadRequest());
	}

	/**
	 * Attack round 15: a village that does not exist answered 403 on its profile (the enterprise's API and page), which
	 * says "it exists, but is not yours"; it is not found (404) for everyone, outside the caller's city or inside it.
	 * A village that exists and another enterprise keeps stays 403 ({@code UniversalServiceIntegrationTest}).
	 */
	@Test
	void aVillageThatDoesNotExistIsNotFoundNotForbidden() throws Exception {
		MockHttpSession enterprise = SignIn.session(mvc, "yz.sz");
		for (String none : List.of("110101999999", "320506999999")) {
			for (String token : List.of(POSTAL, WUZHONG)) {
				mvc.perform(put("/api/v1/universal/villages/" + none + "/profile").header("Authorization", token)
					.contentType(MediaType.APPLICATION_JSON).content("{\"deliveryMode\":\"DIRECT\",\"deliveriesPerWeek\":5}"))
					.andExpect(status().isNotFound());
				mvc.perform(get("/api/v1/universal/villages/" + none).header("Authorization", token))
					.andExpect(status().isNotFound());
			}
			mvc.perform(post("/enterprise/villages/" + none + "/profile").session(enterprise).with(csrf())
				.param("deliveryMode", "DIRECT").param("deliveriesPerWeek", "5"))
				.andExpect(status().isNotFound());
		}
	}
}
