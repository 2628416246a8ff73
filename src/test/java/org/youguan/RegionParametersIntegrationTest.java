package org.youguan;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.RegionPrefix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A region asked for by code is a whole region: a code of 5, 7 or 8 digits (a prefix such as {@code 32050}, which
 * would stand for the counties 320500–320509 together) is refused with 400 naming {@code region} and the rule, on
 * every figures API and region-filtered list — never counted as if it were a region; nor is a code of whole length
 * that names no region ({@code exists}).
 */
@IntegrationTest
class RegionParametersIntegrationTest {

	static final String LEADER = "Bearer demo-sz-leader-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static final List<String> FILTERED = List.of("/api/v1/enforcement/figures", "/api/v1/inspections/figures",
			"/api/v1/licensing/figures", "/api/v1/filing/figures", "/api/v1/safety/figures", "/api/v1/universal/figures",
			"/api/v1/universal/supervision/figures", "/api/v1/safety/hazards", "/api/v1/universal/villages");

	@Test
	void aPrefixThatIsNoWholeRegionIsRefusedEverywhere() throws Exception {
		for (String path : FILTERED) {
			for (String region : List.of("32050", "3205061", "32050600")) {
				mvc.perform(get(path).param("region", region).header("Authorization", LEADER))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors[0].field").value("region"))
					.andExpect(jsonPath("$.errors[0].rule").value("length"));
			}
			mvc.perform(get(path).param("region", "320506").header("Authorization", LEADER)).andExpect(status().isOk());
		}
		mvc.perform(get("/api/v1/public/penalties").param("region", "32050")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("length"));
	}

	/**
	 * A whole-length code that names no region (a typo) is refused, not answered with empty figures as if the region
	 * had nothing — on the APIs, the public lookups and the pages alike.
	 */
	@Test
	void aCodeThatNamesNoRegionIsRefusedEverywhere() throws Exception {
		for (String path : FILTERED) {
			for (String region : List.of("39", "3299", "329999")) {
				mvc.perform(get(path).param("region", region).header("Authorization", LEADER))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors[0].field").value("region"))
					.andExpect(jsonPath("$.errors[0].rule").value("exists"))
					.andExpect(jsonPath("$.errors[0].message").value("行政区划代码不存在：" + region));
			}
		}
		mvc.perform(get("/api/v1/public/penalties").param("region", "329999")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("exists"));
		mvc.perform(get("/api/v1/public/penalties").param("region", "3205")).andExpect(status().isOk());
		mvc.perform(head("/api/v1/public/penalties").param("region", "329999")).andExpect(status().isBadRequest());
		// a handler that takes no region ignores one, as any stray parameter
		mvc.perform(get("/css/youguan.css").param("region", "329999")).andExpect(status().isOk());
		mvc.perform(get("/enforcement/figures").param("region", "329999").header("Authorization", LEADER))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("行政区划代码不存在：329999")));
	}

	/**
	 * The check runs after the handler's role check: a caller who may not read an API learns 403, not which codes
	 * exist; the public lookup page shows a code that names no region on its form, in status 400.
	 */
	@Test
	void aCallerWithoutTheRoleIsRefusedBeforeTheRegionIsCheckedAndTheLookupPageShowsTheErrorOnItsFormIn400() throws Exception {
		// staff-only figures (an enterprise reads its own safety figures, so those answer it)
		for (String path : List.of("/api/v1/enforcement/figures", "/api/v1/inspections/figures", "/api/v1/licensing/figures")) {
			mvc.perform(get(path).param("region", "329999").header("Authorization", "Bearer demo-sf-wz-token"))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/public/lookup").param("region", "329999").param("brand", "顺丰"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("行政区划代码不存在：329999")))
			.andExpect(content().string(containsString("name=\"region\"")));
	}

	/**
	 * A region may be asked for in the standard six-digit form of a province or city (320000, 320500), the
	 * twelve-digit statistical form, or in full-width digits, as the parcel ingest takes it: every figures API and
	 * region-filtered list reads it as the project's own code and answers what that code answers (attack:
	 * {@code ?region=320500} was "行政区划代码不存在", {@code ?region=３２０５} refused as no digits).
	 */
	@Test
	void aStandardSixDigitOrFullWidthCodeIsReadAsTheProjectsOwnEverywhere() throws Exception {
		for (String path : FILTERED) {
			String city = mvc.perform(get(path).param("region", "3205").header("Authorization", LEADER))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			String county = mvc.perform(get(path).param("region", "320506").header("Authorization", LEADER))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			for (String region : List.of("320500", "３２０５", "３２０５００", " 320500 ")) {
				mvc.perform(get(path).param("region", region).header("Authorization", LEADER))
					.andExpect(status().isOk())
					.andExpect(content().json(city));
			}
			for (String region : List.of("３２０５０６", "320506000000")) {
				mvc.perform(get(path).param("region", region).header("Authorization", LEADER))
					.andExpect(status().isOk())
					.andExpect(content().json(county));
			}
			// the province's standard code is the province: answered as 32 is (outside a city leader's region)
			var province = mvc.perform(get(path).param("region", "32").header("Authorization", LEADER)).andReturn()
				.getResponse();
			mvc.perform(get(path).param("region", "320000").header("Authorization", LEADER))
				.andExpect(status().is(province.getStatus()))
				.andExpect(content().json(province.getContentAsString()));
		}
		mvc.perform(get("/api/v1/public/penalties").param("region", "320500")).andExpect(status().isOk());
		mvc.perform(get("/enforcement/figures").param("region", "320500").header("Authorization", LEADER))
			.andExpect(status().isOk());
	}

	@Test
	void theAcceptedFormsOfACodeAreReadAsTheProjectWritesIt() {
		assertThat(RegionPrefix.normalised("320000")).isEqualTo("32");
		assertThat(RegionPrefix.normalised("320500")).isEqualTo("3205");
		assertThat(RegionPrefix.normalised("320506")).isEqualTo("320506");
		assertThat(RegionPrefix.normalised("３２０５０６")).isEqualTo("320506");
		assertThat(RegionPrefix.normalised("320506000000")).isEqualTo("320506");
		assertThat(RegionPrefix.normalised("320506001000")).isEqualTo("320506001");
		assertThat(RegionPrefix.normalised("320506001001")).isEqualTo("320506001001");
		assertThat(RegionPrefix.normalised("441900")).as("东莞, a city without counties: the same region").isEqualTo("4419");
		assertThat(RegionPrefix.normalised("32050")).as("no whole region in any form: left to the rules").isEqualTo("32050");
		assertThat(RegionPrefix.normalised("000000")).isEqualTo("000000");
		assertThat(RegionPrefix.of("３２０５００").code()).isEqualTo("3205");
	}

	@Test
	void everyLevelOfTheCodeIsAWholeRegion() {
		for (String code : List.of("", "0", "32", "3205", "320506", "320506001", "320506001001")) {
			assertThat(RegionPrefix.of(code).predicate("c")).isNotNull();
		}
		for (String code : List.of("3", "32050", "3205061", "32050600", "3205060010", "32050600100")) {
			assertThatThrownBy(() -> RegionPrefix.of(code)).as(code)
				.isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.getMessage()).contains("2位（省）"));
		}
	}

	/**
	 * The public lookup page remembers only that a region exists (issue 12: one statement less per view): a malformed or
	 * unknown code is refused on every view with its rule, and a code refused as unknown is found on the next view once
	 * the region is there — nothing about it was remembered.
	 */
	@Test
	void theLookupPageRefusesAnUnknownOrMalformedRegionOnEveryViewAndFindsOneAsSoonAsItExists() throws Exception {
		String street = "320506999";
		for (int view = 0; view < 2; view++) {
			mvc.perform(get("/public/lookup").param("region", "32050"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("name=\"region\"")))
				.andExpect(content().string(not(containsString("id=\"outlet-results\""))));
			mvc.perform(get("/public/lookup").param("region", street))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("行政区划代码不存在：" + street)))
				.andExpect(content().string(not(containsString("id=\"outlet-results\""))));
			mvc.perform(get("/public/lookup").param("region", "320506"))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("行政区划代码不存在"))))
				.andExpect(content().string(containsString("id=\"outlet-results\"")));
		}
		jdbc.sql("INSERT INTO region (code, name, parent_code, level) VALUES (:code, '测试街道', '320506', 'STREET')")
			.param("code", street)
			.update();
		try {
			mvc.perform(get("/public/lookup").param("region", street))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("行政区划代码不存在"))))
				.andExpect(content().string(containsString("id=\"outlet-results\"")));
		}
		finally {
			jdbc.sql("DELETE FROM region WHERE code = :code").param("code", street).update();
		}
	}
}
