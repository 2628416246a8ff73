package org.youguan.filing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.Attachment;
import org.youguan.documents.AttachmentDraft;
import org.youguan.documents.AttachmentOwner;
import org.youguan.documents.Attachments;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Validation;
import org.youguan.kernel.WorkState;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.platform.Secrets;
import org.youguan.org.CurrentUser;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletData;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.kernel.Rows;

/**
 * The filing procedure. Enterprises submit (new outlet, change, closure) and supplement; the bureau notifies missing
 * items once, approves or rejects. Each step is one transaction with its audit event; deadlines come from the rule
 * catalogue on the working-day calendar.
 */
@Service
public class OutletFilings {

	/**
	 * Queue filters. {@code state}: {@link WorkState#OPEN} — with the bureau or waiting for the enterprise's supplement;
	 * {@link WorkState#DONE} — approved or rejected; {@link WorkState#ALL} (or null) — any.
	 */
	public record Filter(FilingStatus status, WorkState state, boolean overdueOnly, FilingKind kind) {

		public static final Filter NONE = new Filter(null, WorkState.ALL, false, null);
	}

	static final String APPLICATION_NUMBER_TYPE = "备案申请";

	static final Set<String> SORTS = Set.of("due_on", "submitted_on", "number", "completed_on");

	private static final String SELECT = """
			SELECT f.id, f.number, f.kind, f.outlet_id, f.outlet_name, f.enterprise_credit_code, f.enterprise_name,
			       f.brand_name, f.region_code, r.name AS region_name, f.status, f.submitted_on, f.clock_start, f.due_on,
			       f.missing_notice_due, f.missing_items_notified, f.missing_items, f.decision_note, f.opened_on,
			       f.late_filing, f.change_description, f.completed_on, f.working_days_taken, f.filing_number,
			       (f.status = 'SUBMITTED' AND f.due_on < :today) AS overdue,
			       (f.status = 'SUBMITTED' AND f.due_on >= :today AND f.due_on <= :soon) AS due_soon
			FROM outlet_filing f JOIN region_name r ON r.code = f.region_code""";

	private final OutletFilingRepository filings;

	private final Enterprises enterprises;

	private final Outlets outlets;

	private final StatutoryRules rules;

	private final WorkingCalendar calendar;

	private final BusinessNumbers numbers;

	private final FilingSettings settings;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Secrets secrets;

	private final Attachments attachments;

	/** The owning module and owner type of a filing's attachments (see {@link FilingAttachmentAccess}). */
	static final String MODULE = "filing";

	static final String OWNER_TYPE = "outlet_filing";

	/** The context a change filing's proposed data is encrypted under (it holds the manager's ID and phone). */
	static final String PROPOSED = "outlet_filing.proposed";

	OutletFilings(OutletFilingRepository filings, Enterprises enterprises, Outlets outlets, StatutoryRules rules,
			WorkingCalendar calendar, BusinessNumbers numbers, FilingSettings settings, JdbcClient jdbc, JsonMapper json,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock, Secrets secrets, Attachments attachments) {
		this.secrets = secrets;
		this.attachments = attachments;
		this.filings = filings;
		this.enterprises = enterprises;
		this.outlets = outlets;
		this.rules = rules;
		this.calendar = calendar;
		this.numbers = numbers;
		this.settings = settings;
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	// ---- enterprise side ----------------------------------------------------------------------------------------

	/**
	 * Files a new outlet: the outlet is registered as pending and the filing goes to the bureau of its county. Required
	 * attachments: the operator's business licence, the manager's ID, photos; a branch also attaches its parent's
	 * authorisation. Every problem, in the form and in the attachments, is reported at once.
	 */
	@Transactional
	public long submitNew(CurrentUser user, OutletData data, List<Upload> uploads) {
		return submitNew(user, data, uploads, null);
	}

	/**
	 * Files a new outlet as {@link #submitNew(CurrentUser, OutletData, List)} does, with the files held for the form's
	 * draft ({@link #hold}) counted as uploaded: they become the filing's attachments when it is saved, and stay held
	 * when it is refused.
	 * @param draft the form's draft, or null
	 * @throws InvalidValueException every problem of the form and the attachments at once; nothing is saved
	 */
	@Transactional
	public long submitNew(CurrentUser user, OutletData data, List<Upload> uploads, AttachmentDraft draft) {
		EnterpriseView enterprise = ownEnterprise(user);
		OutletData own = withEnterprise(data, enterprise.id());
		EnumSet<AttachmentKind> required = EnumSet.of(AttachmentKind.BUSINESS_LICENCE, AttachmentKind.MANAGER_ID,
				AttachmentKind.PHOTO);
		if (own.branchId() != null) {
			required.add(AttachmentKind.AUTHORISATION);
		}
		List<Attachment> held = draft == null ? List.of() : attachments.held(draft);
		List<FieldError> errors = new ArrayList<>(checkUploads(uploads, required, held));
		try {
			outlets.check(DataScope.all(), own);
		}
		catch (InvalidValueException ex) {
			errors.addAll(0, ex.fieldErrors());
		}
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors);
		}
		long outletId = outlets.register(DataScope.all(), own, false);
		OutletView outlet = outlets.get(DataScope.all(), outletId);
		LocalDate today = today();
		LocalDate due = rules.deadline(StatutoryRule.OUTLET_FILING_AFTER_OPENING, own.openedOn(), outlet.regionCode());
		long id = save(FilingKind.NEW, outlet, enterprise, today, own.openedOn(), today.isAfter(due), null, null, uploads,
				"提交末端网点备案“" + outlet.name() + "”" + (today.isAfter(due) ? "（开办超过" 
						+ rules.intValue(StatutoryRule.OUTLET_FILING_AFTER_OPENING, outlet.regionCode()) + "日，逾期备案）" : ""));
		if (draft != null) {
			attachments.attach(draft, owner(id));
		}
		return id;
	}

	/** The draft of an enterprise user's filing form: its token (a hidden field; new when missing or malformed). */
	public static AttachmentDraft draft(String token, CurrentUser user) {
		return AttachmentDraft.of(MODULE, OWNER_TYPE, token, user.getUsername());
	}

	/**
	 * Holds the files a filing form posted, each checked by content and size, for the form's draft, so a form refused
	 * for another reason keeps them (issue 13 item 9).
	 * @return the problems of the files that were refused (the others are held), by field
	 * {@code attachments.<KIND>} or {@code attachments} (count)
	 */
	public List<FieldError> hold(AttachmentDraft draft, List<Upload> uploads) {
		List<FieldError> errors = new ArrayList<>();
		int count = attachments.held(draft).size();
		for (Upload u : uploads) {
			if (count >= settings.maxAttachments()) {
				errors.add(new FieldError("attachments", "count", "附件不能超过" + settings.maxAttachments() + "个"));
				break;
			}
			try {
				attachments.hold(draft, u.kind().name(), u.file(), u.field(), u.kind().label(), settings.maxAttachmentBytes());
				count++;
			}
			catch (InvalidValueException ex) {
				errors.addAll(ex.fieldErrors());
			}
		}
		return errors;
	}

	/** The files held for a filing form's draft. */
	public List<Attachment> held(AttachmentDraft draft) {
		return attachments.held(draft);
	}

	/** Removes one file held for a filing form's draft (its "remove" button). */
	public void release(AttachmentDraft draft, long attachmentId) {
		attachments.release(draft, attachmentId);
	}

	/**
	 * Files a change of a filed outlet (name, cooperation type, location, manager, facilities), due within 10 days of
	 * the change; the registry is updated when the bureau approves.
	 */
	@Transactional
	public long submitChange(CurrentUser user, long outletId, OutletData data, LocalDate changedOn, String description,
			List<Upload> uploads) {
		return submitChange(user, outletId, data, changedOn, description, uploads, null);
	}

	/**
	 * Files a change as {@link #submitChange(CurrentUser, long, OutletData, LocalDate, String, List)} does, with the
	 * files held for the form's draft ({@link #hold}) attached when it is saved (they stay held when it is refused).
	 * @param draft the form's draft, or null
	 */
	@Transactional
	public long submitChange(CurrentUser user, long outletId, OutletData data, LocalDate changedOn, String description,
			List<Upload> uploads, AttachmentDraft draft) {
		EnterpriseView enterprise = ownEnterprise(user);
		OutletView outlet = outlets.get(DataScope.enterprise(enterprise.creditCode()), outletId);
		requireFiled(outlet);
		Validation v = new Validation();
		v.required("changeDescription", "变更事项", description).maxLength("changeDescription", "变更事项", description, 1000);
		v.require("changedOn", changedOn != null && !changedOn.isAfter(today()), "required", "请填写变更日期（不能晚于今天）");
		OutletData proposed = v.check("outlet", () -> outlets.check(DataScope.all(), withEnterprise(data, enterprise.id())));
		List<FieldError> errors = new ArrayList<>(v.errors());
		errors.addAll(checkUploads(uploads, EnumSet.noneOf(AttachmentKind.class),
				draft == null ? List.of() : attachments.held(draft)));
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors);
		}
		LocalDate due = rules.deadline(StatutoryRule.OUTLET_CHANGE_FILING, changedOn, outlet.regionCode());
		long id = save(FilingKind.CHANGE, outlet, enterprise, today(), changedOn, today().isAfter(due), description.strip(),
				secrets.encrypt(json.writeValueAsString(proposed), PROPOSED), uploads, "提交末端网点变更备案“" + outlet.name() + "”：" + description.strip());
		if (draft != null) {
			attachments.attach(draft, owner(id));
		}
		return id;
	}

	/** Asks to close (撤销) a filed outlet. */
	@Transactional
	public long submitClosure(CurrentUser user, long outletId, String reason) {
		EnterpriseView enterprise = ownEnterprise(user);
		OutletView outlet = outlets.get(DataScope.enterprise(enterprise.creditCode()), outletId);
		requireFiled(outlet);
		new Validation().required("reason", "撤销原因", reason).maxLength("reason", "撤销原因", reason, 1000).throwIfInvalid();
		return save(FilingKind.CLOSURE, outlet, enterprise, today(), null, false, reason.strip(), null, List.of(),
				"申请撤销末端网点“" + outlet.name() + "”：" + reason.strip());
	}

	/** The enterprise answers a notice of missing items; the 5-working-day clock starts again. */
	@Transactional
	public void supplement(CurrentUser user, long id, String note, List<Upload> uploads) {
		OutletFiling f = load(DataScope.enterprise(ownEnterprise(user).creditCode()), id);
		List<FieldError> errors = new ArrayList<>(checkUploads(uploads, EnumSet.noneOf(AttachmentKind.class), List.of()));
		if ((note == null || note.isBlank()) && uploads.isEmpty()) {
			errors.add(new FieldError("note", "required", "请填写补正说明或上传补正材料"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors);
		}
		var before = f.snapshot();
		f.supplement(clockFrom(today(), f.regionCode()));
		filings.save(f);
		store(f.id(), uploads);
		audit.record(AuditEntry.of("filing.supplement", "OutletFiling", id, "补正备案" + f.number()
				+ (note == null || note.isBlank() ? "" : "：" + note.strip())).states(before, f.snapshot()).inRegion(f.regionCode()));
	}

	// ---- bureau side --------------------------------------------------------------------------------------------

	/** 一次性告知: every missing item, once, due within 2 working days. */
	@Transactional
	public void notifyMissingItems(DataScope scope, long id, String items) {
		new Validation().required("missingItems", "补正事项", items).maxLength("missingItems", "补正事项", items, 1000).throwIfInvalid();
		OutletFiling f = load(scope, id);
		var before = f.snapshot();
		f.notifyMissingItems(items.strip());
		filings.save(f);
		audit.record(AuditEntry.of("filing.notify-missing", "OutletFiling", id, "一次性告知补正：" + items.strip())
			.states(before, f.snapshot())
			.inRegion(f.regionCode()));
	}

	/**
	 * Completes the filing: a new outlet gets its filing number, a change is applied, a closure closes it.
	 * @throws InvalidValueException field {@code note} when the optional note is over 1000 characters
	 */
	@Transactional
	public String approve(DataScope scope, long id, String note) {
		new Validation().maxLength("note", "备案意见", note, 1000).throwIfInvalid();
		OutletFiling f = load(scope, id);
		f.requireApprovable();
		LocalDate today = today();
		String number = switch (f.kind()) {
			case NEW -> outlets.markFiled(scope, f.outletId(), today);
			case CHANGE -> {
				outlets.amend(scope, f.outletId(), json.readValue(secrets.decrypt(f.proposedCipher(), PROPOSED), OutletData.class));
				yield outlets.get(scope, f.outletId()).filingNumber();
			}
			case CLOSURE -> {
				outlets.close(scope, f.outletId());
				yield outlets.get(scope, f.outletId()).filingNumber();
			}
		};
		var before = f.snapshot();
		int days = Math.max(0, calendar.workingDaysBetween(f.clockStart(), today));
		f.approve(number, today, days, note == null || note.isBlank() ? null : note.strip());
		filings.save(f);
		audit.record(AuditEntry.of("filing.approve", "OutletFiling", id, "准予" + f.kind().label() + f.number() + "，备案编号"
				+ number + "，用时" + days + "个工作日").states(before, f.snapshot()).inRegion(f.regionCode()));
		if (f.kind() == FilingKind.NEW) {
			events.publishEvent(new OutletFiled(id, f.outletId(), number, f.regionCode(), f.enterpriseCreditCode(),
					f.lateFiling()));
		}
		return number;
	}

	@Transactional
	public void reject(DataScope scope, long id, String reason) {
		new Validation().required("reason", "不予备案理由", reason).maxLength("reason", "不予备案理由", reason, 1000).throwIfInvalid();
		OutletFiling f = load(scope, id);
		var before = f.snapshot();
		f.reject(reason.strip(), today(), Math.max(0, calendar.workingDaysBetween(f.clockStart(), today())));
		filings.save(f);
		if (f.kind() == FilingKind.NEW) {
			outlets.close(DataScope.all(), f.outletId());
		}
		audit.record(AuditEntry.of("filing.reject", "OutletFiling", id, "不予" + f.kind().label() + f.number() + "：" + reason.strip())
			.states(before, f.snapshot())
			.inRegion(f.regionCode()));
	}

	// ---- reading ------------------------------------------------------------------------------------------------

	public PageResult<FilingView> list(DataScope scope, Filter filter, PageQuery page) {
		Map<String, Object> params = new HashMap<>(scope.params());
		LocalDate today = today();
		params.put("today", today);
		params.put("soon", calendar.plusWorkingDays(today, 1));
		StringBuilder where = new StringBuilder(" WHERE ").append(scope.enterprisePredicate("f.enterprise_credit_code", "f.region_code"));
		if (!page.q().isEmpty()) {
			where.append(" AND (f.number LIKE :q ESCAPE '\\' OR f.outlet_name LIKE :q ESCAPE '\\' OR f.enterprise_name LIKE :q ESCAPE '\\')");
			params.put("q", page.likePattern());
		}
		if (filter.status() != null) {
			where.append(" AND f.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.state() == WorkState.OPEN) {
			where.append(" AND f.status IN ('SUBMITTED', 'MISSING_ITEMS')");
		}
		else if (filter.state() == WorkState.DONE) {
			where.append(" AND f.status IN ('APPROVED', 'REJECTED')");
		}
		if (filter.overdueOnly()) {
			where.append(" AND f.status = 'SUBMITTED' AND f.due_on < :today");
		}
		if (filter.kind() != null) {
			where.append(" AND f.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		long total = jdbc.sql("SELECT count(*) FROM outlet_filing f" + where).params(params).query(Long.class).single();
		List<FilingView> items = jdbc
			.sql(SELECT + where + " ORDER BY f." + page.sortOr(SORTS, "due_on") + " " + page.direction()
					+ ", f.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Rows.of(FilingView.class))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	public FilingView get(DataScope scope, long id) {
		LocalDate today = today();
		return jdbc.sql(SELECT + " WHERE f.id = :id AND " + scope.enterprisePredicate("f.enterprise_credit_code", "f.region_code"))
			.params(scope.params())
			.param("id", id)
			.param("today", today)
			.param("soon", calendar.plusWorkingDays(today, 1))
			.query(Rows.of(FilingView.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("备案", id));
	}

	/** A filing's attachments, for a caller who may see the filing (404 otherwise). */
	public List<Attachment> attachments(DataScope scope, long filingId) {
		get(scope, filingId);
		return attachments.list(owner(filingId));
	}

	static AttachmentOwner owner(long filingId) {
		return new AttachmentOwner(MODULE, OWNER_TYPE, filingId);
	}

	/** The outlet's address as the registry holds it (for documents). */
	String outletAddress(long outletId) {
		return outlets.get(DataScope.all(), outletId).address();
	}

	/** Filings with the bureau whose clock is overdue or ends within a working day, for the dashboard. */
	public long countNeedingAttention(DataScope scope) {
		return jdbc.sql("SELECT count(*) FROM outlet_filing f WHERE f.status = 'SUBMITTED' AND f.due_on <= :soon AND "
				+ scope.regionPredicate("f.region_code"))
			.params(scope.params())
			.param("soon", calendar.plusWorkingDays(today(), 1))
			.query(Long.class)
			.single();
	}

	/** Approved filings completed between {@code from} and {@code to} (inclusive), by county and by brand. */
	public FilingMetrics metrics(DataScope scope, LocalDate from, LocalDate to) {
		String base = " FROM outlet_filing f JOIN region_name r ON r.code = substr(f.region_code, 1, 6) WHERE f.status = 'APPROVED'"
				+ " AND f.completed_on BETWEEN :from AND :to AND " + scope.regionPredicate("f.region_code");
		String figures = "count(*) AS completed, round(avg(f.working_days_taken), 1) AS avg_days, max(f.working_days_taken) AS max_days,"
				+ " round(100.0 * count(*) FILTER (WHERE f.completed_on <= f.due_on) / nullif(count(*), 0), 1) AS on_time,"
				+ " count(*) FILTER (WHERE f.late_filing) AS late";
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("from", from);
		params.put("to", to);
		var total = jdbc.sql("SELECT 'all' AS key, '合计' AS label, " + figures + base).params(params).query(this::row).single();
		var byCounty = jdbc.sql("SELECT r.code AS key, r.name AS label, " + figures + base + " GROUP BY r.code, r.name ORDER BY r.code")
			.params(params)
			.query(this::row)
			.list();
		var byBrand = jdbc.sql("SELECT coalesce(f.brand_name, '其他') AS key, coalesce(f.brand_name, '其他') AS label, " + figures + base
				+ " GROUP BY f.brand_name ORDER BY count(*) DESC").params(params).query(this::row).list();
		return new FilingMetrics(total, byCounty, byBrand);
	}

	private FilingMetrics.Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new FilingMetrics.Row(rs.getString("key"), rs.getString("label"), rs.getLong("completed"),
				rs.getBigDecimal("avg_days"), (Integer) rs.getObject("max_days"), rs.getBigDecimal("on_time"),
				rs.getLong("late"));
	}

	// ---- internals ----------------------------------------------------------------------------------------------

	private long save(FilingKind kind, OutletView outlet, EnterpriseView enterprise, LocalDate today, LocalDate eventDate,
			boolean late, String description, byte[] proposed, List<Upload> uploads, String summary) {
		String county = outlet.regionCode().substring(0, 6);
		OutletFiling f = OutletFiling.submit(numbers.next(APPLICATION_NUMBER_TYPE, county, today.getYear()), kind,
				new OutletFiling.Subject(outlet.id(), outlet.name(), enterprise.creditCode(), enterprise.legalName(),
						outlet.brandName(), outlet.regionCode()),
				today, clockFrom(today, outlet.regionCode()), eventDate, late, description, proposed, false, clock.instant());
		f = filings.save(f);
		store(f.id(), uploads);
		audit.record(AuditEntry.of("filing.submit", "OutletFiling", f.id(), summary + "，受理编号" + f.number())
			.states(null, f.snapshot())
			.inRegion(f.regionCode()));
		return f.id();
	}

	/** The clock from a start day: complete within 5 working days, notify missing items within 2. */
	FilingClock clockFrom(LocalDate start, String region) {
		return new FilingClock(start, rules.deadline(StatutoryRule.OUTLET_BUREAU_FILING, start, region),
				rules.deadline(StatutoryRule.OUTLET_MISSING_ITEMS_NOTICE, start, region));
	}

	private List<FieldError> checkUploads(List<Upload> uploads, Set<AttachmentKind> required, List<Attachment> held) {
		List<FieldError> errors = new ArrayList<>();
		if (uploads.size() + held.size() > settings.maxAttachments()) {
			errors.add(new FieldError("attachments", "count", "附件不能超过" + settings.maxAttachments() + "个"));
		}
		for (Upload u : uploads) {
			try {
				attachments.check(u.file(), u.field(), u.kind().label(), settings.maxAttachmentBytes());
			}
			catch (InvalidValueException ex) {
				errors.addAll(ex.fieldErrors());
			}
		}
		for (AttachmentKind kind : required) {
			if (uploads.stream().noneMatch(u -> u.kind() == kind) && held.stream().noneMatch(a -> a.kind().equals(kind.name()))) {
				errors.add(new FieldError("attachments." + kind.name(), "required", "请上传" + kind.label()));
			}
		}
		return errors;
	}

	private void store(long filingId, List<Upload> uploads) {
		for (Upload u : uploads) {
			attachments.store(owner(filingId), u.kind().name(), u.file(), u.field(), u.kind().label(),
					settings.maxAttachmentBytes());
		}
	}

	OutletFiling load(DataScope scope, long id) {
		OutletFiling f = filings.findById(id).orElseThrow(() -> DomainException.notFound("备案", id));
		boolean visible = scope.kind() == DataScope.Kind.ENTERPRISE
				? f.enterpriseCreditCode().equals(scope.enterpriseCreditCode()) : scope.containsRegion(f.regionCode());
		if (!visible) {
			throw DomainException.notFound("备案", id);
		}
		return f;
	}

	private EnterpriseView ownEnterprise(CurrentUser user) {
		if (user.enterpriseCreditCode() == null) {
			throw DomainException.rule("只有企业用户可以提交备案");
		}
		return enterprises.findByCreditCode(user.enterpriseCreditCode())
			.orElseThrow(() -> DomainException.rule("您的账号绑定的企业（" + user.enterpriseCreditCode() + "）尚未登记，请联系邮政管理部门"));
	}

	private static void requireFiled(OutletView outlet) {
		if (outlet.status() != OutletStatus.FILED) {
			throw DomainException.illegalTransition("只有已备案的网点可以申请变更或撤销，当前为“" + outlet.status().label() + "”");
		}
	}

	private static OutletData withEnterprise(OutletData d, long enterpriseId) {
		return new OutletData(d.name(), enterpriseId, d.branchId(), d.cooperation(), d.address(), d.regionCode(),
				d.longitude(), d.latitude(), d.managerName(), d.managerIdNumber(), d.managerPhone(), d.storageArea(),
				d.hasCommunications(), d.hasShelving(), d.hasSurveillance(), d.hasSignage(), d.openedOn());
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
