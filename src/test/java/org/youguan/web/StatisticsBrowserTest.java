package org.youguan.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's path through a real Chromium: the county bureau reminds the demo enterprise of last month (催报) and the
 * reminder reaches the enterprise's notifications; the enterprise reports last month (the values of the month before, so
 * no jump needs explaining); the county bureau approves; the dashboard's chart and table count the new volume.
 */
class StatisticsBrowserTest extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEnterpriseReportsStaffApproveAndTheDashboardCountsIt() throws Exception {
		String month = YearMonth.now(BrowserTest.CHINA).minusMonths(1).toString();
		Browser.signIn(browser, url(""), "wz.staff");
		browser.get(url("/"));
		BigDecimal before = number(browser.findElement(By.cssSelector("#dashboard-trend td[data-month='" + month + "']")).getText());
		// 催报 at most once a day per enterprise and period (statistics.reminder-interval): the demo reminded this period
		// when it was loaded and other tests may have since; the county's reminder is this story's, so earlier ones go
		jdbc.sql("DELETE FROM stat_reminder WHERE period = :period").param("period", month).update();
		browser.get(url("/statistics/completeness?period=" + month));
		click(By.id("remind"));
		waitFor(By.id("flash"));
		YearMonth m = YearMonth.parse(month);
		String reminded = "催报：苏州市吴中区邮政管理局提醒您报送" + m.getYear() + "年" + m.getMonthValue() + "月";

		Browser.signIn(browser, url(""), "sf.wz");
		// the notification is written once the reminder has committed, by the event's listener
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
			d.get(url("/notifications"));
			return d.findElement(By.id("notifications")).getText().contains(reminded);
		});
		Browser.screenshot(browser, "enterprise-reminder");
		browser.get(url("/enterprise/statistics"));
		browser.findElement(By.id("open-monthly")).click();
		waitFor(By.id("report-form"));
		BigDecimal volume = BigDecimal.ZERO;
		for (WebElement input : browser.findElements(By.cssSelector("#report-lines input[name^='values.']"))) {
			String previous = input.findElement(By.xpath("ancestor::tr/td[@data-previous]")).getAttribute("data-previous");
			input.clear();
			input.sendKeys(previous);
			if (input.getAttribute("name").startsWith("values.express.volume.")) {
				volume = volume.add(new BigDecimal(previous));
			}
		}
		Browser.screenshot(browser, "statistics-report-form");
		click(By.id("report-submit"));
		waitForText(By.id("report-status"), "已报送");
		String reportUrl = browser.getCurrentUrl();
		String id = reportUrl.substring(reportUrl.lastIndexOf('/') + 1);

		Browser.signIn(browser, url(""), "wz.staff");
		browser.get(url("/statistics/reports?status=SUBMITTED"));
		assertThat(browser.findElement(By.id("stat-reports")).getText()).contains("苏州吴中顺丰快递服务有限公司");
		browser.get(url("/statistics/reports/" + id));
		click(By.id("report-approve"));
		waitForText(By.id("report-status"), "已审核");

		browser.get(url("/"));
		waitFor(By.cssSelector("#dashboard-chart canvas"));
		BigDecimal after = number(browser.findElement(By.cssSelector("#dashboard-trend td[data-month='" + month + "']")).getText());
		assertThat(after).isEqualByComparingTo(before.add(volume));
		Browser.screenshot(browser, "statistics-dashboard");
	}

	private static BigDecimal number(String text) {
		String t = text.replace(",", "").strip();
		return t.equals("—") ? BigDecimal.ZERO : new BigDecimal(t);
	}


}
