package org.youguan.statistics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Rows;
import org.youguan.registry.EnterpriseView;

/**
 * Completeness and timeliness of a form's period (expected / received / on time / approved), the reporters still
 * missing or late, and reminders (催报) to them, which the enterprise portal shows.
 */
@Service
public class Completeness {

	/** One expected reporter and where its report stands. */
	public record Line(long enterpriseId, String enterpriseName, String creditCode, String regionCode, Long reportId,
			ReportStatus status,
			Instant submittedAt, Boolean onTime, Instant lastReminder) {

		public boolean received() {
			return submittedAt != null;
		}

		public boolean missing() {
			return submittedAt == null;
		}
	}

	public record Summary(ReportForm form, Period period, LocalDate dueOn, boolean due, int expected, int received,
			int onTime, int approved, List<Line> lines) {

		public List<Line> outstanding() {
			return lines.stream().filter(l -> l.missing() || Boolean.FALSE.equals(l.onTime())).toList();
		}

		public int receivedPercent() {
			return expected == 0 ? 0 : Math.round(received * 100f / expected);
		}

		public int onTimePercent() {
			return expected == 0 ? 0 : Math.round(onTime * 100f / expected);
		}
	}

	/** A reminder as the enterprise sees it. */
	public record Reminder(String formName, String period, Instant sentAt, String sentBy) {
	}

	/** How long after a period's end its missing reporters may still be reminded (催报), in months. */
	static final int REMIND_WINDOW_MONTHS = 12;

	private final ReportForms forms;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Completeness(ReportForms forms, JdbcClient jdbc, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.forms = forms;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Where a form's period stands in scope: each expected reporter with its latest revision, and the counts. A
	 * reporter counts as approved when any revision of the period is approved (or was, and was replaced by a later
	 * approved one): an approved report stays the facts every aggregate reads while its correction is open, so 报送进度
	 * and the aggregates' coverage ({@code 已审核N/M家}) count alike.
	 * @throws org.youguan.kernel.InvalidValueException naming {@code period} (rule {@code ended}) for a period still
	 * running or to come: nobody owes it yet
	 */
	public Summary summary(DataScope scope, ReportForm form, Period period) {
		period.requireEnded("period", LocalDate.now(clock));
		List<EnterpriseView> expected = forms.expectedReporters(scope, form, period);
		Map<Long, Object[]> latest = new HashMap<>();
		Set<Long> approvedOnce = new HashSet<>();
		jdbc.sql("""
				SELECT DISTINCT ON (r.enterprise_id) r.enterprise_id, r.id, r.status, r.first_submitted_at, r.on_time,
				       EXISTS (SELECT 1 FROM stat_report a WHERE a.form_id = r.form_id AND a.enterprise_id = r.enterprise_id
				               AND a.period = r.period AND a.status IN ('APPROVED', 'SUPERSEDED')) AS approved
				FROM stat_report r WHERE r.form_id = :form AND r.period = :period AND\s"""
				+ scope.enterprisePredicate("r.credit_code", "r.region_code") + " ORDER BY r.enterprise_id, r.revision DESC")
			.params(scope.params())
			.param("form", form.id())
			.param("period", period.code())
			.query((rs, i) -> {
				if (rs.getBoolean(6)) {
					approvedOnce.add(rs.getLong(1));
				}
				return latest.put(rs.getLong(1), new Object[] { rs.getLong(2), ReportStatus.valueOf(rs.getString(3)),
						rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), (Boolean) rs.getObject(5) });
			})
			.list();
		Map<Long, Instant> reminders = new HashMap<>();
		jdbc.sql("SELECT enterprise_id, max(sent_at) FROM stat_reminder WHERE form_id = :form AND period = :period GROUP BY 1")
			.param("form", form.id())
			.param("period", period.code())
			.query((rs, i) -> reminders.put(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.list();
		List<Line> lines = new ArrayList<>();
		int received = 0;
		int onTime = 0;
		int approved = 0;
		for (EnterpriseView e : expected) {
			Object[] r = latest.get(e.id());
			Line line = r == null
					? new Line(e.id(), e.legalName(), e.creditCode(), e.regionCode(), null, null, null, null,
							reminders.get(e.id()))
					: new Line(e.id(), e.legalName(), e.creditCode(), e.regionCode(), (Long) r[0], (ReportStatus) r[1],
							(Instant) r[2], (Boolean) r[3], reminders.get(e.id()));
			lines.add(line);
			received += line.received() ? 1 : 0;
			onTime += Boolean.TRUE.equals(line.onTime()) ? 1 : 0;
			approved += approvedOnce.contains(e.id()) ? 1 : 0;
		}
		LocalDate dueOn = forms.dueOn(form, period);
		return new Summary(form, period, dueOn, LocalDate.now(clock).isAfter(dueOn), expected.size(), received, onTime,
				approved, lines);
	}

	/**
	 * Reminds every reporter in scope still missing the period (催报): each reminder is kept, audited and published as
	 * {@link ReportReminderSent} (the notifications module tells the enterprise's users). Returns how many were
	 * reminded.
	 * @throws DomainException when no reporter is missing
	 * @throws org.youguan.kernel.InvalidValueException naming {@code period} (rule {@code ended}) for a period still
	 * running or to come: it is not open for reporting yet; (rule {@code window}) for one that ended more than
	 * {@link #REMIND_WINDOW_MONTHS} months ago
	 */
	@Transactional
	public int remind(DataScope scope, ReportForm form, Period period, String by) {
		// a period is reported once it has ended: before that nobody is late, and a reminder would ask for the impossible
		LocalDate today = LocalDate.now(clock);
		period.requireEnded("period", today);
		// a reminder chases a report still being collected, not one from years ago: a bureau clicking 催报 on 2015 would
		// send every enterprise a notification for a period nobody compiles any more, as often as it liked
		if (period.end().isBefore(today.minusMonths(REMIND_WINDOW_MONTHS))) {
			throw new InvalidValueException("period", "window", "只能催报近" + REMIND_WINDOW_MONTHS + "个月内结束的报告期："
					+ period.label() + "已于" + period.end() + "结束");
		}
		Summary summary = summary(scope, form, period);
		List<Line> missing = summary.lines().stream().filter(Line::missing).toList();
		if (missing.isEmpty()) {
			throw DomainException.rule(period.label() + "“" + form.name() + "”没有未报送的企业");
		}
		Instant now = clock.instant();
		for (Line l : missing) {
			jdbc.sql("""
					INSERT INTO stat_reminder (form_id, period, enterprise_id, sent_at, sent_by)
					VALUES (:form, :period, :enterprise, :now, :by)""")
				.param("form", form.id())
				.param("period", period.code())
				.param("enterprise", l.enterpriseId())
				.param("now", Timestamp.from(now))
				.param("by", by)
				.update();
			audit.record(AuditEntry.of("statistics.remind", "Enterprise", l.enterpriseId(),
					"催报" + l.enterpriseName() + period.label() + "“" + form.name() + "”").inRegion(l.regionCode()));
			events.publishEvent(new ReportReminderSent(l.enterpriseId(), l.creditCode(), l.enterpriseName(),
					l.regionCode(), form.id(), form.name(), period.code(), period.label(), summary.dueOn(), by, now));
		}
		return missing.size();
	}

	/** The reminders an enterprise has received, newest first. */
	public List<Reminder> reminders(long enterpriseId) {
		return jdbc.sql("""
				SELECT f.name AS form_name, m.period, m.sent_at, m.sent_by FROM stat_reminder m
				JOIN stat_form f ON f.id = m.form_id WHERE m.enterprise_id = :id ORDER BY m.sent_at DESC LIMIT 20""")
			.param("id", enterpriseId)
			.query(Rows.of(Reminder.class))
			.list();
	}
}
