package org.youguan.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.CurrentUser;
import org.youguan.org.InstallationAdmins;
import org.youguan.region.RegionCode;
import org.youguan.region.Regions;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

/**
 * Report forms: their indicators, due dates and the enterprises expected to report them.
 */
@Service
public class ReportForms {

	private static final String SELECT = "SELECT id, code, name, period_type, due_day, enterprise_types, brand_id, "
			+ "region_prefix, active FROM stat_form";

	private final JdbcClient jdbc;

	private final Indicators indicators;

	private final Enterprises enterprises;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final Clock clock;

	private final InstallationAdmins installationAdmins;

	/** Reads a form's region as every region field is read ({@link Regions#require}). */
	private final Regions regions;

	ReportForms(JdbcClient jdbc, Indicators indicators, Enterprises enterprises, WorkingCalendar calendar,
			AuditTrail audit, Clock clock, InstallationAdmins installationAdmins, Regions regions) {
		this.regions = regions;
		this.installationAdmins = installationAdmins;
		this.jdbc = jdbc;
		this.indicators = indicators;
		this.enterprises = enterprises;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	public List<ReportForm> all() {
		return jdbc.sql(SELECT + " ORDER BY id").query(Rows.of(ReportForm.class)).list();
	}

	public ReportForm get(long id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Rows.of(ReportForm.class)).optional()
			.orElseThrow(() -> DomainException.notFound("统计报表", id));
	}

	/**
	 * Form {@code id} as the caller in {@code scope} may take a step on it (催报) or read its 报送进度: a national form
	 * (no region) concerns every bureau; a local one the bureaus of its region, those inside it (their enterprises owe
	 * it) and those above it. A form of a region apart from the caller's is not there for it.
	 * @throws DomainException 404 for a form not there or of a region outside the scope — existence is not revealed
	 */
	public ReportForm get(DataScope scope, long id) {
		ReportForm form = get(id);
		String prefix = form.regionPrefix() == null ? "" : form.regionPrefix();
		boolean concerns = prefix.isEmpty() || scope.containsRegion(prefix)
				|| scope.kind() == DataScope.Kind.REGION && scope.regionPrefix().startsWith(prefix);
		if (!concerns) {
			throw DomainException.notFound("统计报表", id);
		}
		return form;
	}

	public ReportForm byCode(String code) {
		return jdbc.sql(SELECT + " WHERE code = :code").param("code", code).query(Rows.of(ReportForm.class)).optional()
			.orElseThrow(() -> DomainException.notFound("统计报表", code));
	}

	/**
	 * The form a caller names by its code, however its case, width and spaces are typed ("MONTHLY" is monthly, as an
	 * indicator code is, {@link Indicators#codeKey}).
	 * @param field the input's field name the refusal names
	 * @throws InvalidValueException on {@code field}, rule {@code exists}, naming the codes there are, when no form has it
	 */
	public ReportForm require(String field, String code) {
		String key = Indicators.codeKey(code);
		List<ReportForm> all = all();
		return all.stream()
			.filter(f -> Indicators.codeKey(f.code()).equals(key))
			.findFirst()
			.orElseThrow(() -> new InvalidValueException(field, "exists", "没有代码为“" + Text.excerpt(String.valueOf(code), 30)
					+ "”的统计报表，可用的报表代码：" + all.stream().map(f -> f.code() + "（" + f.name() + "）")
						.collect(Collectors.joining("、"))));
	}

	/** The form's indicators in order, derived ones included (shown computed). */
	public List<Indicator> indicators(long formId) {
		var byCode = indicators.byCode();
		return jdbc.sql("SELECT indicator_code FROM stat_form_indicator WHERE form_id = :id ORDER BY position")
			.param("id", formId)
			.query(String.class)
			.list()
			.stream()
			.map(byCode::get)
			.toList();
	}

	/**
	 * When a period's report is due: the due day in force when the period ended, of the month after the period, moved
	 * to the next working day when it falls on a rest day. A due day changed after the period ended does not move its
	 * deadline (attack: 报送进度 and 应报 of past periods took today's setting): the earliest change after the period's
	 * end keeps the day it replaced ({@code stat_form_due_day_change}, V258); without one the form's current day.
	 */
	public LocalDate dueOn(ReportForm form, Period period) {
		int day = jdbc.sql("""
				SELECT previous_due_day FROM stat_form_due_day_change WHERE form_id = :form AND changed_on > :end
				ORDER BY changed_on, id LIMIT 1""")
			.param("form", form.id())
			.param("end", period.end())
			.query(Integer.class)
			.optional()
			.orElse(form.dueDay());
		return calendar.onOrNextWorkingDay(period.last().plusMonths(1).atDay(day));
	}

	/**
	 * The due date of an enterprise's report of the form's period — the one rule of a report's due date, as 报送进度
	 * counts a period's ({@link #dueOn}) — or null when the enterprise owes no report of the period: it began to operate
	 * after the period ended ({@link Enterprises#operatingSince}; a report kept from before {@link #requireOperating}
	 * refused it, or left by a corrected licence date). Such a report is never 逾期未报 (finding: returned, it showed
	 * 逾期未报 though 报送进度 did not count the period and it could never be sent again).
	 */
	public LocalDate owedDueOn(long enterpriseId, ReportForm form, Period period) {
		LocalDate since = enterprises.operatingSince(List.of(enterpriseId)).get(enterpriseId);
		return since != null && period.end().isBefore(since) ? null : dueOn(form, period);
	}

	/** The latest period whose report is due by now (the one enterprises are working on or chasing). */
	public Period currentPeriod(ReportForm form) {
		YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
		Period p = Period.containing(form.periodType(), lastMonth);
		return p.last().equals(lastMonth) ? p : p.previous();
	}

	/** The enterprises in scope that must report this form: in business, of the form's types, brand and region. */
	public List<EnterpriseView> expectedReporters(DataScope scope, ReportForm form) {
		return covered(scope, form, EnterpriseStatus.NORMAL);
	}

	/**
	 * The enterprises in scope of the form's types, brand and region that may owe one of its periods: those in business
	 * and those cancelled (a cancelled one owes the periods it operated in, {@link #owing}).
	 */
	public List<EnterpriseView> reporters(DataScope scope, ReportForm form) {
		List<EnterpriseView> units = new ArrayList<>(covered(scope, form, EnterpriseStatus.NORMAL));
		units.addAll(covered(scope, form, EnterpriseStatus.CANCELLED));
		units.sort(Comparator.comparing(EnterpriseView::id));
		return units;
	}

	private List<EnterpriseView> covered(DataScope scope, ReportForm form, EnterpriseStatus status) {
		return enterprises.list(scope, new Enterprises.Filter(null, form.brandId(), status),
				new PageQuery("", 0, 1, "legal_name", false).unpaged())
			.items()
			.stream()
			.filter(e -> form.covers(e.type(), e.brandId(), e.regionCode()))
			.toList();
	}

	/**
	 * The enterprises in scope that owe the form's period — 报送进度's 应报, the aggregates' expected units
	 * ({@code expectedUnits}), reminders and the missing reporters all count these ({@link #owing}).
	 */
	public List<EnterpriseView> expectedReporters(DataScope scope, ReportForm form, Period period) {
		return owing(reporters(scope, form), period);
	}

	/**
	 * The units that owe a report for the period — the one rule every count of expected reporters follows: a unit owes a
	 * period when it operated before the period ended (its first express licence issued or, without one, registered
	 * on or before the period's last day, {@link Enterprises#operatingSince}) and was not closed before the period
	 * began (in business, or cancelled on or after its first day, {@code stat_unit_closed}; a unit suspended (停业) or
	 * cancelled on an unknown day owes nothing). An enterprise licensed on 3 December owes nothing for November, one
	 * cancelled on 3 December owes November and December. A report it holds for an earlier period (one filed before
	 * {@link #requireOperating} refused it) does not make it owe more.
	 * @param units enterprises the form covers
	 * @return those of {@code units} that owe it, in their order
	 */
	public List<EnterpriseView> owing(List<EnterpriseView> units, Period period) {
		Map<Long, Span> spans = spans(units);
		return units.stream().filter(e -> spans.containsKey(e.id()) && spans.get(e.id()).owes(period)).toList();
	}

	/**
	 * When a unit operated as the reporting rules count it: from {@code since} (it began to operate) to {@code closed}
	 * (cancelled; null while in business).
	 */
	public record Span(LocalDate since, LocalDate closed, boolean inBusiness) {

		/** Whether the unit owes the period: operated before its end, not closed before its start. */
		public boolean owes(Period period) {
			return since != null && !since.isAfter(period.end())
					&& (inBusiness || closed != null && !closed.isBefore(period.start()));
		}
	}

	/**
	 * Each unit's {@link Span}: the day it began to operate and, cancelled, the day it closed.
	 * @return the span by unit id (units not on the register are left out)
	 */
	public Map<Long, Span> spans(List<EnterpriseView> units) {
		Map<Long, LocalDate> since = owingSince(units);
		Map<Long, LocalDate> closed = new HashMap<>();
		List<Long> cancelled = units.stream().filter(e -> e.status() != EnterpriseStatus.NORMAL).map(EnterpriseView::id).toList();
		if (!cancelled.isEmpty()) {
			jdbc.sql("SELECT enterprise_id, closed_on FROM stat_unit_closed WHERE enterprise_id IN (:ids)")
				.param("ids", cancelled)
				.query((rs, i) -> closed.put(rs.getLong(1), rs.getObject(2, LocalDate.class)))
				.list();
		}
		Map<Long, Span> spans = new HashMap<>();
		for (EnterpriseView e : units) {
			if (since.containsKey(e.id())) {
				spans.put(e.id(), new Span(since.get(e.id()),
						e.status() == EnterpriseStatus.CANCELLED ? closed.get(e.id()) : null, e.status() == EnterpriseStatus.NORMAL));
			}
		}
		return spans;
	}

	/**
	 * Keeps the day a unit was cancelled (注销), so it still owes the periods it operated in ({@link Span#owes}); a day
	 * recorded again keeps the first.
	 */
	void closed(long enterpriseId, LocalDate on) {
		jdbc.sql("INSERT INTO stat_unit_closed (enterprise_id, closed_on) VALUES (:id, :on) ON CONFLICT (enterprise_id) DO NOTHING")
			.param("id", enterpriseId)
			.param("on", on)
			.update();
	}

	/**
	 * The first day from which each unit owes reports: the day it began to operate ({@link Enterprises#operatingSince}),
	 * the same for every form. The reports it holds do not move it back: attack round 14 — one report for 2001-01
	 * approved for an enterprise licensed in 2024 made it owe, be reminded of and count missing in every month since
	 * 2001 (such a report is now refused, {@link #requireOperating}; one filed before is ignored here).
	 * @return the day by unit id (units not on the register are left out)
	 */
	public Map<Long, LocalDate> owingSince(List<EnterpriseView> units) {
		return enterprises.operatingSince(units.stream().map(EnterpriseView::id).toList());
	}

	/**
	 * Refuses a report of an enterprise for a period that ended before the enterprise began to operate
	 * ({@link Enterprises#operatingSince}: its first express licence issued or, without one, its registration here): it
	 * has no business to report for it, and the report would make it owe every period since. The period holding that
	 * day is accepted.
	 * @param field the field named in the refusal (a report's {@code period})
	 * @throws InvalidValueException on {@code field}, rule {@code operating}, e.g. “该企业自2024年03月起经营，不能填报此前的统计期：2001-01”
	 */
	public void requireOperating(String field, long enterpriseId, Period period) {
		requireOperating(field, enterprises.operatingSince(List.of(enterpriseId)).get(enterpriseId), period);
	}

	/**
	 * {@link #requireOperating(String, long, Period)} with the day already known (a batch looks them up at once).
	 * @param since the day the enterprise began to operate (null: not on the register — nothing to refuse here)
	 */
	static void requireOperating(String field, LocalDate since, Period period) {
		if (since != null && period.end().isBefore(since)) {
			throw new InvalidValueException(field, "operating", Wording.of("statistics.invalid.notOperating", since.getYear(), String.format("%02d", since.getMonthValue()), period.code()), "该企业自" + since.getYear() + "年"
					+ String.format("%02d", since.getMonthValue()) + "月起经营，不能填报此前的统计期：" + period.code());
		}
	}

	/** The forms an enterprise must report. */
	public List<ReportForm> formsFor(EnterpriseView enterprise) {
		return all().stream()
			.filter(f -> f.active() && f.covers(enterprise.type(), enterprise.brandId(), enterprise.regionCode()))
			.toList();
	}

	/**
	 * Whether the user may configure this form. The forms of the 邮政行业统计报表制度 are national (region prefix
	 * empty): one table serves every bureau, so only the installation's 系统管理员 (of the top-level bureau,
	 * {@link InstallationAdmins}) changes them; a city's or county's 系统管理员 configures forms of its region only. A bureau administrator may
	 * configure a form that belongs to its own region (a local form whose region prefix lies inside the bureau's region).
	 */
	public boolean configurableBy(CurrentUser user, ReportForm form) {
		return installationAdmins.holds(user) || user.administrator() && !form.regionPrefix().isEmpty()
				&& user.scope().containsRegion(form.regionPrefix());
	}

	/**
	 * A form's region as typed, read as every region field is ({@link Regions#require}: full-width digits, 320500 for
	 * 3205): blank (or 0) for the whole country, else an existing region down to a county — reports are filed by
	 * county, so a township's form would be owed by units the figures never tell apart.
	 * @throws InvalidValueException on {@code regionPrefix}: its format, {@code exists}, or {@code county-level}
	 */
	private String regionPrefix(String typed) {
		String code = RegionCode.typed(typed);
		if (code == null || code.equals("0")) {
			return "";
		}
		String prefix = regions.require("regionPrefix", code).value();
		if (prefix.length() > 6) {
			throw new InvalidValueException("regionPrefix", "county-level", Wording.of("statistics.invalid.reportRegionLevel", prefix), "报送区域只能是省、市、县（区）级区划（留空为全国）："
					+ prefix);
		}
		return prefix;
	}

	/**
	 * Form {@code formId} when {@code actor} may configure it ({@link #configurableBy}) — asked before the step's fields
	 * are read ({@code StatisticsStepAccess}) and by {@link #configure} itself.
	 * @throws DomainException 404 for a form of a region apart from the actor's ({@link #get(DataScope, long)})
	 * @throws AccessRefusedException 403 for a form the actor reads and does not configure (a national form, to a
	 * bureau administrator)
	 */
	public ReportForm requireConfigurable(CurrentUser actor, long formId) {
		ReportForm current = get(actor.scope(), formId);
		if (!configurableBy(actor, current)) {
			throw new AccessRefusedException(null, Wording.of("statistics.refusal.nationalForm", current.name()),
					"“" + current.name() + "”属于全国统计报表制度，只有最高一级机构的系统管理员可以调整");
		}
		return current;
	}

	/**
	 * Configures a form: the due day of the following month (the reporting regulation leaves it to the bureau, e.g.
	 * the 5th) and who must report it — enterprise types, optionally one brand and a region prefix. A new due day
	 * applies to the periods ending today or later; those that ended keep theirs ({@link #dueOn}).
	 * @throws AccessRefusedException (403) unless {@link #configurableBy} the actor, or when a bureau administrator
	 * moves the form outside its region
	 */
	@Transactional
	public void configure(CurrentUser actor, long formId, int dueDay, List<EnterpriseType> types, Long brandId,
			String regionPrefix) {
		requireConfigurable(actor, formId);
		String prefix = regionPrefix(regionPrefix);
		if (!installationAdmins.holds(actor) && (prefix.isEmpty() || !actor.scope().containsRegion(prefix))) {
			throw new AccessRefusedException("regionPrefix", "报送区域须在本局辖区内");
		}
		new Validation().require("dueDay", dueDay >= 1 && dueDay <= 28, "range", "报送截止日应为次月1日至28日")
			.require("types", types != null && !types.isEmpty(), "required", "请至少选择一类报送企业")
			.throwIfInvalid();
		ReportForm before = get(formId);
		if (before.dueDay() != dueDay) {
			// the periods that ended before today keep the day they ended under (dueOn)
			jdbc.sql("INSERT INTO stat_form_due_day_change (form_id, changed_on, previous_due_day) VALUES (:form, :on, :day)")
				.param("form", formId)
				.param("on", LocalDate.now(clock))
				.param("day", before.dueDay())
				.update();
		}
		String typeList = String.join(",", types.stream().distinct().map(Enum::name).toList());
		jdbc.sql("UPDATE stat_form SET due_day = :day, enterprise_types = :types, brand_id = :brand, region_prefix = :prefix, "
				+ "version = version + 1 WHERE id = :id")
			.param("day", dueDay)
			.param("types", typeList)
			.param("brand", brandId)
			.param("prefix", prefix)
			.param("id", formId)
			.update();
		ReportForm after = get(formId);
		audit.record(AuditEntry.of("statistics.form.configure", "ReportForm", formId, "调整“" + before.name() + "”：次月"
				+ dueDay + "日前报送，报送对象" + after.typesLabel() + (prefix.isEmpty() ? "" : "（区划" + prefix + "）"))
			.states(Map.of("dueDay", before.dueDay(), "types", before.enterpriseTypes(), "region", before.regionPrefix()),
					Map.of("dueDay", dueDay, "types", typeList, "region", prefix))
			.installationWide());
	}

	static final Set<String> SORTS = Set.of("period", "enterprise_name", "submitted_at");
}
