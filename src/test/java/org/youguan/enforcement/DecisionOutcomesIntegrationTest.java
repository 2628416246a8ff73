package org.youguan.enforcement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.TemplateFiles;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.enforcement.internal.EnforcementBreakdownProbe;
import org.youguan.enforcement.internal.Execution;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.youguan.enforcement.EnterprisePenaltyIntegrationTest.SF;
import static org.youguan.enforcement.PenaltyCaseIntegrationTest.HEAD;
import static org.youguan.enforcement.PenaltyCaseIntegrationTest.WUZHONG;

/**
 * What becomes of a decision after it was made (行政处罚法(2021) art.48, 61, 75): the outcome of 行政复议 or 行政诉讼 is
 * recorded by the handling bureau's head — a revoked decision demands no payment, is not a penalty in the figures and has
 * its publication withdrawn by the day the catalogue gives (the queue shows it), with the reason; a changed one gets its
 * 决定书 reissued beside its predecessor and is published again as changed, the public list showing the new version. A
 * 决定书 already served is corrected only by the head, and the party keeps downloading the version served. The 双公示
 * period runs from delivery.
 */
@IntegrationTest
class DecisionOutcomesIntegrationTest extends ClockedSteps {

	@Autowired
	PenaltyCases cases;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	EnforcementBreakdownProbe breakdown;

	@Autowired
	CaseWork caseWork;

	@Autowired
	PastCases pastCases;

	/** How many outcomes each case was sent, for a document number of its own per outcome. */
	final Map<Long, Integer> sent = new HashMap<>();

	/**
	 * The outcome {@code result} of a 行政复议 decided on {@code on}, with its scan, and the extra fields; the case's
	 * first document is 苏邮复决〔2025〕{id}号, a later one 苏邮复决〔2025〕{id}-2号 and so on (one outcome per document).
	 */
	ResultActions outcome(String token, long id, String result, LocalDate on, String... extra) throws Exception {
		return outcome("REVIEW", token, id, result, on, extra);
	}

	/** An outcome as {@link #outcome(String, long, String, LocalDate, String...)} of {@code kind}. */
	ResultActions outcome(String kind, String token, long id, String result, LocalDate on, String... extra) throws Exception {
		int n = sent.merge(id, 1, Integer::sum);
		var request = multipart("/api/v1/enforcement/cases/" + id + "/remedy-outcomes")
			.file(new MockMultipartFile("file", "复议决定书.pdf", "application/pdf", PenaltyCaseIntegrationTest.WAIVER_PDF))
			.param("kind", kind).param("body", "苏州市邮政管理局")
			.param("documentNumber", "苏邮复决〔2025〕" + id + (n == 1 ? "" : "-" + n) + "号")
			.param("decidedOn", on.toString()).param("result", result).param("reason", "原处罚决定认定事实不清")
			.header("Authorization", token);
		for (int i = 0; i < extra.length; i += 2) {
			request.param(extra[i], extra[i + 1]);
		}
		return mvc.perform(request);
	}

	/** A fine of 3000 delivered and paid on {@code day}, then changed (CHANGED, {@code penalty}) on {@code changed}. */
	long paidThenChanged(LocalDate day, LocalDate changed, String... penalty) throws Exception {
		today(day);
		long id = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", day);
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/payment", "{\"paidOn\":\"" + day + "\",\"amount\":\"3000\"}")
			.andExpect(status().isOk());
		today(changed);
		outcome(HEAD, id, "CHANGED", changed, penalty).andExpect(status().isCreated());
		return id;
	}

	String caseJson(long id) throws Exception {
		return mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	Map<String, Object> figures(LocalDate day) throws Exception {
		return JsonPath.read(mvc.perform(get("/api/v1/enforcement/figures?region=320506&from=" + day + "&to=" + day)
			.header("Authorization", WUZHONG)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
	}

	String queue(String queue) throws Exception {
		return mvc.perform(get("/enforcement/queues/" + queue).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/**
	 * A fine of ¥3,000 decided, delivered and published on {@code day}, lowered to ¥1,000 by a 行政复议 decided (and
	 * recorded) on {@code changed}, its publication not yet withdrawn; today is {@code changed}.
	 */
	long publishedAndChanged(LocalDate day, LocalDate changed) throws Exception {
		today(day);
		long id = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", day);
		call(WUZHONG, publish(id), on(day)).andExpect(status().isOk());
		today(changed);
		outcome(HEAD, id, "CHANGED", changed, "penalty", "FINE", "fine", "1000").andExpect(status().isCreated());
		return id;
	}

	static String publish(long id) {
		return "/api/v1/enforcement/cases/" + id + "/publication";
	}

	static String on(LocalDate day) {
		return "{\"on\":\"" + day + "\"}";
	}

	static BigDecimal number(Object value) {
		return new BigDecimal(value.toString());
	}

	/** Attack round 4: the same 复议决定书 sent twice was recorded as two outcomes. */
	@Test
	void theSameOutcomeDocumentSentTwiceIsRecordedOnce() throws Exception {
		LocalDate day = LocalDate.parse("2025-02-12");
		today(day);
		long id = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", day);
		today(day.plusDays(20));
		outcome(HEAD, id, "UPHELD", day.plusDays(20)).andExpect(status().isCreated());
		sent.put(id, 0);
		outcome(HEAD, id, "UPHELD", day.plusDays(20)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("documentNumber"))
			.andExpect(jsonPath("$.errors[0].rule").value("unique"));
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case_outcome WHERE case_id = :id").param("id", id)
			.query(Long.class).single()).isOne();
		// a line break or a hidden character in a one-line field of the document is refused
		outcome(HEAD, id, "UPHELD", day.plusDays(20), "body", "苏州市人民政府\n\u200B复议办").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		// the 文号 is an identifier like every document number: a person's number in it is refused
		sent.put(id, 5);
		outcome(HEAD, id, "UPHELD", day.plusDays(20), "documentNumber", "13912345678").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].rule").value(hasItem("personal-number")));
		// a court's 案号 is kept as courts write it — （2025） whatever bracket was typed (Text.documentNumber) — and
		// the same number typed the other way is the same document
		String court = "苏0506行初" + id + "号";
		mvc.perform(litigation(id, "(2025)" + court)).andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT document_number FROM penalty_case_outcome WHERE case_id = :id AND kind = 'LITIGATION'")
			.param("id", id).query(String.class).single()).isEqualTo("（2025）" + court);
		mvc.perform(litigation(id, "（2025）" + court)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("unique"));
	}

	/** A 行政诉讼 judgment upholding the decision, numbered {@code number}, with its scan. */
	org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder litigation(long id, String number) {
		return multipart("/api/v1/enforcement/cases/" + id + "/remedy-outcomes")
			.file(new MockMultipartFile("file", "判决书.pdf", "application/pdf", PenaltyCaseIntegrationTest.WAIVER_PDF))
			.param("kind", "LITIGATION").param("body", "苏州市吴中区人民法院").param("documentNumber", number)
			.param("decidedOn", LocalDate.parse("2025-03-04").toString()).param("result", "UPHELD").param("reason", "原处罚决定认定事实清楚")
			.header("Authorization", HEAD);
	}

	@Test
	void aRevokedDecisionDemandsNoPaymentIsNoPenaltyAndItsPublicationIsWithdrawnWithTheReasonByItsDay() throws Exception {
		LocalDate day = LocalDate.parse("2025-02-11");
		today(day);
		long id = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", day);
		call(WUZHONG, publish(id), on(day)).andExpect(status().isOk());
		Map<String, Object> before = figures(day);

		LocalDate revoked = day.plusDays(30);
		today(revoked);
		assertThat((Object) JsonPath.read(caseJson(id), "$.deadlines.surchargeToday")).isNotNull();
		assertThat(queue("enforcement.unpaid")).contains("/enforcement/cases/" + id + "\"");
		// the clerk records no outcome (it is the head's: it changes what the bureau decided)
		outcome(WUZHONG, id, "REVOKED", revoked).andExpect(status().isForbidden());
		outcome(HEAD, id, "REVOKED", revoked.plusDays(1)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("decidedOn"));
		LocalDate due = calendar.plusWorkingDays(revoked, 3);
		outcome(HEAD, id, "REVOKED", revoked).andExpect(status().isCreated())
			.andExpect(jsonPath("$.result").value("REVOKED"))
			.andExpect(jsonPath("$.withdrawalDueOn").value(due.toString()))
			.andExpect(jsonPath("$.attachmentId").isNumber());

		String json = caseJson(id);
		assertThat((String) JsonPath.read(json, "$.penaltyCase.decisionAnnulledOn")).isEqualTo(revoked.toString());
		assertThat((String) JsonPath.read(json, "$.penaltyCase.publicationWithdrawalDueOn")).isEqualTo(due.toString());
		assertThat((Object) JsonPath.read(json, "$.deadlines.paymentDue")).isNull();
		assertThat((Object) JsonPath.read(json, "$.deadlines.surchargeToday")).isNull();
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/payment", "{\"paidOn\":\"" + revoked + "\",\"amount\":\"3000\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("decision-annulled"));
		outcome(HEAD, id, "UPHELD", revoked).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("result"))
			.andExpect(jsonPath("$.errors[0].rule").value("decision-annulled"));
		assertThat(queue("enforcement.unpaid")).doesNotContain("/enforcement/cases/" + id + "\"");
		assertThat(queue("enforcement.withdraw")).contains("/enforcement/cases/" + id + "\"").contains(due.toString());
		// the case page: the outcome, the annulment and the day to withdraw by; the form for the head only
		String page = mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"annulled\"", "id=\"withdrawal-due\"", "苏州市邮政管理局", "撤销")
			.doesNotContain("id=\"remedy-outcome-form\"", "id=\"payment-form\"");
		assertThat(mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.leader")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("id=\"remedy-outcome-form\"");

		// counted as a decision made, not as a penalty: neither its fine nor its enterprise
		Map<String, Object> after = figures(day);
		assertThat(number(after.get("fineTotal"))).isEqualByComparingTo(number(before.get("fineTotal")).subtract(new BigDecimal("3000")));
		assertThat(((Number) after.get("penalizedEnterprises")).longValue())
			.isEqualTo(((Number) before.get("penalizedEnterprises")).longValue() - 1);

		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.decisionAnnulledOn").value(revoked.toString()))
			.andExpect(jsonPath("$.outcomes[0].result").value("REVOKED"))
			.andExpect(jsonPath("$.outcomes[0].body").value("苏州市邮政管理局"))
			.andExpect(jsonPath("$.paymentDue").value(nullValue()))
			.andExpect(jsonPath("$.surchargeToday").value(nullValue()));

		// finding (annulment shown as it happens): the public reads no live decision from the day it was revoked, its
		// publication's withdrawal not yet recorded — the API lists it no more, the page shows it withdrawn
		String number = JsonPath.read(json, "$.penaltyCase.decisionNumber");
		mvc.perform(get("/api/v1/public/penalties").param("region", "320506").param("q", number))
			.andExpect(jsonPath("$.length()").value(0));
		assertThat(mvc.perform(get("/public/penalties/" + id)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("处罚决定已被撤销或确认无效").doesNotContain(">3000元<");
		// finding (the system's own withdrawal reason stayed Chinese in English): the English page words it by its key
		assertThat(mvc.perform(get("/public/penalties/" + id).param("lang", "en")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("revoked or confirmed invalid")
			.doesNotContain("处罚决定已被撤销或确认无效");

		today(due.plusDays(1));
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/publication-withdrawal", "{\"reason\":\" \"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/publication-withdrawal", "{\"reason\":\"处罚决定经行政复议被撤销\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.publicationWithdrawalReason").value("处罚决定经行政复议被撤销"));
		assertThat(queue("enforcement.withdraw")).doesNotContain("/enforcement/cases/" + id + "\"");
		// a revoked decision is not published again
		call(WUZHONG, publish(id), on(due.plusDays(1))).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("decision-annulled"));
		// nothing is left to carry out: the case closes
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/closure", "{\"reason\":\"处罚决定已被撤销\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("CLOSED"));
	}

	/**
	 * A decision revoked before it was served (by the bureau's own correction: 复议 and 诉讼 need a decision served,
	 * 409 {@code not-delivered}) has nothing left to serve or carry out: the case closes from 已决定.
	 */
	@Test
	void aDecisionRevokedBeforeDeliveryClosesWithoutBeingServed() throws Exception {
		LocalDate day = LocalDate.parse("2025-03-11");
		today(day);
		long kept = party.decided(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", day);
		long revoked = party.decided(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", day);
		today(day.plusDays(2));
		String close = "{\"reason\":\"处罚决定已被撤销\"}";
		call(WUZHONG, "/api/v1/enforcement/cases/" + kept + "/closure", close).andExpect(status().isConflict());
		outcome(HEAD, revoked, "REVOKED", day.plusDays(2)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("not-delivered"));
		outcome("SELF_CORRECTION", HEAD, revoked, "REVOKED", day.plusDays(2)).andExpect(status().isCreated());
		call(WUZHONG, "/api/v1/enforcement/cases/" + revoked + "/delivery", "{\"on\":\"" + day.plusDays(2) + "\",\"method\":\"DIRECT\"}")
			.andExpect(status().isConflict());
		assertThat(mvc.perform(get("/enforcement/cases/" + revoked).session(SignIn.session(mvc, "wz.staff")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"closure-form\"");
		call(WUZHONG, "/api/v1/enforcement/cases/" + revoked + "/closure", "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("CLOSED"))
			.andExpect(jsonPath("$.penaltyCase.closingReason").value("处罚决定已被撤销或确认无效"));
		CaseView closed = cases.get(DataScope.all(), revoked).penaltyCase();
		assertThat(Execution.report(closed, List.of(), null, List.of())).startsWith("处罚决定已于").contains("被撤销或确认无效，不再执行")
			.doesNotContain("执行完毕");
		call(WUZHONG, "/api/v1/enforcement/cases/" + kept + "/closure", close).andExpect(status().isConflict());
	}

	/**
	 * A decision served by public notice is not served until its deemed day (公告送达中): a 复议 or 诉讼 outcome recorded
	 * meanwhile is refused (409, rule {@code notice-pending}) naming the state with its deemed day and the article from
	 * the rule catalogue, nothing recorded; the bureau's own correction stays open; from the deemed day the outcome is
	 * recorded.
	 */
	@Test
	void aRemedyOutcomeWhileTheDecisionsPublicNoticeRunsIsRefusedNamingTheState() throws Exception {
		LocalDate day = LocalDate.parse("2025-03-11");
		today(day);
		long id = party.decided(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", day);
		PublicNoticeTakesEffectWhenDeemedServedIntegrationTest.publish(caseExecution, id, day);
		LocalDate deemed = cases.get(DataScope.all(), id).penaltyCase().deliveredOn();
		assertThat(deemed).isAfter(day);
		today(day.plusDays(5));
		outcome(HEAD, id, "REVOKED", day.plusDays(5)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].rule").value("notice-pending"))
			.andExpect(jsonPath("$.detail").value(containsString(CaseStatus.pendingLabel(deemed))))
			.andExpect(jsonPath("$.detail").value(containsString("《中华人民共和国民事诉讼法》第九十五条")));
		outcome("LITIGATION", HEAD, id, "REVOKED", day.plusDays(5)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("notice-pending"));
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case_outcome WHERE case_id = :id").param("id", id)
			.query(Long.class).single()).isZero();
		today(deemed);
		outcome(HEAD, id, "UPHELD", deemed).andExpect(status().isCreated());
	}

	/** A fine lowered after it was paid: what was collected stays collected, and the 结案报告 says what is to be refunded. */
	@Test
	void aFineLoweredAfterItWasPaidStaysCollectedAsPaidUntilItsRefundIsRecorded() throws Exception {
		LocalDate day = LocalDate.parse("2025-02-14");
		today(day);
		long id = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", day);
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/payment", "{\"paidOn\":\"" + day + "\",\"amount\":\"3000\"}")
			.andExpect(status().isOk());
		Map<String, Object> before = figures(day);
		LocalDate changed = day.plusDays(5);
		today(changed);
		outcome(HEAD, id, "CHANGED", changed, "penalty", "FINE", "fine", "1000").andExpect(status().isCreated());
		Map<String, Object> after = figures(day);
		assertThat(number(after.get("fineCollected"))).isEqualByComparingTo(number(before.get("fineCollected")));
		assertThat(number(after.get("fineTotal"))).isEqualByComparingTo(number(before.get("fineTotal")).subtract(new BigDecimal("2000")));
		CaseView c = cases.get(DataScope.all(), id).penaltyCase();
		assertThat(Execution.report(c, List.of(), null, List.of())).contains("缴纳罚款人民币3000元（大写：叁仟元整）", "多缴人民币2000元（大写：贰仟元整）应予退还");

		// the refund due is on the case (API and page) until recorded: the amount due, once, by the payment's staff
		assertThat(number(JsonPath.read(caseJson(id), "$.refund.due"))).isEqualByComparingTo("2000");
		assertThat((Object) JsonPath.read(caseJson(id), "$.refund.refundedOn")).isNull();
		assertThat(mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff"))).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("应退还多缴的2000元", "id=\"refund-form\"");
		String refund = "/api/v1/enforcement/cases/" + id + "/refund";
		call(WUZHONG, refund, "{\"refundedOn\":\"" + changed + "\",\"amount\":\"3000\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount")).andExpect(jsonPath("$.errors[0].rule").value("amount"));
		call(WUZHONG, refund, "{\"refundedOn\":\"" + day.minusDays(1) + "\",\"amount\":\"2000\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("refundedOn"));
		Map<String, Object> beforeRefund = figures(changed);
		// recorded on the case page's form: a wrong amount comes back with its error, beside the field, and what was typed
		String refused = mvc.perform(post("/enforcement/cases/" + id + "/refund").session(SignIn.session(mvc, "wz.staff"))
			.with(csrf()).param("refundedOn", changed.toString()).param("amount", "2001"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("已缴罚款3000元，变更后的罚款1000元，已退还0元，应退还2000元", "value=\"2001\"");
		assertThat(Jsoup.parse(refused).select("#errors[data-form=refund-form] li[data-field=amount]")).hasSize(1);
		assertThat(Jsoup.parse(refused).select("#refund-form input[name=amount]").attr("value")).isEqualTo("2001");
		mvc.perform(post("/enforcement/cases/" + id + "/refund").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("refundedOn", changed.toString()).param("amount", "2000"))
			.andExpect(flash().attribute("message", "已登记退还多缴罚款"));
		String recorded = caseJson(id);
		assertThat((String) JsonPath.read(recorded, "$.refund.refundedOn")).isEqualTo(changed.toString());
		assertThat(number(JsonPath.read(recorded, "$.refund.amount"))).isEqualByComparingTo("2000");
		assertThat((String) JsonPath.read(recorded, "$.refund.basis"))
			.isEqualTo("已缴罚款3000元，变更后的罚款1000元，已退还0元，应退还2000元，本次退还2000元");
		assertThat(number(JsonPath.read(recorded, "$.refund.due"))).isEqualByComparingTo("0");
		assertThat(Execution.report(cases.get(DataScope.all(), id).penaltyCase(), List.of(), null, caseWork.refunds(id)))
			.contains("多缴人民币2000元（大写：贰仟元整），" + ChineseText.day(changed) + "已退还人民币2000元（大写：贰仟元整），已全部退还").doesNotContain("应予退还");
		assertThat(mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff"))).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8)).as("no form once recorded").doesNotContain("id=\"refund-form\"");
		call(WUZHONG, refund, "{\"refundedOn\":\"" + changed + "\",\"amount\":\"2000\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("already-refunded"));
		// the fines collected are net of the refund, in the period it was made
		assertThat(number(figures(changed).get("fineCollected")))
			.isEqualByComparingTo(number(beforeRefund.get("fineCollected")).subtract(new BigDecimal("2000")));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'penalty_case' AND object_id = :id"
				+ " AND action = 'case.refund'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
		// nothing to refund on a fine paid as decided
		long paidAsDecided = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "500", changed);
		call(WUZHONG, "/api/v1/enforcement/cases/" + paidAsDecided + "/refund", "{\"refundedOn\":\"" + changed
				+ "\",\"amount\":\"1\"}").andExpect(status().is(422)).andExpect(jsonPath("$.errors[0].rule").value("no-refund-due"));
	}

	/**
	 * A fine removed by a 变更 (警告) or a decision revoked after payment: what was paid as the fine is refunded, and the
	 * 加处罚款 paid with it falls with the fine; the figures (which no longer count what an annulled decision collected)
	 * are not lowered twice.
	 */
	@Test
	void aFineRemovedOrAnnulledAfterItWasPaidIsRefundedWithItsSurcharge() throws Exception {
		LocalDate day = LocalDate.parse("2025-06-03");
		LocalDate changed = day.plusDays(5);
		long warned = paidThenChanged(day, changed, "penalty", "WARNING");
		assertThat(number(JsonPath.read(caseJson(warned), "$.refund.due"))).isEqualByComparingTo("3000");
		assertThat(Execution.report(cases.get(DataScope.all(), warned).penaltyCase(), List.of(), null, List.of()))
			.contains("多缴人民币3000元（大写：叁仟元整）应予退还");
		call(WUZHONG, "/api/v1/enforcement/cases/" + warned + "/refund", "{\"refundedOn\":\"" + changed + "\",\"amount\":0}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("positive"));
		Map<String, Object> before = figures(changed);
		call(WUZHONG, "/api/v1/enforcement/cases/" + warned + "/refund", "{\"refundedOn\":\"" + changed + "\",\"amount\":3000}")
			.andExpect(status().isOk());
		assertThat(number(figures(changed).get("fineCollected")))
			.isEqualByComparingTo(number(before.get("fineCollected")).subtract(new BigDecimal("3000")));

		// paid late, with 加处罚款, then revoked: the fine and its surcharge are refunded; the figures stay as they are
		long revoked = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "1000", day);
		LocalDate late = day.plusDays(40);
		today(late);
		BigDecimal surcharge = number(JsonPath.read(caseJson(revoked), "$.deadlines.surchargeToday"));
		assertThat(surcharge).isPositive();
		BigDecimal paid = new BigDecimal("1000").add(surcharge);
		call(WUZHONG, "/api/v1/enforcement/cases/" + revoked + "/payment", "{\"paidOn\":\"" + late + "\",\"amount\":\""
				+ paid.toPlainString() + "\"}").andExpect(status().isOk());
		outcome(HEAD, revoked, "REVOKED", late).andExpect(status().isCreated());
		assertThat(number(JsonPath.read(caseJson(revoked), "$.refund.due"))).isEqualByComparingTo(paid);
		Map<String, Object> beforeRevokedRefund = figures(late);
		call(WUZHONG, "/api/v1/enforcement/cases/" + revoked + "/refund", "{\"refundedOn\":\"" + late + "\",\"amount\":\""
				+ paid.toPlainString() + "\"}").andExpect(status().isOk());
		assertThat(number(figures(late).get("fineCollected"))).isEqualByComparingTo(number(beforeRevokedRefund.get("fineCollected")));
		assertThat(Execution.report(cases.get(DataScope.all(), revoked).penaltyCase(), List.of(), null, caseWork.refunds(revoked)))
			.contains("已退还" + ChineseText.yuanStated(paid) + "，已全部退还");
	}

	/**
	 * A refund entered twice (a double click, a retried call) is one refund: the same day and amount again is refused
	 * as a duplicate (409 unique) unless it names a voucher of its own; a voucher is used once; a partial refund of
	 * another amount the same day stays allowed (attack round 20: three clicks made 200, 200, 409).
	 */
	@Test
	void aRefundOfTheSameDayAndAmountIsATwinUnlessItNamesItsOwnVoucher() throws Exception {
		LocalDate changed = LocalDate.parse("2025-08-06");
		long id = paidThenChanged(changed.minusDays(2), changed, "penalty", "FINE", "fine", "1000");
		String refund = "/api/v1/enforcement/cases/" + id + "/refund", twice = "{\"refundedOn\":\"" + changed + "\",\"amount\":\"500\"%s}";
		call(WUZHONG, refund, twice.formatted("")).andExpect(status().isOk()).andExpect(jsonPath("$.refund.due").value(1500));
		call(WUZHONG, refund, twice.formatted("")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("amount")).andExpect(jsonPath("$.errors[0].rule").value("unique"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不能重复登记")));
		call(WUZHONG, refund, twice.formatted(",\"receipt\":\"TF-" + id + "-2\"")).andExpect(status().isOk())
			.andExpect(jsonPath("$.refund.due").value(1000));
		call(WUZHONG, refund, "{\"refundedOn\":\"" + changed + "\",\"amount\":\"300\",\"receipt\":\"TF-" + id + "-2\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("receipt")).andExpect(jsonPath("$.errors[0].rule").value("unique"));
		call(WUZHONG, refund, "{\"refundedOn\":\"" + changed + "\",\"amount\":\"300\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.refund.due").value(700))
			.andExpect(jsonPath("$.refund.refunds.length()").value(3))
			.andExpect(jsonPath("$.refund.refunds[1].receipt").value("TF-" + id + "-2"))
			.andExpect(jsonPath("$.refund.refunds[2].receipt").doesNotExist());
	}

	/**
	 * A past case imported by the city bureau is the city's case (its number and region the city's, not the enterprise's
	 * county): the city's head records its review outcome; the county's head, whose case it is not, is refused.
	 */
	@Test
	void aPastCaseImportedByTheCityIsTheCitysAndItsHeadRecordsItsOutcome() throws Exception {
		// the city's own 机关代字 (the province's 苏邮管 is another bureau's)
		String number = "苏苏邮管罚〔2025〕C" + UUID.randomUUID().toString().substring(0, 8) + "号";
		long id = pastCases.importCase(DataScope.region("3205"), new PastCases.ImportedCase(party.sfWuzhong().creditCode(),
				"DATA_NOT_REPORTED", "INSPECTION", "2025-03-01", "2025-05-10", number, "FINE", new BigDecimal("3000"), null, null,
				null));
		assertThat(jdbc.sql("SELECT region_code || ' ' || number FROM penalty_case WHERE id = :id").param("id", id)
			.query(String.class).single()).startsWith("3205 处罚案件-3205-");
		LocalDate today = LocalDate.now(clock);
		outcome(HEAD, id, "REVOKED", today).andExpect(status().is4xxClientError());
		outcome("Bearer demo-sz-leader-token", id, "REVOKED", today).andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case_outcome WHERE case_id = :id").param("id", id).query(Long.class)
			.single()).isEqualTo(1L);
	}

	/**
	 * A voucher number is an identifier as every 文号 is: R001, r001, Ｒ００１ and R-001 are one voucher (stored as typed
	 * in half-width, compared folded), and an ID or mobile number is no voucher (rule personal-number), nothing saved.
	 */
	@Test
	void aVoucherTypedInAnotherCaseOrWidthIsTheSameVoucherAndNoPersonalNumberIsOne() throws Exception {
		LocalDate changed = LocalDate.parse("2025-08-07");
		long id = paidThenChanged(changed.minusDays(2), changed, "penalty", "FINE", "fine", "1000");
		String refund = "/api/v1/enforcement/cases/" + id + "/refund", body = "{\"refundedOn\":\"" + changed
				+ "\",\"amount\":\"%s\",\"receipt\":\"%s\"}";
		call(WUZHONG, refund, body.formatted("500", "Ｒ００１")).andExpect(status().isOk())
			.andExpect(jsonPath("$.refund.refunds[0].receipt").value("R001"));
		for (String same : List.of("R001", "r001", "Ｒ００１", "R-001")) {
			call(WUZHONG, refund, body.formatted("300", same)).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].field").value("receipt")).andExpect(jsonPath("$.errors[0].rule").value("unique"));
		}
		for (String personal : List.of("13912345678", "TF11010519491231002X")) {
			call(WUZHONG, refund, body.formatted("300", personal)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("receipt"))
				.andExpect(jsonPath("$.errors[0].rule").value("personal-number"));
		}
		// written only with what a voucher number is printed with: markup and quotes were kept and shown on the case
		for (String marked : List.of("<b>R002</b>", "R002\\\"onmouseover", "R002;R003")) {
			call(WUZHONG, refund, body.formatted("300", marked)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("receipt"))
				.andExpect(jsonPath("$.errors[0].rule").value("voucher-number"))
				.andExpect(jsonPath("$.errors[0].message").value(startsWith("退付凭证号只能由")));
		}
		for (String hidden : List.of("R002\\u0007", "R002\\u200B3")) {
			call(WUZHONG, refund, body.formatted("300", hidden)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("receipt"));
		}
		call(WUZHONG, refund, body.formatted("300", "R".repeat(101))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("receipt"));
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case_refund WHERE case_id = :id").param("id", id).query(Long.class)
			.single()).isEqualTo(1L);
	}

	/**
	 * A second 变更 after a refund: the refund due is net of the refunds made, and each refund (a part of it, too) is
	 * recorded up to what remains, with its basis at its time; the figures are net of every refund.
	 */
	@Test
	void aSecondChangeAfterARefundLeavesTheRestToRefundInSeveralRefunds() throws Exception {
		LocalDate day = LocalDate.parse("2025-07-01");
		LocalDate changed = day.plusDays(3);
		long id = paidThenChanged(day, changed, "penalty", "FINE", "fine", "2000");
		String refund = "/api/v1/enforcement/cases/" + id + "/refund";
		Map<String, Object> before = figures(changed);
		call(WUZHONG, refund, "{\"refundedOn\":\"" + changed + "\",\"amount\":400}").andExpect(status().isOk())
			.andExpect(jsonPath("$.refund.due").value(600));
		call(WUZHONG, refund, "{\"refundedOn\":\"" + changed + "\",\"amount\":700}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount")).andExpect(jsonPath("$.errors[0].rule").value("amount"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(
					"已缴罚款3000元，变更后的罚款2000元，已退还400元，应退还600元")));
		call(WUZHONG, refund, "{\"refundedOn\":\"" + changed + "\",\"amount\":\"600\"}").andExpect(status().isOk());
		call(WUZHONG, refund, "{\"refundedOn\":\"" + changed + "\",\"amount\":1}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("already-refunded"));
		LocalDate again = changed.plusDays(10);
		today(again);
		outcome(HEAD, id, "CHANGED", again, "penalty", "FINE", "fine", "1000").andExpect(status().isCreated());
		assertThat(number(JsonPath.read(caseJson(id), "$.refund.due"))).isEqualByComparingTo("1000");
		Map<String, Object> beforeAgain = figures(again);
		call(WUZHONG, refund, "{\"refundedOn\":\"" + again + "\",\"amount\":1000}").andExpect(status().isOk())
			.andExpect(jsonPath("$.refund.refunds.length()").value(3))
			.andExpect(jsonPath("$.refund.basis").value("已缴罚款3000元，变更后的罚款1000元，已退还1000元，应退还1000元，本次退还1000元"));
		assertThat(number(figures(changed).get("fineCollected")))
			.isEqualByComparingTo(number(before.get("fineCollected")).subtract(new BigDecimal("1000")));
		assertThat(number(figures(again).get("fineCollected")))
			.isEqualByComparingTo(number(beforeAgain.get("fineCollected")).subtract(new BigDecimal("1000")));
	}

	/**
	 * Instalments after a 变更 lowered the fine below what the plan still demands: the next instalment is cut to what is
	 * still owed, a payment beyond it is refused, and once what was paid covers the fine nothing more is demanded and
	 * what was paid beyond is due for refund at once.
	 */
	@Test
	void instalmentsStopAtTheFineAsChanged() throws Exception {
		LocalDate day = LocalDate.parse("2025-04-15");
		today(day);
		long id = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", day);
		call(HEAD, "/api/v1/enforcement/cases/" + id + "/payment-arrangement", """
				{"kind":"INSTALMENTS","appliedOn":"%s","reason":"经营困难","instalments":[{"dueOn":"2025-04-30","amount":"1000"},
				 {"dueOn":"2025-05-15","amount":"1000"},{"dueOn":"2025-06-03","amount":"1000"}]}""".formatted(day))
			.andExpect(status().isOk());
		String pay = "/api/v1/enforcement/cases/" + id + "/payment";
		call(WUZHONG, pay, "{\"paidOn\":\"" + day + "\",\"amount\":1000,\"instalment\":1}").andExpect(status().isOk());
		LocalDate changed = day.plusDays(2);
		today(changed);
		outcome(HEAD, id, "CHANGED", changed, "penalty", "FINE", "fine", "1500").andExpect(status().isCreated());
		call(WUZHONG, pay, "{\"paidOn\":\"" + changed + "\",\"amount\":1000,\"instalment\":2}").andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[0].field").value("amount")).andExpect(jsonPath("$.errors[0].rule").value("above-fine"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("尚欠500元")));
		call(WUZHONG, pay, "{\"paidOn\":\"" + changed + "\",\"amount\":500,\"instalment\":2}").andExpect(status().isOk());
		String paidUp = caseJson(id);
		// paid up by the second payment: the case is paid (1500 in all), the third instalment no longer demanded
		assertThat((String) JsonPath.read(paidUp, "$.penaltyCase.paidOn")).isEqualTo(changed.toString());
		assertThat(number(JsonPath.read(paidUp, "$.penaltyCase.paidAmount"))).isEqualByComparingTo("1500");
		assertThat((Object) JsonPath.read(paidUp, "$.refund")).isNull();
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/closure", "{}").andExpect(status().isOk());

		// paid beyond the fine as changed: nothing more is demanded and the refund is due right after the change
		long over = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", day);
		today(day);
		call(HEAD, "/api/v1/enforcement/cases/" + over + "/payment-arrangement", """
				{"kind":"INSTALMENTS","appliedOn":"%s","reason":"经营困难","instalments":[{"dueOn":"2025-04-30","amount":"2000"},
				 {"dueOn":"2025-05-15","amount":"1000"}]}""".formatted(day)).andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + over + "/payment", "{\"paidOn\":\"" + day + "\",\"amount\":2000,\"instalment\":1}")
			.andExpect(status().isOk());
		today(changed);
		outcome(HEAD, over, "CHANGED", changed, "penalty", "FINE", "fine", "1200").andExpect(status().isCreated());
		String overJson = caseJson(over);
		assertThat((Object) JsonPath.read(overJson, "$.deadlines.paymentDue")).isNull();
		assertThat(number(JsonPath.read(overJson, "$.refund.due"))).isEqualByComparingTo("800");
		assertThat(mvc.perform(get("/enforcement/cases/" + over).session(SignIn.session(mvc, "wz.staff"))).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("id=\"payment-form\"")
			.contains("id=\"refund-form\"");
		call(WUZHONG, "/api/v1/enforcement/cases/" + over + "/payment", "{\"paidOn\":\"" + changed
				+ "\",\"amount\":1000,\"instalment\":2}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("above-fine"));
	}

	String page(long id) throws Exception {
		return mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/**
	 * A past case imported paid (no day of service on record) tells its payment in its 结案报告 like any other: the
	 * report's 执行情况 was empty for every case without a day of service.
	 */
	@Test
	void anImportedCasePaidBeforeItCameHereTellsItsPaymentInItsClosingReport() {
		long id = pastCases.importCase(PartyCases.ALL, ImportedDecisionRulesIntegrationTest.past(party.other(),
				"DATA_NOT_REPORTED", "FINE", "1000", null, "2025-05-20", null, null));
		assertThat(cases.get(DataScope.all(), id).penaltyCase().deliveredOn()).isNull();
		assertThat(closingReport(id)).startsWith("罚款：").contains("缴纳罚款人民币1000元（大写：壹仟元整）");
	}

	String closingReport(long id) {
		return Execution.report(cases.get(DataScope.all(), id).penaltyCase(), caseWork.procedure(id).instalments(),
				null, caseWork.refunds(id));
	}

	/**
	 * A case does not close while a refund is due (422 refund-due, the page offers no closure but says why); it closes
	 * once refunded, its 结案报告 saying so. An outcome after closure that leaves a refund reopens the case to refund it,
	 * and it closes again with a new 结案报告; a refund is never recorded on a closed case.
	 */
	@Test
	void aCaseClosesOnlyOnceWhatWasOverpaidIsRefundedAndNoRefundIsRecordedOnAClosedCase() throws Exception {
		LocalDate changed = LocalDate.parse("2025-08-07");
		long id = paidThenChanged(changed.minusDays(3), changed, "penalty", "FINE", "fine", "1000");
		String close = "/api/v1/enforcement/cases/" + id + "/closure";
		call(WUZHONG, close, "{}").andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[0].field").value("refund")).andExpect(jsonPath("$.errors[0].rule").value("refund-due"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("尚有多缴的罚款2000元应予退还")));
		assertThat(page(id)).contains("id=\"closure-blocked\"", "登记退还后方可结案").doesNotContain("id=\"closure-form\"");
		mvc.perform(post("/enforcement/cases/" + id + "/closure").session(SignIn.session(mvc, "wz.staff")).with(csrf()));
		assertThat(cases.get(DataScope.all(), id).penaltyCase().status()).isEqualTo(CaseStatus.EXECUTED);
		String refund = "/api/v1/enforcement/cases/" + id + "/refund";
		call(WUZHONG, refund, "{\"refundedOn\":\"" + changed + "\",\"amount\":1500}").andExpect(status().isOk());
		call(WUZHONG, close, "{}").andExpect(status().is(422)).andExpect(jsonPath("$.errors[0].rule").value("refund-due"));
		call(WUZHONG, refund, "{\"refundedOn\":\"" + changed + "\",\"amount\":500}").andExpect(status().isOk());
		assertThat(page(id)).contains("id=\"closure-form\"").doesNotContain("id=\"closure-blocked\"");
		call(WUZHONG, close, "{}").andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.status").value("CLOSED"));
		assertThat(closingReport(id)).contains("已全部退还").doesNotContain("应予退还");

		// changed again after closure: reopened to refund, closed again with a new 结案报告
		LocalDate again = changed.plusDays(10);
		today(again);
		outcome(HEAD, id, "CHANGED", again, "penalty", "FINE", "fine", "500").andExpect(status().isCreated());
		String reopened = caseJson(id);
		assertThat((String) JsonPath.read(reopened, "$.penaltyCase.status")).isEqualTo("EXECUTED");
		assertThat((Object) JsonPath.read(reopened, "$.penaltyCase.closedOn")).isNull();
		assertThat(number(JsonPath.read(reopened, "$.refund.due"))).isEqualByComparingTo("500");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'penalty_case' AND object_id = :id"
				+ " AND action = 'case.reopen'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
		call(WUZHONG, close, "{}").andExpect(status().is(422)).andExpect(jsonPath("$.errors[0].rule").value("refund-due"));
		call(WUZHONG, refund, "{\"refundedOn\":\"" + again + "\",\"amount\":500}").andExpect(status().isOk());
		call(WUZHONG, close, "{}").andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.status").value("CLOSED"));
		assertThat(caseWork.refunds(id)).hasSize(3);
		assertThat(cases.documents(DataScope.all(), id).stream().filter(d -> d.kind().name().equals("CLOSING_REPORT")))
			.extracting(d -> d.supersededBy() == null).containsExactly(false, true);

		// a case closed with a refund due (as this rule allowed before): the refund is refused on it, naming the rule
		long closedEarlier = paidThenChanged(again, again, "penalty", "FINE", "fine", "1000");
		jdbc.sql("UPDATE penalty_case SET status = 'CLOSED', closed_on = :on WHERE id = :id").param("on", again)
			.param("id", closedEarlier).update();
		call(WUZHONG, "/api/v1/enforcement/cases/" + closedEarlier + "/refund", "{\"refundedOn\":\"" + again
				+ "\",\"amount\":2000}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("refundedOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("case-closed"));
		assertThat(caseWork.refunds(closedEarlier)).isEmpty();
	}

	/**
	 * A refund is not dated before the outcome that made the overpayment (paid on the 20th, changed on the 25th: the
	 * 24th is refused on its date field) and so never counts in a period before it; each later outcome moves the day.
	 */
	@Test
	void aRefundIsNotDatedBeforeTheOutcomeThatMadeTheOverpayment() throws Exception {
		LocalDate paid = LocalDate.parse("2025-11-20");
		LocalDate changed = LocalDate.parse("2025-11-25");
		long id = paidThenChanged(paid, changed, "penalty", "FINE", "fine", "2000");
		Map<String, Object> dayBefore = figures(changed.minusDays(1));
		String refund = "/api/v1/enforcement/cases/" + id + "/refund";
		call(WUZHONG, refund, "{\"refundedOn\":\"" + changed.minusDays(1) + "\",\"amount\":1000}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("refundedOn")).andExpect(jsonPath("$.errors[0].rule").value("range"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(ChineseText.day(changed))));
		assertThat(number(figures(changed.minusDays(1)).get("fineCollected")))
			.isEqualByComparingTo(number(dayBefore.get("fineCollected")));
		call(WUZHONG, refund, "{\"refundedOn\":\"" + changed + "\",\"amount\":1000}").andExpect(status().isOk());

		// revoked later: the rest is refunded from the revocation on
		LocalDate revoked = changed.plusDays(6);
		today(revoked);
		outcome(HEAD, id, "REVOKED", revoked).andExpect(status().isCreated());
		call(WUZHONG, refund, "{\"refundedOn\":\"" + revoked.minusDays(1) + "\",\"amount\":2000}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("refundedOn"));
		call(WUZHONG, refund, "{\"refundedOn\":\"" + revoked + "\",\"amount\":2000}").andExpect(status().isOk());
	}

	/** A fine of 3000 delivered on {@code day}, which is today. */
	long fineDelivered(LocalDate day) {
		today(day);
		return party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", day);
	}

	/**
	 * A fine of 3000 in three instalments of {@code amounts} approved on {@code day}, the first paid that day (early: it
	 * is due on the statutory deadline at the earliest, 行政处罚法 art.67).
	 */
	long firstInstalmentPaid(LocalDate day, String... amounts) throws Exception {
		long id = fineDelivered(day);
		call(HEAD, "/api/v1/enforcement/cases/" + id + "/payment-arrangement", """
				{"kind":"INSTALMENTS","appliedOn":"%s","reason":"经营困难","instalments":[{"dueOn":"%s","amount":"%s"},
				 {"dueOn":"%s","amount":"%s"},{"dueOn":"%s","amount":"%s"}]}""".formatted(day, calendar.onOrNextWorkingDay(day.plusDays(16)),
				amounts[0], calendar.plusWorkingDays(day, 20), amounts[1], calendar.plusWorkingDays(day, 30), amounts[2]))
			.andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/payment", "{\"paidOn\":\"" + day + "\",\"amount\":" + amounts[0]
				+ ",\"instalment\":1}").andExpect(status().isOk());
		return id;
	}

	/**
	 * An instalment plan paid up by a 变更 is paid as a payment would pay it — 已执行, the last payment's day, the sum
	 * paid — and closes so once refunded; an annulled plan's 结案报告 names the instalment paid and says once that it was
	 * annulled.
	 */
	@Test
	void anInstalmentPlanPaidUpByAChangeIsPaidAsAPaymentWouldPayIt() throws Exception {
		LocalDate day = LocalDate.parse("2025-09-01");
		long id = firstInstalmentPaid(day, "2000", "500", "500");
		LocalDate changed = day.plusDays(2);
		today(changed);
		outcome(HEAD, id, "CHANGED", changed, "penalty", "FINE", "fine", "1200").andExpect(status().isCreated());
		String json = caseJson(id);
		assertThat((String) JsonPath.read(json, "$.penaltyCase.status")).isEqualTo("EXECUTED");
		assertThat((String) JsonPath.read(json, "$.penaltyCase.paidOn")).isEqualTo(day.toString());
		assertThat(number(JsonPath.read(json, "$.penaltyCase.paidAmount"))).isEqualByComparingTo("2000");
		assertThat(number(JsonPath.read(json, "$.refund.due"))).isEqualByComparingTo("800");
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/refund", "{\"refundedOn\":\"" + changed + "\",\"amount\":800}")
			.andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/closure", "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.closingReason").value("执行完毕"))
			.andExpect(jsonPath("$.penaltyCase.paidAmount").value(2000));

		long revoked = firstInstalmentPaid(day, "1000", "1000", "1000");
		today(changed);
		outcome(HEAD, revoked, "REVOKED", changed).andExpect(status().isCreated());
		String revokedJson = caseJson(revoked);
		assertThat((String) JsonPath.read(revokedJson, "$.penaltyCase.paidOn")).isEqualTo(day.toString());
		assertThat(number(JsonPath.read(revokedJson, "$.penaltyCase.paidAmount"))).isEqualByComparingTo("1000");
		String report = closingReport(revoked);
		assertThat(report).contains(ChineseText.day(day) + "缴纳第1期罚款人民币1000元（大写：壹仟元整）",
				"已缴纳的人民币1000元（大写：壹仟元整）应予退还");
		assertThat(report.split("被撤销或确认无效", -1)).hasSize(2);
	}

	/**
	 * The 加处罚款 shown is the one paid or charged: a fine paid late and lowered afterwards shows the 加处罚款 paid (the
	 * page's), not one recomputed on the lowered fine; instalments partly paid before a lowered fine show the 加处罚款 a
	 * payment of what is still demanded is charged.
	 */
	@Test
	void theSurchargeShownIsTheOnePaidOrChargedAfterAFineWasLowered() throws Exception {
		LocalDate day = LocalDate.parse("2025-03-03");
		long id = fineDelivered(day);
		LocalDate late = day.plusDays(30);
		today(late);
		BigDecimal surcharge = number(JsonPath.read(caseJson(id), "$.deadlines.surchargeToday"));
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/payment", "{\"paidOn\":\"" + late + "\",\"amount\":"
				+ new BigDecimal("3000").add(surcharge).toPlainString() + "}").andExpect(status().isOk());
		outcome(HEAD, id, "CHANGED", late, "penalty", "FINE", "fine", "1000").andExpect(status().isCreated());
		String json = caseJson(id);
		assertThat(number(JsonPath.read(json, "$.deadlines.surchargeToday"))).isEqualByComparingTo(surcharge);
		assertThat(number(JsonPath.read(json, "$.penaltyCase.surcharge"))).isEqualByComparingTo(surcharge);
		assertThat(page(id)).contains("含加处罚款" + ChineseText.yuan(surcharge));

		// instalments of 1000 each, the first paid, the fine lowered to 1500, the two others overdue: 500 is still demanded
		long plan = firstInstalmentPaid(day, "1000", "1000", "1000");
		today(day.plusDays(2));
		outcome(HEAD, plan, "CHANGED", day.plusDays(2), "penalty", "FINE", "fine", "1500").andExpect(status().isCreated());
		LocalDate overdue = calendar.plusWorkingDays(day, 40);
		today(overdue);
		BigDecimal shown = number(JsonPath.read(caseJson(plan), "$.deadlines.surchargeToday"));
		assertThat(shown).isPositive();
		// the 执行情况 names what is still demanded of each instalment, not its planned amount
		String second = "第2期人民币1000元（大写：壹仟元整）（缴纳期限至" + ChineseText.day(calendar.plusWorkingDays(day, 20)) + "）";
		String third = "第3期人民币1000元（大写：壹仟元整）（缴纳期限至" + ChineseText.day(calendar.plusWorkingDays(day, 30)) + "）";
		// before the 500 is paid the fine is not paid up: the third is not demanded, and nothing says 已缴足
		assertThat(closingReport(plan)).contains(second + "经变更应缴人民币500元（大写：伍佰元整），未缴纳", third + "经变更无需缴纳")
			.doesNotContain("已缴足");
		Map<String, Object> before = figures(overdue);
		call(WUZHONG, "/api/v1/enforcement/cases/" + plan + "/payment", "{\"paidOn\":\"" + overdue + "\",\"amount\":"
				+ new BigDecimal("500").add(shown).toPlainString() + ",\"instalment\":2}").andExpect(status().isOk());
		assertThat(closingReport(plan)).contains(second + ChineseText.day(overdue) + "缴纳人民币500元（大写：伍佰元整），另加处罚款"
				+ ChineseText.yuanStated(shown), third + "无需缴纳（罚款经变更已缴足）");
		String paid = caseJson(plan);
		assertThat((String) JsonPath.read(paid, "$.penaltyCase.status")).isEqualTo("EXECUTED");
		assertThat(number(JsonPath.read(paid, "$.penaltyCase.surcharge"))).isEqualByComparingTo(shown);
		assertThat(number(JsonPath.read(paid, "$.deadlines.surchargeToday"))).isEqualByComparingTo(shown);
		// collected: the 500 paid as the fine, not the instalment's planned 1000
		assertThat(number(figures(overdue).get("fineCollected")))
			.isEqualByComparingTo(number(before.get("fineCollected")).add(new BigDecimal("500")));
	}

	@Test
	void aChangedDecisionIsReissuedBesideItsPredecessorAndPublishedAgainAsChanged() throws Exception {
		LocalDate day = LocalDate.parse("2025-02-12");
		today(day);
		long id = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", day);
		call(WUZHONG, publish(id), on(day)).andExpect(status().isOk());
		String number = JsonPath.read(caseJson(id), "$.penaltyCase.decisionNumber");
		LocalDate changed = day.plusDays(5);
		today(changed);
		assertThat(mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.leader")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"remedy-outcome-form\"");
		// a 复议 that upheld the decision, recorded on the page: nothing to withdraw
		mvc.perform(multipart("/enforcement/cases/" + id + "/remedy-outcome").session(SignIn.session(mvc, "wz.leader"))
			.with(csrf()).param("kind", "REVIEW").param("body", "苏州市邮政管理局").param("documentNumber", "苏邮复决〔2025〕维" + id + "号")
			.param("decidedOn", changed.toString()).param("result", "UPHELD").param("reason", "事实清楚，适用依据正确")
			.param("penalty", "").param("fine", "").param("confiscated", ""))
			.andExpect(flash().attribute("message", "已登记复议、诉讼结果或自行纠正"));
		assertThat((Object) JsonPath.read(caseJson(id), "$.penaltyCase.publicationWithdrawalDueOn")).isNull();

		outcome(HEAD, id, "CHANGED", changed, "penalty", "FINE", "fine", "3500").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'fine' && @.rule == 'heavier')]").exists());
		outcome(HEAD, id, "UPHELD", changed, "fine", "1000").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("fine"))
			.andExpect(jsonPath("$.errors[0].rule").value("absent"));
		outcome(HEAD, id, "CHANGED", changed, "penalty", "FINE", "fine", "1000").andExpect(status().isCreated())
			.andExpect(jsonPath("$.previousFine").value(3000))
			.andExpect(jsonPath("$.fine").value(1000))
			.andExpect(jsonPath("$.withdrawalDueOn").value(calendar.plusWorkingDays(changed, 3).toString()));

		List<Map<String, Object>> decisions = JsonPath.read(mvc.perform(get("/api/v1/enforcement/cases/" + id + "/documents")
			.header("Authorization", WUZHONG)).andReturn().getResponse().getContentAsString(), "$[?(@.kind == 'DECISION')]");
		assertThat(decisions).extracting(d -> d.get("version"), d -> d.get("current")).containsExactly(
				tuple(1, false), tuple(2, true));
		assertThat(JsonPath.read(caseJson(id), "$.penaltyCase.fine").toString()).isIn("1000", "1000.0", "1000.00");

		// still published as decided until withdrawn; published again only once withdrawn, then as changed
		call(WUZHONG, publish(id), on(changed)).andExpect(status().isConflict());
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/publication-withdrawal", "{\"reason\":\"经行政复议变更罚款数额\"}")
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/public/penalties").param("region", "320506").param("q", number))
			.andExpect(jsonPath("$.length()").value(0));
		// a court upholding the decision as changed leaves it changed: it may be published again
		outcome(HEAD, id, "UPHELD", changed).andExpect(status().isCreated());
		call(WUZHONG, publish(id), on(changed)).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.publishedOn").value(changed.toString()))
			.andExpect(jsonPath("$.penaltyCase.publicationWithdrawnOn").value(nullValue()));
		mvc.perform(get("/api/v1/public/penalties").param("region", "320506").param("q", number))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].fine").value(1000))
			.andExpect(jsonPath("$[0].penalty").value(containsString("罚款")));

		// the party pays the fine as changed
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/payment", "{\"paidOn\":\"" + changed + "\",\"amount\":\"1000\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.status").value("EXECUTED"));
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
			.andExpect(jsonPath("$.outcomes[0].result").value("UPHELD"))
			.andExpect(jsonPath("$.outcomes[1].result").value("CHANGED"))
			.andExpect(jsonPath("$.outcomes[1].changed").value(containsString("1000")));
	}

	@Test
	void thePublicListShowsWhatWasPublishedUntilThePublicationIsWithdrawnAndMadeAgain() throws Exception {
		LocalDate day = LocalDate.parse("2025-03-10");
		long id = publishedAndChanged(day, day.plusDays(2));
		String number = JsonPath.read(caseJson(id), "$.penaltyCase.decisionNumber");
		// changed, not yet withdrawn: the portal (API and page) still shows the decision as published
		mvc.perform(get("/api/v1/public/penalties").param("region", "320506").param("q", number))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].fine").value(3000))
			.andExpect(jsonPath("$[0].decidedOn").value(day.toString()))
			.andExpect(jsonPath("$[0].basis").isNotEmpty());
		assertThat(mvc.perform(get("/public/penalties/" + id)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains(">3000元<").doesNotContain(">1000元<");
		// withdrawn and published again: the content as changed
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/publication-withdrawal", "{\"reason\":\"经行政复议变更罚款数额\"}")
			.andExpect(status().isOk());
		call(WUZHONG, publish(id), on(day.plusDays(2))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/public/penalties").param("region", "320506").param("q", number))
			.andExpect(jsonPath("$[0].fine").value(1000));
	}

	@Test
	void aDecisionWithdrawnAfterItsChangeIsDueForPublicationAgainFromTheChange() throws Exception {
		LocalDate changed = LocalDate.parse("2025-04-08");
		long id = publishedAndChanged(changed.minusDays(1), changed);
		String number = JsonPath.read(caseJson(id), "$.penaltyCase.decisionNumber");
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/publication-withdrawal", "{\"reason\":\"经行政复议变更罚款数额\"}")
			.andExpect(status().isOk());
		// due again within the publication days counted from the change, in the queue and on the case page
		LocalDate due = calendar.plusWorkingDays(changed, 7);
		assertThat((String) JsonPath.read(caseJson(id), "$.deadlines.publicationDue")).isEqualTo(due.toString());
		assertThat(queue("enforcement.publish")).contains(number + "（变更后重新公示）");
		assertThat(mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff"))).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(ChineseText.day(due));
		// published again late: the audit says so, and it leaves the queue
		LocalDate late = calendar.plusWorkingDays(due, 1);
		today(late);
		call(WUZHONG, publish(id), on(late)).andExpect(status().isOk());
		assertThat(jdbc.sql("""
				SELECT summary FROM audit_event WHERE object_type = 'penalty_case' AND object_id = :id AND action = 'case.publish'
				ORDER BY id DESC LIMIT 1""").param("id", String.valueOf(id)).query(String.class).single())
			.contains("超过公示期限" + ChineseText.day(due));
		assertThat(queue("enforcement.publish")).doesNotContain(number);
	}

	@Test
	void theDecisionReissuedAfterAChangeStatesTheChangeItsBodyAndDay() throws Exception {
		LocalDate day = LocalDate.parse("2025-05-12");
		today(day);
		long id = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", day);
		LocalDate changed = day.plusDays(3);
		today(changed);
		outcome(HEAD, id, "CHANGED", changed, "penalty", "FINE", "fine", "1000").andExpect(status().isCreated());
		List<Map<String, Object>> decisions = JsonPath.read(mvc.perform(get("/api/v1/enforcement/cases/" + id + "/documents")
			.header("Authorization", WUZHONG)).andReturn().getResponse().getContentAsString(), "$[?(@.kind == 'DECISION')]");
		assertThat(decisions).hasSize(2);
		String reissued = TemplateFiles.text(mvc.perform(get((String) decisions.get(1).get("href")).header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(reissued).contains("罚款人民币1000元（大写：壹仟元整）（本处罚决定经苏州市邮政管理局行政复议（苏邮复决〔2025〕" + id + "号，"
				+ ChineseText.day(changed) + "）变更，原处罚为罚款人民币3000元（大写：叁仟元整））");
		String first = TemplateFiles.text(mvc.perform(get((String) decisions.get(0).get("href")).header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(first).contains("罚款人民币3000元").doesNotContain("变更");
	}

	@Test
	void aServedDecisionIsCorrectedOnlyByTheHandlingHeadAndThePartyKeepsTheVersionServed() throws Exception {
		LocalDate day = LocalDate.parse("2025-02-13");
		today(day);
		long id = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "2000", day);
		String documents = mvc.perform(get("/api/v1/enforcement/cases/" + id + "/documents").header("Authorization", WUZHONG))
			.andReturn().getResponse().getContentAsString();
		Number decision = JsonPath.<List<Number>>read(documents, "$[?(@.kind == 'DECISION')].id").get(0);
		Number servedAttachment = JsonPath.<List<Number>>read(documents, "$[?(@.kind == 'DECISION')].attachmentId").get(0);
		Number internal = JsonPath.<List<Number>>read(documents, "$[?(@.kind == 'FILING_APPROVAL')].id").get(0);
		String reissue = "/api/v1/enforcement/cases/" + id + "/documents/%s/reissue";

		call(WUZHONG, reissue.formatted(decision), "{\"reason\":\"更正当事人地址\"}").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("head"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-handling-bureau-head"))
			.andExpect(jsonPath("$.detail").value(containsString("已送达当事人的行政处罚决定书")));
		// an internal paper is not served: the clerk corrects it
		call(WUZHONG, reissue.formatted(internal), "{\"reason\":\"更正案情摘要\"}").andExpect(status().isOk());
		call(HEAD, reissue.formatted(decision), "{\"reason\":\"更正当事人地址\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2));

		String portal = mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> served = JsonPath.read(portal, "$.documents[?(@.title == '行政处罚决定书')]");
		assertThat(served).extracting(d -> d.get("version"), d -> d.get("current"), d -> d.get("served")).containsExactly(
				tuple(1, false, true), tuple(2, true, false));
		assertThat(served.get(0).get("href")).isEqualTo("/attachments/" + servedAttachment);
		for (Map<String, Object> d : served) {
			mvc.perform(get((String) d.get("href")).header("Authorization", SF)).andExpect(status().isOk());
		}
		assertThat(mvc.perform(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("送达版本", "第2版");

		// an on-the-spot decision was served when handed over at the scene (art.52): its first version is the one served
		long spot = PenaltyCaseIntegrationTest.id(call(WUZHONG, "/api/v1/enforcement/cases/on-the-spot", """
				{"partyKind":"ORGANISATION","enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","facts":"未按时报送月度数据",
				 "place":"当事人营业场所","decidedOn":"%s","penalty":"WARNING","fine":null,"team":[{"name":"陈吴中",
				 "certificateNumber":"32050601"},{"name":"沈执法","certificateNumber":"32050602"}]}"""
			.formatted(party.sfWuzhong().creditCode(), day)).andExpect(status().isCreated()));
		Number spotDecision = JsonPath.<List<Number>>read(mvc.perform(get("/api/v1/enforcement/cases/" + spot + "/documents")
			.header("Authorization", WUZHONG)).andReturn().getResponse().getContentAsString(),
				"$[?(@.kind == 'ON_THE_SPOT_DECISION')].id").get(0);
		call(HEAD, "/api/v1/enforcement/cases/" + spot + "/documents/" + spotDecision + "/reissue", "{\"reason\":\"更正地点\"}")
			.andExpect(status().isOk());
		List<Map<String, Object>> spotServed = JsonPath.read(mvc.perform(get("/api/v1/enterprise/penalties/" + spot)
			.header("Authorization", SF)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
				"$.documents[?(@.title == '当场行政处罚决定书')]");
		assertThat(spotServed).extracting(d -> d.get("version"), d -> d.get("served")).containsExactly(tuple(1, true),
				tuple(2, false));
	}

	@Test
	void thePublicationIsDueCountedFromDeliveryNotFromTheDecision() throws Exception {
		LocalDate notified = LocalDate.parse("2025-02-17");
		LocalDate decided = notified.plusDays(1);
		today(decided);
		long id = party.notified(party.other(), "DATA_NOT_REPORTED", "2000", notified);
		noticeAndHearing.waiveStatement(PartyCases.ALL, id, notified.toString(), PartyCases.waiver());
		caseDecisions.decide(PartyCases.ALL, id, new CaseDecisions.Decision(null, decided.toString(), "FINE", "2000", null,
				null, null));
		assertThat((Object) JsonPath.read(caseJson(id), "$.deadlines.publicationDue")).isNull();
		LocalDate delivered = calendar.plusWorkingDays(decided, 6);
		today(delivered);
		caseExecution.deliver(PartyCases.ALL, id, CaseExecution.Delivery.direct(delivered.toString()));
		LocalDate due = calendar.plusWorkingDays(delivered, 7);
		assertThat((String) JsonPath.read(caseJson(id), "$.deadlines.publicationDue")).isEqualTo(due.toString());

		// past the day counted from the decision, not yet the one counted from delivery: not late, not yet due
		today(due);
		List<Long> before = breakdown.publicationStep(DataScope.all(), "320506", decided);
		call(WUZHONG, publish(id), on(due)).andExpect(status().isOk());
		List<Long> after = breakdown.publicationStep(DataScope.all(), "320506", decided);
		assertThat(after).containsExactly(before.get(0) + 1, before.get(1) + 1);
	}
}
