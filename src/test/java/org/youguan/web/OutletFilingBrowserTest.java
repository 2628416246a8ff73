package org.youguan.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.youguan.documents.PdfFiles;
import org.youguan.kernel.IdCardNumber;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3's path through a real Chromium: an enterprise user files an outlet with attachments; the county bureau's
 * staff approve it; the public lookup finds the filed outlet.
 */
class OutletFilingBrowserTest extends BrowserTest {

	void signIn(String username) {
		Browser.signIn(browser, url(""), username);
	}


	@Test
	void anEnterpriseFilesStaffApproveAndThePublicFindsTheOutlet() throws Exception {
		Path pdf = Files.createTempFile("licence", ".pdf");
		Files.write(pdf, PdfFiles.blankPage());
		String name = "顺丰驿站（浏览器测试" + UUID.randomUUID().toString().substring(0, 4) + "店）";
		String first17 = "32050619900101" + String.format("%03d", (int) (Math.random() * 1000));

		signIn("sf.wz");
		browser.get(url("/enterprise/filings/new"));
		type("name", name);
		chooseRegion("regionCode", "STREET", "长桥街道");
		type("address", "江苏省苏州市吴中区长桥街道浏览器路1号");
		// a date input's typing format depends on the browser's locale: set the ISO value directly
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
				browser.findElement(By.id("openedOn")), LocalDate.now(BrowserTest.CHINA).minusDays(3).toString());
		type("storageArea", "45");
		type("managerName", "测试负责人");
		type("managerIdNumber", first17 + IdCardNumber.checkCharacter(first17));
		type("managerPhone", "13912345678");
		browser.findElement(By.id("businessLicenceFile")).sendKeys(pdf.toString());
		browser.findElement(By.id("managerIdFile")).sendKeys(pdf.toString());
		browser.findElement(By.id("photoFiles")).sendKeys(pdf.toString());
		screenshot("filing-form");
		click(By.id("submit-filing"));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("filing-status")));
		assertThat(browser.findElement(By.id("filing-status")).getText()).isEqualTo("待办理");
		String id = first17 + IdCardNumber.checkCharacter(first17);
		assertThat(browser.findElement(By.id("outlet-proposed")).getText()).as("the enterprise sees what it filed")
			.contains("江苏省苏州市吴中区长桥街道浏览器路1号", "测试负责人", "139****5678", "45", "加盟")
			.doesNotContain(id);
		String filingUrl = browser.getCurrentUrl();
		String filingId = filingUrl.substring(filingUrl.lastIndexOf('/') + 1);

		signIn("wz.staff");
		browser.get(url("/filing/queue"));
		assertThat(browser.findElement(By.id("filing-queue")).getText()).contains(name);
		screenshot("filing-queue");
		browser.get(url("/filing/" + filingId));
		// issue 13 item 1: the reviewer sees everything the decision is about before approving
		String proposed = browser.findElement(By.id("outlet-proposed")).getText();
		assertThat(proposed).contains("江苏省苏州市吴中区长桥街道浏览器路1号", "长桥街道", LocalDate.now(BrowserTest.CHINA).minusDays(3).toString(),
				"测试负责人", id.substring(0, 6) + "********" + id.substring(14), "139****5678", "45", "五项设施", "通信设施",
				"货架", "视频监控", "品牌标识", "加盟").doesNotContain(id).doesNotContain("13912345678");
		screenshot("filing-review");
		click(By.id("approve"));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("filing-status"), "已备案"));
		String number = browser.findElement(By.id("filing-number")).getText();
		assertThat(number).startsWith("网点备案-320506-");
		screenshot("filing-approved");

		browser.manage().deleteAllCookies();
		browser.get(url("/public/lookup?region=320506&brand=%E9%A1%BA%E4%B8%B0&page=0"));
		// the registry adds the outlet when it hears the decision, just after the approval commits
		String results = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
			String found = findOnPublicPages(name);
			return found.isEmpty() ? null : found;
		});
		assertThat(results).contains(name).contains(number).doesNotContain("13912345678");
		// not "public-lookup": HomeBrowserTest photographs the licence lookup under that name
		screenshot("public-lookup-outlet");
	}

	/**
	 * Issue 13 item 9: a filing refused for a wrong ID number comes back with its three files listed as uploaded; the
	 * corrected form is submitted without choosing them again, and the filing carries them.
	 */
	@Test
	void aRefusedFilingKeepsItsFilesAndTheCorrectedSubmitCarriesThem() throws Exception {
		Path dir = Files.createTempDirectory("filing-files");
		Path licence = Files.write(dir.resolve("licence-kept.pdf"), PdfFiles.blankPage());
		Path id = Files.write(dir.resolve("manager-id-kept.pdf"), PdfFiles.blankPage());
		Path photo = Files.write(dir.resolve("shopfront-kept.pdf"), PdfFiles.blankPage());
		String name = "顺丰驿站（附件保留" + UUID.randomUUID().toString().substring(0, 4) + "店）";
		String first17 = "32050619900101" + String.format("%03d", (int) (Math.random() * 1000));

		signIn("sf.wz");
		browser.get(url("/enterprise/filings/new"));
		type("name", name);
		chooseRegion("regionCode", "STREET", "长桥街道");
		type("address", "江苏省苏州市吴中区长桥街道附件路2号");
		date("openedOn", LocalDate.now(BrowserTest.CHINA).minusDays(3));
		type("storageArea", "30");
		type("managerName", "测试负责人");
		char check = IdCardNumber.checkCharacter(first17);
		type("managerIdNumber", first17 + (check == '1' ? '2' : '1'));
		type("managerPhone", "13912345678");
		browser.findElement(By.id("businessLicenceFile")).sendKeys(licence.toString());
		browser.findElement(By.id("managerIdFile")).sendKeys(id.toString());
		browser.findElement(By.id("photoFiles")).sendKeys(photo.toString());
		click(By.id("submit-filing"));

		waitFor(By.id("held-attachments"));
		assertThat(browser.findElement(By.cssSelector("#errors li[data-field='managerIdNumber']")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("held-attachments")).getText()).contains("licence-kept.pdf")
			.contains("manager-id-kept.pdf").contains("shopfront-kept.pdf");
		screenshot("filing-form-files-kept");

		// personal numbers are not echoed back into a page: typed again
		type("managerIdNumber", first17 + IdCardNumber.checkCharacter(first17));
		type("managerPhone", "13912345678");
		click(By.id("submit-filing"));
		waitFor(By.id("filing-status"));
		assertThat(browser.findElement(By.id("filing-status")).getText()).isEqualTo("待办理");
		String page = browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains("licence-kept.pdf").contains("manager-id-kept.pdf").contains("shopfront-kept.pdf");
		screenshot("filing-with-kept-files");
	}

	/** Pages through the public outlet list until the outlet appears (it is sorted by region). */
	private String findOnPublicPages(String name) {
		for (int page = 0; page < 50; page++) {
			browser.get(url("/public/lookup?region=320506001&brand=%E9%A1%BA%E4%B8%B0&page=" + page));
			String text = browser.findElement(By.id("outlet-results")).getText();
			if (text.contains(name)) {
				return text;
			}
		}
		return "";
	}

	static void screenshot(String name) throws Exception {
		Browser.screenshot(browser, name);
	}
}
