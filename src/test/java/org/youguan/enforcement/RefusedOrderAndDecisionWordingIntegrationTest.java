package org.youguan.enforcement;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack (enforcement chain, enf2): 快递暂行条例(2025) art.56 punishes packaging only "经责令改正拒不改正" — a PACKAGING
 * case is proposed and decided only on a 责令改正通知书 of that party whose term passed unrectified (item 1); the
 * 决定书 says what was breached even where the catalogue holds no duty article (item 3) and names the 行政复议机关 and
 * the court (item 4); the delivery's 变更记录 words its day in Chinese (item 5); the 立案审批表 masks a reporter's phone
 * in the facts as in the source beside it (item 7).
 */
@IntegrationTest
class RefusedOrderAndDecisionWordingIntegrationTest extends ClockedSteps {

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	CaseExecution caseExecution;

	long reported(EnterpriseView e, String summary) throws Exception {
		return PenaltyCaseIntegrationTest.id(call(PenaltyCaseIntegrationTest.WUZHONG, "/api/v1/enforcement/leads", """
				{"source":"REPORT","sourceDetail":"群众举报","enterpriseCreditCode":"%s","summary":"%s%s","receivedOn":"%s"}"""
			.formatted(e.creditCode(), summary, UUID.randomUUID(), LocalDate.now(clock))).andExpect(status().isCreated()));
	}

	@Test
	void aPackagingLeadIsProposedOnlyOnAnOrderThePartyDidNotCarryOut() throws Exception {
		EnterpriseView e = party.fresh();
		long lead = reported(e, "举报快递过度包装");
		String proposal = "{\"violation\":\"PACKAGING\",\"endedOn\":\"" + LocalDate.now(clock).minusDays(10) + "\"}";
		call(PenaltyCaseIntegrationTest.WUZHONG, "/api/v1/enforcement/leads/" + lead + "/proposal", proposal)
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[?(@.field == 'violation')].rule").value(hasItem("uncorrected-order-required")))
			.andExpect(jsonPath("$.detail").value(containsString("经责令改正拒不改正")))
			.andExpect(jsonPath("$.detail").value(containsString("《快递暂行条例》第五十六条")));
		// another enterprise's unrectified order is not this party's
		party.uncorrectedOrder(party.fresh(), LocalDate.now(clock));
		call(PenaltyCaseIntegrationTest.WUZHONG, "/api/v1/enforcement/leads/" + lead + "/proposal", proposal)
			.andExpect(status().is4xxClientError());
		assertThat(jdbc.sql("SELECT status FROM penalty_lead WHERE id = :id").param("id", lead).query(String.class).single())
			.isEqualTo("OPEN");
		// its own order, its term passed unrectified: the case may be proposed under art.56
		party.uncorrectedOrder(e, LocalDate.now(clock));
		call(PenaltyCaseIntegrationTest.WUZHONG, "/api/v1/enforcement/leads/" + lead + "/proposal", proposal)
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PROPOSED"));
	}

	@Test
	void aPackagingCaseIsDecidedOnlyWithTheOrderAndItsDecisionNamesTheBodiesOfTheRemedies() throws Exception {
		LocalDate on = LocalDate.now(clock);
		EnterpriseView e = party.fresh();
		party.uncorrectedOrder(e, on.minusDays(6));
		long id = party.filed(e, "PACKAGING", on.minusDays(6));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		party.evidence(id);
		caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion("查明快递包装未按规定执行，"
				+ "经责令改正逾期未改正", "FINE", "8000", false, null, null, null, on.minusDays(5).toString()));
		noticeAndHearing.notifyParty(PartyCases.ALL, id, on.minusDays(1).toString());
		noticeAndHearing.waiveStatement(PartyCases.ALL, id, on.minusDays(1).toString(), PartyCases.waiver());
		CaseDecisions.Decision decision = new CaseDecisions.Decision(null, on.toString(), "FINE", "8000", null, null, null);
		// a case that reached its decision without the order on record (proposed before the condition was checked)
		jdbc.sql("UPDATE rectification_order SET lead_raised_on = NULL WHERE enterprise_credit_code = :code")
			.param("code", e.creditCode()).update();
		LawfulStepsIntegrationTest.refused("penalty", () -> caseDecisions.decide(PartyCases.ALL, id, decision),
				"uncorrected-order-required");
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().decidedOn()).isNull();
		// the order back on record: the case is decided
		jdbc.sql("UPDATE rectification_order SET lead_raised_on = :on WHERE enterprise_credit_code = :code")
			.param("on", on.minusDays(6)).param("code", e.creditCode()).update();
		caseDecisions.decide(PartyCases.ALL, id, decision);
		caseExecution.deliver(PartyCases.ALL, id, new CaseExecution.Delivery(on.toString(), DeliveryMethod.POSTAL.name(), null, null));

		// item 6: money on the staff's case page in the reader's language — no 元 in English
		mvc.perform(get("/enforcement/cases/" + id).param("lang", "en").session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk())
			// (the 变更记录 keeps its stored Chinese entries: only the page's own wording is asserted)
			.andExpect(content().string(containsString("Proposed: Fine of ¥8000")))
			.andExpect(content().string(containsString("Fine range ¥5000–20000")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Fine range 5000–20000元"))));

		String text = decisionText(id, "DECISION");
		// art.59(五): each remedy with its body — the county's decision to the city bureau above it, the suit to the court
		assertThat(text).contains("日内依法向苏州市邮政管理局申请行政复议", "依法向有管辖权的人民法院提起行政诉讼")
			.contains("经责令改正拒不改正");
		// the delivery in the case's 变更记录: the day in Chinese, not 2026-12-08
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE object_type = 'penalty_case' AND object_id = :id AND action = 'case.deliver'")
			.param("id", Long.toString(id)).query(String.class).single())
			.contains("邮寄送达，" + org.youguan.kernel.ChineseText.day(on)).doesNotContain(on.toString());
	}

	@Test
	void aDecisionWithoutADutyArticleStillSaysWhatWasBreachedAndTheFilingFormMasksTheFactsAsItsSource() throws Exception {
		LocalDate on = LocalDate.now(clock);
		EnterpriseView e = party.fresh();
		long lead = PenaltyCaseIntegrationTest.id(call(PenaltyCaseIntegrationTest.WUZHONG, "/api/v1/enforcement/leads", """
				{"source":"REPORT","sourceDetail":"群众举报（举报人电话13912345678）","enterpriseCreditCode":"%s","summary":"%s快件未经同意投入快递柜，举报人电话13912345678。","receivedOn":"%s"}"""
			.formatted(e.creditCode(), UUID.randomUUID(), on)).andExpect(status().isCreated()));
		call(PenaltyCaseIntegrationTest.WUZHONG, "/api/v1/enforcement/leads/" + lead + "/proposal",
				"{\"violation\":\"DELIVERY_WITHOUT_CONSENT\",\"endedOn\":\"" + on.minusDays(3) + "\"}").andExpect(status().isOk());
		long id = PenaltyCaseIntegrationTest.id(call(PenaltyCaseIntegrationTest.HEAD, "/api/v1/enforcement/leads/" + lead + "/filing", "{}")
			.andExpect(status().isCreated()));
		String filing = decisionText(id, "FILING_APPROVAL");
		// one masking rule within the document: the phone masked in 案件来源 is masked in 案情摘要 too
		assertThat(filing).doesNotContain("13912345678").contains("快件未经同意投入快递柜");
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		party.evidence(id);
		caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion("查明未经同意投递至智能快件箱",
				"WARNING", null, false, null, null, null, on.toString()));
		noticeAndHearing.notifyParty(PartyCases.ALL, id, on.toString());
		noticeAndHearing.waiveStatement(PartyCases.ALL, id, on.toString(), PartyCases.waiver());
		caseDecisions.decide(PartyCases.ALL, id, new CaseDecisions.Decision(null, on.toString(), "WARNING", null, null, null, null));
		// 快递市场管理办法(2023) art.54: the catalogue holds no duty article — the text breached is named as a whole
		assertThat(decisionText(id, "DECISION")).contains("构成违反规定投递快件，违反了《快递市场管理办法》的有关规定。")
			.doesNotContain("违反了《快递市场管理办法》第五十四条");
	}

	/** The text of the case's latest document of {@code kind}, as the handling clerk downloads it. */
	String decisionText(long id, String kind) throws Exception {
		List<Map<String, Object>> docs = JsonPath.read(mvc.perform(get("/api/v1/enforcement/cases/" + id + "/documents")
			.header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(), "$");
		Map<String, Object> doc = docs.stream().filter(d -> kind.equals(d.get("kind"))).reduce((a, b) -> b).orElseThrow();
		byte[] docx = mvc.perform(get((String) doc.get("href")).header("Authorization", PenaltyCaseIntegrationTest.WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
			return x.getText();
		}
	}
}
