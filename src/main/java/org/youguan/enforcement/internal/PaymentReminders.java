package org.youguan.enforcement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.enforcement.CaseExecution;
import org.youguan.enforcement.CaseView;
import org.youguan.enforcement.PenaltyPaymentReminded;
import org.youguan.enforcement.PenaltyPaymentReminded.Kind;

/**
 * The daily reminder to pay a fine ({@link PenaltyPaymentReminded}): the party of a delivered decision whose fine is
 * unpaid is reminded once when its pay-by day is {@code youguan.enforcement.payment-reminder.lead-days} working days
 * away or nearer (default 3), and once when the day has passed. The pay-by day is the law's, the one the case page
 * shows ({@link CaseExecution#paymentDue(long)}: the rule catalogue's {@code penalty.payment} days from delivery on the
 * working-day calendar, or the approved deferral's or next instalment's day, 行政处罚法(2021) art.66–67). The reminder
 * itself is not law — no article provides it — so its lead days are configuration, not a catalogue rule. At most once
 * per decision and kind (table {@code penalty_payment_reminder}): a second run, on this node or another, sends none.
 * Not for a person (no portal), a past case imported, or a decision revoked or confirmed invalid. Runs once a day in a
 * cluster (ShedLock {@code enforcement.payment-reminders}); the time is {@code youguan.enforcement.payment-reminder.cron}
 * (08:10 China time).
 */
@Component
public class PaymentReminders {

	private final JdbcClient jdbc;

	private final CaseWork caseWork;

	private final CaseExecution execution;

	private final WorkingCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int leadDays;

	PaymentReminders(JdbcClient jdbc, CaseWork caseWork, CaseExecution execution, WorkingCalendar calendar,
			ApplicationEventPublisher events, Clock clock,
			@Value("${youguan.enforcement.payment-reminder.lead-days:3}") int leadDays) {
		if (leadDays < 0) {
			throw new IllegalArgumentException("youguan.enforcement.payment-reminder.lead-days must be 0 or more: " + leadDays);
		}
		this.jdbc = jdbc;
		this.caseWork = caseWork;
		this.execution = execution;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
		this.leadDays = leadDays;
	}

	/**
	 * The scheduled run: {@link #remind(LocalDate)} for today by the application clock, in one transaction — this
	 * method's own (a call to {@code remind} from inside the bean does not pass its proxy, so it joins this one).
	 */
	@Scheduled(cron = "${youguan.enforcement.payment-reminder.cron:0 10 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "enforcement.payment-reminders", lockAtLeastFor = "PT1M")
	@Transactional
	public void remindToday() {
		remind(LocalDate.now(clock));
	}

	/**
	 * Reminds, as of {@code today}, the party of every delivered decision with a fine unpaid whose pay-by day in force is
	 * within the lead days (before) or past (overdue), each reminder once per decision: recorded, then published.
	 * @return how many reminders were sent now
	 */
	@Transactional
	public int remind(LocalDate today) {
		List<Long> unpaid = jdbc.sql("""
				SELECT id FROM penalty_case
				WHERE status = 'DELIVERED' AND paid_on IS NULL AND fine > 0 AND decision_annulled_on IS NULL
				  AND NOT imported AND enterprise_credit_code IS NOT NULL
				ORDER BY id""")
			.query(Long.class)
			.list();
		int sent = 0;
		// the last pay-by day reminded beforehand is the same for every case of the run
		LocalDate remindUntil = calendar.plusWorkingDays(today, leadDays);
		for (long id : unpaid) {
			Optional<LocalDate> due = execution.paymentDue(id);
			if (due.isEmpty()) {
				continue;
			}
			Kind kind = today.isAfter(due.get()) ? Kind.OVERDUE
					: remindUntil.isBefore(due.get()) ? null : Kind.BEFORE;
			if (kind != null && record(id, kind, due.get(), today)) {
				CaseView c = caseWork.find(id);
				events.publishEvent(new PenaltyPaymentReminded(id, c.number(), c.decisionNumber(), c.regionCode(),
						c.enterpriseCreditCode(), kind, Execution.fine(c), due.get()));
				sent++;
			}
		}
		return sent;
	}

	/** Records the reminder; false when this decision had one of this kind already. */
	private boolean record(long caseId, Kind kind, LocalDate due, LocalDate today) {
		return jdbc.sql("""
				INSERT INTO penalty_payment_reminder (case_id, kind, due_on, sent_on) VALUES (:case, :kind, :due, :today)
				ON CONFLICT DO NOTHING""")
			.param("case", caseId).param("kind", kind.name()).param("due", due).param("today", today)
			.update() == 1;
	}
}
