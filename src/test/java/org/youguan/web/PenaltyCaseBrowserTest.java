package org.youguan.web;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.rules.ViolationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A penalty case in the browser, as staff and the bureau head work it: a reported lead is proposed, filed by the head
 * (立案), investigated by two certified investigators, concluded, notified (事先告知), the party's statement recorded
 * and the decision made; the 行政处罚决定书 listed on the case page is downloaded through the signed-in session and
 * read back — it carries the decision's 文号, the party and the fine.
 */
class PenaltyCaseBrowserTest extends BrowserTest {

	@Autowired
	UserDirectory directory;

	static void dateIn(String css, LocalDate day) {
		browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.cssSelector(css)), day.toString());
	}

	static void typeIn(String css, String text) {
		WebElement field = browser.findElement(By.cssSelector(css));
		field.clear();
		field.sendKeys(text);
	}

	@Test
	void aLeadIsFiledNotifiedDecidedAndItsDecisionDocumentDownloaded() throws Exception {
		String enterprise = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		LocalDate today = LocalDate.now(BrowserTest.CHINA);
		Browser.signIn(browser, url(""), "wz.staff");
		browser.get(url("/enforcement/leads/new"));
		waitFor(By.id("lead-form"));
		type("enterpriseCreditCode", enterprise);
		date("receivedOn", today);
		type("summary", "群众举报：该营业部连续三个月未报送快递业务数据（浏览器测试）");
		click(By.id("save-lead"));
		waitFor(By.id("propose-form"));
		String lead = browser.getCurrentUrl();
		new Select(browser.findElement(By.id("violation"))).selectByValue(ViolationType.DATA_NOT_REPORTED.code());
		date("endedOn", today.minusDays(3));
		click(By.id("propose"));
		waitFor(By.id("lead-status"));

		Browser.signIn(browser, url(""), "sz.leader");
		browser.get(lead);
		click(By.id("approve"));
		waitForText(By.id("case-status"), "已立案");
		String page = browser.getCurrentUrl();
		assertThat(browser.findElement(By.id("document-list")).getText()).contains("立案审批表");

		Browser.signIn(browser, url(""), "wz.staff");
		browser.get(page);
		List<WebElement> names = browser.findElements(By.cssSelector("#investigation-form input[name='name']"));
		List<WebElement> certificates = browser.findElements(By.cssSelector("#investigation-form input[name='certificateNumber']"));
		names.get(0).sendKeys("陈吴中");
		certificates.get(0).sendKeys("32050601");
		names.get(1).sendKeys("沈执法");
		certificates.get(1).sendKeys("32050602");
		click(By.id("start-investigation"));
		waitForText(By.id("case-status"), "调查取证");
		// the conclusion rests on evidence: a 现场检查笔录 first
		new Select(browser.findElement(By.cssSelector("#evidence-form select[name='kind']"))).selectByValue("SITE_RECORD");
		typeIn("#evidence-form input[name='title']", "营业场所现场检查笔录");
		dateIn("#evidence-form input[name='collectedOn']", today);
		typeIn("#evidence-form input[name='place']", "当事人营业场所");
		typeIn("#evidence-form input[name='subject']", "营业部负责人");
		typeIn("#evidence-form textarea[name='content']", "现场查看统计报送记录，近三个月未报送");
		click(By.id("add-evidence"));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("evidence-list"), "营业场所现场检查笔录"));
		typeIn("#conclusion-form textarea[name='report']", "查明当事人连续三个月未按规定报送快递业务数据");
		typeIn("#conclusion-form input[name='proposedFine']", "2000");
		click(By.id("conclude"));
		waitForText(By.id("case-status"), "调查终结");
		dateIn("#notice-form input[name='on']", today);
		click(By.id("notify"));
		waitForText(By.id("case-status"), "已告知");
		dateIn("#statement-form input[name='on']", today);
		typeIn("#statement-form input[name='text']", "当事人放弃陈述申辩");
		click(By.id("record-statement"));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case"), "当事人放弃陈述申辩"));
		// the decision is the head's (行政处罚法第57条)
		Browser.signIn(browser, url(""), "sz.leader");
		browser.get(page);
		dateIn("#decision-form input[name='decidedOn']", today);
		click(By.id("decide"));
		waitForText(By.id("case-status"), "已决定");
		String number = browser.findElement(By.cssSelector("#decision strong")).getText();
		assertThat(number).startsWith("行政处罚决定-320506-");

		String href = browser.findElement(By.cssSelector("#document-list tr[data-kind='DECISION'] a.document-download"))
			.getDomProperty("href");
		Object base64 = browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer()).then(b => {
				  const bytes = new Uint8Array(b); let s = '';
				  for (let i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
				  done(btoa(s));
				});""", href);
		byte[] docx = Base64.getDecoder().decode((String) base64);
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("行政处罚决定书", number, enterprise, "罚款人民币2000元", "行政复议");
		}
	}
}
