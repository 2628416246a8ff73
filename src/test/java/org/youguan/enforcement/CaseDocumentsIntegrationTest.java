package org.youguan.enforcement;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.youguan.SignIn;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.TestImages;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.PdfFiles;
import org.youguan.documents.UploadedFileMediaTest;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.Bureaus;
import org.youguan.platform.StoredCitations;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.rules.StatutoryRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15's documents and the procedures beside the main path, through the API on the demo city: every step issues
 * its .docx with its 文号, filled from the case (read back with POI), kept with the case and downloadable within its
 * scope; a reissue keeps its predecessor; the evidence list needs two of the case's certified investigators and a
 * real image for a photo; 当场处罚 stays within art.51's limits from the rule catalogue; 移送 ends the case and becomes
 * the receiving bureau's lead; 分期缴纳 approved by the head moves the deadline and the surcharge per instalment.
 */
@IntegrationTest
class CaseDocumentsIntegrationTest extends ClockedSteps {

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	static final String XIANGCHENG = PenaltyCaseIntegrationTest.XIANGCHENG;

	static final String HEAD = PenaltyCaseIntegrationTest.HEAD;

	static final String TEAM = PenaltyCaseIntegrationTest.TEAM;

	static final String MARKET = PenaltyCaseIntegrationTest.MARKET;

	static final String CITY = PenaltyCaseIntegrationTest.CITY;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	List<StoredCitations> storedCitations;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Bureaus bureaus;

	@Autowired
	Leads leads;

	/** Days of a payment arrangement are working days (rule working-day): the ones picked from today are moved onto one. */
	@Autowired
	WorkingCalendar calendar;

	LocalDate today() {
		return LocalDate.now(clock);
	}

	EnterpriseView wuzhong(int i) {
		return enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE, PageQuery.of(null, 0, 10, "legal_name", "asc"))
			.items()
			.get(i);
	}

	/** The party's signed waiver of its statement, recorded by staff with its scan (a typed waiver is refused). */
	void waiveStatement(long c) throws Exception {
		mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/statement-waiver")
			.file(new MockMultipartFile("file", "放弃声明.pdf", "application/pdf", PenaltyCaseIntegrationTest.WAIVER_PDF))
			.param("on", today().toString()).header("Authorization", WUZHONG)).andExpect(status().isOk());
	}

	static void refusedAsNotItsHead(ResultActions r) throws Exception {
		r.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].rule").value("not-handling-bureau-head"));
	}

	long fileCase(EnterpriseView e, String violation) throws Exception {
		long lead = PenaltyCaseIntegrationTest.id(call(WUZHONG, "/api/v1/enforcement/leads", """
				{"source":"REPORT","sourceDetail":"群众举报","enterpriseCreditCode":"%s","summary":"举报线索%s","receivedOn":"%s"}"""
			.formatted(e.creditCode(), UUID.randomUUID(), today())).andExpect(status().isCreated()));
		call(WUZHONG, "/api/v1/enforcement/leads/" + lead + "/proposal",
				"{\"violation\":\"" + violation + "\",\"endedOn\":\"" + today().minusDays(10) + "\"}").andExpect(status().isOk());
		return PenaltyCaseIntegrationTest.id(call(HEAD, "/api/v1/enforcement/leads/" + lead + "/filing", "{}")
			.andExpect(status().isCreated()));
	}

	String on(LocalDate day) {
		return "{\"on\":\"" + day + "\",\"text\":\"当事人放弃陈述申辩\"}";
	}

	/** A case decided with a fine of ¥2,000 and delivered today: its id. */
	long decidedAndDelivered(EnterpriseView e) throws Exception {
		long c = fileCase(e, "DATA_NOT_REPORTED");
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", TEAM).andExpect(status().isOk());
		PartyCases.evidence(jdbc, c);
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/conclusion",
				"{\"report\":\"当事人连续三个月未报送快递业务数据\",\"proposedPenalty\":\"FINE\",\"proposedFine\":\"2000\"}")
			.andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/notice", on(today())).andExpect(status().isOk());
		waiveStatement(c);
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/decision",
				"{\"decidedOn\":\"" + today() + "\",\"penalty\":\"FINE\",\"fine\":\"2000\"}").andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/delivery", "{\"on\":\"" + today() + "\",\"method\":\"DIRECT\"}").andExpect(status().isOk());
		return c;
	}

	MockMultipartHttpServletRequestBuilder evidence(long c) {
		MockMultipartHttpServletRequestBuilder b = multipart("/api/v1/enforcement/cases/" + c + "/evidence");
		b.header("Authorization", WUZHONG);
		return b;
	}

	List<Map<String, Object>> documents(long c) throws Exception {
		return JsonPath.read(mvc.perform(get("/api/v1/enforcement/cases/" + c + "/documents").header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
	}

	String text(String href, String token) throws Exception {
		byte[] docx = mvc.perform(get(href).header("Authorization", token)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			return extractor.getText();
		}
	}

	static Map<String, Object> only(List<Map<String, Object>> docs, String kind) {
		List<Map<String, Object>> found = docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
		assertThat(found).as(kind).hasSize(1);
		return found.get(0);
	}

	/**
	 * 行政处罚法(2021) art.57: a serious case is decided by the heads in 集体讨论 — the day, at least the rule's number of
	 * heads (3 by default, distinct) and their conclusion are required; the decision then issues the 重大案件集体讨论记录
	 * filled with them.
	 */
	@Test
	void aSeriousCaseIsDecidedAfterACollectiveDiscussionWhoseRecordIsIssued() throws Exception {
		long c = fileCase(wuzhong(4), "WAYBILL_DATA");
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", TEAM).andExpect(status().isOk());
		PartyCases.evidence(jdbc, c);
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/conclusion",
				"{\"report\":\"查明当事人运单模板显示完整身份证号码，涉及用户三千余人\",\"proposedPenalty\":\"FINE\",\"proposedFine\":\"60000\",\"serious\":true}")
			.andExpect(status().isOk());
		call(PenaltyCaseIntegrationTest.REVIEWER, "/api/v1/enforcement/cases/" + c + "/review",
				"{\"agreed\":true,\"opinion\":\"同意\"}").andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/notice", on(today())).andExpect(status().isOk());
		waiveStatement(c);
		mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/hearing-waiver")
			.file(new MockMultipartFile("file", "waiver.pdf", "application/pdf", PenaltyCaseIntegrationTest.WAIVER_PDF))
			.param("on", today().toString()).header("Authorization", WUZHONG)).andExpect(status().isOk());
		// the fine as a JSON number, as a client would send it
		String decision = "{\"decidedOn\":\"" + today() + "\",\"penalty\":\"FINE\",\"fine\":60000%s}";
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/decision", decision.formatted(""))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItems("discussedOn")));
		String discussed = ",\"discussedOn\":\"" + today() + "\",\"discussionParticipants\":%s,\"discussionConclusion\":%s";
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/decision",
				decision.formatted(discussed.formatted("[\"蒋局长\",\"蒋局长\"]", "null")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("discussionParticipants", "discussionConclusion")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("至少3人")));
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/decision", decision.formatted(discussed.formatted(
				"[\"蒋局长\",\"李副局长\",\"王副局长\"]", "\"一致同意罚款六万元\"")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.discussionParticipants").value("蒋局长、李副局长、王副局长"))
			.andExpect(jsonPath("$.penaltyCase.discussionConclusion").value("一致同意罚款六万元"));
		String record = text((String) only(documents(c), "DISCUSSION_RECORD").get("href"), WUZHONG);
		assertThat(record).contains("重大案件集体讨论记录").contains("蒋局长、李副局长、王副局长").contains("一致同意罚款六万元")
			.contains("第五十七条").doesNotContain("${");
	}

	/**
	 * 责令停业整顿 (attack 27 M1): its length is proposed at the conclusion and told to the party in the 事先告知书
	 * (行政处罚法(2021) art.44), bounded by the product rule {@code penalty.suspension-max}; the decision may not be longer
	 * than notified (art.45); both documents, printed before delivery, state it as days from the day after delivery, and
	 * the delivery fixes its calendar days — never one before the party received the decision.
	 */
	@Test
	void aSuspensionIsNotifiedAsDaysFromDeliveryAndNeverDecidedLonger() throws Exception {
		long c = fileCase(wuzhong(3), "BRANCH_UNFILED");
		// the 立案审批表 names the specific source, the report's origin note, not the category (attack 27 L3)
		String filing = text((String) only(documents(c), "FILING_APPROVAL").get("href"), WUZHONG);
		assertThat(filing).contains("群众举报").doesNotContain("举报、其他机关移送");
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", TEAM).andExpect(status().isOk());
		PartyCases.evidence(jdbc, c);
		String conclusion = "{\"report\":\"当事人分支机构长期未备案，情节严重\",\"proposedPenalty\":\"SUSPENSION\",\"proposedFine\":\"20000\","
				+ "\"serious\":true%s}";
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/conclusion", conclusion.formatted(""))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("proposedSuspensionDays"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"));
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/conclusion", conclusion.formatted(",\"proposedSuspensionDays\":9999"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("max"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("超过规则目录“" + StatutoryRule.PENALTY_SUSPENSION_MAX.title() + "”的180日")))
			.andExpect(jsonPath("$.errors[0].message").value(not(containsString("penalty.suspension-max"))));
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/conclusion", conclusion.formatted(",\"proposedSuspensionDays\":30"))
			.andExpect(status().isOk());
		assertThat(text((String) only(documents(c), "INVESTIGATION_REPORT").get("href"), WUZHONG))
			.contains("本案来源于群众举报").doesNotContain("举报、其他机关移送");
		call(PenaltyCaseIntegrationTest.REVIEWER, "/api/v1/enforcement/cases/" + c + "/review",
				"{\"agreed\":true,\"opinion\":\"同意\"}").andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/notice", on(today())).andExpect(status().isOk());
		String notice = text((String) only(documents(c), "PRIOR_NOTICE").get("href"), WUZHONG);
		assertThat(notice).contains("责令停业整顿30日（自行政处罚决定书送达之日的次日起计算）");
		waiveStatement(c);
		mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/hearing-waiver")
			.file(new MockMultipartFile("file", "waiver.pdf", "application/pdf", PenaltyCaseIntegrationTest.WAIVER_PDF))
			.param("on", today().toString()).header("Authorization", WUZHONG)).andExpect(status().isOk());
		String decision = "{\"decidedOn\":\"" + today() + "\",\"penalty\":\"SUSPENSION\",\"fine\":\"20000\",\"discussedOn\":\""
				+ today() + "\",\"discussionParticipants\":[\"蔣 局長\",\"李副局长\",\"王副局长\"],\"discussionConclusion\":\"同意\"%s}";
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/decision", decision.formatted(""))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("suspensionDays"));
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/decision", decision.formatted(",\"suspensionDays\":31"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("suspensionDays"))
			.andExpect(jsonPath("$.errors[0].rule").value("heavier"));
		// a hand-typed 文号 holds what 文号 are written with (attack 27 L4)
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/decision", decision.formatted(",\"suspensionDays\":20,"
				+ "\"decisionNumber\":\"吴邮罚字<b>1</b>\""))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("decisionNumber"))
			.andExpect(jsonPath("$.errors[0].rule").value("document-number"));
		// the deciding head 蒋局长 listed in traditional characters with a space is the head himself (attack 27 L1)
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/decision", decision.formatted(",\"suspensionDays\":20"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.suspensionDays").value(20))
			.andExpect(jsonPath("$.penaltyCase.suspensionFrom").doesNotExist());
		String decided = text((String) only(documents(c), "DECISION").get("href"), WUZHONG);
		assertThat(decided).contains("责令停业整顿20日（自行政处罚决定书送达之日的次日起计算），并处罚款人民币20000元（大写：贰万元整）");
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/delivery", "{\"on\":\"" + today() + "\",\"method\":\"DIRECT\"}").andExpect(status().isOk());
		mvc.perform(get("/api/v1/enforcement/cases/" + c).header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.suspensionFrom").value(today().plusDays(1).toString()))
			.andExpect(jsonPath("$.penaltyCase.suspensionUntil").value(today().plusDays(20).toString()));
	}

	@Test
	void aDiscussionIsGivenWithItsDayOrNotAtAll() throws Exception {
		long c = fileCase(wuzhong(2), "DATA_NOT_REPORTED");
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", TEAM).andExpect(status().isOk());
		PartyCases.evidence(jdbc, c);
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/conclusion",
				"{\"report\":\"当事人未报送数据\",\"proposedPenalty\":\"FINE\",\"proposedFine\":\"2000\"}").andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/notice", on(today())).andExpect(status().isOk());
		waiveStatement(c);
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/decision", "{\"decidedOn\":\"" + today()
				+ "\",\"penalty\":\"FINE\",\"fine\":\"2000\",\"discussionParticipants\":[\"蒋局长\"]}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("discussedOn"));
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/decision",
				"{\"decidedOn\":\"" + today() + "\",\"penalty\":\"FINE\",\"fine\":\"2000\"}").andExpect(status().isOk());
		assertThat(documents(c)).noneMatch(d -> "DISCUSSION_RECORD".equals(d.get("kind")));
	}

	/**
	 * A case imported from before the platform has no generated documents: the scan of its paper decision is kept as
	 * its 行政处罚决定书 under the case's decision number — once, as a PDF or image, never refilled from a template — and
	 * only imported cases take scans.
	 */
	@Test
	void anImportedCaseKeepsTheScansOfItsPaperDocuments() throws Exception {
		String number = "苏邮罚〔2024〕" + System.nanoTime() % 100000 + "号";
		long c = PenaltyCaseIntegrationTest.id(call(WUZHONG, "/api/v1/enforcement/cases/imported", """
				{"enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","source":"INSPECTION","filedOn":"2024-03-01",
				 "decidedOn":"2024-04-10","decisionNumber":"%s","penalty":"FINE","fine":3000,"paidOn":"2024-04-20",
				 "closedOn":"2024-04-25"}""".formatted(wuzhong(2).creditCode(), number)).andExpect(status().isCreated()));
		byte[] pdf = PdfFiles.blankPage();
		mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/documents/originals")
			.file(new MockMultipartFile("file", "决定书.pdf", "application/pdf", "<html>not a scan</html>".getBytes()))
			.param("kind", "DECISION").param("issuedOn", "2024-04-10").header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
		mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/documents/originals")
			.file(new MockMultipartFile("file", "决定书.pdf", "application/pdf", pdf))
			.param("kind", "DECISION").param("issuedOn", "2030-01-01").header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("issuedOn"));
		mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/documents/originals")
			.file(new MockMultipartFile("file", "决定书.pdf", "application/pdf", pdf))
			.param("kind", "DECISION").param("issuedOn", "2024-04-10").header("Authorization", WUZHONG))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value(number))
			.andExpect(jsonPath("$.original").value(true));
		Map<String, Object> kept = only(documents(c), "DECISION");
		mvc.perform(get((String) kept.get("href")).header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"));
		mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/documents/originals")
			.file(new MockMultipartFile("file", "决定书.pdf", "application/pdf", pdf))
			.param("kind", "DECISION").param("issuedOn", "2024-04-10").header("Authorization", WUZHONG))
			.andExpect(status().isConflict());
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/documents/" + kept.get("id") + "/reissue", "{\"reason\":\"更正\"}")
			.andExpect(status().isConflict());
		mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/documents/originals")
			.file(new MockMultipartFile("file", "送达回证.pdf", "application/pdf", pdf))
			.param("kind", "DELIVERY_RECEIPT").param("issuedOn", "2024-04-12").header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("number"));
		// each paper's day fits its place in the procedure as the case records it
		String notice = number.replace("罚", "罚告");
		String[][] misplaced = { { "DECISION", "2024-04-11", "decision-day" }, { "DELIVERY_RECEIPT", "2024-04-09", "range" },
				{ "PRIOR_NOTICE", "2024-04-11", "range" }, { "CLOSING_REPORT", "2024-04-26", "range" },
				{ "TRANSFER_LETTER", "2024-04-01", "one-of" } };
		for (String[] m : misplaced) {
			mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/documents/originals")
				.file(new MockMultipartFile("file", "扫描件.pdf", "application/pdf", pdf))
				.param("kind", m[0]).param("number", notice).param("issuedOn", m[1]).header("Authorization", WUZHONG))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].rule", hasItem(m[2])));
		}
		mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/documents/originals")
			.file(new MockMultipartFile("file", "告知书.pdf", "application/pdf", pdf))
			.param("kind", "PRIOR_NOTICE").param("number", notice).param("issuedOn", "2024-04-01")
			.header("Authorization", WUZHONG))
			.andExpect(status().isCreated());
		long open = PenaltyCaseIntegrationTest.id(call(WUZHONG, "/api/v1/enforcement/cases/imported", """
				{"enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","source":"INSPECTION","filedOn":"2024-03-01",
				 "decidedOn":"2024-04-10","decisionNumber":"%s","penalty":"FINE","fine":3000}"""
			.formatted(wuzhong(2).creditCode(), number + "-2")).andExpect(status().isCreated()));
		mvc.perform(multipart("/api/v1/enforcement/cases/" + open + "/documents/originals")
			.file(new MockMultipartFile("file", "结案报告.pdf", "application/pdf", pdf))
			.param("kind", "CLOSING_REPORT").param("number", "结〔2024〕1号").param("issuedOn", "2024-04-20")
			.header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("closed"));
		long undecided = PenaltyCaseIntegrationTest.id(call(WUZHONG, "/api/v1/enforcement/cases/imported", """
				{"enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","source":"INSPECTION","filedOn":"2024-03-01"}"""
			.formatted(wuzhong(2).creditCode())).andExpect(status().isCreated()));
		mvc.perform(multipart("/api/v1/enforcement/cases/" + undecided + "/documents/originals")
			.file(new MockMultipartFile("file", "送达回证.pdf", "application/pdf", pdf))
			.param("kind", "DELIVERY_RECEIPT").param("number", "送〔2024〕1号").param("issuedOn", "2024-04-20")
			.header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("decided"));

		long onPlatform = fileCase(wuzhong(2), "DATA_NOT_REPORTED");
		mvc.perform(multipart("/api/v1/enforcement/cases/" + onPlatform + "/documents/originals")
			.file(new MockMultipartFile("file", "决定书.pdf", "application/pdf", pdf))
			.param("kind", "FILING_APPROVAL").param("number", "X").param("issuedOn", today().toString())
			.header("Authorization", WUZHONG))
			.andExpect(status().isConflict());
	}

	/**
	 * A scanned paper bears the 文号 on record: the 决定书 the case's decision number (another case's is refused naming
	 * {@code number} and the rule), any other paper a number no other document holds (not a decision's).
	 */
	@Test
	void anOriginalBearsTheNumberOnRecord() throws Exception {
		long stamp = System.nanoTime() % 100000;
		String first = "苏邮罚〔2024〕" + stamp + "号";
		String second = "苏邮罚〔2024〕" + (stamp + 100000) + "号";
		imported(first);
		long c = imported(second);
		byte[] pdf = PdfFiles.blankPage();
		mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/documents/originals")
			.file(new MockMultipartFile("file", "决定书.pdf", "application/pdf", pdf))
			.param("kind", "DECISION").param("number", first).param("issuedOn", "2024-04-10").header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("number"))
			.andExpect(jsonPath("$.errors[0].rule").value("decision-number"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(second)));
		for (String taken : List.of(first, second)) {
			mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/documents/originals")
				.file(new MockMultipartFile("file", "告知书.pdf", "application/pdf", pdf))
				.param("kind", "PRIOR_NOTICE").param("number", taken).param("issuedOn", "2024-04-01")
				.header("Authorization", WUZHONG))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("number"))
				.andExpect(jsonPath("$.errors[0].rule").value("unique"));
		}
		String notice = "苏邮罚告〔2024〕" + stamp + "号";
		mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/documents/originals")
			.file(new MockMultipartFile("file", "告知书.pdf", "application/pdf", pdf))
			.param("kind", "PRIOR_NOTICE").param("number", notice).param("issuedOn", "2024-04-01")
			.header("Authorization", WUZHONG))
			.andExpect(status().isCreated());
		mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/documents/originals")
			.file(new MockMultipartFile("file", "送达回证.pdf", "application/pdf", pdf))
			.param("kind", "DELIVERY_RECEIPT").param("number", notice).param("issuedOn", "2024-04-12")
			.header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("unique"));
		mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/documents/originals")
			.file(new MockMultipartFile("file", "决定书.pdf", "application/pdf", pdf))
			.param("kind", "DECISION").param("number", second).param("issuedOn", "2024-04-10").header("Authorization", WUZHONG))
			.andExpect(status().isCreated());
	}

	private long imported(String decisionNumber) throws Exception {
		return PenaltyCaseIntegrationTest.id(call(WUZHONG, "/api/v1/enforcement/cases/imported", """
				{"enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","source":"INSPECTION","filedOn":"2024-03-01",
				 "decidedOn":"2024-04-10","decisionNumber":"%s","penalty":"FINE","fine":3000,"paidOn":"2024-04-20",
				 "closedOn":"2024-04-25"}""".formatted(wuzhong(2).creditCode(), decisionNumber)).andExpect(status().isCreated()));
	}

	/**
	 * A case's investigators are of the bureaus above its region or inside the caller's, each certificate checked on its
	 * own: another county's is answered as an unknown one (rule exists), naming neither its holder nor the holder's
	 * bureau; a certificate named twice is refused rather than read once. Nothing is saved.
	 */
	@Test
	void anInvestigatorOfAnotherCountyIsRefusedNamingTheFieldAndTheRule() throws Exception {
		long c = fileCase(wuzhong(2), "DATA_NOT_REPORTED");
		String body = call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", """
				{"investigators":[{"name":"陈吴中","certificateNumber":"32050601"},{"name":"冒名","certificateNumber":"32058301"},
				 {"name":"不存在","certificateNumber":"99990099"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.rule == 'exists')].field")
				.value(Matchers.contains("investigators[1].certificateNumber", "investigators[2].certificateNumber")))
			.andReturn().getResponse().getContentAsString();
		assertThat(body).as("the other county's holder and bureau are not told").doesNotContain("卫昆山", "昆山市邮政管理局")
			.doesNotContain("\"rule\":\"matches\"");
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", """
				{"investigators":[{"name":"陈吴中","certificateNumber":"32050601"},{"name":"陈吴中","certificateNumber":"32050601"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.rule == 'duplicate')].field")
				.value(Matchers.contains("investigators[1].certificateNumber")));
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case_investigator WHERE case_id = :id").param("id", c)
			.query(Long.class).single()).isZero();
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", TEAM).andExpect(status().isOk());
	}

	/**
	 * The 决定书 as read back: the facts after its own lead-in once ("经查，你单位…", not "经查，经调查，当事人…"), the
	 * review of the statement closed by one full stop however it was typed, and no 从轻 the decision did not record — a
	 * review adopting the statement "从轻处罚" without the decision's 从轻 is refused on statementReview; the 事先告知书
	 * and the 决定书 name the party 你单位 throughout, never 当事人 beside it in the body.
	 */
	@Test
	void theDecisionStatesTheFactsAndTheReviewOnceAndNoLighterPenaltyItDidNotDecide() throws Exception {
		long c = fileCase(wuzhong(2), "DATA_NOT_REPORTED");
		String path = "/api/v1/enforcement/cases/" + c;
		call(WUZHONG, path + "/investigation", TEAM).andExpect(status().isOk());
		PartyCases.evidence(jdbc, c);
		call(WUZHONG, path + "/conclusion",
				"{\"report\":\"经调查，当事人连续三个月未报送快递业务数据\",\"proposedPenalty\":\"FINE\",\"proposedFine\":\"2000\"}")
			.andExpect(status().isOk());
		call(WUZHONG, path + "/notice", on(today())).andExpect(status().isOk());
		call(WUZHONG, path + "/statement", "{\"on\":\"" + today() + "\",\"text\":\"系系统故障，请求从轻处罚。\"}")
			.andExpect(status().isOk());
		String decision = "{\"decidedOn\":\"" + today() + "\",\"penalty\":\"FINE\",\"fine\":\"2000\","
				+ "\"statementAdopted\":%s,\"statementReview\":\"%s\"}";
		call(HEAD, path + "/decision", decision.formatted("true", "当事人已补报，予以从轻处罚。"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("statementReview"))
			.andExpect(jsonPath("$.errors[0].rule").value("consistent"));
		call(HEAD, path + "/decision", decision.formatted("false", "系统故障不是免责事由，不予从轻。"))
			.andExpect(status().isOk());
		String text = text((String) only(documents(c), "DECISION").get("href"), WUZHONG);
		assertThat(text).contains("一、违法事实和证据：经查，你单位连续三个月未报送快递业务数据")
			.doesNotContain("经查，经调查").contains("理由：系统故障不是免责事由，不予从轻。").doesNotContain("。。")
			.contains("你单位于").doesNotContain("当事人于");
		String notice = text((String) only(documents(c), "PRIOR_NOTICE").get("href"), WUZHONG);
		assertThat(notice).contains("你单位存在以下违法事实：你单位连续三个月").doesNotContain("经调查，经调查");
		assertThat(notice.substring(notice.indexOf("经调查"))).doesNotContain("当事人");
	}

	/** The API's steps take their date as {@code on} (and a statement as {@code text}): errors name those fields. */
	@Test
	void aStepsErrorsNameTheFieldsTheApiTakes() throws Exception {
		long c = fileCase(wuzhong(2), "DATA_NOT_REPORTED");
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", TEAM).andExpect(status().isOk());
		PartyCases.evidence(jdbc, c);
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/conclusion",
				"{\"report\":\"当事人连续三个月未报送快递业务数据\",\"proposedPenalty\":\"FINE\",\"proposedFine\":\"2000\"}")
			.andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/notice", "{\"on\":\"2026/01/01\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("on"));
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/notice", on(today())).andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/statement", "{\"on\":\"" + today() + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(everyItem(in(List.of("on", "statement")))));
	}

	@Test
	void everyStepIssuesItsNumberedDocumentFilledFromTheCaseAndKeptWithIt() throws Exception {
		EnterpriseView e = wuzhong(5);
		long c = fileCase(e, "DATA_NOT_REPORTED");
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", TEAM).andExpect(status().isOk());
		mvc.perform(evidence(c).param("kind", "INQUIRY_RECORD").param("title", "询问当事人数据报送负责人")
			.param("content", "问：为何未报送？答：系统故障，未及时补报。").param("place", "当事人办公室").param("subject", "王数据")
			.param("collectedOn", today().toString()).param("collectors", "32050601", "32050602"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.collectedBy").value("陈吴中（32050601）、沈执法（32050602）"));
		mvc.perform(evidence(c).file(new MockMultipartFile("file", "现场.jpg", "image/jpeg", TestImages.jpeg(40, 30)))
			.param("kind", "PHOTO").param("title", "数据报送系统截图").param("collectedOn", today().toString())
			.param("collectors", "32050601", "32050602"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.href").value(containsString("/attachments/")));
		PartyCases.evidence(jdbc, c);
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/conclusion",
				"{\"report\":\"当事人连续三个月未报送快递业务数据\",\"proposedPenalty\":\"FINE\",\"proposedFine\":\"2000\"}")
			.andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/notice", on(today())).andExpect(status().isOk());
		waiveStatement(c);
		String number = JsonPath.read(call(HEAD, "/api/v1/enforcement/cases/" + c + "/decision",
				"{\"decidedOn\":\"" + today() + "\",\"penalty\":\"FINE\",\"fine\":\"2000\"}").andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(), "$.penaltyCase.decisionNumber");
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/delivery", "{\"on\":\"" + today() + "\",\"method\":\"DIRECT\"}").andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/payment", "{\"paidOn\":\"" + today() + "\",\"amount\":\"2000\"}")
			.andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/closure", "{\"reason\":\"罚款已缴清\"}").andExpect(status().isOk());

		List<Map<String, Object>> docs = documents(c);
		assertThat(docs).extracting(d -> d.get("kind")).containsExactly("FILING_APPROVAL", "INQUIRY_RECORD",
				"INVESTIGATION_REPORT", "PRIOR_NOTICE", "DECISION", "DELIVERY_RECEIPT", "CLOSING_REPORT");
		assertThat((String) only(docs, "FILING_APPROVAL").get("number")).matches("苏吴邮管立〔" + today().getYear() + "〕[1-9][0-9]*号");
		assertThat((String) only(docs, "PRIOR_NOTICE").get("number")).startsWith("苏吴邮管告〔");
		assertThat(only(docs, "DECISION").get("number")).isEqualTo(number);

		String day = today().getYear() + "年" + today().getMonthValue() + "月" + today().getDayOfMonth() + "日";
		String decision = text((String) only(docs, "DECISION").get("href"), WUZHONG);
		assertThat(decision).as("art.59 (一) the party, its address")
			.contains("行政处罚决定书", number, e.legalName(), e.creditCode())
			.contains(e.address() == null ? "" : e.address());
		assertThat(decision).as("art.59 (二) facts and evidence")
			// addressed to the party: the facts typed of 当事人 read 你单位, as the rest of the 决定书 names it
			.contains("你单位连续三个月未报送快递业务数据", "询问当事人数据报送负责人", "数据报送系统截图");
		assertThat(decision).as("art.59 (三) the penalty and its basis")
			.contains("未按规定报送快递业务数据", "依据《快递市场管理办法》第五十六条", "罚款人民币2000元")
			.doesNotContain("(2023)", "第56条");
		assertThat(text((String) only(docs, "FILING_APPROVAL").get("href"), WUZHONG)).as("the 立案审批表 cites formally")
			.contains("《快递市场管理办法》第五十六条", "（《中华人民共和国行政处罚法》第三十六条第一款）")
			.doesNotContain("(2023)", "（行政处罚法第");
		assertThat(text((String) only(docs, "PRIOR_NOTICE").get("href"), WUZHONG)).as("the 事先告知书 cites formally")
			.contains("依据《快递市场管理办法》第五十六条").doesNotContain("(2023)");
		assertThat(decision).as("art.59 (四) how and when to pay").contains("15日内", "3%加处罚款");
		assertThat(decision).as("art.59 (五) remedies").contains("六十日内", "行政复议", "六个月内", "行政诉讼");
		assertThat(decision).as("art.59 (六) the authority and the day").contains("邮政管理局", day).doesNotContain("${");

		String record = text((String) only(docs, "INQUIRY_RECORD").get("href"), WUZHONG);
		assertThat(record).contains("询问笔录", "王数据", "当事人办公室", "系统故障，未及时补报", "陈吴中（32050601）").doesNotContain("${");
		String notice = text((String) only(docs, "PRIOR_NOTICE").get("href"), WUZHONG);
		assertThat(notice).contains("行政处罚事先告知书", "罚款人民币2000元", "陈述、申辩", "个工作日内").doesNotContain("${");
		assertThat(text((String) only(docs, "CLOSING_REPORT").get("href"), WUZHONG)).contains("结案报告", "罚款已缴清", number);
		assertThat(text((String) only(docs, "FILING_APPROVAL").get("href"), WUZHONG)).contains("立案审批表", e.legalName(), "蒋局长");

		mvc.perform(get((String) only(docs, "DECISION").get("href")).header("Authorization", XIANGCHENG))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/enforcement/cases/" + c + "/documents").header("Authorization", XIANGCHENG))
			.andExpect(status().isNotFound());
	}

	@Test
	void theReviewHearingAndDeliveryDocumentsCarryTheirDatesAndPeople() throws Exception {
		clock.set(LocalDate.of(2026, 6, 1).atTime(10, 0));
		long c = fileCase(wuzhong(7), "UNLICENSED");
		String market = PenaltyCaseIntegrationTest.REVIEWER;
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", TEAM).andExpect(status().isOk());
		PartyCases.evidence(jdbc, c);
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/conclusion",
				"{\"report\":\"查明当事人未取得许可经营快递业务\",\"proposedPenalty\":\"FINE\",\"proposedFine\":\"60000\"}")
			.andExpect(status().isOk());
		call(market, "/api/v1/enforcement/cases/" + c + "/review", "{\"agreed\":true,\"opinion\":\"事实清楚，同意告知\"}")
			.andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/notice", on(LocalDate.of(2026, 6, 1))).andExpect(status().isOk());
		clock.set(LocalDate.of(2026, 6, 30).atTime(10, 0));
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/hearing-request", on(LocalDate.of(2026, 6, 8))).andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/hearing",
				"{\"noticeOn\":\"2026-06-16\",\"hearingOn\":\"2026-06-26\",\"place\":\"吴中区邮政管理局听证室\",\"host\":"
						+ PartyCases.user(jdbc, "wz.review") + ",\"record\":\"当事人称系初次经营，请求从轻；调查人员出示证据\"}")
			.andExpect(status().isOk());
		call(market, "/api/v1/enforcement/cases/" + c + "/review", "{\"agreed\":true,\"opinion\":\"听证后复核，同意处罚\"}")
			.andExpect(status().isOk());
		String number = JsonPath.read(call(HEAD, "/api/v1/enforcement/cases/" + c + "/decision",
				"{\"decidedOn\":\"2026-06-30\",\"penalty\":\"FINE\",\"fine\":\"60000\"}").andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(), "$.penaltyCase.decisionNumber");
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/delivery", "{\"on\":\"" + LocalDate.of(2026, 6, 30) + "\",\"method\":\"DIRECT\"}").andExpect(status().isOk());

		List<Map<String, Object>> docs = documents(c);
		assertThat(docs).extracting(d -> d.get("kind")).containsExactly("FILING_APPROVAL", "INVESTIGATION_REPORT",
				"REVIEW_OPINION", "PRIOR_NOTICE", "HEARING_RIGHT_NOTICE", "HEARING_NOTICE", "HEARING_RECORD", "REVIEW_OPINION",
				"DECISION", "DELIVERY_RECEIPT");
		for (Map<String, Object> d : docs) {
			assertThat(text((String) d.get("href"), WUZHONG)).as((String) d.get("kind")).doesNotContain("${");
		}
		assertThat(text((String) docs.get(2).get("href"), WUZHONG)).contains("法制审核意见书", "韩法审", "事实清楚，同意告知",
				"罚款人民币60000元");
		assertThat(text((String) docs.get(7).get("href"), WUZHONG)).contains("听证后复核，同意处罚");
		assertThat(text((String) only(docs, "HEARING_RIGHT_NOTICE").get("href"), WUZHONG))
			.contains("听证告知书", "第六十三条", "2026年6月8日");
		assertThat(text((String) only(docs, "HEARING_NOTICE").get("href"), WUZHONG))
			.contains("听证通知书", "2026年6月26日", "2026年6月16日", "2026年6月8日");
		assertThat(text((String) only(docs, "HEARING_RECORD").get("href"), WUZHONG))
			.contains("听证笔录", "当事人称系初次经营，请求从轻", "陈吴中（执法证号32050601）");
		assertThat(text((String) only(docs, "INVESTIGATION_REPORT").get("href"), WUZHONG))
			.contains("案件调查终结报告", "违法事实：当事人未取得许可经营快递业务", "50000–100000元");
		assertThat(text((String) only(docs, "DELIVERY_RECEIPT").get("href"), WUZHONG)).contains("送达回证", number, "2026年6月30日");
		assertThat(text((String) only(docs, "DECISION").get("href"), WUZHONG)).contains("罚款人民币60000元", "2026年6月1日");
	}

	@Test
	void aReissuedDocumentKeepsItsNumberAndItsPredecessor() throws Exception {
		long c = decidedAndDelivered(wuzhong(6));
		Map<String, Object> first = only(documents(c), "DECISION");
		String path = "/api/v1/enforcement/cases/" + c + "/documents/" + first.get("id") + "/reissue";
		// the 决定书 was served on the party: its correction is the handling bureau's head's
		call(HEAD, path, "{\"reason\":\" \"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		call(HEAD, path, "{\"reason\":\"更正当事人地址\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.number").value((String) first.get("number")));
		List<Map<String, Object>> decisions = documents(c).stream().filter(d -> "DECISION".equals(d.get("kind"))).toList();
		assertThat(decisions).hasSize(2);
		assertThat(decisions.get(0).get("current")).isEqualTo(false);
		assertThat(((Number) decisions.get(0).get("supersededBy")).longValue())
			.isEqualTo(((Number) decisions.get(1).get("id")).longValue());
		assertThat(text((String) decisions.get(0).get("href"), WUZHONG)).contains((String) first.get("number"));
		assertThat(text((String) decisions.get(1).get("href"), WUZHONG)).contains((String) first.get("number"));
		call(HEAD, path, "{\"reason\":\"再次更正\"}").andExpect(status().isConflict());
		call(XIANGCHENG, path, "{\"reason\":\"越权\"}").andExpect(status().isNotFound());
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'penalty_case' AND object_id = :id AND action = 'case.document-reissue'")
			.param("id", String.valueOf(c)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void evidenceIsCollectedByTwoOfTheCasesInvestigatorsAndAPhotoIsARealImage() throws Exception {
		long c = fileCase(wuzhong(0), "DATA_NOT_REPORTED");
		String day = today().toString();
		mvc.perform(evidence(c).param("kind", "DOCUMENTARY").param("title", "报送记录").param("collectedOn", day)
			.param("collectors", "32050601", "32050602")).andExpect(status().isConflict());
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", TEAM).andExpect(status().isOk());
		mvc.perform(evidence(c).file(new MockMultipartFile("file", "a.pdf", "application/pdf", PdfFiles.blankPage()))
			.param("kind", "DOCUMENTARY").param("title", "报送记录").param("collectedOn", day).param("collectors", "32050601"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("collectors"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不得少于2人")));
		mvc.perform(evidence(c).file(new MockMultipartFile("file", "a.pdf", "application/pdf", PdfFiles.blankPage()))
			.param("kind", "DOCUMENTARY").param("title", "报送记录").param("collectedOn", day)
			.param("collectors", "32050601", "99999999"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("collectors[1]"));
		mvc.perform(evidence(c).param("kind", "PHOTO").param("title", "现场").param("collectedOn", day)
			.param("collectors", "32050601", "32050602"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		mvc.perform(evidence(c).file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", PdfFiles.blankPage()))
			.param("kind", "PHOTO").param("title", "现场").param("collectedOn", day).param("collectors", "32050601", "32050602"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("JPEG或PNG")));
		mvc.perform(evidence(c).file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", "not an image".getBytes()))
			.param("kind", "PHOTO").param("title", "现场").param("collectedOn", day).param("collectors", "32050601", "32050602"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		mvc.perform(evidence(c).param("kind", "VIDEO").param("title", "执法记录仪视频").param("collectedOn", day)
			.param("collectors", "32050601", "32050602"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("content"));
		mvc.perform(evidence(c).param("kind", "NOPE").param("title", "x").param("collectedOn", day)
			.param("collectors", "32050601", "32050602"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		MockMultipartHttpServletRequestBuilder outside = multipart("/api/v1/enforcement/cases/" + c + "/evidence");
		outside.header("Authorization", XIANGCHENG);
		mvc.perform(outside.param("kind", "VIDEO").param("title", "视频").param("content", "光盘1张").param("collectedOn", day)
			.param("collectors", "32050601", "32050602")).andExpect(status().isNotFound());
		mvc.perform(evidence(c).param("kind", "VIDEO").param("title", "执法记录仪视频").param("content", "执法记录仪DSJ-01，光盘编号2026-07")
			.param("collectedOn", day).param("collectors", "32050601", "32050602")).andExpect(status().isCreated());
		mvc.perform(get("/api/v1/enforcement/cases/" + c + "/evidence").header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].kind").value("VIDEO"));
		mvc.perform(get("/api/v1/enforcement/cases/" + c + "/evidence").header("Authorization", XIANGCHENG))
			.andExpect(status().isNotFound());
	}

	/**
	 * Attack round 15 (the lead's fault on the evidence list): an item sent twice (a double click, a retried call) was
	 * listed twice. The same item again — spaces and widths aside, the same file — is a 409 naming the title; another
	 * item (another file, other content) is recorded.
	 */
	@Test
	void theSameEvidenceSentTwiceIsListedOnce() throws Exception {
		long c = fileCase(wuzhong(0), "DATA_NOT_REPORTED");
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", TEAM).andExpect(status().isOk());
		String day = today().toString();
		mvc.perform(evidence(c).param("kind", "VIDEO").param("title", "执法记录仪视频").param("content", "光盘编号2026-08")
			.param("collectedOn", day).param("collectors", "32050601", "32050602")).andExpect(status().isCreated());
		mvc.perform(evidence(c).param("kind", "VIDEO").param("title", " 执法记录仪 视频 ").param("content", "光盘编号２０２６-08")
			.param("collectedOn", day).param("collectors", "32050601", "32050602"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("title"))
			.andExpect(jsonPath("$.errors[0].rule").value("unique"));
		mvc.perform(evidence(c).param("kind", "VIDEO").param("title", "执法记录仪视频").param("content", "光盘编号2026-09")
			.param("collectedOn", day).param("collectors", "32050601", "32050602")).andExpect(status().isCreated());
		mvc.perform(evidence(c).file(new MockMultipartFile("file", "a.pdf", "application/pdf", PdfFiles.blankPage()))
			.param("kind", "DOCUMENTARY").param("title", "报送记录").param("collectedOn", day)
			.param("collectors", "32050601", "32050602")).andExpect(status().isCreated());
		mvc.perform(evidence(c).file(new MockMultipartFile("file", "a.pdf", "application/pdf", PdfFiles.blankPage()))
			.param("kind", "DOCUMENTARY").param("title", "报送记录").param("collectedOn", day)
			.param("collectors", "32050601", "32050602")).andExpect(status().isConflict());
		mvc.perform(evidence(c).file(new MockMultipartFile("file", "b.pdf", "application/pdf", PdfFiles.blankPage()))
			.param("kind", "DOCUMENTARY").param("title", "报送记录").param("collectedOn", day)
			.param("collectors", "32050601", "32050602")).andExpect(status().isCreated());
		mvc.perform(get("/api/v1/enforcement/cases/" + c + "/evidence").header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.length()").value(4));
	}

	/**
	 * Finding (evidence served unmasked): a case's evidence file (a photo, a PDF scan) may show a party's or a witness's
	 * name, phone or ID number, which no mask reaches — as a complaint's evidence, it is refused (403) to staff who read
	 * the case's personal numbers masked (the city's staff and its head above a county's case), and served to the
	 * handling bureau's staff; the case's generated Word documents still reach the city, masked.
	 */
	@Test
	void aCaseEvidenceFileIsRefusedToReadersWhoReadTheCaseMasked() throws Exception {
		long c = fileCase(wuzhong(3), "DATA_NOT_REPORTED");
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", TEAM).andExpect(status().isOk());
		String body = mvc.perform(evidence(c).file(new MockMultipartFile("file", "身份证复印件.pdf", "application/pdf", PdfFiles.blankPage()))
			.param("kind", "DOCUMENTARY").param("title", "当事人身份证复印件").param("collectedOn", today().toString())
			.param("collectors", "32050601", "32050602"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long scan = JsonPath.parse(body).read("$.attachmentId", Long.class);
		mvc.perform(get("/attachments/" + scan).header("Authorization", CITY)).andExpect(status().isForbidden());
		mvc.perform(get("/attachments/" + scan).header("Authorization", "Bearer demo-sz-leader-token"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/attachments/" + scan).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("application/pdf")));
		// the case page offers no link the reader would be refused: the city reads "case handlers only" in its place
		Document city = Jsoup.parse(mvc.perform(get("/enforcement/cases/" + c).session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(city.select("#evidence-list a[href=/attachments/" + scan + "]")).isEmpty();
		assertThat(city.select("#evidence-list .evidence-withheld").text()).isEqualTo("仅承办人可查看");
		Document handler = Jsoup.parse(mvc.perform(get("/enforcement/cases/" + c).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(handler.select("#evidence-list a[href=/attachments/" + scan + "]")).hasSize(1);
		assertThat(handler.select("#evidence-list .evidence-withheld")).isEmpty();
		long document = jdbc.sql("""
				SELECT a.id FROM attachment a WHERE a.module = 'enforcement' AND a.owner_type = 'penalty_case' AND a.owner_id = :c
				AND a.content_type LIKE 'application/vnd.openxmlformats%' ORDER BY a.id LIMIT 1""")
			.param("c", c).query(Long.class).single();
		mvc.perform(get("/attachments/" + document).header("Authorization", CITY)).andExpect(status().isOk());
	}

	/**
	 * Finding (case documents' scans linked to readers refused them): the scan of an imported case's paper document (a
	 * PDF no mask reaches) is withheld as an evidence file is from readers who read the case masked — no address in the
	 * API, "仅承办人可查看" instead of the link on the case page — and offered to the handling bureau; a generated .docx
	 * keeps its address for them (served masked).
	 */
	@Test
	void anOriginalDocumentsScanIsWithheldFromReadersWhoReadTheCaseMasked() throws Exception {
		String number = "苏邮罚〔2024〕" + System.nanoTime() % 100000 + "号";
		long c = PenaltyCaseIntegrationTest.id(call(WUZHONG, "/api/v1/enforcement/cases/imported", """
				{"enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","source":"INSPECTION","filedOn":"2024-03-01",
				 "decidedOn":"2024-04-10","decisionNumber":"%s","penalty":"FINE","fine":3000,"paidOn":"2024-04-20",
				 "closedOn":"2024-04-25"}""".formatted(wuzhong(3).creditCode(), number)).andExpect(status().isCreated()));
		String body = mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/documents/originals")
			.file(new MockMultipartFile("file", "决定书.pdf", "application/pdf", PdfFiles.blankPage()))
			.param("kind", "DECISION").param("issuedOn", "2024-04-10").header("Authorization", WUZHONG))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long scan = JsonPath.parse(body).read("$.attachmentId", Long.class);
		mvc.perform(get("/api/v1/enforcement/cases/" + c + "/documents").header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].attachmentId").value(scan))
			.andExpect(jsonPath("$[0].href").doesNotExist())
			.andExpect(jsonPath("$[0].fileWithheld").value(true));
		assertThat(only(documents(c), "DECISION").get("href")).isEqualTo("/attachments/" + scan);
		Document city = Jsoup.parse(mvc.perform(get("/enforcement/cases/" + c).session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(city.select("#documents a[href=/attachments/" + scan + "]")).isEmpty();
		assertThat(city.select("#documents .document-withheld").text()).isEqualTo("仅承办人可查看");
		Document handler = Jsoup.parse(mvc.perform(get("/enforcement/cases/" + c).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(handler.select("#documents a[href=/attachments/" + scan + "]")).hasSize(1);
		assertThat(handler.select("#documents .document-withheld")).isEmpty();
		// a generated .docx keeps its address for the city (served masked)
		long filed = fileCase(wuzhong(3), "DATA_NOT_REPORTED");
		call(WUZHONG, "/api/v1/enforcement/cases/" + filed + "/investigation", TEAM).andExpect(status().isOk());
		List<Map<String, Object>> cityDocs = JsonPath.read(mvc.perform(get("/api/v1/enforcement/cases/" + filed + "/documents")
			.header("Authorization", CITY)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
		assertThat(cityDocs).isNotEmpty().allSatisfy(d -> assertThat(d.get("href")).isNotNull());
	}

	/**
	 * 视听资料 (行政处罚法(2021) art.46): an interview recording goes with its 音频 item and plays back from the case with
	 * its checked type and a policy that lets the browser play it; a video offered as a 照片 and a WAV offered as a 书证
	 * are refused on {@code file}, naming what the kind takes.
	 */
	@Test
	void aRecordingIsKeptWithItsAudioItemAndServedToPlay() throws Exception {
		long c = fileCase(wuzhong(2), "DATA_NOT_REPORTED");
		String day = today().toString();
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", TEAM).andExpect(status().isOk());
		mvc.perform(evidence(c).file(new MockMultipartFile("file", "现场.jpg", "image/jpeg", UploadedFileMediaTest.mp4()))
			.param("kind", "PHOTO").param("title", "现场").param("collectedOn", day).param("collectors", "32050601", "32050602"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("JPEG或PNG")));
		mvc.perform(evidence(c).file(new MockMultipartFile("file", "a.pdf", "application/pdf", UploadedFileMediaTest.wav()))
			.param("kind", "DOCUMENTARY").param("title", "报送记录").param("collectedOn", day)
			.param("collectors", "32050601", "32050602"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		String body = mvc.perform(evidence(c).file(new MockMultipartFile("file", "询问录音.wav", "audio/wav", UploadedFileMediaTest.wav()))
			.param("kind", "AUDIO").param("title", "询问录音").param("content", "录音笔RP-02，原始文件存光盘2026-11")
			.param("collectedOn", day).param("collectors", "32050601", "32050602"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long attachment = JsonPath.parse(body).read("$.attachmentId", Long.class);
		mvc.perform(get("/attachments/" + attachment).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("audio/")))
			.andExpect(header().string("Content-Security-Policy", containsString("media-src 'self'")));
	}

	@Test
	void anOnTheSpotPenaltyStaysWithinArticle51AndIssuesItsDecision() throws Exception {
		EnterpriseView e = wuzhong(1);
		String team = "[{\"name\":\"陈吴中\",\"certificateNumber\":\"32050601\"},{\"name\":\"沈执法\",\"certificateNumber\":\"32050602\"}]";
		String org = """
				{"partyKind":"ORGANISATION","enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","facts":"未按时报送月度数据",
				 "place":"当事人营业场所","decidedOn":"%s","penalty":"%s","fine":%s,"team":%s}""";
		// the fine as a JSON number, as a client would send it: the article's ceiling answers, not the type
		call(WUZHONG, "/api/v1/enforcement/cases/on-the-spot", org.formatted(e.creditCode(), today(), "FINE", "3500", team))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("fine"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("3000元（行政处罚法(2021) 第51条）")));
		// below the article's minimum (快递市场管理办法 art.48: ¥5,000–10,000) only a 减轻 would do, which the simple
		// procedure has no fields, review nor ground for: the answer sends the case to the general procedure (art.51)
		call(WUZHONG, "/api/v1/enforcement/cases/on-the-spot", org.replace("DATA_NOT_REPORTED", "UNLICENSED_CONTRACTOR")
			.formatted(e.creditCode(), today(), "FINE", "2000", team))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("fine"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不适用简易程序")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("普通程序")))
			.andExpect(jsonPath("$.errors[0].message").value(not(containsString("并写明情形和理由"))));
		call(WUZHONG, "/api/v1/enforcement/cases/on-the-spot", org.formatted(e.creditCode(), today(), "SUSPENSION", "null", team))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("penalty"));
		call(WUZHONG, "/api/v1/enforcement/cases/on-the-spot", org.formatted(e.creditCode(), today(), "WARNING", "null",
				"[{\"name\":\"陈吴中\",\"certificateNumber\":\"32050601\"}]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("team"));
		String person = """
				{"partyKind":"PERSON","personName":"李某","regionCode":"320506","violation":"DATA_NOT_REPORTED","facts":"快递员未按规定报送",
				 "place":"吴中区某网点","decidedOn":"%s","penalty":"FINE","fine":"%s","team":%s}""";
		call(WUZHONG, "/api/v1/enforcement/cases/on-the-spot", person.formatted(today(), "300", team))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("200元")));
		// an ID number typed into the name would be printed in clear on the decision and in the lists
		for (String name : List.of("李四 身份证320506199001011234", "王五₂", "张Ⅳ三", "李①")) {
			call(WUZHONG, "/api/v1/enforcement/cases/on-the-spot", person.replace("李某", name).formatted(today(), "150", team))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("personName"))
				.andExpect(jsonPath("$.errors[0].rule").value("no-digits"));
		}
		long filedBefore = jdbc.sql("SELECT coalesce(max(last_value), 0) FROM number_sequence WHERE type = '处罚案件'")
			.query(Long.class).single();
		// 快递市场管理办法 art.56 lays its duty on enterprises: a person is no party to it (the catalogue's reading)
		call(WUZHONG, "/api/v1/enforcement/cases/on-the-spot", person.formatted(today(), "150", team))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("partyKind"))
			.andExpect(jsonPath("$.errors[0].rule").value("party-kind"));
		// a person's on-the-spot decision as recorded before the catalogue said who may be a party
		long c = PenaltyCaseIntegrationTest.id(call(WUZHONG, "/api/v1/enforcement/cases/on-the-spot",
				org.formatted(e.creditCode(), today(), "FINE", "150", team)).andExpect(status().isCreated()));
		jdbc.sql("""
				UPDATE penalty_case SET party_kind = 'PERSON', enterprise_credit_code = NULL, enterprise_name = '李某',
				    on_spot_place = '吴中区某网点' WHERE id = :id""").param("id", c).update();
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/documents/" + only(documents(c), "ON_THE_SPOT_DECISION").get("id")
				+ "/reissue", "{\"reason\":\"当事人信息更正\"}").andExpect(status().isUnprocessableEntity());
		// handed over on the spot, the decision was served: the handling bureau's head corrects it
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/documents/"
				+ only(documents(c), "ON_THE_SPOT_DECISION").get("id") + "/reissue", "{\"reason\":\"当事人信息更正\"}")
			.andExpect(status().isOk());
		// no 立案 on the spot: the case takes a number of its own series, none of the 立案 register
		assertThat(jdbc.sql("SELECT coalesce(max(last_value), 0) FROM number_sequence WHERE type = '处罚案件'")
			.query(Long.class).single()).isEqualTo(filedBefore);
		mvc.perform(get("/api/v1/enforcement/cases/" + c).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.penaltyCase.status").value("DELIVERED"))
			.andExpect(jsonPath("$.penaltyCase.number").value(containsString("当场处罚案件-320506-")))
			.andExpect(jsonPath("$.penaltyCase.decisionNumber").value(matchesPattern("苏吴邮管当罚〔[0-9]{4}〕[1-9][0-9]*号")))
			.andExpect(jsonPath("$.penaltyCase.enterpriseCreditCode").value(nullValue()));
		mvc.perform(get("/api/v1/enforcement/cases/" + c + "/procedure").header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.procedureKind").value("SIMPLE"))
			.andExpect(jsonPath("$.partyKind").value("PERSON"));
		String doc = text((String) documents(c).stream().filter(d -> "ON_THE_SPOT_DECISION".equals(d.get("kind"))
				&& Boolean.TRUE.equals(d.get("current"))).findFirst().orElseThrow().get("href"), WUZHONG);
		// a person's address is not recorded: the party line names the person, no blank 地址
		assertThat(doc).doesNotContain("地址");
		assertThat(doc).contains("当场行政处罚决定书", "李某", "罚款人民币150元", "第五十一条", "吴中区某网点", "陈吴中（执法证号32050601）",
				"15日内缴至指定银行", "3%加处罚款")
			.doesNotContain("${");
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/publication", on(today())).andExpect(status().is(422));
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/payment", "{\"paidOn\":\"" + today() + "\",\"amount\":150}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.status").value("EXECUTED"));
		// a warning asks for no payment: its decision states neither a payment period nor 加处罚款
		long warning = PenaltyCaseIntegrationTest.id(call(WUZHONG, "/api/v1/enforcement/cases/on-the-spot",
				org.formatted(e.creditCode(), today(), "WARNING", "null", team)).andExpect(status().isCreated()));
		assertThat(text((String) only(documents(warning), "ON_THE_SPOT_DECISION").get("href"), WUZHONG))
			.contains("警告", "无须缴纳罚款").doesNotContain("加处罚款", "日内缴", "${")
			// the catalogue holds no duty article for 快递市场管理办法 art.56: the text is named as a whole, no penalty
			// clause is cited as the duty
			.contains("构成未按规定报送快递业务数据，违反了《快递市场管理办法》的有关规定。").doesNotContain("违反了《快递市场管理办法》第五十六条");
	}

	/**
	 * 并处: 没收违法所得 under an article that says "没收违法所得，并处…罚款" (快递暂行条例(2025) art.54) is proposed and
	 * decided with the value confiscated and the fine, each required (rules {@code required}, {@code combined-required});
	 * the confiscation alone gives the hearing right from the catalogue's 较大数额 (art.63(二)); a confiscation above the
	 * one notified is heavier (art.45). The notice and the decision state both parts and how each is performed — the fine
	 * paid with its 加处罚款, the confiscation handed over without it —; the case keeps the head who decided, and the public
	 * list names both parts with the fine and the confiscation apart.
	 */
	@Test
	void aCombinedDecisionStatesTheConfiscationAndTheFineItCarries() throws Exception {
		String conclusion = "{\"report\":\"当事人违法获利\",\"proposedPenalty\":\"CONFISCATION\",\"mitigation\":\"REDUCED\","
				+ "\"mitigationGround\":\"ELIMINATED_HARM\",\"mitigationReason\":\"主动删除泄露的信息\"%s}";
		long large = fileCase(wuzhong(3), "WAYBILL_DATA");
		call(WUZHONG, "/api/v1/enforcement/cases/" + large + "/investigation", TEAM).andExpect(status().isOk());
		PartyCases.evidence(jdbc, large);
		call(WUZHONG, "/api/v1/enforcement/cases/" + large + "/conclusion", conclusion.formatted(""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'proposedConfiscated')].rule").value(hasItem("required")))
			.andExpect(jsonPath("$.errors[?(@.field == 'proposedFine')].rule").value(hasItem("combined-required")));
		call(WUZHONG, "/api/v1/enforcement/cases/" + large + "/conclusion",
				conclusion.formatted(",\"proposedFine\":\"5000\",\"proposedConfiscated\":\"12000\"")).andExpect(status().isOk());
		mvc.perform(get("/api/v1/enforcement/cases/" + large).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.deadlines.hearingRight").value(true));

		long c = fileCase(wuzhong(3), "WAYBILL_DATA");
		String path = "/api/v1/enforcement/cases/" + c;
		call(WUZHONG, path + "/investigation", TEAM).andExpect(status().isOk());
		PartyCases.evidence(jdbc, c);
		call(WUZHONG, path + "/conclusion", conclusion.formatted(",\"proposedFine\":\"5000\",\"proposedConfiscated\":\"5000\""))
			.andExpect(status().isOk());
		call(WUZHONG, path + "/notice", on(today())).andExpect(status().isOk());
		waiveStatement(c);
		String decision = "{\"decidedOn\":\"" + today() + "\",\"penalty\":\"CONFISCATION\",\"mitigation\":\"REDUCED\","
				+ "\"mitigationGround\":\"ELIMINATED_HARM\",\"mitigationReason\":\"主动删除泄露的信息\"%s}";
		call(HEAD, path + "/decision", decision.formatted(",\"confiscated\":\"5000\"")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("fine"))
			.andExpect(jsonPath("$.errors[0].rule").value("combined-required"));
		call(HEAD, path + "/decision", decision.formatted(",\"fine\":\"5000\"")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("confiscated"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"));
		call(HEAD, path + "/decision", decision.formatted(",\"fine\":\"5000\",\"confiscated\":\"6000\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("confiscated"))
			.andExpect(jsonPath("$.errors[0].rule").value("heavier"));
		call(HEAD, path + "/decision", decision.formatted(",\"fine\":\"5000\",\"confiscated\":\"5000\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.fine").value(5000))
			.andExpect(jsonPath("$.penaltyCase.confiscated").value(5000))
			.andExpect(jsonPath("$.penaltyCase.decidedBy").value("蒋局长"))
			.andExpect(jsonPath("$.penaltyCase.decidedByUserId").value(PartyCases.user(jdbc, "wz.leader")));
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'case.decide' AND object_type = 'penalty_case' AND object_id = :id")
			.param("id", String.valueOf(c)).query(String.class).single())
			.contains("没收违法所得人民币5000元，并处罚款人民币5000元", "决定人：蒋局长");
		// the notice proposing a 减轻 below the range states it and its art.32 ground as the decision does, each once
		// (attack round 20: the notice cited the penalty article alone, the decision nested the item in the article)
		String ground = "依据《中华人民共和国行政处罚法》第三十二条第（一）项“主动消除或者减轻违法行为危害后果”的规定，";
		assertThat(text((String) only(documents(c), "PRIOR_NOTICE").get("href"), WUZHONG))
			.contains("没收违法所得人民币5000元（大写：伍仟元整），并处罚款人民币5000元（大写：伍仟元整）", ground + "拟对你单位减轻处罚：主动删除泄露的信息。依据《快递暂行条例》第五十四条")
			.contains("构成未按规定管理快递运单和用户信息，违反了《快递暂行条例》第三十五条的规定。").doesNotContain("(2025)");
		assertThat(text((String) only(documents(c), "DECISION").get("href"), WUZHONG))
			.contains(ground + "对你单位减轻处罚：主动删除泄露的信息。依据《快递暂行条例》第五十四条")
			.doesNotContain("第32条第1项", "第三十二条（")
			.contains("没收违法所得人民币5000元（大写：伍仟元整），并处罚款人民币5000元（大写：伍仟元整）", "罚款自收到本决定书之日起15日内",
					"加处罚款", "没收的违法所得人民币5000元（大写：伍仟元整）自收到本决定书之日起", "上缴国库")
			// the duty breached is the waybill article (35), the penalty's basis its penalty article (54)
			.contains("构成未按规定管理快递运单和用户信息，违反了《快递暂行条例》第三十五条的规定。", "依据《快递暂行条例》第五十四条")
			.doesNotContain("违反了《快递暂行条例》第五十四条", "(2025)", "第35条", "${");
		Document page = Jsoup.parse(mvc.perform(get("/enforcement/cases/" + c).session(SignIn.session(mvc, "wz.staff")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#decision").text()).contains("没收违法所得人民币5000元，并处罚款人民币5000元");
		assertThat(page.select("#decided-by").text()).contains("蒋局长");

		call(WUZHONG, path + "/delivery", "{\"on\":\"" + today() + "\",\"method\":\"DIRECT\"}").andExpect(status().isOk());
		call(WUZHONG, path + "/publication", on(today())).andExpect(status().isOk());
		String number = jdbc.sql("SELECT decision_number FROM penalty_case WHERE id = :id").param("id", c).query(String.class).single();
		mvc.perform(get("/api/v1/public/penalties").param("region", "320506").param("q", number)).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].decisionNumber").value(number))
			.andExpect(jsonPath("$[0].penalty").value("没收违法所得并处罚款"))
			.andExpect(jsonPath("$[0].fine").value(5000))
			.andExpect(jsonPath("$[0].confiscated").value(5000))
			.andExpect(jsonPath("$[0].basis").value("《快递暂行条例》第五十四条"));
		Document portal = Jsoup.parse(mvc.perform(get("/public/penalties/" + c)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(portal.text()).contains("没收违法所得并处罚款", "5000元", "《快递暂行条例》第五十四条").doesNotContain("(2025)");
		// a snapshot published before in the short form is written formally by V288
		jdbc.sql("UPDATE penalty_case SET publication_basis = '快递暂行条例(2025) 第54条' WHERE id = :id").param("id", c).update();
		try (Connection connection = dataSource.getConnection()) {
			for (StoredCitations module : storedCitations) {
				module.writeFormally(connection);
			}
		}
		mvc.perform(get("/api/v1/public/penalties").param("region", "320506").param("q", number)).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].basis").value("《快递暂行条例》第五十四条"));
		assertThat(portal.select("#public-confiscated").text()).isEqualTo("5000元");
	}

	@Test
	void aTransferEndsTheCaseAndBecomesTheReceivingBureausLead() throws Exception {
		long c = fileCase(wuzhong(2), "DATA_NOT_REPORTED");
		long xiangcheng = bureaus.findByRegion("320507").orElseThrow().id();
		long own = bureaus.findByRegion("320506").orElseThrow().id();
		String path = "/api/v1/enforcement/cases/" + c + "/transfer";
		// 移送 is the head's decision (行政处罚法第57条): staff are refused before anything is checked
		call(WUZHONG, path, "{\"bureauId\":" + xiangcheng + ",\"reason\":\"违法行为发生地在相城区\"}").andExpect(status().isForbidden());
		call(HEAD, path, "{\"bureauId\":" + own + ",\"reason\":\"\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("bureauId", "reason")));
		call(HEAD, path, "{\"reason\":\"属公安机关管辖\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("authority"));
		call(HEAD, path, "{\"authority\":\"苏州市公安局\\n\\u200b吴中分局\",\"reason\":\"涉嫌犯罪\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("authority"));
		call(HEAD, path, "{\"bureauId\":" + xiangcheng + ",\"reason\":\"违法行为发生地在相城区\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("TRANSFERRED"));
		assertThat(jdbc.sql("SELECT region_code FROM penalty_lead WHERE source_ref = :r AND source = 'TRANSFER'")
			.param("r", "transfer:" + c).query(String.class).single()).isEqualTo("320507");
		// attack round 4: the move's own :to once stored the status (TRANSFERRED) as the receiving authority
		String receiver = bureaus.findByRegion("320507").orElseThrow().name();
		assertThat(jdbc.sql("SELECT transferred_to FROM penalty_case WHERE id = :id").param("id", c)
			.query(String.class).single()).isEqualTo(receiver);
		assertThat(text((String) only(documents(c), "TRANSFER_LETTER").get("href"), WUZHONG))
			.contains("案件移送书", "违法行为发生地在相城区", receiver + "：").doesNotContain("TRANSFERRED");
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", TEAM).andExpect(status().isConflict());
	}

	/**
	 * A case transferred to 相城 and filed there belongs to 相城 — the bureau handling the lead — though the enterprise is
	 * registered in 吴中: 相城 sees it, its number and its documents carry 相城, 吴中 no longer sees it.
	 */
	@Test
	void aTransferredCaseIsFiledInTheReceivingBureausRegion() throws Exception {
		long c = fileCase(wuzhong(4), "DATA_NOT_REPORTED");
		long xiangcheng = bureaus.findByRegion("320507").orElseThrow().id();
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/transfer", "{\"bureauId\":" + xiangcheng + ",\"reason\":\"违法行为发生地在相城区\"}")
			.andExpect(status().isOk());
		long lead = jdbc.sql("SELECT id FROM penalty_lead WHERE source_ref = :r").param("r", "transfer:" + c).query(Long.class).single();
		call(XIANGCHENG, "/api/v1/enforcement/leads/" + lead + "/proposal",
				"{\"violation\":\"DATA_NOT_REPORTED\",\"endedOn\":\"" + today().minusDays(10) + "\"}").andExpect(status().isOk());
		// 立案 is 相城's own head's — the city's is refused (the demo has no 相城 head account: the approval as recorded)
		refusedAsNotItsHead(call("Bearer demo-sz-leader-token", "/api/v1/enforcement/leads/" + lead + "/filing", "{}"));
		long filed = leads.approve(DataScope.all(), lead, new Officer(null, "相城局长"), null, false);
		mvc.perform(get("/api/v1/enforcement/cases/" + filed).header("Authorization", XIANGCHENG)).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.regionCode").value("320507"))
			.andExpect(jsonPath("$.penaltyCase.number").value(containsString("320507")));
		mvc.perform(get("/api/v1/enforcement/cases/" + filed).header("Authorization", WUZHONG)).andExpect(status().isNotFound());
		List<Map<String, Object>> docs = JsonPath.read(mvc.perform(get("/api/v1/enforcement/cases/" + filed + "/documents")
			.header("Authorization", XIANGCHENG)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
		assertThat(text((String) only(docs, "FILING_APPROVAL").get("href"), XIANGCHENG))
			.contains(bureaus.findByRegion("320507").orElseThrow().name())
			.doesNotContain(bureaus.findByRegion("320506").orElseThrow().name());
	}

	/**
	 * A county handing a serious case up to its city (报请上级管辖) gives it away: the city files it in its own region, with
	 * its own number — though the enterprise lies inside the city — and the county no longer sees it.
	 */
	@Test
	void aCaseTransferredUpIsFiledByTheBureauAbove() throws Exception {
		long c = fileCase(wuzhong(5), "DATA_NOT_REPORTED");
		long city = bureaus.findByRegion("3205").orElseThrow().id();
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/transfer", "{\"bureauId\":" + city + ",\"reason\":\"案情重大，报请上级管辖\"}")
			.andExpect(status().isOk());
		long lead = jdbc.sql("SELECT id FROM penalty_lead WHERE source_ref = :r").param("r", "transfer:" + c).query(Long.class).single();
		call(MARKET, "/api/v1/enforcement/leads/" + lead + "/proposal",
				"{\"violation\":\"DATA_NOT_REPORTED\",\"endedOn\":\"" + today().minusDays(10) + "\"}").andExpect(status().isOk());
		// the city's case now: 立案 is the city head's (吴中's does not see it)
		call(HEAD, "/api/v1/enforcement/leads/" + lead + "/filing", "{}").andExpect(status().isNotFound());
		long filed = PenaltyCaseIntegrationTest.id(call("Bearer demo-sz-leader-token", "/api/v1/enforcement/leads/" + lead
				+ "/filing", "{}").andExpect(status().isCreated()));
		mvc.perform(get("/api/v1/enforcement/cases/" + filed).header("Authorization", CITY)).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.regionCode").value("3205"))
			.andExpect(jsonPath("$.penaltyCase.number").value(containsString("-3205-")));
		mvc.perform(get("/api/v1/enforcement/cases/" + filed).header("Authorization", WUZHONG)).andExpect(status().isNotFound());
	}

	@Test
	void instalmentsApprovedByTheHeadCarryTheirOwnDeadlinesAndSurcharges() throws Exception {
		long c = decidedAndDelivered(wuzhong(3));
		LocalDate first = calendar.onOrNextWorkingDay(today().plusDays(20));
		LocalDate second = calendar.onOrNextWorkingDay(today().plusDays(50));
		String path = "/api/v1/enforcement/cases/" + c + "/payment-arrangement";
		String terms = """
				{"kind":"INSTALMENTS","appliedOn":"%s","reason":"经营困难","instalments":[{"dueOn":"%s","amount":"1000"},{"dueOn":"%s","amount":%s}]}""";
		call(WUZHONG, path, terms.formatted(today(), first, second, "1000")).andExpect(status().isForbidden());
		call(HEAD, path, terms.formatted(today(), first, second, "500")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("instalments"));
		call(HEAD, path, terms.formatted(today(), second, first, "1000")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("instalments[1].dueOn"));
		call(HEAD, path, terms.formatted(today(), first, second, "1000")).andExpect(status().isOk())
			.andExpect(jsonPath("$.deadlines.paymentDue").value(first.toString()));
		// an arrangement already approved is a state of the case: a second one is a conflict (409), not a bad request
		call(HEAD, path, terms.formatted(today(), first, second, "1000")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("already-arranged"));
		assertThat(text((String) only(documents(c), "PAYMENT_APPROVAL").get("href"), WUZHONG))
			.contains("分期", "第1期", "1000元", "第六十六条", "于" + ChineseText.day(today()) + "书面申请分期缴纳")
			// the decision's 文号 as it is (it may end in 号 itself) and the fine alone: art.66 is about the fine
			.contains("确定的罚款人民币").doesNotContain("号号");

		clock.set(first.plusDays(2).atTime(10, 0));
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/payment", "{\"paidOn\":\"" + today() + "\",\"amount\":\"1000\",\"instalment\":1}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("应缴1060元（第1期罚款1000元＋加处罚款60元")));
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/payment", "{\"paidOn\":\"" + today() + "\",\"amount\":1060.00,\"instalment\":1}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("DELIVERED"))
			.andExpect(jsonPath("$.deadlines.paymentDue").value(second.toString()));
		clock.set(second.atTime(10, 0));
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/payment", "{\"paidOn\":\"" + today() + "\",\"amount\":\"1000\",\"instalment\":2}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("EXECUTED"))
			.andExpect(jsonPath("$.penaltyCase.paidAmount").value(2060.0))
			.andExpect(jsonPath("$.penaltyCase.surcharge").value(60.0));
	}

	@Test
	void aDeferralMovesThePaymentDeadline() throws Exception {
		long c = decidedAndDelivered(wuzhong(4));
		LocalDate until = calendar.onOrNextWorkingDay(today().plusDays(60));
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/payment-arrangement",
				"{\"kind\":\"DEFERRAL\",\"appliedOn\":\"" + today() + "\",\"reason\":\"经营困难\",\"deferredUntil\":\"" + today().plusDays(3) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deferredUntil"));
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/payment-arrangement",
				"{\"kind\":\"DEFERRAL\",\"appliedOn\":\"" + today() + "\",\"reason\":\"经营困难\",\"deferredUntil\":\"" + until + "\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deadlines.paymentDue").value(until.toString()));
		clock.set(until.atTime(10, 0));
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/payment", "{\"paidOn\":\"" + today() + "\",\"amount\":\"2000\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("EXECUTED"))
			// paid by the deferred day: on time, without 加处罚款 — judged by the arrangement, not the 15 days; the
			// deadline met is no longer demanded (paidUpOn instead of paymentDue)
			.andExpect(jsonPath("$.deadlines.paymentDue").isEmpty())
			.andExpect(jsonPath("$.deadlines.paidUpOn").value(until.toString()))
			.andExpect(jsonPath("$.deadlines.surchargeToday").value(0));
	}

	@Test
	void anEvidenceTitleAndSubjectTypedWithWideOrDoubledSpacesAreStoredWithOne() throws Exception {
		long c = fileCase(wuzhong(0), "DATA_NOT_REPORTED");
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/investigation", TEAM).andExpect(status().isOk());
		mvc.perform(evidence(c).param("kind", "VIDEO").param("title", " 执法记录仪\u3000\u3000视频 ")
			.param("subject", "欧阳  娜娜").param("content", "光盘1张").param("collectedOn", today().toString())
			.param("collectors", "32050601", "32050602"))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/enforcement/cases/" + c + "/evidence").header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].title").value("执法记录仪 视频"))
			.andExpect(jsonPath("$[0].subject").value("欧阳 娜娜"));
		// the person questioned is named, not reached: a mobile number beside the name is refused, not shown whole
		// (attack round 20)
		mvc.perform(evidence(c).param("kind", "VIDEO").param("title", "执法记录仪视频二").param("subject", "沈执法 13912345678")
			.param("content", "光盘1张").param("collectedOn", today().toString()).param("collectors", "32050601", "32050602"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("subject"))
			.andExpect(jsonPath("$.errors[0].rule").value("personal-number"));
	}
}
