package org.youguan.enforcement.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.enforcement.LeadSource;
import org.youguan.enforcement.Leads;
import org.youguan.enforcement.Penalty;
import org.youguan.enforcement.PenaltyCases.Instalment;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Wording;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.rules.ViolationType;

/**
 * The enforcement figures behind the headline numbers ({@code EnforcementFigures}), for the figures page and its
 * export: 及时立案 (行政处罚法(2021) art.54: days from a lead's receipt to the decision on it — filed or not — against
 * the configurable warning {@link StatutoryRule#PENALTY_LEAD_FILING_WARNING}, and open leads already past it), cases by
 * violation type, leads by source, and the on-time rate of each step whose deadline has come: the decision within its
 * limit (90 + 30 days, pauses excluded), delivery within 7 days (art.61), payment within the days the decision fixed
 * (art.67) or by the approved deferral's day — with instalments, every instalment by its own day (art.66) —, the
 * handover of confiscated gains within the period the decision fixed (art.74, {@code penalty.confiscation-handover};
 * unhanded past it counts as late) and publication within the configured working days from delivery (双公示). A
 * decision since revoked or confirmed invalid ({@code DecisionOutcomes}) counts as a decision made, but its fine is not
 * in the fines and nothing of it is due to be paid or handed over. Imported cases count by type; they have no clock. A case
 * counts as 立案 as {@code casesFiled} counts it: an on-the-spot decision (简易程序) is decided, never filed.
 */
@Component
class EnforcementBreakdown {

	/**
	 * One line of the breakdown: the group and item, how many, how many on time (null where time does not apply), the
	 * rate in % (null without a count), fines (¥, null where none apply) and the average days (null where none apply).
	 * @param item the item in Chinese
	 * @param words the item as the page and the export word it in the reader's language: a sentence of the bundle
	 * ({@link Wording}, {@code enforcement.breakdown.*}) or a choice (a lead's source)
	 */
	public record Line(Group group, String item, long count, Long onTime, BigDecimal rate, BigDecimal fines,
			BigDecimal averageDays, Object words) {
	}

	/** Everything the page shows. */
	public record Breakdown(List<Line> filing, int warningDays, List<Line> byViolation, List<Line> bySource,
			List<Line> steps) {

		/** All lines, for the export. */
		public List<Line> all() {
			List<Line> all = new ArrayList<>(filing);
			all.addAll(byViolation);
			all.addAll(bySource);
			all.addAll(steps);
			return all;
		}
	}

	/**
	 * The group of a line: what the page and the export head it with ({@link #label}, in the page's language through
	 * the bundle's {@code enum.EnforcementBreakdown.Group.*}). A page tells one group from another by the constant, never
	 * by its wording.
	 */
	public enum Group {

		FILING("及时立案"), VIOLATION("按违法行为"), SOURCE("按线索来源"), STEPS("各环节按期率");

		private final String label;

		Group(String label) {
			this.label = label;
		}

		/** The group's Chinese heading, as the export's 分组 column writes it. */
		public String label() {
			return label;
		}
	}

	static final Group FILING = Group.FILING;

	static final Group VIOLATION = Group.VIOLATION;

	static final Group SOURCE = Group.SOURCE;

	static final Group STEPS = Group.STEPS;

	record LeadDecision(String regionCode, LocalDate receivedOn, LocalDate decidedOn) {
	}

	record ViolationRow(ViolationType violationCode, long filed, long decided, BigDecimal fines) {
	}

	record SourceRow(LeadSource source, long received, long filed) {
	}

	record StepRow(long id, String regionCode, Penalty penalty, LocalDate decidedOn, LocalDate decisionDueOn,
			LocalDate deliveredOn, LocalDate paidOn, LocalDate publishedOn, Integer paymentDays, LocalDate deferredUntil,
			String partyKind, BigDecimal confiscated, LocalDate handedOverOn, Integer handoverDays, BigDecimal fine,
			String procedureKind, LocalDate deliveryDoneOn) {
	}

	/** An instalment of a fine paid in instalments: its own day, and the day it was paid (null while unpaid). */
	record InstalmentRow(long caseId, LocalDate dueOn, LocalDate paidOn) {
	}

	private final JdbcClient jdbc;

	private final StatutoryRules rules;

	private final WorkingCalendar calendar;

	private final Clock clock;

	EnforcementBreakdown(JdbcClient jdbc, StatutoryRules rules, WorkingCalendar calendar, Clock clock) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * The breakdown of days {@code from} … {@code to} in the region {@code prefix} ("" for the whole country, checked
	 * by {@code FiguresQuery}) and the caller's scope.
	 */
	Breakdown breakdown(DataScope scope, String prefix, LocalDate from, LocalDate to) {
		String region = RegionPrefix.of(prefix).predicate("c.region_code") + " AND " + scope.regionPredicate("c.region_code");
		// a lead by the region handling it (Leads.HANDLING_REGION_SQL), as it is seen, queued and counted in the figures
		String leadRegion = RegionPrefix.of(prefix).predicate(Leads.HANDLING_REGION_SQL) + " AND "
				+ scope.regionPredicate(Leads.HANDLING_REGION_SQL);
		String handled = Leads.HANDLING_REGION_SQL + " AS region_code";
		LocalDate today = LocalDate.now(clock);
		Map<String, Map<StatutoryRule, BigDecimal>> values = new HashMap<>();
		Function<String, Function<StatutoryRule, BigDecimal>> catalogueOf = code -> rule -> values
			.computeIfAbsent(code, c -> new HashMap<>()).computeIfAbsent(rule, r -> rules.value(r, code));
		Map<String, CaseClock> clocks = new HashMap<>();
		Function<String, CaseClock> clockOf = code -> clocks.computeIfAbsent(code, c -> new CaseClock(Days.of(calendar),
				catalogueOf.apply(c)));
		int warningDays = rules.intValue(StatutoryRule.PENALTY_LEAD_FILING_WARNING, prefix.isEmpty() ? "0" : prefix);

		List<LeadDecision> decided = jdbc.sql("SELECT " + handled + ", l.received_on, coalesce(c.filed_on, l.closed_on) AS decided_on "
				+ Leads.FROM_WITH_ENTERPRISE + " LEFT JOIN penalty_case c ON c.id = l.case_id"
				+ " WHERE l.status IN ('FILED', 'CLOSED') AND coalesce(c.filed_on, l.closed_on) BETWEEN :from AND :to AND "
				+ leadRegion).param("from", from).param("to", to).query(Rows.of(LeadDecision.class)).list();
		long onTime = decided.stream()
			.filter(d -> !d.decidedOn().isAfter(clockOf.apply(d.regionCode()).leadFilingWarning(d.receivedOn())))
			.count();
		BigDecimal average = decided.isEmpty() ? null : BigDecimal.valueOf(decided.stream()
			.mapToLong(d -> ChronoUnit.DAYS.between(d.receivedOn(), d.decidedOn()))
			.sum()).divide(BigDecimal.valueOf(decided.size()), 1, RoundingMode.HALF_UP);
		List<LeadDecision> open = jdbc.sql("SELECT " + handled + ", l.received_on, CAST(NULL AS date) AS decided_on "
				+ Leads.FROM_WITH_ENTERPRISE + " WHERE l.status IN ('OPEN', 'PROPOSED') AND " + leadRegion).query(Rows.of(LeadDecision.class)).list();
		long late = open.stream().filter(d -> today.isAfter(clockOf.apply(d.regionCode()).leadFilingWarning(d.receivedOn())))
			.count();
		List<Line> filing = List.of(new Line(FILING, "期间内研判完毕的线索（立案或不予立案）", decided.size(), onTime,
				rate(onTime, decided.size()), null, average, Wording.of("enforcement.breakdown.filingDecided")),
				new Line(FILING, "尚未研判且已超过预警天数的线索", late, null, null, null, null,
						Wording.of("enforcement.breakdown.filingLate")));

		List<Line> byViolation = jdbc.sql("""
				SELECT c.violation_code,
				       count(*) FILTER (WHERE c.filed_on BETWEEN :from AND :to AND c.procedure_kind <> 'SIMPLE') AS filed,
				       count(*) FILTER (WHERE c.decided_on BETWEEN :from AND :to AND c.penalty IS NOT NULL) AS decided,
				       coalesce(sum(c.fine) FILTER (WHERE c.decided_on BETWEEN :from AND :to
				           AND c.decision_annulled_on IS NULL), 0) AS fines
				FROM penalty_case c
				WHERE (c.filed_on BETWEEN :from AND :to OR c.decided_on BETWEEN :from AND :to) AND\s""" + region
				+ " GROUP BY c.violation_code ORDER BY c.violation_code")
			.param("from", from).param("to", to).query(Rows.of(ViolationRow.class)).list().stream()
			.flatMap(r -> List.of(new Line(VIOLATION, r.violationCode().shortName() + " · 立案", r.filed(), null, null, null, null,
					Wording.of("enforcement.breakdown.violationFiled", r.violationCode())),
					new Line(VIOLATION, r.violationCode().shortName() + " · 作出处罚决定", r.decided(), null, null, r.fines(), null,
							Wording.of("enforcement.breakdown.violationDecided", r.violationCode())))
				.stream())
			.toList();

		List<Line> bySource = jdbc.sql("""
				SELECT l.source, count(*) AS received, count(*) FILTER (WHERE l.status = 'FILED') AS filed
				""" + Leads.FROM_WITH_ENTERPRISE + " WHERE l.received_on BETWEEN :from AND :to AND " + leadRegion
				+ " GROUP BY l.source ORDER BY l.source")
			.param("from", from).param("to", to).query(Rows.of(SourceRow.class)).list().stream()
			.map(r -> new Line(SOURCE, r.source().label(), r.received(), r.filed(), rate(r.filed(), r.received()), null, null,
					r.source()))
			.toList();

		String decidedCases = "FROM penalty_case c WHERE NOT c.imported AND c.decided_on BETWEEN :from AND :to AND " + region;
		List<StepRow> steps = jdbc.sql("""
				SELECT c.id, c.region_code, c.penalty, c.decided_on, c.decision_due_on, c.delivered_on, c.paid_on,
				       c.published_on, c.payment_days, c.handover_days, c.procedure_kind,
				       COALESCE(c.delivery_published_on, c.delivered_on) AS delivery_done_on,\s""" + Execution.FINE_SQL + """
				        AS fine,
				       CASE c.payment_arrangement WHEN 'DEFERRAL' THEN c.payment_deferred_until END AS deferred_until,
				       c.party_kind,\s""" + Execution.CONFISCATED_SQL + " AS confiscated,"
				+ " (SELECT h.handed_over_on FROM penalty_case_handover h WHERE h.case_id = c.id) AS handed_over_on "
				+ decidedCases)
			.param("from", from).param("to", to).query(Rows.of(StepRow.class)).list();
		Map<Long, List<InstalmentRow>> instalments = jdbc.sql("""
				SELECT i.case_id, i.due_on, i.paid_on FROM penalty_case_instalment i
				WHERE i.case_id IN (SELECT c.id\s""" + decidedCases + ") ORDER BY i.case_id, i.position")
			.param("from", from).param("to", to).query(Rows.of(InstalmentRow.class)).list().stream()
			.collect(Collectors.groupingBy(InstalmentRow::caseId));
		long[] counts = new long[10];
		for (StepRow s : steps) {
			// the terms the decision fixed on the case (its days to pay), applied as the case page applies them
			CaseClock caseClock = new CaseClock(Days.of(calendar), CaseClock.fixedBy(
					new CaseClock.Terms(s.paymentDays(), s.handoverDays(), null, null, null), catalogueOf.apply(s.regionCode())));
			// the decision limit is the ordinary procedure's (90 + 30 days): an on-the-spot decision has none to keep
			count(counts, 0, !"SIMPLE".equals(s.procedureKind()), s.decisionDueOn() == null || !s.decidedOn().isAfter(s.decisionDueOn()));
			if (s.penalty() == null) {
				continue;
			}
			LocalDate deliveryDue = caseClock.deliveryDue(s.decidedOn());
			// judged by the day the service was done: a public notice published in time is a timely service, though
			// deemed served thirty days later (民事诉讼法(2023) art.95)
			count(counts, 2, s.deliveredOn() != null || today.isAfter(deliveryDue),
					s.deliveryDoneOn() != null && !s.deliveryDoneOn().isAfter(deliveryDue));
			List<InstalmentRow> parts = instalments.get(s.id());
			if (s.fine() != null && s.deliveredOn() != null && parts != null) {
				// instalments (art.66): each on its own last day (FinePayments, as the 加处罚款 runs) — one paid late, or
				// unpaid past its day, makes the payment late even when the last is on time; on time once every one was
				// paid by its day
				boolean instalmentLate = FinePayments.instalmentsLate(parts.stream()
					.map(i -> new Instalment(0, i.dueOn(), null, i.paidOn(), null, null)).toList(), caseClock, today);
				count(counts, 4, s.paidOn() != null || instalmentLate, !instalmentLate);
			}
			else if (s.fine() != null && s.deliveredOn() != null) {
				// a deferral the head approved moves the deadline: paid by its last day is paid on time
				LocalDate paymentDue = s.deferredUntil() != null ? caseClock.lastDayToPay(s.deferredUntil())
						: caseClock.paymentDue(s.deliveredOn());
				boolean paidLate = FinePayments.late(paymentDue, s.paidOn(), today);
				count(counts, 4, s.paidOn() != null || paidLate, s.paidOn() != null && !paidLate);
			}
			if (s.confiscated() != null && s.deliveredOn() != null) {
				// confiscated gains handed over within the period the decision fixed (no 加处罚款, art.72 is for fines)
				LocalDate handoverDue = caseClock.handoverDue(s.deliveredOn());
				count(counts, 8, s.handedOverOn() != null || today.isAfter(handoverDue),
						s.handedOverOn() != null && !s.handedOverOn().isAfter(handoverDue));
			}
			if ("PERSON".equals(s.partyKind()) || s.deliveredOn() == null) {
				// a decision against a natural person is never published (personal information), one not yet delivered
				// not yet (it takes effect on delivery, art.61): neither is due
				continue;
			}
			LocalDate publicationDue = caseClock.publicationDue(s.deliveredOn());
			count(counts, 6, s.publishedOn() != null || today.isAfter(publicationDue),
					s.publishedOn() != null && !s.publishedOn().isAfter(publicationDue));
		}
		List<Line> stepLines = List.of(step("作出决定（办案期限内）", "decided", counts, 0),
				step("送达决定书（送达期限内）", "delivered", counts, 2), step("缴纳罚款（缴款期限内，分期的逐期按期）", "paid", counts, 4),
				step("没收违法所得上缴（上缴期限内）", "handedOver", counts, 8), step("公示处罚决定（公示期限内）", "published", counts, 6));
		return new Breakdown(filing, warningDays, byViolation, bySource, stepLines);
	}

	private static void count(long[] counts, int at, boolean due, boolean onTime) {
		if (due) {
			counts[at]++;
			if (onTime) {
				counts[at + 1]++;
			}
		}
	}

	/** A step's line: its item in Chinese and by the key {@code enforcement.breakdown.step.<key>}. */
	private static Line step(String item, String key, long[] counts, int at) {
		return new Line(STEPS, item, counts[at], counts[at + 1], rate(counts[at + 1], counts[at]), null, null,
				Wording.of("enforcement.breakdown.step." + key));
	}

	private static BigDecimal rate(long part, long whole) {
		return Percentages.rate(part, whole, 1);
	}
}
