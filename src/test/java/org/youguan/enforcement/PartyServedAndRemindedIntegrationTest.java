package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.enforcement.internal.PaymentReminders;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.notifications.Notification;
import org.youguan.notifications.Notifications;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.youguan.enforcement.PartyCases.ALL;
import static org.youguan.enforcement.ProcedureGuardsIntegrationTest.rules;

/**
 * Every step addressed to the party reaches the enterprise's portal once, with its day: the 不予行政处罚决定书 served
 * (with its own 送达回证 and 送达方式, as the penalty decision is), a decision changed (变更) after it was served with the
 * new fine and pay-by day, and the reminders to pay a fine — before its day and once it has passed — each once per
 * decision however often the job runs or the event is delivered, and never on another enterprise's list.
 */
@IntegrationTest
class PartyServedAndRemindedIntegrationTest {

	@Autowired
	PartyCases party;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	DecisionOutcomes decisionOutcomes;

	@Autowired
	PaymentReminders reminders;

	@Autowired
	CaseDocuments documents;

	@Autowired
	CaseWork caseWork;

	@Autowired
	Notifications notifications;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	WorkingCalendar calendar;

	/**
	 * The titles on {@code e}'s notification list (as its portal lists them) that link case {@code id}, oldest first —
	 * read from the newest page, as the shared test database holds many older notifications of the same enterprise.
	 */
	List<String> listed(EnterpriseView e, long id) {
		List<String> titles = new ArrayList<>(notifications
			.page(DataScope.enterprise(e.creditCode()), null, PageQuery.of(null, 0, 100, "created_at", "desc"))
			.items().stream().filter(n -> n.link().equals("/enterprise/penalties/" + id)).map(Notification::title)
			.toList());
		Collections.reverse(titles);
		return titles;
	}

	/** The titles linking case {@code id} on {@code e}'s list once {@code count} arrived, oldest first. */
	List<String> arrived(EnterpriseView e, long id, int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				SELECT count(*) FROM notification WHERE audience_kind = 'ENTERPRISE' AND audience = :code AND link = :link""")
			.param("code", e.creditCode()).param("link", "/enterprise/penalties/" + id).query(Long.class).single() >= count);
		return listed(e, id);
	}

	/** Publishes {@code event} again after its first delivery (a redelivery by the event publication registry). */
	void redeliver(Object event) {
		tx.executeWithoutResult(s -> events.publishEvent(event));
	}

	/** Nothing of case {@code id} on another enterprise's list, nor to any staff audience. */
	void notLeaked(long id) {
		assertThat(listed(party.other(), id)).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE link = :link AND audience_kind <> 'ENTERPRISE'")
			.param("link", "/enterprise/penalties/" + id).query(Long.class).single()).isZero();
	}

	@Test
	void theNoPenaltyDecisionIsServedWithItsOwnReceiptAndToldThePartyOnce() {
		EnterpriseView e = party.sfWuzhong();
		LocalDate today = LocalDate.now(clock);
		long id = party.concluded(e, "DATA_NOT_REPORTED", "1000", today);
		caseDecisions.notPenalize(ALL, id, "MINOR_CORRECTED", "情节轻微并及时改正，依法不予行政处罚");
		assertThat(documents.current(id, CaseDocumentKind.DELIVERY_RECEIPT)).isEmpty();

		caseExecution.deliver(ALL, id, new CaseExecution.Delivery(today.toString(), "POSTAL", null, "EMS " + RandomDigits.of(13)));
		CaseView c = caseWork.find(id);
		assertThat(c.status()).isEqualTo(CaseStatus.NOT_PENALIZED);
		assertThat(c.deliveredOn()).isEqualTo(today);
		assertThat(c.deliveryMethod()).isEqualTo(DeliveryMethod.POSTAL);
		assertThat(documents.current(id, CaseDocumentKind.DELIVERY_RECEIPT)).isPresent();
		assertThat(rules("deliveredOn", () -> caseExecution.deliver(ALL, id, CaseExecution.Delivery.direct(today.toString()))))
			.containsExactly("already-delivered");

		List<String> titles = arrived(e, id, 1);
		assertThat(titles).singleElement().asString().contains(c.number(), "不予行政处罚决定书已于" + ChineseText.day(today) + "送达");
		redeliver(new PenaltyStepServed(id, c.number(), c.regionCode(), e.creditCode(), PenaltyStepServed.Step.NO_PENALTY_SERVED,
				today, null, false, null));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> listed(e, id).size() == 1);
		notLeaked(id);
	}

	@Test
	void aServedDecisionChangedTellsThePartyTheNewFineAndDayToPayOnce() {
		EnterpriseView e = party.sfWuzhong();
		LocalDate today = LocalDate.now(clock);
		long id = party.delivered(e, "DATA_NOT_REPORTED", "FINE", "3000", today);
		LocalDate due = caseExecution.paymentDue(id).orElseThrow();
		arrived(e, id, 2);

		decisionOutcomes.record(ALL, id, new DecisionOutcomes.Outcome("REVIEW", "江苏省邮政管理局",
				"苏邮复决〔2026〕" + RandomDigits.of(7) + "号", today.toString(), "CHANGED", "罚款过重", "FINE", "2000", null), null);

		List<String> titles = arrived(e, id, 3);
		assertThat(titles).hasSize(3);
		assertThat(titles.get(2)).contains("变更后的行政处罚决定书已于" + ChineseText.day(today) + "出具", "变更后罚款2000元",
				"缴纳期限至" + ChineseText.day(due) + "（含当日）");
		CaseView c = caseWork.find(id);
		redeliver(new PenaltyStepServed(id, c.number(), c.regionCode(), e.creditCode(), PenaltyStepServed.Step.DECISION_CHANGED,
				today, due, false, c.fine()));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> listed(e, id).size() == 3);
		notLeaked(id);
	}

	/**
	 * Attack 51: a served decision revoked (撤销) or declared invalid (确认无效) was never told to the party — only a 变更
	 * was — and the amounts in the notices dropped trailing zeros (1200.5元). Every outcome that changes a served
	 * decision is told, with what is to refund of what was paid, each amount as the product writes money.
	 */
	@Test
	void aServedDecisionRevokedIsToldThePartyWithTheRefundDue() {
		EnterpriseView e = party.sfWuzhong();
		LocalDate today = LocalDate.now(clock);
		long id = party.delivered(e, "DATA_NOT_REPORTED", "FINE", "1200.50", today);
		arrived(e, id, 2);
		caseExecution.pay(ALL, id, today.toString(), "1200.50");
		decisionOutcomes.record(ALL, id, new DecisionOutcomes.Outcome("REVIEW", "江苏省邮政管理局",
				"苏邮复决〔2026〕" + RandomDigits.of(7) + "号", today.toString(), "REVOKED", "事实不清", null, null, null), null);
		await().atMost(Duration.ofSeconds(30)).until(() -> listed(e, id).stream().anyMatch(t -> t.contains("不再执行")));
		assertThat(listed(e, id)).filteredOn(t -> t.contains("不再执行")).singleElement().asString()
			.contains("行政处罚决定书已于" + ChineseText.day(today) + "经行政复议撤销，不再执行", "应退还已缴纳的1200.50元")
			.doesNotContain("1200.5元");
		notLeaked(id);
	}

	@Test
	void anUnpaidFineIsRemindedOnceBeforeItsDayAndOnceAfterHoweverOftenTheJobRuns() {
		EnterpriseView e = party.sfWuzhong();
		LocalDate today = LocalDate.now(clock);
		// delivered so that the day to pay (the catalogue's days on the working-day calendar) is today or just after
		LocalDate deliveredOn = today.minusDays(20);
		while (caseWork.clock("320506").paymentDue(deliveredOn).isBefore(today)) {
			deliveredOn = deliveredOn.plusDays(1);
		}
		long id = party.delivered(e, "DATA_NOT_REPORTED", "FINE", "3000", deliveredOn);
		LocalDate due = caseExecution.paymentDue(id).orElseThrow();
		assertThat(due).isBetween(today, calendar.plusWorkingDays(today, 3));
		arrived(e, id, 2);

		reminders.remind(today);
		reminders.remind(today);
		List<String> titles = arrived(e, id, 3);
		assertThat(titles.get(2)).contains("罚款3000元缴纳期限至" + ChineseText.day(due) + "（含当日）", "请按期缴纳");

		LocalDate after = due.plusDays(1);
		reminders.remind(after);
		reminders.remind(after);
		titles = arrived(e, id, 4);
		assertThat(titles.get(3)).contains("已超过缴纳期限（" + ChineseText.day(due) + "）", "加处罚款");
		CaseView c = caseWork.find(id);
		redeliver(new PenaltyPaymentReminded(id, c.number(), c.decisionNumber(), c.regionCode(), e.creditCode(),
				PenaltyPaymentReminded.Kind.OVERDUE, c.fine(), due, null, c.fine(), after, new BigDecimal("90.00"),
				new BigDecimal("3"), c.fine()));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> listed(e, id).size() == 4);
		assertThat(jdbc.sql("SELECT kind FROM penalty_payment_reminder_day WHERE case_id = :id ORDER BY kind").param("id", id)
			.query(String.class).list()).containsExactly("BEFORE", "OVERDUE");
		notLeaked(id);
	}
}
