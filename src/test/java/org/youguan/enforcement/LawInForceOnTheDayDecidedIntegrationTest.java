package org.youguan.enforcement;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.documents.UploadedFile;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A decided act cites the law in force on the day it was decided: a past decision of 2024 on an unfiled outlet was made
 * under 快递暂行条例(2019) art.40 — the 2025 revision (in force 2025-06-01) renumbered it art.50 — and the public list,
 * its API, the decision's public page, the party's portal and the staff's case page all cite 第四十条 (the staff's short
 * form 快递暂行条例(2019) 第40条); a decision of after the revision cites 第五十条. And the 结案报告 of a 不予处罚 case
 * states "不予行政处罚" with its decision, no blank result and no empty delivery row; the public list's footer cites
 * 《中华人民共和国行政处罚法》, not the short title.
 */
@IntegrationTest
class LawInForceOnTheDayDecidedIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	PartyCases party;

	@Autowired
	Clock clock;

	@Autowired
	PastCases pastCases;

	@Autowired
	DecisionPublication decisionPublication;

	@Test
	void aDecisionOf2024CitesThe2019NumberingEverywhereAndOneOf2026The2025() throws Exception {
		EnterpriseView e = party.sfWuzhong();
		Published old = publishedOutletCase(e, LocalDate.of(2024, 4, 15));
		shownEverywhere(old, "《快递暂行条例》第四十条", "快递暂行条例(2019) 第40条", "第五十条");

		LocalDate recent = LocalDate.now(clock).minusDays(20);
		assertThat(recent).isAfterOrEqualTo(LocalDate.of(2025, 6, 1));
		Published now = publishedOutletCase(e, recent);
		shownEverywhere(now, "《快递暂行条例》第五十条", "快递暂行条例(2025) 第50条", "第四十条");
	}

	@Test
	void theClosingReportOfACaseNotPenalizedStatesTheDecisionAndNoEmptyDelivery() throws Exception {
		long id = party.concluded(party.sfWuzhong(), "DATA_NOT_REPORTED", "1000", LocalDate.now(clock));
		caseDecisions.notPenalize(PartyCases.ALL, id, "MINOR_CORRECTED", "情节轻微并及时改正，依法不予行政处罚");
		// the case ends (结案) on the decision's service: its 结案报告 is made then
		caseExecution.deliver(PartyCases.ALL, id, CaseExecution.Delivery.direct(LocalDate.now(clock).toString()));
		List<Map<String, Object>> docs = JsonPath.read(page(get("/api/v1/enforcement/cases/" + id + "/documents")
			.header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)), "$");
		Map<String, Object> report = docs.stream().filter(d -> "CLOSING_REPORT".equals(d.get("kind"))).findFirst().orElseThrow();
		String text = docx((String) report.get("href"));
		LocalDate today = LocalDate.now(clock);
		String day = today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日";
		assertThat(text).contains("处理结果\t不予行政处罚　苏吴邮管不罚〔", day + "决定，" + day + "送达").doesNotContain("送达日期", "${");
	}

	record Published(long id, String number) {
	}

	private Published publishedOutletCase(EnterpriseView e, LocalDate decided) {
		String number = "吴邮管罚〔" + decided.getYear() + "〕V" + UUID.randomUUID().toString().substring(0, 6) + "号";
		long id = pastCases.importCase(PartyCases.ALL, new PastCases.ImportedCase(e.creditCode(), "OUTLET_UNFILED", "REPORT",
				decided.minusDays(20).toString(), decided.toString(), number, "FINE", new BigDecimal("5000"),
				decided.plusDays(5).toString(), null));
		pastCases.keepOriginalDocument(PartyCases.ALL, id, new PastCases.OriginalDocument("DECISION", null,
				decided.toString()), new UploadedFile("决定书.pdf", PenaltyCaseIntegrationTest.WAIVER_PDF));
		decisionPublication.publish(PartyCases.ALL, id, decided.plusDays(3).toString());
		return new Published(id, number);
	}

	private void shownEverywhere(Published p, String formal, String staffForm, String never) throws Exception {
		long id = p.id();
		String number = p.number();
		assertThat(page(PublicPenaltyPagesIntegrationTest.anonymous("/public/penalties?q=" + number))).as("the public list")
			.contains(formal).doesNotContain(never)
			// its footer cites the law by its formal title, as the decisions do
			.contains("依据《中华人民共和国行政处罚法》第四十八条").doesNotContain("《行政处罚法》");
		String api = page(PublicPenaltyPagesIntegrationTest.anonymous("/api/v1/public/penalties?q=" + number));
		assertThat((String) JsonPath.read(api, "$[0].basis")).as("the public API").isEqualTo(formal);
		assertThat(page(PublicPenaltyPagesIntegrationTest.anonymous("/public/penalties/" + id))).as("the public decision")
			.contains(formal).doesNotContain(never);
		assertThat(page(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz")))).as("the party's portal")
			.contains(formal).doesNotContain(never);
		assertThat(page(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff")))).as("the staff's case page")
			.contains(staffForm);
	}

	private String page(RequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String docx(String href) throws Exception {
		byte[] bytes = mvc.perform(get(href).header("Authorization", PenaltyCaseIntegrationTest.WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
				XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			return extractor.getText();
		}
	}
}
