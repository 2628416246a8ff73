package org.youguan.notifications;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.complaints.ComplaintReceived;
import org.youguan.credit.CreditEntry;
import org.youguan.credit.CreditEntryCorrected;
import org.youguan.credit.CreditEntryRecorded;
import org.youguan.credit.CreditObjection;
import org.youguan.credit.CreditObjectionReviewed;
import org.youguan.enforcement.PenaltyPaymentReminded;
import org.youguan.enforcement.PenaltyStepServed;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.Wording;
import org.youguan.rules.RuleOverrideReset;
import org.youguan.safety.AlertDetails;
import org.youguan.workplans.WorkPlanReminderSent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every module's notifications read in English for an English reader (their titles are sent as words: credit,
 * penalty steps and payment reminders, rule resets, work plan and statistics 催报, complaint categories), with no
 * Chinese but the names the data gives (here all ASCII, so none at all); their Chinese titles read as before; the
 * search finds a title by its English words; an alert's list value holding 、 stays one item.
 */
@IntegrationTest
class NotificationsInEnglishIntegrationTest {

	private static final LocalDate DAY = LocalDate.of(2031, 6, 2);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	MockMvc mvc;

	@Autowired
	CreditNotifications credit;

	@Autowired
	PenaltyNotifications penalty;

	@Autowired
	RuleNotifications rules;

	@Autowired
	WorkPlanNotifications workPlans;

	@Autowired
	ComplaintNotifications complaints;

	final String code = "EN4" + UUID.randomUUID().toString().replace("-", "").substring(0, 15).toUpperCase(Locale.ROOT);

	@AfterEach
	void cleanUp() {
		jdbc.sql("DELETE FROM notification WHERE audience = :code OR dedupe_key LIKE 'en4-%' OR dedupe_key = 'complaint-received-9400001'").param("code", code).update();
	}

	/** The stored notification of a key once its listener ran: [Chinese title, English from its words, title_en]. */
	List<String> sent(String key) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) FROM notification WHERE dedupe_key = :k").param("k", key).query(Long.class).single() == 1);
		return jdbc.sql("SELECT title, title_words::text, title_en FROM notification WHERE dedupe_key = :k")
			.param("k", key)
			.query((rs, n) -> List.of(rs.getString(1),
					EnumWords.of(messages, TitleWords.read(rs.getString(2)), Locale.ENGLISH), rs.getString(3)))
			.single();
	}

	/** Reads the notification of the key in English: no Chinese character, and the English stored for the search. */
	String english(String key) {
		List<String> n = sent(key);
		assertThat(n.get(1)).as(n.get(0)).doesNotContainPattern("\\p{IsHan}");
		assertThat(n.get(2)).isEqualTo(n.get(1));
		return n.get(1);
	}

	@Test
	void creditAndPenaltyNotificationsReadInEnglishAndInChineseAsBefore() {
		credit.on(new CreditEntryRecorded(9_100_001L, code, "320506", CreditEntry.Kind.PENALTY_DECISION, "N-1", "Fined", DAY));
		assertThat(english("credit-entry-9100001")).isEqualTo("Credit record: Administrative penalty entered (N-1, 2031-06-02): Fined");
		assertThat(sent("credit-entry-9100001").get(0)).isEqualTo("信用记录：记入行政处罚（N-1，2031年6月2日）：Fined");
		credit.on(new CreditObjectionReviewed(9_100_002L, 9_100_001L, code, "320506", "N-1", CreditObjection.Status.UPHELD,
				CreditEntry.CorrectionKind.REMOVE, "Wrong", DAY));
		assertThat(english("credit-objection-9100002")).contains("reviewed on 2031-06-02: upheld, the entry will be removed: Wrong");
		assertThat(sent("credit-objection-9100002").get(0)).isEqualTo("信用异议：对信用记录（N-1）提出的异议已于2031年6月2日复核，异议成立，记录将撤销：Wrong");
		credit.on(new CreditEntryCorrected(9_100_001L, code, "320506", CreditEntry.Status.REMOVED, "N-1", "Fined", "Upheld", DAY));
		english("credit-corrected-9100001-REMOVED-" + DAY + "-" + Integer.toHexString("Fined".hashCode()));

		long caseId = 9_200_000L + (System.nanoTime() % 1000);
		for (PenaltyStepServed.Step step : PenaltyStepServed.Step.values()) {
			boolean remedied = step == PenaltyStepServed.Step.DECISION_CHANGED || step == PenaltyStepServed.Step.DECISION_ANNULLED;
			penalty.on(new PenaltyStepServed(caseId, "CASE-1", "320506", code, step, DAY, DAY.plusDays(15), true,
					new BigDecimal("1200.50"), remedied ? "行政复议" + (step == PenaltyStepServed.Step.DECISION_CHANGED ? "变更" : "撤销") : null,
					remedied ? new BigDecimal("100") : null, step == PenaltyStepServed.Step.DECISION_SERVED ? DAY.minusDays(30) : null));
			String key = "penalty-" + caseId + "-" + step + "-" + DAY + "-" + DAY.plusDays(15)
					+ (step == PenaltyStepServed.Step.DECISION_CHANGED ? "-1200.50" : "")
					+ (step == PenaltyStepServed.Step.DECISION_SERVED ? "-notice-" + DAY.minusDays(30) : "");
			String english = english(key);
			if (step == PenaltyStepServed.Step.DECISION_CHANGED) {
				assertThat(english).isEqualTo("CASE-1: The changed administrative penalty decision was issued on 2031-06-02"
						+ " (Administrative review: Changed); after the change: a fine of 1200.50 yuan; pay by 2031-06-17"
						+ " (inclusive); 100 yuan already paid is to be refunded");
				assertThat(sent(key).get(0)).isEqualTo("CASE-1：变更后的行政处罚决定书已于2031年6月2日出具（行政复议变更），变更后罚款1200.50元"
						+ "，缴纳期限至2031年6月17日（含当日）；应退还已缴纳的100元");
			}
		}
		penalty.on(new PenaltyPaymentReminded(caseId, "CASE-1", "DEC-1", "320506", code, PenaltyPaymentReminded.Kind.OVERDUE,
				new BigDecimal("1000"), DAY, 2, new BigDecimal("500"), DAY.plusDays(10), new BigDecimal("150"),
				new BigDecimal("3.00"), new BigDecimal("500")));
		String overdue = english("penalty-" + caseId + "-PAYMENT_OVERDUE-" + DAY);
		assertThat(overdue).contains("instalment 2 of 500 yuan (of the fine of 1000 yuan)").contains("3% of the instalment")
			.contains("Article 72").contains("650 yuan to pay in all");
		assertThat(sent("penalty-" + caseId + "-PAYMENT_OVERDUE-" + DAY).get(0)).isEqualTo("CASE-1：行政处罚决定书（DEC-1）确定的"
				+ "罚款1000元分期缴纳，第2期500元已超过缴纳期限（2031年6月2日），截至2031年6月12日已加处罚款150元（自期限届满次日起每日按该期数额的3%加处，至多500元，"
				+ org.youguan.rules.Provision.PENALTY_SURCHARGE.formal() + "），应缴合计650元，请尽快缴纳");
		penalty.on(new PenaltyPaymentReminded(caseId, "CASE-1", "DEC-1", "320506", code, PenaltyPaymentReminded.Kind.BEFORE,
				new BigDecimal("1000"), DAY, null, null, null, null, null, null));
		english("penalty-" + caseId + "-PAYMENT_BEFORE");
	}

	@Test
	void ruleWorkPlanComplaintAndReminderNotificationsReadInEnglish() {
		String marker = "en4-" + UUID.randomUUID().toString().substring(0, 8);
		rules.on(new RuleOverrideReset("complaint.redo", "Redo days", code, "Bureau " + marker, marker + "-rule"));
		assertThat(english(marker + "-rule")).isEqualTo("Bureau " + marker
				+ " reset the value of “Time for the enterprise to handle it again (returned)” set by your bureau: the value of the bureau above or the statutory default now applies");
		workPlans.on(new WorkPlanReminderSent(1L, 9_300_001L, "《Plan》：本处室有7项任务尚未填报2031年5月进展，请于25日前填报", "/",
				marker + "-plan", "Plan", 7, "2031-05", 25));
		assertThat(english(marker + "-plan")).contains("7 tasks").contains("for 2031-05").contains("day 25");
		complaints.on(new ComplaintReceived(9_400_001L, "C-" + marker, code, "Brand", "延误", DAY));
		assertThat(english("complaint-received-9400001")).contains("(Brand, Delay)");
		// a 催报's period in each reader's words: a month, a quarter, a year
		assertThat(EnumWords.of(messages, Wording.of("notification.statistics.reminder", "Bureau",
				ReportReminderNotifications.period("2031-11", "2031年11月"), "Form", DAY), Locale.ENGLISH))
			.isEqualTo("Reminder: Bureau asks you to file 2031-11 “Form” (due 2031-06-02)");
		assertThat(ReportReminderNotifications.period("2031-11", "x")).isEqualTo(YearMonth.of(2031, 11));
		assertThat(EnumWords.of(messages, ReportReminderNotifications.period("2031-Q3", "x"), Locale.ENGLISH)).isEqualTo("Q3 2031");
		assertThat(EnumWords.of(messages, ReportReminderNotifications.period("2031-Q3", "x"), Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("2031年第3季度");
		assertThat(TitleWords.read(TitleWords.write(Wording.of("notification.statistics.reminder", "B", YearMonth.of(2031, 11), "F", DAY)))
			.arguments()).containsExactly("B", YearMonth.of(2031, 11), "F", DAY);
	}

	/** An English reader finds a notification by the words their list shows it in, which its Chinese title lacks. */
	@Test
	void theSearchFindsATitleByItsEnglishWords() throws Exception {
		String marker = "en4-" + UUID.randomUUID().toString().substring(0, 8);
		rules.on(new RuleOverrideReset("complaint.redo", "Redo days", "320506", marker, marker + "-search"));
		sent(marker + "-search");
		MockHttpSession county = SignIn.session(mvc, "wz.staff");
		assertThat(search(county, "en", marker + " statutory default")).contains(marker + " reset the value of");
		// the Chinese title is still searched
		assertThat(search(county, "zh-CN", marker + " 法定默认值")).contains(marker + "恢复了本局设定的");
	}

	/** The notifications page in the language, searched for the text. */
	String search(MockHttpSession session, String lang, String q) throws Exception {
		return mvc.perform(get("/notifications").session(session).param("lang", lang).param("q", q))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** A list value's item holding 、 stays one item in every language; a value stored joined by 、 before still splits. */
	@Test
	void anAlertListValueHoldingTheChineseCommaStaysOneItem() {
		String stored = AlertDetails.storedList(List.of("甲、乙物流", "Gamma"), 500);
		Wording words = AlertDetails.words("safety.alert.detail.pseudonymEnterprises", List.of("p", "2031-06-02", "2", "3", stored));
		assertThat(EnumWords.of(messages, words, Locale.ENGLISH)).endsWith(": 甲、乙物流, Gamma");
		assertThat(EnumWords.of(messages, words, Locale.SIMPLIFIED_CHINESE)).endsWith("：甲、乙物流、Gamma");
		Wording old = AlertDetails.words("safety.alert.detail.courierSelf", List.of("E", "C-1", "2031-06-02", "2", "SF1、SF2"));
		assertThat(EnumWords.of(messages, old, Locale.ENGLISH)).contains("(waybills SF1, SF2)");
		// a long list keeps what fits and says it was cut
		List<String> many = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "SF" + (100000 + i)).toList();
		String cut = AlertDetails.storedList(many, 500);
		assertThat(cut.length()).isLessThanOrEqualTo(500);
		assertThat(AlertDetails.items(cut)).last().isEqualTo("…");
	}
}
