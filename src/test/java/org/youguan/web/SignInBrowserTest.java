package org.youguan.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person at Debian's Chromium: signs in as demo staff, sees the dashboard, signs out; a wrong password shows the
 * Chinese error. Screenshots are saved under target/screenshots.
 */
class SignInBrowserTest extends BrowserTest {

	void signIn(String username, String password) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
	}

	@Test
	void staffSignInSeeTheDashboardAndSignOut() throws Exception {
		signIn("sz.market", "Demo@2026");
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
		assertThat(browser.getTitle()).contains("工作台");
		assertThat(browser.findElement(By.id("welcome")).getText()).contains("郑监管");
		assertThat(Long.parseLong(browser.findElement(By.id("count-users")).getText())).isGreaterThan(5);
		assertThat(browser.getPageSource()).contains("演示");
		screenshot("dashboard");

		browser.findElement(By.id("user-menu")).click();
		browser.findElement(By.id("logout")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
		assertThat(browser.getPageSource()).contains("您已安全退出");
		browser.get(url("/"));
		assertThat(browser.findElement(By.id("public-home")).getText()).contains("公众服务");
		assertThat(browser.getPageSource()).doesNotContain("郑监管");
	}

	@Test
	void aWrongPasswordShowsTheChineseError() throws Exception {
		// a name no account has, answered as a wrong password is: a real browser signs in from 127.0.0.1, where a wrong
		// password for a demo account would count towards pausing that account for every other test
		signIn("nobody." + java.util.UUID.randomUUID().toString().substring(0, 8), "not-the-password");
		var error = browser.findElement(By.id("login-error"));
		assertThat(error.getText()).startsWith("登录失败：用户名或密码错误");
		screenshot("login-error");
	}

	@Test
	void anAdministratorSeesTheUserListAndTheCalendar() throws Exception {
		signIn("sz.admin", "Demo@2026");
		// the sign-in lands on the home page before the next page is asked for (navigating away mid-sign-in loses it)
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
		browser.get(url("/admin/users"));
		assertThat(browser.findElement(By.id("user-table")).getText()).contains("wz.staff").doesNotContain("js.leader");
		screenshot("users");
		browser.get(url("/admin/calendar?year=2026"));
		assertThat(browser.findElement(By.id("calendar-year")).getText()).isEqualTo("2026年");
		screenshot("calendar");
		browser.get(url("/admin/rules"));
		assertThat(browser.findElement(By.id("rules-table")).getText()).contains("邮政法(2015) 第65条");
		browser.findElement(By.id("user-menu")).click();
		browser.findElement(By.id("logout")).click();
	}

	static void screenshot(String name) throws Exception {
		Browser.screenshot(browser, name);
	}
}
