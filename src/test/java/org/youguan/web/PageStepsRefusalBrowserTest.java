package org.youguan.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step refused through {@code PageSteps} in a real Chromium, now that the page showing the refusal answers in its 4xx:
 * the redirect after the POST still happens (the address is the page's, not the form's action), the page is rendered
 * whole with the errors and the values as typed, and a reload asks for the page again — no resubmission, no refusal.
 */
class PageStepsRefusalBrowserTest extends BrowserTest {

	@Test
	void aRefusedStepComesBackOnItsPageAndAReloadPostsNothing() throws Exception {
		Browser.signIn(browser, url(""), "sys.admin");
		browser.get(url("/statistics/catalogue"));
		type("code", "bad code");
		type("name", "浏览器指标" + System.nanoTime() % 100_000);
		type("unit", "个");
		type("formula", "no.such + ");
		click(By.cssSelector("#indicator-form button[type=submit]"));
		waitFor(By.id("errors"));
		assertThat(browser.getCurrentUrl()).as("redirected after the POST").doesNotContain("/indicators");
		assertThat(browser.findElement(By.id("code")).getAttribute("value")).isEqualTo("bad code");
		assertThat(browser.findElements(By.id("indicator-form"))).as("the page rendered whole").isNotEmpty();
		assertThat(browser.findElements(By.id("logout"))).as("with the layout around it").isNotEmpty();
		Browser.screenshot(browser, "page-steps-refused");
		browser.navigate().refresh();
		waitFor(By.id("indicator-form"));
		assertThat(browser.findElements(By.id("errors"))).as("a reload shows no refusal").isEmpty();
		assertThat(browser.findElement(By.id("code")).getAttribute("value")).isEmpty();
	}
}
