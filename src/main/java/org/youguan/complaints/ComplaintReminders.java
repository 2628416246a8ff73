package org.youguan.complaints;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.complaints.internal.Complaint;
import org.youguan.complaints.internal.ComplaintRecords;
import org.youguan.complaints.internal.ComplaintRepository;
import org.youguan.complaints.internal.ComplaintStore;
import org.youguan.kernel.Rows;

/**
 * The daily complaint clock's work: marking enterprises whose reply is overdue, and publishing a
 * {@link ComplaintStepDue} for every step due within one working day or overdue (the notifications module delivers
 * them). Run every morning by the clock job.
 */
@Service
public class ComplaintReminders {

	/** A complaint whose current step is due within one working day or overdue, for the daily reminders. */
	public record Due(long id, String number, ComplaintStatus status, String regionCode, String enterpriseCreditCode,
			LocalDate stepDue, boolean overdue) {
	}

	private final ComplaintRepository complaints;

	private final ComplaintStore store;

	private final ComplaintRecords records;

	private final WorkingCalendar calendar;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ComplaintReminders(ComplaintRepository complaints, ComplaintStore store, ComplaintRecords records,
			WorkingCalendar calendar, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.complaints = complaints;
		this.store = store;
		this.records = records;
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Marks every reply now overdue as late (the enterprise is named among late repliers even before it replies).
	 * @return how many were marked
	 */
	@Transactional
	public int markOverdueReplies() {
		LocalDate today = LocalDate.now(clock);
		int marked = 0;
		for (Complaint c : complaints.findAwaitingReply(today)) {
			var before = c.snapshot();
			if (c.markReplyOverdue(today)) {
				store.save(c);
				records.audit(c, "complaint.reply-overdue", c.enterpriseName() + "逾期未答复" + c.number(), before);
				marked++;
			}
		}
		return marked;
	}

	/** Every open complaint whose current step is due within one working day or already overdue. */
	public List<Due> dueSoonOrOverdue() {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("""
				SELECT id, number, status, region_code, enterprise_credit_code, coalesce(step_due, answer_due) AS step_due,
				       (coalesce(step_due, answer_due) < :today OR answer_due < :today) AS overdue
				FROM complaint WHERE status NOT IN ('REJECTED', 'CLOSED', 'WITHDRAWN')
				AND (step_due <= :soon OR answer_due < :today)""")
			.param("today", today)
			.param("soon", calendar.plusWorkingDays(today, 1))
			.query(Rows.of(Due.class))
			.list();
	}

	/**
	 * Publishes today's reminders: one {@link ComplaintStepDue} per open complaint whose step is due within one working
	 * day or overdue, once per complaint, step and day (recorded in {@code complaint_reminder}, so a second run the same
	 * day publishes nothing). The notifications module delivers them after this transaction commits.
	 * @return how many reminders were published
	 */
	@Transactional
	public int remind() {
		LocalDate today = LocalDate.now(clock);
		int published = 0;
		for (Due d : dueSoonOrOverdue()) {
			boolean first = jdbc.sql("""
					INSERT INTO complaint_reminder (complaint_id, status, day) VALUES (:id, :status, :day)
					ON CONFLICT DO NOTHING""")
				.param("id", d.id())
				.param("status", d.status().name())
				.param("day", today)
				.update() == 1;
			if (first) {
				events.publishEvent(new ComplaintStepDue(d.id(), d.number(), d.status(), d.regionCode(),
						d.enterpriseCreditCode(), d.stepDue(), d.overdue(), today));
				published++;
			}
		}
		return published;
	}
}
