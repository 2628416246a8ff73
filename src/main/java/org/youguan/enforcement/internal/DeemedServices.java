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
import org.youguan.enforcement.PenaltyDelivered;
import org.youguan.enforcement.PenaltyStepServed;
import org.youguan.rules.StatutoryRule;

/**
 * A penalty decision served by public notice (公告送达) takes effect on the day it is deemed served, thirty days after
 * the notice's publication (民事诉讼法(2023) art.95, rule {@link StatutoryRule#PENALTY_PUBLIC_NOTICE_SERVICE}; 行政处罚法
 * (2021) art.61), not when the publication is recorded: this daily job publishes its {@link PenaltyDelivered} — on
 * which the licensing module revokes a 吊销's licences and the credit record enters the decision — on that day, with the
 * terms in force then (a 变更 made meanwhile included), audits it ({@code case.deemed-served}) and tells the party
 * ({@link PenaltyStepServed}) the decision now its with the day to pay or hand over by — told at the publication
 * without it, as its portal shows the decision only from the deemed day. A decision
 * revoked or confirmed invalid before that day publishes none; a past case imported (served off the platform) none.
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

	DeemedServices(JdbcClient jdbc, CaseWork caseWork, ApplicationEventPublisher events, Clock clock) {
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
				  AND delivered_on <= :today AND status <> 'NOT_PENALIZED' AND decision_annulled_on IS NULL AND NOT imported
				ORDER BY id""")
			.param("today", today)
			.query(Long.class)
			.list();
		return due.stream().filter(id -> tell(id, today)).toList();
	}

	/** Marks the case told and publishes its delivery; false when another run told it first. */
	private boolean tell(long id, LocalDate today) {
		// the row lock is held until the run commits: a concurrent run waits, then finds the day set (0 rows)
		if (jdbc.sql("UPDATE penalty_case SET deemed_service_told_on = :today WHERE id = :id AND deemed_service_told_on IS NULL")
			.param("today", today).param("id", id).update() == 0) {
			return false;
		}
		CaseView c = caseWork.find(id);
		events.publishEvent(PenaltyDelivered.of(c, c.deliveredOn()));
		// the party was told the notice when it was published; now the decision is its (the portal shows it from today):
		// told again with what it is to pay or hand over by when
		caseWork.tellPartyServed(c, PenaltyStepServed.Step.DECISION_SERVED, c.deliveredOn(), c.deliveryPublishedOn(),
				caseWork.partyDue(c, c.deliveredOn()), false);
		caseWork.record(c, ACTION, "公告送达期满：" + c.deliveryPublishedOn() + "发出公告，" + c.deliveredOn()
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
