package org.youguan.web;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.documents.PdfFiles;
import org.youguan.documents.UploadedFile;
import org.youguan.enforcement.CaseDecisions;
import org.youguan.enforcement.CaseEvidence;
import org.youguan.enforcement.CaseExecution;
import org.youguan.enforcement.CaseInvestigation;
import org.youguan.enforcement.Leads;
import org.youguan.enforcement.NoticeAndHearing;
import org.youguan.enforcement.Officer;
import org.youguan.enforcement.PenaltyCases;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.rules.ViolationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A penalty case in the browser, as staff and the bureau head work it: a reported lead is proposed, filed by the head
 * (立案), investigated by two certified investigators, concluded, notified (事先告知), the party's statement recorded
 * and the decision made; the 行政处罚决定书 listed on the case page is downloaded through the signed-in session and
 * read back — it carries the decision's 文号, the party and the fine.
 */
class PenaltyCaseBrowserTest extends BrowserTest {

	/** A one-page PDF standing for a scan. */
	static final byte[] PDF = PdfFiles.blankPage();

	@Autowired
	UserDirectory directory;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Leads leads;

	@Autowired
	PenaltyCases cases;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	CaseEvidence evidence;

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

		// 立案 is the handling bureau's own head's (行政处罚法第57条): 吴中's, not the city's
		Browser.signIn(browser, url(""), "wz.leader");
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
		typeIn("#statement-form input[name='statement']", "当事人称系统故障导致漏报，已补报");
		click(By.id("record-statement"));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case"), "当事人称系统故障导致漏报，已补报"));
		// the decision is the handling bureau's head's (行政处罚法第57条), reviewing the statement (第45条)
		Browser.signIn(browser, url(""), "wz.leader");
		browser.get(page);
		dateIn("#decision-form input[name='decidedOn']", today);
		new Select(browser.findElement(By.id("statementAdopted"))).selectByValue("false");
		typeIn("#statementReview", "系统故障不能免除按期报送的义务，补报不改变违法事实");
		click(By.id("decide"));
		waitForText(By.id("case-status"), "已决定");
		String number = browser.findElement(By.cssSelector("#decision strong")).getText();
		assertThat(number).startsWith("苏吴邮管罚〔");

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
			assertThat(text.getText()).contains("行政处罚决定书", number, enterprise, "罚款人民币2000元", "行政复议",
					"经复核，本局不予采纳");
		}
	}

	/**
	 * 没收违法所得上缴 through the case page's form: a delivered combined decision (没收违法所得并处罚款) offers the
	 * handover form with the confiscated amount filled in; staff enter the day and the receipt, and the case shows the
	 * handover and no longer offers the form.
	 */
	@Test
	void staffRecordTheHandoverOfWhatADecisionConfiscatesOnTheCasePage() {
		LocalDate today = LocalDate.now(BrowserTest.CHINA);
		long id = combinedDelivered(today);
		Browser.signIn(browser, url(""), "wz.staff");
		browser.get(url("/enforcement/cases/" + id));
		waitFor(By.id("handover-form"));
		assertThat(browser.findElement(By.cssSelector("#handover-form input[name='amount']")).getDomProperty("value"))
			.isEqualTo("3000");
		dateIn("#handover-form input[name='handedOverOn']", today);
		typeIn("#handover-form input[name='receipt']", "非税收入一般缴款书0042");
		click(By.id("hand-over"));
		waitFor(By.id("handover"));
		assertThat(browser.findElement(By.id("handover")).getText()).contains("3000", "非税收入一般缴款书0042");
		assertThat(browser.findElements(By.id("handover-form"))).isEmpty();
	}

	/**
	 * A 吴中 case of sf.wz's enterprise decided 没收违法所得3000元并处罚款5000元 (减轻, no review nor hearing right) and
	 * delivered today, through the procedure's services.
	 */
	private long combinedDelivered(LocalDate today) {
		EnterpriseView e = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode)
			.flatMap(enterprises::findByCreditCode).orElseThrow();
		DataScope all = DataScope.all();
		long lead = leads.report(all, new Leads.ReportData("REPORT", "群众举报", e.creditCode(), null,
				"浏览器测试：出售运单信息" + UUID.randomUUID(), today.minusDays(6).toString()), false);
		leads.propose(all, lead, "WAYBILL_DATA", today.minusDays(7).toString(), null, false, null);
		long id = leads.approve(all, lead, new Officer(null, "蒋局长"), today.minusDays(6), false);
		caseInvestigation.startInvestigation(all, id, List.of(new CaseInvestigation.Member("陈吴中", "32050601"),
				new CaseInvestigation.Member("沈执法", "32050602")));
		evidence.add(all, id, new CaseEvidence.EvidenceData("DOCUMENTARY", "运单信息导出记录", "导出记录及收款凭证", null, null,
				today.minusDays(6).toString(), List.of("32050601", "32050602")), new UploadedFile("导出记录.pdf", PDF));
		String reason = "主动追回并删除已提供的信息";
		caseInvestigation.concludeInvestigation(all, id, new CaseInvestigation.Conclusion("查明违规提供运单信息获利3000元", "CONFISCATION", "5000",
				false, "REDUCED", "ELIMINATED_HARM", reason, today.minusDays(5).toString(), "3000"));
		noticeAndHearing.notifyParty(all, id, today.minusDays(1).toString());
		noticeAndHearing.waiveStatement(all, id, today.minusDays(1).toString(), new UploadedFile("放弃声明.pdf", PDF));
		caseDecisions.decide(all, id, new CaseDecisions.Decision(null, today.toString(), "CONFISCATION", "5000", "REDUCED",
				"ELIMINATED_HARM", reason, null, null, null, "3000", null));
		caseExecution.deliver(all, id, CaseExecution.Delivery.direct(today.toString()));
		return id;
	}
}
