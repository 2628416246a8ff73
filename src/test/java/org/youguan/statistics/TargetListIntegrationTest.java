package org.youguan.statistics;

import java.math.BigDecimal;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
		// an order the list does not have is refused naming it (kernel.Listing), never answered in another order
		mvc.perform(get(export).session(kunshan).param("q", token).param("sort", "value;drop").param("dir", "desc"))
			.andExpect(status().isBadRequest());
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

	/**
	 * Rates are shown as every statistics page shows them ({@code Indicator.shown}: 2 decimals, rounded down): the
	 * target page wrote them as whole numbers rounded up (attack: formatDecimal with 0 digits), and the analysis exports
	 * wrote 4-decimal cells under a 2-decimal style, which Excel rounds up where the page rounds down.
	 */
	@Test
	void ratesAreShownRoundedDownToTwoDecimalsOnTheTargetPageAndInTheAnalysisExports() throws Exception {
		YearMonth month = YearMonth.now(ChinaTime.ZONE).minusMonths(1);
		Indicator rate = indicators.get("green.ewaybill.rate");
		CurrentUser admin = directory.principal("ks.admin").orElseThrow();
		try {
			targets.set(admin, "320583", month.getYear(), rate.code(), new BigDecimal("99.5"), null);
			MockHttpSession kunshan = SignIn.session(mvc, "ks.admin");
			Document page = Jsoup.parse(mvc.perform(get("/statistics/targets").param("region", "320583")
				.param("year", String.valueOf(month.getYear())).param("q", rate.code()).session(kunshan))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
			Element row = page.getElementById("target-" + rate.code());
			assertThat(row.child(1).text()).isEqualTo("99.50 %");
			Targets.Progress progress = targets.progress(org.youguan.kernel.DataScope.region("320583"), "320583",
					month.getYear(), month, rate.code()).orElseThrow();
			assertThat(progress.yearToDate()).isNotNull();
			assertThat(row.child(2).text()).isEqualTo(rate.shown(progress.yearToDate()).toPlainString());
		}
		finally {
			jdbc.sql("DELETE FROM stat_target WHERE region_code = '320583' AND indicator_code = :code AND year = :year")
				.param("code", rate.code()).param("year", month.getYear()).update();
		}
		MockHttpSession city = SignIn.session(mvc, "sz.market");
		byte[] xlsx = mvc.perform(get("/statistics/export/regions.xlsx").session(city).param("indicator", rate.code())
			.param("region", "3205").param("year", String.valueOf(month.getYear()))
			.param("through", String.valueOf(month.getMonthValue())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		List<BigDecimal> cells = new java.util.ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row r : book.getSheetAt(0)) {
				// 排名 and 名称 before the figure
				if (r.getRowNum() > 0 && r.getCell(2) != null && r.getCell(2).getCellType() == CellType.NUMERIC) {
					cells.add(BigDecimal.valueOf(r.getCell(2).getNumericCellValue()));
				}
			}
		}
		assertThat(cells).isNotEmpty().allSatisfy(v -> assertThat(v.stripTrailingZeros().scale()).isLessThanOrEqualTo(2));
	}
}

