package org.youguan.enforcement;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.enforcement.internal.EnforcementBreakdownProbe;
import org.youguan.kernel.DataScope;
import org.youguan.org.Bureaus;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.youguan.enforcement.EnterprisePenaltyIntegrationTest.SF;
import static org.youguan.enforcement.PenaltyCaseIntegrationTest.HEAD;
import static org.youguan.enforcement.PenaltyCaseIntegrationTest.WUZHONG;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How a decision is paid or handed over (行政处罚法(2021) art.66, 67, 72): an application for deferral or instalments is
 * judged timely on the day the party applied, not on the day the head approves it; each instalment is judged on its own
 * day — its 加处罚款 on its own amount, the on-time rate of the figures and the fines collected by instalment, the case
 * page and the enterprise portal alike; a confiscation is handed over within its own catalogue period and never carries
 * 加处罚款.
 */
@IntegrationTest
class PaymentTermsIntegrationTest {

	/** The shared enforcement fixture, and through it the procedure's service. */
	@Autowired
	PartyCases party;

	@Autowired
	MockMvc mvc;

	@Autowired
	EnforcementBreakdownProbe breakdown;

	@Autowired
	MutableClock clock;

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	@AfterEach
	void reset() {
		clock.reset();
		rules.clearOverride(StatutoryRule.PENALTY_CONFISCATION_HANDOVER, "3205");
	}

	void today(LocalDate day) {
		clock.set(day.atTime(10, 0));
	}

	static LocalDate d(String day) {
		return LocalDate.parse(day);
	}

	ResultActions call(String token, String path, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json));
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
		MockHttpServletResponse refused = mvc.perform(post(page).session(SignIn.session(mvc, "sz.leader")).with(csrf())
			.param("kind", "DEFERRAL").param("appliedOn", due.plusDays(1).toString()).param("deferredUntil", until.toString())
			.param("reason", "经营困难")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("data-field=\"appliedOn\"");
		// a malformed instalment day among the form's repeated fields is named as typed, not as a Java array
		MockHttpServletResponse malformed = mvc.perform(post(page).session(SignIn.session(mvc, "sz.leader")).with(csrf())
			.param("kind", "INSTALMENTS").param("appliedOn", due.toString()).param("reason", "经营困难")
			.param("dueOn", until.toString(), "2026-13-20").param("amount", "1000", "1000")).andReturn().getResponse();
		assertThat(malformed.getStatus()).isEqualTo(400);
		assertThat(malformed.getContentAsString(StandardCharsets.UTF_8)).contains("2026-13-20").doesNotContain("[Ljava");
		mvc.perform(post(page).session(SignIn.session(mvc, "sz.leader")).with(csrf()).param("kind", "DEFERRAL")
			.param("appliedOn", due.minusDays(2).toString()).param("deferredUntil", until.toString()).param("reason", "经营困难"))
			.andExpect(status().is3xxRedirection());
		assertThat(party.cases().procedure(PartyCases.ALL, late).paymentAppliedOn()).isEqualTo(due.minusDays(2));
		Document shown = Jsoup.parse(mvc.perform(get("/enforcement/cases/" + late).session(SignIn.session(mvc, "wz.staff")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(shown.select("#applied-on").text()).contains(due.minusDays(2).toString());
	}

	@Test
	void eachInstalmentIsJudgedOnItsOwnDayOnThePagesThePortalAndTheFigures() throws Exception {
		LocalDate decided = d("2025-04-15");
		today(decided);
		long id = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "3000", decided);
		LocalDate first = d("2025-04-30");
		LocalDate second = d("2025-05-15");
		LocalDate third = d("2025-06-02");
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
		PenaltyCases.Deadlines deadlines = party.cases().get(PartyCases.ALL, id).deadlines();
		assertThat(deadlines.paymentDue()).as("30 days, not the fine's 15").isEqualTo(d("2025-07-10"));
		assertThat(deadlines.surchargeToday()).as("art.72 is for fines only").isNull();
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().paymentDays()).isEqualTo(30);

		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.paymentDue").value("2025-07-10"))
			.andExpect(jsonPath("$.surchargeToday").doesNotExist());
		Document portal = Jsoup.parse(mvc.perform(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(portal.select("#party-handover").text()).contains("2025-07-10");
		assertThat(portal.select("#party-surcharge, #party-payment")).isEmpty();
		Document page = Jsoup.parse(mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#handover-due").text()).contains("2025-07-10");
		assertThat(page.select("#surcharge")).isEmpty();

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
}
