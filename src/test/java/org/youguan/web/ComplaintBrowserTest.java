package org.youguan.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.youguan.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's path through a real Chromium: a member of the public files a complaint; the county bureau accepts and
 * transfers it; the enterprise replies; the bureau records the call-back and closes; the public status page shows 办结.
 * The first submit is refused (issue 13 item 9) and keeps the evidence chosen with it: the corrected submit carries it.
 */
class ComplaintBrowserTest extends BrowserTest {

	@Test
	void aComplaintFromFilingToClosure() throws Exception {
		browser.manage().deleteAllCookies();
		browser.get(url("/public/complaints/new"));
		type("filerName", "浏览器测试");
		type("phone", "13912349876");
		new Select(browser.findElement(By.id("brand"))).selectByValue("顺丰");
		chooseRegion("region", "COUNTY", "吴中区");
		type("waybillNumber", "SF" + System.nanoTime() % 1_000_000_000L);
		date("postedOn", LocalDate.now(BrowserTest.CHINA).minusDays(15));
		date("priorDate", LocalDate.now(BrowserTest.CHINA).minusDays(9));
		type("priorChannel", "电话");
		new Select(browser.findElement(By.id("category"))).selectByValue("延误");
		type("description", "快件超过承诺时限五天仍未送达");
		Path evidence = Files.write(Files.createTempDirectory("evidence").resolve("evidence-kept.png"), TestImages.png(40, 30));
		browser.findElement(By.id("files")).sendKeys(evidence.toString());
		date("priorDate", LocalDate.now(BrowserTest.CHINA).minusDays(20));
		click(By.id("complaint-submit"));
		waitFor(By.id("held-evidence"));
		assertThat(browser.findElement(By.id("errors")).getText()).contains("向企业投诉的日期不能早于交寄日期");
		assertThat(browser.findElement(By.id("held-evidence")).getText()).contains("evidence-kept.png");
		Browser.screenshot(browser, "complaint-form-evidence-kept");
		date("priorDate", LocalDate.now(BrowserTest.CHINA).minusDays(9));
		Browser.screenshot(browser, "complaint-form");
		click(By.id("complaint-submit"));
		waitFor(By.id("complaint-number"));
		String number = browser.findElement(By.id("complaint-number")).getText();
		String code = browser.findElement(By.id("complaint-code")).getText();

		Browser.signIn(browser, url(""), "wz.staff");
		browser.get(url("/complaints?q=" + number));
		browser.findElement(By.linkText(number)).click();
		assertThat(browser.findElement(By.tagName("main")).getText()).as("the evidence kept across the refused submit")
			.contains("evidence-kept.png");
		click(By.id("transfer"));
		waitForText(By.id("complaint-status"), "已转办企业");
		String complaintUrl = browser.getCurrentUrl();
		String id = complaintUrl.substring(complaintUrl.lastIndexOf('/') + 1);

		Browser.signIn(browser, url(""), "sf.wz");
		browser.get(url("/enterprise/complaints/" + id));
		type("findings", "经查，快件在中转环节滞留");
		type("solution", "已安排派送并赔偿运费");
		type("compensation", "18");
		type("handler", "吴中客服");
		type("handlerPhone", "13800000009");
		click(By.id("reply-submit"));
		waitForText(By.id("complaint-status"), "企业已答复");

		Browser.signIn(browser, url(""), "wz.staff");
		browser.get(complaintUrl);
		new Select(browser.findElement(By.id("companySatisfaction"))).selectByValue("BASICALLY_SATISFIED");
		click(By.id("callback-reached"));
		waitForText(By.id("complaint-status"), "回访调解中");
		click(By.id("close"));
		waitForText(By.id("complaint-status"), "办结");

		browser.manage().deleteAllCookies();
		browser.get(url("/public/complaints/status"));
		type("status-number", number);
		type("status-code", code);
		click(By.id("status-search"));
		waitFor(By.id("status-label"));
		assertThat(browser.findElement(By.id("status-label")).getText()).isEqualTo("办结");
		assertThat(browser.findElement(By.id("complaint-status")).getText()).doesNotContain("13912349876").doesNotContain("浏览器测试");
		Browser.screenshot(browser, "complaint-status");
	}




}
