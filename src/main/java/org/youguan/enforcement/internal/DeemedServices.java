package org.youguan.enforcement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.enforcement.CaseStatus;
import org.youguan.enforcement.CaseView;
import org.youguan.enforcement.DecisionOutcomes;
import org.youguan.enforcement.PenaltyCases;
import org.youguan.enforcement.PenaltyDelivered;
import org.youguan.enforcement.PenaltyStepServed;
import org.youguan.enforcement.internal.FinePayments.PaymentDue;
import org.youguan.kernel.ChineseText;
import org.youguan.rules.StatutoryRule;

/**
 * A penalty decision served by public notice (公告送达) takes effect on the day it is deemed served, thirty days after
 * the notice's publication (民事诉讼法(2023) art.95, rule {@link StatutoryRule#PENALTY_PUBLIC_NOTICE_SERVICE}; 行政处罚法
 * (2021) art.61), not when the publication is recorded: this daily job publishes its {@link PenaltyDelivered} — on
 * which the licensing module revokes a 吊销's licences and the credit record enters the decision — on that day, with the
 * terms in force then (a 变更 made meanwhile included), audits it ({@code case.deemed-served}) and tells the party
 * ({@link PenaltyStepServed}) the decision served today and in effect with the day to pay or hand over by — the day
 * it was told with the publication too, as its portal shows it. The party's portal shows the decision and its 决定书 from the publication on (the notice
 * publishes it for the party to obtain, {@code EnterprisePenalties#VISIBLE}), 公告送达中 with the deemed day from which
 * its periods run; on that day it reads 已送达. What became of the decision meanwhile — a
 * change (变更) with its fine and day to pay, a deferral or instalments approved — is told with it that day, held back
 * before ({@link PenaltyStepServed.Step#followsService}). A decision revoked or confirmed invalid before that day
 * publishes no delivery: the party was told so when it happened, and its portal shows the annulment from then on. A
 * past case imported (served off the platform) none.
 * <p>
 * Once only: the case's row records the day it was published ({@code penalty_case.deemed_service_told_on}), set under the
 * row's lock in the transaction that publishes (the event publication registry stores the event in it), so a second run,
 * on this node or another at the same time, finds it done. Restart-safe: a run finds every deemed day up to today not
 * yet told, so a day the application was down is caught up on its next run. Runs once a day in a cluster (ShedLock
 * {@code enforcement.deemed-services}); the time is {@code youguan.enforcement.deemed-service.cron} (00:20 China time).
 */
@Component
public class DeemedServices {

	/** The audit action of a decision deemed served. */
	static final String ACTION = "case.deemed-served";

	private final JdbcClient jdbc;

	private final CaseWork caseWork;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final DecisionOutcomes outcomes;

	private final FinePayments finePayments;

	DeemedServices(JdbcClient jdbc, CaseWork caseWork, ApplicationEventPublisher events, Clock clock,
			DecisionOutcomes outcomes, FinePayments finePayments) {
		this.outcomes = outcomes;
		this.finePayments = finePayments;
		this.jdbc = jdbc;
		this.caseWork = caseWork;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The scheduled run: {@link #takeEffect(LocalDate)} for today by the application clock, in this method's own
	 * transaction.
	 */
	@Scheduled(cron = "${youguan.enforcement.deemed-service.cron:0 20 0 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "enforcement.deemed-services", lockAtLeastFor = "PT1M")
	@Transactional
	public void takeEffectToday() {
		takeEffect(LocalDate.now(clock));
	}

	/**
	 * Publishes {@link PenaltyDelivered} for every decision served by public notice whose deemed day is {@code today} or
	 * before and not yet told, each once.
	 * @return the cases whose delivery was published now
	 */
	@Transactional
	public List<Long> takeEffect(LocalDate today) {
		List<Long> due = jdbc.sql("""
				SELECT id FROM penalty_case
				WHERE delivery_method = 'PUBLIC_NOTICE' AND delivery_published_on IS NOT NULL AND deemed_service_told_on IS NULL
				  AND delivered_on <= :today AND status <> 'NOT_PENALIZED' AND NOT imported
				ORDER BY id""")
			.param("today", today)
			.query(Long.class)
			.list();
		return due.stream().filter(id -> tell(id, today)).toList();
	}

	/**
	 * Tells the party, on the deemed day, what became of the decision while its public notice ran — held back until
	 * now ({@code PenaltyStepServed.Step#followsService}): the last change (变更) with the fine and the day to pay in
	 * force now; nothing when no outcome changed it (an annulment was told when it happened).
	 */
	private void tellOutcome(CaseView c) {
		List<DecisionOutcomes.Recorded> changing = outcomes.outcomes(c.id()).stream()
			.filter(o -> o.result() == DecisionOutcomes.Result.CHANGED)
			.toList();
		if (changing.isEmpty()) {
			return;
		}
		DecisionOutcomes.Recorded last = changing.get(changing.size() - 1);
		PaymentDue due = finePayments.paymentDue(c, caseWork.procedure(c.id()));
		caseWork.tellPartyOnDeemedDay(c, PenaltyStepServed.Step.DECISION_CHANGED, last.decidedOn(),
				due == null || c.paidOn() != null ? null : due.due(), last.kind().label() + last.result().label());
	}

	/**
	 * Tells the party, on the deemed day, of a deferral or instalments (行政处罚法(2021) art.66) approved while the public
	 * notice ran, with the next day to pay — held back until the decision is its.
	 */
	private void tellArrangement(CaseView c) {
		PenaltyCases.Procedure procedure = caseWork.procedure(c.id());
		if (procedure.paymentArrangement() == null || c.paidOn() != null) {
			return;
		}
		PaymentDue due = finePayments.paymentDue(c, procedure);
		caseWork.tellPartyOnDeemedDay(c, PenaltyStepServed.Step.PAYMENT_ARRANGED, c.deliveredOn(), due == null ? null : due.due(),
				null);
	}

	/** Marks the case told and publishes its delivery; false when another run told it first. */
	private boolean tell(long id, LocalDate today) {
		// the row lock is held until the run commits: a concurrent run waits, then finds the day set (0 rows)
		if (jdbc.sql("UPDATE penalty_case SET deemed_service_told_on = :today WHERE id = :id AND deemed_service_told_on IS NULL")
			.param("today", today).param("id", id).update() == 0) {
			return false;
		}
		CaseView c = caseWork.find(id);
		if (c.annulled()) {
			// revoked or declared invalid before it took effect: no delivery; the party was told when it was annulled
			// (CaseWork tells an annulment at once) and its portal shows the annulment since then
			caseWork.record(c, ACTION, "公告送达期满：" + ChineseText.day(c.deliveryPublishedOn()) + "发出公告，" + ChineseText.day(c.deliveredOn())
					+ "视为送达；处罚决定" + c.decisionNumber() + "已于" + ChineseText.day(c.decisionAnnulledOn()) + "被撤销或确认无效，不再执行");
			return true;
		}
		events.publishEvent(PenaltyDelivered.of(c, c.deliveredOn()));
		// the party was told the notice when it was published, with the day to pay counted from today; now the decision
		// is served and in effect: told so, with that day again (a notice of service on this day, no publication)
		caseWork.tellPartyServed(c, PenaltyStepServed.Step.DECISION_SERVED, c.deliveredOn(), null,
				caseWork.partyDue(c, c.deliveredOn()), false);
		tellOutcome(c);
		tellArrangement(c);
		caseWork.record(c, ACTION, "公告送达期满：" + ChineseText.day(c.deliveryPublishedOn()) + "发出公告，" + ChineseText.day(c.deliveredOn())
				+ "视为送达，处罚决定" + c.decisionNumber() + "生效");
		// what the party paid or handed over before the deemed day is its execution now (CaseExecution.executedOnce)
		boolean executable = Execution.fine(c) != null || Execution.confiscated(c) != null;
		if (c.status() == CaseStatus.DELIVERED && executable && Execution.outstanding(c,
				caseWork.procedure(id).instalments(), caseWork.handover(id).orElse(null)).isEmpty()) {
			caseWork.move(c, CaseStatus.EXECUTED, "", java.util.Map.of());
			caseWork.record(c, "case.executed", "处罚决定生效前已缴纳或上缴的，自视为送达之日起执行完毕");
		}
		return true;
	}
}
