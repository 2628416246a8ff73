package org.youguan.enforcement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.enforcement.internal.CaseClock;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.enforcement.internal.PaymentReminders;
import org.youguan.kernel.ChineseText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.youguan.enforcement.PartyCases.ALL;

/**
 * Every pay-by day of a fine is reminded on its own (行政处罚法(2021) art.66): each instalment with its own amount and
 * day, and a deferred day after the original one — once before it and once past it, however often the job runs — and
 * the reminder past a day states the 加处罚款 owed on what was due that day (art.72(1): 3 % a calendar day from the day
 * after, cents kept, capped at the amount), with the total then due.
 */
@IntegrationTest
class PaymentRemindersIntegrationTest extends ClockedSteps {

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	PaymentReminders reminders;

	@Autowired
	CaseWork caseWork;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	/** The payment reminders on the party's portal linking case {@code id} once {@code count} arrived, oldest first. */
	List<String> reminded(long id, int count) {
		String sql = """
				SELECT title FROM notification WHERE audience_kind = 'ENTERPRISE' AND link = :link
				AND dedupe_key ~ '^penalty-[0-9]+-PAYMENT_(BEFORE|OVERDUE)' ORDER BY id""";
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(sql).param("link", "/enterprise/penalties/" + id)
			.query(String.class).list().size() >= count);
		return jdbc.sql(sql).param("link", "/enterprise/penalties/" + id).query(String.class).list();
	}

	/** The reminders recorded for case {@code id}: kind, day and instalment. */
	List<String> recorded(long id) {
		return jdbc.sql("""
				SELECT kind || ' ' || due_on || ' ' || coalesce(CAST(instalment AS text), '-') FROM penalty_payment_reminder_day
				WHERE case_id = :id ORDER BY due_on, kind""").param("id", id).query(String.class).list();
	}

	/** {@code day} or, on a rest day, the next working day: the pay-by days approved are working days. */
	LocalDate working(LocalDate day) {
		CaseClock c = caseWork.clock("320506");
		return c.onOrNextWorkingDay(day);
	}

	/** The day the cases below are decided and delivered, on the loaded 2026 calendar. */
	static final LocalDate DELIVERED = LocalDate.of(2026, 3, 2);

	/** A fine of {@code amount} yuan on sf.wz decided and delivered {@link #DELIVERED}, today being that day. */
	long delivered(String amount) {
		today(DELIVERED);
		return party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", amount, DELIVERED);
	}

	/**
	 * V280's table, keyed per decision and kind, is no longer written since the per-day table took over (V256): it is
	 * gone (V306), so the reminders sent are kept in one place only.
	 */
	@Test
	void theRemindersAreKeptPerDayOnlyTheTableKeyedPerDecisionIsGone() {
		assertThat(jdbc.sql("SELECT to_regclass('penalty_payment_reminder') IS NULL").query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("SELECT to_regclass('penalty_payment_reminder_day') IS NOT NULL").query(Boolean.class).single()).isTrue();
	}

	@Test
	void eachInstalmentIsRemindedOfItsOwnAmountAndDayWithTheSurchargeOnceItIsLate() {
		long id = delivered("3000");
		LocalDate first = working(LocalDate.of(2026, 3, 31));
		LocalDate second = working(LocalDate.of(2026, 4, 30));
		LocalDate third = working(LocalDate.of(2026, 5, 29));
		caseExecution.arrangePayment(ALL, id, PartyCases.HEAD, new CaseExecution.PaymentTerms("INSTALMENTS",
				DELIVERED.toString(), null, "经营困难", List.of(new CaseExecution.InstalmentTerm(first.toString(), "1000.50"),
						new CaseExecution.InstalmentTerm(second.toString(), "999.50"),
						new CaseExecution.InstalmentTerm(third.toString(), "1000"))));
		String number = caseWork.find(id).number();

		reminders.remind(first);
		reminders.remind(first);
		assertThat(reminded(id, 1)).singleElement().asString()
			.startsWith(number + "：")
			.contains("罚款3000元分期缴纳，第1期1000.50元缴纳期限至" + ChineseText.day(first) + "（含当日）", "请按期缴纳");

		// a day late, unpaid: 3 % of 1000.50 for one day is 30.015 — 30.02, the fen kept
		reminders.remind(first.plusDays(1));
		reminders.remind(first.plusDays(1));
		assertThat(reminded(id, 2).get(1)).contains("第1期1000.50元已超过缴纳期限（" + ChineseText.day(first) + "）",
				"截至" + ChineseText.day(first.plusDays(1)) + "已加处罚款30.02元", "每日按该期数额的3%加处，至多1000.50元", "应缴合计1030.52元");

		today(first.plusDays(1));
		caseExecution.pay(ALL, id, first.toString(), "1000.50", "1");

		// the second instalment: its own reminder before its day, then — three calendar days late — its own surcharge
		today(second);
		reminders.remind(second);
		assertThat(reminded(id, 3).get(2)).contains("第2期999.50元缴纳期限至" + ChineseText.day(second) + "（含当日）");
		reminders.remind(second.plusDays(3));
		reminders.remind(second.plusDays(3));
		// 999.50 × 3 % × 3 = 89.955 → 89.96
		assertThat(reminded(id, 4).get(3)).contains("第2期999.50元已超过缴纳期限（" + ChineseText.day(second) + "）", "已加处罚款89.96元",
				"应缴合计1089.46元");

		// the third, reminded first when long overdue: the surcharge stops at the instalment's amount (40 days × 3 % > 100 %)
		reminders.remind(third.plusDays(40));
		List<String> titles = reminded(id, 5);
		assertThat(titles).hasSize(5);
		assertThat(titles.get(4)).contains("第3期1000元已超过缴纳期限（" + ChineseText.day(third) + "）", "已加处罚款1000元", "应缴合计2000元");
		assertThat(recorded(id)).containsExactly("BEFORE " + first + " 1", "OVERDUE " + first + " 1",
				"BEFORE " + second + " 2", "OVERDUE " + second + " 2", "OVERDUE " + third + " 3");
	}

	@Test
	void aDeferredDayIsRemindedAgainAfterTheOriginalDayWas() {
		long id = delivered("2000");
		LocalDate original = caseExecution.paymentDue(id).orElseThrow();
		reminders.remind(original);
		assertThat(reminded(id, 1).get(0)).contains("罚款2000元缴纳期限至" + ChineseText.day(original) + "（含当日）");

		today(original);
		LocalDate deferred = working(original.plusDays(30));
		caseExecution.arrangePayment(ALL, id, PartyCases.HEAD, new CaseExecution.PaymentTerms("DEFERRAL",
				original.minusDays(1).toString(), deferred.toString(), "经营困难", null));
		reminders.remind(deferred);
		reminders.remind(deferred);
		List<String> titles = reminded(id, 2);
		assertThat(titles).hasSize(2);
		assertThat(titles.get(1)).contains("罚款2000元缴纳期限至" + ChineseText.day(deferred) + "（含当日）").doesNotContain("分期");
		assertThat(recorded(id)).containsExactly("BEFORE " + original + " -", "BEFORE " + deferred + " -");
	}

	/**
	 * A reminder published before V256 and delivered again by the event registry carries no amount nor 加处罚款: it is
	 * told as it was then, under its key then — not a reminder with "null" in it, nor a failing listener.
	 */
	@Test
	void aReminderPublishedBeforeTheDaysWereKeptIsToldAsItWasThen() {
		long id = delivered("2000");
		CaseView c = caseWork.find(id);
		LocalDate due = caseExecution.paymentDue(id).orElseThrow();
		tx.executeWithoutResult(s -> events.publishEvent(new PenaltyPaymentReminded(id, c.number(), c.decisionNumber(),
				c.regionCode(), c.enterpriseCreditCode(), PenaltyPaymentReminded.Kind.OVERDUE, c.fine(), due, null, null, null,
				null, null, null)));
		assertThat(reminded(id, 1)).singleElement().asString()
			.contains("罚款2000元已超过缴纳期限（" + ChineseText.day(due) + "）", "逾期每日加处罚款").doesNotContain("null");
		assertThat(jdbc.sql("SELECT dedupe_key FROM notification WHERE link = :link AND dedupe_key LIKE '%PAYMENT_OVERDUE%'")
			.param("link", "/enterprise/penalties/" + id).query(String.class).single()).isEqualTo("penalty-" + id + "-PAYMENT_OVERDUE");
	}
}
