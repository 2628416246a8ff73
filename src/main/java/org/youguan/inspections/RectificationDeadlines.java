package org.youguan.inspections;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Rows;

/**
 * The daily look at 责令改正 deadlines: every order past its deadline and not rectified (a reply sent in time and
 * awaiting the bureau's decision does not count as unrectified) becomes a case lead — marked
 * with the day, audited, and announced once by {@link RectificationOverdue}. Runs once per day in a cluster (ShedLock
 * {@code inspections.rectification-overdue}); the time is {@code youguan.inspections.overdue-cron}.
 */
@Service
public class RectificationDeadlines {

	record Overdue(long id, long recordId, String number, String regionCode, String enterpriseCreditCode, LocalDate dueOn) {
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate tx;

	RectificationDeadlines(JdbcClient jdbc, ApplicationEventPublisher events, AuditTrail audit, Clock clock,
			TransactionTemplate tx) {
		this.tx = tx;
		this.jdbc = jdbc;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The scheduled run: {@link #raiseLeads(LocalDate)} for today by the application clock, in one transaction (a
	 * second node within the lock's minute skips the run).
	 */
	@Scheduled(cron = "${youguan.inspections.overdue-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "inspections.rectification-overdue", lockAtLeastFor = "PT1M")
	public void raiseLeadsToday() {
		tx.executeWithoutResult(s -> raiseLeads(LocalDate.now(clock)));
	}

	/**
	 * Marks every unrectified order whose deadline lies before {@code today} and that is not yet a lead as raised
	 * {@code today}, and publishes {@link RectificationOverdue} for each.
	 * @return how many orders became leads
	 */
	@Transactional
	public int raiseLeads(LocalDate today) {
		List<Overdue> overdue = jdbc.sql("""
				UPDATE rectification_order SET lead_raised_on = :today
				WHERE rectified_on IS NULL AND lead_raised_on IS NULL AND due_on < :today
				  AND NOT (status = 'REPLIED' AND replied_on <= due_on)
				RETURNING id, record_id, number, region_code, enterprise_credit_code, due_on""")
			.param("today", today)
			.query(Rows.of(Overdue.class))
			.list();
		for (Overdue o : overdue) {
			audit.record(AuditEntry.of("inspection.rectification-overdue", "inspection", o.recordId(), "责令改正通知书"
					+ o.number() + "逾期未整改（期限" + ChineseText.day(o.dueOn()) + "），转为案件线索").inRegion(o.regionCode()));
			events.publishEvent(new RectificationOverdue(o.id(), o.recordId(), o.number(), o.regionCode(),
					o.enterpriseCreditCode(), o.dueOn(), today));
		}
		return overdue.size();
	}
}
