package org.youguan.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety pages through a real Chromium: a city staff member reads the rates (figures and the breakdown), the
 * alerts list, one alert and the region's parcel-record batches with a batch's rejected lines; the enterprise reads
 * its own batches and the rejected lines of one it just sent — never an error page, never a clear ID number.
 */
class SafetyBrowserTest extends BrowserTest {

	static final String ID = "11010519491231002X";

	@Test
	void cityStaffReadRatesAlertsAndBatchesAndTheEnterpriseItsRejectedLines() throws Exception {
		String batch = "browser-" + UUID.randomUUID().toString().substring(0, 8);
		Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
		String body = "{\"waybillNumber\":\"SFB-OK\",\"acceptedAt\":\"" + at + "\",\"senderIdType\":\"居民身份证\","
				+ "\"senderIdNumber\":\"" + ID + "\",\"senderRegion\":\"320506\",\"recipientRegion\":\"110105\","
				+ "\"itemCategory\":\"服装\",\"weightGrams\":800,\"realNameMethod\":\"现场查验\",\"inspected\":true,"
				+ "\"screened\":false}\n"
				+ "{\"waybillNumber\":\"SFB-BAD\",\"acceptedAt\":\"" + at + "\",\"senderIdType\":\"居民身份证\","
				+ "\"senderIdNumber\":\"" + ID + "\",\"senderRegion\":\"999999\",\"recipientRegion\":\"110105\","
				+ "\"itemCategory\":\"服装\",\"weightGrams\":800,\"realNameMethod\":\"现场查验\",\"inspected\":true,"
				+ "\"screened\":false}\n";
		HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create(url("/api/v1/safety/parcel-records?batchId=" + batch)))
			.header("Authorization", "Bearer demo-sf-wz-token")
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

		Browser.signIn(browser, url(""), "sz.safety");
		browser.get(url("/safety/rates"));
		noErrorPage();
		assertThat(Long.parseLong(browser.findElement(By.id("parcels")).getText())).as("the demo month's parcels").isPositive();
		assertThat(browser.findElement(By.id("real-name-rate")).getText()).endsWith("%");
		assertThat(browser.findElements(By.cssSelector("#rates tbody tr td:nth-child(3)"))).isNotEmpty();
		Browser.screenshot(browser, "safety-rates");

		browser.get(url("/safety/alerts"));
		noErrorPage();
		List<WebElement> alerts = browser.findElements(By.cssSelector("#alerts tbody a"));
		assertThat(alerts).as("the demo's anomalies").isNotEmpty();
		Browser.screenshot(browser, "safety-alerts");
		click(By.cssSelector("#alerts tbody a"));
		waitFor(By.id("alert"));
		noErrorPage();
		assertThat(browser.findElement(By.id("status")).getText()).isNotBlank();
		assertThat(browser.findElement(By.id("detail")).getText()).isNotBlank();
		Browser.screenshot(browser, "safety-alert");

		browser.get(url("/safety/parcel-batches?q=" + batch));
		noErrorPage();
		assertThat(browser.findElement(By.cssSelector("#batches tbody")).getText()).contains(batch).contains("50.00%");
		Browser.screenshot(browser, "safety-batches");
		click(By.cssSelector("#batches a.batch-link"));
		waitFor(By.id("rejected-lines"));
		assertThat(browser.findElement(By.cssSelector("#rejected-lines tbody")).getText()).contains("senderRegion")
			.contains("SFB-BAD");

		Browser.signIn(browser, url(""), "sf.wz");
		browser.get(url("/enterprise/safety/batches"));
		noErrorPage();
		assertThat(browser.findElement(By.cssSelector("#batches tbody")).getText()).contains(batch);
		Browser.screenshot(browser, "safety-enterprise-batches");
		browser.get(url("/enterprise/safety/batches?q=" + batch));
		click(By.cssSelector("#batches a.rejected-link"));
		waitFor(By.id("rejected-lines"));
		noErrorPage();
		String lines = browser.findElement(By.cssSelector("#rejected-lines tbody")).getText();
		assertThat(lines).contains("寄件地区（senderRegion）").contains("SFB-BAD").contains("（已删除）").doesNotContain(ID);
		assertThat(browser.findElement(By.id("export")).getAttribute("href")).contains("/enterprise/safety/batches/lines.xlsx");
		assertThat(browser.getPageSource()).doesNotContain(ID);
		Browser.screenshot(browser, "safety-enterprise-rejected-lines");
	}

	private static void noErrorPage() {
		assertThat(browser.findElements(By.id("error-detail"))).as(browser.getCurrentUrl()).isEmpty();
		assertThat(browser.getPageSource()).doesNotContain("??");
	}
}
