package org.youguan;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.kernel.ChineseText;
import org.youguan.platform.ChinaTime;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every module's figures refuse the periods the complaint figures refuse, by the one kernel check
 * ({@code FiguresPeriod}): a period not begun (from after today) is a 400 naming {@code from}, rule {@code future},
 * on the API, the page and the .xlsx alike — never an answer of zeros; a reversed one a 400 on {@code to}
 * ({@code after-from}); a day before 2000 or after next year a 400 on its field ({@code range}); a period that has begun
 * and ends after today is counted.
 */
@IntegrationTest
class FiguresPeriodIntegrationTest {

	static final String LEADER = "Bearer demo-sz-leader-token";

	@Autowired
	MockMvc mvc;

	static LocalDate today() {
		return LocalDate.now(ChinaTime.ZONE);
	}

	/** The API refuses a period not begun, a reversed one and an absurd one naming the field, and counts one begun. */
	void apiChecksThePeriod(String path) throws Exception {
		LocalDate tomorrow = today().plusDays(1);
		mvc.perform(get(path).param("from", tomorrow.toString()).param("to", tomorrow.plusDays(30).toString())
			.header("Authorization", LEADER))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"))
			.andExpect(jsonPath("$.errors[0].rule").value("future"))
			.andExpect(jsonPath("$.errors[0].message").value("起始日期不能晚于今天（" + ChineseText.day(today()) + "）：" + ChineseText.day(tomorrow)
					+ "尚未开始，没有可统计的数据"));
		mvc.perform(get(path).param("from", today().minusDays(1).toString()).param("to", today().minusDays(2).toString())
			.header("Authorization", LEADER))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].rule").value("after-from"));
		mvc.perform(get(path).param("from", "1900-01-01").param("to", today().toString()).header("Authorization", LEADER))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"));
		mvc.perform(get(path).param("from", today().toString()).param("to", "2199-12-31").header("Authorization", LEADER))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"));
		mvc.perform(get(path).param("from", today().toString()).param("to", today().plusDays(30).toString())
			.header("Authorization", LEADER))
			.andExpect(status().isOk());
	}

	/** Pages and exports refuse a period not begun with a 400 stating why, and show no figures. */
	void pagesRefuseAPeriodNotBegun(List<String> paths) throws Exception {
		LocalDate tomorrow = today().plusDays(1);
		for (String path : paths) {
			mvc.perform(get(path).param("from", tomorrow.toString()).header("Authorization", LEADER))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("起始日期不能晚于今天（" + ChineseText.day(today()) + "）")))
				.andExpect(content().string(not(containsString("\"totals\""))));
			mvc.perform(get(path).param("from", today().toString()).param("to", tomorrow.toString())
				.header("Authorization", LEADER))
				.andExpect(status().isOk());
		}
	}

	@Test
	void inspectionFigures() throws Exception {
		apiChecksThePeriod("/api/v1/inspections/figures");
		apiChecksThePeriod("/api/v1/inspections/figures/items");
		pagesRefuseAPeriodNotBegun(List.of("/inspections/figures", "/inspections/figures.xlsx"));
	}

	@Test
	void safetyFigures() throws Exception {
		apiChecksThePeriod("/api/v1/safety/figures");
		apiChecksThePeriod("/api/v1/safety/rates");
		apiChecksThePeriod("/api/v1/safety/rates/trend");
		pagesRefuseAPeriodNotBegun(List.of("/safety/rates", "/safety/rates/export.xlsx"));
	}

	@Test
	void enforcementFigures() throws Exception {
		apiChecksThePeriod("/api/v1/enforcement/figures");
		pagesRefuseAPeriodNotBegun(List.of("/enforcement/figures", "/enforcement/figures.xlsx"));
	}

	@Test
	void universalServiceFigures() throws Exception {
		apiChecksThePeriod("/api/v1/universal/figures");
		apiChecksThePeriod("/api/v1/universal/supervision/figures");
		pagesRefuseAPeriodNotBegun(List.of("/universal/supervision", "/universal/checks", "/universal/checks/export.xlsx"));
	}

	@Test
	void licensingFigures() throws Exception {
		apiChecksThePeriod("/api/v1/licensing/figures");
		apiChecksThePeriod("/api/v1/filing/figures");
		pagesRefuseAPeriodNotBegun(List.of("/licensing/figures", "/licensing/figures.xlsx"));
	}

	@Test
	void filingMetrics() throws Exception {
		pagesRefuseAPeriodNotBegun(List.of("/filing/metrics"));
	}
}
