package org.youguan.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.CollectedErrors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.kernel.WorkState;
import org.youguan.org.Bureaus;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.statistics.internal.Report;
import org.youguan.statistics.internal.ReportChecks;
import org.youguan.statistics.internal.ReportedValue;
import org.youguan.statistics.internal.ReportRepository;
import org.youguan.statistics.internal.ReportValue;
import org.youguan.statistics.internal.ReportView;
import org.youguan.statistics.internal.StatisticsSettings;
import org.youguan.statistics.internal.ValueLine;

/**
 * The reporting procedure: an enterprise fills a form for a period (draft), submits it (checked by
 * {@link ReportChecks}), the bureau approves it (its values become the facts every aggregate reads) or returns it with
 * a reason; an approved report is corrected by a new revision, both kept. Every step is one transaction and one audit
 * event.
 */
@Service
public class Reports {

	/**
	 * List filters. {@code state}: {@link WorkState#OPEN} — not yet approved (draft, submitted, returned);
	 * {@link WorkState#DONE} — approved or superseded by an approved correction; {@link WorkState#ALL} (or null) — any.
	 * {@code period}: a month, quarter or year as typed, read by {@link Period#parseAny} (a list given one that is no
	 * period, or of a year outside 2000 to next year, is refused on {@code period}); blank for any.
	 * {@code late}: true — only reports sent after their due date (迟报). {@code overdue}: true — only reports 逾期未报
	 * on the day the list is read (China time), by the rule every badge and export reads ({@link ReportView#overdue}).
	 */
	public record Filter(Long formId, String period, ReportStatus status, Boolean late, WorkState state, Boolean overdue) {

		public static final Filter NONE = new Filter(null, null, null, null);

		public Filter(Long formId, String period, ReportStatus status, Boolean late) {
			this(formId, period, status, late, WorkState.ALL);
		}

		public Filter(Long formId, String period, ReportStatus status, Boolean late, WorkState state) {
			this(formId, period, status, late, state, null);
		}
	}

	static final Set<String> SORTS = Set.of("period", "enterprise_name", "submitted_at", "region_code", "due_on");

	/**
	 * A report's row as lists and pages read it; {@code own} whether the reader is its enterprise, who reads its working
	 * copy's 填报说明 — anyone else the one last submitted (a returned report's edits are not sent yet).
	 */
	private static String columns(boolean own) {
		return """
				SELECT r.id, r.form_id, f.name AS form_name, r.enterprise_id, r.enterprise_name, r.credit_code, r.region_code,
				       r.period, r.revision, r.status, r.due_on, r.submitted_at, r.on_time,\s"""
				+ (own ? "r.comment" : "r.submitted_comment AS comment") + """
				, r.return_reason, r.decided_at, r.decided_by, r.revision_reason""";
	}

	private static String select(boolean own) {
		return columns(own) + " FROM stat_report r JOIN stat_form f ON f.id = r.form_id";
	}

	private final ReportRepository reports;

	private final StatisticsRollup rollup;

	private final ReportForms forms;

	private final Enterprises enterprises;

	private final StatisticsSettings settings;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	/** Tells a report's provisional due day (暂定). */
	private final WorkingCalendar calendar;

	/** The bureau deciding a report: the one handling the reporter's region. */
	private final Bureaus bureaus;

	/** Publishes {@link ReportFiled} on a submission. */
	private final ApplicationEventPublisher events;

	Reports(ReportRepository reports, ReportForms forms, Enterprises enterprises, StatisticsSettings settings,
			JdbcClient jdbc, AuditTrail audit, StatisticsRollup rollup, Clock clock, WorkingCalendar calendar,
			Bureaus bureaus, ApplicationEventPublisher events) {
		this.events = events;
		this.calendar = calendar;
		this.bureaus = bureaus;
		this.reports = reports;
		this.rollup = rollup;
		this.forms = forms;
		this.enterprises = enterprises;
		this.settings = settings;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * One page of the reports in scope (an enterprise's own, a bureau's region) that pass the filter, searched by
	 * enterprise name or exact credit code, in a whitelisted order (by submission, newest first, otherwise).
	 */
	public PageResult<ReportView> list(DataScope scope, Filter filter, PageQuery page) {
		return list(scope, filter, page, false);
	}

	/**
	 * One page of the submitted reports waiting for the caller's bureau to decide them (审核通过 or 退回), oldest
	 * submission first unless the page says otherwise: those of its region not handled by a bureau below it
	 * ({@link #decides}) — the 待审核 queue. A county's report is in its county bureau's queue only, not also in the
	 * city's and the province's (each level was shown the same report to act on, which only one of them may).
	 */
	public PageResult<ReportView> awaitingDecision(DataScope scope, PageQuery page) {
		return list(scope, new Filter(null, null, ReportStatus.SUBMITTED, null, WorkState.OPEN), page, true);
	}

	/**
	 * {@link #list(DataScope, Filter, PageQuery)}, with {@code decidedHere} only the reports the caller's bureau decides
	 * (not those of a region a bureau below it handles, {@link Bureaus#handledHere}) — the 待审核 queue's link lists what it counts.
	 */
	public PageResult<ReportView> list(DataScope scope, Filter filter, PageQuery page, boolean decidedHere) {
		// the one reading of a period a user names: 2026-13, 9999-12 or 2026-Q5 is a 400 on period, not an empty list
		Period period = Period.parseAny(filter.period(), "period", LocalDate.now(clock));
		Listing listing = Listing.from("FROM stat_report r JOIN stat_form f ON f.id = r.form_id")
			.countFrom("FROM stat_report r")
			.scope(scope, "r.credit_code", "r.region_code");
		if (decidedHere) {
			// the reports of a region a bureau below handles are that bureau's to decide (Bureaus#handledHere)
			listing.where(bureaus.handledHere(scope, "r.region_code"));
		}
		listing
			.where(filter.formId() != null, "r.form_id = :form", "form", filter.formId())
			.where(period != null, "r.period = :period", "period", period == null ? "" : period.code())
			.where(filter.status() != null, "r.status = :status", "status",
					filter.status() == null ? "" : filter.status().name());
		if (scope.kind() != DataScope.Kind.ENTERPRISE) {
			// a draft never sent is the enterprise's own work, not a report: the bureau sees it once submitted
			listing.where("r.status <> 'DRAFT'");
		}
		if (Boolean.TRUE.equals(filter.late())) {
			// late as the list shows it: a report returned, or a correction's draft, has no timeliness (ReportView#timed)
			listing.where("r.on_time = false AND " + ReportView.TIMED_SQL);
		}
		if (Boolean.TRUE.equals(filter.overdue())) {
			// 逾期未报 as the list shows it (ReportView#overdue): owed as it stands and past its due date today
			listing.where(ReportView.OVERDUE_SQL, Map.of("overdueOn", LocalDate.now(clock)));
		}
		if (filter.state() == WorkState.OPEN) {
			listing.where("r.status IN ('DRAFT','SUBMITTED','RETURNED')");
		}
		else if (filter.state() == WorkState.DONE) {
			listing.where("r.status IN ('APPROVED','SUPERSEDED')");
		}
		listing.search(page, "r.credit_code = :code", Map.of("code", page.identifier().toUpperCase()), "r.enterprise_name",
				"r.credit_code", "r.region_code");
		Map<String, String> sorts = new HashMap<>();
		SORTS.forEach(name -> sorts.put(name, "r." + name));
		// a period by its dates, not its code: "2026-Q1" sorts above "2026-12" as text, and a quarter beside the month
		// it starts with comes after it (it ends later)
		sorts.put("period", "ROW(r.period_start, r.period_end)");
		return listing.sorts(sorts, "submitted_at", page.descending(), "r.id DESC")
			.page(jdbc, columns(scope.kind() == DataScope.Kind.ENTERPRISE), page, Rows.of(ReportView.class))
			.map(r -> r.masked().counted(calendar, LocalDate.now(clock)));
	}

	/** Reports in scope waiting for the caller's bureau's decision ({@link #awaitingDecision}: not a bureau's below it). */
	public long countAwaiting(DataScope scope) {
		return awaitingDecision(scope, new PageQuery("", 0, 1, "submitted_at", false)).total();
	}

	/**
	 * A report in the caller's scope: the enterprise reads its own as typed; anyone else (the bureau's page, API and
	 * exports) with the free text masked as the list shows it ({@code ReportView#masked}: the 填报说明 and the return or
	 * revision reasons; attack round 8 found the comment in full on the bureau's page and API).
	 * @throws DomainException not found outside the scope
	 */
	public ReportView get(DataScope scope, long id) {
		return find(scope, id, scope.kind() == DataScope.Kind.ENTERPRISE);
	}

	/**
	 * The report in scope as {@link #get} reads it; {@code drafts} whether a draft never submitted is found too — for
	 * the enterprise's own reads and for the steps ({@link #loadInScope}), which judge a draft's state themselves.
	 */
	private ReportView find(DataScope scope, long id, boolean drafts) {
		boolean own = scope.kind() == DataScope.Kind.ENTERPRISE;
		return jdbc.sql(select(own) + " WHERE r.id = :id AND " + scope.enterprisePredicate("r.credit_code", "r.region_code")
				+ (drafts ? "" : " AND r.status <> 'DRAFT'"))
			.params(scope.params())
			.param("id", id)
			.query(Rows.of(ReportView.class))
			.optional()
			.map(r -> (own ? r : r.masked()).counted(calendar, LocalDate.now(clock)))
			.orElseThrow(() -> DomainException.notFound("统计报表", id));
	}

	/** Every revision of the report's form, enterprise and period, newest first. */
	public List<ReportView> revisions(DataScope scope, long id) {
		ReportView r = get(scope, id);
		return jdbc.sql(select(scope.kind() == DataScope.Kind.ENTERPRISE) + " WHERE r.form_id = :form AND r.enterprise_id = :enterprise AND r.period = :period "
				+ (scope.kind() == DataScope.Kind.ENTERPRISE ? "" : "AND r.status <> 'DRAFT' ") + "ORDER BY r.revision DESC")
			.param("form", r.formId())
			.param("enterprise", r.enterpriseId())
			.param("period", r.period())
			.query(Rows.of(ReportView.class))
			.list()
			.stream()
			.map(v -> v.counted(calendar, LocalDate.now(clock)))
			.toList();
	}

	/**
	 * The report's lines: every indicator of its form with value, note, previous period and same period last year. The
	 * enterprise reads its working copy ({@link Report#values()}: what it typed last, to be edited); anyone else (the
	 * bureau's pages, API and exports) the values and notes as last submitted ({@link Report#submittedValues()}): a
	 * returned report edited and not sent again shows the bureau what it returned, until the enterprise sends it again.
	 * A note is the enterprise's own text: read by anyone else any ID or mobile number in it is masked
	 * ({@link Masking#personalNumbersIn}), as work plans' texts are; the enterprise's own form keeps it as typed.
	 */
	public List<ValueLine> lines(DataScope scope, long id) {
		ReportView view = get(scope, id);
		Report report = load(id);
		boolean own = scope.kind() == DataScope.Kind.ENTERPRISE;
		Map<String, ReportValue> entries = own ? report.values() : report.submittedValues();
		ReportForm form = forms.get(view.formId());
		Period period = Period.parse(form.periodType(), view.period(), "period");
		List<Indicator> indicators = forms.indicators(form.id());
		Map<String, BigDecimal> values = ReportChecks.withDerived(indicators, Report.numbers(entries));
		Map<String, BigDecimal> previous = approvedValues(indicators, report.enterpriseId(), period.previous());
		Map<String, BigDecimal> lastYear = approvedValues(indicators, report.enterpriseId(), period.sameLastYear());
		List<ValueLine> lines = new ArrayList<>();
		for (Indicator i : indicators) {
			ReportValue rv = entries.get(i.code());
			String note = rv == null ? null : rv.note();
			lines.add(new ValueLine(i, values.get(i.code()), own ? note : Masking.personalNumbersIn(note),
					previous.get(i.code()), lastYear.get(i.code())));
		}
		return lines;
	}

	/** Whether the enterprise has a report (any revision) for the form and period. */
	public boolean exists(long enterpriseId, long formId, Period period) {
		return reports.findLatest(formId, enterpriseId, period.code()).isPresent();
	}

	/**
	 * The report an enterprise works on for a form and period: its newest revision, or a new draft. Only an enterprise
	 * that must report the form may open it, only for a period that has ended and only for one it operated in.
	 * @throws InvalidValueException on {@code period}: another frequency than the form's, a period not ended (rule
	 * {@code ended}), or one that ended before the enterprise began to operate (rule {@code operating},
	 * {@link ReportForms#requireOperating})
	 * Two opens of the same form, enterprise and period at once give the same draft (the second waits for the first).
	 */
	@Transactional
	public long open(DataScope scope, long enterpriseId, long formId, Period period) {
		ReportForm form = requireReporter(scope, enterpriseId, formId);
		EnterpriseView enterprise = enterprises.get(scope, enterpriseId);
		if (period.type() != form.periodType()) {
			throw new InvalidValueException("period", "period", Wording.of("statistics.invalid.periodType", form.name(), form.periodType()), "“" + form.name() + "”按" + form.periodType().label() + "报送");
		}
		// a period is reported once it is over: the figures of a month still running are not yet the month's
		period.requireEnded("period", LocalDate.now(clock));
		// and only one the enterprise operated in (a report already opened before this rule is refused too)
		forms.requireOperating("period", enterpriseId, period);
		// two first saves at once (two tabs, a page and the API) are ordered: the second finds the first's draft and
		// fills it, instead of a 409 naming the table's key "formId,enterpriseId,period,revision"
		TransactionLocks.hold(jdbc, "stat_report_open:" + formId + ":" + enterpriseId + ":" + period.code());
		return reports.findLatest(formId, enterpriseId, period.code()).map(Report::id).orElseGet(() -> {
			Report r = reports.save(Report.draft(formId, new Report.Reporter(enterprise.id(), enterprise.legalName(),
					enterprise.creditCode(), enterprise.regionCode(), enterprise.brandId()), period, forms.dueOn(form, period),
					enterprise.demo(), clock.instant()));
			audit.record(AuditEntry.of("statistics.report.open", "StatReport", r.id(),
					enterprise.legalName() + "填报“" + form.name() + "”" + period.label())
				.states(null, r.snapshot())
				.inRegion(r.regionCode()));
			return r.id();
		});
	}

	/**
	 * Form {@code formId} when enterprise {@code enterpriseId} (in {@code scope}) reports it — asked before the period
	 * a caller typed is read (the page's 填报 and the API), as {@link #open} asks it first.
	 * @throws DomainException 404 for an enterprise or form not there; 422 when the enterprise does not report the form
	 * (本企业不需报送…)
	 */
	public ReportForm requireReporter(DataScope scope, long enterpriseId, long formId) {
		ReportForm form = forms.get(formId);
		EnterpriseView enterprise = enterprises.get(scope, enterpriseId);
		if (!form.covers(enterprise.type(), enterprise.brandId(), enterprise.regionCode())) {
			throw DomainException.rule(Wording.of("statistics.refusal.formNotDue", form.name()),
					"本企业不需报送“" + form.name() + "”");
		}
		return form;
	}

	/**
	 * Saves the values as a draft. Parse errors (see {@code parse}: unknown codes, derived indicators, no number) and
	 * values that can never be valid ({@link ReportChecks#entryErrors}: beyond the column, negative, a fraction of a
	 * count) stop it, all reported together; the other rules wait for the submission.
	 * A draft of a period that ended before the enterprise began to operate is refused first, as on open and submit:
	 * it could never be submitted.
	 * @throws InvalidValueException naming each indicator code; on {@code period}, rule {@code operating}
	 * ({@link ReportForms#requireOperating}) for such a period
	 */
	@Transactional
	public void saveDraft(DataScope scope, long id, Map<String, String> values, Map<String, String> notes, String comment) {
		Report report = loadInScope(scope, id);
		// the state first: a report 已审核 or 已被更正 is refused (409) before its fields are judged (400)
		report.requireEditable("再修改");
		requireOperating(report);
		Parsed parsed = parse(report, values, notes);
		// every refusal at once: the values' and notes', and the comment's
		CollectedErrors errors = new CollectedErrors();
		errors.addAll(parsed.errors());
		errors.addAll(commentErrors(comment));
		if (!errors.isEmpty()) {
			throw errors.refusal();
		}
		var before = report.snapshot();
		report.fill(parsed.values(), comment(comment));
		reports.save(report);
		audit.record(AuditEntry.of("statistics.report.draft", "StatReport", id, report.enterpriseName() + "保存" + report.period() + "报表草稿")
			.states(before, report.snapshot())
			.inRegion(report.regionCode()));
	}

	/**
	 * Fills a draft with some of its values — an uploaded sheet, an enterprise system's call — leaving the others as they
	 * are: a value (or note) given replaces the draft's, an indicator not given keeps its value and note; then saved as
	 * {@link #saveDraft} saves (the same checks, the same audit). The page's form, which shows every value, saves with
	 * {@link #saveDraft} instead: there a value left blank is one taken away.
	 * @param values indicator code → the value as typed (blank: the value taken away)
	 * @param notes indicator code → the explanation as typed
	 * @throws InvalidValueException as {@link #saveDraft}
	 */
	@Transactional
	public void fillDraft(DataScope scope, long id, Map<String, String> values, Map<String, String> notes, String comment) {
		Report report = loadInScope(scope, id);
		saveDraft(scope, id, merged(report, report.values(), values, ReportValue::value, ReportChecks::field),
				merged(report, report.values(), notes, ReportValue::note, ReportChecks::noteField), comment);
	}

	/**
	 * Submits a draft filled with some of its values, as {@link #fillDraft} fills it: the values not given are the
	 * draft's; then every rule is checked as {@link #submit} checks it.
	 * @throws InvalidValueException as {@link #submit}
	 */
	@Transactional
	public void fillAndSubmit(DataScope scope, long id, Map<String, String> values, Map<String, String> notes,
			String comment) {
		Report report = loadInScope(scope, id);
		submit(scope, id, merged(report, report.values(), values, ReportValue::value, ReportChecks::field),
				merged(report, report.values(), notes, ReportValue::note, ReportChecks::noteField), comment);
	}

	/**
	 * The draft's entries of the form's entered indicators (a value as plain text, or a note), with those given over
	 * them: an indicator given keeps what was given, even blank.
	 */
	private Map<String, String> merged(Report report, Map<String, ReportValue> draft, Map<String, String> given,
			Function<ReportValue, Object> part, Function<String, String> field) {
		Map<String, String> merged = new HashMap<>();
		List<Indicator> indicators = forms.indicators(report.formId());
		for (Indicator i : indicators) {
			ReportValue held = draft.get(i.code());
			Object entry = held == null || i.derived() ? null : part.apply(held);
			if (entry != null) {
				merged.put(i.code(), entry instanceof BigDecimal number ? number.toPlainString() : entry.toString());
			}
		}
		// a code given in capitals or full width replaces the draft's entry of that code, not beside it
		List<FieldError> twice = new ArrayList<>();
		merged.putAll(byCode(indicators, given, field, twice));
		if (!twice.isEmpty()) {
			throw new InvalidValueException(twice);
		}
		return merged;
	}

	/**
	 * Entries keyed by indicator code as typed, keyed by the catalogue's code: a code is read as the .xlsx report sheet
	 * and the history import read it ({@link Indicators#codeKey}: capitals, full width, spaces around —
	 * {@code EXPRESS.VOLUME.LOCAL}, {@code ｅｘｐｒｅｓｓ．ｒｅｖｅｎｕｅ}), so the API, the page and the sheet take the same
	 * codes. A code of no indicator of the form stays as typed (refused as unknown); two spellings of one code are
	 * refused on it (rule {@code unique}), the first kept.
	 * @param field the field an error names for a code ({@link ReportChecks#field}, {@link ReportChecks#noteField})
	 * @param errors where the refusals go
	 */
	private static Map<String, String> byCode(List<Indicator> indicators, Map<String, String> entries,
			Function<String, String> field, List<FieldError> errors) {
		Map<String, String> codes = new HashMap<>();
		indicators.forEach(i -> codes.putIfAbsent(Indicators.codeKey(i.code()), i.code()));
		Map<String, String> keyed = new HashMap<>();
		for (String typed : new TreeSet<>(entries.keySet())) {
			String code = typed == null ? null : codes.getOrDefault(Indicators.codeKey(typed), typed);
			if (keyed.containsKey(code)) {
				errors.add(new FieldError(field.apply(code), "unique", "指标代码" + Text.excerpt(String.valueOf(typed), 30)
						+ "与" + code + "是同一指标，请只填一次"));
				continue;
			}
			keyed.put(code, entries.get(typed));
		}
		return keyed;
	}

	/**
	 * Saves and submits in one step: every rule is checked first and a failing report is not changed at all; the
	 * errors name the indicator codes. A period not ended, or one before the enterprise began to operate, is refused
	 * first ({@code period}, rules {@code ended}, {@code operating}).
	 */
	@Transactional
	public void submit(DataScope scope, long id, Map<String, String> values, Map<String, String> notes, String comment) {
		Report report = loadInScope(scope, id);
		// the state first: a report 已审核 or 已被更正 is refused (409) before its fields are judged (400)
		report.requireEditable("报送");
		Parsed parsed = parse(report, values, notes);
		ReportForm form = forms.get(report.formId());
		List<Indicator> indicators = forms.indicators(form.id());
		Period period = Period.parse(form.periodType(), report.period(), "period");
		// a draft opened before this rule (or by a loader) for a period still running is not submitted either
		period.requireEnded("period", LocalDate.now(clock));
		forms.requireOperating("period", report.enterpriseId(), period);
		// every error at once: what did not parse, and the rules over what did (a value refused as typed is not also
		// reported missing)
		CollectedErrors errors = new CollectedErrors();
		errors.addAll(parsed.errors());
		errors.addAll(commentErrors(comment));
		Set<String> refused = parsed.errors().stream().map(FieldError::field).collect(Collectors.toSet());
		ReportChecks.check(indicators, parsed.values(), rules(),
				approvedValues(indicators, report.enterpriseId(), period.previous()),
				approvedValues(indicators, report.enterpriseId(), period.sameLastYear()), settings.jumpThresholdPercent())
			.stream()
			.filter(e -> !refused.contains(e.field()))
			.forEach(errors::add);
		if (!errors.isEmpty()) {
			throw errors.refusal();
		}
		var before = report.snapshot();
		report.fill(parsed.values(), comment(comment));
		// timeliness is judged by the period's due date as counted now (a report without one, of a period once not owed,
		// gets it back here: the period is owed, requireOperating said so)
		report.recountDue(forms.owedDueOn(report.enterpriseId(), form, period));
		report.submit(clock.instant(), LocalDate.now(clock));
		reports.save(report);
		audit.record(AuditEntry.of("statistics.report.submit", "StatReport", id,
				report.enterpriseName() + "报送“" + form.name() + "”" + period.label()
						+ (report.revision() > 1 ? "（第" + report.revision() + "版）" : ""))
			.states(before, report.snapshot())
			.inRegion(report.regionCode()));
		// the period's reminders (催报) to the enterprise are answered: their notifications are marked done
		events.publishEvent(new ReportFiled(report.enterpriseId(), report.creditCode(), report.formId(), report.period()));
	}

	/**
	 * Approves: the values become the facts of the period (replacing those of an earlier approved revision).
	 * @throws InvalidValueException on {@code period}: not ended, or before the enterprise began to operate (rule
	 * {@code operating})
	 */
	@Transactional
	public void approve(DataScope scope, long id, String by) {
		Report report = loadInScope(scope, id);
		report.requireSubmitted("审核"); // the state (409) before the period's checks
		Period period = Period.parse(forms.get(report.formId()).periodType(), report.period(), "period");
		period.requireEnded("period", LocalDate.now(clock));
		// a report submitted before the rule for a period the enterprise did not operate in is not approved either
		forms.requireOperating("period", report.enterpriseId(), period);
		requireDecidingBureau(scope, report.regionCode());
		// ordered against a history import of its province running at once: its rows are seen, or it sees this
		// report's facts (approvals of other provinces do not wait for it)
		HistoryImport.holdFacts(jdbc, List.of(report.regionCode()), true);
		refuseOverHistory(report);
		var before = report.snapshot();
		report.approve(by, clock.instant());
		if (report.revision() > 1) {
			reports.findApproved(report.formId(), report.enterpriseId(), report.period()).ifPresent(old -> {
				old.supersede();
				reports.save(old);
			});
		}
		reports.save(report);
		writeFacts(report);
		audit.record(AuditEntry.of("statistics.report.approve", "StatReport", id,
				"审核通过" + report.enterpriseName() + report.period() + "报表" + (report.revision() > 1 ? "（第" + report.revision() + "版）" : ""))
			.states(before, report.snapshot())
			.inRegion(report.regionCode()));
	}

	/**
	 * Refuses a decision (审核通过, 退回) by a bureau above the one of the reporter's region (README: the bureau of the
	 * reporter's region decides): a city's department reads its counties' reports but approves only those of the
	 * region its own bureau handles ({@link Bureaus#handling}: the county's bureau where one with a 处室工作人员 is on the
	 * platform, else the city's).
	 * @throws AccessRefusedException (403) in the words of every module's refusal, {@link Bureaus#refusal}
	 */
	private void requireDecidingBureau(DataScope scope, String regionCode) {
		if (!decides(scope, regionCode)) {
			throw bureaus.refusal(regionCode, "报表");
		}
	}

	/**
	 * Refuses the caller a decision (审核通过, 退回) on report {@code id} before anything it sent is read
	 * ({@code StepAccess}): a report out of its scope, or a draft never submitted, 404; one of a region its bureau does
	 * not handle 403 ({@link Bureaus#refusal}) — as {@link #approve} and {@link #returnForCorrection} decide.
	 * @throws DomainException 404 outside the scope
	 * @throws AccessRefusedException 403 for a bureau that reads the report and does not decide it
	 */
	public void requireDeciding(DataScope scope, long id) {
		requireDecidingBureau(scope, get(scope, id).regionCode());
	}

	/**
	 * Whether the caller's bureau decides (审核通过, 退回) reports of the region: the bureau handling it
	 * ({@link Bureaus#handles}), not one above it — the report page offers the buttons only then.
	 */
	public boolean decides(DataScope scope, String regionCode) {
		return bureaus.handles(scope, regionCode);
	}

	/**
	 * Refuses to approve a report whose values the history import already gives as region totals: a month the import
	 * keeps for a region holding the enterprise's (or one inside it) and one of the report's indicators — approving it
	 * would count the enterprise twice there (attack round 9; {@link HistoryImport} refuses the reverse).
	 * @throws DomainException (409, field {@code period}, rule {@code history-imported}) naming the region and month
	 */
	private void refuseOverHistory(Report report) {
		List<String> codes = report.submittedValues().entrySet().stream().filter(e -> e.getValue().value() != null)
			.map(Map.Entry::getKey).toList();
		if (codes.isEmpty()) {
			return;
		}
		// a region holding the enterprise's (the reverse test stays bound), or one inside it (RegionPrefix's range)
		jdbc.sql("""
				SELECT region_code, to_char(period_start, 'YYYY-MM') FROM stat_fact
				WHERE source = 'HISTORY' AND indicator_code IN (:codes) AND period_start BETWEEN :start AND :end
				  AND (:region LIKE region_code || '%' OR\s""" + RegionPrefix.of(report.regionCode()).predicate("region_code") + """
				)
				ORDER BY period_start, region_code LIMIT 1""")
			.param("codes", codes)
			.param("start", report.periodStart())
			.param("end", report.periodEnd())
			.param("region", report.regionCode())
			.query((rs, n) -> rs.getString(1) + "的" + rs.getString(2))
			.optional()
			.ifPresent(kept -> {
				throw DomainException.illegalTransition("period", "history-imported", Wording.of("statistics.refusal.approveImported", kept),
						"历史数据导入已有" + kept
						+ "的合计数，审核通过本报表会重复计数：请退回本报表，或由导入历史数据的部门核实后处理");
			});
	}

	/**
	 * Returns a submitted report to its enterprise with a reason (退回): the enterprise may edit it again (its working
	 * copy), while the bureau keeps reading the values as submitted until it is sent again. Its due date is counted again
	 * by the one rule of a report's due date ({@link ReportForms#owedDueOn}, as 报送进度 counts it; none for a period the
	 * enterprise did not operate in, which is then not 逾期未报). Publishes
	 * {@link ReportReturned}: the period is owed again, so its 催报 notifications stand again.
	 * @throws DomainException 409 on {@code status} for a report not 已报送
	 * @throws AccessRefusedException 403 for a bureau above the one deciding the report
	 * @throws InvalidValueException on {@code reason}: required, at most 500 characters
	 */
	@Transactional
	public void returnForCorrection(DataScope scope, long id, String reason, String by) {
		reason = Text.freeText(reason);
		Report report = loadInScope(scope, id);
		report.requireSubmitted("退回"); // the state (409) before the reason (400)
		requireDecidingBureau(scope, report.regionCode());
		new Validation().required("reason", "退回原因", reason).maxLength("reason", "退回原因", reason, 500).throwIfInvalid();
		var before = report.snapshot();
		report.returnForCorrection(Text.strip(reason), by, clock.instant());
		// owed again: its 逾期未报 is judged by the period's due date as 报送进度 counts it now (a calendar loaded while
		// it stood sent did not move the date it kept)
		ReportForm form = forms.get(report.formId());
		report.recountDue(forms.owedDueOn(report.enterpriseId(), form, Period.parse(form.periodType(), report.period(), "period")));
		reports.save(report);
		audit.record(AuditEntry.of("statistics.report.return", "StatReport", id,
				"退回" + report.enterpriseName() + report.period() + "报表：" + Text.strip(reason))
			.states(before, report.snapshot())
			.inRegion(report.regionCode()));
		// the period is owed again: the reminders (催报) marked done when it was filed stand again
		events.publishEvent(new ReportReturned(report.enterpriseId(), report.creditCode(), report.formId(), report.period()));
	}

	/**
	 * Starts a correction of an approved report: a new draft revision; the approved one counts until it is replaced.
	 * @return the new revision's id
	 * @throws InvalidValueException on {@code reason} (required, at most 500 characters); on {@code period}, rule
	 * {@code operating}, for a report (kept from before the rule, or left by a corrected licence date) of a period that
	 * ended before the enterprise began to operate: its correction could never be submitted
	 */
	@Transactional
	public long revise(DataScope scope, long id, String reason) {
		reason = Text.freeText(reason);
		// out of scope is 404 before anything about the request is said (the reason's problems would tell it exists)
		Report report = loadInScope(scope, id);
		// the state first (409), then the reason (400): a superseded or unapproved report is refused whatever was typed
		Report latest = reports.findLatest(report.formId(), report.enterpriseId(), report.period()).orElseThrow();
		if (latest.revision() != report.revision()) {
			throw DomainException.illegalTransition("status", "superseded", Wording.of("statistics.refusal.newerRevision", latest.revision()),
					"该报表已有第" + latest.revision() + "版更正，请在最新版本上操作");
		}
		report.requireApproved();
		requireOperating(report);
		new Validation().required("reason", "更正原因", reason).maxLength("reason", "更正原因", reason, 500).throwIfInvalid();
		Report revision = reports.save(report.revise(Text.strip(reason), clock.instant()));
		audit.record(AuditEntry.of("statistics.report.revise", "StatReport", revision.id(),
				report.enterpriseName() + "更正" + report.period() + "报表（第" + revision.revision() + "版）：" + Text.strip(reason))
			.states(null, revision.snapshot())
			.inRegion(report.regionCode()));
		return revision.id();
	}

	/** The approved values of an enterprise for a period (derived indicators computed), for comparisons. */
	Map<String, BigDecimal> approvedValues(List<Indicator> indicators, long enterpriseId, Period period) {
		Map<String, BigDecimal> values = new HashMap<>();
		jdbc.sql("""
				SELECT indicator_code, value FROM stat_fact
				WHERE enterprise_id = :enterprise AND period_start = :start AND period_end = :end""")
			.param("enterprise", enterpriseId)
			.param("start", period.start())
			.param("end", period.end())
			.query((rs, i) -> values.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return ReportChecks.withDerived(indicators, values);
	}

	public List<ReportChecks.Rule> rules() {
		return jdbc.sql("SELECT code, left_formula, operator, right_formula, message FROM stat_rule ORDER BY code")
			.query(Rows.of(ReportChecks.Rule.class))
			.list();
	}

	private void writeFacts(Report report) {
		List<String> regions = jdbc.sql("SELECT DISTINCT region_code FROM stat_fact WHERE enterprise_id = :enterprise "
				+ "AND period_start = :start AND period_end = :end")
			.param("enterprise", report.enterpriseId())
			.param("start", report.periodStart())
			.param("end", report.periodEnd())
			.query(String.class)
			.list();
		jdbc.sql("DELETE FROM stat_fact WHERE enterprise_id = :enterprise AND period_start = :start AND period_end = :end "
				+ "AND indicator_code IN (SELECT indicator_code FROM stat_form_indicator WHERE form_id = :form)")
			.param("enterprise", report.enterpriseId())
			.param("start", report.periodStart())
			.param("end", report.periodEnd())
			.param("form", report.formId())
			.update();
		// the values the bureau approved: those sent (a report is decided only while 已报送, when they are the working copy too)
		report.submittedValues().forEach((code, v) -> {
			if (v.value() != null) {
				jdbc.sql("""
						INSERT INTO stat_fact (indicator_code, period_start, period_end, region_code, brand_id, enterprise_id,
						                       report_id, source, value)
						VALUES (:code, :start, :end, :region, :brand, :enterprise, :report, 'REPORT', :value)""")
					.param("code", code)
					.param("start", report.periodStart())
					.param("end", report.periodEnd())
					.param("region", report.regionCode())
					.param("brand", report.brandId())
					.param("enterprise", report.enterpriseId())
					.param("report", report.id())
					.param("value", v.value())
					.update();
			}
		});
		List<String> touched = new ArrayList<>(regions);
		touched.add(report.regionCode());
		rollup.refresh(List.of(report.periodStart()), touched);
	}

	/** Typed values as read: those that are good, and an error for each that is not. */
	private record Parsed(Map<String, ReportValue> values, List<FieldError> errors) {
	}

	/**
	 * Parses typed values, each by the one reading of a reported value ({@link ReportedValue#read(Indicator, String,
	 * String)}: thousands in well-formed groups, full-width digits, a percent sign only on a rate, no exponent notation,
	 * the unit's decimals, and the rules no draft may break, {@link ReportChecks#entryErrors}); a code the form does not have ("未知指标代码") and a
	 * value or note for a derived (computed) indicator are refused rather than dropped; every bad value is reported,
	 * and a refused value is left out of the values.
	 */
	private Parsed parse(Report report, Map<String, String> typedValues, Map<String, String> typedNotes) {
		return parse(report.formId(), typedValues, typedNotes);
	}

	/**
	 * What values and notes sent for a form break on their own, before any report is opened for them — unknown or
	 * derived codes, a code in two spellings, no number, beyond the column, negative, a fraction of a count, a note too
	 * long — and the comment's: told with a refusal of the report's other fields (its period), so that one field's
	 * failure does not hide the others (attack 3). The rules over several values wait for the submission.
	 * @param formId the form the values are of
	 * @param values indicator code → the value as typed
	 * @param notes indicator code → the explanation as typed
	 * @param comment the 填报说明 as typed, or null
	 * @return the errors, each naming its indicator's field; empty when none
	 */
	public List<FieldError> entryErrors(long formId, Map<String, String> values, Map<String, String> notes, String comment) {
		CollectedErrors errors = new CollectedErrors();
		errors.addAll(parse(formId, values, notes).errors());
		errors.addAll(commentErrors(comment));
		return errors;
	}

	private Parsed parse(long formId, Map<String, String> typedValues, Map<String, String> typedNotes) {
		List<Indicator> indicators = forms.indicators(formId);
		Map<String, ReportValue> parsed = new HashMap<>();
		// a value's refusal keeps its key (ReportedValue's keyed sentences worded in the reader's language)
		CollectedErrors errors = new CollectedErrors();
		// the codes read as the sheet reads them (capitals, full width): the one code reader of every path
		Map<String, String> values = byCode(indicators, typedValues, ReportChecks::field, errors);
		Map<String, String> notes = byCode(indicators, typedNotes, ReportChecks::noteField, errors);
		Map<String, Indicator> byCode = new HashMap<>();
		indicators.forEach(i -> byCode.put(i.code(), i));
		// each key is refused under the part of the body it came in (values.x or notes.x), a code named in both twice
		unfilled(byCode, values, ReportChecks::field, errors);
		unfilled(byCode, notes, ReportChecks::noteField, errors);
		for (Indicator i : indicators) {
			if (i.derived()) {
				continue;
			}
			String text = values.get(i.code());
			String note = clean(notes.get(i.code()));
			errors.addAll(ReportChecks.noteErrors(i, ReportChecks.noteField(i.code()), note));
			// the one reading of a reported value (the page, the API and the sheet alike), with the column's digits and
			// the rules no draft may break, before anything computes with it
			BigDecimal value = null;
			try {
				value = ReportedValue.read(i, ReportChecks.field(i.code()), text);
			}
			catch (InvalidValueException ex) {
				errors.addRefusal(ex);
			}
			if (value != null || note != null) {
				parsed.put(i.code(), new ReportValue(value, note));
			}
		}
		return new Parsed(parsed, errors);
	}

	/**
	 * The errors of the keys of a part of the body ({@code values} or {@code notes}) that may not be filled in: a code
	 * the form does not have, and a derived indicator's code with a non-blank entry.
	 * @param field the key's field name in that part ({@link ReportChecks#field}, {@link ReportChecks#noteField})
	 */
	private static void unfilled(Map<String, Indicator> byCode, Map<String, String> entries,
			Function<String, String> field, List<FieldError> errors) {
		for (String code : new TreeSet<>(entries.keySet())) {
			Indicator i = byCode.get(code);
			if (i == null) {
				errors.add(new FieldError(field.apply(code), "indicator", "未知指标代码：" + Text.excerpt(String.valueOf(code), 30)
						+ "（本报表没有这个指标，请核对代码）"));
			}
			else if (i.derived() && entries.get(code) != null && !Text.isBlank(entries.get(code))) {
				errors.add(new FieldError(field.apply(code), "derived", i.name() + "由系统计算，不能填报"));
			}
		}
	}

	private static String clean(String text) {
		return text == null || Text.isBlank(text) ? null : Text.strip(text);
	}

	private static String comment(String comment) {
		Validation.after(commentErrors(comment)).throwIfInvalid();
		return clean(Text.freeText(comment));
	}

	/** What refuses the 填报说明 (at most 1000 characters), to be reported with the values' and notes' refusals. */
	private static List<FieldError> commentErrors(String comment) {
		return new Validation().maxLength("comment", "填报说明", Text.freeText(comment), 1000).errors();
	}

	/**
	 * Refuses to work on a report of a period that ended before its enterprise began to operate (open, submit and
	 * approve refuse it too; a draft saved or a correction started for it could never be submitted).
	 * @throws InvalidValueException on {@code period}, rule {@code operating}
	 */
	private void requireOperating(Report report) {
		forms.requireOperating("period", report.enterpriseId(),
				Period.parse(forms.get(report.formId()).periodType(), report.period(), "period"));
	}

	private Report load(long id) {
		return reports.findById(id).orElseThrow(() -> DomainException.notFound("统计报表", id));
	}

	private Report loadInScope(DataScope scope, long id) {
		find(scope, id, true);
		return load(id);
	}
}
