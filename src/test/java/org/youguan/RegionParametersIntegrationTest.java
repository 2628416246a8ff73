package org.youguan;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.RegionPrefix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A region asked for by code is a whole region: a code of 5, 7 or 8 digits (a prefix such as {@code 32050}, which
 * would stand for the counties 320500–320509 together) is refused with 400 naming {@code region} and the rule, on
 * every figures API and region-filtered list — never counted as if it were a region.
 */
@IntegrationTest
class RegionParametersIntegrationTest {

	static final String LEADER = "Bearer demo-sz-leader-token";

	@Autowired
	MockMvc mvc;

	@Test
	void aPrefixThatIsNoWholeRegionIsRefusedEverywhere() throws Exception {
		for (String path : List.of("/api/v1/enforcement/figures", "/api/v1/inspections/figures", "/api/v1/licensing/figures",
				"/api/v1/safety/figures", "/api/v1/universal/figures", "/api/v1/universal/supervision/figures",
				"/api/v1/safety/hazards", "/api/v1/universal/villages")) {
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
}
