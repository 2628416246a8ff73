package org.youguan.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 5 through a real Chromium: a citizen chooses where the problem happened from the region picker —
 * 江苏省 → 苏州市 → 吴中区 by clicking, and by searching "吴中" — and files the complaint; without JavaScript the same
 * chain is walked with the "选择" button; staff forms and analysis filters choose regions the same way.
 */
class RegionPickerBrowserTest extends BrowserTest {

	static Select select(String css) {
		return new Select(browser.findElement(By.cssSelector(css)));
	}

	static WebDriverWait waiting() {
		return new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	@Test
	void aCitizenPicksTheCountyByClickingAndBySearchingAndFiles() throws Exception {
		browser.manage().deleteAllCookies();
		browser.get(url("/public/complaints/new"));
		// the public region (苏州市) is offered first; no code is asked for
		assertThat(select("#region").getFirstSelectedOption().getText()).isEqualTo("江苏省");
		assertThat(select("select[data-level='CITY']").getFirstSelectedOption().getText()).isEqualTo("苏州市");
		assertThat(browser.getPageSource()).doesNotContain("区县代码");
		Browser.screenshot(browser, "region-picker-public-form");

		// by clicking: back to the provinces, then down the chain
		WebElement province = browser.findElement(By.id("region"));
		browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", province);
		new Select(province).selectByIndex(0);
		waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#region-picker select"), 1));
		chooseRegion("region", "PROVINCE", "江苏省");
		chooseRegion("region", "CITY", "苏州市");
		chooseRegion("region", "COUNTY", "吴中区");
		assertThat(browser.findElement(By.id("region-chosen")).getText()).isEqualTo("已选：江苏省 苏州市 吴中区");
		Browser.screenshot(browser, "region-picker-clicked");

		// by searching: from another province, type "吴中" and take the answer
		chooseRegion("region", "PROVINCE", "浙江省");
		type("region-search", "吴中");
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#region-results [data-code='320506']")));
		assertThat(browser.findElement(By.cssSelector("#region-results [data-code='320506']")).getText())
			.isEqualTo("江苏省 苏州市 吴中区");
		Browser.screenshot(browser, "region-picker-search");
		click(By.cssSelector("#region-results [data-code='320506']"));
		waiting().until(ExpectedConditions.textToBe(By.id("region-chosen"), "已选：江苏省 苏州市 吴中区"));
		assertThat(select("select[data-level='COUNTY']").getFirstSelectedOption().getText()).isEqualTo("吴中区");

		fillTheRestOfTheComplaint();
		click(By.id("complaint-submit"));
		waitFor(By.id("complaint-number"));
		assertThat(browser.findElement(By.id("complaint-number")).getText()).startsWith("申诉-320506-");
		Browser.screenshot(browser, "region-picker-complaint-filed");
	}

	@Test
	void withoutJavaScriptTheChainIsWalkedWithTheChooseButton() throws Exception {
		ChromeDriver plain = Browser.start(false);
		try {
			plain.get(url("/public/complaints/new"));
			assertThat(plain.findElements(By.id("region-search"))).allMatch(e -> !e.isDisplayed());
			new Select(plain.findElement(By.id("region"))).selectByVisibleText("浙江省");
			plain.findElement(By.name("regionPick")).click();
			new WebDriverWait(plain, Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBe(By.id("region-chosen"), "已选：浙江省"));
			new Select(plain.findElement(By.id("region"))).selectByVisibleText("江苏省");
			plain.findElement(By.name("regionPick")).click();
			new WebDriverWait(plain, Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBe(By.id("region-chosen"), "已选：江苏省"));
			new Select(plain.findElement(By.cssSelector("select[data-level='CITY']"))).selectByVisibleText("苏州市");
			plain.findElement(By.name("regionPick")).click();
			new WebDriverWait(plain, Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBe(By.id("region-chosen"), "已选：江苏省 苏州市"));
			List<String> counties = new Select(plain.findElement(By.cssSelector("select[data-level='COUNTY']"))).getOptions()
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(counties).contains("吴中区", "相城区");
			Browser.screenshot(plain, "region-picker-without-javascript");
		}
		finally {
			plain.quit();
		}
	}

	@Test
	void staffFormsAndFiltersChooseRegionsFromThePicker() throws Exception {
		Browser.signIn(browser, url(""), "sz.market");
		browser.get(url("/registry/enterprises/new"));
		assertThat(browser.findElement(By.cssSelector("#regionCode-picker .yg-region-root")).getText()).isEqualTo("江苏省 苏州市");
		chooseRegion("regionCode", "COUNTY", "吴中区");
		Browser.screenshot(browser, "region-picker-enterprise-form");

		browser.get(url("/statistics"));
		chooseRegion("region", "COUNTY", "吴中区");
		Browser.screenshot(browser, "region-picker-analysis-filter");
		click(By.cssSelector("form[action='/statistics'] button[type='submit']:not([name])"));
		waiting().until(ExpectedConditions.textMatches(By.id("stat-headline"), Pattern.compile("(?s).*吴中区.*")));

		browser.get(url("/complaints/figures"));
		chooseRegion("region", "COUNTY", "相城区");
		Browser.screenshot(browser, "region-picker-complaint-figures");

		Browser.signIn(browser, url(""), "sf.wz");
		browser.get(url("/enterprise/filings/new"));
		assertThat(select("#regionCode-picker select[data-level='COUNTY']").getFirstSelectedOption().getText()).isEqualTo("吴中区");
		chooseRegion("regionCode", "STREET", "长桥街道");
		Browser.screenshot(browser, "region-picker-filing-form");
	}

	private void fillTheRestOfTheComplaint() {
		type("filerName", "选择器测试");
		type("phone", "13912340567");
		new Select(browser.findElement(By.id("brand"))).selectByValue("顺丰");
		type("waybillNumber", "SF" + System.nanoTime() % 1_000_000_000L);
		date("postedOn", LocalDate.now(BrowserTest.CHINA).minusDays(15));
		date("priorDate", LocalDate.now(BrowserTest.CHINA).minusDays(9));
		type("priorChannel", "电话");
		new Select(browser.findElement(By.id("category"))).selectByValue("延误");
		type("description", "快件延误一周未送达");
	}
}
