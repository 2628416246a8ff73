package org.youguan.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Selenium, offline (the system browser and driver, never a downloaded one), with the
 * few steps every browser test takes.
 */
final class Browser {

	private Browser() {
	}

	static ChromeDriver start() {
		return start(true);
	}

	/** With {@code javascript} false, pages run as in a browser with scripts off (htmx and youguan.js do nothing). */
	static ChromeDriver start(boolean javascript) {
		System.setProperty("SE_OFFLINE", "true");
		System.setProperty("SE_AVOID_STATS", "true");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1366,1000", "--lang=zh-CN");
		if (!javascript) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		ChromeDriver driver = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return driver;
	}

	/** Signs in with the demo password and waits for the dashboard. */
	static void signIn(ChromeDriver browser, String baseUrl, String username) {
		signIn(browser, baseUrl, username, "Demo@2026");
	}

	/** Signs in as {@code username} with {@code password} (an account a test made) and waits for the dashboard. */
	static void signIn(ChromeDriver browser, String baseUrl, String username, String password) {
		browser.manage().deleteAllCookies();
		browser.get(baseUrl + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
	}

	/** Saves a screenshot as target/screenshots/NAME.png. */
	static void screenshot(ChromeDriver browser, String name) throws Exception {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
				StandardCopyOption.REPLACE_EXISTING);
	}
}
