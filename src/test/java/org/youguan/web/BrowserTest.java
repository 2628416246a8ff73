package org.youguan.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.youguan.TestDatabase;

/**
 * The running application on a random port with the demo city, and one headless Chromium per test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
abstract class BrowserTest {

	/**
	 * The application's time zone: "today" in a browser test is China's today (at 00:00–08:00 China time the JVM's UTC
	 * date is still yesterday, and a month's last day is the next month's first in China).
	 */
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	static void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/** A date input's typing format depends on the browser's locale: set the ISO value directly. */
	static void date(String id, LocalDate day) {
		browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), day.toString());
	}

	/** Clicks after scrolling the element to the middle, instantly (the theme scrolls smoothly; a click mid-way misses). */
	static void click(By by) {
		WebElement element = browser.findElement(by);
		browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	/**
	 * Chooses {@code name} in the region picker of {@code field} at {@code level} (PROVINCE, CITY, COUNTY, STREET) and
	 * waits until htmx has redrawn the picker with it chosen.
	 */
	static void chooseRegion(String field, String level, String name) {
		WebElement select = browser.findElement(By.cssSelector("#" + field + "-picker select[data-level='" + level + "']"));
		browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", select);
		new Select(select).selectByVisibleText(name);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		wait.until(ExpectedConditions.stalenessOf(select));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("#" + field + "-picker select[data-level='" + level + "'] option:checked"), name));
	}

	static void waitFor(By by) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by));
	}

	static void waitForText(By by, String text) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(by, text));
	}
}
