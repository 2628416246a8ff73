package org.youguan.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.RandomDigits;
import org.youguan.enforcement.Penalty;
import org.youguan.enforcement.PenaltyDelivered;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserKind;
import org.youguan.org.Users;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The enterprise's credit record through a real Chromium: a penalty decided against it is on its portal's 信用记录
 * (reached from the navigation), and it files an objection from the entry's page, which then lists the objection under
 * review and offers no second one.
 */
class CreditPortalBrowserTest extends BrowserTest {

	static final String PASSWORD = "Credit@2026-b";

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Users users;

	@Test
	void theEnterpriseReadsItsRecordAndObjectsToAnEntry() throws Exception {
		String code = enterprises.list(DataScope.region("320506"), new Enterprises.Filter(null, null, null),
				new PageQuery("", 0, 1, null, false)).items().get(0).creditCode();
		long caseId = Long.parseLong("3" + RandomDigits.of(9));
		String number = "苏邮罚〔2026〕" + RandomDigits.of(6) + "号";
		tx.executeWithoutResult(s -> events.publishEvent(new PenaltyDelivered(caseId, number, "320506", code, "浏览器测试企业",
				Penalty.FINE, LocalDate.now(CHINA).minusDays(2), "OUTLET_UNFILED", new BigDecimal("5000"), null,
				LocalDate.now(CHINA).minusDays(3))));
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM credit_entry WHERE source_ref = :r")
			.param("r", "penalty:" + caseId).query(Long.class).single() == 1);
		long entry = jdbc.sql("SELECT id FROM credit_entry WHERE source_ref = :r").param("r", "penalty:" + caseId)
			.query(Long.class).single();
		String user = "cr.b" + RandomDigits.of(6);
		tx.executeWithoutResult(s -> users.provision(new UserData(user, "信用浏览器企业", UserKind.ENTERPRISE, null, null, code,
				null, EnumSet.of(Role.ENTERPRISE)), PASSWORD, false, false));

		Browser.signIn(browser, url(""), user, PASSWORD);
		assertThat(browser.findElements(By.cssSelector("nav a[href='/enterprise/credit'], aside a[href='/enterprise/credit'], header a[href='/enterprise/credit']")))
			.as("the portal's navigation links the credit record").isNotEmpty();
		browser.get(url("/enterprise/credit?q=" + number));
		assertThat(browser.findElement(By.id("credit-entry-" + entry)).getText()).contains(number).contains("罚款人民币5000元");
		click(By.cssSelector("#credit-entry-" + entry + " a"));
		waitFor(By.id("objection-form"));
		assertThat(browser.findElement(By.id("credit-entry-summary")).getText()).contains("罚款人民币5000元");
		type("reason", "该网点已于处罚前完成备案，请核实");
		Browser.screenshot(browser, "credit-portal-objection");
		click(By.id("submit-objection"));
		waitFor(By.id("no-objection"));
		assertThat(browser.findElement(By.id("entry-objections")).getText()).contains("该网点已于处罚前完成备案，请核实")
			.contains("待复核");
		assertThat(browser.findElements(By.id("objection-form"))).isEmpty();
		browser.get(url("/enterprise/credit"));
		click(By.id("own-objections"));
		waitFor(By.id("credit-objections"));
		assertThat(browser.findElement(By.id("credit-objections")).getText()).contains(number);
	}
}
