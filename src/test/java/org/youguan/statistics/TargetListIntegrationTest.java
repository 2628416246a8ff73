package org.youguan.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.platform.ChinaTime;
import org.youguan.statistics.internal.Aggregation;
import org.youguan.statistics.internal.ValueType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 年度目标与进度 list in the list idiom: search by indicator, whitelisted sorts (an unknown one is the catalogue's
 * order), pages and the .xlsx export read alike; a county reads its own region's targets only.
 */
@IntegrationTest
class TargetListIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Indicators indicators;

	@Autowired
	Targets targets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDirectory directory;

	String token;

	int year;

	@BeforeEach
	void twoTargetsOfTheirOwnIndicators() {
		token = "tl" + Long.toString(System.nanoTime(), 36);
		year = LocalDate.now(ChinaTime.ZONE).getYear();
		indicators.add(new Indicators.NewIndicator(token + ".a", "乙目标" + token, "件", ValueType.INTEGER, Aggregation.SUM,
				null, null, null), null);
		indicators.add(new Indicators.NewIndicator(token + ".b", "甲目标" + token, "件", ValueType.INTEGER, Aggregation.SUM,
				null, null, null), null);
		// set as a user sets them: the checked path, by an administrator of the region (昆山)
		CurrentUser admin = directory.principal("ks.admin").orElseThrow();
		targets.set(admin, "320583", year, token + ".a", new BigDecimal("100"), null);
		targets.set(admin, "320583", year, token + ".b", new BigDecimal("300"), null);
	}

	@AfterEach
	void remove() {
		jdbc.sql("DELETE FROM stat_target WHERE indicator_code LIKE :token").param("token", token + ".%").update();
		jdbc.sql("DELETE FROM stat_indicator WHERE code LIKE :token").param("token", token + ".%").update();
	}

	@Test
	void searchSortsPagesAndTheExportReadTheSameTargets() throws Exception {
		MockHttpSession kunshan = SignIn.session(mvc, "ks.admin");
		String export = "/statistics/targets/export.xlsx";
		List<List<String>> rows = ExportedRows.of(mvc, kunshan, export, "q", token);
		assertThat(rows.get(0)).startsWith("指标", "单位", "目标值", "增长目标（%）", "折算目标值");
		assertThat(ExportedRows.column(rows, 0)).as("the catalogue's order").containsExactly("乙目标" + token, "甲目标" + token);
		assertThat(ExportedRows.column(rows, 2)).containsExactly("100", "300");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, kunshan, export, "q", token, "sort", "value", "dir", "desc"), 0))
			.containsExactly("甲目标" + token, "乙目标" + token);
		assertThat(ExportedRows.column(ExportedRows.of(mvc, kunshan, export, "q", token, "sort", "value;drop", "dir", "desc"), 0))
			.as("an unknown sort is the default order").containsExactly("乙目标" + token, "甲目标" + token);
		assertThat(ExportedRows.column(ExportedRows.of(mvc, kunshan, export, "q", "甲目标" + token), 0))
			.containsExactly("甲目标" + token);
		mvc.perform(get("/statistics/targets").param("q", token).param("size", "1").param("page", "1").session(kunshan))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"target-" + token + ".b\"")))
			.andExpect(content().string(not(containsString("id=\"target-" + token + ".a\""))))
			.andExpect(content().string(containsString("id=\"targets-export\" href=\"/statistics/targets/export.xlsx")));
	}

	@Test
	void anotherCountyReadsNeitherThePageNorTheExportOfThisRegion() throws Exception {
		MockHttpSession xiangcheng = SignIn.session(mvc, "xc.staff");
		assertThat(ExportedRows.of(mvc, xiangcheng, "/statistics/targets/export.xlsx", "q", token)).hasSize(1);
		mvc.perform(get("/statistics/targets").param("region", "320583").session(xiangcheng))
			.andExpect(status().isForbidden());
		mvc.perform(get("/statistics/targets/export.xlsx").param("region", "320583").session(xiangcheng))
			.andExpect(status().isForbidden());
		mvc.perform(get("/statistics/targets/export.xlsx").param("year", "1999").session(xiangcheng))
			.andExpect(status().isBadRequest());
	}
}
