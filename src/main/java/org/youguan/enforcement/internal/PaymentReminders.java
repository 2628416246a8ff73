package org.youguan.enforcement.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.enforcement.CaseView;
import org.youguan.enforcement.PenaltyPaymentReminded;
import org.youguan.enforcement.PenaltyPaymentReminded.Kind;
import org.youguan.enforcement.internal.FinePayments.PaymentDue;

/**
 * The daily reminder to pay a fine ({@link PenaltyPaymentReminded}): the party of a delivered decision whose fine is
 * unpaid is reminded of each pay-by day still demanded once when it is
 * {@code youguan.enforcement.payment-reminder.lead-days} working days away or nearer (default 3), and once when it has
 * passed. The pay-by days are the law's, the ones the case page shows ({@link FinePayments#payDays}): the rule
 * catalogue's {@code penalty.payment} days from delivery on the working-day calendar (行政处罚法(2021) art.67), or the
 * approved deferral's day, or — with instalments — every unpaid instalment's own day with its own amount (art.66). The
 * reminder past a day states the 加处罚款 owed on what was due that day as of the reminder's day (art.72(1): the
 * catalogue's daily rate, {@code penalty.late-surcharge}, for each calendar day from the day after, capped at
 * {@code penalty.late-surcharge-cap} of it — {@link CaseClock#surcharge}). The reminder itself is not law — no article
 * provides it — so its lead days are configuration, not a catalogue rule. At most once per decision, kind and pay-by
 * day (table {@code penalty_payment_reminder_day}, V256): a second run, on this node or another, or a restart sends none
 * again; a new day (a deferral approved, the next instalment) is reminded on its own. Not for a person (no portal), a
 * past case imported, or a decision revoked or confirmed invalid. Runs once a day in a cluster (ShedLock
 * {@code enforcement.payment-reminders}); the time is {@code youguan.enforcement.payment-reminder.cron} (08:10 China
 * time).
 */
@Component
public class PaymentReminders {

	private final JdbcClient jdbc;

	private final CaseWork caseWork;

	private final WorkingCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int leadDays;

	PaymentReminders(JdbcClient jdbc, CaseWork caseWork, WorkingCalendar calendar,
			ApplicationEventPublisher events, Clock clock,
			@Value("${youguan.enforcement.payment-reminder.lead-days:3}") int leadDays) {
		if (leadDays < 0) {
			throw new IllegalArgumentException("youguan.enforcement.payment-reminder.lead-days must be 0 or more: " + leadDays);
		}
		this.jdbc = jdbc;
		this.caseWork = caseWork;
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
	 * Reminds, as of {@code today}, the party of every decision served ({@link CaseClock#decisionServed}: a public
	 * notice's deemed day reached) with a fine unpaid of each pay-by day still
	 * demanded ({@link FinePayments#payDays}) within the lead days (before) or past (overdue, with the 加处罚款 owed
	 * today), each reminder once per decision, kind and day: recorded, then published. The unpaid cases and their
	 * instalments are read in a few queries for the whole run, not per case.
	 * @return how many reminders were sent now
	 */
	@Transactional
	public int remind(LocalDate today) {
		// served only: a public notice whose deemed day is ahead is not in effect, its payment not yet demanded
		List<Long> unpaid = jdbc.sql("""
				SELECT c.id FROM penalty_case c
				WHERE c.status = 'DELIVERED' AND c.paid_on IS NULL AND c.fine > 0 AND c.decision_annulled_on IS NULL
				  AND NOT c.imported AND c.enterprise_credit_code IS NOT NULL AND\s""" + CaseClock.DECISION_SERVED_SQL + """

				ORDER BY c.id""")
			.param("today", today)
			.query(Long.class)
			.list();
		int sent = 0;
		// the last pay-by day reminded beforehand is the same for every case of the run
		LocalDate remindUntil = calendar.plusWorkingDays(today, leadDays);
		Function<CaseView, CaseClock> clocks = caseWork.clocks();
		for (CaseWork.CaseWithProcedure read : caseWork.withProcedures(unpaid)) {
			CaseView c = read.penaltyCase();
			CaseClock caseClock = clocks.apply(c);
			for (PaymentDue due : FinePayments.payDays(c, read.procedure(), caseClock)) {
				Kind kind = today.isAfter(due.due()) ? Kind.OVERDUE
						: remindUntil.isBefore(due.due()) ? null : Kind.BEFORE;
				if (kind != null && record(c.id(), kind, due, today)) {
					events.publishEvent(reminded(c, caseClock, kind, due, today));
					sent++;
				}
			}
		}
		return sent;
	}

	/** The reminder of {@code due} as of {@code today}: past the day, with the 加处罚款 owed on its amount then. */
	private static PenaltyPaymentReminded reminded(CaseView c, CaseClock caseClock, Kind kind, PaymentDue due, LocalDate today) {
		BigDecimal surcharge = kind == Kind.OVERDUE ? caseClock.surcharge(due.amount(), due.due(), today) : BigDecimal.ZERO;
		return new PenaltyPaymentReminded(c.id(), c.number(), c.decisionNumber(), c.regionCode(), c.enterpriseCreditCode(),
				kind, Execution.fine(c), due.due(), due.instalment() == null ? null : due.instalment().position(),
				due.amount(), today, surcharge, caseClock.surchargePercent(), caseClock.surchargeCap(due.amount()));
	}

	/** Records the reminder; false when this decision had one of this kind for this pay-by day already. */
	private boolean record(long caseId, Kind kind, PaymentDue due, LocalDate today) {
		return jdbc.sql("""
				INSERT INTO penalty_payment_reminder_day (case_id, kind, due_on, instalment, sent_on)
				VALUES (:case, :kind, :due, :instalment, :today)
				ON CONFLICT DO NOTHING""")
			.param("case", caseId).param("kind", kind.name()).param("due", due.due())
			.param("instalment", due.instalment() == null ? null : due.instalment().position()).param("today", today)
			.update() == 1;
	}
}
