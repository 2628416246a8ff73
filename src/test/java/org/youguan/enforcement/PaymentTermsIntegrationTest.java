package org.youguan.enforcement;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.enforcement.internal.EnforcementBreakdownProbe;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.org.Bureaus;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.youguan.enforcement.EnterprisePenaltyIntegrationTest.SF;
import static org.youguan.enforcement.PenaltyCaseIntegrationTest.HEAD;
import static org.youguan.enforcement.PenaltyCaseIntegrationTest.WUZHONG;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How a decision is paid or handed over (行政处罚法(2021) art.66, 67, 72): an application for deferral or instalments is
 * judged timely on the day the party applied, not on the day the head approves it; each instalment is judged on its own
 * day — its 加处罚款 on its own amount, the on-time rate of the figures and the fines collected by instalment, the case
 * page and the enterprise portal alike; a confiscation is handed over within its own catalogue period and never carries
 * 加处罚款. Carrying out and closing (ch.6): the handover is recorded (day, amount, receipt or its scan), a late one shows
 * in the queue and the figures, closure waits for every executable part and names what is missing, the 结案报告 says how
 * each kind was carried out; every day of a payment arrangement is a working day and the longest deferral is counted
 * unmoved.
 */
@IntegrationTest
class PaymentTermsIntegrationTest extends ClockedSteps {

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	EnforcementBreakdownProbe breakdown;

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	@AfterEach
	void reset() {
		rules.clearOverride(StatutoryRule.PENALTY_CONFISCATION_HANDOVER, "3205");
	}

	static LocalDate d(String day) {
		return LocalDate.parse(day);
	}

	ResultActions arrange(long id, String json) throws Exception {
		return call(HEAD, "/api/v1/enforcement/cases/" + id + "/payment-arrangement", json);
	}

	/** The payment of instalment {@code instalment} (null: no instalment named) on {@code on}. */
	ResultActions pay(long id, LocalDate on, String amount, Integer instalment) throws Exception {
		today(on);
		return call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/payment", "{\"paidOn\":\"" + on + "\",\"amount\":\"" + amount
				+ "\"" + (instalment == null ? "" : ",\"instalment\":" + instalment) + "}");
	}

	static String deferral(Object appliedOn, LocalDate until) {
		return "{\"kind\":\"DEFERRAL\",\"reason\":\"经营困难\",\"deferredUntil\":\"" + until + "\""
				+ (appliedOn == null ? "" : ",\"appliedOn\":\"" + appliedOn + "\"") + "}";
	}

	BigDecimal fineCollected(LocalDate from, LocalDate to) throws Exception {
		String body = mvc.perform(get("/api/v1/enforcement/figures?region=320506&from=" + from + "&to=" + to)
			.header("Authorization", WUZHONG)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return new BigDecimal(JsonPath.read(body, "$.fineCollected").toString());
	}

	@Test
	void anApplicationIsJudgedOnTheDayThePartyAppliedNotTheDayTheHeadApproves() throws Exception {
		LocalDate delivered = d("2025-05-06");
		today(delivered);
		long timely = party.delivered(party.other(), "DATA_NOT_REPORTED", "FINE", "2000", delivered);
		long late = party.delivered(party.other(), "DATA_NOT_REPORTED", "FINE", "2000", delivered);
		LocalDate due = party.cases().get(PartyCases.ALL, timely).deadlines().paymentDue();
		assertThat(due).isEqualTo(d("2025-05-21"));
		LocalDate until = due.plusDays(30);

		// approved five days after the deadline, on an application made on its last day: accepted
		today(due.plusDays(5));
		arrange(timely, deferral(null, until)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("appliedOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"));
		arrange(timely, deferral(delivered.minusDays(1), until)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("appliedOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"));
		arrange(timely, deferral(due.plusDays(6), until)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("appliedOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"));
		// approved late, it cannot grant a day already past: the party would owe 加处罚款 for days before it was told
		arrange(timely, deferral(due, due.plusDays(2))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deferredUntil"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"));
		arrange(timely, deferral(due, until)).andExpect(status().isOk())
			.andExpect(jsonPath("$.deadlines.paymentDue").value(until.toString()))
			.andExpect(jsonPath("$.deadlines.surchargeToday").value(0));
		assertThat(party.cases().procedure(PartyCases.ALL, timely).paymentAppliedOn()).isEqualTo(due);

		// applied the day after the deadline: refused on that day, whenever it is entered, and nothing is kept
		arrange(late, deferral(due.plusDays(1), until)).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("appliedOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("after-due"));
		assertThat(party.cases().procedure(PartyCases.ALL, late).paymentArrangement()).isNull();
		assertThat(party.cases().procedure(PartyCases.ALL, late).paymentAppliedOn()).isNull();

		// the page's form alike: a late application comes back with its error beside appliedOn, a timely one is approved
		String page = "/enforcement/cases/" + late + "/payment-arrangement";
		MockHttpServletResponse refused = mvc.perform(post(page).session(SignIn.session(mvc, "wz.leader")).with(csrf())
			.param("kind", "DEFERRAL").param("appliedOn", due.plusDays(1).toString()).param("deferredUntil", until.toString())
			.param("reason", "经营困难")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("data-field=\"appliedOn\"");
		// a malformed instalment day among the form's repeated fields is named as typed, not as a Java array
		MockHttpServletResponse malformed = mvc.perform(post(page).session(SignIn.session(mvc, "wz.leader")).with(csrf())
			.param("kind", "INSTALMENTS").param("appliedOn", due.toString()).param("reason", "经营困难")
			.param("dueOn", until.toString(), "2026-13-20").param("amount", "1000", "1000")).andReturn().getResponse();
		assertThat(malformed.getStatus()).isEqualTo(400);
		assertThat(malformed.getContentAsString(StandardCharsets.UTF_8)).contains("2026-13-20").doesNotContain("[Ljava");
		mvc.perform(post(page).session(SignIn.session(mvc, "wz.leader")).with(csrf()).param("kind", "DEFERRAL")
			.param("appliedOn", due.minusDays(2).toString()).param("deferredUntil", until.toString()).param("reason", "经营困难"))
			.andExpect(status().is3xxRedirection());
		assertThat(party.cases().procedure(PartyCases.ALL, late).paymentAppliedOn()).isEqualTo(due.minusDays(2));
		Document shown = Jsoup.parse(mvc.perform(get("/enforcement/cases/" + late).session(SignIn.session(mvc, "wz.staff")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(shown.select("#applied-on").text()).contains(ChineseText.day(due.minusDays(2)));
	}

	@Test
	void eachInstalmentIsJudgedOnItsOwnDayOnThePagesThePortalAndTheFigures() throws Exception {
		LocalDate decided = d("2025-04-15");
		today(decided);
		long id = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", decided);
		LocalDate first = d("2025-04-30");
		LocalDate second = d("2025-05-15");
		LocalDate third = d("2025-06-03");
		arrange(id, """
				{"kind":"INSTALMENTS","appliedOn":"%s","reason":"经营困难","instalments":[{"dueOn":"%s","amount":"1000"},
				 {"dueOn":"%s","amount":"1000"},{"dueOn":"%s","amount":"1000"}]}""".formatted(decided, first, second, third))
			.andExpect(status().isOk());

		pay(id, first, "1000", null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("instalment"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"));
		pay(id, first, "1000", 2).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("not-next"));
		pay(id, first, "1000", 1).andExpect(status().isOk());
		// the same request again (a double click, a retry) is refused — not booked as the second instalment
		pay(id, first, "1000", 1).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("instalment"))
			.andExpect(jsonPath("$.errors[0].rule").value("already-paid"));
		assertThat(party.cases().procedure(PartyCases.ALL, id).nextInstalment()).isEqualTo(2);
		// the page's payment form names the next instalment, so a second click of the same form is the same refusal
		assertThat(Jsoup.parse(mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.select("#payment-form input[name=instalment]").attr("value")).isEqualTo("2");
		// the second instalment is not yet due: the payment is not yet judged
		assertThat(paymentStep(decided)).containsExactly(0L, 0L);

		// two days late: 3 % a day on the 1000 yuan overdue — not on the fine, not on what is not yet due
		today(second.plusDays(2));
		assertThat(party.cases().get(PartyCases.ALL, id).deadlines().surchargeToday()).isEqualByComparingTo("60");
		assertThat(paymentStep(decided)).as("an instalment unpaid past its day is late already").containsExactly(1L, 0L);
		BigDecimal mayBefore = fineCollected(d("2025-05-01"), d("2025-05-31"));
		pay(id, second.plusDays(2), "1000", 2).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
		pay(id, second.plusDays(2), "1060", 2).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("DELIVERED"));
		assertThat(fineCollected(d("2025-05-01"), d("2025-05-31")).subtract(mayBefore))
			.as("the instalment is collected in the month it was paid, without its 加处罚款").isEqualByComparingTo("1000");

		// June's figures once June has begun (a period not begun is refused, FiguresPeriod)
		today(third);
		BigDecimal juneBefore = fineCollected(d("2025-06-01"), d("2025-06-30"));
		pay(id, third, "1000", 3).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("EXECUTED"))
			.andExpect(jsonPath("$.penaltyCase.paidAmount").value(3060.0))
			.andExpect(jsonPath("$.penaltyCase.surcharge").value(60.0))
			.andExpect(jsonPath("$.deadlines.surchargeToday").value(60.0));
		assertThat(fineCollected(d("2025-06-01"), d("2025-06-30")).subtract(juneBefore))
			.as("only the last instalment was paid in June").isEqualByComparingTo("1000");
		assertThat(paymentStep(decided)).as("the last instalment on time does not make the late one on time")
			.containsExactly(1L, 0L);

		// the enterprise portal shows the same instalments and the same 加处罚款
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.instalments.length()").value(3))
			.andExpect(jsonPath("$.instalments[1].dueOn").value(second.toString()))
			.andExpect(jsonPath("$.instalments[1].paidOn").value(second.plusDays(2).toString()))
			.andExpect(jsonPath("$.instalments[1].surcharge").value(60.0))
			.andExpect(jsonPath("$.instalments[2].surcharge").value(0.0))
			.andExpect(jsonPath("$.surchargeToday").value(60.0))
			.andExpect(jsonPath("$.paidAmount").value(3060.0))
			.andExpect(jsonPath("$.paymentAppliedOn").value(decided.toString()));
		Document portal = Jsoup.parse(mvc.perform(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		Document page = Jsoup.parse(mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		for (Document d : List.of(portal, page)) {
			List<String> lines = d.select(d == portal ? "#party-instalments li" : "#instalments li").eachText();
			assertThat(lines).hasSize(3);
			assertThat(lines.get(1)).contains("60");
			assertThat(lines.get(0)).doesNotContain("加处罚款");
		}
	}

	@Autowired
	WorkingCalendar calendar;

	/**
	 * Lateness of a fine paid in instalments is one rule (行政处罚法(2021) art.66, 72; FinePayments): each instalment by
	 * its own last day — its day, or the next working day when the calendar makes it a day off — for the 加处罚款 the case
	 * page, the queue and the portal show and for the figures' on-time rate alike. Two plans of two instalments: in one
	 * the second instalment's day became 2025-10-01 (国庆, the year's calendar loaded after the plan was approved) and is
	 * paid on the first working day after the holiday — on time, no 加处罚款 (it was 8 days' before); in the other the
	 * second is paid a day late — 30 yuan, and the payment is late although its first instalment was on time.
	 */
	@Test
	void anInstalmentDueOnAHolidayIsPaidOnTheNextWorkingDayAndALateOneIsLateEverywhere() throws Exception {
		LocalDate decided = d("2025-09-10");
		LocalDate first = d("2025-09-25");
		LocalDate holiday = d("2025-10-01");
		LocalDate afterHoliday = d("2025-10-09");
		assertThat(calendar.isWorkingDay(first)).isTrue();
		assertThat(calendar.isWorkingDay(holiday)).isFalse();
		assertThat(calendar.plusCalendarDays(holiday.minusDays(1), 1)).as("the first working day after 国庆").isEqualTo(afterHoliday);
		// the figures' line before these cases, judged on the same day as after them
		today(afterHoliday.plusDays(1));
		List<Long> before = paymentStep(decided);

		today(decided);
		long moved = party.delivered(party.other(), "DATA_NOT_REPORTED", "FINE", "2000", decided);
		long late = party.delivered(party.other(), "DATA_NOT_REPORTED", "FINE", "2000", decided);
		String plan = """
				{"kind":"INSTALMENTS","appliedOn":"%s","reason":"经营困难","instalments":[{"dueOn":"%s","amount":"1000"},
				 {"dueOn":"%s","amount":"1000"}]}""".formatted(decided, first, afterHoliday);
		arrange(moved, plan).andExpect(status().isOk());
		arrange(late, plan).andExpect(status().isOk());
		// the day approved a working day, which the year's calendar later made a holiday
		jdbc.sql("UPDATE penalty_case_instalment SET due_on = :day WHERE case_id = :id AND position = 2")
			.param("day", holiday).param("id", moved).update();
		pay(moved, first, "1000", 1).andExpect(status().isOk());
		pay(late, first, "1000", 1).andExpect(status().isOk());

		// in the holiday: not yet due — the page's deadline, the queue's and the portal's (CaseExecution#unpaid) alike
		today(d("2025-10-08"));
		assertThat(party.cases().get(PartyCases.ALL, moved).deadlines().paymentDue()).isEqualTo(afterHoliday);
		assertThat(party.cases().get(PartyCases.ALL, moved).deadlines().surchargeToday()).isEqualByComparingTo("0");
		assertThat(caseExecution.unpaid(List.of(moved)).get(moved).due()).isEqualTo(afterHoliday);
		assertThat(caseExecution.unpaid(List.of(moved)).get(moved).surchargeToday()).isEqualByComparingTo("0");

		pay(moved, afterHoliday, "1000", 2).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("EXECUTED"))
			.andExpect(jsonPath("$.penaltyCase.surcharge").value(0.0));
		pay(late, afterHoliday.plusDays(1), "1000", 2).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"))
			// the rate the decision fixed and the article with its version, from the catalogue
			.andExpect(jsonPath("$.errors[0].message", Matchers.containsString("＋加处罚款30元，每日3%且不超过罚款数额，"
					+ StatutoryRule.PENALTY_LATE_SURCHARGE.basis())));
		pay(late, afterHoliday.plusDays(1), "1030", 2).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.surcharge").value(30.0));

		today(afterHoliday.plusDays(1));
		List<Long> after = paymentStep(decided);
		assertThat(after.get(0) - before.get(0)).as("both payments are judged").isEqualTo(2L);
		assertThat(after.get(1) - before.get(1)).as("the one paid by its moved day is on time, the late one not")
			.isEqualTo(1L);
	}

	/** The breakdown's 缴纳罚款 line for cases of 吴中 decided on {@code day}: how many judged, how many on time. */
	List<Long> paymentStep(LocalDate day) {
		return breakdown.paymentStep(DataScope.all(), "320506", day);
	}

	@Test
	void aConfiscationIsHandedOverWithinItsOwnPeriodAndNeverCarriesASurcharge() throws Exception {
		rules.override(StatutoryRule.PENALTY_CONFISCATION_HANDOVER, bureaus.findByRegion("3205").orElseThrow().id(), "3205",
				new BigDecimal("30"), "测试：本局没收违法所得上缴期限");
		LocalDate delivered = d("2025-06-10");
		today(delivered);
		long id = party.delivered(party.sfWuzhong(), "WAYBILL_DATA", "CONFISCATION", "5000", delivered);
		today(d("2025-08-20"));
		// 并处: the fine its article requires is paid within the fine's own 15 days; what is confiscated has its 30
		assertThat(caseExecution.handoverDue(id)).as("30 days, not the fine's 15").contains(d("2025-07-10"));
		assertThat(party.cases().get(PartyCases.ALL, id).deadlines().paymentDue()).as("the fine's 15 days")
			.isEqualTo(d("2025-06-25"));
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().handoverDays()).isEqualTo(30);
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().paymentDays()).isEqualTo(15);

		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.paymentDue").value("2025-06-25"))
			.andExpect(jsonPath("$.surchargeToday").isNumber());
		Document portal = Jsoup.parse(mvc.perform(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(portal.select("#party-handover").text()).contains("2025年7月10日");
		assertThat(portal.select("#party-payment").text()).as("the fine beside it has its own day").contains("2025年6月25日");
		Document page = Jsoup.parse(mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#handover-due").text()).contains("2025年7月10日");
		// art.72's 加处罚款 is the unpaid fine's (5,000 at 3 % a day, capped at it), never the confiscation's
		assertThat(page.select("#surcharge").text()).isEqualTo("5000元");

		String documents = mvc.perform(get("/api/v1/enforcement/cases/" + id + "/documents").header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> decisions = JsonPath.read(documents, "$[?(@.kind == 'DECISION')]");
		byte[] docx = mvc.perform(get((String) decisions.get(0).get("href")).header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			// the confiscation's own sentence: its period, no 加处罚款 (the fine its article 并处 states its own)
			String all = text.getText();
			String handover = all.substring(all.indexOf("没收的违法所得"), all.indexOf("四、救济途径"));
			assertThat(handover).contains("自收到本决定书之日起30日内").doesNotContain("加处罚款");
		}
	}

	MockMultipartHttpServletRequestBuilder handover(long id, String on, String amount, String receipt) {
		MockMultipartHttpServletRequestBuilder b = multipart("/api/v1/enforcement/cases/" + id + "/handover");
		b.param("handedOverOn", on).param("amount", amount);
		if (receipt != null) {
			b.param("receipt", receipt);
		}
		b.header("Authorization", WUZHONG);
		return b;
	}

	ResultActions close(long id) throws Exception {
		return call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/closure", "{}");
	}

	/** The text of the current document of {@code kind} of the case, read back from its .docx. */
	String document(long id, String kind) throws Exception {
		String documents = mvc.perform(get("/api/v1/enforcement/cases/" + id + "/documents").header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> found = JsonPath.read(documents, "$[?(@.kind == '" + kind + "' && @.current == true)]");
		byte[] docx = mvc.perform(get((String) found.get(found.size() - 1).get("href")).header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			return text.getText();
		}
	}

	String queuePage() throws Exception {
		return mvc.perform(get("/enforcement/queues/enforcement.handover").session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	List<Long> handoverStep(LocalDate decided) {
		return breakdown.handoverStep(DataScope.all(), "320506", decided);
	}

	@Test
	void aConfiscationIsClosedOnlyOnceHandedOverAndALateHandoverShowsInTheQueueAndTheFigures() throws Exception {
		LocalDate delivered = d("2025-06-16");
		today(delivered);
		long id = party.delivered(party.other(), "WAYBILL_DATA", "CONFISCATION", "5000", delivered);
		String number = party.cases().get(PartyCases.ALL, id).penaltyCase().number();
		assertThat(caseExecution.handoverDue(id)).contains(d("2025-07-01"));

		today(d("2025-07-03"));
		// the fine decided beside the confiscation (并处) is paid; what is confiscated is still to hand over: not 已执行
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/payment", "{\"paidOn\":\"2025-06-20\",\"amount\":\"5000\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.status").value("DELIVERED"));
		close(id).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("execution"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-executed"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("没收的违法所得5000元未上缴")));
		assertThat(queuePage()).as("past its handover day, not handed over").contains(number);
		assertThat(handoverStep(delivered)).as("due and not handed over: late").containsExactly(1L, 0L);

		mvc.perform(handover(id, "2025-07-02", "5000", null)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("receipt"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"));
		mvc.perform(handover(id, "2025-07-02", "4000", "缴款书No.1")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
		mvc.perform(handover(id, "2025-06-15", "5000", "缴款书No.1")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("handedOverOn"));
		// the receipt is one line of the 结案报告 ("（凭证：…）"): no line break nor hidden character
		mvc.perform(handover(id, "2025-07-02", "5000", "缴款书\nNo.1")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("receipt"))
			.andExpect(jsonPath("$.errors[0].rule").value("line-break"));
		mvc.perform(handover(id, "2025-07-02", "5000", "缴款书\u200BNo.1")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("receipt"))
			.andExpect(jsonPath("$.errors[0].rule").value("invisible-character"));
		assertThat(party.cases().get(PartyCases.ALL, id).handover()).as("nothing half-saved").isNull();

		mvc.perform(handover(id, "2025-07-02", "5000", "非税收入缴款书No.3205001")).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("EXECUTED"))
			.andExpect(jsonPath("$.handover.handedOverOn").value("2025-07-02"))
			.andExpect(jsonPath("$.handover.amount").value(5000.0));
		mvc.perform(handover(id, "2025-07-02", "5000", "非税收入缴款书No.3205001")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("already-handed-over"));
		assertThat(queuePage()).doesNotContain(number);
		assertThat(handoverStep(delivered)).as("handed over after its day: still late").containsExactly(1L, 0L);

		close(id).andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.status").value("CLOSED"));
		assertThat(document(id, "CLOSING_REPORT")).contains("上缴国库人民币5000元（大写：伍仟元整）", "非税收入缴款书No.3205001")
			.doesNotContain("缴纳5000");
	}

	/** 已执行 only once everything decided is carried out: the handover first leaves the fine to pay (attack: fine alone). */
	@Test
	void aCaseIsExecutedOnlyOnceBothTheHandoverAndTheFineAreDoneInEitherOrder() throws Exception {
		// a day of its own: the figures' handover line of other tests counts the cases decided on theirs
		LocalDate delivered = d("2025-04-14");
		today(delivered);
		long id = party.delivered(party.other(), "WAYBILL_DATA", "CONFISCATION", "5000", delivered);
		today(d("2025-04-18"));
		mvc.perform(handover(id, "2025-04-16", "5000", "缴款书No.7")).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("DELIVERED"));
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/payment", "{\"paidOn\":\"2025-04-17\",\"amount\":\"5000\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.status").value("EXECUTED"));
	}

	@Test
	void aScannedReceiptIsKeptWithTheCaseAndAHandoverOnTimeCountsOnTime() throws Exception {
		LocalDate delivered = d("2025-06-17");
		today(d("2025-06-27"));
		long id = party.delivered(party.other(), "WAYBILL_DATA", "CONFISCATION", "800", delivered);
		MockMultipartHttpServletRequestBuilder b = handover(id, "2025-06-27", "800", null);
		b.file(new MockMultipartFile("file", "receipt.pdf", "application/pdf", PenaltyCaseIntegrationTest.WAIVER_PDF));
		mvc.perform(b).andExpect(status().isOk()).andExpect(jsonPath("$.handover.attachmentId").isNumber());
		assertThat(handoverStep(delivered)).containsExactly(1L, 1L);
		Document page = Jsoup.parse(mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#handover").text()).contains("2025年6月27日", "800");
		assertThat(page.select("#handover a").attr("href")).startsWith("/attachments/");
		assertThat(page.select("#handover-form")).isEmpty();
	}

	@Test
	void aWarningIsCarriedOutByItsDelivery() throws Exception {
		LocalDate delivered = d("2025-06-10");
		today(delivered);
		long id = party.delivered(party.other(), "DATA_NOT_REPORTED", "WARNING", null, delivered);
		close(id).andExpect(status().isOk());
		assertThat(document(id, "CLOSING_REPORT")).contains("送达即执行完毕").doesNotContain("缴纳");
	}

	@Test
	void everyDayOfAnArrangementIsAWorkingDayAndTheInstalmentsReachTheClosingReport() throws Exception {
		// delivered 2025-04-14: the fifteen days end on 2025-04-29, so the first instalment (04-30) is after them
		today(d("2025-04-16"));
		long id = party.delivered(party.other(), "DATA_NOT_REPORTED", "FINE", "3000", d("2025-04-14"));
		String arrangement = "/api/v1/enforcement/cases/" + id + "/payment-arrangement";
		// 2025-05-05 is 劳动节 (a Monday off): refused, not silently kept nor moved
		call(HEAD, arrangement, """
				{"kind":"INSTALMENTS","appliedOn":"2025-04-16","reason":"受台风影响营业中断","instalments":[
				 {"dueOn":"2025-04-30","amount":"1000"},{"dueOn":"2025-05-05","amount":"1000"},{"dueOn":"2025-06-03","amount":"1000"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("instalments[1].dueOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("working-day"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("2025年5月6日")));
		call(HEAD, arrangement, """
				{"kind":"DEFERRAL","appliedOn":"2025-04-16","reason":"受台风影响营业中断","deferredUntil":"2025-06-21"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deferredUntil"))
			.andExpect(jsonPath("$.errors[0].rule").value("working-day"));
		assertThat(party.cases().procedure(PartyCases.ALL, id).paymentArrangement()).isNull();

		call(HEAD, arrangement, """
				{"kind":"INSTALMENTS","appliedOn":"2025-04-16","reason":"受台风影响营业中断","instalments":[
				 {"dueOn":"2025-04-30","amount":"1000"},{"dueOn":"2025-05-15","amount":"1000"},{"dueOn":"2025-06-03","amount":"1000"}]}""")
			.andExpect(status().isOk());
		assertThat(document(id, "PAYMENT_APPROVAL")).as("the reason the application gave").contains("受台风影响营业中断")
			.doesNotContain("确有经济困难");
		String pay = "/api/v1/enforcement/cases/" + id + "/payment";
		today(d("2025-04-30"));
		call(WUZHONG, pay, "{\"paidOn\":\"2025-04-30\",\"amount\":\"1000\",\"instalment\":1}").andExpect(status().isOk());
		close(id).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("第2期罚款1000元")));
		today(d("2025-05-17"));
		call(WUZHONG, pay, "{\"paidOn\":\"2025-05-17\",\"amount\":\"1060\",\"instalment\":2}").andExpect(status().isOk());
		Document page = Jsoup.parse(mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#instalments li").get(1).text()).contains("另加处罚款60元").doesNotContain("含加处罚款");
		today(d("2025-06-03"));
		call(WUZHONG, pay, "{\"paidOn\":\"2025-06-03\",\"amount\":\"1000\",\"instalment\":3}").andExpect(status().isOk());
		close(id).andExpect(status().isOk());
		assertThat(document(id, "CLOSING_REPORT")).contains("罚款人民币3000元（大写：叁仟元整）分3期缴纳",
				"第1期人民币1000元（大写：壹仟元整）", "第2期人民币1000元（大写：壹仟元整）", "另加处罚款人民币60元（大写：陆拾元整）",
				"第3期人民币1000元（大写：壹仟元整）");
	}

	/**
	 * Attack findings 3 and 4: instalments due before the statutory deadline (15 days, 行政处罚法 art.67) would start 加处罚款
	 * before the law does — refused, the first due on the deadline at the earliest; an amount refused (0.001) is told
	 * alone, without a sum computed over it.
	 */
	@Test
	void noInstalmentIsDueBeforeTheStatutoryDeadlineAndASumIsJudgedOnlyOverValidAmounts() throws Exception {
		today(d("2025-04-15"));
		long id = party.delivered(party.other(), "DATA_NOT_REPORTED", "FINE", "3000", d("2025-04-15"));
		// delivered 2025-04-15: the fifteen days end on 2025-04-30
		instalments(id, "2025-04-15", "1000", "2025-04-16", "1000", "2025-04-17", "1000").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("instalments[0].dueOn"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("不早于原缴款期限2025年4月30日")));
		instalments(id, "2025-04-30", "0.001", "2025-05-15", "1000", "2025-06-03", "1000").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("instalments[0].amount")))
			.andExpect(jsonPath("$.errors[*].field", Matchers.not(Matchers.hasItem("instalments"))));
		assertThat(party.cases().procedure(PartyCases.ALL, id).paymentArrangement()).isNull();
		instalments(id, "2025-04-30", "1000", "2025-05-15", "1000", "2025-06-03", "1000").andExpect(status().isOk());
	}

	/** Instalments applied for on 2025-04-15: {@code dayAmounts} is each instalment's day and amount in turn. */
	ResultActions instalments(long id, String... dayAmounts) throws Exception {
		List<String> parts = new java.util.ArrayList<>();
		for (int i = 0; i < dayAmounts.length; i += 2) {
			parts.add("{\"dueOn\":\"" + dayAmounts[i] + "\",\"amount\":\"" + dayAmounts[i + 1] + "\"}");
		}
		return arrange(id, "{\"kind\":\"INSTALMENTS\",\"appliedOn\":\"2025-04-15\",\"reason\":\"经营困难\",\"instalments\":["
				+ String.join(",", parts) + "]}");
	}

	@Test
	void theLongestDeferralIsCountedUnmoved() throws Exception {
		// delivered Monday 2025-03-03: payment due 03-18; + 180 days = Sunday 2025-09-14, which stays the limit
		LocalDate delivered = d("2025-03-03");
		today(d("2025-03-10"));
		long id = party.delivered(party.other(), "DATA_NOT_REPORTED", "FINE", "2000", delivered);
		String arrangement = "/api/v1/enforcement/cases/" + id + "/payment-arrangement";
		String deferral = "{\"kind\":\"DEFERRAL\",\"appliedOn\":\"2025-03-10\",\"reason\":\"资金周转困难\",\"deferredUntil\":\"%s\"}";
		call(HEAD, arrangement, deferral.formatted("2025-09-15")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deferredUntil"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"));
		call(HEAD, arrangement, deferral.formatted("2025-09-12")).andExpect(status().isOk())
			.andExpect(jsonPath("$.deadlines.paymentDue").value("2025-09-12"));
	}

	/** The 'case.pay' entries of case {@code id}: one per payment registered. */
	long payments(long id) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'case.pay' AND object_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single();
	}

	/** Case {@code id}'s page as {@code user} reads it. */
	String casePage(long id, String user) throws Exception {
		return mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, user)))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** Case {@code id}'s decision served by public notice published on {@code on}: deemed served thirty days later. */
	void servedByPublicNotice(long id, LocalDate on) {
		caseExecution.deliver(PartyCases.ALL, id, new CaseExecution.Delivery(on.toString(), "PUBLIC_NOTICE", null,
				"当事人下落不明，在苏州日报第3版公告"));
	}

	/**
	 * Attack C1: a fine paid before a public notice's deemed day leaves the case 已送达 (the decision not yet in effect),
	 * so the step's state check passed again — a second payment was registered over the first. It is refused (409
	 * {@code already-paid}, one audit entry), and so is a deferral after it; the page offers neither form once paid.
	 */
	@Test
	void aFinePaidBeforeThePublicNoticesDeemedDayIsNotRegisteredAgainNorDeferred() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.decided(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", today);
		servedByPublicNotice(id, today);
		assertThat(casePage(id, "wz.staff")).contains("id=\"payment-form\"");
		assertThat(casePage(id, "wz.leader")).contains("id=\"arrangement-form\"");

		pay(id, today, "3000", null).andExpect(status().isOk());
		pay(id, today, "3000", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("paidOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("already-paid"));
		assertThat(payments(id)).as("one payment audited").isEqualTo(1);
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().status())
			.as("still 已送达 until the deemed day: the status alone would let the step pass again").isEqualTo(CaseStatus.DELIVERED);

		arrange(id, deferral(today, today.plusDays(20))).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("already-paid"));
		assertThat(casePage(id, "wz.staff")).doesNotContain("id=\"payment-form\"");
		assertThat(casePage(id, "wz.leader")).doesNotContain("id=\"arrangement-form\"");
	}

	/** The same kind: a fine paid beside a confiscation not yet handed over (the case stays 已送达) is paid once. */
	@Test
	void aFinePaidBesideAConfiscationNotHandedOverIsNotRegisteredAgain() throws Exception {
		LocalDate today = LocalDate.now(clock);
		// 没收违法所得 ¥3,000 并处罚款 ¥5,000: paid, the case waits for the handover (已送达)
		long id = party.delivered(party.sfWuzhong(), "WAYBILL_DATA", "CONFISCATION", "3000", today);
		pay(id, today, "5000", null).andExpect(status().isOk());
		pay(id, today, "5000", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("already-paid"));
		assertThat(payments(id)).isEqualTo(1);
	}

	/** Two payments at once (two nodes, a double submit): the case's row lock orders them, the second is refused. */
	@Test
	void twoPaymentsAtOnceBookOne() {
		LocalDate today = LocalDate.now(clock);
		long id = party.decided(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "2000", today);
		servedByPublicNotice(id, today);
		List<CompletableFuture<Boolean>> both = Stream.of(1, 2).map(n -> CompletableFuture.supplyAsync(() -> {
			try {
				caseExecution.pay(PartyCases.ALL, id, today.toString(), "2000");
				return true;
			}
			catch (DomainException ex) {
				return false;
			}
		})).toList();
		assertThat(both.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count()).isEqualTo(1);
		assertThat(payments(id)).isEqualTo(1);
	}
}
