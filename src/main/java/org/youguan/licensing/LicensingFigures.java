package org.youguan.licensing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Wording;
import org.youguan.registry.Licences;
import org.youguan.rules.RuleUnit;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The licensing figures of a period and region, as a bureau's report states them ("受理许可及分支机构初审100家次，现场核查企业
 * 42家，通过24家"), with the time each step took, how often it kept its limit, the licences about to expire and the
 * 年度报告 filed.
 */
@Service
public class LicensingFigures {

	/**
	 * The period's figures (stable contract of {@code GET /api/v1/licensing/figures}: the first six keys never change;
	 * the others were added after).
	 * @param received applications received in the period (imported ones included)
	 * @param preliminaryReviews 初审家次: each application reviewed in the period counts once, and once more for every
	 * branch it includes
	 * @param onSiteVerifications 现场核查: distinct enterprises verified on site in the period
	 * @param approved applications approved in the period
	 * @param refused applications refused in the period
	 * @param averageDecisionDays average calendar days from acceptance to the decision, less paused days, of the
	 * applications decided in the period (null when none)
	 * @param annualReportsFiled 年度报告 filed in the period
	 * @param annualReportsLate of those, the ones filed after their window
	 * @param licencesExpiringIn90Days licences in force in the region whose last valid day is today or within the 90
	 * days after (the registry's records); a licence already past its expiry and in force only as deemed renewed (视为准予
	 * 延续, 行政许可法(2019) art.50) is not expiring — its renewal is to be approved — and is not counted
	 * @param steps the time each step took and its on-time rate
	 */
	public record Figures(long received, long preliminaryReviews, long onSiteVerifications, long approved, long refused,
			BigDecimal averageDecisionDays, long annualReportsFiled, long annualReportsLate, long licencesExpiringIn90Days,
			List<StepFigures> steps) {
	}

	/**
	 * One step of the procedure over the period.
	 * @param step RECEIPT (收到 → 补正通知 or 受理/不予受理; limit {@link StatutoryRule#LICENCE_MISSING_MATERIALS_NOTICE}),
	 * REVIEW (受理 → 初审; no statutory limit), VERIFICATION (受理 → 现场核查; limit
	 * {@link StatutoryRule#LICENCE_SITE_VERIFICATION_REPORT}, configurable) or DECISION (受理 → 决定; limit
	 * {@link StatutoryRule#LICENCE_DECISION} less pauses)
	 * @param label the step, its limit as the rule catalogue has it in the region counted (value, unit, citation) and the
	 * unit its average is counted in
	 * @param count the steps completed in the period (imported applications left out: their dates are not the clock's)
	 * @param averageWorkingDays their average length in working days (null when none)
	 * @param onTime how many kept the limit (null for a step without one)
	 * @param onTimeRate {@code onTime} of {@code count} in percent, one decimal (null when none or no limit)
	 * @param averageDays their average length in the unit of the step's limit in the rule catalogue (null when none):
	 * calendar days for a limit in days (DECISION — less the paused days, each once, as its limit), else working
	 * days
	 * @param dayUnit the unit of {@code averageDays}: CALENDAR_DAYS or WORKING_DAYS
	 * @param dayUnitLabel that unit in Chinese: 日 or 工作日
	 * @param words {@code label} as a bundle key with its values ({@code licensing.figures.stepLimit}: the step's name,
	 * the limit's value and unit, its citation in Chinese and in English, the unit averaged), for a page or sheet in
	 * English; not in the API's answer, which keeps the Chinese label
	 */
	public record StepFigures(String step, String label, long count, BigDecimal averageWorkingDays, Long onTime,
			BigDecimal onTimeRate, BigDecimal averageDays, RuleUnit dayUnit, String dayUnitLabel, @JsonIgnore Wording words) {

		/** The unit of {@code averageDays} as a bundle key ({@code licensing.figures.dayUnit.*}: 日/days, 工作日/working days). */
		@JsonIgnore
		public Wording dayUnitWords() {
			return Wording.of("licensing.figures.dayUnit." + dayUnit.name());
		}
	}

	/** The base figures as one query counts them. */
	record Base(long received, long preliminaryReviews, long onSiteVerifications, long approved, long refused,
			BigDecimal averageDecisionDays, long annualReportsFiled, long annualReportsLate) {
	}

	/**
	 * One completed step: its start, its end, its limit (null: none), whether the law took it as late anyway and the days
	 * its clock was paused (the decision's only).
	 */
	record Span(LocalDate started, LocalDate ended, LocalDate due, boolean late, long paused) {
	}

	/**
	 * The days application {@code a}'s decision clock was paused from its acceptance, as the clock counts them
	 * ({@code LicensingClock}): from the day a pause began to the day before it ended — none for one resumed the day it
	 * began —, each day once however many pauses it had.
	 */
	private static final String PAUSED_DAYS = "(SELECT count(DISTINCT d.day) FROM licence_application_suspension s,"
			+ " generate_series(s.started_on, s.ended_on - 1, interval '1 day') AS d(day)"
			+ " WHERE s.application_id = a.id AND s.ended_on IS NOT NULL AND d.day >= a.accepted_on)";

	private final JdbcClient jdbc;

	private final WorkingCalendar calendar;

	private final Licences licences;

	private final Clock clock;

	private final StatutoryRules rules;

	LicensingFigures(JdbcClient jdbc, WorkingCalendar calendar, Licences licences, Clock clock, StatutoryRules rules) {
		this.rules = rules;
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.licences = licences;
		this.clock = clock;
	}

	/**
	 * The figures of days {@code from} … {@code to} in the region {@code prefix} ("" for the whole country) and the
	 * caller's scope (the premises' region).
	 */
	public Figures figures(DataScope scope, String prefix, LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("from", from);
		params.put("to", to);
		RegionPrefix region = RegionPrefix.of(prefix);
		String base = "FROM licence_application a WHERE " + region.predicate("a.region_code") + " AND "
				+ scope.enterprisePredicate("a.applicant_credit_code", "a.region_code");
		String reports = "FROM annual_report r WHERE " + region.predicate("r.region_code") + " AND "
				+ scope.enterprisePredicate("r.credit_code", "r.region_code") + " AND r.filed_on BETWEEN :from AND :to";
		String decided = base + " AND a.decided_on BETWEEN :from AND :to";
		Base b = jdbc.sql("SELECT (SELECT count(*) " + base + " AND a.submitted_on BETWEEN :from AND :to) AS received,"
				+ " (SELECT coalesce(sum(1 + (SELECT count(*) FROM licence_application_branch b WHERE b.application_id = a.id)), 0) "
				+ base + " AND a.reviewed_on BETWEEN :from AND :to) AS preliminary_reviews,"
				+ " (SELECT count(DISTINCT a.applicant_credit_code) " + base + " AND a.verified_on BETWEEN :from AND :to) AS on_site_verifications,"
				+ " (SELECT count(*) " + decided + " AND a.decision = 'APPROVED') AS approved,"
				+ " (SELECT count(*) " + decided + " AND a.decision = 'REFUSED') AS refused,"
				+ " (SELECT round(avg(a.decided_on - a.accepted_on - " + PAUSED_DAYS + "), 1) "
				+ decided + " AND a.accepted_on IS NOT NULL) AS average_decision_days,"
				+ " (SELECT count(*) " + reports + ") AS annual_reports_filed,"
				+ " (SELECT count(*) " + reports + " AND r.late) AS annual_reports_late")
			.params(params)
			.query(Rows.of(Base.class))
			.single();
		String own = base + " AND NOT a.imported";
		List<StepFigures> steps = new ArrayList<>();
		String ruleRegion = region.code().isEmpty() ? StatutoryRule.NATIONAL_REGION : region.code();
		steps.add(step("RECEIPT", limit("受理或补正告知", "RECEIPT", StatutoryRule.LICENCE_MISSING_MATERIALS_NOTICE, "", ruleRegion), spans("""
				SELECT a.submitted_on AS started, coalesce(a.correction_notified_on, a.accepted_on, a.not_accepted_on) AS ended,
				       a.receipt_due_on AS due, a.accepted_by_law AS late, 0 AS paused """ + " " + own
				+ " AND coalesce(a.correction_notified_on, a.accepted_on, a.not_accepted_on) BETWEEN :from AND :to", params)));
		steps.add(step("REVIEW", new Limit(null, "初审（无法定时限", null), spans("SELECT a.accepted_on AS started, a.reviewed_on AS ended, "
				+ "CAST(NULL AS date) AS due, false AS late, 0 AS paused "
				+ own + " AND a.accepted_on IS NOT NULL AND a.reviewed_on BETWEEN :from AND :to", params)));
		steps.add(step("VERIFICATION", limit("现场核查", "VERIFICATION", StatutoryRule.LICENCE_SITE_VERIFICATION_REPORT, "", ruleRegion), spans("""
				SELECT a.accepted_on AS started, a.verified_on AS ended, a.verification_due_on AS due, false AS late, 0 AS paused """
				+ " " + own
				+ " AND a.accepted_on IS NOT NULL AND a.verified_on BETWEEN :from AND :to", params)));
		steps.add(step("DECISION", limit("许可决定", "DECISION", StatutoryRule.LICENCE_DECISION, "，中止期间不计", ruleRegion), spans("""
				SELECT a.accepted_on AS started, a.decided_on AS ended, a.decision_due_on AS due, false AS late, """ + PAUSED_DAYS
				+ " AS paused " + own
				+ " AND a.accepted_on IS NOT NULL AND a.decided_on BETWEEN :from AND :to", params)));
		LocalDate today = LocalDate.now(clock);
		long expiring = licences.inForceOn(scope, today).stream()
			.filter(l -> region.contains(l.regionCode()) && !l.pastExpiry(today) && !l.expiresOn().isAfter(today.plusDays(90)))
			.count();
		return new Figures(b.received(), b.preliminaryReviews(), b.onSiteVerifications(), b.approved(), b.refused(),
				b.averageDecisionDays(), b.annualReportsFiled(), b.annualReportsLate(), expiring, steps);
	}

	/**
	 * A step's limit: its rule (null: none) and the step's name with the limit as the rule catalogue has it where the
	 * figures are counted, left open for {@link #step} to close ("受理或补正告知（5个工作日，行政许可法(2019) 第32条").
	 */
	private record Limit(StatutoryRule rule, String label, Wording words) {
	}

	/**
	 * The limit of rule {@code rule} named after step {@code name}: the value that applies in {@code ruleRegion}, its
	 * unit and its citation with the text's version — a rule changed changes the label.
	 * @param note said after the period ("，中止期间不计"), or ""
	 */
	private Limit limit(String name, String step, StatutoryRule rule, String note, String ruleRegion) {
		BigDecimal value = rules.value(rule, ruleRegion);
		return new Limit(rule, name + "（" + rules.stated(rule, ruleRegion) + note + "，" + rule.basis(),
				Wording.of("licensing.figures.stepLimit", Wording.of("licensing.figures.stepName." + step),
						rule.unit().figures(value), rule.unit(), note.isEmpty() ? "" : Wording.of("licensing.figures.stepNote." + step),
						rule.basis(), rule.basisEnglish()));
	}

	private List<Span> spans(String sql, Map<String, Object> params) {
		return jdbc.sql(sql).params(params).query(Rows.of(Span.class)).list();
	}

	/**
	 * The figures of one step from its completed {@code spans}: the average counted in the unit of its limit's rule
	 * (none: working days) — calendar days, less the paused days, for a limit in days; working days otherwise —, named
	 * at the end of the limit's label.
	 */
	private StepFigures step(String step, Limit limit, List<Span> spans) {
		String label = limit.label();
		boolean calendarDays = limit.rule() != null && limit.rule().unit() == RuleUnit.CALENDAR_DAYS;
		RuleUnit unit = calendarDays ? RuleUnit.CALENDAR_DAYS : RuleUnit.WORKING_DAYS;
		String unitLabel = calendarDays ? "日" : "工作日";
		String named = label + "；平均用时按" + (calendarDays ? "日历日" : "工作日") + "计）";
		Wording averaged = Wording.of("licensing.figures.averaged." + unit.name());
		Wording words = limit.words() == null
				? Wording.of("licensing.figures.stepOpen", Wording.of("licensing.figures.stepName." + step), averaged)
				: Wording.of(limit.words().key(), append(limit.words().arguments(), averaged));
		if (spans.isEmpty()) {
			return new StepFigures(step, named, 0, null, null, null, null, unit, unitLabel, words);
		}
		long days = 0;
		long own = 0;
		long limited = 0;
		long onTime = 0;
		for (Span s : spans) {
			long working = Math.max(0, calendar.workingDaysBetween(s.started(), s.ended()));
			days += working;
			own += calendarDays ? Math.max(0, ChronoUnit.DAYS.between(s.started(), s.ended()) - s.paused()) : working;
			if (s.due() != null) {
				limited++;
				if (!s.late() && !s.ended().isAfter(s.due())) {
					onTime++;
				}
			}
		}
		BigDecimal average = BigDecimal.valueOf(days).divide(BigDecimal.valueOf(spans.size()), 1, RoundingMode.HALF_UP);
		BigDecimal averageDays = BigDecimal.valueOf(own).divide(BigDecimal.valueOf(spans.size()), 1, RoundingMode.HALF_UP);
		return limited == 0 ? new StepFigures(step, named, spans.size(), average, null, null, averageDays, unit, unitLabel, words)
				: new StepFigures(step, named, spans.size(), average, onTime,
						Percentages.rate(onTime, limited, 1),
						averageDays, unit, unitLabel, words);
	}

	private static Object[] append(List<Object> values, Object last) {
		List<Object> all = new ArrayList<>(values);
		all.add(last);
		return all.toArray();
	}
}
