package org.youguan;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every year and period parameter of a list holds to the kernel's one rule of what a query may ask for
 * ({@code FiguresPeriod}: 2000 to next year): a list filtered from 1900 — a typing error the lists once took (their
 * bound was 1900–2199) — is a 400 naming the field and both bounds, as the figures are.
 */
@IntegrationTest
class QueryYearsIntegrationTest {

	static final String CITY = "Bearer demo-sz-admin-token";

	@Autowired
	MockMvc mvc;

	static String lastDay() {
		return (LocalDate.now(ChinaTime.ZONE).getYear() + 1) + "-12-31";
	}

	/** {@link #lastDay} as a refusal names it (年月日). */
	static String lastDayShown() {
		return (LocalDate.now(ChinaTime.ZONE).getYear() + 1) + "年12月31日";
	}

	@Test
	void theUniversalListsRefuseADayOf1900NamingTheFieldAndTheBounds() throws Exception {
		mvc.perform(get("/api/v1/universal/checks").param("from", "1900-01-01").header("Authorization", CITY))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"))
			.andExpect(jsonPath("$.errors[0].message").value("起始日期不得早于2000年1月1日（应在2000年1月1日至" + lastDayShown() + "之间）"));
		mvc.perform(get("/api/v1/universal/supervision/confidential").param("to", "1900-12-31").header("Authorization", CITY))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"))
			.andExpect(jsonPath("$.errors[0].message").value("截止日期不得早于2000年1月1日（应在2000年1月1日至" + lastDayShown() + "之间）"));
		mvc.perform(get("/api/v1/universal/checks").param("from", "2000-01-01").param("to", lastDay())
			.header("Authorization", CITY)).andExpect(status().isOk());
	}

	@Test
	void theVillageCheckPlansRefuseAYearOf1900AsEveryYearParameterDoes() throws Exception {
		int next = LocalDate.now(ChinaTime.ZONE).getYear() + 1;
		mvc.perform(get("/api/v1/universal/plans").param("year", "1900").header("Authorization", CITY))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"))
			.andExpect(jsonPath("$.errors[0].message").value("年度应在2000年至" + next + "年之间"));
		mvc.perform(get("/api/v1/universal/plans").param("year", "2000").header("Authorization", CITY))
			.andExpect(status().isOk());
	}

	@Test
	void theParcelBatchesListRefusesADayOf1900NamingTheBounds() throws Exception {
		String page = mvc.perform(get("/safety/parcel-batches").param("from", "1900-01-01")
			.session(SignIn.session(mvc, "sz.leader")))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("起始日期不得早于2000年1月1日（应在2000年1月1日至" + lastDayShown() + "之间）");
		mvc.perform(get("/safety/parcel-batches/export.xlsx").param("to", "1900-12-31")
			.session(SignIn.session(mvc, "sz.leader")))
			.andExpect(status().isBadRequest());
	}
}
