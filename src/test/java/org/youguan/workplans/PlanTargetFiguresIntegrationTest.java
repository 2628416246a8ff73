package org.youguan.workplans;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.org.UserDirectory;
import org.youguan.platform.ChinaTime;
import org.youguan.statistics.Targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 item 2: a work plan's main targets and the statistics target page show one figure per indicator, region and
 * year — the statistics module's — and the demo city's targets fit its volumes.
 */
@IntegrationTest
class PlanTargetFiguresIntegrationTest {

	static final List<String> MAIN = List.of("postal.total", "postal.revenue", "express.volume", "express.revenue");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	WorkPlans plans;

	@Autowired
	Targets targets;

	@Autowired
	UserDirectory directory;

	@Test
	void thePlanPageAndTheTargetPageShowTheSameCompletionForEachIndicator() throws Exception {
		clock.set(LocalDateTime.now(ChinaTime.ZONE));
		int year = YearMonth.now(clock).minusMonths(1).getYear();
		long plan = demoPlan(year);
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		Document planPage = page(admin, "/workplans/" + plan);
		Document targetPage = page(admin, "/statistics/targets?region=3205&year=" + year);
		for (String code : MAIN) {
			String onPlan = completion(planPage, code);
			// over incomplete data (a month still being reported) the completion is 不可比, as the progress says
			assertThat(onPlan).as(code + " on the plan page").isEqualTo(shown(targets.progress(DataScope.region("3205"),
					"3205", year, YearMonth.now(clock).minusMonths(1), code).orElseThrow())).matches("\\d+(\\.\\d)?%|不可比");
			assertThat(onPlan).as(code + ": plan page and target page").isEqualTo(completion(targetPage, code));
			assertThat(planPage.getElementById("target-" + code).text()).doesNotContain("与计划文本不一致");
		}
		// the year to date against the target, whether or not the data is complete enough for the completion shown
		Targets.Progress expressVolume = targets.progress(DataScope.region("3205"), "3205", year,
				YearMonth.now(clock).minusMonths(1), "express.volume").orElseThrow();
		BigDecimal volume = expressVolume.yearToDate().movePointRight(2)
			.divide(expressVolume.effectiveTarget(), 1, java.math.RoundingMode.DOWN);
		assertThat(volume).as("the demo's express target fits its volumes (not a third of them)")
			// a target three times off reads about 33 % or 330 %; a year's volumes may pass a fitting target by December
			.isBetween(new BigDecimal("40"), new BigDecimal("150"));
	}

	@Test
	void aTargetChangedInStatisticsIsWhatThePlanShows() throws Exception {
		clock.set(LocalDateTime.now(ChinaTime.ZONE));
		YearMonth through = YearMonth.now(clock).minusMonths(1);
		int year = through.getYear();
		long plan = demoPlan(year);
		Targets.Progress before = targets.progress(DataScope.region("3205"), "3205", year, through, "express.revenue")
			.orElseThrow();
		try {
			targets.set(directory.principal("sz.admin").orElseThrow(), "3205", year, "express.revenue",
					before.targetValue().multiply(BigDecimal.valueOf(2)), null);
			MockHttpSession admin = SignIn.session(mvc, "sz.admin");
			Document planPage = page(admin, "/workplans/" + plan);
			assertThat(completion(planPage, "express.revenue"))
				.isEqualTo(completion(page(admin, "/statistics/targets?region=3205&year=" + year), "express.revenue"))
				.isEqualTo(shown(targets.progress(DataScope.region("3205"), "3205", year, through, "express.revenue")
					.orElseThrow()));
			assertThat(planPage.getElementById("target-express.revenue").text()).contains("与计划文本不一致");
		}
		finally {
			targets.set(directory.principal("sz.admin").orElseThrow(), "3205", year, "express.revenue",
					before.targetValue(), before.targetGrowth());
		}
	}

	/**
	 * Attack finding: while a month of the year to date is still being reported, a target's completion is no verdict —
	 * the plan page and the target page mark it 数据不完整 naming the month instead of 进度滞后, and the progress says so.
	 */
	@Test
	void aYearToDateStillBeingReportedIsMarkedIncompleteNotBehind() throws Exception {
		clock.set(LocalDateTime.now(ChinaTime.ZONE));
		YearMonth through = YearMonth.now(clock).minusMonths(1);
		int year = through.getYear();
		Targets.Progress volume = targets.progress(DataScope.region("3205"), "3205", year, through, "express.volume")
			.orElseThrow();
		assertThat(volume.complete()).isFalse();
		assertThat(volume.caveat()).startsWith("数据不完整：" + through.getYear() + "年" + through.getMonthValue() + "月已审核");
		// attack 5: a growth from incomplete data is no number on the page or in the export
		assertThat(volume.growth()).isNull();
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		for (Document page : List.of(page(admin, "/workplans/" + demoPlan(year)),
				page(admin, "/statistics/targets?region=3205&year=" + year))) {
			Element row = page.getElementById("target-express.volume");
			assertThat(row.selectFirst(".target-pace").text()).isEqualTo("数据不完整");
			assertThat(row.selectFirst(".target-caveat").text()).isEqualTo(volume.caveat());
			// finding (a completion over incomplete data printed beside the caveat): 不可比, as the growth is
			assertThat(row.selectFirst(".target-completion").text()).isEqualTo("不可比");
		}
		assertThat(volume.completion()).as("no completion from incomplete data").isNull();
		assertThat(volume.completionNotComparable()).isTrue();
		byte[] export = mvc.perform(get("/statistics/targets/export.xlsx?region=3205&year=" + year).session(admin))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(export))) {
			org.apache.poi.ss.usermodel.DataFormatter cells = new org.apache.poi.ss.usermodel.DataFormatter();
			int column = -1;
			String completion = null;
			for (org.apache.poi.ss.usermodel.Row r : book.getSheetAt(0)) {
				for (org.apache.poi.ss.usermodel.Cell c : r) {
					if ("完成进度（%）".equals(cells.formatCellValue(c))) {
						column = c.getColumnIndex();
					}
				}
				if (column >= 0 && r.getCell(0) != null && volume.indicatorName().equals(cells.formatCellValue(r.getCell(0)))) {
					completion = cells.formatCellValue(r.getCell(column));
				}
			}
			assertThat(completion).as("the export's completion of %s", volume.indicatorName()).isEqualTo("不可比");
		}
		// finding (the targets' caveat stayed Chinese in English): worded by stat.caveat with its month and counts
		for (String url : List.of("/workplans/" + demoPlan(year), "/statistics/targets?region=3205&year=" + year)) {
			Element row = page(admin, url + (url.contains("?") ? "&" : "?") + "lang=en").getElementById("target-express.volume");
			assertThat(row.selectFirst(".target-caveat").text()).as(url).startsWith("Incomplete data: " + through + " ")
				.doesNotContain("数据不完整", "已审核");
			assertThat(row.selectFirst(".target-completion").text()).as(url).isEqualTo("Not comparable");
		}
		Targets.Progress lastYear = targets.progress(DataScope.region("3205"), "3205", year - 1, YearMonth.of(year - 1, 12),
				"express.volume").orElse(null);
		// a closed year of the demo is complete; reporters other tests register in 苏州 (operating since 2001, reporting
		// nothing) make it incomplete in the shared database once enough of them ran before this test: then it says so,
		// with no growth, as the year to date does
		if (lastYear != null && lastYear.complete()) {
			assertThat(lastYear.caveat()).as("a complete year has no caveat").isNullOrEmpty();
		}
		else if (lastYear != null) {
			assertThat(lastYear.caveat()).startsWith("数据不完整：" + (year - 1) + "年");
			assertThat(lastYear.growth()).isNull();
		}
	}

	private long demoPlan(int year) {
		return plans.list(DataScope.region("3205")).stream()
			.filter(p -> p.year() == year && p.title().contains("苏州市") && !p.draft())
			.mapToLong(WorkPlans.PlanSummary::id)
			.min()
			.orElseThrow();
	}

	private Document page(MockHttpSession session, String url) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}

	/** The completion as the pages show it: 不可比 over incomplete data, else the percentage. */
	private static String shown(Targets.Progress progress) {
		return progress.completionNotComparable() ? "不可比" : progress.completion() + "%";
	}

	private static String completion(Document page, String code) {
		Element row = page.getElementById("target-" + code);
		assertThat(row).as("row of " + code).isNotNull();
		return row.selectFirst(".target-completion").text().strip();
	}
}
