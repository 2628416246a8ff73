package org.youguan.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.youguan.TestImages;
import org.youguan.documents.PdfFiles;
import org.youguan.licensing.Material;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's path through a real Chromium: an enterprise applies with its materials, the city bureau accepts, reviews
 * and verifies on site with a photo, the provincial bureau's leader approves, the enterprise finds its e-licence and the
 * public verify page confirms it.
 */
class LicensingBrowserTest extends BrowserTest {

	void signIn(String username) {
		Browser.signIn(browser, url(""), username);
	}

	void screenshot(String name) throws Exception {
		Browser.screenshot(browser, name);
	}

	@Test
	void anEnterpriseAppliesTheCityVerifiesTheProvinceApprovesAndThePublicVerifiesTheLicence() throws Exception {
		Path dir = Files.createTempDirectory("licensing");
		Path pdf = Files.write(dir.resolve("material.pdf"), PdfFiles.blankPage());
		Path photo = Files.write(dir.resolve("site.png"), TestImages.png(80, 60));

		signIn("sf.wz");
		browser.get(url("/licensing/applications/new"));
		new Select(browser.findElement(By.id("scope"))).selectByValue("PROVINCE");
		type("registeredCapital", "600000");
		type("premisesAddress", "吴中区浏览器路16号");
		type("regionCode", "320506");
		type("serviceArea", "苏州市");
		for (Material m : Material.values()) {
			if (m != Material.BRANCH_LIST) {
				browser.findElement(By.id("m-" + m.name())).sendKeys(pdf.toString());
			}
		}
		screenshot("licensing-form");
		click(By.id("submit-application"));
		waitForText(By.id("application-status"), "待受理");
		String page = browser.getCurrentUrl();

		signIn("sz.admin");
		browser.get(page);
		click(By.cssSelector("#accept-form button"));
		waitForText(By.id("application-status"), "已受理");
		type("review-opinion", "材料齐全，符合法定形式");
		click(By.cssSelector("#review-form button"));
		waitForText(By.id("application-status"), "已初审");
		browser.findElement(By.name("inspector1")).sendKeys("林执法");
		browser.findElement(By.name("inspector2")).sendKeys("冯安全");
		browser.findElement(By.name("conclusion")).sendKeys("场所、设备和制度符合条件");
		browser.findElement(By.name("photos")).sendKeys(photo.toString());
		screenshot("licensing-verification");
		click(By.cssSelector("#verify-form button"));
		waitForText(By.id("application-status"), "已现场核查");

		signIn("js.leader");
		browser.get(page);
		click(By.cssSelector("#approve-form button"));
		waitForText(By.id("application-status"), "准予许可");

		signIn("sf.wz");
		browser.get(page);
		assertThat(browser.findElement(By.id("certificate-link")).getAttribute("href")).contains("/attachments/");
		String licence = browser.findElement(By.id("licence")).getText();
		screenshot("licensing-approved");
		click(By.id("verify-link"));
		waitFor(By.id("verify-result"));
		assertThat(browser.findElement(By.id("verify-result")).getAttribute("data-valid")).isEqualTo("true");
		assertThat(browser.findElement(By.id("verify-result")).getText()).contains("有效").contains(licence.split(" ")[0]);
		screenshot("licensing-verify");
	}

	@Test
	void aRefusedAnnualReportComesBackWithWhatWasTypedAndEachErrorBesideItsField() throws Exception {
		signIn("sz.admin");
		browser.get(url("/licensing/annual-reports"));
		type("creditCode", "91320506MA1LX00000");
		type("businessVolume", "12.5");
		type("revenue", "-3");
		type("outlets", "4");
		type("staff", "30");
		click(By.cssSelector("#annual-report-form button[type=submit]"));
		waitFor(By.cssSelector("#businessVolume.is-invalid"));
		assertThat(browser.findElement(By.id("businessVolume")).getAttribute("value")).isEqualTo("12.5");
		assertThat(browser.findElement(By.id("staff")).getAttribute("value")).isEqualTo("30");
		// the message beside the field is the one the list at the top gives for it
		String beside = browser.findElement(By.cssSelector("#businessVolume + .invalid-feedback")).getText();
		assertThat(beside).contains("businessVolume");
		assertThat(browser.findElement(By.cssSelector("#errors li[data-field=businessVolume]")).getText()).isEqualTo(beside);
		assertThat(browser.findElement(By.id("revenue")).getAttribute("class")).contains("is-invalid");
		assertThat(browser.findElement(By.id("outlets")).getAttribute("class")).doesNotContain("is-invalid");
		screenshot("licensing-annual-report-refused");
	}
}
