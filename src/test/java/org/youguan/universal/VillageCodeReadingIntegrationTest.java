package org.youguan.universal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A 建制村's code reads as every region code does ({@code region.RegionCode.typed}): full-width digits (an input
 * method's ３２０５…) and the spaces around it, on the village's API answer and the checks' filter, as on a
 * check's {@code villageCode} — it was read by hand (stripped, then "应为12位数字"), so the same village was 404 or 400
 * typed in full-width digits. A step's address is no typed value: the profile's {@code PUT} takes the village's own
 * 12 digits only, another form is 404 ({@code VillageStepAccessIntegrationTest}).
 */
@IntegrationTest
class VillageCodeReadingIntegrationTest {

	static final String POSTAL = VillageProfilePersonalNumbersIntegrationTest.POSTAL;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	VillageChecks checks;

	@Test
	void aVillageCodeInFullWidthDigitsReadsAsTheVillage() throws Exception {
		String village = jdbc.sql("SELECT code FROM region_name WHERE level = 'VILLAGE' AND name LIKE '%村委会%'"
				+ " AND code LIKE '320506%' ORDER BY random() LIMIT 1").query(String.class).single();
		String wide = fullWidth(village);
		mvc.perform(get("/api/v1/universal/villages/{code}", wide).header("Authorization", POSTAL))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(village));
		String address = "村委会一楼" + RandomDigits.of(4) + "室";
		String body = "{\"deliveryMode\":\"VILLAGE_POST\",\"deliveriesPerWeek\":6,\"handoverAddress\":\"" + address + "\"}";
		// a step's address is the village's own code, as every record's (StepAccess.ofCode): another form names none
		mvc.perform(put("/api/v1/universal/villages/{code}/profile", "\u3000" + wide + " ").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isNotFound());
		mvc.perform(put("/api/v1/universal/villages/{code}/profile", village).header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(village));
		assertThat(jdbc.sql("SELECT handover_address FROM village_profile WHERE village_code = :c").param("c", village)
			.query(String.class).single()).as("stored under the village's own code").isEqualTo(address);
		mvc.perform(get("/api/v1/universal/checks").param("village", wide).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isOk());
		// a check's villageCode: its other fields missing are told, the village is not
		assertThatThrownBy(() -> checks.check(DataScope.all(),
				new VillageCheckData(" " + wide, null, null, null, null, null, null, null, null)))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.fieldErrors())
				.extracting(FieldError::field).isNotEmpty().doesNotContain("villageCode"));
	}

	private static String fullWidth(String digits) {
		StringBuilder s = new StringBuilder();
		digits.chars().forEach(c -> s.append((char) ('０' + (c - '0'))));
		return s.toString();
	}
}
