package org.youguan.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 "Done when": a screenshot in {@code target/screenshots/tour-*.png} of each page a user reaches that the
 * other browser tests do not already photograph, each visited as the user who works there; every page must render
 * (no error page) with every message found (no {@code ??key??}), and no English in the Chinese pages' headings; and a few
 * pages in English, to look at the lines composed from parameterised messages.
 */
class ScreenshotTourBrowserTest extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	record Stop(String name, String path) {
	}

	@Test
	void everyPageAUserReachesRendersAndIsPhotographed() throws Exception {
		List<String> problems = new ArrayList<>();

		browser.manage().deleteAllCookies();
		visit(new Stop("public-notices", "/public/complaints/notices"), problems);

		// records of the demo's that no other browser test changes, so the tour photographs the same ones whichever
		// classes ran before it: the first closed complaint (ComplaintBrowserTest closes the newest, its own) and the
		// first report waiting for review (StatisticsBrowserTest's report waits only until it approves it)
		long complaint = id("SELECT id FROM complaint WHERE region_code LIKE '3205%' ORDER BY status = 'CLOSED' DESC, id LIMIT 1");
		long report = id("SELECT id FROM stat_report WHERE region_code LIKE '3205%' ORDER BY status = 'SUBMITTED' DESC, id LIMIT 1");
		Browser.signIn(browser, url(""), "sz.market");
		for (Stop stop : List.of(new Stop("inbox", "/"), new Stop("complaint-queue", "/complaints"),
				new Stop("complaint-page", "/complaints/" + complaint), new Stop("complaint-figures", "/complaints/figures"),
				new Stop("statistics-analysis", "/statistics"), new Stop("statistics-reports", "/statistics/reports"),
				new Stop("statistics-report-review", "/statistics/reports/" + report),
				new Stop("statistics-completeness", "/statistics/completeness"),
				new Stop("statistics-targets", "/statistics/targets"), new Stop("statistics-catalogue", "/statistics/catalogue"),
				new Stop("workplans", "/workplans"), new Stop("filing-metrics", "/filing/metrics"),
				new Stop("notifications", "/notifications"))) {
			visit(stop, problems);
		}
		// the English pages read in English order (lines built from one message each, not from Chinese fragments)
		for (Stop stop : List.of(new Stop("complaint-page-en", "/complaints/" + complaint + "?lang=en"),
				new Stop("complaint-figures-en", "/complaints/figures?lang=en"),
				new Stop("statistics-completeness-en", "/statistics/completeness?lang=en"))) {
			visit(stop, problems, false);
		}
		browser.get(url("/?lang=zh_CN"));

		Browser.signIn(browser, url(""), "sz.admin");
		for (Stop stop : List.of(new Stop("audit", "/admin/audit"), new Stop("signins", "/admin/signins"),
				new Stop("bureaus", "/admin/bureaus"), new Stop("departments", "/admin/departments"),
				new Stop("roles", "/admin/roles"), new Stop("rules", "/admin/rules"), new Stop("regions", "/admin/regions"),
				new Stop("account-tokens", "/account/tokens"))) {
			visit(stop, problems);
		}

		// the demo enterprise's newest 绿色发展 quarterly report, a form no browser test reports (StatisticsBrowserTest
		// reports the monthly form's newest period)
		long ownReport = id("SELECT r.id FROM stat_report r JOIN stat_form f ON f.id = r.form_id WHERE f.code = 'green-care'"
				+ " AND r.credit_code = (SELECT credit_code FROM stat_report WHERE enterprise_name LIKE '%吴中顺丰%' LIMIT 1)"
				+ " ORDER BY r.period DESC, r.revision DESC LIMIT 1");
		Browser.signIn(browser, url(""), "sf.wz");
		for (Stop stop : List.of(new Stop("enterprise-statistics", "/enterprise/statistics"),
				new Stop("enterprise-report", "/enterprise/statistics/reports/" + ownReport),
				new Stop("enterprise-filings", "/enterprise/filings"), new Stop("enterprise-outlets", "/enterprise/outlets"),
				new Stop("enterprise-complaints", "/enterprise/complaints"))) {
			visit(stop, problems);
		}
		assertThat(problems).isEmpty();
	}

	long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	void visit(Stop stop, List<String> problems) throws Exception {
		visit(stop, problems, true);
	}

	void visit(Stop stop, List<String> problems, boolean chinese) throws Exception {
		browser.get(url(stop.path()));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> "complete".equals(browser.executeScript("return document.readyState")));
		Browser.screenshot(browser, "tour-" + stop.name());
		String source = browser.getPageSource();
		if (source.contains("id=\"error-detail\"")) {
			problems.add(stop.path() + ": error page");
		}
		if (source.contains("??")) {
			problems.add(stop.path() + ": a message key not found");
		}
		for (var heading : chinese ? browser.findElements(By.cssSelector("h1, h2, h3, th, .card-title, .nav-link"))
				: List.<WebElement>of()) {
			String text = heading.getText();
			if (text.matches(".*[A-Za-z]{5,}.*") && !text.matches(".*(English|Excel|YouGuan|Word|PDF|API|OpenAPI).*")) {
				problems.add(stop.path() + ": English in the Chinese page: " + text);
			}
		}
	}
}
