package org.youguan.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.TestImages;
import org.youguan.documents.PdfFiles;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.licensing.Material;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserKind;
import org.youguan.org.Users;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's path through a real Chromium: an enterprise applies with its materials, the city bureau accepts, reviews
 * and verifies on site with a photo, the provincial bureau's leader approves, the enterprise finds its e-licence and the
 * public verify page confirms it.
 */
class LicensingBrowserTest extends BrowserTest {

	/** The password of the applicant's account this test makes. */
	static final String PASSWORD = "Browser#2026x";

	@Autowired
	Enterprises enterprises;

	@Autowired
	Users users;

	@Autowired
	TransactionTemplate tx;

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

		// an enterprise without a licence (one enterprise holds one licence: the demo's express companies hold theirs)
		String first17 = "91320506MA" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
		String code = first17 + CreditCode.checkCharacter(first17);
		String user = "lic.b" + code.substring(10, 17);
		enterprises.register(DataScope.all(), new EnterpriseData("苏州浏览器申请快递有限公司" + code.substring(10, 17), code,
				EnterpriseType.EXPRESS, null, "王示例", "吴中区浏览器路16号", "320506", "李联系", null), false);
		tx.executeWithoutResult(s -> users.provision(new UserData(user, "浏览器申请企业", UserKind.ENTERPRISE, null, null, code,
				null, EnumSet.of(Role.ENTERPRISE)), PASSWORD, false, false));

		Browser.signIn(browser, url(""), user, PASSWORD);
		browser.get(url("/licensing/applications/new"));
		new Select(browser.findElement(By.id("scope"))).selectByValue("PROVINCE");
		type("legalRepresentative", "王示例");
		type("safetySystem", "收寄验视、实名收寄、过机安检制度");
		type("serviceSystem", "服务质量管理与投诉处理制度");
		type("personnel", "从业人员30人，均经岗前培训");
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
		// two inspectors of the roster, each with the certificate the roster holds
		browser.findElement(By.name("inspector1")).sendKeys("林执法");
		browser.findElement(By.name("certificate1")).sendKeys("32050004");
		browser.findElement(By.name("inspector2")).sendKeys("冯安全");
		browser.findElement(By.name("certificate2")).sendKeys("32050002");
		browser.findElement(By.name("conclusion")).sendKeys("场所、设备和制度符合条件");
		browser.findElement(By.name("photos")).sendKeys(photo.toString());
		screenshot("licensing-verification");
		click(By.cssSelector("#verify-form button"));
		waitForText(By.id("application-status"), "已现场核查");

		signIn("js.leader");
		browser.get(page);
		click(By.cssSelector("#approve-form button"));
		waitForText(By.id("application-status"), "准予许可");

		Browser.signIn(browser, url(""), user, PASSWORD);
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
		assertThat(beside).contains("业务量");
		assertThat(browser.findElement(By.cssSelector("#errors li[data-field=businessVolume]")).getText()).isEqualTo(beside);
		assertThat(browser.findElement(By.id("revenue")).getAttribute("class")).contains("is-invalid");
		assertThat(browser.findElement(By.id("outlets")).getAttribute("class")).doesNotContain("is-invalid");
		screenshot("licensing-annual-report-refused");
	}
}
