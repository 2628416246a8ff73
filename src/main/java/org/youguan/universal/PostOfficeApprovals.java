package org.youguan.universal;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.CalendarYearsLoaded;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.Attachment;
import org.youguan.documents.Attachments;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.Actors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Listing.Masked;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.StatusMove;
import org.youguan.kernel.Text;
import org.youguan.kernel.UniqueIdentifiers;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.numbering.OfficialNumbers;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.org.DocumentAgency;
import org.youguan.org.CurrentUser;
import org.youguan.org.Role;
import org.youguan.org.UserKind;
import org.youguan.region.Regions;
import org.youguan.registry.FacilityView;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * 撤销、搬迁邮政普遍服务营业场所的审批 (邮政法(2015) art.9): the postal enterprise applies on its portal (or staff enter
 * a paper application), the bureau checks the site and consults locally, decides within 20 working days of receipt
 * (extendable once by 10 working days with the head's approval) and, when it approves, the closure or move is
 * announced to the public within 10 working days of the decision. The three periods are catalogue rules
 * ({@link StatutoryRule#UNIVERSAL_CLOSURE_DECISION}, {@link StatutoryRule#UNIVERSAL_CLOSURE_EXTENSION},
 * {@link StatutoryRule#UNIVERSAL_CLOSURE_NOTICE}, 行政许可法(2019) arts.42, 44, 82) counted on the working-day calendar.
 * Each step is guarded by {@link ApprovalStep}'s table and is one transaction with its audit event. The decision gets
 * its 文号 from the numbering module in the official form of the deciding bureau's series ({@link #NUMBER_TYPE}:
 * 苏吴邮管审批〔2026〕3号, {@code numbering.OfficialNumbers}) and its document (准予 /
 * 不予批准…决定书), the notice its 公告, each generated from the catalogue's templates in the step's transaction and kept
 * as an attachment of the approval ({@code universal/post_office_approval}). The enterprise sees only its own
 * approvals; a bureau those of its region.
 */
@Service
public class PostOfficeApprovals {

	/**
	 * An application as typed.
	 * @param kind CLOSURE or RELOCATION (or 撤销, 搬迁)
	 * @param newAddress the new address of a relocation
	 * @param receivedOn the day a paper application was received (staff; blank is today); the enterprise's is today
	 */
	public record ApplicationData(Long facilityId, String kind, String reason, String newAddress, String receivedOn) {
		/** The long free text (reason) as stored, searched and compared: {@link Text#freeText}. */
		public ApplicationData {
			reason = Text.freeText(reason);
		}
	}

	/** The on-site check and local consultation as typed. */
	public record SiteCheck(String checkedOn, String findings, String consultation) {
		/** The long free text (findings, consultation) as stored, searched and compared: {@link Text#freeText}. */
		public SiteCheck {
			findings = Text.freeText(findings);
			consultation = Text.freeText(consultation);
		}
	}

	/**
	 * The extension as typed: why. Who approved it is not typed: it is the signed-in 局领导 who extends ({@link
	 * PostOfficeApprovals#extend}).
	 */
	public record Extension(String reason) {
		/** The long free text (reason) as stored, searched and compared: {@link Text#freeText}. */
		public Extension {
			reason = Text.freeText(reason);
		}
	}

	/**
	 * The public notice as typed: the day published, where (website, notice board at the post office…) and the day
	 * the closure or move takes effect (blank: the day published).
	 */
	public record Notice(String announcedOn, String channel, String effectiveOn) {
		/** The free text (channel) as stored, searched and compared: {@link Text#freeText}. */
		public Notice {
			channel = Text.freeText(channel);
		}
	}

	/**
	 * A decision as typed.
	 * @param reasons the reasons (required for 不予批准)
	 * @param alternativeOffice only with 批准: the nearest post office that serves the public instead (the notice names
	 *        it), optional
	 */
	public record Decision(String reasons, String alternativeOffice) {
		/** The long free text (reasons) as stored, searched and compared: {@link Text#freeText}. */
		public Decision {
			reasons = Text.freeText(reasons);
		}
	}

	/**
	 * A past approval with its real dates, for the import.
	 * @param decision APPROVED or REFUSED (or 批准, 不予批准)
	 * @param announcedOn the day an approval was announced, if it was
	 * @param decisionNumber the decision's real 文号, if the record gives it (unique in the post office's city)
	 */
	public record ImportedApproval(Long facilityId, String kind, String reason, String newAddress, String receivedOn,
			String checkedOn, String decision, String decidedOn, String announcedOn, String noticeChannel,
			String decisionNumber) {
		/**
		 * The free text (reason, noticeChannel) as stored, searched and compared: {@link Text#freeText} — for the
		 * sheet import and the API's single import alike, both of which build this record.
		 */
		public ImportedApproval {
			reason = Text.freeText(reason);
			noticeChannel = Text.freeText(noticeChannel);
		}
	}

	/**
	 * A checked past approval, ready to save.
	 * @param decisionRegion the region of the bureau whose decision it is recorded as (the importer's, whose head it is)
	 */
	public record CheckedImport(FacilityView facility, String creditCode, ApprovalKind kind, String reason,
			String newAddress, LocalDate receivedOn, LocalDate checkedOn, boolean approved, LocalDate decidedOn,
			LocalDate announcedOn, String noticeChannel, String decisionNumber, String decisionRegion) {

		/**
		 * What makes two imported decision numbers the same: the number in the post office's city, compared as the
		 * stored ones are ({@link Text#identifierKey}: letter case, spaces, dashes folded); null without one.
		 */
		String numberKey() {
			return numberKey(facility.regionCode(), decisionNumber);
		}

		static String numberKey(String region, String number) {
			return number == null ? null : region.substring(0, 4) + "|" + Text.identifierKey(number);
		}

		/**
		 * What makes two approvals the same decision, with or without a 文号: the post office, the kind (撤销 or 搬迁) and
		 * the decision's day — one post office gets one decision of a kind a day.
		 */
		String key() {
			return key(facility.id(), kind.name(), decidedOn);
		}

		static String key(long facilityId, String kind, LocalDate decidedOn) {
			return facilityId + "|" + kind + "|" + decidedOn;
		}
	}

	/**
	 * The series type of a decision, numbered in the deciding bureau's official form 苏吴邮管审批〔2026〕3号
	 * ({@code numbering.OfficialNumbers}; decided before: {@code 营业场所审批-<bureau region>-<year>-<sequence>}, kept).
	 */
	public static final String NUMBER_TYPE = "营业场所审批";

	/** The module owning an approval's documents in the documents module ({@code AttachmentOwner.module}). */
	public static final String MODULE = "universal";

	/** The owner type of an approval's documents (the decision and the notice, .docx). */
	public static final String OWNER_TYPE = "post_office_approval";

	private static final String SELECT = """
			SELECT a.id, a.kind, a.facility_id, a.facility_name, a.region_code, a.enterprise_credit_code, a.reason,
			    a.new_address, a.status, a.received_on, a.decision_due_on, a.extended, a.extension_reason,
			    a.extension_approved_by, a.checked_on, a.check_findings, a.consultation, a.decided_on, a.decision_reasons,
			    a.decided_by, a.notice_due_on, a.announced_on, a.notice_channel, a.entered_by_staff, a.imported,
			    a.decision_number, a.alternative_office, a.effective_on, NULL::integer AS remaining_days, FALSE AS overdue""";

	private static final Map<String, String> SORTS = Map.of("received", "a.received_on", "due", "a.decision_due_on",
			"name", "a.facility_name");

	private final JdbcClient jdbc;

	private final PostOffices postOffices;

	private final StatutoryRules rules;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final Clock clock;

	private final BusinessNumbers numbers;

	private final PostOfficeDocuments documents;

	private final Attachments attachments;

	private final Bureaus bureaus;

	private final Regions regions;

	PostOfficeApprovals(JdbcClient jdbc, PostOffices postOffices, StatutoryRules rules, WorkingCalendar calendar,
			AuditTrail audit, Clock clock, BusinessNumbers numbers, PostOfficeDocuments documents, Attachments attachments,
			Bureaus bureaus, Regions regions) {
		this.numbers = numbers;
		this.documents = documents;
		this.attachments = attachments;
		this.bureaus = bureaus;
		this.regions = regions;
		this.jdbc = jdbc;
		this.postOffices = postOffices;
		this.rules = rules;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ deadlines

	/** The day the decision is due: {@link StatutoryRule#UNIVERSAL_CLOSURE_DECISION} working days after receipt. */
	public LocalDate decisionDue(LocalDate receivedOn, String region) {
		return rules.deadline(StatutoryRule.UNIVERSAL_CLOSURE_DECISION, receivedOn, region);
	}

	/** The extended due day: {@link StatutoryRule#UNIVERSAL_CLOSURE_EXTENSION} working days after the first one. */
	public LocalDate extendedDue(LocalDate decisionDueOn, String region) {
		return rules.deadline(StatutoryRule.UNIVERSAL_CLOSURE_EXTENSION, decisionDueOn, region);
	}

	/** The day the notice is due: {@link StatutoryRule#UNIVERSAL_CLOSURE_NOTICE} working days after the decision. */
	public LocalDate noticeDue(LocalDate decidedOn, String region) {
		return rules.deadline(StatutoryRule.UNIVERSAL_CLOSURE_NOTICE, decidedOn, region);
	}

	// ------------------------------------------------------------------ steps

	/**
	 * How long before today a paper application entered live may have been received: one year. A product bound, not
	 * law: the decision is due within 20 working days of receipt, 30 once extended (行政许可法(2019) art.42), so an
	 * application received a year ago and still undecided is long overdue — it may still be entered (late entry of a
	 * real paper application; the queue then shows it overdue), but an older one is a past decision, recorded with its
	 * outcome by the past-approval import ({@code Validation.EARLIEST_ACT}), not a live application whose periods start
	 * running now (1949-10-01 was accepted and its deadlines ran in 1949).
	 */
	static final Period LIVE_RECEIPT_LOOKBACK = Period.ofYears(1);

	/** The earliest receipt day of a live paper application: {@link #LIVE_RECEIPT_LOOKBACK} before today, not before 2000. */
	static LocalDate earliestLiveReceipt(LocalDate today) {
		LocalDate back = today.minus(LIVE_RECEIPT_LOOKBACK);
		return back.isBefore(Validation.EARLIEST_ACT) ? Validation.EARLIEST_ACT : back;
	}

	/**
	 * An application: the postal enterprise for one of its own post offices (received today), or staff entering a
	 * paper application of a post office in their region (received on the day given, not after today). Audited.
	 * @return the approval's id
	 * @throws DomainException not found (404) when the post office is not in the caller's scope; (409, field
	 *         {@code facilityId}) while another approval of the same post office is undecided (rule {@code unique}) or
	 *         once its closure is in effect (rule {@code closed}): {@link #requireServed}
	 * @throws InvalidValueException naming every field that fails: facilityId, kind, reason (required, ≤ 1000),
	 *         newAddress (required for a relocation, only for one, ≤ 300), receivedOn (a date, not after today, not
	 *         before {@link #earliestLiveReceipt})
	 */
	@Transactional
	public long apply(DataScope scope, ApplicationData data, boolean demo) {
		if (data == null || data.facilityId() == null) {
			throw new InvalidValueException("facilityId", "required", "请选择要撤销或搬迁的邮政普遍服务营业场所");
		}
		FacilityView f = postOffices.postOffice(scope, data.facilityId());
		boolean staff = scope.kind() != DataScope.Kind.ENTERPRISE;
		LocalDate today = today();
		Validation v = new Validation();
		ApprovalKind kind = kind(v, data.kind());
		String reason = PostOffices.clean(data.reason());
		String address = Text.line(data.newAddress());
		reason(v, kind, reason, address, f.regionCode());
		LocalDate received = today;
		if (staff && data.receivedOn() != null && !Text.isBlank(data.receivedOn())) {
			received = v.date("receivedOn", "收到申请日期", data.receivedOn(), earliestLiveReceipt(today), today);
		}
		v.throwIfInvalid();
		requireServed(f, today);
		Map<String, Object> p = new HashMap<>();
		p.put("kind", kind.name());
		p.put("facility", f.id());
		p.put("name", f.name());
		p.put("region", f.regionCode());
		p.put("enterprise", postOffices.creditCode(f));
		p.put("reason", reason);
		p.put("address", address);
		p.put("received", received);
		LocalDate due = decisionDue(received, f.regionCode());
		p.put("due", due);
		p.put("staff", staff);
		p.put("now", OffsetDateTime.now(clock));
		p.put("by", Actors.currentName());
		p.put("demo", demo);
		long id = jdbc.sql("""
				INSERT INTO post_office_approval (kind, facility_id, facility_name, region_code, enterprise_credit_code,
				    reason, new_address, status, received_on, decision_due_on, entered_by_staff, created_at, created_by,
				    updated_at, demo)
				VALUES (:kind, :facility, :name, :region, :enterprise, :reason, :address, 'SUBMITTED', :received, :due,
				    :staff, :now, :by, :now, :demo) RETURNING id""")
			.params(p)
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("post-office.approval.apply", "PostOfficeApproval", id,
				(staff ? "登记纸质申请：" : "") + kind.label() + "营业场所“" + f.name() + "”（" + reason + "），" + ChineseText.day(received) + "收到，应于"
						+ calendar.messageDay(due) + "前决定")
			.inRegion(f.regionCode()));
		return id;
	}

	/**
	 * What the post office's state must be for an application received, or a past decision recorded, on day
	 * {@code on} — one at a time, ordered by a transaction lock on the post office: no other application of it
	 * undecided (409 {@code facilityId}, rule {@code unique}: one post office has one application running; a past
	 * decision is recorded before or after it, not beside it), and no approved closure of it in effect by {@code on}
	 * ({@link PostOffices#closedSince}: 409 {@code facilityId}, rule {@code closed} — a closed post office is neither
	 * applied for nor decided about any more). {@link #apply} asks it for today, the past-approval import for the
	 * decision's day.
	 */
	private void requireServed(FacilityView f, LocalDate on) {
		jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", 7_176_000_000L + f.id()).query().listOfRows();
		boolean open = jdbc.sql("SELECT count(*) FROM post_office_approval WHERE facility_id = :id"
				+ " AND status IN ('SUBMITTED', 'CHECKED')")
			.param("id", f.id())
			.query(Long.class)
			.single() > 0;
		if (open) {
			throw DomainException.duplicate("facilityId", Wording.of("universal.refusal.approvalOpen", f.name()),
					"营业场所“" + f.name() + "”已有尚未决定的撤销或搬迁申请");
		}
		Optional<LocalDate> closed = postOffices.closedSince(f.id(), on);
		if (closed.isPresent()) {
			throw DomainException.illegalTransition("facilityId", "closed", Wording.of("universal.refusal.officeClosed", f.name(), closed.get()),
					"营业场所“" + f.name() + "”已于" + ChineseText.day(closed.get())
					+ "经批准撤销，不再办理其撤销、搬迁申请或审批决定");
		}
	}

	/**
	 * Records the on-site check and the local consultation. Audited.
	 * @throws AccessRefusedException (403) for an enterprise user
	 * @throws DomainException not found (404) out of scope; (409) unless 待现场核查
	 * @throws InvalidValueException checkedOn (required, not before receipt, not after today), findings, consultation
	 *         (required, ≤ 1000)
	 */
	@Transactional
	public void check(DataScope scope, long id, SiteCheck data) {
		PostOfficeApproval a = lockForStaff(scope, id);
		ApprovalStatus to = ApprovalStep.CHECK.from(a.status());
		Validation v = new Validation();
		SiteCheck d = data == null ? new SiteCheck(null, null, null) : data;
		v.required("checkedOn", "核查日期", d.checkedOn());
		LocalDate on = v.date("checkedOn", "核查日期", d.checkedOn(), a.receivedOn(), today());
		String findings = PostOffices.clean(d.findings());
		String consultation = PostOffices.clean(d.consultation());
		v.required("findings", "现场核查情况", findings).maxLength("findings", "现场核查情况", findings, 1000)
			.plainText("findings", "现场核查情况", findings)
			.required("consultation", "征求当地意见情况", consultation)
			.maxLength("consultation", "征求当地意见情况", consultation, 1000)
			.plainText("consultation", "征求当地意见情况", consultation)
			.throwIfInvalid();
		move(a, to, ", checked_on = :on, check_findings = :findings, consultation = :consultation",
				Map.of("on", on, "findings", findings, "consultation", consultation));
		record(a, "post-office.approval.check", "现场核查（" + ChineseText.day(on) + "）：" + findings + "；征求意见：" + consultation);
	}

	/**
	 * Extends the decision period once by {@link StatutoryRule#UNIVERSAL_CLOSURE_EXTENSION} working days, before the
	 * period has run out. The approval is the head's own act (经本行政机关负责人批准, 行政许可法(2019) art.42): only a
	 * 局领导 of the deciding bureau, signed in, extends, and is recorded as the approver — never a name typed by
	 * someone else. Audited.
	 * @throws AccessRefusedException (403) for an enterprise user; (403, field {@code approvedBy}) for anyone but a
	 *         signed-in 局领导 of the deciding bureau — asked before the state and the reason
	 * @throws DomainException not found (404) out of scope; (409) when undecided no more, or extended already; (422)
	 *         after the decision was due
	 * @throws InvalidValueException reason (required, ≤ 500)
	 */
	@Transactional
	public void extend(DataScope scope, long id, Extension data) {
		PostOfficeApproval a = lockForStaff(scope, id);
		Bureau deciding = deciding(scope, a.regionCode());
		CurrentUser head = CurrentUser.signedIn().filter(u -> heads(u, deciding))
			.orElseThrow(() -> new AccessRefusedException("approvedBy", Wording.of("universal.refusal.extensionByHead", deciding.name(), CurrentUser.signedIn().map(CurrentUser::displayName).orElse("未登录的用户"), deciding.name()),
					"延长审批期限须经" + deciding.name()
					+ "的负责人（局领导）批准（" + Provision.LICENSING_DECISION_PERIOD.formal() + "），由局领导本人登录后延长；"
					+ CurrentUser.signedIn().map(CurrentUser::displayName).orElse("未登录的用户") + "不是" + deciding.name() + "的局领导"));
		ApprovalStatus to = ApprovalStep.EXTEND.from(a.status());
		if (a.extended()) {
			throw DomainException.illegalTransition("审批期限已延长过一次，不能再次延长");
		}
		if (today().isAfter(a.decisionDueOn())) {
			throw DomainException.rule(Wording.of("universal.refusal.extensionTooLate", a.decisionDueOn()),
					"审批期限已于" + calendar.messageDay(a.decisionDueOn()) + "届满，不能再延长");
		}
		Extension d = data == null ? new Extension(null) : data;
		String reason = PostOffices.clean(d.reason());
		String by = head.displayName();
		new Validation().required("reason", "延长理由", reason).maxLength("reason", "延长理由", reason, 500)
			.plainText("reason", "延长理由", reason)
			.throwIfInvalid();
		LocalDate due = extendedDue(a.decisionDueOn(), a.regionCode());
		move(a, to, ", extended = TRUE, extension_reason = :reason, extension_approved_by = :by, decision_due_on = :due",
				Map.of("reason", reason, "by", by, "due", due));
		record(a, "post-office.approval.extend", "经" + by + "批准延长审批期限至" + calendar.messageDay(due) + "（" + reason + "）");
	}

	/**
	 * 批准 after the check; the notice then falls due within {@link StatutoryRule#UNIVERSAL_CLOSURE_NOTICE} working
	 * days. The decision gets its 文号 ({@link #NUMBER_TYPE}, 苏吴邮管审批〔2026〕3号, in the deciding bureau's series: the caller's bureau when
	 * its region holds the post office, else the nearest bureau over the post office) and its 准予…决定书 (.docx, kept
	 * with the approval), in the same transaction. Audited (with the 文号; noting a decision after its due day).
	 * @throws AccessRefusedException (403) for an enterprise user, and (field {@code decision}) for anyone signed in but a
	 *         局领导 of the deciding bureau ({@link #requireDecidingHead})
	 * @throws DomainException not found (404) out of scope; (409) unless 待决定 (checked) — asked after who decides
	 * @throws InvalidValueException reasons (≤ 2000), alternativeOffice (≤ 300)
	 */
	@Transactional
	public void approve(DataScope scope, long id, Decision decision) {
		decide(scope, id, ApprovalStep.APPROVE, decision);
	}

	/**
	 * 不予批准 with its reasons (required), before or after the check; numbered and documented (不予批准…决定书 with the
	 * reasons and the remedies) as {@link #approve}. Audited.
	 * @throws AccessRefusedException (403) for an enterprise user, and (field {@code decision}) for anyone signed in but a
	 *         局领导 of the deciding bureau ({@link #requireDecidingHead})
	 * @throws DomainException not found (404) out of scope; (409) when decided already — asked after who decides
	 * @throws InvalidValueException reasons (required, ≤ 2000); alternativeOffice (only with an approval)
	 */
	@Transactional
	public void refuse(DataScope scope, long id, Decision decision) {
		decide(scope, id, ApprovalStep.REFUSE, decision);
	}

	private void decide(DataScope scope, long id, ApprovalStep step, Decision decision) {
		PostOfficeApproval a = lockForStaff(scope, id);
		// who may decide before the approval's state: a non-decider is told so, not that it is decided already
		Bureau bureau = deciding(scope, a.regionCode());
		requireDecidingHead(bureau, step.label());
		ApprovalStatus to = step.from(a.status());
		Decision d = decision == null ? new Decision(null, null) : decision;
		String r = PostOffices.clean(d.reasons());
		String alternative = PostOffices.clean(d.alternativeOffice());
		Validation v = new Validation();
		if (step == ApprovalStep.REFUSE) {
			v.required("reasons", "不予批准理由", r);
			v.require("alternativeOffice", alternative == null, "approval-only", "不予批准时不填写就近替代的营业场所");
		}
		v.maxLength("reasons", "决定理由", r, 2000)
			.plainText("reasons", "决定理由", r)
			.line("alternativeOffice", "就近替代的营业场所", alternative, 300)
			.plainText("alternativeOffice", "就近替代的营业场所", alternative);
		// the alternative post office is printed on the decision and the public notice
		PersonalNumbers.refuse(v, "alternativeOffice", "就近替代的营业场所", alternative).throwIfInvalid();
		LocalDate today = today();
		// the 文号 in the official form of the deciding bureau's series, passing over one a past approval imported in
		// the city bears already (the bureau's paper decisions bore that form)
		DocumentAgency agency = bureaus.documentAgency(bureau.region());
		String number = numbers.nextOfficial(NUMBER_TYPE, agency.code(), agency.seriesRegion(), today.getYear(),
				n -> numberUsed(a.regionCode(), n));
		Map<String, Object> p = new HashMap<>();
		p.put("on", today);
		p.put("reasons", r);
		p.put("by", Actors.currentName());
		LocalDate notice = step == ApprovalStep.APPROVE ? noticeDue(today, a.regionCode()) : null;
		p.put("notice", notice);
		p.put("number", number);
		p.put("bureauRegion", bureau.region());
		p.put("alternative", alternative);
		move(a, to, ", decided_on = :on, decision_reasons = :reasons, decided_by = :by, notice_due_on = :notice,"
				+ " decision_number = :number, decision_region = :bureauRegion, alternative_office = :alternative", p);
		PostOfficeApproval decided = find(scope, id);
		attachments.storeGenerated(PostOfficeDocuments.owner(id), PostOfficeDocuments.DECISION,
				PostOfficeDocuments.decisionFile(decided), documents.decision(decided, parties(decided, bureau.name()), bureau.region()));
		boolean late = today.isAfter(a.decisionDueOn());
		record(a, step == ApprovalStep.APPROVE ? "post-office.approval.approve" : "post-office.approval.refuse",
				step.label() + a.kind().label() + (r == null ? "" : "：" + r)
						+ (alternative == null ? "" : "；就近由“" + alternative + "”提供服务")
						+ "；出具" + PostOfficeDocuments.decisionTitle(decided) + "（" + number + "）"
						+ (step == ApprovalStep.APPROVE ? "；应于" + calendar.messageDay(notice) + "前向社会公告" : "")
						+ (late ? "；超过审批期限（" + ChineseText.day(a.decisionDueOn()) + "）" : ""));
	}

	/**
	 * Records the public notice of an approved closure or relocation and issues its 公告 (.docx, kept with the approval,
	 * bearing the name of the bureau that decided), in the same transaction. Audited (noting a notice after its due
	 * day).
	 * @throws AccessRefusedException (403) for an enterprise user
	 * @throws DomainException not found (404) out of scope; (409) unless 已批准待公告
	 * @throws InvalidValueException announcedOn (required, not before the decision, not after today), channel
	 *         (required, ≤ 300), effectiveOn (a date from the notice's day to a year after it; blank: the notice's day)
	 */
	@Transactional
	public void announce(DataScope scope, long id, Notice data) {
		PostOfficeApproval a = lockForStaff(scope, id);
		ApprovalStatus to = ApprovalStep.ANNOUNCE.from(a.status());
		Notice d = data == null ? new Notice(null, null, null) : data;
		Validation v = new Validation();
		v.required("announcedOn", "公告日期", d.announcedOn());
		LocalDate on = v.date("announcedOn", "公告日期", d.announcedOn(), a.decidedOn(), today());
		String channel = PostOffices.clean(d.channel());
		// the effective day runs from the notice's day to a year after it; with the notice's day refused (or missing)
		// its range is what any notice day allowed would give — never one computed from the day just refused
		boolean announcedRead = on != null && !v.hasError("announcedOn");
		LocalDate from = announcedRead ? on : a.decidedOn();
		LocalDate effective = v.date("effectiveOn", "撤销或搬迁生效日期", d.effectiveOn(), from,
				(announcedRead ? on : today()).plusYears(1));
		v.required("channel", "公告方式", channel).maxLength("channel", "公告方式", channel, 300)
			.plainText("channel", "公告方式", channel);
		PersonalNumbers.refuse(v, "channel", "公告方式", channel).throwIfInvalid();
		move(a, to, ", announced_on = :on, notice_channel = :channel, effective_on = :effective",
				Map.of("on", on, "channel", channel, "effective", effective == null ? on : effective));
		PostOfficeApproval announced = find(scope, id);
		attachments.storeGenerated(PostOfficeDocuments.owner(id), PostOfficeDocuments.NOTICE,
				PostOfficeDocuments.noticeFile(announced), documents.notice(announced, parties(announced, decidedBy(announced))));
		record(a, "post-office.approval.announce", "向社会公告（" + ChineseText.day(on) + "，" + channel + "），自"
				+ ChineseText.day(announced.effectiveOn()) + "起" + (a.kind() == ApprovalKind.RELOCATION ? "迁至新址" : "撤销") + "；出具"
				+ PostOfficeDocuments.noticeTitle(announced)
				+ (on.isAfter(a.noticeDueOn()) ? "；超过公告期限（" + ChineseText.day(a.noticeDueOn()) + "）" : ""));
	}

	/**
	 * Counts again, after years of the holiday notice were loaded ({@code first}–{@code last}, as the calendar's
	 * {@code CalendarYearsLoaded} gives them), the working-day deadlines of the approvals that run into those years: the
	 * decision day of an open approval (20 working days, plus 10 when extended; 行政许可法(2019) art.42, 82) and the
	 * public notice day of an approved one not yet announced (邮政法(2015) art.9). A day computed on the provisional
	 * calendar (weekends and statutory holidays only) becomes the day under the notice, 调休 included. Imported
	 * approvals keep their dates. Each moved date is audited ({@code post-office.approval.recount}).
	 * @return how many approvals had a date moved
	 */
	@Transactional
	public int recountDeadlines(LocalDate first, LocalDate last) {
		List<Long> ids = jdbc.sql("""
				SELECT id FROM post_office_approval
				WHERE NOT imported AND status IN ('SUBMITTED', 'CHECKED', 'APPROVED') AND received_on <= :last
				  AND greatest(decision_due_on, notice_due_on) >= :first
				ORDER BY id FOR UPDATE""")
			.param("first", first)
			.param("last", last)
			.query(Long.class)
			.list();
		int moved = 0;
		for (long id : ids) {
			PostOfficeApproval a = find(DataScope.all(), id);
			LocalDate decision = a.decisionDueOn();
			LocalDate notice = a.noticeDueOn();
			if (a.status().open()) {
				decision = decisionDue(a.receivedOn(), a.regionCode());
				decision = a.extended() ? extendedDue(decision, a.regionCode()) : decision;
			}
			else if (a.decidedOn() != null) {
				notice = noticeDue(a.decidedOn(), a.regionCode());
			}
			if (decision.equals(a.decisionDueOn()) && Objects.equals(notice, a.noticeDueOn())) {
				continue;
			}
			Map<String, Object> p = new HashMap<>();
			p.put("decision", decision);
			p.put("notice", notice);
			move(a, a.status(), ", decision_due_on = :decision, notice_due_on = :notice", p);
			record(a, "post-office.approval.recount", CalendarYearsLoaded.loaded(first, last) + "，"
					+ (a.status().open() ? "审批期限由" + ChineseText.day(a.decisionDueOn()) + "改为" + ChineseText.day(decision)
							: "公告期限由" + ChineseText.day(a.noticeDueOn()) + "改为" + ChineseText.day(notice)));
			moved++;
		}
		return moved;
	}

	// ------------------------------------------------------------------ reading

	/**
	 * One approval with its deadlines as of today and the documents it issued, every ID and mobile number in its free
	 * text masked ({@link PostOfficeApproval#masked}) for every reader — the staff's and the enterprise's pages, the API's
	 * answer —, as the lists, the exports, the documents and the other detail pages of the module (a village's profile and
	 * checks, a supervision record) show it: the page showed the applicant's text as recorded while the queue masked it.
	 * @throws DomainException not found (404) when unknown or outside the caller's scope (an enterprise: not its own)
	 */
	public PostOfficeApproval get(DataScope scope, long id) {
		PostOfficeApproval a = withClock(find(scope, id));
		return a.withDocuments(PostOfficeDocuments.listed(a, attachments.list(PostOfficeDocuments.owner(id)))).masked();
	}

	/**
	 * A page of approvals in the caller's scope, searched by post office (name or number), region or credit code, reason or 文号, optionally one status or only
	 * the open ones, the decision due first by default; each with its documents (one query for the page).
	 * @throws InvalidValueException (field {@code region}) for a region filter that is no whole region
	 * @throws AccessRefusedException (403, field {@code region}) for a region outside a bureau's ({@link DataScope#regionFilter})
	 */
	public PageResult<PostOfficeApproval> list(DataScope scope, String region, ApprovalStatus status, boolean openOnly,
			PageQuery page) {
		Listing listing = Listing.from("FROM post_office_approval a")
			.scope(scope, "a.enterprise_credit_code", "a.region_code")
			.where(RegionPrefix.of(scope.regionFilter(region, "region")).predicate("a.region_code"))
			.where(status != null, "a.status = :status", "status", status == null ? "" : status.name());
		if (openOnly) {
			listing = listing.where("a.status IN ('SUBMITTED', 'CHECKED', 'APPROVED')");
		}
		PageResult<PostOfficeApproval> result = listing.search(page, jdbc, "a.id", List.of(Masked.numbers("a.reason")), "a.facility_name", "a.decision_number",
				"CAST(a.facility_id AS text)", "a.region_code", "a.enterprise_credit_code")
			.sorts(SORTS, "due", "a.id")
			.page(jdbc, SELECT, page, Rows.of(PostOfficeApproval.class))
			.map(PostOfficeApproval::masked);
		Map<Long, List<Attachment>> files = attachments.list(MODULE, OWNER_TYPE,
				result.items().stream().map(PostOfficeApproval::id).toList());
		return new PageResult<>(result.items()
			.stream()
			.map(a -> withClock(a).withDocuments(PostOfficeDocuments.listed(a, files.getOrDefault(a.id(), List.of()))))
			.toList(), result.page(), result.size(), result.total(), result.capped());
	}

	/** Approvals decided (approved or refused) in a region ({@code ""}: the country) and period (inclusive days). */
	public long decidedCount(String region, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT count(*) FROM post_office_approval a WHERE a.decided_on BETWEEN :from AND :to AND "
				+ RegionPrefix.of(region).predicate("a.region_code"))
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
	}

	// ------------------------------------------------------------------ import

	/**
	 * Who may record past decisions (the import, by JSON or sheet, API or page), asked before anything else: a recorded
	 * 批准 or 不予批准 is the bureau's decision as one taken here is, so the rule of {@link #decide} holds — the
	 * enterprise is refused, and so is anyone signed in but a 局领导 of the bureau deciding for the caller's region
	 * ({@link #requireDecidingHead}; a national scope is asked row by row, by the post office's region).
	 * @throws AccessRefusedException (403) for an enterprise user; (403, field {@code decision}) for anyone else
	 */
	public void requireImporter(DataScope scope) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("只有邮政管理部门可以导入历史审批");
		}
		if (scope.kind() == DataScope.Kind.REGION) {
			requireDecidingHead(deciding(scope, scope.regionPrefix()), EITHER);
		}
	}

	/** Whether the caller may record past decisions ({@link #requireImporter}): the queue offers the import to no one else. */
	public boolean recordsPast(DataScope scope) {
		try {
			requireImporter(scope);
			return true;
		}
		catch (AccessRefusedException ex) {
			return false;
		}
	}

	/**
	 * A past approval checked as it would be imported, under the rules of a decision taken here: who records it first —
	 * a 局领导 of the bureau deciding for the caller on the post office ({@link #requireImporter},
	 * {@link #requireDecidingHead}), whose bureau's region it is recorded in ({@link CheckedImport#decisionRegion}) —;
	 * then the post office in the caller's scope, the kind, the reason, the new address of a relocation, the decision
	 * (批准 or 不予批准) and its real dates in order — received ≤ checked ≤ decided ≤ announced ≤ today; only an approval
	 * is announced; the decision's real 文号, if given, at most 60 characters and not yet used by an approval in the
	 * post office's city —; then the post office's state on the decision's day ({@link #requireServed},
	 * {@link #requireLastDecision}).
	 * @throws AccessRefusedException (403) for an enterprise user; (403, field {@code decision}) for anyone signed in but
	 *         that head
	 * @throws InvalidValueException naming every field that fails (facilityId — also when the post office is outside
	 *         the caller's scope —, kind, reason, newAddress, receivedOn, checkedOn, decision, decidedOn, announcedOn,
	 *         noticeChannel, decisionNumber)
	 * @throws DomainException (409, field {@code facilityId}) when the post office has an application undecided (rule
	 *         {@code unique}), was closed by the decision's day (rule {@code closed}), or — for an approved closure — has
	 *         a decision after the closure's day (rule {@code closed}: {@link #requireLastDecision})
	 */
	public CheckedImport checkImported(DataScope scope, ImportedApproval data) {
		requireImporter(scope);
		Validation v = new Validation();
		FacilityView f = null;
		if (data == null || data.facilityId() == null) {
			v.require("facilityId", false, "required", "请填写营业场所设施编号");
		}
		else {
			try {
				f = postOffices.postOffice(scope, data.facilityId());
			}
			catch (DomainException ex) {
				v.require("facilityId", false, "exists", "设施编号" + data.facilityId() + "不是您辖区内登记的邮政普遍服务营业场所");
			}
		}
		ImportedApproval d = data == null ? new ImportedApproval(null, null, null, null, null, null, null, null, null, null, null)
				: data;
		String decision = d.decision() == null ? null : Text.strip(d.decision());
		Boolean approved = decision == null || decision.isEmpty() ? null
				: decision.equalsIgnoreCase("APPROVED") || decision.equals("批准") ? Boolean.TRUE
				: decision.equalsIgnoreCase("REFUSED") || decision.equals("不予批准") ? Boolean.FALSE : null;
		Bureau bureau = f == null ? null : deciding(scope, f.regionCode());
		if (bureau != null) {
			// recorded as that bureau's decision, so by its head, as one taken here (any staff member recorded one)
			requireDecidingHead(bureau, approved == null ? EITHER
					: approved ? ApprovalStep.APPROVE.label() : ApprovalStep.REFUSE.label());
		}
		ApprovalKind kind = kind(v, d.kind());
		String reason = PostOffices.clean(d.reason());
		String address = Text.line(d.newAddress());
		reason(v, kind, reason, address, f == null ? null : f.regionCode());
		LocalDate today = today();
		v.required("receivedOn", "收到申请日期", d.receivedOn());
		LocalDate received = v.date("receivedOn", "收到申请日期", d.receivedOn(), Validation.EARLIEST_ACT, today);
		LocalDate checked = v.date("checkedOn", "现场核查日期", d.checkedOn(), Validation.EARLIEST_ACT, today);
		v.require("decision", approved != null, "one-of", "决定应为批准（APPROVED）或不予批准（REFUSED）");
		v.required("decidedOn", "决定日期", d.decidedOn());
		LocalDate decided = v.date("decidedOn", "决定日期", d.decidedOn(), Validation.EARLIEST_ACT, today);
		LocalDate announced = v.date("announcedOn", "公告日期", d.announcedOn(), Validation.EARLIEST_ACT, today);
		String channel = PostOffices.clean(d.noticeChannel());
		v.maxLength("noticeChannel", "公告方式", channel, 300).plainText("noticeChannel", "公告方式", channel);
		PersonalNumbers.refuse(v, "noticeChannel", "公告方式", channel);
		if (received != null && checked != null) {
			v.require("checkedOn", !checked.isBefore(received), "order", "现场核查日期不能早于收到申请日期");
		}
		if (received != null && decided != null) {
			v.require("decidedOn", !decided.isBefore(checked == null ? received : checked), "order",
					"决定日期不能早于收到申请日期或现场核查日期");
		}
		if (announced != null) {
			v.require("announcedOn", !Boolean.FALSE.equals(approved), "approved-only", "只有批准的撤销或搬迁才向社会公告");
			if (decided != null) {
				v.require("announcedOn", !announced.isBefore(decided), "order", "公告日期不能早于决定日期");
			}
			v.required("noticeChannel", "公告方式", channel);
		}
		String number = Text.documentNumber(d.decisionNumber());
		v.maxLength("decisionNumber", "决定文号", number, 60)
			.documentNumber("decisionNumber", "决定文号", number)
			.documentYear("decisionNumber", "决定文号", number, decided);
		if (bureau != null && number != null) {
			// the deciding bureau's own 机关代字 and 审批 (attack A2: another bureau's code, another kind's characters)
			OfficialNumbers.checkTyped(v, "decisionNumber", "决定文号", NUMBER_TYPE, bureaus.documentAgency(bureau.region()).code(),
					code -> bureaus.seriesRegionOf(code).isPresent(), number);
		}
		if (number != null && f != null && number.length() <= 60 && numberUsed(f.regionCode(), number)) {
			v.require("decisionNumber", false, "unique", usedMessage(number));
		}
		v.throwIfInvalid();
		requireServed(f, decided);
		if (approved && kind == ApprovalKind.CLOSURE) {
			requireLastDecision(f, announced == null ? decided : announced);
		}
		return new CheckedImport(f, postOffices.creditCode(f), kind, reason, address, received, checked, approved,
				decided, announced, channel, number, bureau.region());
	}

	/**
	 * A past approved closure closes the post office from {@code closedOn} (its notice's day, else its decision's —
	 * {@link PostOffices#closedSince}), so no decision of it stored may be later: 409 {@code facilityId}, rule
	 * {@code closed}, naming the latest.
	 */
	private void requireLastDecision(FacilityView f, LocalDate closedOn) {
		jdbc.sql("SELECT max(decided_on) FROM post_office_approval WHERE facility_id = :id AND decided_on > :on")
			.param("id", f.id())
			.param("on", closedOn)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst()
			.ifPresent(later -> {
				throw DomainException.illegalTransition("facilityId", "closed", Wording.of("universal.refusal.laterDecision", f.name(), later, closedOn),
						"营业场所“" + f.name() + "”在" + ChineseText.day(later)
						+ "还有撤销或搬迁的审批决定，不能记录自" + ChineseText.day(closedOn) + "起撤销的批准");
			});
	}

	/**
	 * An imported approval's keys ({@link CheckedImport#key}, {@link CheckedImport#numberKey}) read from the row as typed,
	 * cleaned as {@link #checkImported} cleans it, to compare a row it refused with the others — so a row refused for
	 * another failure is told too that it repeats an earlier row.
	 * @param decision the post office, kind and decision day; null when one of them is blank or unreadable
	 * @param number the 文号 in the post office's city; null without a 文号 or a post office in the caller's scope
	 */
	record TypedKeys(String decision, String number) {
	}

	/** {@link TypedKeys} of a row as typed; the post office looked up only for a 文号. */
	TypedKeys typedKeys(DataScope scope, ImportedApproval data) {
		if (data == null || data.facilityId() == null) {
			return new TypedKeys(null, null);
		}
		ApprovalKind kind = ApprovalKind.parse(data.kind());
		LocalDate decided = null;
		try {
			decided = data.decidedOn() == null ? null : Validation.parseDate(data.decidedOn());
		}
		catch (DateTimeParseException ex) {
			// unreadable: not compared
		}
		String decision = kind == null || decided == null ? null : CheckedImport.key(data.facilityId(), kind.name(), decided);
		String number = Text.documentNumber(data.decisionNumber());
		String numberKey = null;
		if (number != null) {
			try {
				numberKey = CheckedImport.numberKey(postOffices.postOffice(scope, data.facilityId()).regionCode(), number);
			}
			catch (DomainException ex) {
				// no post office of the caller's: its city is unknown, not compared
			}
		}
		return new TypedKeys(decision, numberKey);
	}

	/**
	 * Whether an approval of the city holding {@code region} has the decision number already, or a look-alike of it
	 * ({@link UniqueIdentifiers}: letter case, spaces, dashes and underscores folded).
	 */
	private boolean numberUsed(String region, String number) {
		return UniqueIdentifiers.taken(jdbc, "post_office_approval", "decision_number", number,
				"substring(region_code, 1, 4) = substring(:region, 1, 4)", Map.of("region", region));
	}

	private static String usedMessage(String number) {
		return "决定文号“" + number + "”已有本市的营业场所撤销、搬迁审批使用，不能重复";
	}

	/**
	 * Imports one past approval with its real dates (deadlines computed from them), marked imported, audited — unless
	 * the post office already has a decision of that kind on that day ({@link #duplicates}).
	 * @return the approval's id
	 * @throws AccessRefusedException as {@link #checkImported}: the enterprise, anyone but the deciding bureau's head
	 * @throws InvalidValueException as {@link #checkImported}
	 * @throws DomainException as {@link #checkImported} (the post office's state); duplicate (409, field decidedOn) when
	 *         the same decision is stored already
	 */
	@Transactional
	public long importApproval(DataScope scope, ImportedApproval data) {
		CheckedImport checked = checkImported(scope, data);
		PastImport.Duplicates<CheckedImport> duplicates = duplicates(scope);
		if (duplicates.stored().test(checked)) {
			throw DomainException.duplicate(duplicates.field(), duplicates.storedMessage().apply(checked));
		}
		return save(checked, false);
	}

	/**
	 * What makes a past approval a duplicate ({@link CheckedImport#key}): the same post office, kind and decision day as
	 * an earlier row of the import or as an approval already stored in the caller's region — imported before or decided
	 * here, with or without a 文号 —, which would count the decision twice in the figures ({@code postOfficeApprovals}).
	 * Imports of past approvals are ordered by a transaction lock taken here, so a second import at once sees the
	 * first's rows; the stored decisions are read once.
	 */
	PastImport.Duplicates<CheckedImport> duplicates(DataScope scope) {
		TransactionLocks.hold(jdbc, "post_office_approval:import");
		Map<String, String> stored = new HashMap<>();
		jdbc.sql("SELECT facility_id, kind, decided_on, status, decision_number, imported FROM post_office_approval"
				+ " WHERE decided_on IS NOT NULL AND " + scope.regionPredicate("region_code"))
			.params(scope.params())
			.query(rs -> {
				String number = rs.getString("decision_number");
				stored.put(CheckedImport.key(rs.getLong("facility_id"), rs.getString("kind"),
						rs.getObject("decided_on", LocalDate.class)),
						(ApprovalStatus.REFUSED.name().equals(rs.getString("status")) ? "不予批准" : "批准")
								+ (number == null ? "" : "，文号" + number) + (rs.getBoolean("imported") ? "，历史导入" : ""));
			});
		return new PastImport.Duplicates<>(CheckedImport::key, c -> stored.containsKey(c.key()), "decidedOn",
				"同一营业场所、申请事项和决定日期的审批", Wording.of("import.twin.approval"),
				c -> "营业场所“" + c.facility().name() + "”在" + ChineseText.day(c.decidedOn()) + "已有" + c.kind().label() + "审批的决定（"
						+ stored.get(c.key()) + "），同一营业场所同一申请事项同一天只有一个决定，不能重复导入",
				c -> Wording.of("import.refused.approvalDecided", c.facility().name(), c.decidedOn().toString(), c.kind()));
	}

	/** Writes a checked past approval (the .xlsx import's commit and the demo's; each audited). */
	@Transactional
	public long save(CheckedImport c, boolean demo) {
		FacilityView f = c.facility();
		ApprovalStatus status = !c.approved() ? ApprovalStatus.REFUSED
				: c.announcedOn() != null ? ApprovalStatus.ANNOUNCED : ApprovalStatus.APPROVED;
		Map<String, Object> p = new HashMap<>();
		p.put("kind", c.kind().name());
		p.put("facility", f.id());
		p.put("name", f.name());
		p.put("region", f.regionCode());
		p.put("enterprise", c.creditCode());
		p.put("reason", c.reason());
		p.put("address", c.newAddress());
		p.put("status", status.name());
		p.put("received", c.receivedOn());
		p.put("due", decisionDue(c.receivedOn(), f.regionCode()));
		p.put("checked", c.checkedOn());
		p.put("decided", c.decidedOn());
		p.put("notice", c.approved() ? noticeDue(c.decidedOn(), f.regionCode()) : null);
		p.put("announced", c.announcedOn());
		p.put("channel", c.noticeChannel());
		p.put("number", c.decisionNumber());
		p.put("bureauRegion", c.decisionRegion());
		p.put("now", OffsetDateTime.now(clock));
		p.put("by", Actors.currentName());
		p.put("demo", demo);
		long id;
		try {
			id = jdbc.sql("""
					INSERT INTO post_office_approval (kind, facility_id, facility_name, region_code, enterprise_credit_code,
					    reason, new_address, status, received_on, decision_due_on, checked_on, decided_on, decided_by,
					    notice_due_on, announced_on, notice_channel, decision_number, decision_region, entered_by_staff, imported,
					    created_at, created_by, updated_at, demo)
					VALUES (:kind, :facility, :name, :region, :enterprise, :reason, :address, :status, :received, :due,
					    :checked, :decided, :by, :notice, :announced, :channel, :number, :bureauRegion, TRUE, TRUE, :now, :by,
					    :now, :demo)
					RETURNING id""")
				.params(p)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			// another import took the number between the check and this insert
			throw DomainException.duplicate("decisionNumber", usedMessage(c.decisionNumber()));
		}
		audit.record(AuditEntry.of("post-office.approval.import", "PostOfficeApproval", id, "导入历史审批：" + c.kind().label()
				+ "营业场所“" + f.name() + "”，" + ChineseText.day(c.receivedOn()) + "收到，" + ChineseText.day(c.decidedOn()) + (c.approved() ? "批准" : "不予批准")
				+ (c.decisionNumber() == null ? "" : "，文号" + c.decisionNumber()))
			.inRegion(f.regionCode()));
		return id;
	}

	// ------------------------------------------------------------------ helpers

	private static ApprovalKind kind(Validation v, String text) {
		ApprovalKind kind = ApprovalKind.parse(text);
		if (text == null || Text.isBlank(text)) {
			v.require("kind", false, "required", "请选择申请事项：撤销或搬迁");
		}
		else {
			v.require("kind", kind != null, "one-of", "申请事项应为撤销（CLOSURE）或搬迁（RELOCATION），不能是“" + Text.strip(text) + "”");
		}
		return kind;
	}

	/**
	 * The reason, and a relocation's new address: required, printable, and in the post office's city — a relocation
	 * is approved by the bureau of the place the office serves (Regions#addressWithin); another city's address is
	 * refused on {@code newAddress}.
	 * @param regionCode the post office's region, or null when it is unknown (its own error is told)
	 */
	private void reason(Validation v, ApprovalKind kind, String reason, String address, String regionCode) {
		// both are printed on the decision and the public notice: no markup (kernel Validation#plainText)
		v.required("reason", "撤销或搬迁理由", reason).maxLength("reason", "撤销或搬迁理由", reason, 1000)
			.plainText("reason", "撤销或搬迁理由", reason);
		if (kind == ApprovalKind.RELOCATION) {
			v.required("newAddress", "搬迁后的地址", address)
				.address("newAddress", "搬迁后的地址", address, 300)
				.plainText("newAddress", "搬迁后的地址", address);
			// the new address is printed on the decision and the public notice, and listed
			PersonalNumbers.refuse(v, "newAddress", "搬迁后的地址", address);
			if (regionCode != null && regionCode.length() >= 4) {
				regions.addressWithinFixed(v, "newAddress", "搬迁后的地址", address, regionCode.substring(0, 4), "营业场所所在市");
			}
		}
		else if (kind == ApprovalKind.CLOSURE) {
			v.require("newAddress", address == null, "relocation-only", "撤销营业场所不填写搬迁后的地址");
		}
	}

	private PostOfficeApproval find(DataScope scope, long id) {
		return jdbc.sql(SELECT + " FROM post_office_approval a WHERE a.id = :id AND "
				+ scope.enterprisePredicate("a.enterprise_credit_code", "a.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(Rows.of(PostOfficeApproval.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("营业场所撤销、搬迁审批", id));
	}

	/**
	 * 批准 or 不予批准 is the bureau's decision (邮政法(2015) art.9 para.2: 经邮政管理部门批准), taken by its head as every
	 * decision of the product is (a licence's, a case's: 行政处罚法(2021) art.57; an extension here is approved by one,
	 * {@link #extend}): a signed-in 局领导 of the bureau deciding it (the caller's bureau when its region holds the post
	 * office, as the 决定书 is issued in its name: {@link #deciding}) — not any staff member whose region holds the post
	 * office (attack: sz.market of 市场监管处 approved a closure). A step run without a signed-in account (the demo data,
	 * a job) is not checked. A past decision recorded by the import is the bureau's decision too, recorded by the same
	 * head ({@link #checkImported}).
	 * @param what the decision in words: 批准, 不予批准, or {@link #EITHER} when not yet known
	 * @throws AccessRefusedException (403, field {@code decision}) for anyone else
	 */
	private void requireDecidingHead(Bureau deciding, String what) {
		Optional<CurrentUser> signed = CurrentUser.signedIn();
		if (signed.isPresent() && !heads(signed.get(), deciding)) {
			CurrentUser u = signed.get();
			throw new AccessRefusedException("decision", Wording.of("universal.refusal.closureByHead", what, deciding.name(), u.displayName(), deciding.name()),
					what + "营业场所撤销、搬迁由" + deciding.name()
					+ "的负责人（局领导）决定（" + Provision.POSTAL_OFFICE_CLOSURE_DECISION + "）：" + u.displayName() + "不是" + deciding.name() + "的局领导");
		}
	}

	/**
	 * Whether the signed-in account decides the approval ({@link #requireDecidingHead}): a 局领导 of the bureau deciding
	 * it for the caller — the page offers its decision form to no one else.
	 * @throws DomainException not found (404) out of scope
	 */
	public boolean decides(DataScope scope, long id) {
		Bureau deciding = deciding(scope, find(scope, id).regionCode());
		return CurrentUser.signedIn().map(u -> heads(u, deciding)).orElse(false);
	}

	/**
	 * Refuses (403, field {@code decision}) anyone signed in but a 局领导 of the bureau deciding the approval
	 * ({@link #requireDecidingHead}) — what the page's decision form asks before it reads the decision chosen, so a
	 * non-decider is told who decides, not what is wrong with the form or the approval's state.
	 * @throws DomainException not found (404) out of scope
	 */
	public void requireDecides(DataScope scope, long id) {
		requireDecidingHead(deciding(scope, find(scope, id).regionCode()), EITHER);
	}

	/** A decision not yet known, in words ({@link #requireDecidingHead}). */
	private static final String EITHER = ApprovalStep.APPROVE.label() + "或" + ApprovalStep.REFUSE.label();

	/** Whether {@code u} is a 局领导 (a staff account with the role) of the bureau {@code deciding}. */
	private boolean heads(CurrentUser u, Bureau deciding) {
		Optional<Long> bureau = bureaus.findByRegion(deciding.region()).map(BureauView::id);
		return u.has(Role.BUREAU_LEADER) && u.kind() == UserKind.STAFF && bureau.isPresent() && bureau.get().equals(u.bureauId());
	}

	/** Locks the row and reads it; only staff whose region holds it take the bureau's steps. */
	private PostOfficeApproval lockForStaff(DataScope scope, long id) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("现场核查、延期、决定和公告由邮政管理部门办理");
		}
		jdbc.sql("SELECT id FROM post_office_approval WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
		return find(scope, id);
	}

	private void move(PostOfficeApproval a, ApprovalStatus to, String set, Map<String, ?> params) {
		StatusMove.move(jdbc, clock, "post_office_approval", a.id(), a.status(), to, set, params, "审批");
	}

	private void record(PostOfficeApproval a, String action, String summary) {
		audit.record(AuditEntry.of(action, "PostOfficeApproval", a.id(), a.kind().label() + "营业场所“" + a.facilityName() + "”："
				+ summary).inRegion(a.regionCode()));
	}

	/**
	 * The approval with the working days left until the deadline now running, whether it has passed, and which of its
	 * due dates are provisional (暂定).
	 */
	private PostOfficeApproval withClock(PostOfficeApproval a) {
		LocalDate due = a.status().open() ? a.decisionDueOn() : a.status() == ApprovalStatus.APPROVED ? a.noticeDueOn() : null;
		Integer remaining = due == null ? null : calendar.workingDaysBetween(today(), due);
		return a.withClock(remaining, due != null && today().isAfter(due), provisional(a.decisionDueOn()),
				provisional(a.noticeDueOn()));
	}

	private boolean provisional(LocalDate due) {
		return due != null && calendar.isProvisional(due);
	}

	/** A bureau that decides: its region (the 文号's region part) and its name (what the documents bear). */
	private record Bureau(String region, String name) {
	}

	/**
	 * The bureau deciding for a caller on a post office in {@code region}: the caller's own bureau when its region
	 * holds the post office, else the bureau handling the post office's region ({@link Bureaus#handling}: the county's,
	 * or the city's where the county's bureau has no 处室工作人员, else the province's). Stored with the decision
	 * ({@code decision_region}), by which its documents name it later.
	 */
	private Bureau deciding(DataScope scope, String region) {
		String own = scope.kind() == DataScope.Kind.REGION ? scope.regionPrefix() : null;
		if (own != null && !own.isEmpty() && region.startsWith(own)) {
			Optional<BureauView> b = bureaus.findByRegion(own);
			if (b.isPresent()) {
				return new Bureau(own, b.get().name());
			}
		}
		return handling(region);
	}

	/**
	 * The bureau handling a region ({@link Bureaus#handling}: its county's, its city's, its province's — the nearest with
	 * a 处室工作人员); else named after the county.
	 */
	private Bureau handling(String region) {
		String county = region.length() > 6 ? region.substring(0, 6) : region;
		return bureaus.handling(region).map(b -> new Bureau(b.regionCode(), b.name()))
			.orElseGet(() -> new Bureau(county, regions.fullName(county) + "邮政管理局"));
	}

	/**
	 * The name of the bureau that decided an approval (the notice bears it), by the region stored at the decision; for
	 * older approvals without one, the bureau handling the region now.
	 */
	private String decidedBy(PostOfficeApproval a) {
		String region = jdbc.sql("SELECT decision_region FROM post_office_approval WHERE id = :id")
			.param("id", a.id())
			.query(String.class)
			.optional()
			.orElse(null);
		return region == null ? handling(a.regionCode()).name()
				: bureaus.findByRegion(region).map(BureauView::name).orElseGet(() -> handling(region).name());
	}

	/** The applicant, its credit code and the post office's address from the registry, and the bureau. */
	private PostOfficeDocuments.Parties parties(PostOfficeApproval a, String bureau) {
		try {
			FacilityView f = postOffices.postOffice(DataScope.all(), a.facilityId());
			return new PostOfficeDocuments.Parties(f.enterpriseName(), a.enterpriseCreditCode(), f.address(), bureau);
		}
		catch (DomainException ex) {
			// the facility is no longer a post office in the registry: the documents say what the approval holds
			return new PostOfficeDocuments.Parties(a.enterpriseCreditCode(), a.enterpriseCreditCode(), "", bureau);
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
