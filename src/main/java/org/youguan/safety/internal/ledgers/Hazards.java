package org.youguan.safety.internal.ledgers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.CalendarYearsLoaded;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.Attachment;
import org.youguan.documents.AttachmentOwner;
import org.youguan.documents.Attachments;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.Actors;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Listing.Masked;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.CurrentUser;
import org.youguan.rules.Audience;
import org.youguan.rules.StatutoryRules;

/**
 * The 隐患 (hazard) ledger. A hazard is recorded against an enterprise (optionally one of its outlets or facilities,
 * {@link Placement}) by the bureau (监督检查, 举报) or by the enterprise itself on its portal (企业自查); its
 * rectification deadline is a date entered or the level's period from the rules catalogue
 * ({@code safety.hazard.general-rectification} / {@code safety.hazard.major-rectification}, working days on the
 * calendar from the day found; the basis is kept with the row). The enterprise adds its rectification and evidence
 * files (documents {@link Attachments}, content-checked); the bureau closes it, with evidence on file. Staff see
 * their region, an enterprise its own hazards; staff correct an open hazard's facts ({@link Corrections}). Every change
 * is audited ({@code safety.hazard.*}).
 */
@Service
public class Hazards {

	/** What an enterprise asking to close (销号) a hazard is told: the bureau closes it. */
	static final String CLOSE_REFUSAL = "隐患销号由邮政管理部门办理";

	/** What a back-filled hazard's deadline basis adds (历史补录: entered after the fact, its deadline as set then). */
	static final String BACK_FILLED = "（历史补录）";

	/** An open hazard whose deadline falls within this many working days from today is "due soon". */
	public static final int DUE_SOON_WORKING_DAYS = 3;

	static final String MODULE = "safety";

	static final String OWNER = "SafetyHazard";

	static final String AUDIT_TYPE = "SafetyHazard";

	private static final Corrections.Ledger LEDGER = new Corrections.Ledger("safety_hazard", AUDIT_TYPE,
			"safety.hazard.correct", "隐患", "closed_on", "销号", "description");

	private static final Map<String, String> SORTS = Map.of("found_on", "h.found_on", "deadline", "h.deadline",
			"enterprise", "h.enterprise_name", "level", "h.level", "closed_on", "h.closed_on");

	private static final String SELECT = """
			SELECT h.id, h.enterprise_id, h.enterprise_credit_code, h.enterprise_name, h.outlet_id, h.outlet_name,
			    h.facility_id, h.facility_name, h.region_code,
			    (SELECT r.name FROM region_name r WHERE r.code = h.region_code) AS region_name, h.found_on, h.found_by,
			    h.source, h.description, h.level, h.deadline, h.deadline_basis, h.rectification, h.closed_on, h.closed_by,
			    h.closure_note, (h.closed_on IS NULL AND h.deadline < :today) AS overdue,
			    (h.closed_on IS NULL AND h.deadline >= :today AND h.deadline <= :soon) AS due_soon""";

	/** Open (not closed), closed, or open past the deadline. */
	public enum Status {

		OPEN("未销号"), CLOSED("已销号"), OVERDUE("逾期未整改"), DUE_SOON("即将到期");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		/** The status as the hazard list's filter shows it. */
		public String label() {
			return label;
		}

		/** The status named in a request, or null for none or an unknown name. */
		public static Status parse(String s) {
			for (Status x : values()) {
				if (x.name().equalsIgnoreCase(s == null ? "" : Text.strip(s))) {
					return x;
				}
			}
			return null;
		}
	}

	/** The list's filters: level, status, region (any prefix within the caller's scope). */
	public record Filter(HazardLevel level, Status status, String region) {

		public static final Filter NONE = new Filter(null, null, null);
	}

	private final JdbcClient jdbc;

	private final Placement placement;

	private final StatutoryRules rules;

	private final WorkingCalendar calendar;

	private final Attachments attachments;

	private final AuditTrail audit;

	private final Corrections corrections;

	private final Clock clock;

	/** The days a hazard may be found on (not in the future, within the catalogue's look-back). */
	private final LedgerDays days;

	private final EvidenceLimits evidenceLimits;

	private final Submissions submissions;

	Hazards(JdbcClient jdbc, Placement placement, StatutoryRules rules, WorkingCalendar calendar,
			Attachments attachments, AuditTrail audit, Corrections corrections, Clock clock, LedgerDays days,
			EvidenceLimits evidenceLimits, Submissions submissions) {
		this.submissions = submissions;
		this.days = days;
		this.corrections = corrections;
		this.jdbc = jdbc;
		this.placement = placement;
		this.rules = rules;
		this.calendar = calendar;
		this.attachments = attachments;
		this.audit = audit;
		this.clock = clock;
		this.evidenceLimits = evidenceLimits;
	}

	/**
	 * A page of hazards in the caller's scope, searched by enterprise, place, description or finder; filtered by level,
	 * status and region; sorted by found on (default, newest first), deadline, enterprise, level or closed on.
	 * @throws InvalidValueException (field {@code region}) for a region filter that is not 1–12 digits
	 */
	public PageResult<HazardView> list(DataScope scope, Filter filter, PageQuery page) {
		return list(scope, filter, page, "TRUE");
	}

	/**
	 * As {@link #list(DataScope, Filter, PageQuery)} in {@code user}'s scope; with {@code handling} only the hazards
	 * {@code user} acts on ({@link Corrections#actionable}: its bureau's own, not another's recorded in its region nor
	 * one a bureau below recorded) — what the work queue counts, so that its link ({@code handling=true}) lists the
	 * same rows. An enterprise acts on all of its own.
	 */
	public PageResult<HazardView> list(CurrentUser user, Filter filter, PageQuery page, boolean handling) {
		return list(user.scope(), filter, page, handling ? corrections.actionable(user, "h") : "TRUE");
	}

	/** As {@link #list(CurrentUser, Filter, PageQuery, boolean)} for a work queue: the hazards {@code user} acts on. */
	PageResult<HazardView> actionable(CurrentUser user, Status status, PageQuery page) {
		return list(user, new Filter(null, status, null), page, true);
	}

	private PageResult<HazardView> list(DataScope scope, Filter filter, PageQuery page, String owned) {
		LocalDate today = LocalDate.now(clock);
		Listing listing = Listing.from("FROM safety_hazard h")
			.scope(scope, "h.enterprise_credit_code", "h.region_code")
			.where(owned)
			// a region outside a bureau's is refused (403), not answered with an empty page
			.where(RegionPrefix.of(scope.regionFilter(filter.region(), "region")).predicate("h.region_code"))
			.where(filter.level() != null, "h.level = :level", "level", filter.level() == null ? "" : filter.level().name())
			.bind("today", today)
			.bind("soon", soon(today));
		if (filter.status() != null) {
			listing = listing.where(switch (filter.status()) {
				case OPEN -> "h.closed_on IS NULL";
				case CLOSED -> "h.closed_on IS NOT NULL";
				case OVERDUE -> "h.closed_on IS NULL AND h.deadline < :today";
				case DUE_SOON -> "h.closed_on IS NULL AND h.deadline >= :today AND h.deadline <= :soon";
			});
		}
		return listing.search(page, jdbc, "h.id", List.of(Masked.numbers("h.description"), Masked.numbers("h.found_by")), "h.enterprise_name",
				"h.enterprise_credit_code", "h.outlet_name", "h.facility_name")
			.sorts(SORTS, "found_on", true, "h.id")
			.page(jdbc, SELECT, page, Rows.of(HazardView.class))
			.map(h -> h.masked().counted(calendar).readBy(reader(scope)));
	}

	/**
	 * One hazard in the caller's scope.
	 * @throws DomainException not found (404) when there is none or it lies outside the caller's scope
	 */
	public HazardView get(DataScope scope, long id) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql(SELECT + " FROM safety_hazard h WHERE h.id = :id AND "
				+ scope.enterprisePredicate("h.enterprise_credit_code", "h.region_code"))
			.params(scope.params())
			.param("id", id)
			.param("today", today)
			.param("soon", soon(today))
			.query(Rows.of(HazardView.class))
			.optional()
			.map(h -> h.counted(calendar).readBy(reader(scope)))
			.orElseThrow(() -> DomainException.notFound("隐患", id));
	}

	/**
	 * Who reads a ledger in {@code scope}: the bureau's staff (their region, all) read the catalogue's bases as it
	 * cites them, marks of practice included; an enterprise (and any other scope) reads the legal texts only
	 * ({@link Audience#OUTSIDE}).
	 */
	static Audience reader(DataScope scope) {
		return scope.kind() == DataScope.Kind.ALL || scope.kind() == DataScope.Kind.REGION ? Audience.BUREAU : Audience.OUTSIDE;
	}

	/** The evidence files of a hazard (the caller must have read it with {@link #get} first). */
	public List<Attachment> evidence(long id) {
		return attachments.list(new AttachmentOwner(MODULE, OWNER, id));
	}

	/**
	 * Records a hazard. Staff: any source, the enterprise by credit code in their region. An enterprise: its own (another
	 * enterprise's credit code is refused, rule {@code own-enterprise}), source 企业自查 (blank or 企业自查; another source
	 * is refused, rule {@code self-check}). The deadline is the level's period from the rules catalogue counted in working days from
	 * the day found, or a date entered (not before the day found); an enterprise may only enter a date not after the
	 * catalogue's, staff a later one too (its basis and the audit entry say so); the basis is kept.
	 * @return the new hazard's id
	 * @throws InvalidValueException naming every failing field: enterpriseCreditCode, outletId, facilityId, foundOn
	 *         (required, not in the future), foundBy, source, description (required, ≤ 1000), level, deadline (not before
	 *         the day found; a date entered not before today, rule {@code range}, and a working day, rule
	 *         {@code working-day} naming the next one; for an enterprise not after the catalogue's deadline)
	 */
	@Transactional
	public long report(DataScope scope, HazardData data, boolean demo) {
		return report(scope, data, demo, List.of());
	}

	/**
	 * As {@link #report(DataScope, HazardData, boolean)}, continuing the checks a form ran while reading its values (an
	 * outlet's or facility's number that is no number, {@code kernel.FormBinding}): one answer names those fields and
	 * every field these checks refuse, nothing saved while any is.
	 * @param formErrors the form's failures, or an empty list
	 */
	@Transactional
	public long report(DataScope scope, HazardData data, boolean demo, List<FieldError> formErrors) {
		Corrections.Facts facts = facts(scope, data, Placement.Kept.NONE, null, Boolean.TRUE.equals(data.backFilled()),
				formErrors);
		refuseOpenTwin(facts, null);
		return corrections.record(LEDGER, "safety.hazard.report", "登记", facts, demo, this::snapshot);
	}

	/** An open hazard a new record would repeat: its number and the day it was found. */
	private record OpenHazard(long id, LocalDate foundOn) {
	}

	/**
	 * Refuses a second open record of one hazard: an open hazard (not 销号) of the same enterprise at the same outlet and
	 * facility (both none alike) whose description is this one, compared by {@code Text.textKey} (spaces, widths, case and punctuation aside: a trailing 。 is no other hazard)
	 * — found again on another day, by another finder, from another source or at another level, it is the hazard whose
	 * rectification runs on its first record; a second would count it twice among the open and overdue hazards and run
	 * a second deadline. Once the first is 销号, the same hazard found again is a new one. A correction is held to the
	 * same rule, its own row aside. Two requests at once are ordered by the lock the ledger's twin rule holds
	 * ({@link Corrections}: ledger and region).
	 * @param self the hazard being corrected (null: a new one)
	 * @throws DomainException duplicate (409, field {@code description}, rule {@code unique}) naming the open record
	 */
	private void refuseOpenTwin(Corrections.Facts facts, Long self) {
		Map<String, Object> c = facts.columns();
		TransactionLocks.hold(jdbc, LEDGER.table() + ":record:" + facts.region());
		jdbc.sql("""
				SELECT id, found_on FROM safety_hazard
				WHERE closed_on IS NULL AND enterprise_credit_code = :enterprise
				  AND outlet_id IS NOT DISTINCT FROM CAST(:outlet AS bigint) AND facility_id IS NOT DISTINCT FROM CAST(:facility AS bigint)
				  AND text_key(description) = text_key(:description) AND id <> :self
				ORDER BY id LIMIT 1""")
			.param("enterprise", c.get("enterprise_credit_code"))
			.param("outlet", c.get("outlet_id"))
			.param("facility", c.get("facility_id"))
			.param("description", c.get("description"))
			.param("self", self == null ? 0L : self)
			.query(Rows.of(OpenHazard.class))
			.optional()
			.ifPresent(open -> {
				throw DomainException.duplicate("description", Wording.of("safety.refusal.hazardTwice", (c.get("outlet_name") instanceof String o ? "网点“" + o + "”"
						: ""), open.id(), open.foundOn()),
						"该企业" + (c.get("outlet_name") instanceof String o ? "网点“" + o + "”"
						: "") + "已有相同的未销号隐患（记录" + open.id() + "，" + ChineseText.day(open.foundOn()) + "发现），不能重复登记：再次发现的，请在原记录中督促整改；"
						+ "原隐患销号后再次发现的，可重新登记");
			});
	}

	/**
	 * Corrects the facts of an open hazard (staff of its region), checked as {@link #report}; audited
	 * ({@code safety.hazard.correct}) with the changed facts before and after.
	 * @return the changed facts (empty: nothing changed)
	 * @throws DomainException not found (404) outside the caller's scope; 409 once closed (销号)
	 * @throws AccessRefusedException (403) for an enterprise user
	 * @throws InvalidValueException as {@link #report}
	 */
	@Transactional
	public Map<String, Object[]> correct(DataScope scope, long id, HazardData data) {
		return correct(scope, id, data, List.of());
	}

	/**
	 * As {@link #correct(DataScope, long, HazardData)}, continuing the checks the edit form ran while reading its values
	 * ({@code formErrors}, e.g. an outlet's number that is no number): all refused in one answer.
	 */
	@Transactional
	public Map<String, Object[]> correct(DataScope scope, long id, HazardData data, List<FieldError> formErrors) {
		HazardView now = get(scope, id);
		Placement.Kept kept = Placement.Kept.of(now.outletId(), now.facilityId());
		// a back-filled hazard stays one (历史补录 says how it was entered, not what happened): its deadline may stay past
		boolean backFilled = jdbc.sql("SELECT back_filled FROM safety_hazard WHERE id = :id").param("id", id)
			.query(Boolean.class).single();
		return corrections.correct(scope, LEDGER, id, () -> {
			Corrections.Facts facts = facts(scope, data, kept, now.deadline(), backFilled, formErrors);
			refuseOpenTwin(facts, id);
			return facts;
		});
	}

	/**
	 * The checked facts; {@code kept} are the outlet and facility the corrected hazard names now (accepted once closed),
	 * {@code keptDeadline} its deadline now (a correction leaving it as it is is not judged again as a new date: it
	 * may have passed since), null when recording; {@code backFilled} whether the hazard is a past one entered now
	 * (历史补录, {@link HazardData#backFilled}), whose deadline entered may have passed.
	 */
	private Corrections.Facts facts(DataScope scope, HazardData data, Placement.Kept kept, LocalDate keptDeadline,
			boolean backFilled, List<FieldError> formErrors) {
		Validation v = Validation.after(formErrors);
		var place = placement.resolve(scope, v, data.enterpriseCreditCode(), data.outletId(), data.facilityId(), kept);
		LocalDate foundOn = days.day(v, "foundOn", "发现日期", data.foundOn(), place.map(Placement.Place::regionCode).orElse(null));
		v.require("foundOn", data.foundOn() != null && !Text.isBlank(data.foundOn()), "required", "请填写发现日期");
		String foundBy = Text.name(clean(data.foundBy()));
		v.name("foundBy", "发现人（单位）", foundBy, 100).personName("foundBy", "发现人（单位）", foundBy);
		HazardSource source = parse(HazardSource.class, data.source(), HazardSource::label);
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			// an enterprise's own record is its self-check: another source is refused, never replaced by 企业自查
			v.require("source", data.source() == null || Text.isBlank(data.source()) || source == HazardSource.SELF_CHECK,
					"self-check", "企业登记的隐患来源只能是企业自查，请留空或填写企业自查");
			source = HazardSource.SELF_CHECK;
		}
		v.require("source", source != null, "dictionary", "隐患来源应为监督检查、企业自查、举报之一");
		String description = freeText(data.description());
		v.required("description", "隐患描述", description).maxLength("description", "隐患描述", description, 1000);
		HazardLevel level = parse(HazardLevel.class, data.level(), HazardLevel::label);
		v.require("level", level != null, "dictionary", "隐患等级应为一般隐患或重大隐患");
		LocalDate deadline = v.date("deadline", "整改期限", data.deadline());
		if (deadline != null && foundOn != null) {
			v.require("deadline", !deadline.isBefore(foundOn), "range", "整改期限不能早于发现日期" + ChineseText.day(foundOn));
		}
		if (deadline != null && !deadline.equals(keptDeadline)) {
			checkNewDeadline(v, deadline, backFilled);
		}
		v.throwIfInvalid();
		var p = place.orElseThrow();
		LocalDate catalogue = rules.deadline(level.rectification(), foundOn, p.regionCode());
		String catalogueBasis = catalogueBasis(level, p.regionCode());
		checkDeadline(scope, deadline, catalogue, catalogueBasis);
		String basis;
		if (deadline == null) {
			deadline = catalogue;
			basis = catalogueBasis;
		}
		else if (deadline.isAfter(catalogue)) {
			basis = "指定日期（晚于规则目录期限" + ChineseText.day(catalogue) + "，由" + Actors.shown(Actor.name()) + "指定）";
		}
		else {
			basis = "指定日期";
		}
		if (backFilled) {
			basis = basis + BACK_FILLED;
		}
		Map<String, Object> columns = Placement.columns(p, true, true);
		columns.put("found_on", foundOn);
		columns.put("found_by", foundBy);
		columns.put("source", source.name());
		columns.put("description", description);
		columns.put("level", level.name());
		columns.put("deadline", deadline);
		columns.put("deadline_basis", basis);
		columns.put("back_filled", backFilled);
		return new Corrections.Facts(p.regionCode(), level.label() + "：" + p.enterpriseName() + "，" + description
				+ "，整改期限" + calendar.messageDay(deadline) + (deadline.isAfter(catalogue) ? "（晚于规则目录期限" + ChineseText.day(catalogue) + "，工作人员指定）" : ""),
				// the basis names who chose a later deadline: the same hazard recorded by another is still a twin
				columns).withEntry("deadline_basis", "back_filled");
	}

	/**
	 * A rectification deadline entered (not the catalogue's, which is counted in working days from the day found) is
	 * a day still to come and a working day of the calendar: a past day would make the hazard overdue as it is
	 * recorded, and a deadline on a rest day or holiday is refused rather than moved, naming the first working day
	 * after it (as the enforcement module refuses a payment day off). A day refused already (before the day found) is
	 * not judged again. A back-filled hazard ({@code backFilled}, 历史补录) carries the deadline it was given then, which
	 * may have passed: only the working-day rule holds for it.
	 * Records rule {@code range} ("不能早于今天") or {@code working-day} on {@code deadline}.
	 */
	private void checkNewDeadline(Validation v, LocalDate deadline, boolean backFilled) {
		if (v.hasError("deadline")) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		if (deadline.isBefore(today) && !backFilled) {
			v.require("deadline", false, "range", "整改期限" + ChineseText.day(deadline) + "已过，不能早于今天（" + ChineseText.day(today) + "）；历史补录的隐患请勾选“历史补录”"
					+ "（API：backFilled=true），按当时的整改期限登记");
		}
		else if (!calendar.isWorkingDay(deadline)) {
			v.require("deadline", false, "working-day", "整改期限" + ChineseText.day(deadline) + "是休息日（周末或法定节假日），整改期限应为工作日（其后第一个工作日为"
					+ ChineseText.day(calendar.onOrNextWorkingDay(deadline)) + "）");
		}
	}

	/**
	 * Who may set a rectification deadline later than the catalogue's: the bureau only (its reason is the inspection
	 * record; the hazard's audit entry says the date was set later). An enterprise recording its own hazard (portal or
	 * token) gets the catalogue's deadline or an earlier date it commits to — else it could keep its hazard from ever
	 * being 逾期. For every step that sets a deadline (recording, and any later correction).
	 * @throws InvalidValueException on deadline when an enterprise asks for a date after {@code catalogue} (rule
	 *         {@code after-catalogue}), or anyone for one more than {@link #LONGEST_EXTENSION_YEARS} after it
	 *         ({@code range})
	 */
	private void checkDeadline(DataScope scope, LocalDate deadline, LocalDate catalogue, String catalogueBasis) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE && deadline != null && deadline.isAfter(catalogue)) {
			throw new InvalidValueException("deadline", "after-catalogue", "整改期限不能晚于" + calendar.messageDay(catalogue) + Text.bracketed(catalogueBasis)
					+ "；企业自查登记的隐患只能采用规则目录期限或更早的日期，延长期限须由邮政管理部门指定");
		}
		// the bureau may set a later date, within a year of the catalogue's: 2099 would keep a hazard from ever being
		// 逾期 (attack round 9)
		LocalDate latest = catalogue.plusYears(LONGEST_EXTENSION_YEARS);
		if (deadline != null && deadline.isAfter(latest)) {
			throw new InvalidValueException("deadline", "range", "整改期限不能晚于" + ChineseText.day(latest) + "（规则目录期限" + ChineseText.day(catalogue)
					+ "后一年）：整改需要更长时间的，请分阶段指定期限");
		}
	}

	/** How far past the catalogue's deadline the bureau may set a hazard's (a product bound: one year). */
	static final int LONGEST_EXTENSION_YEARS = 1;

	/**
	 * The enterprise's (or staff's) rectification: a note and/or evidence files added to an open hazard. Files are
	 * checked by content and size, and the hazard's files in all by count and bytes ({@link EvidenceLimits}:
	 * {@code youguan.safety.max-evidence-*}); nothing is saved when one is refused.
	 * @throws DomainException not found (404) outside the caller's scope; a rule error (422) when the hazard is closed
	 * @throws AccessRefusedException (403) for staff of another bureau than the hazard's owner ({@link Corrections#requireOwn})
	 * @throws InvalidValueException on {@code rectification} when neither a note nor a file is given, or the note is
	 *         longer than 1000 characters; on {@code files} for a refused file or files beyond the hazard's room
	 *         (rules {@code count}, {@code total-size}). An identical rectification by the same user within
	 *         {@link Submissions#RESUBMISSION_WINDOW} of the last one is that one sent again: taken as done, nothing
	 *         saved twice.
	 */
	@Transactional
	public void rectify(DataScope scope, long id, String note, List<UploadedFile> files) {
		HazardView h = lockOpen(scope, id);
		corrections.requireOwn(LEDGER, id);
		// the page shows the stored text masked; sent back unchanged it keeps the stored text
		String text = Masking.keptIfSentBackMasked(freeText(note), h.rectification());
		Validation v = new Validation();
		v.require("rectification", text != null || !files.isEmpty(), "required", "请填写整改情况或上传整改佐证材料")
			.maxLength("rectification", "整改情况", text, 1000)
			.throwIfInvalid();
		if (submissions.repeated(LEDGER.table(), id, text, files)) {
			// the same rectification sent again at once (a double click, a retried call): already taken
			return;
		}
		Map<String, Object> before = snapshot(id);
		store(id, files);
		if (text != null) {
			jdbc.sql("UPDATE safety_hazard SET rectification = :text WHERE id = :id").param("text", text).param("id", id).update();
		}
		// each submission kept as sent: a later one no longer hides what was submitted before (rectifications)
		submissions.keep(LEDGER.table(), id, text, files);
		audit.record(AuditEntry.of("safety.hazard.rectify", AUDIT_TYPE, id, "隐患整改情况：" + h.enterpriseName()
				+ (text == null ? "" : "，" + text) + (files.isEmpty() ? "" : "，佐证材料" + files.size() + "份"))
			.states(before, snapshot(id))
			.inRegion(h.regionCode())
			.masked());
	}

	/**
	 * Every rectification submitted for a hazard in the caller's scope, oldest first, each with its time, author and
	 * files ({@link Submissions}): a second submission replaces the hazard's 整改情况 but not the record of the first.
	 * @throws DomainException not found (404) outside the caller's scope
	 */
	public List<Submissions.Submission> rectifications(DataScope scope, long id) {
		get(scope, id);
		return submissions.of(LEDGER.table(), id);
	}

	/** An open hazard whose deadline is the catalogue's period (its basis is not a 指定日期). */
	record CatalogueDeadline(long id, String regionCode, String enterpriseName, String level, LocalDate foundOn,
			LocalDate deadline, String deadlineBasis) {
	}

	/**
	 * The basis kept with a deadline that is the level's period: the rule, its value where the hazard is, its source in
	 * the form the enterprise reads ({@link Audience#OUTSIDE}, 按本局规定 — not the catalogue's 地方实践（未确认）), so
	 * that the row read raw says nothing an enterprise may not read; {@link HazardView#readBy} states it for the reader
	 * (the bureau reads the catalogue's marks).
	 */
	private String catalogueBasis(HazardLevel level, String regionCode) {
		return level.rectification().statedFor(rules.value(level.rectification(), regionCode), Audience.OUTSIDE);
	}

	/**
	 * Counts again, after years of the holiday notice were loaded ({@code first}–{@code last}, as the calendar's
	 * {@code CalendarYearsLoaded} gives them), the deadlines of the open hazards that took the level's period from the
	 * rules catalogue (working days from the day found) and run into those years, counting the period the basis states
	 * (a bureau that changed the period since leaves the hazards recorded before as they are); a date someone chose
	 * (basis 指定日期…) stays. The enterprise has been shown its deadline, so it only moves later, never earlier. Each moved
	 * day is audited ({@code safety.hazard.recount}).
	 * @return how many hazards had their deadline moved
	 */
	@Transactional
	public int recountDeadlines(LocalDate first, LocalDate last) {
		List<CatalogueDeadline> open = jdbc.sql("""
				SELECT id, region_code, enterprise_name, level, found_on, deadline, deadline_basis FROM safety_hazard
				WHERE closed_on IS NULL AND deadline_basis NOT LIKE '指定日期%' AND found_on <= :last AND deadline >= :first
				ORDER BY id FOR UPDATE""")
			.param("first", first).param("last", last)
			.query(Rows.of(CatalogueDeadline.class)).list();
		int moved = 0;
		for (CatalogueDeadline h : open) {
			HazardLevel level = HazardLevel.valueOf(h.level());
			// a basis kept in the bureau's form (before V284) is compared in the form kept now
			if (!catalogueBasis(level, h.regionCode()).equals(level.rectification().restatedFor(h.deadlineBasis(), Audience.OUTSIDE))) {
				continue; // the period was changed since: the deadline keeps the period its basis states
			}
			LocalDate deadline = rules.deadline(level.rectification(), h.foundOn(), h.regionCode());
			if (!deadline.isAfter(h.deadline())) {
				continue;
			}
			jdbc.sql("UPDATE safety_hazard SET deadline = :deadline WHERE id = :id")
				.param("deadline", deadline).param("id", h.id()).update();
			audit.record(AuditEntry.of("safety.hazard.recount", AUDIT_TYPE, h.id(), CalendarYearsLoaded.loaded(first, last) + "，" + level.label() + "（"
					+ h.enterpriseName() + "）的整改期限由" + ChineseText.day(h.deadline()) + "改为" + ChineseText.day(deadline)).inRegion(h.regionCode()));
			moved++;
		}
		return moved;
	}

	/**
	 * The bureau closes a hazard (整改销号): the day closed (not before the day found, not in the future), a note, and
	 * evidence — at least one file on the hazard after this step's files are added.
	 * @throws AccessRefusedException (403) for an enterprise user: closing is the bureau's — the hazard's owner's
	 *         ({@link Corrections#requireOwn}: the bureau that recorded it, else the one handling its region)
	 * @throws DomainException not found (404) outside the caller's scope; a rule error (422) when already closed
	 * @throws InvalidValueException on closedOn (required, range), closureNote (required, ≤ 1000) or files (no
	 *         evidence on file, or a refused file)
	 */
	@Transactional
	public void close(DataScope scope, long id, String closedOn, String note, List<UploadedFile> files) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("id", CLOSE_REFUSAL);
		}
		HazardView h = lockOpen(scope, id);
		corrections.requireOwn(LEDGER, id);
		Validation v = new Validation();
		LocalDate day = v.date("closedOn", "销号日期", closedOn, h.foundOn(), LocalDate.now(clock));
		v.require("closedOn", closedOn != null && !Text.isBlank(closedOn), "required", "请填写销号日期");
		String text = freeText(note);
		v.required("closureNote", "销号意见", text).maxLength("closureNote", "销号意见", text, 1000);
		v.require("files", !files.isEmpty() || !evidence(id).isEmpty(), "required", Wording.of("safety.refusal.closeEvidence"),
				"销号须有整改佐证材料，请上传");
		v.throwIfInvalid();
		Map<String, Object> before = snapshot(id);
		store(id, files);
		jdbc.sql("UPDATE safety_hazard SET closed_on = :day, closed_by = :by, closure_note = :note WHERE id = :id")
			.param("day", day)
			.param("by", Actor.name())
			.param("note", text)
			.param("id", id)
			.update();
		audit.record(AuditEntry.of("safety.hazard.close", AUDIT_TYPE, id, "隐患销号：" + h.enterpriseName() + "，" + text)
			.states(before, snapshot(id))
			.inRegion(h.regionCode())
			.masked());
	}

	/** The number of open hazards in scope that are overdue, and those due soon (for the inbox). */
	long count(DataScope scope, Status status) {
		return list(scope, new Filter(null, status, null), new PageQuery("", 0, 1, null, false)).total();
	}

	private HazardView lockOpen(DataScope scope, long id) {
		get(scope, id);
		jdbc.sql("SELECT id FROM safety_hazard WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
		// read again under the lock: a close that won the race is seen with its day (read before it, the day was null)
		HazardView h = get(scope, id);
		if (!h.open()) {
			throw DomainException.illegalTransition(Wording.of("safety.refusal.hazardClosed", h.closedOn()),
					"该隐患已于" + ChineseText.day(h.closedOn()) + "销号");
		}
		return h;
	}

	/** Stores a step's evidence files: each checked, and the hazard's room for them all ({@link EvidenceLimits}). */
	private void store(long id, List<UploadedFile> files) {
		evidenceLimits.store(new AttachmentOwner(MODULE, OWNER, id), "rectification", files, "整改佐证材料", "隐患");
	}

	private Map<String, Object> snapshot(long id) {
		return jdbc.sql("""
				SELECT level, deadline, deadline_basis, rectification, closed_on, closed_by, closure_note
				FROM safety_hazard WHERE id = :id""")
			.param("id", id)
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("level", rs.getString("level"));
				m.put("deadline", String.valueOf(rs.getObject("deadline")));
				m.put("deadlineBasis", rs.getString("deadline_basis"));
				m.put("rectification", rs.getString("rectification"));
				m.put("closedOn", rs.getObject("closed_on") == null ? null : rs.getObject("closed_on").toString());
				m.put("closedBy", rs.getString("closed_by"));
				m.put("closureNote", rs.getString("closure_note"));
				return m;
			})
			.single();
	}

	private LocalDate soon(LocalDate today) {
		return calendar.plusWorkingDays(today, DUE_SOON_WORKING_DAYS);
	}

	static String clean(String s) {
		return s == null ? null : Text.blankToNull(s.replace('\u3000', ' '));
	}

	/**
	 * A ledger's long free text (a description, a note, a reason) as it is stored, compared for twins and searched:
	 * {@link Text#freeText} (no zero-width or bidirectional character inside it), then {@link #clean}.
	 * @param s the text as typed; null stays null
	 * @return the text so written; null when it shows nothing
	 */
	static String freeText(String s) {
		return clean(Text.freeText(s));
	}

	/**
	 * The constant named by its code (any case) or by its Chinese label, as an API caller may send either; null when
	 * blank or neither.
	 */
	static <E extends Enum<E>> E parse(Class<E> type, String name, Function<E, String> label) {
		if (name == null || Text.isBlank(name)) {
			return null;
		}
		String n = Text.strip(name);
		for (E e : type.getEnumConstants()) {
			if (e.name().equalsIgnoreCase(n) || label.apply(e).equals(n)) {
				return e;
			}
		}
		return null;
	}
}
