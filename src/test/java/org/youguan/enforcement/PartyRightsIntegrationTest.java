package org.youguan.enforcement;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.Bureaus;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the 事先告知 told the party is what counts (行政处罚法(2021) art.44, 62–64): the hearing right and the last day to
 * ask for a hearing are kept on the case when the notice is issued, so a threshold or period changed afterwards changes
 * neither; a waiver of the hearing does not end the statement window; staff record a waiver only with the scan of the
 * party's written waiver; the portal's waiver takes only a JSON {@code true}; the decision states the hearing waiver.
 */
@IntegrationTest
class PartyRightsIntegrationTest extends ClockedSteps {

	static final String SF = EnterprisePenaltyIntegrationTest.SF;

	static final String WUZHONG = EnterprisePenaltyIntegrationTest.WUZHONG;

	@Autowired
	PartyCases fixture;

	@Autowired
	PenaltyCases cases;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	@Autowired
	WorkingCalendar calendar;

	@AfterEach
	void reset() {
		rules.clearOverride(StatutoryRule.PENALTY_HEARING_FINE, "3205");
		for (StatutoryRule rule : List.of(StatutoryRule.PENALTY_HEARING_REQUEST, StatutoryRule.PENALTY_PAYMENT,
				StatutoryRule.PENALTY_LATE_SURCHARGE, StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW, StatutoryRule.REMEDY_LITIGATION)) {
			rules.clearOverride(rule, "0");
		}
	}

	/** The shared enforcement fixture. */
	PartyCases party() {
		return fixture;
	}

	long city() {
		return bureaus.findByRegion("3205").orElseThrow().id();
	}

	/** Staff record a written waiver ({@code hearing-waiver}, {@code statement-waiver}) of 2026-06-01 with {@code scan}. */
	ResultActions waiver(String kind, long id, MockMultipartFile scan) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/enforcement/cases/" + id + "/" + kind);
		if (scan != null) {
			request.file(scan);
		}
		request.param("on", "2026-06-01").header("Authorization", WUZHONG);
		return mvc.perform(request);
	}

	/** A case of another enterprise notified on {@code day} (today): a 3000 yuan fine proposed, no hearing right. */
	long notifiedOn(LocalDate day) {
		clock.set(day.atTime(10, 0));
		PartyCases party = party();
		return party.notified(party.other(), "DATA_NOT_REPORTED", "3000", day);
	}

	/** The text of the case's current document of {@code kind}, as staff download it. */
	String documentText(long id, String kind) throws Exception {
		List<Map<String, Object>> docs = JsonPath.read(mvc.perform(get("/api/v1/enforcement/cases/" + id + "/documents")
			.header("Authorization", WUZHONG)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
		String href = docs.stream().filter(d -> kind.equals(d.get("kind")) && Boolean.TRUE.equals(d.get("current")))
			.map(d -> (String) d.get("href")).findFirst().orElseThrow();
		byte[] docx = mvc.perform(get(href).header("Authorization", WUZHONG)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			return text.getText();
		}
	}

	/** Reissues the case's current document of {@code kind} (a correction) and returns the new version's text. */
	String reissued(long id, CaseDocumentKind kind) throws Exception {
		long doc = cases.documents(PartyCases.ALL, id).stream().filter(d -> d.kind() == kind && d.current()).findFirst()
			.orElseThrow().id();
		cases.reissueDocument(PartyCases.ALL, id, doc, "更正笔误");
		return documentText(id, kind.name());
	}

	static MockMultipartFile scan(String name) {
		return new MockMultipartFile("file", name, "application/pdf", PenaltyCaseIntegrationTest.WAIVER_PDF);
	}

	static CaseDecisions.Decision fine(LocalDate on, String amount) {
		return new CaseDecisions.Decision(null, on.toString(), "FINE", amount, null, null, null);
	}

	/**
	 * A case told it may request a hearing keeps that right when the bureau raises 较大数额 afterwards: it is not decided
	 * before the window ends and its request is taken; a case told it has none does not gain one when the threshold is
	 * lowered.
	 */
	@Test
	void theHearingRightIsTheOneTheNoticeGaveWhateverTheThresholdBecomesAfterwards() throws Exception {
		clock.set(LocalDate.of(2026, 6, 1).atTime(10, 0));
		PartyCases party = party();
		long told = party.notified(party.other(), "DELIVERY_WITHOUT_CONSENT", "10000", LocalDate.of(2026, 6, 1));
		long notTold = party.notified(party.other(), "DELIVERY_WITHOUT_CONSENT", "8000", LocalDate.of(2026, 6, 1));
		noticeAndHearing.recordStatement(PartyCases.ALL, told, "2026-06-01", "已整改");
		rules.override(StatutoryRule.PENALTY_HEARING_FINE, city(), "3205", new BigDecimal("50000"), "测试：提高较大数额标准");

		clock.set(LocalDate.of(2026, 6, 2).atTime(10, 0));
		mvc.perform(get("/api/v1/enforcement/cases/" + told).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.deadlines.hearingRight").value(true))
			.andExpect(jsonPath("$.penaltyCase.hearingRight").value(true))
			.andExpect(jsonPath("$.penaltyCase.hearingRequestDue").value("2026-06-08"));
		assertThatThrownBy(() -> caseDecisions.decide(PartyCases.ALL, told, fine(LocalDate.of(2026, 6, 2), "10000")))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> assertThat(e.rule()).isEqualTo("hearing-window")));
		noticeAndHearing.requestHearing(PartyCases.ALL, told, "2026-06-02");
		assertThat(cases.get(PartyCases.ALL, told).penaltyCase().status()).isEqualTo(CaseStatus.HEARING);

		rules.override(StatutoryRule.PENALTY_HEARING_FINE, city(), "3205", new BigDecimal("5000"), "测试：降低较大数额标准");
		assertThat(cases.get(PartyCases.ALL, notTold).deadlines().hearingRight()).isFalse();
		assertThatThrownBy(() -> noticeAndHearing.requestHearing(PartyCases.ALL, notTold, "2026-06-02"))
			.isInstanceOf(DomainException.class).hasMessageContaining("不属于听证范围");
	}

	/**
	 * The last day to ask for a hearing is the one the notice stated: a period changed afterwards (here by the national
	 * bureau, the only one that may) neither lengthens nor shortens it.
	 */
	@Test
	void theRequestWindowIsTheOneTheNoticeStated() {
		clock.set(LocalDate.of(2026, 6, 1).atTime(10, 0));
		PartyCases party = party();
		long id = party.notified(party.other(), "DELIVERY_WITHOUT_CONSENT", "10000", LocalDate.of(2026, 6, 1));
		rules.override(StatutoryRule.PENALTY_HEARING_REQUEST, city(), "0", new BigDecimal("10"), "测试：假设的新法律");
		clock.set(LocalDate.of(2026, 6, 9).atTime(10, 0));
		assertThat(cases.get(PartyCases.ALL, id).deadlines().hearingRequestDue()).isEqualTo(LocalDate.of(2026, 6, 8));
		// the refusal names the period the notice gave (its day), not a number of days the rule may no longer have
		assertThatThrownBy(() -> noticeAndHearing.requestHearing(PartyCases.ALL, id, "2026-06-09"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> {
					assertThat(e.rule()).isEqualTo("deadline");
					assertThat(e.message()).contains("应在事先告知书载明的期限内（至").doesNotContain("5个工作日").doesNotContain("10个工作日");
				}));
	}

	/**
	 * A waiver of the hearing is no waiver of the statement (art.62): the decision waits for the statement, its written
	 * waiver or the window's end. Staff record either waiver only with the scan of the party's written waiver.
	 */
	@Test
	void aHearingWaiverDoesNotEndTheStatementWindowAndStaffRecordWaiversWithTheirScan() throws Exception {
		clock.set(LocalDate.of(2026, 6, 1).atTime(10, 0));
		PartyCases party = party();
		long id = party.notified(party.other(), "DELIVERY_WITHOUT_CONSENT", "10000", LocalDate.of(2026, 6, 1));
		waiver("hearing-waiver", id, null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		waiver("hearing-waiver", id, new MockMultipartFile("file", "a.pdf", "application/pdf", "<html>no scan</html>".getBytes()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		waiver("hearing-waiver", id, scan("放弃听证声明.pdf"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.hearingWaivedOn").value("2026-06-01"));
		Number scan = JsonPath.read(mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", WUZHONG))
			.andReturn().getResponse().getContentAsString(), "$.penaltyCase.hearingWaiverAttachmentId");
		mvc.perform(get("/attachments/" + scan).header("Authorization", WUZHONG)).andExpect(status().isOk());

		assertThatThrownBy(() -> caseDecisions.decide(PartyCases.ALL, id, fine(LocalDate.of(2026, 6, 1), "10000")))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> assertThat(e.rule()).isEqualTo("statement-window")));
		waiver("statement-waiver", id, null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		waiver("statement-waiver", id, scan("放弃陈述申辩声明.pdf"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.statementWaivedOn").value("2026-06-01"));
		assertThat(caseDecisions.decide(PartyCases.ALL, id, fine(LocalDate.of(2026, 6, 1), "10000"))).isNotBlank();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'penalty_case' AND object_id = :id"
				+ " AND action = 'case.statement-waiver'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

		// the window's end also lets the decision follow without statement or waiver
		clock.set(LocalDate.of(2026, 6, 1).atTime(10, 0));
		long silent = party.notified(party.other(), "DATA_NOT_REPORTED", "3000", LocalDate.of(2026, 6, 1));
		clock.set(LocalDate.of(2026, 6, 9).atTime(10, 0));
		assertThat(caseDecisions.decide(PartyCases.ALL, silent, fine(LocalDate.of(2026, 6, 9), "3000"))).isNotBlank();
	}

	/** The portal's waiver takes the JSON boolean true only: "true", 1 and a missing body are refused with 400. */
	@Test
	void thePortalWaiverTakesOnlyAJsonTrue() throws Exception {
		PartyCases party = party();
		long id = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", LocalDate.now(clock));
		for (String body : List.of("{\"confirm\":\"true\"}", "{\"confirm\":1}", "{\"confirm\":\"yes\"}", "{\"confirm\":false}",
				"{}")) {
			mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/hearing-waiver").header("Authorization", SF)
					.contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("confirm"));
		}
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().hearingWaivedOn()).isNull();
		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/hearing-waiver").header("Authorization", SF)
				.contentType(MediaType.APPLICATION_JSON).content("{\"confirm\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hearingWaivedOn").value(LocalDate.now(clock).toString()));
	}

	/** The 行政处罚决定书 states what became of the hearing right: waived by the party on its day. */
	@Test
	void theDecisionStatesTheHearingWaiver() throws Exception {
		PartyCases party = party();
		LocalDate today = LocalDate.now(clock);
		long id = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", today);
		noticeAndHearing.recordStatement(PartyCases.ALL, id, today.toString(), "已整改，请求从轻");
		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/hearing-waiver").header("Authorization", SF)
				.contentType(MediaType.APPLICATION_JSON).content("{\"confirm\":true}"))
			.andExpect(status().isOk());
		caseDecisions.decide(PartyCases.ALL, id, fine(today, "10000").reviewingStatement(false, "整改不改变已发生的违法事实，罚款在幅度内确定"));
		assertThat(documentText(id, "DECISION")).contains("明确放弃听证").contains(today.getYear() + "年")
			.contains("经复核，本局不予采纳", "整改不改变已发生的违法事实");
		mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.penaltyCase.status").value(containsString("DECIDED")));
	}

	/**
	 * The payment period, the 加处罚款 rate and the remedies are those the decision stated (fixed on the case when it was
	 * made, V202): the law changed afterwards (by the national bureau, the only one that may) changes neither the
	 * payment day fixed at delivery, nor the surcharge, nor what a reissued 决定书 states.
	 */
	@Test
	void theDecisionKeepsThePaymentSurchargeAndRemediesItStatedWhateverTheLawBecomesAfterwards() throws Exception {
		LocalDate day = LocalDate.of(2026, 6, 1);
		long id = notifiedOn(day);
		noticeAndHearing.waiveStatement(PartyCases.ALL, id, day.toString(), PartyCases.waiver());
		caseDecisions.decide(PartyCases.ALL, id, fine(day, "3000"));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase()).extracting(CaseView::paymentDays, CaseView::reviewDays,
				CaseView::litigationMonths).containsExactly(15, 60, 6);
		rules.override(StatutoryRule.PENALTY_PAYMENT, city(), "0", new BigDecimal("30"), "测试：假设的新法律");
		rules.override(StatutoryRule.PENALTY_LATE_SURCHARGE, city(), "0", new BigDecimal("5"), "测试：假设的新法律");
		rules.override(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW, city(), "0", new BigDecimal("90"), "测试：假设的新法律");
		rules.override(StatutoryRule.REMEDY_LITIGATION, city(), "0", new BigDecimal("3"), "测试：假设的新法律");

		caseExecution.deliver(PartyCases.ALL, id, CaseExecution.Delivery.direct(day.toString()));
		LocalDate due = calendar.plusCalendarDays(day, 15);
		assertThat(cases.get(PartyCases.ALL, id).deadlines().paymentDue()).isEqualTo(due);
		assertThat(caseExecution.paymentDue(id)).contains(due);
		String decision = reissued(id, CaseDocumentKind.DECISION);
		assertThat(decision).contains("15日内").contains("3%").contains("六十日内").contains("六个月内")
			.doesNotContain("30日内").doesNotContain("九十日");

		LocalDate late = due.plusDays(2);
		clock.set(late.atTime(10, 0));
		assertThat(cases.get(PartyCases.ALL, id).deadlines().surchargeToday()).isEqualByComparingTo("180.00");
		assertThatThrownBy(() -> caseExecution.pay(PartyCases.ALL, id, late.toString(), "3300"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> assertThat(e.rule()).isEqualTo("amount")));
		caseExecution.pay(PartyCases.ALL, id, late.toString(), "3180");
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().surcharge()).isEqualByComparingTo("180.00");
	}

	/**
	 * A 事先告知书 issued again (a correction) states the window the notice fixed on the case, not the period of today.
	 */
	@Test
	void aReissuedNoticeStatesTheWindowTheNoticeFixed() throws Exception {
		LocalDate day = LocalDate.of(2026, 6, 1);
		long id = notifiedOn(day);
		rules.override(StatutoryRule.PENALTY_HEARING_REQUEST, city(), "0", new BigDecimal("10"), "测试：假设的新法律");
		assertThat(reissued(id, CaseDocumentKind.PRIOR_NOTICE)).contains("5个工作日内（至2026年6月8日）")
			.doesNotContain("10个工作日");
	}
}
