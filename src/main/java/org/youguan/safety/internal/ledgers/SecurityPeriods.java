package org.youguan.safety.internal.ledgers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Listing.Masked;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.platform.ChinaTime;
import org.youguan.region.Regions;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.safety.ParcelRecord;

/**
 * 重大活动寄递安保期 (the security period of a summit, 双11 …; the bureau's notice of the event — not
 * 快递暂行条例(2025) art.35, which is about waybills and user data): a region, first and last day, and its rules
 * (100 % 过机, daily reporting, others as text). Every enterprise of the region (registry, status 正常) files a daily
 * report for each day of it — parcels taken in, parcels screened, issues; under 100 % 过机 fewer screened than taken
 * in must be explained in the issues. The bureau's summary lists per day reported/expected enterprises, the totals
 * and the 过机率, and the enterprises whose report is missing. Staff see periods inside their region and those
 * covering it; an enterprise the periods covering its region and only its own reports. Every change is audited
 * ({@code safety.period.*}).
 */
@Service
public class SecurityPeriods {

	/** What staff reporting a period's day are told: the enterprise reports it. */
	static final String REPORT_REFUSAL = "安保期日报由寄递企业报送";

	/** What an enterprise asking to cancel a period is told: the bureau cancels it. */
	static final String CANCEL_REFUSAL = "寄递安保期由邮政管理部门撤销";

	static final String AUDIT_TYPE = "SafetySecurityPeriod";

	/** The most parcels (收寄量, 过机安检量) one day's report may count: 10亿件; more is a typing error. */
	static final long MAX_PARCELS = 1_000_000_000L;

	private static final Map<String, String> SORTS = Map.of("starts_on", "p.starts_on", "name", "p.name", "region",
			"p.region_code");

	private static final String SELECT = """
			SELECT p.id, p.name, p.region_code, (SELECT r.name FROM region_name r WHERE r.code = p.region_code) AS region_name,
			    p.starts_on, p.ends_on, p.full_screening, p.daily_reporting, p.other_rules,
			    (:today BETWEEN p.starts_on AND p.ends_on AND p.cancelled_at IS NULL) AS active, p.cancelled_at,
			    p.cancelled_by, p.cancel_reason, CAST(p.created_at AT TIME ZONE 'Asia/Shanghai' AS date) AS declared_on""";

	/** What a period is called after 本 in the owner rule's refusal. */
	static final String NOUN = "寄递安保期";

	/** The periods' table, for the owner rule ({@link Corrections#requireOwn}). */
	static final String TABLE = "safety_security_period";

	private final Corrections corrections;

	private final JdbcClient jdbc;

	private final Enterprises enterprises;

	private final Regions regions;

	private final AuditTrail audit;

	private final StatutoryRules rules;

	private final Clock clock;

	SecurityPeriods(JdbcClient jdbc, Enterprises enterprises, Regions regions, AuditTrail audit, StatutoryRules rules,
			Clock clock, Corrections corrections) {
		this.corrections = corrections;
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.regions = regions;
		this.audit = audit;
		this.rules = rules;
		this.clock = clock;
	}

	/**
	 * A page of the periods the caller sees (newest first by default), searched by name; {@code activeOnly} keeps those
	 * covering today and not cancelled. Every ID and mobile number in their free text masked ({@link PeriodView#masked}).
	 */
	public PageResult<PeriodView> list(DataScope scope, boolean activeOnly, PageQuery page) {
		return Listing.from("FROM safety_security_period p")
			.where(visible(scope))
			.where(activeOnly, ":today BETWEEN p.starts_on AND p.ends_on AND p.cancelled_at IS NULL", "today",
					LocalDate.now(clock))
			.bind("today", LocalDate.now(clock))
			.search(page, jdbc, "p.id", List.of(Masked.numbers("p.name")))
			.sorts(SORTS, "starts_on", true, "p.id")
			.page(jdbc, SELECT, page, Rows.of(PeriodView.class))
			.map(PeriodView::masked);
	}

	/**
	 * One period the caller sees.
	 * @throws DomainException not found (404) otherwise
	 */
	public PeriodView get(DataScope scope, long id) {
		return jdbc.sql(SELECT + " FROM safety_security_period p WHERE p.id = :id AND " + visible(scope))
			.param("id", id)
			.param("today", LocalDate.now(clock))
			.query(Rows.of(PeriodView.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("寄递安保期", id));
	}

	/**
	 * Refuses a second period for one event: a period of the same region, not cancelled, whose name is this one under
	 * the name key of {@link Text#enterpriseNameKey} (its SQL twin {@code enterprise_name_key}: full-width letters and
	 * digits, spaces, invisible characters, punctuation and quotation marks aside, A–Z as a–z, traditional characters as
	 * simplified — “双11” is 双11, 進博會 is 进博会; the company-form rules of that key never meet a period's name) and whose
	 * days overlap these — a double-submitted form would owe every enterprise of the region two daily reports a day.
	 * The same name in another year (双11 every November) and another event overlapping in the same region pass. Two
	 * requests at once are ordered by a transaction lock on the region (the rule is no equality a unique index holds).
	 * @throws DomainException duplicate (409, field {@code name}) naming the period already declared
	 */
	private void refuseTwin(String region, String name, LocalDate from, LocalDate to) {
		TransactionLocks.hold(jdbc, "safety_security_period:" + region);
		record Twin(long id, String name, LocalDate startsOn, LocalDate endsOn) {
		}
		jdbc.sql("""
				SELECT id, name, starts_on, ends_on FROM safety_security_period
				WHERE region_code = :region AND cancelled_at IS NULL
				    AND enterprise_name_key(name) = enterprise_name_key(:name)
				    AND starts_on <= :to AND ends_on >= :from
				ORDER BY id LIMIT 1""")
			.param("region", region).param("name", name).param("from", from).param("to", to)
			.query(Rows.of(Twin.class)).optional()
			.ifPresent(t -> {
				throw DomainException.duplicate("name", Wording.of("safety.refusal.periodTwice", t.name(), t.startsOn(), t.endsOn()),
						"该区域已有名称为“" + t.name() + "”的寄递安保期（" + ChineseText.day(t.startsOn()) + "至"
						+ ChineseText.day(t.endsOn()) + "），与本次日期重叠：同一区域、同一名称（全角半角、空格、标点引号、繁简体不同也视为同名）且日期重叠的安保期不能重复设立");
			});
	}

	/**
	 * Declares a period (staff): name (required, ≤ 100), region (a region code within the caller's region), first and
	 * last day (last not before first; the first no more than {@code safety.period.start-lookback} days before today
	 * nor {@code safety.period.start-lead} days after it; at most {@code safety.period.max-length} days long — rules
	 * catalogue, settable per bureau), the two rules, other rules (≤ 1000).
	 * @return the new period's id
	 * @throws AccessRefusedException (403) for an enterprise user
	 * @throws InvalidValueException naming every failing field: name, region, startsOn, endsOn, otherRules
	 * @throws DomainException duplicate (409, field name) for a look-alike period of the region on overlapping days
	 */
	@Transactional
	public long create(DataScope scope, PeriodData data, boolean demo) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("region", "寄递安保期由邮政管理部门设立");
		}
		Validation v = new Validation();
		String name = Text.name(Hazards.clean(data.name()));
		v.name("name", "安保期名称", name, 100);
		String region = LedgerRegions.checked(scope, v, regions, data.region(), "安保期所在区域");
		LocalDate from = v.date("startsOn", "开始日期", data.startsOn());
		LocalDate to = v.date("endsOn", "结束日期", data.endsOn());
		v.require("startsOn", data.startsOn() != null && !Text.isBlank(data.startsOn()), "required", "请填写开始日期");
		v.require("endsOn", data.endsOn() != null && !Text.isBlank(data.endsOn()), "required", "请填写结束日期");
		if (from != null && to != null) {
			v.require("endsOn", !to.isBefore(from), "range", "结束日期不能早于开始日期" + ChineseText.day(from));
		}
		// a one-key typo in a year (1950 for 2026) would owe every enterprise of the region reports for decades
		String ruleRegion = v.errors().stream().anyMatch(e -> e.field().equals("region")) || region == null ? null
				: region;
		LocalDate today = LocalDate.now(clock);
		if (from != null) {
			int back = rules.intValue(StatutoryRule.SAFETY_PERIOD_START_LOOKBACK, ruleRegion);
			int lead = rules.intValue(StatutoryRule.SAFETY_PERIOD_START_LEAD, ruleRegion);
			v.require("startsOn", !from.isBefore(today.minusDays(back)), "range", "开始日期不能早于" + ChineseText.day(today.minusDays(back))
					+ "（最多早于今天" + back + "日，规则目录“" + StatutoryRule.SAFETY_PERIOD_START_LOOKBACK.title() + "”）");
			v.require("startsOn", !from.isAfter(today.plusDays(lead)), "range", "开始日期不能晚于" + ChineseText.day(today.plusDays(lead))
					+ "（最多晚于今天" + lead + "日，规则目录“" + StatutoryRule.SAFETY_PERIOD_START_LEAD.title() + "”）");
		}
		if (from != null && to != null && !to.isBefore(from)) {
			int max = rules.intValue(StatutoryRule.SAFETY_PERIOD_MAX_LENGTH, ruleRegion);
			v.require("endsOn", ChronoUnit.DAYS.between(from, to) + 1 <= max, "range", "安保期不能超过" + max
					+ "天（规则目录“" + StatutoryRule.SAFETY_PERIOD_MAX_LENGTH.title() + "”），结束日期最晚为" + ChineseText.day(from.plusDays(max - 1L)));
		}
		String other = Hazards.freeText(data.otherRules());
		v.maxLength("otherRules", "其他要求", other, 1000);
		v.throwIfInvalid();
		refuseTwin(region, name, from, to);
		boolean full = Boolean.TRUE.equals(data.fullScreening());
		boolean daily = Boolean.TRUE.equals(data.dailyReporting());
		long id = jdbc.sql("""
				INSERT INTO safety_security_period (name, region_code, starts_on, ends_on, full_screening, daily_reporting,
				    other_rules, created_at, created_by, bureau_id, demo)
				VALUES (:name, :region, :from, :to, :full, :daily, :other, :at, :by, :bureau, :demo) RETURNING id""")
			.param("name", name)
			.param("region", region)
			.param("from", from)
			.param("to", to)
			.param("full", full)
			.param("daily", daily)
			.param("other", other)
			.param("at", OffsetDateTime.now(clock))
			.param("by", Actor.name())
			.param("bureau", Corrections.recorder())
			.param("demo", demo)
			.query(Long.class)
			.single();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", name);
		state.put("region", region);
		state.put("startsOn", from.toString());
		state.put("endsOn", to.toString());
		state.put("fullScreening", full);
		state.put("dailyReporting", daily);
		state.put("otherRules", other);
		audit.record(AuditEntry.of("safety.period.create", AUDIT_TYPE, id, "设立寄递安保期“" + name + "”：" + ChineseText.day(from) + "至" + ChineseText.day(to))
			.states(null, state)
			.inRegion(region)
			.masked());
		return id;
	}

	/**
	 * An enterprise files (or corrects) its report for one day of a period covering its region: the day within the
	 * period and not after today, parcels ≥ 0, screened between 0 and parcels; under 100 % 过机 fewer screened than
	 * parcels needs the issues explained. A second report of the same day replaces the first explicitly: it is audited
	 * as a correction ({@code safety.period.report.correct}) with the earlier values kept as its before-state and named
	 * in its summary, and the answer says 已更新 with them — never a silent overwrite (attack 32). Two reports of one
	 * day at once wait on a transaction lock, so the later one sees the first and is audited as its correction. The
	 * very same values sent again (a resend) change nothing: no correction, no audit entry, answered 已报送（未变更）.
	 * <p>A day's report is due by the rule catalogue's time limit ({@link #reportDue}, 寄递安保期日报报送时限: by default
	 * 12:00 the next day; a day before the period was declared owes no report ({@link #owed}): its limit is counted from
	 * the day of declaration and it is never 迟报): a first report after it is accepted and marked 迟报 for the bureau (column {@code late}, in
	 * the report list and the audit); a change before it keeps the figures it replaces as the report's history
	 * ({@code safety_period_report_revision}); a change after it is refused (409), the figures the bureau read standing.
	 * @return what was done: filed, or updated with the earlier values
	 * @throws AccessRefusedException (403) for staff: the report is the enterprise's
	 * @throws DomainException not found (404) for a period not covering the enterprise; 409 when it is cancelled, or
	 *         when a day already reported is changed after its time limit
	 * @throws InvalidValueException naming every failing field: day, parcels, screened, issues
	 */
	@Transactional
	public Reported report(DataScope scope, long periodId, PeriodReportData data) {
		return report(scope, periodId, data, List.of());
	}

	/**
	 * As {@link #report(DataScope, long, PeriodReportData)}, continuing the checks the form ran while reading its values
	 * (a count that is no whole number, {@code kernel.FormBinding}): one answer names those fields and every field these
	 * checks refuse, nothing saved while any is.
	 * @param formErrors the form's failures, or an empty list
	 */
	@Transactional
	public Reported report(DataScope scope, long periodId, PeriodReportData data, List<FieldError> formErrors) {
		if (scope.kind() != DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("day", REPORT_REFUSAL);
		}
		PeriodView p = get(scope, periodId);
		if (p.cancelled()) {
			throw DomainException.illegalTransition(Wording.of("safety.refusal.periodCancelled", p.name()),
					"寄递安保期“" + p.name() + "”已撤销，无需报送日报");
		}
		EnterpriseView e = enterprises.findByCreditCode(scope.enterpriseCreditCode())
			.orElseThrow(() -> DomainException.notFound("企业", scope.enterpriseCreditCode()));
		Validation v = Validation.after(formErrors);
		LocalDate today = LocalDate.now(clock);
		LocalDate last = p.endsOn().isBefore(today) ? p.endsOn() : today;
		LocalDate day = v.date("day", "报送日期", data.day(), p.startsOn(), last);
		v.require("day", data.day() != null && !Text.isBlank(data.day()), "required", "请填写报送日期");
		Long parcels = data.parcels();
		Long screened = data.screened();
		v.require("parcels", parcels != null, "required", "请填写收寄量");
		v.require("screened", screened != null, "required", "请填写过机安检量");
		if (parcels != null) {
			v.require("parcels", parcels >= 0 && parcels <= MAX_PARCELS, "range", "收寄量应在0至10亿件之间");
		}
		if (screened != null) {
			v.require("screened", screened >= 0, "range", "过机安检量不能为负数");
			// bounded as the parcels are, also when those are missing (a count beyond the bigint sums is a typing error)
			v.require("screened", screened <= MAX_PARCELS, "range", "过机安检量不能超过10亿件");
		}
		// compared with the parcels only when they are a count (a negative one would read "0 to -5")
		if (parcels != null && parcels >= 0 && screened != null && screened >= 0) {
			v.require("screened", screened <= parcels, "range", "过机安检量不能超过收寄量（" + parcels + "件）");
		}
		String issues = Hazards.freeText(data.issues());
		v.maxLength("issues", "发现问题", issues, 1000);
		if (p.fullScreening() && parcels != null && screened != null && screened < parcels) {
			v.require("issues", issues != null, "required", "安保期要求100%过机安检：过机量少于收寄量时请说明原因");
		}
		v.throwIfInvalid();
		TransactionLocks.hold(jdbc, "safety-period-report:" + periodId + ":" + day + ":" + e.creditCode());
		Map<String, Object> before = reportState(periodId, day, e.creditCode());
		if (before != null && before.get("parcels").equals(parcels) && before.get("screened").equals(screened)
				&& Objects.equals(before.get("issues"), issues)) {
			// the same report sent again (a resend, a double click): nothing changes, so nothing is corrected or audited
			return new Reported(day, false, false, "安保期日报已报送（" + ChineseText.day(day) + "），与已报数值相同，未变更");
		}
		// one rule with the bureau's summary: a day is owed only once the period was declared, so a day before that is
		// due by the time limit counted from the day of declaration and is never 迟报
		OffsetDateTime due = reportDue(owedFrom(day, p.declaredOn()), p.regionCode());
		boolean pastDue = OffsetDateTime.now(clock).isAfter(due);
		boolean late = owed(day, p.declaredOn()) && pastDue;
		String dueText = dueText(due);
		if (before != null && pastDue) {
			// the bureau has read (and summed) the day as reported: figures changed afterwards would rewrite its record
			throw DomainException.illegalTransition(Wording.of("safety.refusal.dailyReportLocked", day, due, StatutoryRule.SAFETY_PERIOD_DAILY_REPORT.title(), before.get("parcels"), before.get("screened")),
					"安保期" + ChineseText.day(day) + "日报的报送时限（" + dueText + "前，规则目录“"
					+ StatutoryRule.SAFETY_PERIOD_DAILY_REPORT.title() + "”）已过，已报的收寄" + before.get("parcels") + "件、过机"
					+ before.get("screened") + "件不能再修改；如数值有误，请联系邮政管理部门说明");
		}
		if (before != null) {
			// the figures replaced are kept as the report's history, not only in the audit trail
			jdbc.sql("""
					INSERT INTO safety_period_report_revision (report_id, parcels, screened, issues, reported_at, reported_by,
					    replaced_at, replaced_by)
					SELECT id, parcels, screened, issues, reported_at, reported_by, :at, :by FROM safety_period_report
					WHERE period_id = :period AND day = :day AND enterprise_credit_code = :code""")
				.param("at", OffsetDateTime.now(clock))
				.param("by", Actor.name())
				.param("period", periodId)
				.param("day", day)
				.param("code", e.creditCode())
				.update();
		}
		jdbc.sql("""
				INSERT INTO safety_period_report (period_id, day, enterprise_id, enterprise_credit_code, enterprise_name,
				    parcels, screened, issues, reported_at, reported_by, late, due_at)
				VALUES (:period, :day, :enterprise, :code, :name, :parcels, :screened, :issues, :at, :by, :late, :due)
				ON CONFLICT (period_id, day, enterprise_credit_code) DO UPDATE SET parcels = EXCLUDED.parcels,
				    screened = EXCLUDED.screened, issues = EXCLUDED.issues, reported_at = EXCLUDED.reported_at,
				    reported_by = EXCLUDED.reported_by""")
			.param("late", late)
			.param("due", due)
			.param("period", periodId)
			.param("day", day)
			.param("enterprise", e.id())
			.param("code", e.creditCode())
			.param("name", e.legalName())
			.param("parcels", parcels)
			.param("screened", screened)
			.param("issues", issues)
			.param("at", OffsetDateTime.now(clock))
			.param("by", Actor.name())
			.update();
		String earlier = before == null ? null : "原报收寄" + before.get("parcels") + "件、过机" + before.get("screened") + "件";
		String lateNote = before == null && late ? "（迟报，报送时限" + dueText + "）" : "";
		audit.record(AuditEntry.of(before == null ? "safety.period.report" : "safety.period.report.correct", AUDIT_TYPE,
				periodId, (before == null ? "报送" : "更新") + "寄递安保期“" + p.name() + "”" + ChineseText.day(day) + "日报" + lateNote + "："
						+ e.legalName() + (before == null ? "，" : "，" + earlier + "，现为") + "收寄" + parcels + "件，过机"
						+ screened + "件")
			.states(before, reportState(periodId, day, e.creditCode()))
			.inRegion(e.regionCode())
			.masked());
		return before == null ? new Reported(day, false, late, "安保期日报已报送（" + ChineseText.day(day) + "）"
				+ (late ? "；已过报送时限（" + dueText + "前），记为迟报" : ""))
				: new Reported(day, true, false, "安保期" + ChineseText.day(day) + "日报已更新：" + earlier + "，现为收寄" + parcels + "件、过机" + screened
						+ "件（更新前的数值记入操作日志）");
	}

	/**
	 * Whether a report of {@code day} is owed: only once the period was declared (on {@code declared}) — nobody could
	 * report for a period not yet known. The one rule of the bureau's summary (a day before is 未要求, none missing) and
	 * of a report's lateness (a day before is never 迟报).
	 */
	static boolean owed(LocalDate day, LocalDate declared) {
		return !day.isBefore(declared);
	}

	/**
	 * The day a report of {@code day} is owed from: the day itself, or the day of declaration for a day before it, whose
	 * report is then due by the time limit counted from that day ({@link #reportDue}) and changes after it are refused.
	 */
	static LocalDate owedFrom(LocalDate day, LocalDate declared) {
		return owed(day, declared) ? day : declared;
	}

	/**
	 * When the report of {@code day} is due: the rule catalogue's hours ({@link StatutoryRule#SAFETY_PERIOD_DAILY_REPORT},
	 * the period's region's value; default 36, i.e. 12:00 the next day) after the day's 0:00 China time. Counted in hours,
	 * not working days: a 安保期 reports every day, holidays included.
	 */
	private OffsetDateTime reportDue(LocalDate day, String regionCode) {
		int hours = rules.intValue(StatutoryRule.SAFETY_PERIOD_DAILY_REPORT, regionCode);
		return day.atStartOfDay(ChinaTime.ZONE).plusHours(hours).toOffsetDateTime();
	}

	/** How a report's time limit is named in Chinese answers and the audit: 2026年12月3日 12:00 (China time). */
	private static String dueText(OffsetDateTime due) {
		return ChineseText.dayTime(due.atZoneSameInstant(ChinaTime.ZONE).toLocalDateTime());
	}

	/**
	 * What {@link #report} did.
	 *
	 * @param day the day reported
	 * @param updated whether the day had a report already, now replaced (its values kept in the audit and the report's
	 *        history)
	 * @param late whether this first report of the day came after its time limit and is marked 迟报
	 * @param message what happened, in Chinese: 已报送 (with 记为迟报 when late), or 已更新 with the earlier values
	 */
	public record Reported(LocalDate day, boolean updated, boolean late, String message) {
	}

	/**
	 * The bureau cancels a period declared by mistake (wrong dates, wrong region) or called off: it stays on record with
	 * its reports, is no longer active, owes no daily reports (the missing-reports queues and lists drop it) and takes
	 * none. Only staff whose region contains the period's region (a county cannot cancel its province's period); one
	 * transaction with its audit entry ({@code safety.period.cancel}).
	 * @throws AccessRefusedException (403) for an enterprise user
	 * @throws DomainException not found (404) for a period the caller does not see; 409 when already cancelled
	 * @throws AccessRefusedException (403) for staff of a bureau above the period's owner (the bureau that declared it,
	 *         else the one handling its region: {@link Corrections#requireOwn})
	 * @throws AccessRefusedException (403) for a higher level's period, which the caller reads and does not cancel
	 *         ({@link #requireCancelling}), before the reason is read
	 * @throws InvalidValueException on reason (required, ≤ 1000)
	 */
	/**
	 * Refuses staff the 撤销 of a period they read but do not own, before any value of the step is read — the rule of
	 * the step's access ({@code LedgerStepAccess}) and of the step itself: staff of another bureau than the owner
	 * ({@link Corrections#requireOwn}: 403 naming it), and a scope that does not hold the period's region (a county
	 * reads its city's or province's period: 403, the owner named, not a 400 on a field the caller never sent).
	 * @throws AccessRefusedException (403) as said
	 */
	void requireCancelling(DataScope scope, PeriodView p) {
		corrections.requireOwn(TABLE, NOUN, p.id());
		if (!scope.containsRegion(p.regionCode())) {
			String owner = corrections.ownerName(TABLE, p.id()).orElse("上级邮政管理部门");
			throw new AccessRefusedException(null, Wording.of("safety.refusal.periodOwner", owner),
					"本寄递安保期由" + owner + "设立，撤销由该局进行；其他机关可以查阅，不能代为撤销");
		}
	}

	@Transactional
	public void cancel(DataScope scope, long periodId, String reason) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("id", CANCEL_REFUSAL);
		}
		PeriodView p = get(scope, periodId);
		jdbc.sql("SELECT id FROM safety_security_period WHERE id = :id FOR UPDATE").param("id", periodId)
			.query(Long.class).single();
		p = get(scope, periodId);
		if (p.cancelled()) {
			throw DomainException.illegalTransition(Wording.of("safety.refusal.periodCancelledOn", p.name(), p.cancelledAt().atZoneSameInstant(ParcelRecord.CHINA).toLocalDate()),
					"寄递安保期“" + p.name() + "”已于"
					+ ChineseText.day(p.cancelledAt().atZoneSameInstant(ParcelRecord.CHINA).toLocalDate()) + "撤销");
		}
		requireCancelling(scope, p);
		Validation v = new Validation();
		String text = Hazards.freeText(reason);
		v.required("reason", "撤销原因", text).maxLength("reason", "撤销原因", text, 1000);
		v.throwIfInvalid();
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("startsOn", p.startsOn().toString());
		before.put("endsOn", p.endsOn().toString());
		before.put("cancelled", false);
		jdbc.sql("UPDATE safety_security_period SET cancelled_at = :at, cancelled_by = :by, cancel_reason = :reason"
				+ " WHERE id = :id")
			.param("at", OffsetDateTime.now(clock))
			.param("by", Actor.name())
			.param("reason", text)
			.param("id", periodId)
			.update();
		Map<String, Object> after = new LinkedHashMap<>(before);
		after.put("cancelled", true);
		after.put("reason", text);
		audit.record(AuditEntry.of("safety.period.cancel", AUDIT_TYPE, periodId, "撤销寄递安保期“" + p.name() + "”（"
				+ ChineseText.day(p.startsOn()) + "至" + ChineseText.day(p.endsOn()) + "）：" + text)
			.states(before, after)
			.inRegion(p.regionCode())
			.masked());
	}

	/** The reports of a period the caller sees (an enterprise: its own), newest day first. */
	public PageResult<PeriodReportView> reports(DataScope scope, long periodId, PageQuery page) {
		PeriodView p = get(scope, periodId);
		return Listing.from("FROM safety_period_report s")
			.where("s.period_id = :period", Map.of("period", p.id()))
			.where(scope.kind() == DataScope.Kind.ENTERPRISE, "s.enterprise_credit_code = :scopeEnterprise",
					"scopeEnterprise", scope.kind() == DataScope.Kind.ENTERPRISE ? scope.enterpriseCreditCode() : "")
			.search(page, "s.enterprise_name", "s.enterprise_credit_code")
			.sorts(Map.of("day", "s.day", "enterprise", "s.enterprise_name"), "day", true, "s.id")
			.page(jdbc, "SELECT s.id, s.period_id, s.day, s.enterprise_credit_code, s.enterprise_name, s.parcels, s.screened,"
					+ " s.issues, s.reported_at, s.reported_by, s.late", page, Rows.of(PeriodReportView.class))
			.map(PeriodReportView::masked);
	}

	/**
	 * The bureau's summary of a period: one row per day from the first day to the last or today (whichever is first),
	 * with the enterprises expected in the caller's part of the region (registry, 正常) and those that reported. A
	 * period declared after its first day (a start up to the lookback before today is allowed) owes no report for the
	 * days before it was declared: nobody could report for a period not yet known, so those days expect none and list
	 * none missing (attack round 20: a period started 4 days back listed every enterprise missing on each of them; later
	 * they still counted every enterprise expected, "0 / 9" with nobody missing); a report made for one of them still
	 * counts.
	 * @throws DomainException not found (404) for a period the caller does not see
	 */
	public List<PeriodDay> summary(DataScope scope, long periodId) {
		return summary(scope, get(scope, periodId));
	}

	/** {@link #summary(DataScope, long)} of a period already read (the missing list reads each once). */
	private List<PeriodDay> summary(DataScope scope, PeriodView p) {
		LocalDate today = LocalDate.now(clock);
		LocalDate declared = p.declaredOn();
		LocalDate last = p.endsOn().isBefore(today) ? p.endsOn() : today;
		Map<String, String> expected = expected(scope, p);
		// counted in the database per day over the expected enterprises: every report of the period, however many (a
		// page of reports read here was capped at the export limit, so a long province-wide period lost its last days)
		record Reported(LocalDate day, String[] codes, long parcels, long screened) {
		}
		Map<LocalDate, Reported> byDay = new HashMap<>();
		jdbc.sql("""
				SELECT day, array_agg(DISTINCT enterprise_credit_code) AS codes, coalesce(sum(parcels), 0) AS parcels,
				    coalesce(sum(screened), 0) AS screened
				FROM safety_period_report
				WHERE period_id = :period AND day BETWEEN :first AND :last AND enterprise_credit_code = ANY(:expected)
				GROUP BY day""")
			.param("period", p.id())
			.param("first", p.startsOn())
			.param("last", last)
			.param("expected", expected.keySet().toArray(String[]::new))
			.query((rs, n) -> new Reported(rs.getObject("day", LocalDate.class),
					(String[]) rs.getArray("codes").getArray(), rs.getLong("parcels"), rs.getLong("screened")))
			.list()
			.forEach(r -> byDay.put(r.day(), r));
		List<PeriodDay> days = new ArrayList<>();
		for (LocalDate d = p.startsOn(); !d.isAfter(last); d = d.plusDays(1)) {
			Reported r = byDay.get(d);
			Set<String> reported = r == null ? Set.of() : Set.of(r.codes());
			boolean required = owed(d, declared);
			List<String> missing = !required ? List.of() : expected.entrySet().stream()
				.filter(x -> !reported.contains(x.getKey()))
				.map(Map.Entry::getValue)
				.sorted()
				.toList();
			days.add(new PeriodDay(d, required, reported.size(), required ? expected.size() : 0, r == null ? 0 : r.parcels(),
					r == null ? 0 : r.screened(), missing));
		}
		return days;
	}

	/**
	 * Missing daily reports of the periods with daily reporting active today in the caller's scope: for staff, each
	 * (enterprise, past day) without a report; for an enterprise, its own days (today included) without one.
	 */
	public List<Missing> missing(DataScope scope) {
		LocalDate today = LocalDate.now(clock);
		List<Missing> result = new ArrayList<>();
		for (PeriodView p : list(scope, true, new PageQuery("", 0, PageQuery.MAX_SIZE, null, false)).items()) {
			if (!p.dailyReporting()) {
				continue;
			}
			for (PeriodDay d : summary(scope, p)) {
				if (d.day().isBefore(today) || scope.kind() == DataScope.Kind.ENTERPRISE) {
					d.missing().forEach(name -> result.add(new Missing(p, d.day(), name)));
				}
			}
		}
		return result;
	}

	/** An enterprise's missing report for a day of a period. */
	public record Missing(PeriodView period, LocalDate day, String enterpriseName) {
	}

	/**
	 * The missing-reports list's filters, each null for all.
	 * @param period a period's id
	 * @param day one day of the periods
	 */
	public record MissingFilter(Long period, LocalDate day) {

		/** Every missing report of the scope. */
		public static final MissingFilter NONE = new MissingFilter(null, null);
	}

	/** The missing-reports list's orders (request name → order); the default is {@code day}, newest first. */
	private static final Map<String, Comparator<Missing>> MISSING_SORTS = Map.of(
			"day", Comparator.comparing(Missing::day),
			"period", Comparator.comparing((Missing m) -> m.period().name()),
			"enterprise", Comparator.comparing(Missing::enterpriseName));

	/** {@link #MISSING_SORTS}' names in the order a refusal names them. */
	private static final List<String> MISSING_SORT_NAMES = List.of("day", "period", "enterprise");

	/**
	 * One page of the missing daily reports of the caller's scope ({@link #missing(DataScope)}), the page and its export
	 * alike: the search's every word found in the period's or the enterprise's name (case-insensitively), the filters,
	 * sorted by {@code day} (default, newest first), {@code period} or {@code enterprise} (another sort is refused,
	 * {@link Listing#sortAmong}), ties by day, period and enterprise. Read in memory: the rows are computed per period and day from the
	 * registry's enterprises and the reports, at most the active periods' days times their enterprises.
	 */
	public PageResult<Missing> missing(DataScope scope, MissingFilter filter, PageQuery page) {
		List<String> words = page.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
		Optional<String> chosen = Listing.sortAmong(page, MISSING_SORT_NAMES);
		Comparator<Missing> order = MISSING_SORTS.get(chosen.orElse("day"));
		if (chosen.isEmpty() || page.descending()) {
			order = order.reversed();
		}
		order = order.thenComparing(Missing::day).thenComparing(m -> m.period().id()).thenComparing(Missing::enterpriseName);
		List<Missing> all = missing(scope).stream()
			.filter(m -> filter.period() == null || m.period().id() == filter.period())
			.filter(m -> filter.day() == null || m.day().equals(filter.day()))
			.filter(m -> words.stream().allMatch(w -> m.period().name().toLowerCase(Locale.ROOT).contains(w)
					|| m.enterpriseName().toLowerCase(Locale.ROOT).contains(w)))
			.sorted(order)
			.toList();
		int from = (int) Math.min(page.offset(), all.size());
		int to = (int) Math.min((long) from + page.size(), all.size());
		return new PageResult<>(all.subList(from, to), page.page(), page.size(), all.size());
	}

	/** The enterprises expected to report (credit code → name), within the period's region and the caller's scope. */
	private Map<String, String> expected(DataScope scope, PeriodView p) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			return enterprises.findByCreditCode(scope.enterpriseCreditCode())
				.map(e -> Map.of(e.creditCode(), e.legalName()))
				.orElse(Map.of());
		}
		String region = scope.kind() == DataScope.Kind.REGION && scope.regionPrefix().startsWith(p.regionCode())
				? scope.regionPrefix() : p.regionCode();
		Map<String, String> result = new HashMap<>();
		for (EnterpriseView e : enterprises.list(DataScope.region(region),
				new Enterprises.Filter(null, null, EnterpriseStatus.NORMAL),
				new PageQuery("", 0, PageQuery.EXPORT_LIMIT, null, false)).items()) {
			result.put(e.creditCode(), e.legalName());
		}
		return result;
	}

	private Map<String, Object> reportState(long periodId, LocalDate day, String creditCode) {
		return jdbc.sql("""
				SELECT parcels, screened, issues FROM safety_period_report
				WHERE period_id = :period AND day = :day AND enterprise_credit_code = :code""")
			.param("period", periodId)
			.param("day", day)
			.param("code", creditCode)
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("day", day.toString());
				m.put("parcels", rs.getLong("parcels"));
				m.put("screened", rs.getLong("screened"));
				m.put("issues", rs.getString("issues"));
				return m;
			})
			.optional()
			.orElse(null);
	}

	/**
	 * Which periods the caller sees: staff those inside their region and those covering it (a province's period for a
	 * city); an enterprise those covering its region. The codes are written in as digits ({@link RegionPrefix}).
	 */
	private String visible(DataScope scope) {
		return switch (scope.kind()) {
			case ALL -> "TRUE";
			case REGION -> "(" + RegionPrefix.of(scope.regionPrefix()).predicate("p.region_code") + " OR "
					+ covering(scope.regionPrefix()) + ")";
			case ENTERPRISE -> enterprises.findByCreditCode(scope.enterpriseCreditCode())
				.map(EnterpriseView::regionCode)
				.map(SecurityPeriods::covering)
				.orElse("FALSE");
			case NONE -> "FALSE";
		};
	}

	/** Periods whose region contains {@code code}: its province, city, county, … prefixes, written in as digits. */
	private static String covering(String code) {
		String digits = RegionPrefix.of(code).code();
		StringJoiner in = new StringJoiner(", ", "p.region_code IN (", ")");
		for (int n : new int[] { 2, 4, 6, 9, 12 }) {
			if (n <= digits.length()) {
				in.add("'" + digits.substring(0, n) + "'");
			}
		}
		return digits.length() < 2 ? "FALSE" : in.toString();
	}
}
