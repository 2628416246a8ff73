package org.youguan.enforcement;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.ChineseText;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 送达 step records how the decision was served (行政处罚法(2021) art.61 and the 民事诉讼法's rules of service):
 * the method is required and one of six, electronic service only with the party's signed consent, and the methods that
 * need it carry their note — each refusal a 400 naming the field and rule, nothing recorded; the 送达回证 and the
 * case page state the method recorded, not 直接送达 whatever happened.
 */
@IntegrationTest
class DeliveryMethodIntegrationTest {

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	@Autowired
	MockMvc mvc;

	@Autowired
	PartyCases party;

	@Autowired
	CaseDocuments documents;

	@Autowired
	Clock clock;

	@Autowired
	WorkingCalendar calendar;

	ResultActions deliver(long id, String json) throws Exception {
		return mvc.perform(post("/api/v1/enforcement/cases/" + id + "/delivery").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	static ResultActions refused(ResultActions r, String field, String rule) throws Exception {
		return r.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].rule").value(rule)).andExpect(jsonPath("$.errors.length()").value(1));
	}

	@Test
	void theMethodIsRequiredCheckedAndStatedOnTheReceiptAndThePage() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.decided(party.other(), "DATA_NOT_REPORTED", "FINE", "2000", today);
		String on = "\"on\":\"" + today + "\"";

		refused(deliver(id, "{" + on + "}"), "method", "required");
		refused(deliver(id, "{" + on + ",\"method\":\"BY_PIGEON\"}"), "method", "one-of");
		refused(deliver(id, "{" + on + ",\"method\":\"ELECTRONIC\",\"note\":\"fa@example.com\"}"), "consent", "consent");
		refused(deliver(id, "{" + on + ",\"method\":\"DIRECT\",\"consent\":true}"), "consent", "absent");
		refused(deliver(id, "{" + on + ",\"method\":\"LEFT_AT_ADDRESS\"}"), "note", "required");
		refused(deliver(id, "{" + on + ",\"method\":\"PUBLIC_NOTICE\",\"note\":\"公告\\n送达\"}"), "note", "line-break");
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().status()).isEqualTo(CaseStatus.DECIDED);

		deliver(id, "{" + on + ",\"method\":\"LEFT_AT_ADDRESS\",\"note\":\"当事人拒收，社区居委会王某见证\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.deliveryMethod").value("LEFT_AT_ADDRESS"))
			.andExpect(jsonPath("$.penaltyCase.deliveryNote").value("当事人拒收，社区居委会王某见证"));

		String receipt = HandlingBureauAndPartyIntegrationTest.text(mvc, documents, id, CaseDocumentKind.DELIVERY_RECEIPT);
		assertThat(receipt).contains("留置送达（当事人拒收，社区居委会王某见证）").doesNotContain("直接送达");
		mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("留置送达（当事人拒收，社区居委会王某见证）")));
	}

	@Test
	void electronicServiceWithTheConfirmedConsentIsRecordedAndItsReceiptStatesTheConfirmedAddress() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.decided(party.other(), "DATA_NOT_REPORTED", "FINE", "2000", today);
		deliver(id, "{\"on\":\"" + today + "\",\"method\":\"ELECTRONIC\",\"consent\":true,\"note\":\"当事人确认的电子邮箱fa@example.com\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.deliveryMethod").value("ELECTRONIC"))
			.andExpect(jsonPath("$.penaltyCase.deliveredOn").value(today.toString()))
			.andExpect(jsonPath("$.penaltyCase.deliveryPublishedOn").value(org.hamcrest.Matchers.nullValue()));
		// the receipt states the address the party confirmed and its signed 确认书, not the registered address to sign at
		assertThat(HandlingBureauAndPartyIntegrationTest.text(mvc, documents, id, CaseDocumentKind.DELIVERY_RECEIPT))
			.contains("电子送达", "电子送达地址", "当事人确认的电子邮箱fa@example.com", "已签订确认书")
			// the address in its own row, not again in 送达方式
			.doesNotContain("受送达人签名", "送达地点", "电子送达（当事人确认");
	}

	@Test
	void aPublicNoticeIsDeemedServedThirtyDaysAfterItIsPublishedAndThePaymentPeriodRunsFromThatDay() throws Exception {
		LocalDate today = LocalDate.now(clock);
		EnterpriseView e = party.other();
		long id = party.decided(e, "DATA_NOT_REPORTED", "FINE", "2000", today);
		// 民事诉讼法(2023) art.95: 自发出公告之日起，经过三十日，即视为送达 — the 15 days to pay run from then
		LocalDate deemed = calendar.plusCalendarDays(today, 30);
		deliver(id, "{\"on\":\"" + today + "\",\"method\":\"PUBLIC_NOTICE\",\"note\":\"当事人下落不明，在苏州日报第3版公告\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.deliveredOn").value(deemed.toString()))
			.andExpect(jsonPath("$.penaltyCase.deliveryPublishedOn").value(today.toString()))
			.andExpect(jsonPath("$.deadlines.paymentDue").value(calendar.plusCalendarDays(deemed, 15).toString()));

		// the 送达回证 states what a public notice records — its medium and day —, not the registered address to sign at
		String receipt = HandlingBureauAndPartyIntegrationTest.text(mvc, documents, id, CaseDocumentKind.DELIVERY_RECEIPT);
		assertThat(receipt).contains("公告载体", "当事人下落不明，在苏州日报第3版公告", "公告发布日期", ChineseText.day(today),
				calendar.documentDay(deemed) + "（视为送达", "《中华人民共和国民事诉讼法》第九十五条")
			.doesNotContain("受送达人签名", "送达地点");
		mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"delivery-published\"")));
	}

	@Test
	void theNoticeServedByPublicNoticeOpensTheReplyWindowFromTheDeemedDayOnTheWorkingDayCalendar() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.concluded(party.other(), "DATA_NOT_REPORTED", "2000", today.minusDays(5));
		String notice = "/api/v1/enforcement/cases/" + id + "/notice";
		refused(mvc.perform(post(notice).header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"on\":\"" + today + "\",\"method\":\"DIRECT\"}")), "servedOn", "required");

		LocalDate deemed = calendar.plusCalendarDays(today, 30);
		mvc.perform(post(notice).header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON).content("{\"on\":\""
				+ today + "\",\"servedOn\":\"" + today + "\",\"method\":\"PUBLIC_NOTICE\",\"note\":\"当事人下落不明，在本局网站公告\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.notifiedOn").value(today.toString()))
			.andExpect(jsonPath("$.penaltyCase.noticePublishedOn").value(today.toString()))
			.andExpect(jsonPath("$.penaltyCase.noticeServedOn").value(deemed.toString()))
			.andExpect(jsonPath("$.penaltyCase.noticeDeliveryMethod").value("PUBLIC_NOTICE"))
			// 陈述申辩/听证: 5 working days (行政处罚法 art.64, 85) from the day the notice counts as served
			.andExpect(jsonPath("$.penaltyCase.hearingRequestDue").value(calendar.plusWorkingDays(deemed, 5).toString()));
		mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"notice-service\"")));
	}

	/**
	 * Attack 1–2 (party): a 事先告知书 served by public notice is the party's to read from the publication — its page and
	 * API list the notice, {@code served} false and {@code deemedServicePending} true until the deemed day, from which the
	 * 陈述申辩/听证 window runs; once it has passed, {@code served} is true, as the notification says 已于…送达.
	 */
	@Test
	void theNoticeServedByPublicNoticeIsReadableDuringTheNoticeAndServedOnItsDeemedDay() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.concluded(party.sfWuzhong(), "DATA_NOT_REPORTED", "2000", today.minusDays(5));
		LocalDate deemed = calendar.plusCalendarDays(today, 30);
		mvc.perform(post("/api/v1/enforcement/cases/" + id + "/notice").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"" + today + "\",\"servedOn\":\"" + today
					+ "\",\"method\":\"PUBLIC_NOTICE\",\"note\":\"当事人下落不明，在本局网站公告\"}"))
			.andExpect(status().isOk());
		String notice = CaseDocumentKind.PRIOR_NOTICE.title();
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", EnterprisePenaltyIntegrationTest.SF))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deemedServicePending").value(true))
			.andExpect(jsonPath("$.noticePublishedOn").value(today.toString()))
			.andExpect(jsonPath("$.noticeDeemedOn").value(deemed.toString()))
			.andExpect(jsonPath("$.documents[?(@.title == '" + notice + "')].served").value(false));
		mvc.perform(get("/api/v1/enterprise/penalties").param("q", party.cases().get(PartyCases.ALL, id).penaltyCase().number())
				.header("Authorization", EnterprisePenaltyIntegrationTest.SF))
			.andExpect(jsonPath("$.items[0].deemedServicePending").value(true));
		mvc.perform(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"party-notice-public\"")))
			.andExpect(content().string(containsString("陈述申辩、申请听证期限自视为送达之日起计算")));
	}

	/**
	 * A 事先告知书 served directly is {@code served} true on the party's API as soon as it is served — the field tells
	 * whether each document was served, for every kind, not only for the decision (attack 2, party).
	 */
	@Test
	void aNoticeServedDirectlyIsServedOnThePartysApi() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "2000", today);
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", EnterprisePenaltyIntegrationTest.SF))
			.andExpect(jsonPath("$.deemedServicePending").value(false))
			.andExpect(jsonPath("$.documents[?(@.title == '" + CaseDocumentKind.PRIOR_NOTICE.title() + "')].served").value(true));
	}

	/**
	 * Attack C4: the notice's 公告 period (published → the day before the deemed day, 30 days) does not count towards
	 * the decision limit (邮政行政执法监督办法(2021) art.17) — paused as the notice is recorded, not by hand; the limit
	 * moves by its days on the calendar and the page shows the pause with its basis.
	 */
	@Test
	void theNoticesPublicNoticePeriodPausesTheDecisionLimit() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.concluded(party.other(), "DATA_NOT_REPORTED", "2000", today.minusDays(5));
		LocalDate filed = party.cases().get(PartyCases.ALL, id).penaltyCase().filedOn();
		LocalDate before = party.cases().get(PartyCases.ALL, id).penaltyCase().decisionDueOn();
		assertThat(before).isEqualTo(calendar.plusCalendarDays(filed, 90));
		LocalDate deemed = calendar.plusCalendarDays(today, 30);
		mvc.perform(post("/api/v1/enforcement/cases/" + id + "/notice").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"" + today + "\",\"servedOn\":\"" + today
					+ "\",\"method\":\"PUBLIC_NOTICE\",\"note\":\"当事人下落不明，在本局网站公告\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.decisionDueOn").value(calendar.plusCalendarDays(filed, 90 + 30).toString()));
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().decisionDueOn()).isAfter(before);
		mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("公告 " + ChineseText.day(today) + " — " + ChineseText.day(deemed.minusDays(1)) + "：事先告知书公告送达")))
			.andExpect(content().string(containsString("公告期间不计入办案期限（《邮政行政执法监督办法》第十七条")));
	}
}
