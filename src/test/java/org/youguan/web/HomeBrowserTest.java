package org.youguan.web;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 items 4, 6 and 8 in a real Chromium. The public: the home page at {@code /} links the lookup, 我要申诉,
 * 申诉查询 and the published notices, and every public page leads back to it. A clerk: 我的待办 first, most urgent
 * queue first, each queue opening on its open items by due date, with 待办 / 已办结 / 全部 to switch. An enterprise:
 * its own home without bureau counters; the bureau's 催报 among its notices. Screenshots in target/screenshots.
 */
class HomeBrowserTest extends BrowserTest {

	@Test
	void thePublicStartsAtTheHomeAndFindsEverythingFromThere() throws Exception {
		browser.manage().deleteAllCookies();
		browser.get(url("/"));
		waitFor(By.id("public-home"));
		assertThat(browser.findElements(By.cssSelector("input[type=password]"))).isEmpty();
		List<WebElement> notices = browser.findElements(By.cssSelector("#home-notices a.list-group-item"));
		assertThat(notices).isNotEmpty();
		assertThat(notices.get(0).getText()).contains("申诉情况通告");
		Browser.screenshot(browser, "public-home");

		// a published notice, and back home from it
		click(By.cssSelector("#home-notices a.list-group-item"));
		waitFor(By.id("public-home-link"));
		assertThat(browser.getPageSource()).contains("邮政业用户申诉情况通告");
		Browser.screenshot(browser, "public-notice");
		click(By.id("public-home-link"));
		waitFor(By.id("public-home"));

		// the licence lookup from the home page's form, with its links to the complaint pages
		type("home-licence-query", "顺丰");
		click(By.id("home-licence-search"));
		waitFor(By.id("licence-results"));
		assertThat(browser.getCurrentUrl()).contains("/public/lookup");
		assertThat(browser.findElement(By.id("lookup-complain")).getAttribute("href")).endsWith("/public/complaints/new");
		assertThat(browser.findElement(By.id("lookup-status")).getAttribute("href")).endsWith("/public/complaints/status");
		assertThat(browser.findElement(By.id("lookup-notices")).getAttribute("href")).endsWith("/public/complaints/notices");
		Browser.screenshot(browser, "public-lookup");
		click(By.id("lookup-complain"));
		waitFor(By.id("complaint-submit"));
		click(By.id("public-home-link"));
		waitFor(By.id("public-home"));

		// the status page speaks to the public
		type("home-status-number", "申诉-320506-2026-999999");
		type("home-status-code", "000000");
		click(By.id("home-status-search"));
		waitFor(By.id("errors"));
		assertThat(browser.findElement(By.id("errors")).getText()).contains("未找到该申诉，请核对申诉编号和查询码")
			.doesNotContain("数据权限");

		// on a phone
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			browser.get(url("/"));
			waitFor(By.id("public-home"));
			Long overflow = (Long) browser.executeScript(
					"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow).isLessThanOrEqualTo(0L);
			Browser.screenshot(browser, "public-home-mobile");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1366, 1000));
		}
	}

	@Test
	void aClerkStartsWithHerQueuesMostUrgentFirstEachOpeningOnWhatIsOpen() throws Exception {
		Browser.signIn(browser, url(""), "wz.staff");
		WebElement inbox = browser.findElement(By.id("my-queues"));
		assertThat(inbox.getText()).startsWith("我的待办").contains("待办理的网点备案").contains("待受理转办的申诉");
		// the inbox comes before the figures
		assertThat((Boolean) browser.executeScript("return arguments[0].compareDocumentPosition(arguments[1]) "
				+ "& Node.DOCUMENT_POSITION_FOLLOWING ? true : false;", inbox, browser.findElement(By.id("count-users"))))
			.isTrue();
		List<WebElement> queues = browser.findElements(By.cssSelector("#my-queues .work-queue"));
		boolean seenWithoutOverdue = false;
		for (WebElement q : queues) {
			long overdue = Long.parseLong(q.getAttribute("data-overdue"));
			assertThat(overdue > 0 && seenWithoutOverdue).as("overdue queue after a queue without").isFalse();
			seenWithoutOverdue |= overdue == 0;
		}
		Browser.screenshot(browser, "staff-home");

		WebElement filings = browser.findElement(By.cssSelector("#my-queues .work-queue[data-queue='filing.review']"));
		long count = Long.parseLong(filings.getAttribute("data-count"));
		assertThat(count).isPositive();
		click(By.cssSelector("#my-queues .work-queue[data-queue='filing.review'] .queue-link"));
		waitFor(By.id("filing-queue"));
		assertThat(browser.findElement(By.id("work-state-OPEN")).getAttribute("class")).contains("active");
		List<WebElement> rows = browser.findElements(By.cssSelector("#filing-queue tbody tr"));
		assertThat(rows).hasSize((int) Math.min(count, 20));
		assertThat(browser.findElement(By.id("filing-queue")).getText()).doesNotContain("已备案");
		Browser.screenshot(browser, "filing-queue-open");
		click(By.id("work-state-DONE"));
		waitFor(By.cssSelector("#work-state-DONE.active"));
		assertThat(browser.findElement(By.id("filing-queue")).getText()).contains("已备案").doesNotContain("待办理");

		// the complaint queue without parameters: open ones, nearest step due first
		browser.get(url("/complaints"));
		waitFor(By.id("complaint-queue"));
		assertThat(browser.findElement(By.id("work-state-OPEN")).getAttribute("class")).contains("active");
		assertThat(browser.findElement(By.id("complaint-queue")).getText()).doesNotContain("办结");
		Browser.screenshot(browser, "complaint-queue-open");

		// 已办: what she handled, linked to it
		browser.get(url("/"));
		click(By.cssSelector("#my-queues .work-queue[data-queue='filing.review'] .queue-items a"));
		waitFor(By.id("approve"));
		click(By.id("approve"));
		waitFor(By.id("flash"));
		String filingUrl = browser.getCurrentUrl();
		browser.get(url("/"));
		assertThat(Long.parseLong(browser.findElement(By.cssSelector("#my-queues .work-queue[data-queue='filing.review']"))
			.getAttribute("data-count"))).isEqualTo(count - 1);
		WebElement done = browser.findElement(By.cssSelector("#my-done a"));
		assertThat(done.getText()).contains("准予");
		assertThat(done.getAttribute("href")).isEqualTo(filingUrl);
		Browser.screenshot(browser, "staff-home-done");
	}

	@Test
	void anEnterpriseSeesItsOwnHomeAndTheBureausReminder() throws Exception {
		// the city bureau's reminder of the period now being reported, which the demo enterprise had not sent when the
		// demo was loaded (the bureau reminding it from the completeness page is StatisticsBrowserTest's story: it
		// reports the period there, and the classes run in either order)
		YearMonth month = YearMonth.now(BrowserTest.CHINA).minusMonths(1);
		String reminded = month.getYear() + "年" + month.getMonthValue() + "月";
		Browser.signIn(browser, url(""), "sf.wz");
		browser.get(url("/notifications"));
		assertThat(browser.findElement(By.id("notifications")).getText()).contains("催报：苏州市邮政管理局提醒您报送" + reminded);
		// the newest notice (other browser tests may have transferred complaints to this enterprise since the reminder)
		String newest = browser.findElement(By.cssSelector("#notifications tbody tr td:nth-child(2)")).getText();
		Browser.screenshot(browser, "enterprise-notifications");

		browser.get(url("/"));
		assertThat(browser.getTitle()).contains("企业服务");
		String page = browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains("我的待办").contains("待本企业答复的申诉").contains("邮政管理部门通知")
			.doesNotContain("辖区用户").doesNotContain("辖区机构");
		assertThat(browser.findElement(By.id("bureau-notifications")).getText()).as("the home shows the newest notices")
			.contains(newest);
		Browser.screenshot(browser, "enterprise-home");

		click(By.cssSelector("#my-queues .work-queue[data-queue='complaint.reply'] .queue-link"));
		waitFor(By.id("enterprise-complaints"));
		assertThat(browser.findElement(By.id("filter-chip")).getText()).contains("待企业答复");
		Browser.screenshot(browser, "enterprise-complaints-awaiting");
	}
}
