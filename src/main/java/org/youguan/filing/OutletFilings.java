package org.youguan.filing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
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
import org.youguan.filing.internal.FilingAttachmentAccess;
import org.youguan.filing.internal.FilingClock;
import org.youguan.filing.internal.FilingKind;
import org.youguan.filing.internal.FilingSettings;
import org.youguan.filing.internal.FilingView;
import org.youguan.filing.internal.OutletDetails;
import org.youguan.filing.internal.OutletFiling;
import org.youguan.filing.internal.OutletFilingRepository;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.CollectedErrors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.kernel.WorkState;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserKind;
import org.youguan.platform.Secrets;
import org.youguan.region.Regions;
import org.youguan.registry.Branches;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseCancelled;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletData;
import org.youguan.registry.OutletFilingDecision;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;
import org.youguan.rules.Citation;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.rules.ViolationType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filing procedure. Enterprises submit (new outlet, change, closure) and supplement; the bureau notifies missing
 * items once, approves or rejects. Each step is one transaction with its audit event; deadlines come from the rule
 * catalogue on the working-day calendar.
 */
@Service
public class OutletFilings {

	/**
	 * Queue filters. {@code state}: {@link WorkState#OPEN} — with the bureau or waiting for the enterprise's supplement;
	 * {@link WorkState#DONE} — approved or rejected; {@link WorkState#ALL} (or null) — any. {@code attentionOnly}: only
	 * those with the bureau whose clock is overdue or ends within a working day (the dashboard's 备案临期或超期).
	 */
	public record Filter(FilingStatus status, WorkState state, boolean overdueOnly, FilingKind kind, boolean attentionOnly) {

		public static final Filter NONE = new Filter(null, WorkState.ALL, false, null);

		/** A filter of every filing, not only those needing attention. */
		public Filter(FilingStatus status, WorkState state, boolean overdueOnly, FilingKind kind) {
			this(status, state, overdueOnly, kind, false);
		}
	}

	static final String APPLICATION_NUMBER_TYPE = "备案申请";

	/** The orders a queue may ask for: request name → column ({@code due_on}, {@code submitted_on}, {@code number}, {@code completed_on}). */
	public static final Map<String, String> SORTS = Map.of("due_on", "f.due_on", "submitted_on", "f.submitted_on", "number",
			"f.number", "completed_on", "f.completed_on");

	private static final String FROM = "FROM outlet_filing f JOIN region_name r ON r.code = f.region_code";

	private final OutletFilingRepository filings;

	private final Enterprises enterprises;

	private final Brands brands;

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

	private final Regions regions;

	/** Names the branch (分支机构) a filing's outlet is run through. */
	private final Branches branches;

	/** Who decides a filing: the bureau handling its place ({@link #requireFilingBureau}). */
	private final Bureaus bureaus;

	/** The owning module and owner type of a filing's attachments (see {@link FilingAttachmentAccess}). */
	public static final String MODULE = "filing";

	static final String OWNER_TYPE = "outlet_filing";

	/** The context a filing's proposed outlet data is encrypted under (it holds the manager's ID and phone). */
	public static final String PROPOSED = "outlet_filing.proposed";

	OutletFilings(OutletFilingRepository filings, Enterprises enterprises, Brands brands, Outlets outlets, StatutoryRules rules,
			WorkingCalendar calendar, BusinessNumbers numbers, FilingSettings settings, JdbcClient jdbc, JsonMapper json,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock, Secrets secrets, Regions regions,
			Attachments attachments, Branches branches, Bureaus bureaus) {
		this.bureaus = bureaus;
		this.branches = branches;
		this.regions = regions;
		this.secrets = secrets;
		this.attachments = attachments;
		this.filings = filings;
		this.enterprises = enterprises;
		this.brands = brands;
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
	 * Files a new outlet. The proposal stays with the filing (personal numbers encrypted at rest) until the bureau
	 * decides; the registry hears of it only when approved. The data passes the registry's outlet rules once
	 * ({@link Outlets#check(DataScope, OutletData, Long)}). Required attachments: the operator's business licence, the
	 * manager's ID, photos; a branch also attaches its parent's authorisation. Every problem, in the form and in the
	 * attachments, is reported at once.
	 * @return the filing's id
	 * @throws InvalidValueException every field and attachment error at once; nothing is saved
	 */
	@Transactional
	public long submitNew(CurrentUser user, OutletData data, List<Upload> uploads) {
		return submitNew(user, data, uploads, List.of(), null);
	}

	/**
	 * As {@link #submitNew(CurrentUser, OutletData, List)}, for a form whose text could not all be read: the form's
	 * errors (a number or date that does not parse) are reported together with every other problem, once per field —
	 * a field the form could not read is not reported again as missing.
	 * @throws InvalidValueException all errors at once, when there is any; nothing is saved
	 */
	@Transactional
	public long submitNew(CurrentUser user, OutletData data, List<Upload> uploads, List<FieldError> formErrors) {
		return submitNew(user, data, uploads, formErrors, null);
	}

	/**
	 * As {@link #submitNew(CurrentUser, OutletData, List, List)}, with the files held for the form's draft
	 * ({@link #hold}) counted as uploaded: they become the filing's attachments when it is saved, and stay held when it
	 * is refused (issue 13 item 9).
	 * @param draft the form's draft, or null
	 * @throws InvalidValueException every problem of the form and the attachments at once; nothing is saved
	 */
	@Transactional
	public long submitNew(CurrentUser user, OutletData data, List<Upload> uploads, List<FieldError> formErrors,
			AttachmentDraft draft) {
		EnterpriseView enterprise = ownEnterprise(user);
		OutletData own = data.withEnterprise(enterprise.id());
		EnumSet<AttachmentKind> required = EnumSet.of(AttachmentKind.BUSINESS_LICENCE, AttachmentKind.MANAGER_ID,
				AttachmentKind.PHOTO);
		if (own.branchId() != null) {
			required.add(AttachmentKind.AUTHORISATION);
		}
		List<Attachment> held = draft == null ? List.of() : attachments.held(draft);
		// the registry's refusals keep their keys (its served refusal worded in the reader's language on the page)
		CollectedErrors errors = new CollectedErrors();
		OutletData clean = null;
		try {
			clean = outlets.check(DataScope.all(), own, null);
		}
		catch (DomainException ex) {
			errors.addRefusal(ex);
		}
		errors.addAll(checkUploads(uploads, required, held));
		List<FieldError> shown = onePerField(formErrors, errors);
		if (!shown.isEmpty()) {
			throw CollectedErrors.refusal(shown, formErrors, errors);
		}
		LocalDate today = today();
		LocalDate due = rules.deadline(StatutoryRule.OUTLET_FILING_AFTER_OPENING, clean.openedOn(), clean.regionCode());
		OutletFiling.Subject subject = new OutletFiling.Subject(null, clean.name(), enterprise.creditCode(),
				enterprise.legalName(), brandShortName(enterprise), clean.regionCode(), clean.branchId(),
				branchName(enterprise, clean.branchId()));
		long id = save(FilingKind.NEW, subject, today, clean.openedOn(), today.isAfter(due), null, seal(clean), null,
				uploads, "提交末端网点备案“" + clean.name() + "”" + (today.isAfter(due) ? "（开办超过"
						+ rules.intValue(StatutoryRule.OUTLET_FILING_AFTER_OPENING, clean.regionCode()) + "日，逾期备案）" : ""));
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
		CollectedErrors errors = new CollectedErrors();
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
				errors.addRefusal(ex);
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
	 * Files a change of a filed outlet (name, cooperation type, location, manager, facilities, the branch it is run
	 * through), due within 10 days of the change; the registry applies it when the bureau approves. The outlet as it
	 * stands is kept with the filing, so the decision shows before → after. A blank manager ID number or phone, or the
	 * masked one sent back, keeps the recorded one ({@link Outlets#withRecordedManager}). The data is the outlet as
	 * changed: its {@code branchId} is the branch it is run through from now on (null: by the enterprise itself), one of
	 * the enterprise's own as on a new filing (400 {@code branchId}/{@code own-branch}); a branch other than the recorded
	 * one comes with the parent's authorisation (授权书, 400 {@code attachments.AUTHORISATION}/{@code required}).
	 * @throws InvalidValueException every field and attachment error at once
	 * @throws DomainException ILLEGAL_TRANSITION (409) when the outlet is not 已备案 — judged before any field or file
	 */
	@Transactional
	public long submitChange(CurrentUser user, long outletId, OutletData data, LocalDate changedOn, String description,
			List<Upload> uploads) {
		return submitChange(user, outletId, data, changedOn, description, uploads, List.of(), null);
	}

	/**
	 * As {@link #submitChange(CurrentUser, long, OutletData, LocalDate, String, List)}, reporting the form's own errors
	 * (text that does not parse) together with every other problem, once per field.
	 */
	@Transactional
	public long submitChange(CurrentUser user, long outletId, OutletData data, LocalDate changedOn, String description,
			List<Upload> uploads, List<FieldError> formErrors) {
		return submitChange(user, outletId, data, changedOn, description, uploads, formErrors, null);
	}

	/**
	 * As {@link #submitChange(CurrentUser, long, OutletData, LocalDate, String, List, List)}, with the files held for
	 * the form's draft ({@link #hold}) attached when it is saved (they stay held when it is refused).
	 * @param draft the form's draft, or null
	 * @throws InvalidValueException every problem of the form and the attachments at once; nothing is saved
	 */
	@Transactional
	public long submitChange(CurrentUser user, long outletId, OutletData data, LocalDate changedOn, String description,
			List<Upload> uploads, List<FieldError> formErrors, AttachmentDraft draft) {
		description = Text.freeText(description);
		EnterpriseView enterprise = ownEnterprise(user);
		OutletView outlet = outlets.get(DataScope.enterprise(enterprise.creditCode()), outletId);
		// the step's state first (409), then its input: a change of an outlet not filed reads none of its fields or files
		requireFiled(outlet);
		Validation v = new Validation();
		v.required("changeDescription", "变更事项", description).maxLength("changeDescription", "变更事项", description, 1000);
		v.require("changedOn", changedOn != null, "required", Wording.of("refusal.please.10"), "请填写变更日期");
		v.require("changedOn", changedOn == null || !changedOn.isAfter(today()), "not-future", Wording.of("filing.refusal.changedOnFuture"), "变更日期不能晚于今天");
		// a change happens to an outlet that exists: not before the day it opened (attack round 16)
		v.require("changedOn", changedOn == null || !changedOn.isBefore(outlet.openedOn()), "before-opening",
				Wording.of("filing.refusal.changedBeforeOpening", String.valueOf(outlet.openedOn())), "变更日期不能早于网点开办日期（" + ChineseText.day(outlet.openedOn()) + "）");
		// the opening day is no item of a change (条例(2025) art.19, 暂行规定: name, type, scope, manager): rewriting it
		// would wash out a late filing; blank keeps the recorded day
		v.require("openedOn", data.openedOn() == null || data.openedOn().equals(outlet.openedOn()), "not-changeable",
				Wording.of("filing.refusal.openedOnNotChangeable", String.valueOf(outlet.openedOn())), "开办日期不是变更备案事项，不能通过变更备案修改（登记为" + ChineseText.day(outlet.openedOn()) + "）；确有错误的，请联系邮政管理部门更正登记");
		CollectedErrors errors = CollectedErrors.of(v);
		OutletData proposed = null;
		try {
			// the form shows the manager's numbers masked: blank or sent back unchanged keeps the recorded ones
			OutletData kept = outlets.withRecordedManager(DataScope.enterprise(enterprise.creditCode()), outletId,
					data.withOpenedOn(outlet.openedOn()));
			proposed = outlets.check(DataScope.all(), kept.withEnterprise(enterprise.id()), outletId);
		}
		catch (DomainException ex) {
			errors.addRefusal(ex);
		}
		// a move to another county, by its region or its address, is told as such even when the address check refused
		// it first (its general words would only say the address does not match the region)
		if (proposed != null && !Outlets.sameCounty(outlet.regionCode(), proposed.regionCode())
				|| outlets.leavesCounty(outlet.regionCode(), data.regionCode(), data.address())) {
			Outlets.movedAway(errors, outlets.otherCounty(outlet.regionCode()));
		}
		if (proposed != null && errors.isEmpty() && unchanged(enterprise, outlet, proposed)) {
			// attack: a 变更备案 stating the outlet as registered ("无变化") was queued with a statutory deadline
			errors.add(unchanged("changeDescription"));
		}
		// a branch other than the recorded one runs the outlet from now on: its parent's authorisation, as on a new filing
		EnumSet<AttachmentKind> required = EnumSet.noneOf(AttachmentKind.class);
		if (proposed != null && proposed.branchId() != null && !proposed.branchId().equals(outlet.branchId())) {
			required.add(AttachmentKind.AUTHORISATION);
		}
		errors.addAll(checkUploads(uploads, required, draft == null ? List.of() : attachments.held(draft)));
		List<FieldError> shown = onePerField(formErrors, errors);
		if (!shown.isEmpty()) {
			throw CollectedErrors.refusal(shown, formErrors, errors);
		}
		LocalDate due = rules.deadline(StatutoryRule.OUTLET_CHANGE_FILING, changedOn, outlet.regionCode());
		OutletFiling.Subject subject = subject(outlet, enterprise, proposed.branchId(),
				branchName(enterprise, proposed.branchId()));
		long id = save(FilingKind.CHANGE, subject, today(), changedOn, today().isAfter(due),
				Text.strip(description), seal(proposed), json.writeValueAsString(outlet), uploads,
				"提交末端网点变更备案“" + outlet.name() + "”：" + Text.strip(description));
		if (draft != null) {
			attachments.attach(draft, owner(id));
		}
		return id;
	}

	/**
	 * Asks to close (撤销) a filed outlet for the reason the enterprise chose ({@link Outlets#CLOSURE_REASONS}) or wrote;
	 * the outlet as it stands is kept with the filing for the decision, and the reason goes onto the outlet's record
	 * when the closure is approved.
	 * @throws InvalidValueException on {@code reason}: blank ({@code required}) or over 200 characters ({@code max-length})
	 * @throws DomainException ILLEGAL_TRANSITION (409) when the outlet is not 已备案 — judged before the reason
	 */
	@Transactional
	public long submitClosure(CurrentUser user, long outletId, String reason) {
		EnterpriseView enterprise = ownEnterprise(user);
		OutletView outlet = outlets.get(DataScope.enterprise(enterprise.creditCode()), outletId);
		// the step's state first (409), then its input, as every filing step
		requireFiled(outlet);
		String why = Outlets.closureReason("reason", "撤销原因", reason);
		return save(FilingKind.CLOSURE, subject(outlet, enterprise), today(), null, false, why, null,
				json.writeValueAsString(outlet), List.of(), "申请撤销末端网点“" + outlet.name() + "”：" + why);
	}

	/** The enterprise answers a notice of missing items with a note and files; the 5-working-day clock starts again. */
	@Transactional
	public void supplement(CurrentUser user, long id, String note, List<Upload> uploads) {
		supplement(user, id, note, uploads, null, List.of(), null);
	}

	/**
	 * 补正: the enterprise answers the one notice of missing items (一次性告知) — the applicant corrects its materials
	 * (行政许可法(2019) art.32 style) — with a note, files (补正材料; a new branch's 授权书) and, for a new or change
	 * filing, the outlet's data as corrected: the whole outlet as on the filing form, checked as at filing
	 * ({@link Outlets#check}: every field, the registry's duplicates, a change's opening day fixed and county kept, a
	 * new outlet's county the one whose bureau took the filing), a manager's ID number or phone left blank or sent back
	 * masked keeping the filed one; a branch other than the filed one comes with its parent's authorisation
	 * ({@code attachments.AUTHORISATION}). The proposal is replaced and the filing shows the outlet as corrected (a new
	 * outlet's name, place and opening day from it; 逾期备案 set when the corrected day makes it late, kept when the
	 * filing was late already — a corrected day never makes a late filing on time ({@link #correctedInTimeNote}));
	 * the correction is audited
	 * ({@code filing.supplement}) with each corrected field before and after (personal numbers masked), and the
	 * filing is back with the bureau, the clock started again — all in one transaction.
	 * @param corrected the outlet as corrected, or null for a note and files only; data equal to the filed proposal
	 *        corrects nothing
	 * @param formErrors the form's own errors (text that does not parse), reported with every other problem
	 * @param draft the form's draft whose held files ({@link #hold}) are the 补正材料, or null
	 * @return the fields corrected (Chinese labels, in the form's order; empty for none)
	 * @throws DomainException ILLEGAL_TRANSITION (409) unless 待补正 — judged first, before any field or file is read
	 *         (the step's state, then its input); DUPLICATE (409) when a new outlet's corrected name
	 *         and address are those of another undecided filing of the enterprise
	 * @throws InvalidValueException every problem at once: the outlet's fields, the files, {@code note} (over 1000
	 *         characters, or nothing at all given); nothing is saved
	 */
	@Transactional
	public List<String> supplement(CurrentUser user, long id, String note, List<Upload> uploads, OutletData corrected,
			List<FieldError> formErrors, AttachmentDraft draft) {
		return supplement(user, id, note, uploads, corrected, null, formErrors, draft);
	}

	/**
	 * As {@link #supplement(CurrentUser, long, String, List, OutletData, List, AttachmentDraft)}, a closure's 补正
	 * correcting what it was filed with: its reason (撤销原因, the one fact a closure files — the outlet itself is the
	 * registered one). The reason is checked as at filing ({@link Outlets#closureReason}: one line, at most 200
	 * characters); a changed one replaces the filed one — the reason the approved closure puts on the outlet's record —
	 * and is audited with the other corrections ({@code filing.supplement}: "更正撤销原因", {@code closureReason} before
	 * and after), in the same transaction.
	 * @param closureReason a closure's reason as corrected; null or blank keeps the filed one; a reason on a new or
	 *        change filing is refused ({@code reason}/{@code not-correctable}: its description is no 撤销原因), one over
	 *        200 characters too ({@code reason}/{@code max-length})
	 */
	@Transactional
	public List<String> supplement(CurrentUser user, long id, String note, List<Upload> uploads, OutletData corrected,
			String closureReason, List<FieldError> formErrors, AttachmentDraft draft) {
		EnterpriseView enterprise = ownEnterprise(user);
		OutletFiling f = load(DataScope.enterprise(enterprise.creditCode()), id);
		// the step's state first (409): a filing not waiting for its 补正 (approved, rejected, with the bureau) reads
		// none of the note, fields or files sent to it (attack C4: a bad file was told 400 on an approved filing)
		f.requireMissingItems();
		note = Text.freeText(note);
		List<Attachment> held = draft == null ? List.of() : attachments.held(draft);
		Validation v = new Validation().maxLength("note", "补正说明", note, 1000);
		CollectedErrors errors = CollectedErrors.of(v);
		Correction correction = null;
		if (corrected != null && f.kind() == FilingKind.CLOSURE) {
			errors.add(new FieldError("name", "not-correctable", "撤销备案没有可更正的网点信息（可更正撤销原因），其他情况请在补正说明中写明"));
		}
		else if (corrected != null) {
			correction = correction(enterprise, f, corrected, uploads, held, errors);
		}
		// a reason left blank keeps the filed one, as a manager's number left blank does
		closureReason = closureReason == null || Text.isBlank(closureReason) ? null : closureReason;
		if (closureReason != null && f.kind() != FilingKind.CLOSURE) {
			errors.add(new FieldError("reason", "not-correctable", "只有撤销备案可以更正撤销原因"));
		}
		else if (closureReason != null) {
			correction = reasonCorrection(f, closureReason, errors);
		}
		errors.addAll(checkUploads(uploads, EnumSet.noneOf(AttachmentKind.class), held));
		boolean changed = correction != null && !correction.fields().isEmpty();
		// nothing given at all: an outlet or a reason sent to correct that failed its checks is reported by its own errors
		if ((note == null || Text.isBlank(note)) && uploads.isEmpty() && held.isEmpty() && !changed
				&& (corrected == null && closureReason == null || correction != null)) {
			errors.add(new FieldError("note", "required", "请填写补正说明、上传补正材料或更正网点信息"));
		}
		List<FieldError> shown = onePerField(formErrors, errors);
		if (!shown.isEmpty()) {
			throw CollectedErrors.refusal(shown, formErrors, errors);
		}
		Map<String, Object> before = new LinkedHashMap<>(f.snapshot());
		Map<String, Object> after;
		if (changed && f.kind() == FilingKind.CLOSURE) {
			before.putAll(correction.before());
			f.correctClosureReason((String) correction.after().get(CLOSURE_REASON));
		}
		else if (changed) {
			OutletData clean = correction.data();
			if (f.kind() == FilingKind.NEW) {
				// the corrected name and address are no other undecided filing's of the enterprise
				requireNoOpenFiling(FilingKind.NEW, new OutletFiling.Subject(null, clean.name(),
						enterprise.creditCode(), enterprise.legalName(), null, clean.regionCode(), clean.branchId(), null),
						seal(clean), f.id());
			}
			before.putAll(correction.before());
			// once late, late: the late filing is the breach (快递暂行条例(2025) art.19) and a re-declared opening day does
			// not remove it — a corrected day can make the filing late, never on time ({@link #lateFilingNote} says so)
			boolean late = f.lateFiling() || f.kind() == FilingKind.NEW
					&& f.submittedOn().isAfter(rules.deadline(StatutoryRule.OUTLET_FILING_AFTER_OPENING, clean.openedOn(),
							clean.regionCode()));
			f.correct(f.kind() == FilingKind.NEW ? clean.name() : f.outletName(),
					f.kind() == FilingKind.NEW ? clean.regionCode() : f.regionCode(), clean.branchId(),
					branchName(enterprise, clean.branchId()), seal(clean),
					f.kind() == FilingKind.NEW ? clean.openedOn() : f.openedOn(), late);
		}
		f.supplement(clockFrom(today(), f.regionCode()));
		filings.save(f);
		store(f.id(), uploads);
		if (draft != null) {
			attachments.attach(draft, owner(id));
		}
		after = new LinkedHashMap<>(f.snapshot());
		if (changed) {
			after.putAll(correction.after());
		}
		List<String> fields = changed ? correction.fields() : List.of();
		audit.record(AuditEntry.of("filing.supplement", "OutletFiling", id, "补正备案" + f.number()
				+ (fields.isEmpty() ? "" : "，更正" + String.join("、", fields))
				+ (note == null || Text.isBlank(note) ? "" : "：" + Text.strip(note))).states(before, after).inRegion(f.regionCode())
			.masked());
		return fields;
	}

	/** The audit's name of a closure's reason (撤销原因) in a 补正's states. */
	private static final String CLOSURE_REASON = "closureReason";

	/**
	 * A closure's reason as corrected in its 补正, checked as at filing ({@link Outlets#closureReason}): its errors are
	 * added to {@code errors} (null then); else the correction — no field when it is the reason filed.
	 */
	private Correction reasonCorrection(OutletFiling f, String typed, List<FieldError> errors) {
		String reason;
		try {
			reason = Outlets.closureReason("reason", "撤销原因", typed);
		}
		catch (DomainException ex) {
			CollectedErrors.addRefusal(errors, ex);
			return null;
		}
		if (reason.equals(f.changeDescription())) {
			return new Correction(null, List.of(), Map.of(), Map.of());
		}
		return new Correction(null, List.of("撤销原因"), Collections.singletonMap(CLOSURE_REASON, f.changeDescription()),
				Map.of(CLOSURE_REASON, reason));
	}

	/**
	 * A 补正's outlet data, checked as at filing: its errors are added to {@code errors}; the clean data, and the fields
	 * it corrects before and after (masked), when it passes.
	 */
	private Correction correction(EnterpriseView enterprise, OutletFiling f, OutletData corrected, List<Upload> uploads,
			List<Attachment> held, List<FieldError> errors) {
		OutletData filed = proposal(f);
		// the form shows the manager's numbers masked: blank or sent back unchanged keeps the filed ones
		OutletData typed = new OutletData(corrected.name(), enterprise.id(), corrected.branchId(), corrected.cooperation(),
				corrected.address(), corrected.regionCode(), corrected.longitude(), corrected.latitude(),
				corrected.managerName(), Masking.keptUnlessRetyped(corrected.managerIdNumber(), filed.managerIdNumber(),
						Masking::idNumber),
				Masking.keptUnlessRetyped(corrected.managerPhone(), filed.managerPhone(), Masking::phone),
				corrected.storageArea(), corrected.hasCommunications(), corrected.hasShelving(),
				corrected.hasSurveillance(), corrected.hasSignage(), corrected.openedOn());
		OutletData clean = null;
		String county = f.regionCode().substring(0, Math.min(6, f.regionCode().length()));
		OutletView outlet = null;
		if (f.kind() == FilingKind.CHANGE) {
			outlet = outlets.get(DataScope.enterprise(enterprise.creditCode()), f.outletId());
			// the opening day is no item of a change, on its 补正 as when it was filed
			if (typed.openedOn() != null && !typed.openedOn().equals(outlet.openedOn())) {
				errors.add(new FieldError("openedOn", "not-changeable", "开办日期不是变更备案事项，不能通过补正修改（登记为"
						+ ChineseText.day(outlet.openedOn()) + "）；确有错误的，请联系邮政管理部门更正登记"));
			}
			typed = typed.withOpenedOn(outlet.openedOn());
			county = outlet.regionCode();
		}
		try {
			clean = outlets.check(DataScope.all(), typed, f.kind() == FilingKind.CHANGE ? f.outletId() : null);
		}
		catch (DomainException ex) {
			CollectedErrors.addRefusal(errors, ex);
		}
		// a move to another county, by its region or its address, is told as such even when the address check refused
		// it first (its general words would only say the address does not match the region)
		if (clean != null && !Outlets.sameCounty(county, clean.regionCode())
				|| outlets.leavesCounty(county, typed.regionCode(), typed.address())) {
			Outlets.movedAway(errors, f.kind() == FilingKind.CHANGE ? outlets.otherCounty(county)
					: new FieldError("regionCode", "other-county", "补正不能把网点所在地改到其他县（区）（本备案由"
							+ outlets.countyBureau(county) + "受理）：网点在其他县（区）的，请向所在地邮政管理部门另行备案"));
		}
		if (clean == null) {
			return null;
		}
		// a change's 补正 putting every item back as registered changes nothing: refused as the change itself is when
		// filed so (attack: the first submission was refused, its 补正 to the same state went on to approval)
		if (outlet != null && unchanged(enterprise, outlet, clean)) {
			errors.add(unchanged("note"));
		}
		// another branch than the one filed runs the outlet: its parent's authorisation, as on the filing
		if (clean.branchId() != null && !clean.branchId().equals(filed.branchId())
				&& uploads.stream().noneMatch(u -> u.kind() == AttachmentKind.AUTHORISATION)
				&& held.stream().noneMatch(a -> a.kind().equals(AttachmentKind.AUTHORISATION.name()))) {
			errors.add(new FieldError("attachments." + AttachmentKind.AUTHORISATION.name(), "required",
					"请上传" + AttachmentKind.AUTHORISATION.label() + "（改由分支机构经营）"));
		}
		Map<String, Object> was = proposalState(filed);
		Map<String, Object> is = proposalState(clean);
		Map<String, Object> before = new LinkedHashMap<>();
		Map<String, Object> after = new LinkedHashMap<>();
		List<String> fields = new ArrayList<>();
		for (var e : was.entrySet()) {
			Object now = is.get(e.getKey());
			if (!same(e.getValue(), now)) {
				before.put(e.getKey(), shown(e.getValue()));
				after.put(e.getKey(), shown(now));
				String label = PROPOSAL_LABELS.get(e.getKey());
				if (!fields.contains(label)) {
					fields.add(label);
				}
			}
		}
		// a number retyped to another one is a correction though its masked form may read the same
		if (!Objects.equals(filed.managerIdNumber(), clean.managerIdNumber()) && !fields.contains("负责人身份证号码")) {
			before.put("managerIdNumber", Masking.idNumber(filed.managerIdNumber()));
			after.put("managerIdNumber", Masking.idNumber(clean.managerIdNumber()));
			fields.add("负责人身份证号码");
		}
		if (!Objects.equals(filed.managerPhone(), clean.managerPhone()) && !fields.contains("负责人电话")) {
			before.put("managerPhone", Masking.phone(filed.managerPhone()));
			after.put("managerPhone", Masking.phone(clean.managerPhone()));
			fields.add("负责人电话");
		}
		return new Correction(clean, fields, before, after);
	}

	/** A 补正's outlet data as checked, the fields it corrects (Chinese labels) and their values before and after. */
	private record Correction(OutletData data, List<String> fields, Map<String, Object> before, Map<String, Object> after) {
	}

	/** The Chinese label of each field of {@link #proposalState}, in the form's order. */
	private static final Map<String, String> PROPOSAL_LABELS = proposalLabels();

	private static Map<String, String> proposalLabels() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("name", "网点名称");
		m.put("cooperation", "合作方式");
		m.put("branchId", "经营的分支机构");
		m.put("address", "地址");
		m.put("regionCode", "所在地");
		m.put("longitude", "经纬度");
		m.put("latitude", "经纬度");
		m.put("openedOn", "开办日期");
		m.put("storageArea", "存储场地面积");
		m.put("managerName", "负责人");
		m.put("managerIdNumber", "负责人身份证号码");
		m.put("managerPhone", "负责人电话");
		m.put("facilities", "设施");
		return m;
	}

	/**
	 * Whether a field of a proposal is the same after a 补正: numbers by value ({@link BigDecimal#compareTo} — 12.5 and
	 * 12.50 square metres are one area, 12.5 and 12.51 are not), anything else by equality.
	 */
	private static boolean same(Object filed, Object corrected) {
		return filed instanceof BigDecimal a && corrected instanceof BigDecimal b ? a.compareTo(b) == 0
				: Objects.equals(filed, corrected);
	}

	/** A field's value as the audit records it: a number without the trailing zeros its scale gave it (12.50 → 12.5). */
	private static Object shown(Object value) {
		return value instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString() : value;
	}

	/** A proposal's fields as a 补正 compares them ({@link #same}): numbers as numbers, the manager's masked. */
	private static Map<String, Object> proposalState(OutletData d) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", d.name());
		m.put("cooperation", d.cooperation());
		m.put("branchId", d.branchId());
		m.put("address", d.address());
		m.put("regionCode", d.regionCode());
		m.put("longitude", d.longitude());
		m.put("latitude", d.latitude());
		m.put("openedOn", d.openedOn() == null ? null : d.openedOn().toString());
		m.put("storageArea", d.storageArea());
		m.put("managerName", d.managerName());
		m.put("managerIdNumber", Masking.idNumber(d.managerIdNumber()));
		m.put("managerPhone", Masking.phone(d.managerPhone()));
		m.put("facilities", List.of(d.hasCommunications(), d.hasShelving(), d.hasSurveillance(), d.hasSignage()));
		return m;
	}

	/**
	 * The outlet a filing waiting for its 补正 proposes, for the 补正 form to start from: the manager's ID number and
	 * phone left out (the form keeps the filed ones when they stay blank). Empty for a closure, or a filing not 待补正.
	 * @throws DomainException NOT_FOUND when the filing is not in the caller's scope
	 */
	public Optional<OutletData> proposalToCorrect(DataScope scope, long id) {
		OutletFiling f = load(scope, id);
		if (f.status() != FilingStatus.MISSING_ITEMS || f.proposedCipher() == null) {
			return Optional.empty();
		}
		OutletData p = proposal(f);
		return Optional.of(new OutletData(p.name(), p.enterpriseId(), p.branchId(), p.cooperation(), p.address(),
				p.regionCode(), p.longitude(), p.latitude(), p.managerName(), null, null, p.storageArea(),
				p.hasCommunications(), p.hasShelving(), p.hasSurveillance(), p.hasSignage(), p.openedOn()));
	}

	// ---- bureau side --------------------------------------------------------------------------------------------

	/** 一次性告知: every missing item, once, due within 2 working days. */
	@Transactional
	public void notifyMissingItems(DataScope scope, long id, String items) {
		// a filing outside the scope is not there (404) whatever was sent: the record before its fields
		OutletFiling f = load(scope, id);
		requireFilingBureau(f);
		items = Text.freeText(items);
		new Validation().required("missingItems", "补正事项", items).maxLength("missingItems", "补正事项", items, 1000).throwIfInvalid();
		var before = f.snapshot();
		f.notifyMissingItems(Text.strip(items));
		filings.save(f);
		audit.record(AuditEntry.of("filing.notify-missing", "OutletFiling", id, "一次性告知补正：" + Text.strip(items))
			.states(before, f.snapshot())
			.inRegion(f.regionCode()));
	}

	/**
	 * Completes the filing and publishes the decision for the registry ({@link OutletFilingDecision}): a new outlet
	 * gets its id and filing number now and is added to the registry as filed once this transaction commits; a change
	 * is applied; a closure closes the outlet. Returns the filing number.
	 * @throws InvalidValueException field {@code note} when the optional note is over 1000 characters
	 * @throws DomainException ILLEGAL_TRANSITION when the filing is not with the bureau or the outlet is no longer filed;
	 *         DUPLICATE when an outlet of the same name at the same address was registered meanwhile; 422 on
	 *         {@code facilities} ({@code incomplete}) when the outlet lacks one of the five facilities, on
	 *         {@code regionCode} ({@code other-county}) when a change moves it to another county, on {@code branchId}
	 *         ({@code own-branch}) when the branch the outlet is to be run through is no longer the enterprise's own
	 *         ({@link #requireOwnBranch})
	 */
	@Transactional
	public String approve(DataScope scope, long id, String note) {
		OutletFiling f = load(scope, id);
		requireFilingBureau(f);
		note = Text.freeText(note);
		new Validation().maxLength("note", "备案意见", note, 1000).throwIfInvalid();
		f.requireApprovable();
		LocalDate today = today();
		Long outletId = f.outletId();
		String number;
		OutletFilingDecision decision;
		if (f.kind() != FilingKind.CLOSURE) {
			requireFacilities(proposal(f));
			requireOwnBranch(f, f.kind() == FilingKind.NEW ? proposal(f).branchId() : f.branchId());
		}
		if (f.kind() == FilingKind.NEW) {
			OutletData proposal = proposal(f);
			if (outlets.exists(proposal.name(), proposal.address())) {
				throw DomainException.duplicate("name", Wording.of("filing.refusal.outletExists", proposal.name()),
						"同一地址已有同名网点：" + proposal.name());
			}
			Outlets.Reservation reserved = outlets.reserveNew(f.regionCode(), today);
			outletId = reserved.outletId();
			number = reserved.filingNumber();
			decision = new OutletFilingDecision.NewOutletApproved(id, outletId, number, today, outlets.seal(proposal));
		}
		else {
			OutletView outlet = outlets.get(DataScope.all(), outletId);
			requireFiled(outlet);
			if (f.kind() == FilingKind.CHANGE && !Outlets.sameCounty(outlet.regionCode(), proposal(f).regionCode())) {
				FieldError e = outlets.otherCounty(outlet.regionCode());
				throw DomainException.rule(e.field(), e.rule(), e.message());
			}
			number = outlet.filingNumber();
			decision = f.kind() == FilingKind.CHANGE
					// the branch as filed: a change filed before V263 could not change it and keeps the outlet's
					? new OutletFilingDecision.ChangeApproved(id, outletId, outlets.seal(proposal(f).withBranch(f.branchId())))
					: new OutletFilingDecision.ClosureApproved(id, outletId, today, f.changeDescription());
		}
		var before = f.snapshot();
		int days = Math.max(0, calendar.workingDaysBetween(f.clockStart(), today));
		f.approve(outletId, number, today, days, note == null || Text.isBlank(note) ? null : Text.strip(note), decider(f));
		filings.save(f);
		audit.record(AuditEntry.of("filing.approve", "OutletFiling", id, "准予" + f.kind().label() + "（" + f.number() + "），备案编号"
				+ number + "，用时" + days + "个工作日").states(before, f.snapshot()).inRegion(f.regionCode()));
		events.publishEvent(decision);
		if (f.kind() == FilingKind.NEW) {
			events.publishEvent(new OutletFiled(id, outletId, number, f.regionCode(), f.enterpriseCreditCode(),
					f.lateFiling(), f.number(), f.outletName(), f.openedOn(), f.submittedOn(), today));
		}
		return number;
	}

	/**
	 * Refuses the filing (不予备案) with its reason; the registry is not touched (a new outlet never reached it).
	 * @throws InvalidValueException field {@code reason} when blank or over 1000 characters
	 * @throws DomainException ILLEGAL_TRANSITION when the filing is already decided
	 */
	@Transactional
	public void reject(DataScope scope, long id, String reason) {
		OutletFiling f = load(scope, id);
		requireFilingBureau(f);
		reason = Text.freeText(reason);
		new Validation().required("reason", "不予备案理由", reason).maxLength("reason", "不予备案理由", reason, 1000).throwIfInvalid();
		var before = f.snapshot();
		f.reject(Text.strip(reason), today(), Math.max(0, calendar.workingDaysBetween(f.clockStart(), today())), decider(f));
		filings.save(f);
		audit.record(AuditEntry.of("filing.reject", "OutletFiling", id, "不予" + f.kind().label() + "（" + f.number() + "）：" + Text.strip(reason))
			.states(before, f.snapshot())
			.inRegion(f.regionCode()));
		events.publishEvent(new OutletFilingDecision.Rejected(id, f.outletId()));
	}

	/**
	 * What an enterprise's cancellation (注销, {@link EnterpriseCancelled}) does to its filings, once the registry has
	 * cancelled it: an undecided filing (待办理, 待补正) is refused (不予备案) with the cancellation as its reason, as
	 * {@link #reject} refuses one — a cancelled enterprise can neither open nor change an outlet; and each outlet still
	 * filed (已备案) is closed as an approved closure (撤销备案) is: a closure filing, decided the same day with the
	 * cancellation as its reason, audited, and {@link OutletFilingDecision.ClosureApproved} for the registry, which
	 * closes the outlet. A redelivered event changes nothing: refused filings are decided, and an outlet whose closure
	 * for the cancellation is approved already is left out.
	 * @return how many filings were refused and how many outlets closed
	 */
	@Transactional
	Cancelled closeForCancelledEnterprise(EnterpriseCancelled e) {
		LocalDate today = today();
		String reason = "企业" + e.legalName() + "（" + e.creditCode() + "）已于" + ChineseText.day(e.cancelledOn()) + "注销";
		List<Long> open = jdbc.sql("""
				SELECT id FROM outlet_filing WHERE enterprise_credit_code = :enterprise
				AND status IN ('SUBMITTED', 'MISSING_ITEMS') ORDER BY id""")
			.param("enterprise", e.creditCode())
			.query(Long.class)
			.list();
		for (long id : open) {
			OutletFiling f = filings.findById(id).orElseThrow();
			var before = f.snapshot();
			String refused = reason + "，备案不再办理";
			f.reject(refused, today, Math.max(0, calendar.workingDaysBetween(f.clockStart(), today)), decider(f));
			filings.save(f);
			audit.record(AuditEntry.of("filing.reject", "OutletFiling", id, "不予" + f.kind().label() + "（" + f.number() + "）："
					+ refused).states(before, f.snapshot()).inRegion(f.regionCode()));
			events.publishEvent(new OutletFilingDecision.Rejected(id, f.outletId()));
		}
		PageQuery all = PageQuery.of(null, 0, null, "region_code", "asc").unpaged();
		List<OutletView> filed = outlets.list(DataScope.all(), Outlets.Filter.ofEnterprise(e.enterpriseId()), all)
			.items()
			.stream()
			.filter(o -> o.status() == OutletStatus.FILED)
			.filter(o -> jdbc.sql("""
					SELECT count(*) FROM outlet_filing WHERE outlet_id = :outlet AND kind = 'CLOSURE'
					AND status = 'APPROVED' AND completed_on >= :cancelled""")
				.param("outlet", o.id())
				.param("cancelled", e.cancelledOn())
				.query(Long.class)
				.single() == 0)
			.toList();
		for (OutletView o : filed) {
			OutletFiling.Subject subject = new OutletFiling.Subject(o.id(), o.name(), e.creditCode(), e.legalName(),
					o.brandName(), o.regionCode(), o.branchId(), o.branchName());
			OutletFiling f = OutletFiling.submit(numbers.next(APPLICATION_NUMBER_TYPE, outlets.filingSeries(o.regionCode()),
					today.getYear()),
					FilingKind.CLOSURE, subject, today, clockFrom(today, o.regionCode()), null, false,
					reason + "，网点随之撤销", null, json.writeValueAsString(o), false, clock.instant());
			f.approve(o.id(), o.filingNumber(), today, 0, reason + "，网点随之撤销", decider(f));
			f = filings.save(f);
			audit.record(AuditEntry.of("filing.close-cancelled", "OutletFiling", f.id(), "撤销末端网点“" + o.name()
					+ "”备案（备案编号" + o.filingNumber() + "）：" + reason + "，受理编号" + f.number())
				.states(null, f.snapshot())
				.inRegion(f.regionCode()));
			events.publishEvent(new OutletFilingDecision.ClosureApproved(f.id(), o.id(), today, reason + "，网点随之撤销"));
		}
		return new Cancelled(open.size(), filed.size());
	}

	/** What {@link #closeForCancelledEnterprise} did: filings refused, outlets closed. */
	record Cancelled(int refused, int closed) {
	}

	// ---- reading ------------------------------------------------------------------------------------------------

	/**
	 * A page of filings in the caller's scope (an enterprise sees its own), searched by number, outlet or enterprise
	 * name, filtered, in a whitelisted order ({@link #SORTS}; nearest due date first by default).
	 */
	public PageResult<FilingView> list(DataScope scope, Filter filter, PageQuery page) {
		return list(scope, filter, page, false);
	}

	/**
	 * {@link #list(DataScope, Filter, PageQuery)}, with {@code decidedHere} only the filings the caller's bureau decides
	 * ({@link #decidesHere}: not those of a place a bureau below it handles, {@link Bureaus#handledHere}) — the inbox's
	 * 待审核 queue, which showed the city and the province every county's filing to act on, which only the county may.
	 */
	public PageResult<FilingView> list(DataScope scope, Filter filter, PageQuery page, boolean decidedHere) {
		LocalDate today = today();
		Listing listing = Listing.from(FROM)
			.scope(scope, "f.enterprise_credit_code", "f.region_code");
		if (decidedHere) {
			listing.where(bureaus.handledHere(scope, "f.region_code", Outlets.FILING_TAKERS));
		}
		return listing
			.search(page, "f.number", "f.outlet_name", "f.enterprise_name", "f.enterprise_credit_code")
			.where(filter.status() != null, "f.status = :status", "status", filter.status() == null ? "" : filter.status().name())
			.where(filter.state() == WorkState.OPEN, "f.status IN ('SUBMITTED', 'MISSING_ITEMS')", "open", true)
			.where(filter.state() == WorkState.DONE, "f.status IN ('APPROVED', 'REJECTED')", "done", true)
			.where(filter.overdueOnly(), "f.status = 'SUBMITTED' AND f.due_on < :today", "today", today)
			.where(filter.kind() != null, "f.kind = :kind", "kind", filter.kind() == null ? "" : filter.kind().name())
			.where(filter.attentionOnly(), "f.status = 'SUBMITTED' AND f.due_on <= :soon", "soon",
					filter.attentionOnly() ? calendar.plusWorkingDays(today, 1) : today)
			.sorts(SORTS, "due_on", "f.id")
			.page(jdbc, columns(today), page, Rows.of(FilingView.class))
			.map(FilingView::masked);
	}

	/**
	 * One filing with its clock's state today, every ID and mobile number in its free text — missing items, decision
	 * note, change description or closure reason — masked ({@link FilingView#masked}) for every reader (the bureau's
	 * and the enterprise's pages, the API's answer, the receipt), as the lists show it: the page showed the text as
	 * recorded while the queue masked it.
	 * @throws DomainException NOT_FOUND when it does not exist or is not in the caller's scope
	 */
	public FilingView get(DataScope scope, long id) {
		return jdbc.sql(columns(today()) + " " + FROM + " WHERE f.id = :id AND "
				+ scope.enterprisePredicate("f.enterprise_credit_code", "f.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(Rows.of(FilingView.class))
			.optional()
			.map(FilingView::masked)
			.orElseThrow(() -> DomainException.notFound("备案", id));
	}

	/**
	 * Why a filing flagged 逾期备案 is late, as the bureau's staff read it: in the words of its own kind and with the
	 * period from the rule catalogue where the outlet is — a new outlet filed after
	 * {@link StatutoryRule#OUTLET_FILING_AFTER_OPENING} from its opening (an enforcement lead under the article punishing
	 * it, {@link ViolationType#OUTLET_UNFILED}), a change filed after {@link StatutoryRule#OUTLET_CHANGE_FILING} from the
	 * change — each article as numbered in the version in force on the day the filing was submitted
	 * ({@link Citation#on}). Null when the filing is not late. The enterprise reads {@link #lateFilingNoteForParty}.
	 */
	public String lateFilingNote(FilingView filing) {
		String lead = "，可作为执法线索（" + ViolationType.OUTLET_UNFILED.basisOn(filing.submittedOn()) + "）";
		return lateNote(filing, c -> c.on(filing.submittedOn()).toString(), "；", lead);
	}

	/**
	 * {@link #lateFilingNote} as the enterprise's portal tells the party: the same facts and periods, each article cited
	 * formally as the documents served on it cite law (《快递暂行条例》第十九条, {@link Citation#formal()}), and nothing of
	 * the bureau's own work — not that the filing may be an enforcement lead. Null when the filing is not late.
	 */
	public String lateFilingNoteForParty(FilingView filing) {
		return lateNote(filing, c -> c.on(filing.submittedOn()).formal(), "、", "");
	}

	private String lateNote(FilingView filing, Function<Citation, String> cite, String joiner, String lead) {
		if (!filing.lateFiling()) {
			return null;
		}
		if (filing.kind() == FilingKind.CHANGE) {
			return "网点信息变更后超过" + rules.stated(StatutoryRule.OUTLET_CHANGE_FILING, filing.regionCode()) + "才申请变更备案（"
					+ cited(StatutoryRule.OUTLET_CHANGE_FILING, cite, joiner) + "）";
		}
		String corrected = correctedInTimeNote(filing);
		return "网点开办超过" + rules.stated(StatutoryRule.OUTLET_FILING_AFTER_OPENING, filing.regionCode()) + "才申请备案（"
				+ cited(StatutoryRule.OUTLET_FILING_AFTER_OPENING, cite, joiner) + "）" + lead
				+ (corrected == null ? "" : "；" + corrected);
	}

	private static String cited(StatutoryRule rule, Function<Citation, String> cite, String joiner) {
		return rule.citations().stream().map(cite).collect(Collectors.joining(joiner));
	}

	/**
	 * The note on a new outlet's filing flagged 逾期备案 whose opening day, as corrected in its 补正, would have been in
	 * time ({@link StatutoryRule#OUTLET_FILING_AFTER_OPENING} from the corrected day): the flag stays — the late filing
	 * is the breach of 快递暂行条例(2025) art.19, which re-declaring the day does not remove — and the bureau judges the
	 * correction. Null for any other filing (not late, not new, or late by the corrected day too).
	 */
	public String correctedInTimeNote(FilingView filing) {
		if (!filing.lateFiling() || filing.kind() != FilingKind.NEW || filing.openedOn() == null
				|| filing.submittedOn().isAfter(rules.deadline(StatutoryRule.OUTLET_FILING_AFTER_OPENING,
						filing.openedOn(), filing.regionCode()))) {
			return null;
		}
		return "开办日期经补正更正为" + ChineseText.day(filing.openedOn()) + "，按更正后的日期未逾期，但原报的开办日期已逾期，仍标记为逾期备案；"
				+ "更正是否属实由邮政管理部门审查认定";
	}

	/**
	 * What the decision on a filing is about ({@link OutletDetails}): the outlet as proposed, as it stood, and a change's
	 * before → after, personal numbers masked.
	 * @throws DomainException NOT_FOUND when the filing is not in the caller's scope
	 */
	public OutletDetails details(DataScope scope, long id) {
		get(scope, id);
		OutletFiling f = filings.findById(id).orElseThrow(() -> DomainException.notFound("备案", id));
		OutletDetails.Outlet proposed = f.proposedCipher() == null ? null : shown(proposal(f), f.branchName());
		OutletDetails.Outlet current = null;
		if (f.kind() != FilingKind.NEW) {
			current = shown(f.outletBefore() != null ? json.readValue(f.outletBefore(), OutletView.class)
					: outlets.get(DataScope.all(), f.outletId()));
		}
		return new OutletDetails(proposed, current,
				proposed != null && current != null ? OutletDetails.changes(current, proposed) : List.of());
	}

	/**
	 * The refusal of a 变更备案 that changes nothing ({@link #unchanged(EnterpriseView, OutletView, OutletData)}), on
	 * {@code field} (rule {@code unchanged}): the change form's 变更事项, a 补正's 补正说明.
	 */
	private static FieldError unchanged(String field) {
		return new FieldError(field, "unchanged", "未作任何变更：所填网点信息与现登记信息相同，"
				+ "无需办理变更备案；网点信息有变化的，请修改变化的项目后再提交");
	}

	/**
	 * Whether a change filed states the outlet exactly as recorded: every item a filing's decision lists before → after
	 * ({@link OutletDetails#changes}) and the manager's ID and phone numbers in full (the list shows them masked, and
	 * a new number may mask as the old one).
	 */
	private boolean unchanged(EnterpriseView enterprise, OutletView outlet, OutletData proposed) {
		OutletData recorded = outlets.withRecordedManager(DataScope.enterprise(enterprise.creditCode()), outlet.id(),
				new OutletData(proposed.name(), proposed.enterpriseId(), proposed.branchId(), proposed.cooperation(),
						proposed.address(), proposed.regionCode(), proposed.longitude(), proposed.latitude(),
						proposed.managerName(), null, null, proposed.storageArea(), proposed.hasCommunications(),
						proposed.hasShelving(), proposed.hasSurveillance(), proposed.hasSignage(), proposed.openedOn()));
		return Objects.equals(recorded.managerIdNumber(), proposed.managerIdNumber())
				&& Objects.equals(recorded.managerPhone(), proposed.managerPhone())
				&& OutletDetails.changes(shown(outlet), shown(proposed, branchName(enterprise, proposed.branchId()))).isEmpty();
	}

	/** A proposal as a filing's details show it ({@link OutletDetails}). */
	private OutletDetails.Outlet shown(OutletData p, String branchName) {
		Map<String, String> cooperation = new HashMap<>();
		outlets.cooperationTypes().forEach(t -> cooperation.put(t.code(), t.label()));
		String label = cooperation.getOrDefault(p.cooperation(), p.cooperation());
		return new OutletDetails.Outlet(p.name(), label, OutletDetails.cooperation(p.cooperation(), label),
				p.address(), p.regionCode(), regions.name(p.regionCode()), p.longitude(), p.latitude(), p.managerName(),
				Masking.idNumber(p.managerIdNumber()), Masking.phone(p.managerPhone()), p.storageArea(),
				p.hasCommunications(), p.hasShelving(), p.hasSurveillance(), p.hasSignage(), p.openedOn(), branchName);
	}

	/** A recorded outlet as a filing's details show it ({@link OutletDetails}). */
	private static OutletDetails.Outlet shown(OutletView o) {
		return new OutletDetails.Outlet(o.name(), o.cooperationLabel(),
				OutletDetails.cooperation(o.cooperation(), o.cooperationLabel()), o.address(), o.regionCode(), o.regionName(),
				o.longitude(), o.latitude(), o.managerName(), o.managerIdMasked(), o.managerPhoneMasked(),
				o.storageArea(), o.hasCommunications(), o.hasShelving(), o.hasSurveillance(), o.hasSignage(),
				o.openedOn(), o.branchName());
	}

	/** A filing's attachments, for a caller who may see the filing (404 otherwise). */
	public List<Attachment> attachments(DataScope scope, long filingId) {
		get(scope, filingId);
		return attachments.list(owner(filingId));
	}

	static AttachmentOwner owner(long filingId) {
		return new AttachmentOwner(MODULE, OWNER_TYPE, filingId);
	}

	/** The outlet's address the filing is about (for documents): as proposed, or as it stood when filed. */
	public String outletAddress(long id) {
		OutletFiling f = filings.findById(id).orElseThrow(() -> DomainException.notFound("备案", id));
		if (f.proposedCipher() != null) {
			return proposal(f).address();
		}
		return f.outletBefore() != null ? json.readValue(f.outletBefore(), OutletView.class).address()
				: outlets.get(DataScope.all(), f.outletId()).address();
	}

	/**
	 * Filings with the bureau whose clock is overdue or ends within a working day, for the dashboard: those the caller's
	 * bureau decides — the set its link lists ({@code /filing/queue?handling=true&attention=true}, {@link #list} with
	 * {@code decidedHere} and {@link Filter#attentionOnly}), counted by that same query.
	 */
	public long countNeedingAttention(DataScope scope) {
		// the filings its own bureau decides (decidesHere), as the inbox counts them: a county's are not the city's
		return list(scope, new Filter(FilingStatus.SUBMITTED, WorkState.OPEN, false, null, true),
				new PageQuery("", 0, 1, "due_on", false), true).total();
	}

	/**
	 * Approved filings completed between {@code from} and {@code to} (inclusive, China days), in {@code region} and the
	 * caller's scope, overall, by county and by brand.
	 * @param region a region code as the project writes it (3205, 320506), {@code ""} for the whole country — checked
	 *        against the scope by the caller ({@code kernel.FiguresQuery})
	 */
	public FilingMetrics metrics(DataScope scope, String region, LocalDate from, LocalDate to) {
		String base = " FROM outlet_filing f JOIN region_name r ON r.code = substr(f.region_code, 1, 6) WHERE f.status = 'APPROVED'"
				+ " AND f.completed_on BETWEEN :from AND :to AND " + scope.regionPredicate("f.region_code") + " AND "
				+ RegionPrefix.of(region).predicate("f.region_code");
		String figures = "count(*) AS completed, round(avg(f.working_days_taken), 1) AS avg_days, max(f.working_days_taken) AS max_days,"
				+ " " + Percentages.rateSql("count(*) FILTER (WHERE f.completed_on <= f.due_on)", "count(*)", 1) + " AS on_time,"
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

	private FilingMetrics.Row row(ResultSet rs, int i) throws SQLException {
		return new FilingMetrics.Row(rs.getString("key"), rs.getString("label"), rs.getLong("completed"),
				rs.getBigDecimal("avg_days"), (Integer) rs.getObject("max_days"), rs.getBigDecimal("on_time"),
				rs.getLong("late"));
	}

	// ---- internals ----------------------------------------------------------------------------------------------

	/** The columns of a {@link FilingView}; the clock's state is computed for today (dates written as SQL literals). */
	private String columns(LocalDate today) {
		LocalDate soon = calendar.plusWorkingDays(today, 1);
		return """
				SELECT f.id, f.number, f.kind, f.outlet_id, f.outlet_name, f.enterprise_credit_code, f.enterprise_name,
				       f.brand_name, f.branch_name, f.region_code, r.name AS region_name, f.status, f.submitted_on, f.clock_start, f.due_on,
				       f.missing_notice_due, f.missing_items_notified, f.missing_items, f.decision_note,
				       CASE WHEN f.kind = 'NEW' THEN f.opened_on END AS opened_on,
				       CASE WHEN f.kind = 'CHANGE' THEN f.opened_on END AS changed_on,
				       f.late_filing, f.change_description, f.completed_on, f.working_days_taken, f.filing_number,
				       (f.status = 'SUBMITTED' AND f.due_on < DATE '%s') AS overdue,
				       (f.status = 'SUBMITTED' AND f.due_on >= DATE '%s' AND f.due_on <= DATE '%s') AS due_soon"""
			.formatted(today, today, soon);
	}

	private long save(FilingKind kind, OutletFiling.Subject subject, LocalDate today, LocalDate eventDate, boolean late,
			String description, byte[] proposed, String outletBefore, List<Upload> uploads, String summary) {
		requireNoOpenFiling(kind, subject, proposed, null);
		// numbered in the series of the bureau that files the outlet — its county's, or its city's where the county has
		// none on the platform —, as its 备案编号 will be (Outlets.filingSeries)
		String series = outlets.filingSeries(subject.regionCode());
		OutletFiling f = OutletFiling.submit(numbers.next(APPLICATION_NUMBER_TYPE, series, today.getYear()), kind, subject,
				today, clockFrom(today, subject.regionCode()), eventDate, late, description, proposed, outletBefore, false,
				clock.instant());
		try {
			f = filings.save(f);
		}
		catch (DuplicateKeyException ex) {
			// the index outlet_filing_one_open_per_outlet: a concurrent filing for the outlet won (the lock above makes
			// this rare; the transaction is lost, so the open filing's number cannot be read here)
			throw new DomainException(ErrorCode.DUPLICATE, Wording.of("filing.refusal.changePending"), "该网点已有未办结的变更或撤销备案，请待其办结后再提交", List.of());
		}
		store(f.id(), uploads);
		audit.record(AuditEntry.of("filing.submit", "OutletFiling", f.id(), summary + "，受理编号" + f.number())
			.states(null, f.snapshot())
			.inRegion(f.regionCode()));
		return f.id();
	}

	/**
	 * How to correct an outlet already filed by an open new-outlet filing of the same name and address — chosen once, its
	 * bundle key and its Chinese sentence together.
	 */
	private enum TwinRemedy {
		/** The open filing waits for its 补正: correct the outlet there. */
		SUPPLEMENT("filing.refusal.outletTwin.supplement", "如需修改，请在该备案页面“提交补正”时更正网点信息"),
		/** Its one notice (一次性告知) was answered: no other 补正, a change filing once it is decided. */
		CHANGE_LATER("filing.refusal.outletTwin.changeLater", "该备案已补正过，不能再次更正；如需修改，请待该备案办结后申请变更备案"),
		/** Not yet notified of missing items: correct it in the 补正 the notice will ask for. */
		AWAIT_NOTICE("filing.refusal.outletTwin.awaitNotice", "如需修改，请待邮政管理部门告知补正后，在该备案的补正中更正网点信息");

		final String key;

		final String text;

		TwinRemedy(String key, String text) {
			this.key = key;
			this.text = text;
		}

		/** The remedy for an open filing that waits for its 补正 ({@code awaitsSupplement}) or was notified of it. */
		static TwinRemedy of(boolean awaitsSupplement, boolean notified) {
			return awaitsSupplement ? SUPPLEMENT : notified ? CHANGE_LATER : AWAIT_NOTICE;
		}
	}

	/**
	 * At most one undecided change or closure filing per outlet, and no second undecided new-outlet filing of the same
	 * enterprise for the same name and address: a second one could never be decided after the first. Concurrent
	 * filings for one outlet (or one name) wait on a transaction lock, so the later one sees the first and is refused.
	 * @param except a filing whose own 补正 is checked (it is no other), or null
	 * @throws DomainException {@link ErrorCode#DUPLICATE} (409) naming the open filing's number and how to correct it:
	 *         in its 补正 when it waits for one ({@link #supplement}), once the bureau has notified the missing items
	 *         when it has not yet, else (its one notice answered) by a change filing once it is decided
	 */
	private void requireNoOpenFiling(FilingKind kind, OutletFiling.Subject subject, byte[] proposed, Long except) {
		if (kind == FilingKind.NEW) {
			// the outlet's name under the one twin key (Text.textKey), as the register compares outlets; the address folded
			TransactionLocks.hold(jdbc, "outlet-filing-new:" + subject.enterpriseCreditCode() + ":" + Text.textKey(subject.outletName()));
			String address = json.readValue(secrets.decrypt(proposed, PROPOSED), OutletData.class).address();
			List<OpenFiling> open = jdbc.sql("""
					SELECT id, number, status FROM outlet_filing WHERE kind = 'NEW' AND status IN ('SUBMITTED', 'MISSING_ITEMS')
					AND enterprise_credit_code = :enterprise AND text_key(outlet_name) = text_key(:name) AND id <> :except
					ORDER BY id""")
				.param("enterprise", subject.enterpriseCreditCode())
				.param("name", subject.outletName())
				.param("except", except == null ? -1L : except)
				.query(Rows.of(OpenFiling.class))
				.list();
			for (OpenFiling o : open) {
				OutletFiling other = filings.findById(o.id()).orElseThrow();
				if (sameText(proposal(other).address(), address)) {
					// a filing that had its one notice (一次性告知) and was supplemented gets no other 补正
					TwinRemedy remedy = TwinRemedy.of(FilingStatus.MISSING_ITEMS.name().equals(o.status()),
							other.missingItemsNotified());
					throw DomainException.duplicate("name", Wording.of("filing.refusal.outletTwin", subject.outletName(),
							o.number(), Wording.of(remedy.key)), "已有同名同址的网点备案“" + subject.outletName()
							+ "”正在办理（受理编号" + o.number() + "），请勿重复提交；" + remedy.text);
				}
			}
			return;
		}
		TransactionLocks.hold(jdbc, "outlet-filing:" + subject.outletId());
		jdbc.sql("""
				SELECT id, number, status FROM outlet_filing WHERE outlet_id = :outlet AND kind IN ('CHANGE', 'CLOSURE')
				AND status IN ('SUBMITTED', 'MISSING_ITEMS') ORDER BY id LIMIT 1""")
			.param("outlet", subject.outletId())
			.query(Rows.of(OpenFiling.class))
			.optional()
			.ifPresent(o -> {
				throw new DomainException(ErrorCode.DUPLICATE, Wording.of("filing.refusal.filingOpen", subject.outletName(), o.number()),
						"网点“" + subject.outletName() + "”已有未办结的备案（受理编号"
						+ o.number() + "），请待其办结后再提交变更或撤销", List.of());
			});
	}

	private record OpenFiling(long id, String number, String status) {
	}

	/** An undecided change or closure filing of an outlet (at most one per outlet, {@link #requireNoOpenFiling}). */
	public record PendingFiling(long outletId, long id, String number, FilingKind kind) {
	}

	/**
	 * The undecided change or closure filings of these outlets in the caller's scope (an enterprise: its own), by
	 * outlet id — so a list of outlets offers no 变更/撤销 that would be refused (409) and shows the open filing instead.
	 * @param outletIds the outlets shown (none: an empty map, no statement)
	 */
	public Map<Long, PendingFiling> pendingFor(DataScope scope, Collection<Long> outletIds) {
		if (outletIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT f.outlet_id, f.id, f.number, f.kind FROM outlet_filing f WHERE f.outlet_id IN (:outlets)"
				+ " AND f.kind IN ('CHANGE', 'CLOSURE') AND f.status IN ('SUBMITTED', 'MISSING_ITEMS') AND "
				+ scope.enterprisePredicate("f.enterprise_credit_code", "f.region_code"))
			.params(scope.params())
			.param("outlets", outletIds)
			.query(Rows.of(PendingFiling.class))
			.list()
			.stream()
			.collect(Collectors.toMap(PendingFiling::outletId, p -> p, (a, b) -> a.id() < b.id() ? a : b));
	}

	/** Whether two addresses are one under the duplicate rules' key ({@link Text#folded}: width, spaces, Latin case aside). */
	private static boolean sameText(String a, String b) {
		return a != null && b != null && Text.folded(a).equals(Text.folded(b));
	}

	private static OutletFiling.Subject subject(OutletView outlet, EnterpriseView enterprise) {
		return subject(outlet, enterprise, outlet.branchId(), outlet.branchName());
	}

	/** The outlet as the filing's subject, run through the branch given (a change: the one proposed). */
	private static OutletFiling.Subject subject(OutletView outlet, EnterpriseView enterprise, Long branchId,
			String branchName) {
		return new OutletFiling.Subject(outlet.id(), outlet.name(), enterprise.creditCode(), enterprise.legalName(),
				outlet.brandName(), outlet.regionCode(), branchId, branchName);
	}

	/**
	 * The branch a new or changed outlet is to be run through is still one of the filing enterprise's own when the bureau
	 * approves: it was checked when the filing was submitted, but a branch may be deregistered or pass to another
	 * enterprise while the filing waits, and an outlet filed under a branch that is not its operator's would carry
	 * another enterprise's authorisation (快递末端网点备案暂行规定: a branch files with its parent's authorisation).
	 * @param branchId the branch as filed, or null (run by the enterprise itself: nothing to check)
	 * @throws DomainException 422 on {@code branchId}, rule {@code own-branch}, naming the branch as filed — the bureau
	 *         notifies the enterprise of the missing item or refuses the filing
	 */
	private void requireOwnBranch(OutletFiling f, Long branchId) {
		if (branchId == null) {
			return;
		}
		boolean own;
		try {
			branches.get(DataScope.enterprise(f.enterpriseCreditCode()), branchId);
			own = true;
		}
		catch (DomainException ex) {
			own = false;
		}
		if (!own) {
			String named = f.branchName() == null ? "" : "“" + f.branchName() + "”";
			throw DomainException.rule("branchId", "own-branch", Wording.of("filing.refusal.branchGone", named, branchId, f.enterpriseName()),
					"备案所列的分支机构" + named + "（编号" + branchId + "）已不是" + f.enterpriseName()
					+ "的分支机构（已注销或已划归其他企业），不能准予备案：请一次性告知企业改选本企业的分支机构或由本企业直接经营，或不予备案");
		}
	}

	/** The name of one of the enterprise's branches (checked as its own already), or null for none. */
	private String branchName(EnterpriseView enterprise, Long branchId) {
		return branchId == null ? null : branches.get(DataScope.enterprise(enterprise.creditCode()), branchId).name();
	}

	private String brandShortName(EnterpriseView enterprise) {
		return enterprise.brandId() == null ? null : brands.get(enterprise.brandId()).shortName();
	}

	/** The proposal, encrypted at rest (it holds the manager's ID number and phone). */
	private byte[] seal(OutletData proposal) {
		return secrets.encrypt(json.writeValueAsString(proposal), PROPOSED);
	}

	/**
	 * An outlet is filed only with the five facilities a terminal outlet must have ({@link Outlets#missingFacilities}):
	 * the bureau notifies what is missing (补正) or refuses the filing, and never files — nor prints a receipt saying it
	 * complies for — an outlet that lacks one.
	 * @throws DomainException 422 on {@code facilities} (rule {@code incomplete}) naming each missing facility
	 */
	private static void requireFacilities(OutletData d) {
		List<String> missing = Outlets.missingFacilities(d);
		if (!missing.isEmpty()) {
			throw Outlets.incompleteFacilities(missing, "不能予以备案，请通知企业补正，或不予备案");
		}
	}

	/** The proposed outlet data of a new or change filing. */
	OutletData proposal(OutletFiling f) {
		return json.readValue(secrets.decrypt(f.proposedCipher(), PROPOSED), OutletData.class);
	}

	/**
	 * The form's errors first, then the others, each field reported once: a number the form could not read is not
	 * reported again as missing or out of range, nor is a rule broken twice on one field ("不能为负数" and "应大于0").
	 */
	static List<FieldError> onePerField(List<FieldError> formErrors, List<FieldError> others) {
		Map<String, FieldError> byField = new LinkedHashMap<>();
		List<FieldError> unnamed = new ArrayList<>();
		for (List<FieldError> list : List.of(formErrors, others)) {
			for (FieldError e : list) {
				if (e.field() == null || e.field().isEmpty()) {
					unnamed.add(e);
				}
				else {
					byField.putIfAbsent(e.field(), e);
				}
			}
		}
		List<FieldError> all = new ArrayList<>(byField.values());
		all.addAll(unnamed);
		return all;
	}

	/** The clock from a start day: complete within 5 working days, notify missing items within 2. */
	public FilingClock clockFrom(LocalDate start, String region) {
		return new FilingClock(start, rules.deadline(StatutoryRule.OUTLET_BUREAU_FILING, start, region),
				rules.deadline(StatutoryRule.OUTLET_MISSING_ITEMS_NOTICE, start, region));
	}

	private CollectedErrors checkUploads(List<Upload> uploads, Set<AttachmentKind> required, List<Attachment> held) {
		CollectedErrors errors = new CollectedErrors();
		if (uploads.size() + held.size() > settings.maxAttachments()) {
			errors.add(new FieldError("attachments", "count", "附件不能超过" + settings.maxAttachments() + "个"));
		}
		for (Upload u : uploads) {
			try {
				attachments.check(u.file(), u.field(), u.kind().label(), settings.maxAttachmentBytes());
			}
			catch (InvalidValueException ex) {
				errors.addRefusal(ex);
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

	/**
	 * Whether the signed-in account may take the bureau's steps on a filing (准予, 一次性告知, 不予备案): it is of the
	 * bureau that handles the outlet's place ({@link Outlets#filingBureauRegion}: the county's bureau with an account to
	 * decide it, else the city's; {@link Bureaus#outsider(String, java.util.Set)}) — the filing page offers the step forms
	 * to no one else. A bureau above reads the filing.
	 * @param filing the filing as the page shows it
	 */
	public boolean decidesHere(FilingView filing) {
		return bureaus.outsider(filing.regionCode(), Outlets.FILING_TAKERS).isEmpty();
	}

	/**
	 * The name of the bureau that decides a filing ({@link Outlets#filingBureauRegion}'s rule, {@link Bureaus#staffed}:
	 * the county's bureau with an account to decide it, else the city's, else the province's), as the enterprise's
	 * filing page and the page a bureau above reads name it ("苏州市邮政管理局").
	 * @param filing the filing as the page shows it
	 */
	public String handlingBureau(FilingView filing) {
		return bureaus.staffedName(filing.regionCode(), Outlets.FILING_TAKERS);
	}

	/**
	 * The name of the bureau that decided a filing, as its receipt names it: the one kept at the decision
	 * ({@link OutletFiling#decidedBy}) — a county's bureau given an account after its city decided leaves the receipt
	 * the city's —, else (decided before it was kept) the bureau deciding its place now ({@link #handlingBureau}).
	 * @param filing a decided filing in the caller's scope
	 */
	public String decidingBureau(FilingView filing) {
		return filings.findById(filing.id()).map(OutletFiling::decidedBy).orElseGet(() -> handlingBureau(filing));
	}

	/** The name of the bureau deciding {@code f} now, kept with the decision ({@link OutletFiling#decidedBy}). */
	private String decider(OutletFiling f) {
		return bureaus.staffedName(f.regionCode(), Outlets.FILING_TAKERS);
	}

	/**
	 * Whether {@code reader} is of a bureau above the one that decides the filing ({@link #handlingBureau}): the city's
	 * or the province's staff on a county's filing, told on its page that they read it and the county decides it.
	 * @param reader the signed-in account; an enterprise's is above none
	 */
	public boolean readsAbove(CurrentUser reader, FilingView filing) {
		if (reader == null || reader.kind() != UserKind.STAFF) {
			return false;
		}
		DataScope scope = reader.scope();
		String own = scope.kind() == DataScope.Kind.ALL ? "" : scope.regionPrefix();
		String handling = bureaus.staffed(filing.regionCode(), Outlets.FILING_TAKERS).map(BureauView::regionCode)
			.orElse(filing.regionCode());
		return own != null && !"0".equals(handling) && handling.length() > own.length() && handling.startsWith(own);
	}

	/**
	 * Refuses a bureau step on a filing by staff of another bureau than the one that files outlets at its place
	 * (快递暂行条例(2025) art.19: 所在地省级以下邮政管理部门 — {@link Outlets#filingBureauRegion}, the {@link Bureaus#nearest}
	 * bureau there): a city or province above sees the filing in its scope and may read it, not decide it.
	 * @throws org.youguan.kernel.AccessRefusedException (403) naming the bureau that handles it, keyed
	 *         {@code refusal.handlingBureau}
	 */
	private void requireFilingBureau(OutletFiling f) {
		bureaus.requireHandling(f.regionCode(), "备案", Outlets.FILING_TAKERS);
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
			throw DomainException.rule(Wording.of("filing.refusal.enterpriseOnly"), "只有企业用户可以提交备案");
		}
		EnterpriseView e = enterprises.findByCreditCode(user.enterpriseCreditCode())
			.orElseThrow(() -> DomainException.rule(Wording.of("filing.refusal.enterpriseUnregistered", user.enterpriseCreditCode()),
					"您的账号绑定的企业（" + user.enterpriseCreditCode() + "）尚未登记，请联系邮政管理部门"));
		if (e.status() == EnterpriseStatus.CANCELLED) {
			// its outlets were closed and its filings refused when it was cancelled: nothing may be filed after
			throw DomainException.rule(Wording.of("filing.refusal.enterpriseCancelled", e.legalName()),
					"企业" + e.legalName() + "已注销，不能再提交网点备案");
		}
		return e;
	}

	private static void requireFiled(OutletView outlet) {
		if (outlet.status() != OutletStatus.FILED) {
			throw DomainException.illegalTransition(Wording.of("filing.refusal.changeFiledOnly", outlet.status()),
					"只有已备案的网点可以申请变更或撤销，当前为“" + outlet.status().label() + "”");
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
