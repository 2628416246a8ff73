package org.youguan.web;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's draw through a real Chromium: staff open the plans, create a plan on the form (a plan without items is
 * refused with the reason and the typed name kept), freeze the population (its SHA-256 shown), record the seed with a
 * witness, draw — three targets, each with a team of two named inspectors — and publish.
 */
class InspectionPlanBrowserTest extends BrowserTest {

	@Test
	void staffCreateAPlanAndDrawItOnThePage() throws Exception {
		Browser.signIn(browser, url(""), "sz.market");
		browser.get(url("/inspections/plans"));
		click(By.id("new-plan"));
		waitFor(By.id("plan-form"));
		LocalDate start = LocalDate.now(BrowserTest.CHINA).withDayOfMonth(1).plusMonths(1);
		type("name", "浏览器测试双随机抽查");
		date("periodFrom", start);
		date("periodTo", start.plusMonths(3).minusDays(1));
		click(By.id("sampling-count"));
		type("sampleCount", "3");
		click(By.id("create-plan"));
		waitFor(By.id("errors"));
		assertThat(browser.findElement(By.id("errors")).getText()).contains("检查事项至少选择一项");
		assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("浏览器测试双随机抽查");
		Browser.screenshot(browser, "inspection-plan-form-refused");

		click(By.id("item-REAL_NAME"));
		click(By.id("item-SCREENING"));
		click(By.id("create-plan"));
		waitFor(By.id("plan-status"));
		assertThat(browser.findElement(By.id("plan-status")).getText()).isEqualTo("草稿");

		click(By.id("freeze"));
		waitFor(By.id("snapshot-hash"));
		assertThat(browser.findElement(By.id("snapshot-hash")).getText()).matches("[0-9a-f]{64}");
		type("seed", "BROWSER-2026-0417");
		type("witnesses", "孙局长、吴文书");
		click(By.id("record-seed"));
		waitFor(By.id("draw"));
		assertThat(browser.findElement(By.id("plan-seed")).getText()).isEqualTo("BROWSER-2026-0417");
		click(By.id("draw"));
		waitFor(By.id("targets"));
		assertThat(browser.findElements(By.cssSelector("#targets tbody tr"))).hasSize(3);
		assertThat(browser.findElements(By.cssSelector("#targets tbody tr td:nth-child(3) div")))
			.hasSize(6)
			.allSatisfy(team -> assertThat(team.getText()).matches("\\S+ \\d{8}"));
		Browser.screenshot(browser, "inspection-plan-drawn");

		click(By.id("publish"));
		waitForText(By.id("plan-status"), "已公示");
		assertThat(browser.findElement(By.id("flash")).getText()).isEqualTo("抽查计划已公示");
		Browser.screenshot(browser, "inspection-plan-published");
	}
}
