package org.youguan.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.TestImages;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone-sized window (390 px wide): a Wuzhong inspector records an inspection of the demo enterprise on the field
 * record form — team from the roster with certificate numbers, a result per checklist line, a photo, the
 * representative's signature drawn on the screen, outcome 责令改正 — without the page scrolling sideways, and issues
 * the 责令改正通知书 from the record; the enterprise replies with evidence on its portal; the inspector accepts.
 */
class InspectionFieldBrowserTest extends BrowserTest {

	@Autowired
	UserDirectory directory;

	@AfterEach
	void desktopAgain() {
		browser.manage().window().setSize(new Dimension(1366, 1000));
	}

	static void assertNoSidewaysScroll() {
		Object fits = browser.executeScript(
				"return document.documentElement.scrollWidth <= window.innerWidth + 1");
		assertThat(fits).as("the page fits the phone's width").isEqualTo(true);
	}

	@Test
	void anInspectorRecordsOnAPhoneIssuesTheOrderTheEnterpriseRepliesAndTheInspectorAccepts() throws Exception {
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		browser.manage().window().setSize(new Dimension(390, 844));
		Browser.signIn(browser, url(""), "wz.staff");
		browser.get(url("/inspections/records/new"));
		waitFor(By.id("record-form"));
		assertNoSidewaysScroll();
		new Select(browser.findElement(By.id("kind"))).selectByValue("SPECIAL");
		type("enterpriseCreditCode", sf);
		type("place", "顺丰吴中营业部");
		new Select(browser.findElement(By.id("inspector-0"))).selectByValue("32050601");
		new Select(browser.findElement(By.id("inspector-1"))).selectByValue("32050602");
		assertThat(browser.findElement(By.id("inspector-0")).getText()).contains("执法证号 32050601");
		click(By.cssSelector("label[for='check-REAL_NAME']"));
		assertThat(browser.findElement(By.id("item-REAL_NAME")).getDomAttribute("open")).as("checking an item opens its lines")
			.isNotNull();
		click(By.cssSelector("label[for='line-REAL_NAME-0-COMPLIANT']"));
		click(By.cssSelector("label[for='line-REAL_NAME-1-NONCOMPLIANT']"));
		click(By.cssSelector("label[for='line-REAL_NAME-2-NOT_APPLICABLE']"));
		type("findings", "实名信息系统上传不完整");
		Path dir = Files.createTempDirectory("inspection-photos");
		Path photo = Files.write(dir.resolve("现场照片.png"), TestImages.png(320, 240));
		browser.findElement(By.id("photos")).sendKeys(photo.toString());
		type("representative", "王店长");
		WebElement pad = browser.findElement(By.id("signature-pad"));
		browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", pad);
		new Actions(browser).moveToElement(pad, -100, 0).clickAndHold().moveByOffset(60, 20).moveByOffset(60, -30)
			.moveByOffset(50, 25).release().perform();
		click(By.cssSelector("label[for='outcome-RECTIFICATION']"));
		Browser.screenshot(browser, "inspection-record-phone");
		click(By.id("save-record"));

		waitFor(By.id("issue-order"));
		assertNoSidewaysScroll();
		assertThat(browser.findElement(By.id("team")).getText()).contains("陈吴中（执法证号 32050601）");
		assertThat(browser.findElements(By.cssSelector("#photos img.photo"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#photos .signature img"))).as("the drawn signature").hasSize(1);
		Boolean loaded = (Boolean) browser.executeScript(
				"var i = document.querySelector('#photos img.photo'); return i.complete && i.naturalWidth === 320");
		assertThat(loaded).as("the photo is served back to the inspector").isTrue();
		type("workingDays", "10");
		click(By.id("issue-order"));
		waitFor(By.id("order-number"));
		Browser.screenshot(browser, "inspection-order-phone");
		String number = browser.findElement(By.id("order-number")).getText();
		assertThat(number).startsWith("苏吴邮管责改〔");
		assertThat(browser.findElement(By.id("order-document")).getText()).endsWith(".docx");
		String orderPath = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/inspections/orders/"));
		String id = orderPath.substring(orderPath.lastIndexOf('/') + 1);

		Browser.signIn(browser, url(""), "sf.wz");
		browser.get(url("/enterprise/inspections/orders"));
		click(By.linkText(number));
		waitFor(By.id("submit-reply"));
		assertNoSidewaysScroll();
		type("report", "已补传全部实名信息并培训收寄人员");
		Path evidence = Files.write(dir.resolve("整改照片.jpg"), TestImages.jpeg(200, 150));
		browser.findElement(By.id("evidence")).sendKeys(evidence.toString());
		click(By.id("submit-reply"));
		waitFor(By.id("flash"));
		assertThat(browser.findElement(By.id("order-evidence")).getText()).contains("整改照片.jpg");

		Browser.signIn(browser, url(""), "wz.staff");
		browser.get(url("/inspections/orders/" + id));
		assertThat(browser.findElement(By.id("order-reply")).getText()).contains("已补传全部实名信息");
		click(By.id("accept-reply"));
		waitFor(By.id("flash"));
		assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("已验收");
		Browser.screenshot(browser, "inspection-order-accepted-phone");
	}
}
