package org.youguan.enforcement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.kernel.ChineseText;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.PenaltyDecisionRegister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.youguan.enforcement.PartyCases.ALL;

/**
 * Every period and every consequence that depends on service runs from the day a document was served — for 公告送达
 * the day it is deemed served (民事诉讼法(2023) art.95, 行政处罚法(2021) art.61): the 事先告知书's window as the notice
 * states it, the party told the day of service, the 送达回证 of a public notice dated the day it is published with the
 * deemed day stated as such (暂定 in a year whose holiday notice is not loaded) and each note printed once, the
 * 双公示 and the decision's being in effect (as the registry asks) waiting for the deemed day, the party reading a decision only once it is served; and the staff API names the
 * party's statement {@code statement}, as the enterprise API does.
 */
@IntegrationTest
class ServedDayIntegrationTest extends ClockedSteps {

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	static final String SF = EnterprisePenaltyIntegrationTest.SF;

	static final String NOTE = "当事人下落不明，在苏州日报第3版公告";

	@Autowired
	CaseDocuments documents;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	PenaltyDecisionRegister register;

	String docx(long id, CaseDocumentKind kind) throws Exception {
		return HandlingBureauAndPartyIntegrationTest.text(mvc, documents, id, kind);
	}

	/**
	 * A notice dated Monday and served by post on Thursday: the party has 5 working days from Thursday, and the
	 * 事先告知书 says so — "收到本告知书之日起5个工作日内（至…）", not the 8 days from the notice's own day; the party is
	 * told the notice was served on Thursday.
	 */
	@Test
	void theNoticeStatesTheWindowFromTheDayServedAndThePartyIsToldThatDay() throws Exception {
		LocalDate monday = LocalDate.of(2026, 6, 1);
		LocalDate thursday = monday.plusDays(3);
		today(thursday);
		EnterpriseView e = party.sfWuzhong();
		long id = party.concluded(e, "DATA_NOT_REPORTED", "3000", monday.minusDays(5));
		LocalDate due = calendar.plusWorkingDays(thursday, 5);
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/notice", "{\"on\":\"" + monday + "\",\"servedOn\":\"" + thursday
				+ "\",\"method\":\"POSTAL\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.noticeServedOn").value(thursday.toString()))
			.andExpect(jsonPath("$.penaltyCase.hearingRequestDue").value(due.toString()));
		assertThat(docx(id, CaseDocumentKind.PRIOR_NOTICE))
			.contains("收到本告知书之日起5个工作日内（至" + ChineseText.day(due) + "）");

		assertThat(lastNotification(jdbc, e, id)).contains("事先告知书已于" + ChineseText.day(thursday) + "送达").doesNotContain("已于" + ChineseText.day(monday));
	}

	/**
	 * The 送达回证 of a public notice is made the day the notice is published: dated that day, the 送达日期 the deemed
	 * day — 2027, a year whose holiday notice is not loaded, printed without the platform's （暂定） mark — stated as deemed, the notice's medium once (as
	 * 公告载体) and the 送达方式 公告送达 alone. An electronic service's confirmed address is printed once too.
	 */
	@Test
	void thePublicNoticeReceiptIsDatedTheDayPublishedMarksAProvisionalDeemedDayAndPrintsTheNoteOnce() throws Exception {
		LocalDate published = LocalDate.of(2026, 12, 7);
		long id = decidedAndPublished(published);
		LocalDate deemed = calendar.plusCalendarDays(published, 30);
		assertThat(deemed.getYear()).isEqualTo(2027);
		assertThat(calendar.isProvisional(deemed)).isTrue();

		CaseDocuments.IssuedDocument receipt = documents.current(id, CaseDocumentKind.DELIVERY_RECEIPT).orElseThrow();
		assertThat(receipt.issuedOn()).isEqualTo(published);
		String text = docx(id, CaseDocumentKind.DELIVERY_RECEIPT);
		assertThat(text).contains(ChineseText.day(deemed) + "（视为送达", "公告发布日期", ChineseText.day(published))
			.doesNotContain("公告送达（" + NOTE).doesNotContain("暂定");
		assertThat(text.split(NOTE, -1)).as("the note printed once, as 公告载体").hasSize(2);
		// the 送达期限 is judged by the day the notice was published, not by the deemed day printed as 送达日期 (attack: on
		// its face a service a month late)
		LocalDate due = calendar.plusWorkingDays(published, 7);
		assertThat(text).contains("最迟于" + ChineseText.day(due) + "（公告送达以发出公告之日计：本案于" + ChineseText.day(published)
				+ "发出公告，在送达期限内；视为送达日为" + ChineseText.day(deemed) + "）送达");

		// a notice published after the 7 working days says so
		LocalDate late = published.plusDays(20);
		today(late);
		long lateId = party.decided(party.other(), "DATA_NOT_REPORTED", "FINE", "2000", published);
		caseExecution.deliver(ALL, lateId, new CaseExecution.Delivery(late.toString(), "PUBLIC_NOTICE", null, NOTE));
		assertThat(docx(lateId, CaseDocumentKind.DELIVERY_RECEIPT)).contains("本案于" + ChineseText.day(late) + "发出公告，已超过送达期限");

		long electronic = party.decided(party.other(), "DATA_NOT_REPORTED", "FINE", "2000", published);
		caseExecution.deliver(ALL, electronic, new CaseExecution.Delivery(published.toString(), "ELECTRONIC", true,
				"当事人确认的电子邮箱fa@example.com"));
		assertThat(docx(electronic, CaseDocumentKind.DELIVERY_RECEIPT).split("fa@example.com", -1)).hasSize(2);
	}

	/**
	 * A decision served by public notice is not waiting in 待公示 before its deemed day: the case page offers no form and
	 * the step is refused (422, rule {@code not-yet-served}, in Chinese); from the deemed day on it is in the queue and
	 * published.
	 */
	@Test
	void aDecisionServedByPublicNoticeIsPublishedFromItsDeemedDayOn() throws Exception {
		LocalDate published = LocalDate.of(2026, 6, 10);
		long id = decidedAndPublished(published);
		LocalDate deemed = calendar.plusCalendarDays(published, 30);
		String number = party.cases().get(ALL, id).penaltyCase().number();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");

		today(deemed.minusDays(1));
		String decisionNumber = party.cases().get(ALL, id).penaltyCase().decisionNumber();
		assertThat(register.find(decisionNumber).orElseThrow().inEffect()).as("not in effect before the deemed day").isFalse();
		assertThat(page(staff, "/enforcement/queues/enforcement.publish")).doesNotContain(number);
		assertThat(page(staff, "/enforcement/cases/" + id)).doesNotContain("id=\"publication-form\"");
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/publication", "{\"on\":\"" + deemed.minusDays(1) + "\"}")
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[0].field").value("on"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-yet-served"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("视为于" + ChineseText.day(deemed))));
		assertThat(party.cases().get(ALL, id).penaltyCase().publishedOn()).isNull();

		today(deemed);
		assertThat(register.find(decisionNumber).orElseThrow().inEffect()).isTrue();
		assertThat(page(staff, "/enforcement/queues/enforcement.publish")).contains(number);
		assertThat(page(staff, "/enforcement/cases/" + id)).contains("id=\"publication-form\"");
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/publication", "{\"on\":\"" + deemed + "\"}")
			.andExpect(status().isOk());
	}

	/**
	 * A 不予行政处罚决定书 served by public notice is readable by the party from the publication (the notice publishes it
	 * for the party to obtain, 民事诉讼法(2023) art.95) and served on its deemed day: before it the decision is listed on
	 * the portal's API and readable, its {@code served} false, the 送达回证 not yet; from then on both are listed, the
	 * decision as the version served.
	 */
	@Test
	void aNoPenaltyDecisionServedByPublicNoticeReachesThePartyOnItsDeemedDay() throws Exception {
		LocalDate published = LocalDate.of(2026, 6, 10);
		today(published);
		long id = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", published);
		caseDecisions.notPenalize(ALL, id, "MINOR_CORRECTED", "情节轻微并及时改正，依法不予行政处罚");
		caseExecution.deliver(ALL, id, new CaseExecution.Delivery(published.toString(), "PUBLIC_NOTICE", null, NOTE));
		LocalDate deemed = calendar.plusCalendarDays(published, 30);
		// filled when the case ended, filled again by its service by 公告: its periods run from the deemed day
		assertThat(docx(id, CaseDocumentKind.NO_PENALTY_DECISION)).contains("本决定书于" + ChineseText.day(published)
				+ "公告送达", "上述期限自视为收到之日（" + calendar.documentDay(deemed) + "）起计算");
		long decision = documents.current(id, CaseDocumentKind.NO_PENALTY_DECISION).orElseThrow().attachmentId();
		long receipt = documents.current(id, CaseDocumentKind.DELIVERY_RECEIPT).orElseThrow().attachmentId();

		today(deemed.minusDays(1));
		String during = portal(id);
		assertThat(JsonPath.<List<Boolean>>read(during, "$.documents[?(@.title == '" + CaseDocumentKind.NO_PENALTY_DECISION.title()
				+ "')].served")).as("readable during the notice, not yet served").containsExactly(false);
		assertThat(JsonPath.<Boolean>read(during, "$.deemedServicePending")).isTrue();
		mvc.perform(get("/attachments/" + decision).header("Authorization", SF)).andExpect(status().isOk());

		today(deemed);
		String json = portal(id);
		assertThat(JsonPath.<List<String>>read(json, "$.documents[*].title"))
			.contains(CaseDocumentKind.NO_PENALTY_DECISION.title(), CaseDocumentKind.DELIVERY_RECEIPT.title());
		assertThat(JsonPath.<List<Boolean>>read(json, "$.documents[?(@.title == '" + CaseDocumentKind.NO_PENALTY_DECISION.title()
				+ "')].served")).containsExactly(true);
		mvc.perform(get("/attachments/" + decision).header("Authorization", SF)).andExpect(status().isOk());
		mvc.perform(get("/attachments/" + receipt).header("Authorization", SF)).andExpect(status().isOk());
	}

	/**
	 * The staff API takes the party's statement as {@code statement}, the enterprise API's name, and names it so in its
	 * errors; {@code text}, its former name, is still read.
	 */
	@Test
	void theStaffApiNamesTheStatementAsTheEnterpriseApiDoes() throws Exception {
		LocalDate day = LocalDate.of(2026, 6, 1);
		today(day);
		long id = party.notified(party.other(), "DATA_NOT_REPORTED", "3000", day);
		String path = "/api/v1/enforcement/cases/" + id + "/statement";
		call(WUZHONG, path, "{\"on\":\"" + day + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("statement"));
		call(WUZHONG, path, "{\"on\":\"" + day + "\",\"statement\":\"当事人称已整改\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.statement").value("当事人称已整改"));

		long old = party.notified(party.other(), "DATA_NOT_REPORTED", "3000", day);
		call(WUZHONG, "/api/v1/enforcement/cases/" + old + "/statement", "{\"on\":\"" + day + "\",\"text\":\"旧字段名\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.statement").value("旧字段名"));
	}

	/** A case decided on {@code day}, today, and served by public notice published that day. */
	long decidedAndPublished(LocalDate day) {
		today(day);
		long id = party.decided(party.other(), "DATA_NOT_REPORTED", "FINE", "2000", day);
		caseExecution.deliver(ALL, id, new CaseExecution.Delivery(day.toString(), "PUBLIC_NOTICE", null, NOTE));
		return id;
	}

	/** The latest notification {@code e} was sent about case {@code id}, once one came (the listener runs after commit). */
	static String lastNotification(JdbcClient jdbc, EnterpriseView e, long id) {
		String link = "/enterprise/penalties/" + id;
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
				SELECT count(*) FROM notification WHERE audience_kind = 'ENTERPRISE' AND audience = :code AND link = :link""")
			.param("code", e.creditCode()).param("link", link).query(Long.class).single() > 0);
		return jdbc.sql("SELECT title FROM notification WHERE audience = :code AND link = :link ORDER BY id DESC LIMIT 1")
			.param("code", e.creditCode()).param("link", link).query(String.class).single();
	}

	String page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	String portal(long id) throws Exception {
		return mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}
}
