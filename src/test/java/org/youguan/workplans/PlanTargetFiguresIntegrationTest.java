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
			assertThat(onPlan).as(code + " on the plan page").matches("\\d+(\\.\\d)?%");
			assertThat(onPlan).as(code + ": plan page and target page").isEqualTo(completion(targetPage, code));
			assertThat(planPage.getElementById("target-" + code).text()).doesNotContain("与计划文本不一致");
		}
		BigDecimal volume = new BigDecimal(completion(planPage, "express.volume").replace("%", ""));
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
				.isEqualTo(targets.progress(DataScope.region("3205"), "3205", year, through, "express.revenue")
					.orElseThrow().completion() + "%");
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
		}
		// finding (the targets' caveat stayed Chinese in English): worded by stat.caveat with its month and counts
		for (String url : List.of("/workplans/" + demoPlan(year), "/statistics/targets?region=3205&year=" + year)) {
			Element row = page(admin, url + (url.contains("?") ? "&" : "?") + "lang=en").getElementById("target-express.volume");
			assertThat(row.selectFirst(".target-caveat").text()).as(url).startsWith("Incomplete data: " + through + " ")
				.doesNotContain("数据不完整", "已审核");
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

	private static String completion(Document page, String code) {
		Element row = page.getElementById("target-" + code);
		assertThat(row).as("row of " + code).isNotNull();
		return row.selectFirst(".target-completion").text().strip();
	}
}
