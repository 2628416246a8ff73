package org.youguan.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.youguan.documents.PdfFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's path through a real Chromium: staff paste the notice (this year's, of a city of its own), map the
 * department the bureau calls otherwise, confirm, report a month's progress on a task (a report refused for a fake
 * image keeps its good file, text and percentage for the next submit), and the board counts it.
 */
class WorkPlanBrowserTest extends BrowserTest {

	@Test
	void pasteMapConfirmReportAndSeeTheBoard() throws Exception {
		String notice;
		try (var in = getClass().getResourceAsStream("/workplans/workplan-sample.txt")) {
			notice = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("示范市", "浏览器测试市")
				.replace("2025", Integer.toString(LocalDate.now(BrowserTest.CHINA).getYear()));
		}
		Browser.signIn(browser, url(""), "sz.market");
		browser.get(url("/workplans/import"));
		// pasting: the whole notice lands in the field at once
		browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("notice-text")), notice);
		click(By.id("preview-notice"));
		waitFor(By.id("mapping"));
		assertThat(browser.findElement(By.id("preview")).getText()).contains("推行快递业务经营许可");
		new Select(browser.findElement(By.name("map.市邮政业安全中心"))).selectByVisibleText("市邮政业安全发展中心");
		Browser.screenshot(browser, "workplan-import-preview");
		click(By.id("confirm-import"));
		waitFor(By.id("plan-status"));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("浏览器测试市").contains("市邮政业安全发展中心牵头");
		String planUrl = browser.getCurrentUrl();
		Browser.screenshot(browser, "workplan-plan");

		click(By.id("open-board"));
		waitFor(By.id("board-counts"));
		assertThat(browser.findElement(By.id("count-total")).getText()).isEqualTo("20");
		assertThat(browser.findElement(By.id("count-in-progress")).getText()).isEqualTo("0");

		browser.get(planUrl);
		click(By.partialLinkText("推行快递业务经营许可"));
		waitFor(By.id("report-progress"));
		type("text", "已完成系统对接，正在试运行");
		type("percent", "60");
		// issue 13 item 9: a report refused for a fake image keeps the good file, the text and the percentage
		Path dir = Files.createTempDirectory("progress-files");
		Path minutes = Files.write(dir.resolve("meeting-minutes.pdf"), PdfFiles.blankPage());
		Path fake = Files.writeString(dir.resolve("not-a-photo.png"), "not an image", StandardCharsets.US_ASCII);
		browser.findElement(By.id("attachments")).sendKeys(minutes + "\n" + fake);
		click(By.id("report-progress"));
		waitFor(By.id("held-attachments"));
		assertThat(browser.findElement(By.id("held-attachments")).getText()).contains("meeting-minutes.pdf")
			.doesNotContain("not-a-photo.png");
		assertThat(browser.findElement(By.id("text")).getAttribute("value")).isEqualTo("已完成系统对接，正在试运行");
		assertThat(browser.findElement(By.id("percent")).getAttribute("value")).isEqualTo("60");
		Browser.screenshot(browser, "workplan-progress-refused");
		click(By.id("report-progress"));
		waitForText(By.id("task-status"), "推进中");
		assertThat(browser.findElement(By.id("progress")).getText()).contains("已完成系统对接，正在试运行").contains("60%")
			.contains("meeting-minutes.pdf");
		assertThat(browser.findElements(By.id("held-attachments"))).isEmpty();

		browser.get(planUrl + "/board");
		waitFor(By.id("board-counts"));
		assertThat(browser.findElement(By.id("count-in-progress")).getText()).isEqualTo("1");
		assertThat(browser.findElement(By.id("by-department")).getText()).contains("市场监管处");
		Browser.screenshot(browser, "workplan-board");
	}
}
