package org.youguan.statistics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Wording;
import org.youguan.platform.ChinaTime;
import org.youguan.region.Regions;
import org.youguan.registry.EnterpriseView;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * Completeness and timeliness of a form's period (expected / received / on time / approved), the reporters still
 * missing or late, and reminders (催报) to them, which the enterprise portal shows.
 */
@Service
public class Completeness {

	/**
	 * One expected reporter and where its report stands; {@code regionName} the name of its region as users read it
	 * ("江苏省苏州市吴中区", {@code Regions#fullName}; the code itself when the code is not in the register), shown on the
	 * page and in the export beside the code; its latest revision ({@code status}, null when it opened none), and
	 * {@code approved} when any revision of the period is approved (counted 已审核 though a correction is open).
	 */
	public record Line(long enterpriseId, String enterpriseName, String creditCode, String regionCode, String regionName,
			Long reportId,
			ReportStatus status,
			Instant submittedAt, Boolean onTime, Instant lastReminder, boolean approved) {

		/**
		 * The state as 报送进度 writes it: 未报, the latest revision's, or for a reporter counted 已审核 whose correction is
		 * open "已审核（更正草稿）" — not 草稿 beside a count of 已审核 (attack); a {@link ReportStatus} or a bundle's
		 * sentence ({@link Wording}) the export words in the reader's language.
		 */
		public Object statusWords() {
			if (status == null || status == ReportStatus.DRAFT && !approved) {
				// a draft never sent is the enterprise's own work: to the bureau nothing was reported (the page's badge)
				return Wording.of("stat.missing");
			}
			return approved && status != ReportStatus.APPROVED && status != ReportStatus.SUPERSEDED
					? Wording.of("stat.approvedCorrection", status) : status;
		}

		/**
		 * Reported and standing: approved once, or its latest revision sent and not handed back — a draft or a report
		 * returned (已退回) and not sent again is still owed (counted neither received nor on time, listed among 未报与迟报
		 * and given 催报).
		 */
		public boolean received() {
			return standing(status, approved);
		}

		public boolean missing() {
			return !received();
		}

		static boolean standing(ReportStatus status, boolean approved) {
			return approved || status != null && !status.editable();
		}
	}

	public record Summary(ReportForm form, Period period, LocalDate dueOn, boolean due, int expected, int received,
			int onTime, int approved, List<Line> lines) {

		/**
		 * 逾期未报: the reporter owes the period as its report stands ({@link Line#missing}: none, a draft, or returned
		 * and not sent again) and the period's due date passed — the rule a report's own badge follows
		 * ({@code ReportView#overdue}), on the page, in the export and the figures alike.
		 */
		public boolean overdue(Line line) {
			return due && line.missing();
		}

		/** How many reporters are {@link #overdue} (逾期未报), a returned report not sent again among them. */
		public int overdueCount() {
			return (int) lines.stream().filter(this::overdue).count();
		}

		/**
		 * 按时 as the export writes a line: 是 / 否 while its report stands sent, 逾期未报 when {@link #overdue}, else blank.
		 */
		public String timeliness(Line line) {
			if (line.onTime() != null) {
				return line.onTime() ? "是" : "否";
			}
			return overdue(line) ? "逾期未报" : "";
		}

		public List<Line> outstanding() {
			return lines.stream().filter(l -> l.missing() || Boolean.FALSE.equals(l.onTime())).toList();
		}

		/**
		 * Received of expected in whole percent, rounded down ({@link Percentages#rate}): 100 only when none is missing;
		 * null when nothing is owed (应报 0) — no share at all, shown 无应报, never 0 %.
		 */
		public Integer receivedPercent() {
			return share(received);
		}

		/** On time of expected in whole percent, rounded down: 100 only when every one reported on time; null as above. */
		public Integer onTimePercent() {
			return share(onTime);
		}

		private Integer share(int count) {
			return expected == 0 ? null : Percentages.rate(count, expected, 0).intValue();
		}

		/** When the last reminder (催报) of the period went out to any reporter in scope, or null when none did. */
		public Instant lastReminder() {
			return lines.stream().map(Line::lastReminder).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
		}
	}

	/**
	 * What a 催报 did: {@code sent} reporters reminded; {@code skipped} missing reporters left out because they were
	 * reminded of the period within {@link StatutoryRule#STATISTICS_REMINDER_INTERVAL} (today, by default).
	 */
	public record Reminded(int sent, int skipped) {
	}

	/**
	 * A reminder as the enterprise sees it; {@code filed} when the report it asked for stands filed (submitted and not
	 * returned since, or approved: the reminder is done, the page marks it 已报送).
	 */
	public record Reminder(String formName, String period, Instant sentAt, String sentBy, boolean filed) {
	}

	/** How long after a period's end its missing reporters may still be reminded (催报), in months. */
	static final int REMIND_WINDOW_MONTHS = 12;

	private final ReportForms forms;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final StatutoryRules rules;

	private final Regions regions;

	Completeness(ReportForms forms, JdbcClient jdbc, AuditTrail audit, Clock clock, ApplicationEventPublisher events,
			StatutoryRules rules, Regions regions) {
		this.rules = rules;
		this.regions = regions;
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
		Map<String, String> regionNames = new HashMap<>();
		int received = 0;
		int onTime = 0;
		int approved = 0;
		for (EnterpriseView e : expected) {
			Object[] r = latest.get(e.id());
			String regionName = regionNames.computeIfAbsent(e.regionCode(), regions::fullName);
			Line line = r == null
					? new Line(e.id(), e.legalName(), e.creditCode(), e.regionCode(), regionName, null, null, null, null,
							reminders.get(e.id()), false)
					: new Line(e.id(), e.legalName(), e.creditCode(), e.regionCode(), regionName, (Long) r[0],
							(ReportStatus) r[1], (Instant) r[2],
							// on time only while it stands: a returned report's first submission no longer counts
							Line.standing((ReportStatus) r[1], approvedOnce.contains(e.id())) ? (Boolean) r[3] : null,
							reminders.get(e.id()), approvedOnce.contains(e.id()));
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
	 * {@link ReportReminderSent} (the notifications module tells the enterprise's users). A reporter reminded of the
	 * form's period less than {@link StatutoryRule#STATISTICS_REMINDER_INTERVAL} days ago (default 1: once a calendar
	 * day, China time; the value in force in the reporter's region), by whichever bureau, is left out — a reminder
	 * clicked again the same day sent every missing enterprise the same notification again. Reminders of one form's
	 * period are taken one at a time (a double click: the second sees the first's).
	 * @return how many were reminded and how many were left out as reminded already
	 * @throws DomainException (422) when no reporter is missing; (409, field {@code period}, rule
	 * {@code reminder-interval}) when every missing reporter was reminded within the interval, naming when the last
	 * reminder went out and the first day another may
	 * @throws org.youguan.kernel.InvalidValueException naming {@code period} (rule {@code ended}) for a period still
	 * running or to come: it is not open for reporting yet; (rule {@code window}) for one that ended more than
	 * {@link #REMIND_WINDOW_MONTHS} months ago
	 */
	@Transactional
	public Reminded remind(DataScope scope, ReportForm form, Period period, String by) {
		// a period is reported once it has ended: before that nobody is late, and a reminder would ask for the impossible
		LocalDate today = LocalDate.now(clock);
		period.requireEnded("period", today);
		// a reminder chases a report still being collected, not one from years ago: a bureau clicking 催报 on 2015 would
		// send every enterprise a notification for a period nobody compiles any more, as often as it liked
		if (period.end().isBefore(today.minusMonths(REMIND_WINDOW_MONTHS))) {
			throw new InvalidValueException("period", "window", Wording.of("statistics.invalid.remindWindow", REMIND_WINDOW_MONTHS,
					period.label(), period.end().toString(), period.code()), "只能催报近" + REMIND_WINDOW_MONTHS + "个月内结束的报告期："
					+ period.label() + "已于" + ChineseText.day(period.end()) + "结束");
		}
		TransactionLocks.hold(jdbc, "stat_reminder:" + form.id() + "|" + period.code());
		Summary summary = summary(scope, form, period);
		List<Line> missing = summary.lines().stream().filter(Line::missing).toList();
		if (missing.isEmpty()) {
			throw DomainException.rule(Wording.of("statistics.refusal.noneMissing", period.code(), form.name()),
					period.label() + "“" + form.name() + "”没有未报送的企业");
		}
		List<Line> due = missing.stream().filter(l -> nextReminder(l, today) == null).toList();
		if (due.isEmpty()) {
			Instant last = missing.stream().map(Line::lastReminder).max(Instant::compareTo).orElseThrow();
			LocalDate next = missing.stream().map(l -> nextReminder(l, today)).min(LocalDate::compareTo).orElseThrow();
			String message = period.label() + "“" + form.name() + "”未报送的" + missing.size() + "家企业都已催报（最近一次于"
					+ ChineseText.dayTime(LocalDateTime.ofInstant(last, ChinaTime.ZONE)) + "）：同一企业同一报告期" + interval(missing.get(0)) + "，" + ChineseText.day(next) + "起可再次催报";
			throw new DomainException(ErrorCode.DUPLICATE, message, List.of(new FieldError("period", "reminder-interval", message)));
		}
		Instant now = clock.instant();
		for (Line l : due) {
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
		return new Reminded(due.size(), missing.size() - due.size());
	}

	/**
	 * The first day reporter {@code l} may be reminded again ({@link StatutoryRule#STATISTICS_REMINDER_INTERVAL} days
	 * after the China day of its last reminder of the period), or null when it may be reminded today.
	 */
	private LocalDate nextReminder(Line l, LocalDate today) {
		if (l.lastReminder() == null) {
			return null;
		}
		LocalDate next = l.lastReminder().atZone(ChinaTime.ZONE).toLocalDate()
			.plusDays(rules.intValue(StatutoryRule.STATISTICS_REMINDER_INTERVAL, l.regionCode()));
		return today.isBefore(next) ? next : null;
	}

	/** The reminder interval in words: 每日只催报一次, or N日内只催报一次. */
	private String interval(Line l) {
		int days = rules.intValue(StatutoryRule.STATISTICS_REMINDER_INTERVAL, l.regionCode());
		return days == 1 ? "每日只催报一次" : days + "日内只催报一次";
	}

	/**
	 * The reminders an enterprise has received, newest first, each saying whether the report it asked for stands filed
	 * — by the rule 报送进度 counts a reporter received ({@link Line#received}): approved once, or its latest revision
	 * sent and not handed back. A report submitted once and then returned (已退回) is owed again, so its reminder is
	 * not marked 已报送 (it was, from the first submission on, whatever happened after).
	 */
	public List<Reminder> reminders(long enterpriseId) {
		return jdbc.sql("SELECT f.name, m.period, m.sent_at, m.sent_by, " + STANDING + """
				FROM stat_reminder m
				JOIN stat_form f ON f.id = m.form_id WHERE m.enterprise_id = :id ORDER BY m.sent_at DESC LIMIT 20""")
			.param("id", enterpriseId)
			.query((rs, n) -> new Reminder(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
					standing(rs.getString(5), rs.getBoolean(6))))
			.list();
	}

	/**
	 * Whether an enterprise's report of a form's period stands filed, by the rule 报送进度 counts a reporter received
	 * ({@link Line#received}) and the portal marks a reminder 已报送 ({@link #reminders}): approved once, or its latest
	 * revision sent and not handed back. Read when a report is filed or returned, to mark the period's 催报 done or open
	 * again by where the report stands now — whichever of two such steps close together is told last.
	 */
	public boolean filed(long enterpriseId, long formId, String period) {
		return jdbc.sql("SELECT " + STANDING + """
				FROM (SELECT CAST(:form AS bigint) AS form_id, CAST(:enterprise AS bigint) AS enterprise_id,
				             CAST(:period AS varchar) AS period) m""")
			.param("form", formId)
			.param("enterprise", enterpriseId)
			.param("period", period)
			.query((rs, n) -> standing(rs.getString(1), rs.getBoolean(2)))
			.single();
	}

	/**
	 * The columns {@code latest} (the newest revision's status, null when none) and {@code approved} (any revision
	 * approved) of the report a row {@code m} (form_id, enterprise_id, period) names.
	 */
	private static final String STANDING = """
			(SELECT r.status FROM stat_report r WHERE r.form_id = m.form_id AND r.enterprise_id = m.enterprise_id
			        AND r.period = m.period ORDER BY r.revision DESC LIMIT 1) AS latest,
			       EXISTS (SELECT 1 FROM stat_report a WHERE a.form_id = m.form_id AND a.enterprise_id = m.enterprise_id
			               AND a.period = m.period AND a.status IN ('APPROVED', 'SUPERSEDED')) AS approved
			""";

	private static boolean standing(String latest, boolean approved) {
		return Line.standing(latest == null ? null : ReportStatus.valueOf(latest), approved);
	}
}
