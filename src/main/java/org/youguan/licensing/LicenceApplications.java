package org.youguan.licensing;

import org.youguan.rules.Provision;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.CalendarYearsLoaded;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.Attachment;
import org.youguan.documents.AttachmentOwner;
import org.youguan.documents.Attachments;
import org.youguan.documents.UploadedFile;
import org.youguan.inspections.InspectionRecordData.TeamMember;
import org.youguan.inspections.InspectionRecords;
import org.youguan.inspections.Inspector;
import org.youguan.inspections.Inspectors;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.Choice;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.StatusMove;
import org.youguan.kernel.Telephone;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.UniqueIdentifiers;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.licensing.internal.ApplicationStep;
import org.youguan.licensing.internal.Days;
import org.youguan.licensing.internal.LicenceEndings;
import org.youguan.licensing.internal.LicensingClock;
import org.youguan.licensing.internal.LicensingDocuments;
import org.youguan.licensing.internal.LicensingSettings;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.org.BureauLevel;
import org.youguan.platform.ChinaTime;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.org.DocumentAgency;
import org.youguan.region.RegionCode;
import org.youguan.region.Regions;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.CancellationGround;
import org.youguan.registry.LicenceCancelled;
import org.youguan.registry.LicenceGranted;
import org.youguan.registry.LicenceChanged;
import org.youguan.registry.LicenceRenewed;
import org.youguan.registry.LicenceDecisionNotApplied;
import org.youguan.registry.LicenceRestored;
import org.youguan.registry.RenewalAccepted;
import org.youguan.registry.RenewalRefused;
import org.youguan.registry.IssuingAuthority;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.LicenceTerms;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.LicenceView;
import org.youguan.registry.OneLicence;
import org.youguan.registry.Licences;
import org.youguan.rules.Audience;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The licensing procedure (邮政法(2015) arts.51–55; 行政许可法(2019) arts.32, 38, 42, 44–45; 快递业务经营许可管理办法): one
 * method per step, each one transaction that locks the application, checks the step is allowed from its state
 * ({@link ApplicationStep}), that the clerk may take it (receipt by the city or provincial bureau of the premises,
 * 初审 and 现场核查 by the city bureau of the premises, the decision by the competent level only, an enterprise only on its
 * own applications), and the step's own rules (all errors at once, each naming its field in Chinese); then changes the
 * application and writes its audit entry. An approval publishes {@link LicenceGranted}, on which the registry records
 * the licence. Deadlines come from the rule catalogue counted on the working-day calendar.
 */
@Service
public class LicenceApplications {

	/** The registered capital's label (its service's and the JSON reader's, {@code NumberText.Digits}). */
	public static final String CAPITAL = "注册资本（元）";

	/** The registered capital's integer digits (yuan). */
	public static final int CAPITAL_INTEGER = 14;

	/** The registered capital's fraction digits. */
	public static final int CAPITAL_FRACTION = 2;

	/** The module name under which attachments are kept. */
	public static final String MODULE = "licensing";

	/** The attachment owner type of an application. */
	public static final String OWNER = "application";

	/** Attachment kinds of the documents the procedure issues. */
	public static final String RECEIPT = "receipt", CORRECTION_NOTICE = "correction-notice", NOT_ACCEPTED = "not-accepted",
			DECISION = "decision", CERTIFICATE = "certificate", SITE_PHOTO = "site-photo";

	/**
	 * The number series of the licensing documents, each written in the official form of the issuing bureau
	 * ({@code numbering.OfficialNumbers}): 受理通知书 苏苏邮管许受〔2026〕3号, 补正通知书 …许补〔…〕, 不予受理决定书
	 * …许不受〔…〕, 准予 (延续、变更) 许可决定书 …许〔…〕, 不予许可决定书 …许不〔…〕. Before the official form the refusals
	 * shared the approvals' series ({@code 许可决定-…}); since, each has its own, so neither printed run has gaps.
	 */
	public static final String RECEIPT_SERIES = "许可受理", CORRECTION_SERIES = "许可补正", NOT_ACCEPTED_SERIES = "许可不予受理",
			DECISION_SERIES = "许可决定", REFUSAL_SERIES = "不予许可";

	/** Largest material or photo accepted (bytes). */
	static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

	/**
	 * An application as entered on the portal, on a paper application's form or through the API.
	 * @param kind NEW (default), CHANGE, RENEWAL or BRANCH
	 * @param scope 同城, 省内, 跨省, 国际 (or CITY, PROVINCE, INTER_PROVINCE, INTERNATIONAL)
	 * @param registeredCapital in yuan
	 * @param regionCode the premises' county (6 digits or more)
	 * @param branches the names of the branches to be included
	 * @param submittedOn the day a paper application was received (staff only; blank: today)
	 */
	public record ApplicationData(String kind, String applicantCreditCode, String applicantName,
			String legalRepresentative, String registeredCapital, String scope, String serviceArea,
			String premisesAddress, String regionCode, String safetySystem, String serviceSystem, String personnel,
			String contactName, String contactPhone, List<String> branches, String submittedOn) {
		/**
		 * The long free text (serviceArea, safetySystem, serviceSystem, personnel) as stored, searched and compared:
		 * {@link Text#freeText}.
		 */
		public ApplicationData {
			serviceArea = Text.freeText(serviceArea);
			safetySystem = Text.freeText(safetySystem);
			serviceSystem = Text.freeText(serviceSystem);
			personnel = Text.freeText(personnel);
		}
	}

	/** One line of the on-site verification checklist. */
	public record CheckLine(String item, Boolean passed, String note) {
		/** The long free text (note) as stored, searched and compared: {@link Text#freeText}. */
		public CheckLine {
			note = Text.freeText(note);
		}

		/** The line as pages and the API show it: personal numbers in the note masked ({@link Masking#personalNumbersIn}). */
		CheckLine masked() {
			return new CheckLine(Masking.personalNumbersIn(item), passed, Masking.personalNumbersIn(note));
		}
	}

	/**
	 * The on-site verification record (现场核查记录).
	 * @param inspectors at least two, each with the 执法证号 shown ({@code {"name", "certificateNumber"}}), taken from
	 *        the inspector roster
	 * @param passed the conclusion: the premises, safety and service conditions are met — never while a checklist line
	 *        failed
	 */
	public record Verification(String verifiedOn, List<TeamMember> inspectors, List<CheckLine> checklist, Boolean passed,
			String conclusion) {
		/** The long free text (conclusion) as stored, searched and compared: {@link Text#freeText}. */
		public Verification {
			conclusion = Text.freeText(conclusion);
		}
	}

	/** Most site inspectors one verification names. */
	static final int MAX_INSPECTORS = 10;

	/**
	 * Most lines of one on-site verification checklist (核查清单): the 快递业务经营许可 checklist has a dozen items; a
	 * record of thousands is no checklist anyone verified, and each line is a row, a line of the record and of its audit.
	 * Lines beyond it are refused on {@code checklist} (rule {@code max}), none read.
	 */
	public static final int MAX_CHECKLIST_LINES = 200;

	/** Most site photos one verification keeps (each up to {@link #MAX_FILE_BYTES}); more refused on {@code photos}. */
	public static final int MAX_SITE_PHOTOS = 20;

	/** Most branches one application names (rule {@code max} on {@code branches}). */
	public static final int MAX_BRANCHES = 100;

	/** Most items a 补正通知 adds to the missing materials (rule {@code max} on {@code items}). */
	public static final int MAX_CORRECTION_ITEMS = 50;

	/**
	 * The order of approvals (and so of the certificates they issue), latest first — the decision's day, then the
	 * certificate sequence drawn at the approval ({@code certificate_seq}, V368), then the id for a past decision
	 * imported without one: two approvals of one licence on one day (a change and a renewal) follow the order they were
	 * decided in, not the one they were submitted in. Every list of a licence's certificates and every rule of which is
	 * current ({@link #certificates}, the licence's items as they stand, the grants not yet recorded) orders by it.
	 */
	public static final String LATEST_DECISION_FIRST = "decided_on DESC, certificate_seq DESC NULLS LAST, id DESC";

	/**
	 * A pause of the decision clock; {@code endedOn} null while it lasts.
	 * @param kind CORRECTION, HEARING or EXPERT_REVIEW ({@link #kindLabel} in Chinese)
	 */
	public record Suspension(long id, String kind, LocalDate startedOn, LocalDate endedOn, String reason) {

		/** The pause as pages and the API show it: personal numbers in the reason masked ({@link Masking#personalNumbersIn}). */
		Suspension masked() {
			return new Suspension(id, kind, startedOn, endedOn, Masking.personalNumbersIn(reason));
		}

		/** The kind in Chinese (补正核查缺陷, 听证, 专家评审); an unknown code as it is. */
		public String kindLabel() {
			return label(kind);
		}

		/** The pause kind {@code code} in Chinese, as the page's choice names it; an unknown code as it is. */
		static String label(String code) {
			return switch (code == null ? "" : code) {
				case "CORRECTION" -> "补正核查缺陷";
				case "HEARING" -> "听证";
				case "EXPERT_REVIEW" -> "专家评审";
				default -> code;
			};
		}
	}

	/**
	 * The application's deadlines as of today, for its page and list. Each {@code …Provisional} beside a date says it
	 * lies in a year whose holiday notice is not loaded ({@link WorkingCalendar#isProvisional(LocalDate)}): 暂定.
	 */
	public record Deadlines(LocalDate receiptDue, boolean receiptDueProvisional, LocalDate verificationDue,
			boolean verificationDueProvisional, LocalDate decisionDue, boolean decisionDueProvisional, Long remainingDays,
			boolean suspended, LocalDate certificateDue, boolean certificateDueProvisional, LocalDate renewalDue,
			boolean renewalDueProvisional) {

		/** The deadlines, each date flagged 暂定 as {@code calendar} counts it. */
		static Deadlines of(WorkingCalendar calendar, LocalDate receiptDue, LocalDate verificationDue,
				LocalDate decisionDue, Long remainingDays, boolean suspended, LocalDate certificateDue,
				LocalDate renewalDue) {
			return new Deadlines(receiptDue, provisional(calendar, receiptDue), verificationDue,
					provisional(calendar, verificationDue), decisionDue, provisional(calendar, decisionDue), remainingDays,
					suspended, certificateDue, provisional(calendar, certificateDue), renewalDue,
					provisional(calendar, renewalDue));
		}
	}

	private static boolean provisional(WorkingCalendar calendar, LocalDate day) {
		return day != null && calendar.isProvisional(day);
	}

	/**
	 * One item a change application changes (变更事项), before → after; branch lists one name a line.
	 * @param field legalName, legalRepresentative, registeredCapital, scope, serviceArea, branches or premises (the
	 *        address with its county)
	 * @param label the item in Chinese
	 */
	public record Change(String field, String label, String before, String after) {

		/** The item as pages and the API show it: personal numbers in before and after masked ({@link Masking#personalNumbersIn}). */
		Change masked() {
			return new Change(field, label, Masking.personalNumbersIn(before), Masking.personalNumbersIn(after));
		}

		/** The item {@code field} in Chinese. */
		public static String label(String field) {
			return switch (field) {
				case "legalName" -> "企业名称";
				case "legalRepresentative" -> "法定代表人";
				case "registeredCapital" -> "注册资本（元）";
				case "scope" -> "业务范围";
				case "serviceArea" -> "服务地域";
				case "branches" -> "分支机构";
				case "premises" -> "经营场所";
				default -> field;
			};
		}
	}

	/**
	 * An application with its branches, checklist, pauses, files, missing materials, deadlines and (for a change) what
	 * it changes, before → after.
	 * @param notInEffect an approved renewal or change the registry did not apply, the licence having ended before it
	 *        heard the decision (null otherwise)
	 * @param premisesTaken where the premises come from when the licence has none on record here (null: on record, or a
	 *        new licence's own)
	 * @param deemedRenewal a renewal (延续) accepted on or before the licence's expiry and undecided after it: it counts
	 *        as granted (视为准予延续, 行政许可法(2019) art.50) and can only be approved, from 已受理 on, without the review or
	 *        verification left ({@link #approve})
	 */
	public record ApplicationDetail(ApplicationView application, List<String> branches, List<CheckLine> checklist,
			List<Suspension> suspensions, List<Attachment> attachments, List<Material> missing, Deadlines deadlines,
			List<Change> changes, boolean deemedRenewal, NotInEffect notInEffect, PremisesTaken premisesTaken) {

		/** {@link PremisesTaken#label} of {@code premisesTaken}, null when the premises are on record or a new licence's. */
		public String premisesTakenLabel() {
			return premisesTaken == null ? null : premisesTaken.label();
		}
	}

	/**
	 * An approved renewal or change that never took effect: the registry did not apply it because the licence had been
	 * revoked or cancelled before it heard the decision ({@link LicenceDecisionNotApplied}).
	 * @param on the day this module learnt it
	 * @param reason why, as the application's page shows it: the licence, how and why it ended, the decision
	 */
	public record NotInEffect(LocalDate on, String reason) {
	}

	/**
	 * One application in a list, with its remaining days before the decision limit (null unless being decided).
	 * @param regionCode the premises' region (经营场所所在地)
	 * @param premisesAddress the premises' address, ID and mobile numbers in it masked ({@link Masking#personalNumbersIn})
	 */
	public record ApplicationSummary(long id, String number, ApplicationKind kind, String applicantName,
			String applicantCreditCode, LicenceScope scope, ApprovingLevel approvingLevel, String regionCode,
			ApplicationStatus status, LocalDate submittedOn, LocalDate acceptedOn, LocalDate decisionDueOn,
			Long remainingDays, String licenceNumber, boolean imported, boolean decisionDueOnProvisional,
			String premisesAddress) {

		public ApplicationSummary {
			premisesAddress = Masking.personalNumbersIn(premisesAddress);
		}

		/** The same application with {@code remainingDays} instead. */
		ApplicationSummary withRemainingDays(Long days) {
			return new ApplicationSummary(id, number, kind, applicantName, applicantCreditCode, scope, approvingLevel,
					regionCode, status, submittedOn, acceptedOn, decisionDueOn, days, licenceNumber, imported,
					decisionDueOnProvisional, premisesAddress);
		}

		/** The same application with {@code decisionDueOnProvisional} as {@code calendar} counts its decision day. */
		ApplicationSummary counted(WorkingCalendar calendar) {
			return new ApplicationSummary(id, number, kind, applicantName, applicantCreditCode, scope, approvingLevel,
					regionCode, status, submittedOn, acceptedOn, decisionDueOn, remainingDays, licenceNumber, imported,
					provisional(calendar, decisionDueOn), premisesAddress);
		}
	}

	static final Map<String, String> SORTS = Map.of("submitted_on", "a.submitted_on", "applicant_name", "a.applicant_name",
			"status", "a.status", "decision_due_on", "a.decision_due_on", "number", "a.number");

	private static final String OPEN = open("a");

	/** The predicate that the application aliased {@code alias} is open (submitted and not yet decided or withdrawn). */
	private static String open(String alias) {
		return alias + ".status IN ('SUBMITTED', 'CORRECTION_REQUESTED', 'ACCEPTED', 'REVIEWED', 'VERIFIED')";
	}

	/**
	 * A renewal (延续) that extends its licence's term: approved, and not one the registry did not apply because the
	 * licence had ended first ({@link #decisionNotApplied}) — never a refused, withdrawn or undecided one. Unqualified
	 * columns: in a subquery over one application table they are that table's.
	 */
	private static final String RENEWAL_IN_EFFECT = "kind = 'RENEWAL' AND status = 'APPROVED' AND not_in_effect_on IS NULL";

	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final StatutoryRules rules;

	private final WorkingCalendar calendar;

	private final BusinessNumbers numbers;

	private final Enterprises enterprises;

	private final Licences licences;

	private final Regions regions;

	private final Bureaus bureaus;

	private final Attachments attachments;

	private final LicensingDocuments documents;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Inspectors inspectors;

	private final LicenceEndings endings;

	private final Clock clock;

	private final LicensingSettings settings;

	LicenceApplications(JdbcClient jdbc, StatutoryRules rules, WorkingCalendar calendar, BusinessNumbers numbers,
			Enterprises enterprises, Licences licences, Regions regions, Bureaus bureaus, Attachments attachments,
			LicensingDocuments documents, AuditTrail audit, ApplicationEventPublisher events, Inspectors inspectors,
			LicenceEndings endings, Clock clock, LicensingSettings settings) {
		this.settings = settings;
		this.endings = endings;
		this.jdbc = jdbc;
		this.rules = rules;
		this.calendar = calendar;
		this.numbers = numbers;
		this.enterprises = enterprises;
		this.licences = licences;
		this.regions = regions;
		this.bureaus = bureaus;
		this.attachments = attachments;
		this.documents = documents;
		this.audit = audit;
		this.events = events;
		this.inspectors = inspectors;
		this.clock = clock;
	}

	/** The licensing clock with the rule values that apply in {@code region}. */
	public LicensingClock clock(String region) {
		Map<StatutoryRule, BigDecimal> memo = new EnumMap<>(StatutoryRule.class);
		return new LicensingClock(Days.of(calendar), rule -> memo.computeIfAbsent(rule, r -> rules.value(r, region)));
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	// ------------------------------------------------------------------ application

	/**
	 * 申请: an enterprise on its portal (for itself only; received today) or staff entering a paper application (the
	 * premises in their scope; received on {@code submittedOn}). The applicant is the registry's enterprise with the
	 * credit code, or a new one named here; the scope decides the approving level (邮政法(2015) art.53) and the minimum
	 * registered capital (¥500 k within a province, ¥1 M inter-province, ¥2 M international: the rule catalogue's
	 * values). A change or renewal needs a licence in force, and an item it leaves blank is the licence's as it stands
	 * ({@link #items}): a change states only what it changes — at least one item that differs (else a 400 on
	 * {@code kind}, rule {@code no-change}) —, and only those are recorded before → after and applied at its approval; a
	 * renewal is applied for at least 30 days before it expires (快递业务经营许可管理办法) and renews the licence as it is —
	 * its scope, registered capital, service area and premises (another: refused on the field, rules {@code renewal-*}).
	 * The materials given are checked by content and kept; missing ones are what a 补正通知 lists. The name a new
	 * applicant is registered under, or a change gives the holder, is one enterprise's ({@link #heldName}, as the import
	 * of past applications holds it): another enterprise of the registry, or another applicant not registered yet whose
	 * application (live or imported) is not refused, under that name with another credit code is a 400 on
	 * {@code applicantName}, rule {@code unique}, naming it to staff (to an enterprise only that the name is taken).
	 * @return the application's id
	 * @throws InvalidValueException naming each field that breaks a rule (nothing is saved) — also {@code submittedOn}
	 * (rule {@code not-allowed}) sent by an enterprise, whose application is received the day it submits it
	 * @throws AccessRefusedException when an enterprise applies for another, or a read-only user applies
	 * @throws DomainException (409) when the applicant has an open application of the same kind; not found (404, before
	 * any field) for staff naming premises outside their region ({@link DataScope#refuseRegionOutside})
	 */
	@Transactional
	public long submit(Clerk clerk, ApplicationData form, Map<Material, List<UploadedFile>> files) {
		if (!clerk.writer() && !clerk.enterprise()) {
			throw new AccessRefusedException("只有业务人员或企业本身可以提交许可申请");
		}
		if (!clerk.enterprise()) {
			// access before fields: staff enter applications of premises in their region; another is not there (404)
			clerk.scope().refuseRegionOutside("regionCode", form.regionCode());
		}
		Validation v = new Validation();
		LocalDate today = today();
		ApplicationKind kind = Text.isBlank(form.kind()) ? ApplicationKind.NEW
				: parse(v, "kind", "申请类型", form.kind(), ApplicationKind.class);
		String code = null;
		if (clerk.enterprise()) {
			String given = Text.isBlank(form.applicantCreditCode()) ? clerk.enterpriseCreditCode() : CreditCode.written(form.applicantCreditCode());
			if (!given.equalsIgnoreCase(clerk.enterpriseCreditCode())) {
				throw new AccessRefusedException("applicantCreditCode", "企业用户只能为本企业提交许可申请");
			}
			code = clerk.enterpriseCreditCode();
		}
		else if (Text.isBlank(form.applicantCreditCode())) {
			v.require("applicantCreditCode", false, "required", "申请人统一社会信用代码不能为空");
		}
		else {
			code = v.check("applicantCreditCode", () -> CreditCode.of(form.applicantCreditCode()).value());
		}
		// before anything is read about the applicant: two submissions at once are ordered, the second one's checks (a
		// licence held, an application open) see the first one's row; taken before the renewal lock, as approve does
		holdApplicant(jdbc, code);
		EnterpriseView known = code == null ? null : enterprises.findByCreditCode(code).orElse(null);
		String name = known != null ? known.legalName() : Text.blankToNull(Text.name(form.applicantName()));
		if (known != null && kind == ApplicationKind.CHANGE && !Text.isBlank(form.applicantName())) {
			// a change of name: the name applied for is the new one
			v.maxLength("applicantName", "申请人名称", form.applicantName(), 200)
				.name("applicantName", "申请人名称", form.applicantName());
			name = Text.name(form.applicantName());
		}
		if (known == null) {
			v.name("applicantName", "申请人名称", form.applicantName(), 200);
		}
		if (name != null && code != null && (known == null || !Enterprises.sameName(name, known.legalName()))) {
			// the name a change gives the holder, or the name a new applicant is registered under when the licence is
			// granted: never one another enterprise that is not cancelled holds, nor another applicant not registered yet
			// under an application not refused (企业名称登记管理规定) — the import's rule; two at once are ordered by the name
			TransactionLocks.hold(jdbc, "enterprise_name:" + Text.enterpriseNameKey(name));
			// an enterprise is told the name is taken, never who holds it (another's credit code and status)
			String wanted = name;
			heldName(name, code).map(held -> clerk.enterprise() ? Enterprises.nameTakenMessage(wanted) : held)
				.ifPresent(held -> v.require("applicantName", false, "unique", held));
		}
		// a change, renewal or branch acts on the licence in force: an item left blank is the licence's as it stands (a
		// change states only what it changes, a renewal renews the licence as it is, a branch adds branches to it); without
		// a licence only the kind is refused
		boolean amends = kind != null && kind.amendsLicence();
		List<LicenceView> held = amends && known != null
				? licences.list(DataScope.all(), new Licences.Filter(LicenceStatus.VALID, null, known.id()),
						PageQuery.of(null, 0, 10, "expires_on", "desc")).items()
				: List.of();
		Items current = amends && !held.isEmpty() ? items(held.get(0), known) : null;
		if (amends && known != null && !clerk.enterprise()) {
			requireHolderInScope(clerk, known, held.isEmpty() ? null : held.get(0), current);
		}
		if (kind == ApplicationKind.BRANCH && code != null && held.isEmpty()) {
			throw branchWithoutLicence(known);
		}
		ApplicationData data = current == null ? form : switch (kind) {
			case RENEWAL, BRANCH -> asKept(v, kind, form, held.get(0), current);
			case CHANGE -> asChanged(form, current);
			case NEW -> form;
		};
		boolean unheld = amends && current == null;
		LicenceScope scope = unheld && Text.isBlank(data.scope()) ? null : scope(v, "scope", data.scope());
		BigDecimal capital = v.decimal("registeredCapital", CAPITAL, data.registeredCapital(), CAPITAL_INTEGER, CAPITAL_FRACTION);
		boolean keepsScope = kind == ApplicationKind.CHANGE || kind == ApplicationKind.BRANCH;
		if (!unheld && !(keepsScope && scope == current.scope())) {
			// a change that keeps the scope of a licence whose capital is not on record has none to judge
			v.required("registeredCapital", CAPITAL, data.registeredCapital());
		}
		String region = null;
		if (Text.isBlank(data.regionCode())) {
			v.require("regionCode", unheld, "required", "经营场所所在地不能为空");
		}
		else {
			region = v.check("regionCode", () -> regions.require("regionCode", Text.strip(data.regionCode())).value());
			if (region != null) {
				v.require("regionCode", region.length() >= 6, "county", "经营场所所在地应具体到县（区）");
				if (!clerk.enterprise()) {
					// premises outside the clerk's region (a renewal's or change's kept from the licence) are not there
					// (404), as premises typed outside it are before any field (DataScope#refuseRegionOutside)
					clerk.scope().refuseWithin("regionCode", region, "经营场所所在地" + region);
				}
				// an enterprise can name any place: one no bureau on the platform serves would sit in no one's queue
				// while its 5-working-day receipt clock ran out and "accepted it by law" — nor one whose city has no
				// bureau here: the province would receive it and no one could take its 初审 and 现场核查 (requireCity)
				v.require("regionCode", bureaus.serves(region, BureauLevel.CITY), "served",
						Wording.of("licensing.refusal.premisesNotServed", regions.fullName(region)),
						"经营场所所在地（" + regions.fullName(region) + "）的市（地）邮政管理局尚未使用本平台办理快递业务经营许可的初审和现场核查，"
						+ "请向当地邮政管理部门提出申请");
			}
		}
		// a change is judged on the capital minimum only when it states the capital or the scope; a branch changes neither
		boolean capitalJudged = kind == ApplicationKind.CHANGE
				? !Text.isBlank(form.registeredCapital()) || !Text.isBlank(form.scope())
				: kind != ApplicationKind.BRANCH;
		if (scope != null && capital != null && region != null && capitalJudged) {
			StatutoryRule rule = capitalRule(scope);
			BigDecimal minimum = rules.value(rule, region);
			v.require("registeredCapital", capital.compareTo(minimum) >= 0, "minimum", "经营" + scope.label()
					+ "快递业务的，注册资本不得低于" + ChineseText.yuan(minimum) + Text.bracketed(rule.basis()));
		}
		if (!unheld) {
			v.required("premisesAddress", "经营场所地址", data.premisesAddress());
		}
		if (!amends || kind == ApplicationKind.RENEWAL && !unheld) {
			// a change of a licence whose service area is not on record leaves it as it is
			v.required("serviceArea", "服务地域", data.serviceArea());
		}
		v.address("premisesAddress", "经营场所地址", data.premisesAddress(), 300)
			.placeText("serviceArea", "服务地域", data.serviceArea(), 500)
			.maxLength("legalRepresentative", "法定代表人", data.legalRepresentative(), 50)
			.name("legalRepresentative", "法定代表人", data.legalRepresentative())
			.personName("legalRepresentative", "法定代表人", data.legalRepresentative())
			.maxLength("safetySystem", "安全保障制度和措施", data.safetySystem(), 2000)
			.maxLength("serviceSystem", "服务质量管理制度", data.serviceSystem(), 2000)
			.maxLength("personnel", "从业人员情况", data.personnel(), 1000)
			.maxLength("contactName", "联系人", data.contactName(), 50)
			.name("contactName", "联系人", data.contactName())
			.personName("contactName", "联系人", data.contactName());
		if (!Text.isBlank(form.premisesAddress()) || !Text.isBlank(form.regionCode())) {
			// the premises typed (an address, a county or both): the address names no other province, city or county than
			// the county chosen — premises kept from the licence are judged when they were granted
			regions.addressWithin(v, "premisesAddress", "经营场所地址", data.premisesAddress(), region, "经营场所所在地");
		}
		if (kind != null && kind != ApplicationKind.CHANGE) {
			// 快递业务经营许可管理办法: the applicant states its legal representative and describes its safety system, its
			// service-quality system and its staff; a change states only the items it changes (blank: unchanged); an
			// enterprise the registry knows with its legal representative keeps that one when it names none
			if (known == null || Text.isBlank(known.legalRepresentative())) {
				v.required("legalRepresentative", "法定代表人", data.legalRepresentative());
			}
			else if (!Text.isBlank(data.legalRepresentative())) {
				// the certificate prints the registry's legal representative: another one is a 变更 first
				v.require("legalRepresentative", Text.name(data.legalRepresentative()).equals(Text.name(known.legalRepresentative())),
						kind == ApplicationKind.RENEWAL ? "renewal-legal-representative" : "registered-legal-representative",
						kind.label() + "申请的法定代表人应与企业登记的“" + known.legalRepresentative()
								+ "”一致：许可证载明企业登记的法定代表人" + (kind == ApplicationKind.RENEWAL ? "，延续只延长有效期" : "")
								+ "；法定代表人有变化的，请先申请变更许可");
			}
			v.required("safetySystem", "安全保障制度和措施", data.safetySystem())
				.required("serviceSystem", "服务质量管理制度", data.serviceSystem())
				.required("personnel", "从业人员情况", data.personnel());
		}
		String phone = Text.blankToNull(data.contactPhone());
		if (phone != null) {
			phone = v.check("contactPhone", () -> Telephone.of(data.contactPhone(), "联系电话").value());
		}
		List<String> branches = new ArrayList<>();
		List<String> named = data.branches() == null ? List.of() : data.branches();
		// past the cap one error for the list, not one per name
		boolean tooMany = named.stream().filter(b -> !Text.isBlank(b)).count() > MAX_BRANCHES;
		v.require("branches", !tooMany, "max", "分支机构名称一次申请最多" + MAX_BRANCHES + "个");
		List<String> given = tooMany ? List.of() : named;
		for (int i = 0; i < given.size(); i++) {
			if (!Text.isBlank(given.get(i))) {
				v.maxLength("branches[" + i + "]", "分支机构名称", given.get(i), 200)
					.name("branches[" + i + "]", "分支机构名称", given.get(i));
				branches.add(Text.name(given.get(i)));
			}
		}
		// a list refused as too long is not also a missing one
		v.require("branches", tooMany || kind != ApplicationKind.BRANCH || !branches.isEmpty(), "required",
				"分支机构申请应填写拟载入许可证的分支机构名称，每行一个");
		LicenceView target = null;
		List<Change> changes = List.of();
		DomainException renewalConflict = null;
		if (amends && code != null) {
			v.require("kind", !held.isEmpty(), "licence", kind.label() + "申请须持有有效的快递业务经营许可证");
			if (kind == ApplicationKind.RENEWAL && !held.isEmpty()) {
				LicenceView l = held.get(0);
				renewalConflict = renewalInTheWay(l.number(), null).orElse(null);
				if (renewalConflict == null) {
					// the window of the term in force, an approval here the registry has not recorded yet included
					LocalDate until = renewedUntil(l.number(), l.expiresOn());
					LicensingClock c = clock(l.regionCode());
					LocalDate latest = c.renewalDue(until);
					LocalDate earliest = c.renewalOpens(until);
					StatutoryRule before = StatutoryRule.LICENCE_RENEWAL_BEFORE_EXPIRY;
					v.require("kind", !today.isAfter(latest), "renewal-window", "延续申请应在许可证有效期届满"
							+ rules.stated(before, l.regionCode()) + "前提出：许可证"
							+ l.number() + "有效期至" + ChineseText.day(until) + "，最迟" + ChineseText.day(latest) + "申请（" + before.basis() + "）");
					v.require("kind", !today.isBefore(earliest), "renewal-window", tooEarly(l.number(), until, earliest, l.regionCode()));
				}
			}
			target = held.isEmpty() ? null : held.get(0);
			if (kind == ApplicationKind.CHANGE && target != null) {
				changes = new ArrayList<>(changes(current, Text.isBlank(form.applicantName()) ? null : name,
						form.legalRepresentative(), Text.isBlank(form.registeredCapital()) ? null : capital,
						Text.isBlank(form.scope()) ? null : scope, form.serviceArea(), branches));
				if (region != null) {
					premisesMoved(current, data.premisesAddress(), region).ifPresent(changes::add);
				}
				boolean stated = !Text.isBlank(form.applicantName()) || !Text.isBlank(form.legalRepresentative())
						|| !Text.isBlank(form.registeredCapital()) || !Text.isBlank(form.scope())
						|| !Text.isBlank(form.serviceArea()) || !branches.isEmpty() || !Text.isBlank(form.premisesAddress())
						|| !Text.isBlank(form.regionCode());
				// an item stated but unreadable is refused on its own field, not as no change
				boolean readable = (Text.isBlank(form.registeredCapital()) || capital != null)
						&& (Text.isBlank(form.scope()) || scope != null);
				v.require("kind", !changes.isEmpty() || !readable, "no-change", "变更申请应至少变更一项许可事项（企业名称、法定代表人、注册资本、"
						+ "业务范围、服务地域、分支机构、经营场所）：" + (stated ? "所填内容与许可证" + target.number() + "现有事项相同"
								: "未填写任何变更事项；未填写的事项保持许可证" + target.number() + "现有内容不变"));
			}
			if (kind == ApplicationKind.BRANCH && target != null && !branches.isEmpty()) {
				// the branches are recorded on the licence in force: its list as it stands and the new ones after it
				List<String> after = withBranches(current.branches(), branches);
				v.require("branches", after.size() > current.branches().size(), "no-change", "所填分支机构均已载入许可证"
						+ target.number() + "（" + String.join("、", current.branches()) + "）");
				changes = after.size() > current.branches().size() ? List.of(new Change("branches", Change.label("branches"),
						String.join("\n", current.branches()), String.join("\n", after))) : List.of();
			}
		}
		LocalDate submittedOn = today;
		// an enterprise's application is received the day it submits it: a day it sends is refused, not silently replaced
		v.require("submittedOn", !clerk.enterprise() || Text.isBlank(data.submittedOn()), "not-allowed",
				"收到申请日期为企业提交当日，由系统记录，企业申请不能填写");
		if (!clerk.enterprise() && !Text.isBlank(data.submittedOn())) {
			submittedOn = v.date("submittedOn", "收到申请日期", data.submittedOn(), today.minusYears(1), today);
		}
		Map<Material, List<UploadedFile>> materials = files == null ? Map.of() : files;
		materials.forEach((m, list) -> list.stream().filter(Objects::nonNull).forEach(f -> {
			try {
				attachments.check(f, "materials." + m.name(), m.label(), MAX_FILE_BYTES);
			}
			catch (DomainException ex) {
				ex.fieldErrors().forEach(e -> v.require(e.field(), false, e.rule(), e.message()));
			}
		}));
		v.throwIfInvalid();
		if (renewalConflict != null) {
			throw renewalConflict;
		}
		if (kind == ApplicationKind.NEW) {
			heldLicence(code, null).ifPresent(other -> {
				throw licenceHeld(other);
			});
		}
		if (jdbc.sql("SELECT count(*) FROM licence_application a WHERE a.applicant_credit_code = :code AND a.kind = :kind AND "
				+ OPEN).param("code", code).param("kind", kind.name()).query(Long.class).single() > 0) {
			throw DomainException.duplicate("applicantCreditCode", Wording.of("licensing.refusal.applicationOpen", kind),
					"该申请人已有办理中的" + kind.label() + "申请，不能重复提交");
		}
		ApprovingLevel level = ApprovingLevel.of(scope);
		String number = numbers.next("许可申请", applicationSeries(region), submittedOn.getYear());
		Map<String, Object> p = new HashMap<>();
		p.put("number", number);
		p.put("kind", kind.name());
		p.put("channel", clerk.enterprise() ? "PORTAL" : "PAPER");
		p.put("code", code);
		p.put("name", Text.strip(name));
		p.put("registered", known != null);
		p.put("rep", Text.blankToNull(data.legalRepresentative()) != null ? Text.name(data.legalRepresentative())
				: kind != ApplicationKind.CHANGE && known != null ? Text.blankToNull(known.legalRepresentative()) : null);
		p.put("capital", capital);
		p.put("scope", scope.name());
		p.put("level", level.name());
		p.put("area", Text.strip(data.serviceArea()));
		p.put("address", Text.line(data.premisesAddress()));
		p.put("region", region);
		p.put("safety", Text.blankToNull(data.safetySystem()));
		p.put("service", Text.blankToNull(data.serviceSystem()));
		p.put("personnel", Text.blankToNull(data.personnel()));
		p.put("contact", Text.blankToNull(Text.name(data.contactName())));
		p.put("phone", phone);
		p.put("submitted", submittedOn);
		p.put("licence", target == null ? null : target.number());
		// a licence issued off the platform has no premises on record here: say where the application's come from
		PremisesTaken premisesTaken = current == null || current.premisesOnRecord() ? null
				: Text.isBlank(form.premisesAddress()) ? PremisesTaken.REGISTERED_ADDRESS : PremisesTaken.STATED;
		p.put("premisesTaken", premisesTaken == null ? null : premisesTaken.name());
		p.put("due", clock(region).receiptDue(submittedOn));
		p.put("by", clerk.name());
		p.put("now", OffsetDateTime.now(clock));
		long id = jdbc.sql("""
				INSERT INTO licence_application (number, kind, channel, applicant_credit_code, applicant_name,
				    applicant_registered, legal_representative, registered_capital, scope, approving_level, service_area,
				    premises_address, region_code, safety_system, service_system, personnel, contact_name, contact_phone,
				    status, submitted_on, receipt_due_on, licence_number, created_by, created_at, updated_at, premises_taken)
				VALUES (:number, :kind, :channel, :code, :name, :registered, :rep, :capital, :scope, :level, :area, :address,
				    :region, :safety, :service, :personnel, :contact, :phone, 'SUBMITTED', :submitted, :due, :licence, :by, :now,
				    :now, :premisesTaken)
				RETURNING id""")
			.params(p)
			.query(Long.class)
			.single();
		for (int i = 0; i < branches.size(); i++) {
			jdbc.sql("INSERT INTO licence_application_branch (application_id, position, name) VALUES (:id, :pos, :name)")
				.param("id", id).param("pos", i + 1).param("name", branches.get(i)).update();
		}
		for (int i = 0; i < changes.size(); i++) {
			Change c = changes.get(i);
			jdbc.sql("""
					INSERT INTO licence_application_change (application_id, position, field, before_value, after_value)
					VALUES (:id, :pos, :field, :before, :after)""")
				.param("id", id).param("pos", i + 1).param("field", c.field()).param("before", c.before()).param("after", c.after())
				.update();
		}
		store(id, materials);
		audit.record(AuditEntry.of("licensing.submit", "licence_application", id, number + "：" + Text.strip(name) + "申请"
				+ kind.label() + (target == null ? "" : "许可证" + target.number()) + "（" + scope.label() + "，" + level.label()
				+ "审批；" + (clerk.enterprise() ? "企业端提交" : "纸质申请录入") + "，补正告知期限至" + p.get("due") + "）"
				+ (changes.isEmpty() ? "" : "；变更事项：" + describe(changes))
				+ (premisesTaken == null ? "" : "；" + premisesTaken.label() + "（" + Text.line(data.premisesAddress()) + "，" + region + "）"))
			.inRegion(region));
		return id;
	}

	/**
	 * The items of licence {@code licence} of {@code holder} as they stand (快递业务经营许可管理办法): the holder's name and
	 * legal representative (the registry's), the scope, registered capital, service area and branches as the registry
	 * records them — where its record does not hold them, the last application approved on the licence here —, and the
	 * premises (address and county) of that application ({@code premisesOnRecord}), else the holder's registered address
	 * and county.
	 */
	private record Items(String legalName, String legalRepresentative, LicenceScope scope, BigDecimal registeredCapital,
			String serviceArea, List<String> branches, String premisesAddress, String regionCode, boolean premisesOnRecord) {
	}

	private Items items(LicenceView licence, EnterpriseView holder) {
		LicenceTerms terms = licences.terms(licence.number()).orElse(new LicenceTerms(null, null, List.of()));
		Optional<ApplicationView> last = jdbc.sql("""
				SELECT * FROM licence_application WHERE %s AND status = 'APPROVED' AND NOT imported
				ORDER BY %s LIMIT 1""".formatted(sameLicence("licence_number"), LATEST_DECISION_FIRST))
			.param(LICENCE_KEY, licenceKey(licence.number()))
			.query(Rows.of(ApplicationView.class)).optional();
		// the issuing application, for a licence whose later approvals here are all imported
		Optional<ApplicationView> known = last.isPresent() ? last : findByLicence(licence.number());
		BigDecimal capital = terms.registeredCapital() != null ? terms.registeredCapital()
				: known.map(ApplicationView::registeredCapital).orElse(null);
		String area = terms.serviceArea() != null ? terms.serviceArea() : known.map(ApplicationView::serviceArea).orElse(null);
		List<String> branches = !terms.branches().isEmpty() ? terms.branches()
				: known.map(a -> branchNames(a.id())).orElse(List.of());
		String address = last.map(ApplicationView::premisesAddress).orElse(Text.blankToNull(holder.address()));
		String region = last.map(ApplicationView::regionCode).orElse(Text.blankToNull(holder.regionCode()));
		return new Items(holder.legalName(), Text.blankToNull(holder.legalRepresentative()), licence.scope(), capital, area,
				branches, address, region, last.isPresent());
	}

	/**
	 * A change (变更) as it acts on the licence whose items are {@code current}: it states only what it changes — an item
	 * left blank is the licence's as it stands, and so are the premises (blank: those of {@link #items}) — so that the
	 * application, its decision and its certificate show the licence as it becomes.
	 */
	private static ApplicationData asChanged(ApplicationData data, Items current) {
		String capital = current.registeredCapital() == null ? null : current.registeredCapital().toPlainString();
		return new ApplicationData(data.kind(), data.applicantCreditCode(), data.applicantName(), data.legalRepresentative(),
				or(data.registeredCapital(), capital), or(data.scope(), current.scope().label()),
				or(data.serviceArea(), current.serviceArea()), or(data.premisesAddress(), current.premisesAddress()),
				or(data.regionCode(), current.regionCode()), data.safetySystem(), data.serviceSystem(), data.personnel(),
				data.contactName(), data.contactPhone(), data.branches(), data.submittedOn());
	}

	private static String or(String stated, String current) {
		return Text.isBlank(stated) ? current : stated;
	}

	/**
	 * A renewal (延续) or a branch application (分支机构) as it acts on the licence {@code licence}: the licence as it is —
	 * its scope (and so its approving level and capital minimum), registered capital, service area and premises
	 * ({@code current}, {@link #items}); a renewal only runs the validity on, a branch only adds branches to the list
	 * (快递业务经营许可管理办法: a change of another item is a 变更). A blank item is the licence's; a different one is
	 * refused naming its field (rules {@code renewal-scope}, {@code renewal-capital}, {@code renewal-service-area},
	 * {@code renewal-premises}; for a branch {@code branch-…}). An item the licence has no record of (a licence issued off
	 * the platform without its terms) is taken as stated; its premises, not known here, are taken as stated, blank the
	 * holder's registered ones.
	 */
	private ApplicationData asKept(Validation v, ApplicationKind kind, ApplicationData data, LicenceView licence, Items current) {
		String rule = kind == ApplicationKind.RENEWAL ? "renewal-" : "branch-";
		String of = kind.label() + "申请的";
		String change = kind == ApplicationKind.RENEWAL ? "：延续只延长有效期，不改变许可事项；该事项有变化的，请申请变更许可"
				: "：分支机构申请只在许可证上增加分支机构，不改变其他许可事项；该事项有变化的，请申请变更许可";
		LicenceScope scope = current.scope();
		LicenceScope stated = Text.isBlank(data.scope()) ? scope : scope(v, "scope", data.scope());
		v.require("scope", stated == null || stated == scope, rule + "scope", of + "业务范围应与许可证" + licence.number()
				+ "载明的“" + scope.label() + "”一致，所填为“" + Text.strip(data.scope()) + "”" + change);
		BigDecimal capital = current.registeredCapital();
		if (capital != null && !Text.isBlank(data.registeredCapital())) {
			// read quietly: the submission judges the figure itself
			BigDecimal given = new Validation().decimal("registeredCapital", "注册资本", data.registeredCapital(), 14, 2);
			v.require("registeredCapital", given == null || given.compareTo(capital) == 0, rule + "capital",
					of + "注册资本应与许可证" + licence.number() + "记载的"
							+ ChineseText.yuan(capital) + "一致" + change);
		}
		String area = current.serviceArea();
		if (area != null && !Text.isBlank(data.serviceArea())) {
			v.require("serviceArea", Text.strip(data.serviceArea()).equals(Text.strip(area)), rule + "service-area",
					of + "服务地域应与许可证" + licence.number() + "载明的“" + area + "”一致" + change);
		}
		// the premises a licence issued off the platform was granted for are not known here: the stated ones are taken
		String address = current.premisesAddress();
		if (current.premisesOnRecord() && address != null && !Text.isBlank(data.premisesAddress())) {
			v.require("premisesAddress", Text.folded(data.premisesAddress()).equals(Text.folded(address)), rule + "premises",
					of + "经营场所地址应与许可证" + licence.number() + "的“" + address + "”一致" + change);
		}
		String region = current.regionCode();
		if (current.premisesOnRecord() && region != null && !Text.isBlank(data.regionCode())) {
			v.require("regionCode", RegionCode.typed(data.regionCode()).equals(region), rule + "premises",
					of + "经营场所所在地应与许可证" + licence.number() + "的" + region + "一致" + change);
		}
		return new ApplicationData(data.kind(), data.applicantCreditCode(), data.applicantName(), data.legalRepresentative(),
				Text.isBlank(data.registeredCapital()) && capital != null ? capital.toPlainString() : data.registeredCapital(),
				scope.label(), or(data.serviceArea(), area), or(data.premisesAddress(), address), or(data.regionCode(), region),
				data.safetySystem(), data.serviceSystem(), data.personnel(), data.contactName(), data.contactPhone(),
				data.branches(), data.submittedOn());
	}

	/**
	 * The branch list of a licence after a branch application: {@code listed} as it stands, then each name of
	 * {@code added} not on it yet (names compared as {@link Text#name} writes them).
	 */
	private static List<String> withBranches(List<String> listed, List<String> added) {
		LinkedHashMap<String, String> out = new LinkedHashMap<>();
		listed.forEach(b -> out.putIfAbsent(Text.name(b), b));
		added.forEach(b -> out.putIfAbsent(Text.name(b), Text.name(b)));
		return List.copyOf(out.values());
	}

	/**
	 * A change of the branch list applied for as {@code was} → {@code wanted}, made on the list as it stands now
	 * ({@code current}): the branches it takes off are taken off, those it adds are added after the others; branches
	 * recorded since it was applied for (a branch application approved meanwhile) stay. Names compared as
	 * {@link Text#name} writes them.
	 */
	private static List<String> rebased(List<String> current, List<String> was, List<String> wanted) {
		java.util.Set<String> kept = new java.util.HashSet<>();
		wanted.forEach(b -> kept.add(Text.name(b)));
		java.util.Set<String> removed = new java.util.HashSet<>();
		was.stream().map(Text::name).filter(b -> !kept.contains(b)).forEach(removed::add);
		List<String> rest = current.stream().filter(b -> !removed.contains(Text.name(b))).toList();
		return withBranches(rest, wanted);
	}

	/** The lines of a stored branch list (one name a line; none for null or blank). */
	private static List<String> lines(String list) {
		return list == null || list.isBlank() ? List.of() : List.of(list.split("\n"));
	}

	/**
	 * The refusal of a branch application by an enterprise without a licence in force (409 on {@code kind}, rule
	 * {@code licence}): a branch is recorded on its enterprise's licence (分支机构, 快递业务经营许可管理办法), never licensed
	 * apart.
	 */
	private static DomainException branchWithoutLicence(EnterpriseView known) {
		String why = known == null ? "申请人不在企业名录中" : "“" + known.legalName() + "”没有有效的快递业务经营许可证";
		return DomainException.illegalTransition("kind", "licence", Wording.of("licensing.refusal.branchWithoutLicence", why),
				why + "，不能申请分支机构：分支机构载入企业现有的有效许可证"
				+ "（变更分支机构事项，快递业务经营许可管理办法），不另发许可证；尚未取得许可的，请申请新设许可");
	}

	/**
	 * What stands in the way of another renewal (延续) of licence {@code number} — a renewal extends the term in force by
	 * one statutory term ({@link StatutoryRule#LICENCE_VALIDITY}), never a term still to come: a renewal of it still open
	 * (409 on {@code kind}, rule {@code renewal-open}) or one approved whose new term has not begun (rule
	 * {@code renewal-approved}; a second one would run the licence a further 5 years on top of it). Holds the lock of the
	 * licence's renewals until the transaction ends, so that two submitted or approved at once are ordered and the second
	 * sees the first.
	 * @param except the application being decided, not to count (null: none)
	 */
	private Optional<DomainException> renewalInTheWay(String number, Long except) {
		TransactionLocks.hold(jdbc, "licence_application.renewal:" + licenceKey(number));
		long self = except == null ? -1L : except;
		Optional<String> open = jdbc.sql("SELECT a.number FROM licence_application a WHERE a.kind = 'RENEWAL' AND "
				+ sameLicence("a.licence_number") + " AND a.id <> :self AND " + OPEN + " ORDER BY a.id LIMIT 1")
			.param(LICENCE_KEY, licenceKey(number)).param("self", self).query(String.class).optional();
		if (open.isPresent()) {
			return Optional.of(DomainException.illegalTransition("kind", "renewal-open", Wording.of("licensing.refusal.renewalOpen", number, open.get(), StatutoryRule.LICENCE_VALIDITY.title(), StatutoryRule.LICENCE_VALIDITY.basis()),
					"许可证" + number + "已有办理中的延续申请"
					+ open.get() + "，不能再申请延续：一次延续只延长一个有效期（" + StatutoryRule.LICENCE_VALIDITY.title() + "，"
					+ StatutoryRule.LICENCE_VALIDITY.basis() + "）"));
		}
		Optional<ApplicationView> coming = jdbc.sql("""
				SELECT * FROM licence_application WHERE kind = 'RENEWAL' AND %s AND id <> :self
				  AND status = 'APPROVED' AND not_in_effect_on IS NULL AND valid_from > :today
				ORDER BY valid_from DESC, id DESC LIMIT 1""".formatted(sameLicence("licence_number")))
			.param(LICENCE_KEY, licenceKey(number)).param("self", self).param("today", today())
			.query(Rows.of(ApplicationView.class)).optional();
		return coming.map(r -> DomainException.illegalTransition("kind", "renewal-approved", Wording.of("licensing.refusal.renewalGranted", number, r.decidedOn(), r.number(), r.decisionNumber(), r.validFrom(), r.validUntil(), Text.bracketed(StatutoryRule.LICENCE_VALIDITY.citedFor(Audience.OUTSIDE) + "；"
						+ StatutoryRule.LICENCE_RENEWAL_EARLIEST.citedFor(Audience.OUTSIDE))),
				"许可证" + number + "的延续已于"
				+ ChineseText.day(r.decidedOn()) + "准予（" + r.number() + "，决定书" + r.decisionNumber() + "），延续后的有效期自" + ChineseText.day(r.validFrom())
				+ "起至" + ChineseText.day(r.validUntil()) + "，尚未开始，不能再申请延续：延续只延长正在进行的有效期，一次一个有效期"
				+ Text.bracketed(StatutoryRule.LICENCE_VALIDITY.citedFor(Audience.OUTSIDE) + "；"
						+ StatutoryRule.LICENCE_RENEWAL_EARLIEST.citedFor(Audience.OUTSIDE))));
	}

	/**
	 * The last day of licence {@code number}'s term: the registry's expiry {@code registryExpiry}, or the renewed one of a
	 * renewal approved here that the registry has not recorded yet (it records it when it hears {@link LicenceRenewed}) —
	 * not one it told did not take effect ({@link #decisionNotApplied}). Imported renewals are history the registry's record already reflects.
	 */
	private LocalDate renewedUntil(String number, LocalDate registryExpiry) {
		return jdbc.sql("""
				SELECT greatest(CAST(:own AS date), max(valid_until)) FROM licence_application
				WHERE %s AND kind = 'RENEWAL' AND status = 'APPROVED' AND NOT imported
				  AND not_in_effect_on IS NULL""".formatted(sameLicence("licence_number")))
			.param("own", registryExpiry).param(LICENCE_KEY, licenceKey(number)).query(LocalDate.class).single();
	}

	/**
	 * The refusal of a renewal applied for before its window opens (rule {@code licence.renewal-earliest}), in words the
	 * applicant reads: the rule by its title and its legal basis for readers outside the bureau ({@link Audience#OUTSIDE}).
	 */
	private String tooEarly(String number, LocalDate until, LocalDate earliest, String region) {
		StatutoryRule rule = StatutoryRule.LICENCE_RENEWAL_EARLIEST;
		return "延续申请最早在许可证有效期届满前" + rules.value(rule, region).stripTrailingZeros().toPlainString() + "个月提出：许可证"
				+ number + "有效期至" + ChineseText.day(until) + "，最早" + ChineseText.day(earliest) + "申请" + Text.bracketed(rule.citedFor(Audience.OUTSIDE))
				+ "；延续只延长正在进行的有效期，不能预先叠加";
	}

	/**
	 * Holds the lock of the applications and licence of the applicant with credit code {@code code} until the
	 * transaction ends ({@link TransactionLocks}): every step that checks what the applicant holds or has open and then
	 * writes — a submission (one open application of a kind), an approval (one licence in force: 快递业务经营许可管理办法),
	 * an import, a branch filing, an annual report — takes it first, so that two at once are ordered and the second sees
	 * the first's row. Taken before the lock of a licence's renewals. Nothing for a null code. It is the registry's lock of
	 * the holder's licences ({@link OneLicence#hold}), so a licence the registry records by hand at the same moment is
	 * ordered with an approval here too.
	 */
	static void holdApplicant(JdbcClient jdbc, String code) {
		OneLicence.hold(jdbc, code);
	}

	/** A licence the applicant holds: its number, scope and last valid day. */
	private record Held(String number, LicenceScope scope, LocalDate until) {
	}

	/**
	 * The licence in force the enterprise with credit code {@code code} holds, if any: the registry's (not expired,
	 * cancelled or revoked), or one approved here that the registry has not recorded yet (it records it when it hears
	 * {@link LicenceGranted}); {@code except} is an application not to count (the one being decided).
	 */
	private Optional<Held> heldLicence(String code, Long except) {
		if (code == null) {
			return Optional.empty();
		}
		Optional<EnterpriseView> holder = enterprises.findByCreditCode(code);
		if (holder.isPresent()) {
			List<LicenceView> valid = licences.list(DataScope.all(), new Licences.Filter(LicenceStatus.VALID, null,
					holder.get().id()), PageQuery.of(null, 0, 1, "expires_on", "desc")).items();
			if (!valid.isEmpty()) {
				return Optional.of(new Held(valid.get(0).number(), valid.get(0).scope(), valid.get(0).expiresOn()));
			}
		}
		return jdbc.sql("""
				SELECT licence_number, scope, valid_until FROM licence_application
				WHERE applicant_credit_code = :code AND status = 'APPROVED' AND kind NOT IN ('CHANGE', 'RENEWAL', 'BRANCH')
				  AND licence_number IS NOT NULL AND valid_until >= :today AND id <> :except ORDER BY valid_until DESC""")
			.param("code", code).param("today", today()).param("except", except == null ? -1L : except)
			.query((rs, i) -> new Held(rs.getString(1), LicenceScope.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class)))
			.list()
			.stream()
			// the registry's record of the number decides for its own holder — in force when it says so: the registry may
			// record the licence (LicenceGranted, after the approval's commit) between the look-up above and this one, so
			// its record is read here again rather than taken as found above; a number it holds for another enterprise
			// does not make this one's approval here any less a licence in force
			.filter(h -> licences.findLookAlike(h.number())
				.map(l -> !l.creditCode().equalsIgnoreCase(code) || l.status() == LicenceStatus.VALID)
				.orElse(true))
			.findFirst();
	}

	/**
	 * The refusal of a new licence to a holder (409 on {@code kind}, rule {@code licence-held}): one enterprise holds one
	 * licence, whose items it changes (变更) or whose validity it extends (延续) — 快递业务经营许可管理办法.
	 */
	private static DomainException licenceHeld(Held held) {
		String message = "申请人" + OneLicence.held(held.number(), held.scope(), held.until())
				+ "，不能再申请新设许可：许可事项（业务范围、服务地域、分支机构等）有变化的，请申请变更许可；"
				+ "有效期将届满的，请申请延续";
		return DomainException.illegalTransition("kind", OneLicence.RULE, message);
	}

	/**
	 * What a change application changes, before → after, item by item (快递业务经营许可管理办法: 企业名称、法定代表人、注册资本、
	 * 业务范围、服务地域、分支机构): only the items it states (null, blank or an empty branch list: unchanged) that differ
	 * from the licence's as they stand at submission ({@code current}, {@link #items}).
	 */
	private static List<Change> changes(Items current, String name, String legalRepresentative, BigDecimal capital,
			LicenceScope scope, String serviceArea, List<String> branches) {
		List<Change> out = new ArrayList<>();
		if (name != null) {
			add(out, "legalName", current.legalName(), name);
		}
		if (!Text.isBlank(legalRepresentative)) {
			add(out, "legalRepresentative", current.legalRepresentative(), Text.name(legalRepresentative));
		}
		BigDecimal capitalBefore = current.registeredCapital();
		if (capital != null && (capitalBefore == null || capitalBefore.compareTo(capital) != 0)) {
			out.add(new Change("registeredCapital", Change.label("registeredCapital"),
					capitalBefore == null ? null : capitalBefore.stripTrailingZeros().toPlainString(),
					capital.stripTrailingZeros().toPlainString()));
		}
		if (scope != null) {
			add(out, "scope", current.scope().label(), scope.label());
		}
		if (!Text.isBlank(serviceArea)) {
			add(out, "serviceArea", current.serviceArea(), Text.strip(serviceArea));
		}
		if (!branches.isEmpty() && !branches.equals(current.branches())) {
			out.add(new Change("branches", Change.label("branches"), String.join("\n", current.branches()), String.join("\n", branches)));
		}
		return out;
	}

	/**
	 * The move of the premises a change states ({@code address} in county {@code region}) away from those of the licence
	 * as it stands ({@link #items}): a change item {@code premises} (经营场所, "address（county）" before → after) when the
	 * county differs, or the address differs from the licence's recorded one (compared {@link Text#folded}: width,
	 * spaces and case aside) — wherever that comes from, the last approval here or, for a licence issued off the
	 * platform, the holder's registered address, so a move within one county is a change too. The move is part of what
	 * the change decides and shows, never a silent re-placing of the application in another bureau's queue. Empty when
	 * nothing moves.
	 */
	private Optional<Change> premisesMoved(Items current, String address, String region) {
		String before = Text.blankToNull(current.premisesAddress());
		String after = Text.isBlank(address) ? before : Text.line(address);
		boolean moved = current.regionCode() != null && !region.equals(current.regionCode())
				|| before != null && !Objects.equals(Text.folded(before), Text.folded(after));
		if (!moved) {
			return Optional.empty();
		}
		return Optional.of(new Change("premises", Change.label("premises"), premises(before, current.regionCode()),
				premises(after, region)));
	}

	/**
	 * The premises as a change item states them: the address, followed by its county in brackets only when the address
	 * does not already name that county ("苏州市吴中区越溪路26号", not "…越溪路26号（江苏省苏州市吴中区）" after it) — a
	 * decision says each thing once.
	 */
	private String premises(String address, String region) {
		String county = region == null ? null : regions.fullName(region);
		if (county == null) {
			return address == null ? "" : address;
		}
		if (address == null || address.isBlank()) {
			return county;
		}
		String folded = Text.folded(address);
		return folded.contains(Text.folded(regions.name(region))) ? address : address + "（" + county + "）";
	}

	/**
	 * The service area a decision and a certificate print (服务地域): the one recorded or applied for, else the territory
	 * of the licence's scope named from its region ({@link LicenceScope#territory}) — the province for 省内
	 * ("江苏省"), the city for 同城 ("江苏省苏州市"); a 跨省 or 国际 licence whose area no one recorded stays without
	 * one (null: printed as —), as no region names it.
	 * @param region the licence's region (its holder's seat), or the premises' county for a new licence
	 */
	private String printedArea(LicenceScope scope, String recorded, String region) {
		if (!Text.isBlank(recorded) || scope == null || region == null) {
			return recorded;
		}
		String territory = scope.territory(region);
		return territory.isEmpty() ? recorded : regions.fullName(territory);
	}

	/**
	 * Refuses a change, renewal or branch application that staff enter for a holder outside their scope (404 on the
	 * holder's credit code, as every read out of scope: its existence is not revealed): the bureau of the holder's
	 * licence (its region in the registry), of the holder (its registered county) or of the premises the licence was
	 * last granted for takes it in — never one that names premises of its own for another bureau's licence.
	 */
	private static void requireHolderInScope(Clerk clerk, EnterpriseView holder, LicenceView licence, Items current) {
		requireHolderInScope(clerk.scope(), holder, licence, current);
	}

	private static void requireHolderInScope(DataScope scope, EnterpriseView holder, LicenceView licence, Items current) {
		boolean within = licence != null && scope.containsRegion(licence.regionCode())
				|| scope.containsRegion(holder.regionCode())
				|| current != null && current.premisesOnRecord() && scope.containsRegion(current.regionCode());
		if (!within) {
			throw DomainException.notFound("企业", holder.creditCode());
		}
	}

	private static void add(List<Change> out, String field, String before, String after) {
		if (!Objects.equals(Text.blankToNull(before), Text.blankToNull(after))) {
			out.add(new Change(field, Change.label(field), before, after));
		}
	}

	/**
	 * The items an approval of {@code a} changes, as its decision lists them: a change's own ({@link #changes(long)}); a
	 * branch's, the licence's branch list before and after it ({@code kept}: the licence's items as they stand); none for
	 * a new licence or a renewal.
	 */
	private List<Change> decided(ApplicationView a, Items kept) {
		if (a.kind() == ApplicationKind.CHANGE) {
			return changes(a.id());
		}
		if (a.kind() != ApplicationKind.BRANCH) {
			return List.of();
		}
		List<String> before = kept == null ? List.of() : kept.branches();
		List<String> now = new ArrayList<>(before);
		branchNames(a.id()).stream().filter(b -> !now.contains(b)).forEach(now::add);
		return List.of(new Change("branches", Change.label("branches"), before.isEmpty() ? null : String.join("\n", before),
				String.join("\n", now)));
	}

	private static String describe(List<Change> changes) {
		return String.join("；", changes.stream().map(c -> c.label() + "由“" + (c.before() == null ? "" : c.before().replace('\n', '、'))
				+ "”变更为“" + (c.after() == null ? "" : c.after().replace('\n', '、')) + "”").toList());
	}

	private List<String> branchNames(long id) {
		return jdbc.sql("SELECT name FROM licence_application_branch WHERE application_id = :id ORDER BY position")
			.param("id", id).query(String.class).list();
	}

	/** The items a change application changes, before → after (empty for other kinds). */
	public List<Change> changes(long id) {
		return jdbc.sql("SELECT field, before_value, after_value FROM licence_application_change WHERE application_id = :id ORDER BY position")
			.param("id", id)
			.query((rs, i) -> new Change(rs.getString(1), Change.label(rs.getString(1)), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * The required materials not yet attached to the application (the branch list only when branches are named).
	 */
	public List<Material> missingMaterials(long id) {
		Set<String> present = new HashSet<>();
		attachments.list(owner(id)).forEach(a -> present.add(a.kind()));
		boolean branches = jdbc.sql("SELECT count(*) FROM licence_application_branch WHERE application_id = :id")
			.param("id", id).query(Long.class).single() > 0;
		List<Material> missing = new ArrayList<>();
		for (Material m : Material.values()) {
			if ((m != Material.BRANCH_LIST || branches) && !present.contains(m.kind())) {
				missing.add(m);
			}
		}
		return missing;
	}

	/**
	 * The statutory materials an application still lacks while it is open ({@link #missingMaterials}): an application
	 * accepted by law (行政许可法(2019) art.32: no 补正 notice within the 5 working days) is accepted without them, and
	 * they stay missing until handed in. An imported application has none here: its materials are the paper file kept
	 * off the platform.
	 */
	private List<Material> stillMissing(ApplicationView a) {
		boolean open = switch (a.status()) {
			case SUBMITTED, CORRECTION_REQUESTED, ACCEPTED, REVIEWED, VERIFIED -> true;
			default -> false;
		};
		return open && !a.imported() ? missingMaterials(a.id()) : List.of();
	}

	/**
	 * Refuses a step that judges the application's substance — 初审, 准予许可 — while a statutory material is missing
	 * (422 on {@code materials}, rule {@code missing-materials}, naming them): acceptance by law starts the clock but
	 * supplies no material (行政许可法(2019) arts.32, 34), so they are handed in first ({@link #addMaterial}), or the
	 * competent level refuses the licence.
	 */
	private void requireMaterials(ApplicationView a, String step) {
		List<Material> missing = stillMissing(a);
		if (!missing.isEmpty()) {
			String lacking = "申请材料不齐全（缺" + String.join("、", missing.stream().map(Material::label).toList()) + "），不能" + step;
			// a renewal deemed granted cannot be refused (行政许可法(2019) art.50): the message names the one decision left
			String labels = String.join("、", missing.stream().map(Material::label).toList());
			Optional<LicenceView> deemed = deemedRenewal(a);
			throw DomainException.rule("materials", "missing-materials", deemed
				.map(l -> Wording.of("licensing.refusal.materialsMissingDeemedRenewed", labels, step, a.acceptedOn(),
						l.number(), l.expiresOn(), StatutoryRule.LICENCE_RENEWAL_DECISION.basis(), l.expiresOn().plusDays(1)))
				.orElseGet(() -> Wording.of("licensing.refusal.materialsMissingForStep", labels, step)), deemed
				.map(l -> lacking + "：延续申请于" + ChineseText.day(a.acceptedOn()) + "受理，许可证" + l.number() + "有效期于" + ChineseText.day(l.expiresOn())
						+ "届满前未作出决定，依" + StatutoryRule.LICENCE_RENEWAL_DECISION.basis() + "视为准予延续，"
						+ "不能作出不予延续的决定：请直接办理准予延续（无需初审、现场核查），有效期自" + ChineseText.day(l.expiresOn().plusDays(1)) + "起接续")
				.orElse(lacking + "：请申请人补充上述法定申请材料（依法受理只起算审查期限，不免除提交材料），或依法作出不予许可决定"));
		}
	}

	/**
	 * Adds a material to an application not yet received (待受理): by the applicant, or by the receiving staff for a
	 * paper application. After a 补正通知 materials come with {@link #correct}. An application accepted by law with
	 * materials missing (已受理, 已初审, 已现场核查) takes each missing one here, and only those: what was examined stays as
	 * it was.
	 * @throws InvalidValueException when the file is refused
	 * @throws DomainException (409) unless 待受理, or open with {@code material} missing
	 * @throws AccessRefusedException when staff add to an application an enterprise submitted on its portal
	 */
	@Transactional
	public void addMaterial(Clerk clerk, long id, Material material, List<UploadedFile> files) {
		List<UploadedFile> chosen = files == null ? List.of() : files.stream().filter(Objects::nonNull).toList();
		ApplicationView a = lock(clerk.scope(), id);
		if (!clerk.enterprise()) {
			requireReceiver(clerk, a);
			requirePaper(a, "补充材料");
		}
		boolean lacking = a.status() != ApplicationStatus.SUBMITTED && a.status() != ApplicationStatus.CORRECTION_REQUESTED
				&& !stillMissing(a).isEmpty();
		if (a.status() != ApplicationStatus.SUBMITTED && !lacking) {
			throw DomainException.illegalTransition(Wording.of("licensing.refusal.noSupplement", a.status(), (a.status() == ApplicationStatus.CORRECTION_REQUESTED ? "：请按补正通知提交补正材料" : "")),
					"申请当前状态为“" + a.status().label() + "”，不能补充材料"
					+ (a.status() == ApplicationStatus.CORRECTION_REQUESTED ? "：请按补正通知提交补正材料" : ""));
		}
		if (material == null || chosen.isEmpty()) {
			throw new InvalidValueException(material == null ? "kind" : "file", "required", material == null
					? "请选择材料类型" : "请选择文件");
		}
		if (lacking && !stillMissing(a).contains(material)) {
			String labels = String.join("、", stillMissing(a).stream().map(Material::label).toList());
			throw new InvalidValueException("kind", "not-missing", Wording.of("licensing.refusal.materialNotMissing", labels,
					material), "申请已受理，只能补充缺少的材料（" + labels + "），“" + material.label() + "”已提交");
		}
		store(id, Map.of(material, chosen), m -> "file");
		move(a, a.status(), "", Map.of());
		record(a, "licensing.material", "补充申请材料：" + material.label() + "（" + String.join("、",
				chosen.stream().map(UploadedFile::fileName).toList()) + "）");
	}

	// ------------------------------------------------------------------ receipt

	/**
	 * 补正通知: tells the applicant once, within 5 working days of receipt, of every missing item — each required
	 * material not attached, plus the items the clerk adds (行政许可法(2019) art.32(四)). The notice (.docx) is kept with
	 * the application.
	 * @throws DomainException (422) when a notice was already given (only one), when the 5 working days have passed (the
	 * application counts as accepted on receipt: {@link #accept}), or when nothing is missing; (409) unless 待受理
	 * @throws AccessRefusedException unless the clerk is the city or provincial bureau of the premises
	 */
	@Transactional
	public void requestCorrection(Clerk clerk, long id, List<String> extraItems) {
		ApplicationView a = lock(clerk.scope(), id);
		requireReceiver(clerk, a);
		ApplicationStatus to = ApplicationStep.REQUEST_CORRECTION.from(a.status());
		if (a.correctionNotifiedOn() != null) {
			throw DomainException.illegalTransition(Wording.of("licensing.refusal.correctionOnce", a.correctionNotifiedOn()),
					"已于" + ChineseText.day(a.correctionNotifiedOn()) + "出具补正通知：申请材料不全的，应当一次告知需要补正的全部内容"
					+ "（" + Provision.LICENSING_ACCEPTANCE + "），不能再次要求补正");
		}
		refuseOnceDeemedAccepted(a, "items", "出具补正通知");
		LocalDate today = today();
		List<String> items = new ArrayList<>();
		missingMaterials(id).forEach(m -> items.add(m.label()));
		List<String> extra = extraItems == null ? List.of() : extraItems;
		Validation v = new Validation();
		if (extra.stream().filter(x -> !Text.isBlank(x)).count() > MAX_CORRECTION_ITEMS) {
			// one error for the list, not one per item
			throw new InvalidValueException("items", "max", Wording.of("licensing.refusal.correctionItemsMax",
					String.valueOf(MAX_CORRECTION_ITEMS)), "补正事项最多" + MAX_CORRECTION_ITEMS + "项（缺少的材料另行自动列入）");
		}
		for (int i = 0; i < extra.size(); i++) {
			// each item is free text: stored as every free text is (zero-width characters, bidirectional marks removed)
			String item = Text.freeText(extra.get(i));
			if (!Text.isBlank(item)) {
				v.maxLength("items[" + i + "]", "补正事项", item, 300);
				items.add(item);
			}
		}
		v.require("items", !items.isEmpty(), "required", Wording.of("licensing.refusal.correctionNothingMissing"),
				"没有需要补正的材料：材料齐全的申请应予受理");
		v.throwIfInvalid();
		List<String> distinct = List.copyOf(new LinkedHashSet<>(items));
		String joined = String.join("\n", distinct);
		v.require("items", joined.length() <= 4000, "max", Wording.of("licensing.refusal.correctionItemsLength", "4000"),
				"补正事项合计不得超过4000字").throwIfInvalid();
		// the notice's own 文号, numbered as the 受理通知书 is
		String notice = officialNumber(CORRECTION_SERIES, receiverRegion(clerk, a), today.getYear());
		move(a, to, ", correction_notified_on = :on, correction_items = :items, correction_number = :notice",
				Map.of("on", today, "items", joined, "notice", notice));
		ApplicationView after = find(id);
		attachments.storeGenerated(owner(id), CORRECTION_NOTICE, "补正通知书-" + notice + ".docx",
				documents.correctionNotice(after, distinct, bureauName(receiverRegion(clerk, a))));
		record(a, "licensing.correction", "出具补正通知" + notice + "，一次告知补正" + distinct.size() + "项：" + String.join("；", distinct));
	}

	/**
	 * 补正: the applicant (or staff for a paper application) hands in the missing materials; the application is back
	 * before the bureau for acceptance.
	 * @throws InvalidValueException when a file is refused or none is given
	 * @throws DomainException (409) unless 待补正
	 */
	@Transactional
	public void correct(Clerk clerk, long id, Map<Material, List<UploadedFile>> files) {
		ApplicationView a = lock(clerk.scope(), id);
		if (!clerk.enterprise()) {
			requireReceiver(clerk, a);
			requirePaper(a, "提交补正材料");
		}
		ApplicationStatus to = ApplicationStep.CORRECT.from(a.status());
		Map<Material, List<UploadedFile>> given = files == null ? Map.of() : files;
		if (given.values().stream().allMatch(l -> l.stream().allMatch(Objects::isNull))) {
			throw new InvalidValueException("materials", "required", "请上传补正材料");
		}
		store(id, given);
		move(a, to, ", corrected_on = :on", Map.of("on", today()));
		record(a, "licensing.corrected", "提交补正材料：" + String.join("、", given.entrySet().stream()
			.filter(e -> e.getValue().stream().anyMatch(Objects::nonNull))
			.map(e -> e.getKey().label() + (e.getValue().size() > 1 ? e.getValue().size() + "个文件" : "")).toList()));
	}

	/**
	 * 受理: the materials are complete — or the 5 working days to notify 补正 passed without a notice, when the
	 * application counts as accepted on the day it was received (行政许可法(2019) art.32, recorded so). Numbers the
	 * receipt (受理通知书, .docx kept with the application) and starts the decision clock (45 days) and the verification
	 * clock (10 working days).
	 * @return the receipt's 文号
	 * @throws DomainException (422) when materials are missing and the notice period is still running; (409) unless 待受理
	 */
	@Transactional
	public String accept(Clerk clerk, long id) {
		ApplicationView a = lock(clerk.scope(), id);
		requireReceiver(clerk, a);
		ApplicationStep.ACCEPT.from(a.status());
		LocalDate today = today();
		boolean byLaw = a.correctionNotifiedOn() == null && today.isAfter(a.receiptDueOn());
		if (!byLaw) {
			List<Material> missing = missingMaterials(id);
			if (!missing.isEmpty()) {
				throw DomainException.rule("materials", "missing", Wording.of("licensing.refusal.materialsMissing", String.join("、", missing.stream()
					.map(Material::label).toList()), (a.correctionNotifiedOn() == null ? "" : "；已补正仍不齐全的，可不予受理")),
						"申请材料不齐全（缺" + String.join("、", missing.stream()
					.map(Material::label).toList()) + "）：请出具补正通知" + (a.correctionNotifiedOn() == null ? "" : "；已补正仍不齐全的，可不予受理"));
			}
		}
		return acceptOn(a, byLaw ? a.submittedOn() : today, byLaw, receiverRegion(clerk, a));
	}

	/**
	 * Whether the application is accepted by law though not yet recorded so (行政许可法(2019) art.32(四): 逾期不告知的，自收到
	 * 申请材料之日起即为受理): 待受理, no 补正 notice given, and the notice period ({@code receiptDueOn}) past today. The
	 * daily job records it ({@link #acceptOverdueByLaw}); until it runs, no step that presumes the receipt still open —
	 * 补正通知, 不予受理 — may be taken ({@link #refuseOnceDeemedAccepted}) and the page offers none.
	 */
	public boolean deemedAccepted(ApplicationView a) {
		return a.status() == ApplicationStatus.SUBMITTED && a.correctionNotifiedOn() == null && a.receiptDueOn() != null
				&& today().isAfter(a.receiptDueOn());
	}

	/**
	 * Refuses a step that presumes the receipt still undecided once the application is accepted by law
	 * ({@link #deemedAccepted}).
	 * @param field the step's field the refusal names
	 * @param step the step in words ("不予受理")
	 * @throws DomainException (422, rule {@code deemed-accepted}) naming the day it counts as accepted from
	 */
	private void refuseOnceDeemedAccepted(ApplicationView a, String field, String step) {
		if (deemedAccepted(a)) {
			throw DomainException.rule(field, "deemed-accepted", Wording.of("licensing.refusal.deemedAccepted", a.receiptDueOn(), a.submittedOn(), step),
					"补正告知期限已于" + ChineseText.day(a.receiptDueOn()) + "届满且未告知补正：逾期不告知的，自收到申请材料之日（"
					+ ChineseText.day(a.submittedOn()) + "）起即为受理（" + Provision.LICENSING_ACCEPTANCE + "），不能再" + step + "，请办理受理");
		}
	}

	/** The missing materials as the acceptance's audit entry names them ("" when none). */
	private String missingNote(long id) {
		List<Material> missing = missingMaterials(id);
		return missing.isEmpty() ? "" : "；申请材料仍缺" + String.join("、", missing.stream().map(Material::label).toList())
				+ "，补齐前不能初审、准予许可";
	}

	/**
	 * Records as accepted by law every application whose 补正 notice period passed without a notice (行政许可法(2019)
	 * art.32: accepted from the day the materials were received) — the daily job's step, also safe to run at any time.
	 * @return how many were accepted
	 */
	@Transactional
	public int acceptOverdueByLaw() {
		List<Long> ids = jdbc.sql("""
				SELECT id FROM licence_application
				WHERE status = 'SUBMITTED' AND correction_notified_on IS NULL AND receipt_due_on < :today ORDER BY id""")
			.param("today", today()).query(Long.class).list();
		for (long id : ids) {
			ApplicationView a = lock(DataScope.all(), id);
			if (a.status() == ApplicationStatus.SUBMITTED) {
				acceptOn(a, a.submittedOn(), true, premisesReceiver(a));
			}
		}
		return ids.size();
	}

	/**
	 * Records the acceptance of {@code a} on {@code on} by the bureau of region {@code bureauRegion} (the receiving
	 * clerk's, or for an acceptance by law the city bureau of the premises): the 受理通知书 is numbered in that bureau's
	 * own series and names it.
	 */
	private String acceptOn(ApplicationView a, LocalDate on, boolean byLaw, String bureauRegion) {
		String bureau = bureauName(bureauRegion);
		String receipt = officialNumber(RECEIPT_SERIES, bureauRegion, on.getYear());
		LicensingClock c = clock(a.regionCode());
		Map<String, Object> p = new HashMap<>();
		p.put("on", on);
		p.put("law", byLaw);
		p.put("receipt", receipt);
		LocalDate uncapped = c.decisionDue(on, List.of(), today());
		LocalDate decision = capped(a, uncapped);
		LocalDate verification = c.verificationDue(on);
		p.put("decision", decision);
		p.put("verification", verification);
		move(a, ApplicationStatus.ACCEPTED, """
				, accepted_on = :on, accepted_by_law = :law, receipt_number = :receipt, decision_due_on = :decision,
				  verification_due_on = :verification""", p);
		ApplicationView after = find(a.id());
		if (after.kind() == ApplicationKind.RENEWAL && after.licenceNumber() != null) {
			events.publishEvent(new RenewalAccepted(after.id(), after.licenceNumber(), on));
		}
		attachments.storeGenerated(owner(a.id()), RECEIPT, "受理通知书-" + receipt + ".docx", documents.receipt(after, bureau,
				bureauName(a.approvingLevel().bureauRegion(a.regionCode())), decision.isBefore(uncapped)));
		record(a, "licensing.accept", (byLaw ? "补正告知期限（" + ChineseText.day(a.receiptDueOn()) + "）届满未告知，依法自收到申请材料之日（" + ChineseText.day(on)
				+ "）起受理" : "受理") + "，受理文号" + receipt + "，决定期限至" + calendar.messageDay(decision) + "，现场核查报告期限至"
				+ calendar.messageDay(verification) + (byLaw ? missingNote(a.id()) : ""));
		return receipt;
	}

	/**
	 * 不予受理 on one ground of 行政许可法(2019) art.32 para.1 ({@link NonAcceptanceGround}), which words the decision: a
	 * matter outside this bureau's competence names the competent bureau to apply to (art.32 para.1 (二)); a matter that
	 * needs no licence, or materials left incomplete after the one 补正, names none. The reason states the case's facts
	 * ("国际快递业务经营许可由国家邮政局审批"); the decision reads "因{ground}，{reason}，根据{article}，本机关决定不予受理。"
	 * — so the reason does not say the decision again (rule {@code decision-words}: "不予受理" refused), and its
	 * closing punctuation is left out. The decision (.docx) gets its own 文号, numbered as the 受理通知书 is, and is kept
	 * with the application.
	 * @param ground a {@link NonAcceptanceGround} name (required)
	 * @param competentBureau the bureau to apply to, only with NOT_COMPETENT; blank: the competent level of the premises
	 *        (省局 or 国家邮政局)
	 * @throws InvalidValueException when the ground is missing or unknown ({@code ground}, rules {@code required},
	 * {@code one-of}) or its condition does not hold ({@link #groundHolds}: rules {@code within-competence},
	 * {@code not-corrected-yet}), the reason is blank, too long, no words (rule {@code words}: at least two 汉字 or
	 * letters) or restates the decision ({@code reason}), or the competent bureau
	 * is too long, not one line (rule {@code line-break}) or given with another ground (rule {@code absent})
	 * @throws DomainException (409) unless 待受理 or 待补正
	 */
	@Transactional
	public void refuseToAccept(Clerk clerk, long id, String ground, String reason, String competentBureau) {
		reason = Text.freeText(reason);
		ApplicationView a = lock(clerk.scope(), id);
		requireReceiver(clerk, a);
		ApplicationStatus to = ApplicationStep.NOT_ACCEPT.from(a.status());
		refuseOnceDeemedAccepted(a, "reason", "不予受理");
		// both are printed on the 不予受理决定书: no markup (kernel Validation#plainText)
		Validation v = new Validation();
		NonAcceptanceGround g = null;
		if (Text.isBlank(ground)) {
			v.require("ground", false, "required", "请选择不予受理的法定情形（" + Provision.LICENSING_ACCEPTANCE + "）");
		}
		else {
			g = Arrays.stream(NonAcceptanceGround.values()).filter(x -> x.name().equals(ground.strip())).findFirst().orElse(null);
			v.require("ground", g != null, "one-of", "不予受理的法定情形只能是"
					+ String.join("、", Arrays.stream(NonAcceptanceGround.values()).map(x -> x.name() + "（" + x.statement() + "）").toList()));
		}
		v.required("reason", "不予受理理由", reason).maxLength("reason", "不予受理理由", reason, 1000)
			.plainText("reason", "不予受理理由", reason).words("reason", "不予受理理由", reason)
			.line("competentBureau", "有权机关", competentBureau, 100)
			.plainText("competentBureau", "有权机关", competentBureau);
		// the decision says 本机关决定不予受理 once, after the reason: a reason saying it too reads it twice
		v.require("reason", reason == null || !reason.contains("不予受理"), "decision-words",
				"不予受理理由写明不予受理的事实即可，不要写“不予受理”：决定书在理由之后写明“本机关决定不予受理”");
		v.require("competentBureau", g == null || g.namesCompetentBureau() || Text.isBlank(competentBureau), "absent",
				"只有申请事项不属于本机关职权范围的，才告知向有权机关申请（" + Provision.LICENSING_NOT_COMPETENT + "）；"
						+ (g == null ? "" : g.statement() + "的，不填写有权机关"));
		groundHolds(v, a, g);
		v.throwIfInvalid();
		String competent = !g.namesCompetentBureau() ? null : Text.isBlank(competentBureau)
				? bureauName(a.approvingLevel().bureauRegion(a.regionCode())) : Text.strip(competentBureau);
		LocalDate today = today();
		String decision = officialNumber(NOT_ACCEPTED_SERIES, receiverRegion(clerk, a), today.getYear());
		Map<String, Object> p = new HashMap<>();
		p.put("on", today);
		p.put("reason", Text.strip(reason));
		p.put("competent", competent);
		p.put("ground", g.name());
		p.put("decision", decision);
		move(a, to, ", not_accepted_on = :on, not_accepted_reason = :reason, competent_bureau = :competent,"
				+ " not_accepted_ground = :ground, not_accepted_number = :decision", p);
		attachments.storeGenerated(owner(id), NOT_ACCEPTED, "不予受理决定书-" + decision + ".docx",
				documents.notAccepted(find(id), bureauName(receiverRegion(clerk, a)), receiverRegion(clerk, a)));
		record(a, "licensing.not-accept", "不予受理（" + g.statement() + "）" + decision + "：" + Text.strip(reason)
				+ (competent == null ? "" : "；告知向" + competent + "申请"));
	}

	/**
	 * The condition of the ground chosen for 不予受理 (行政许可法(2019) art.32 para.1), noted on {@code ground}:
	 * <ul>
	 * <li>NOT_COMPETENT (第2项) only for a matter the receiving chain does not decide — a national-level licence
	 * (国际快递, 国家邮政局); the city bureau of the premises receives for the province, so a 省内/同城 application (or
	 * one with branches) received by the city or the provincial bureau is within this bureau's competence (rule
	 * {@code within-competence});</li>
	 * <li>NOT_CORRECTED (第4项) only once a 补正通知 is on record and the applicant either handed in the correction
	 * (then judged not to meet it) or let the correction period pass ({@link LicensingClock#correctionDue}, rule
	 * {@link StatutoryRule#LICENCE_CORRECTION_PERIOD} in working days) — else rule {@code not-corrected-yet}.</li>
	 * </ul>
	 */
	private void groundHolds(Validation v, ApplicationView a, NonAcceptanceGround g) {
		if (g == NonAcceptanceGround.NOT_COMPETENT) {
			String approving = a.approvingLevel().bureauRegion(a.regionCode());
			v.require("ground", !a.regionCode().startsWith(approving), "within-competence",
					"本申请由" + bureauName(approving) + "审批，经营场所所在地的市（地）或省邮政管理局受理，申请事项属于本机关职权范围，"
							+ "不能以“" + g.statement() + "”不予受理（" + Provision.LICENSING_NOT_COMPETENT + "）");
		}
		if (g == NonAcceptanceGround.NOT_CORRECTED) {
			if (a.correctionNotifiedOn() == null) {
				v.require("ground", false, "not-corrected-yet", Wording.of("licensing.refusal.notCorrectedNoNotice"),
						"尚未出具补正通知：申请材料不齐全或者不符合法定形式的，应当一次告知申请人"
						+ "需要补正的全部内容，经告知后未按要求补正的，才能不予受理（" + Provision.LICENSING_CORRECTION + "）");
			}
			else if (a.status() == ApplicationStatus.CORRECTION_REQUESTED) {
				LocalDate due = clock(a.regionCode()).correctionDue(a.correctionNotifiedOn());
				v.require("ground", today().isAfter(due), "not-corrected-yet", Wording.of("licensing.refusal.notCorrectedYet",
						a.correctionNotifiedOn(), due), "补正通知于" + ChineseText.day(a.correctionNotifiedOn())
						+ "出具，补正期限至" + calendar.messageDay(due)
						+ Text.bracketed(StatutoryRule.LICENCE_CORRECTION_PERIOD.citedFor(Audience.BUREAU)) + "：期限届满仍未补正的，才能以“经一次告知后未按要求补正”不予受理（" + Provision.LICENSING_CORRECTION + "）");
			}
		}
	}

	// ------------------------------------------------------------------ review and verification

	/**
	 * 初审 by the city bureau of the premises: its opinion on the materials, which goes up with the verification report.
	 * @throws InvalidValueException when the opinion is blank or too long
	 * @throws AccessRefusedException unless the clerk is staff of the city bureau of the premises
	 * @throws DomainException (409) unless 已受理; (422 on {@code materials}, rule {@code missing-materials}) while a
	 * statutory material is missing — an application accepted by law is accepted without them
	 */
	@Transactional
	public void review(Clerk clerk, long id, String opinion) {
		opinion = Text.freeText(opinion);
		ApplicationView a = lock(clerk.scope(), id);
		requireCity(clerk, a, "初审");
		ApplicationStatus to = ApplicationStep.REVIEW.from(a.status());
		requireMaterials(a, "初审");
		new Validation().required("opinion", "初审意见", opinion).maxLength("opinion", "初审意见", opinion, 2000)
			.throwIfInvalid();
		move(a, to, ", reviewed_on = :on, reviewed_by = :by, review_opinion = :opinion",
				Map.of("on", today(), "by", clerk.name(), "opinion", Text.strip(opinion)));
		long branches = jdbc.sql("SELECT count(*) FROM licence_application_branch WHERE application_id = :id").param("id", id)
			.query(Long.class).single();
		record(a, "licensing.review", "初审（" + (1 + branches) + "家次，含分支机构" + branches + "家）：" + Text.strip(opinion));
	}

	/**
	 * 现场核查 by the city bureau of the premises: the checklist, at least two inspectors of the roster who showed their
	 * 执法证 (邮政法(2015) art.63: each certificate on the roster, of the city or provincial bureau above the premises or
	 * of a bureau within the clerk's, valid on the day, held by the name given — as a case team's), at least one photo
	 * and the conclusion, which cannot be 符合 while a checklist line is 不符合 (rule {@code checklist-failed}); within the
	 * configurable 10 working days of acceptance (a later record is taken and its lateness recorded). The audit entry
	 * names the team with their certificates, the result and every line that failed.
	 * @throws InvalidValueException naming each field that breaks a rule (nothing is saved)
	 * @throws AccessRefusedException unless the clerk is staff of the city bureau of the premises
	 * @throws DomainException (409) unless 已初审
	 */
	@Transactional
	public void verify(Clerk clerk, long id, Verification data, List<UploadedFile> photos) {
		ApplicationView a = lock(clerk.scope(), id);
		requireCity(clerk, a, "现场核查");
		ApplicationStatus to = ApplicationStep.VERIFY.from(a.status());
		Validation v = new Validation();
		LocalDate on = Text.isBlank(data.verifiedOn()) ? today()
				: v.date("verifiedOn", "核查日期", data.verifiedOn(), a.reviewedOn(), today());
		List<TeamMember> named = data.inspectors() == null ? List.of() : data.inspectors();
		v.require("inspectors", named.size() <= MAX_INSPECTORS, "max", "现场核查人员最多" + MAX_INSPECTORS + "人");
		List<Inspector> team = named.size() > MAX_INSPECTORS ? List.of() : inspectors.team(v, "inspectors", "核查人员", named,
				rules.intValue(StatutoryRule.INSPECTION_MIN_INSPECTORS, a.regionCode()), Provision.POSTAL_INSPECTORS.toString(),
				new InspectionRecords.TeamBureaus(clerk.scope(), a.regionCode(), false), on == null ? today() : on);
		List<CheckLine> stated = data.checklist() == null ? List.of() : data.checklist();
		// past the cap one error for the list, none of its lines read
		boolean tooLong = stated.size() > MAX_CHECKLIST_LINES;
		v.require("checklist", !tooLong, "max", "核查清单最多" + MAX_CHECKLIST_LINES + "项，所填为" + stated.size() + "项");
		List<CheckLine> given = tooLong ? List.of() : stated;
		List<CheckLine> lines = new ArrayList<>();
		boolean unnamed = false;
		for (int i = 0; i < given.size(); i++) {
			CheckLine l = given.get(i);
			String at = "checklist[" + i + "]";
			if (l == null || Text.isBlank(l.item()) && l.passed() == null && Text.isBlank(l.note())) {
				continue; // an empty line of the form
			}
			if (Text.isBlank(l.item())) {
				// a result or a note without its item would vanish from the record, and a failed line with it
				v.require(at + ".item", false, "required", "核查清单第" + (i + 1) + "行填写了" + (l.passed() == null ? ""
						: Boolean.TRUE.equals(l.passed()) ? "“符合”" : "“不符合”") + (l.passed() != null && !Text.isBlank(l.note()) ? "和" : "")
						+ (Text.isBlank(l.note()) ? "" : "说明“" + Text.strip(l.note()) + "”") + "，但未填写核查项目（" + at + ".item）");
				unnamed = true;
				continue;
			}
			v.maxLength(at + ".item", "核查项目", l.item(), 200)
				.maxLength(at + ".note", "核查说明", l.note(), 500)
				.require(at + ".passed", l.passed() != null, "required", "请填写核查项目“" + Text.strip(l.item()) + "”是否符合");
			lines.add(l);
		}
		v.require("checklist", !lines.isEmpty() || unnamed || tooLong, "required", "核查清单至少应有一项");
		v.require("passed", data.passed() != null, "required", "请填写核查结论：是否符合条件");
		List<CheckLine> failed = lines.stream().filter(l -> Boolean.FALSE.equals(l.passed())).toList();
		v.require("passed", !Boolean.TRUE.equals(data.passed()) || failed.isEmpty(), "checklist-failed", "核查项目"
				+ String.join("、", failed.stream().map(l -> "“" + Text.strip(l.item()) + "”").toList())
				+ "不符合，核查结论不能为符合条件");
		v.required("conclusion", "核查结论", data.conclusion()).maxLength("conclusion", "核查结论",
				data.conclusion(), 2000);
		List<UploadedFile> pictures = photos == null ? List.of() : photos.stream().filter(f -> f != null).toList();
		v.require("photos", !pictures.isEmpty(), "required", "请上传现场照片");
		v.require("photos", pictures.size() <= MAX_SITE_PHOTOS, "max", "现场照片最多" + MAX_SITE_PHOTOS + "张，所选为"
				+ pictures.size() + "张");
		for (int i = 0; i < pictures.size() && pictures.size() <= MAX_SITE_PHOTOS; i++) {
			try {
				String type = attachments.check(pictures.get(i), "photos[" + i + "]", "现场照片", MAX_FILE_BYTES);
				v.require("photos[" + i + "]", type.startsWith("image/"), "image", "现场照片应为图片：" + pictures.get(i).fileName());
			}
			catch (DomainException ex) {
				ex.fieldErrors().forEach(e -> v.require(e.field(), false, e.rule(), e.message()));
			}
		}
		v.throwIfInvalid();
		for (int i = 0; i < lines.size(); i++) {
			CheckLine l = lines.get(i);
			jdbc.sql("""
					INSERT INTO licence_verification_item (application_id, position, item, passed, note)
					VALUES (:id, :pos, :item, :passed, :note)""")
				.param("id", id).param("pos", i + 1).param("item", Text.strip(l.item())).param("passed", l.passed())
				.param("note", Text.blankToNull(l.note())).update();
		}
		for (int i = 0; i < pictures.size(); i++) {
			attachments.store(owner(id), SITE_PHOTO, pictures.get(i), "photos[" + i + "]", "现场照片", MAX_FILE_BYTES);
		}
		for (int i = 0; i < team.size(); i++) {
			Inspector m = team.get(i);
			jdbc.sql("""
					INSERT INTO licence_verification_inspector (application_id, position, inspector_id, name, certificate_number)
					VALUES (:id, :pos, :inspector, :name, :certificate)""")
				.param("id", id).param("pos", i + 1).param("inspector", m.id()).param("name", m.name())
				.param("certificate", m.certificateNumber()).update();
		}
		Map<String, Object> p = new HashMap<>();
		p.put("on", on);
		p.put("passed", data.passed());
		p.put("conclusion", Text.strip(data.conclusion()));
		p.put("team", String.join("、", team.stream().map(Inspector::name).toList()));
		move(a, to, ", verified_on = :on, verification_passed = :passed, verification_conclusion = :conclusion, inspectors = :team", p);
		boolean late = a.verificationDueOn() != null && on.isAfter(a.verificationDueOn());
		String shown = String.join("、", team.stream().map(m -> m.name() + "（执法证号" + m.certificateNumber() + "）").toList());
		String failures = failed.isEmpty() ? "，核查项目" + lines.size() + "项均符合"
				: "，不符合项：" + String.join("；", failed.stream().map(l -> Text.strip(l.item())
					+ (Text.isBlank(l.note()) ? "" : "（" + Text.strip(l.note()) + "）")).toList());
		// the result and the failed lines first: a long conclusion is what the 500 characters of a summary cut; the
		// states keep all of it
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("passed", data.passed());
		after.put("inspectors", team.stream().map(m -> m.name() + "/" + m.certificateNumber()).toList());
		after.put("failedItems", failed.stream().map(l -> Text.strip(l.item()) + (Text.isBlank(l.note()) ? "" : "：" + Text.strip(l.note()))).toList());
		after.put("conclusion", Text.strip(data.conclusion()));
		audit.record(AuditEntry.of("licensing.verify", "licence_application", id, a.number() + "：现场核查" + (data.passed() ? "符合条件"
				: "不符合条件") + failures + (late ? "；逾期报告（期限" + ChineseText.day(a.verificationDueOn()) + "）" : "") + "；核查人员" + shown + "；"
				+ Text.strip(data.conclusion())).states(null, after).inRegion(a.regionCode()));
	}

	// ------------------------------------------------------------------ clock

	/**
	 * Stops the decision clock for a period that does not count (补正 of verification defects, hearing, expert review:
	 * 行政许可法(2019) art.45).
	 * @param kind CORRECTION, HEARING or EXPERT_REVIEW
	 * @throws DomainException (422) when the clock is already stopped; (409) unless being decided
	 */
	@Transactional
	public void suspend(Clerk clerk, long id, String kind, String reason) {
		reason = Text.freeText(reason);
		ApplicationView a = lock(clerk.scope(), id);
		requireHandler(clerk, a);
		ApplicationStep.SUSPEND.from(a.status());
		Validation v = new Validation();
		v.require("kind", kind != null && Set.of("CORRECTION", "HEARING", "EXPERT_REVIEW").contains(Text.strip(kind).toUpperCase(Locale.ROOT)),
				"one-of", "中止事由应为CORRECTION（补正核查缺陷）、HEARING（听证）或EXPERT_REVIEW（专家评审）");
		v.required("reason", "中止理由", reason).maxLength("reason", "中止理由", reason, 500)
			.plainText("reason", "中止理由", reason).words("reason", "中止理由", reason).throwIfInvalid();
		if (ongoing(id).isPresent()) {
			throw DomainException.illegalTransition(Wording.of("licensing.refusal.alreadyPaused"), "决定期限已在中止计时中");
		}
		jdbc.sql("INSERT INTO licence_application_suspension (application_id, kind, started_on, reason) VALUES (:id, :kind, :on, :reason)")
			.param("id", id).param("kind", Text.strip(kind).toUpperCase(Locale.ROOT)).param("on", today()).param("reason", Text.strip(reason))
			.update();
		move(a, a.status(), "", Map.of());
		record(a, "licensing.suspend", "中止计时（" + Suspension.label(Text.strip(kind).toUpperCase(Locale.ROOT)) + "）：" + Text.strip(reason));
	}

	/** Restarts the decision clock; the decision limit moves by the days paused. */
	@Transactional
	public void resume(Clerk clerk, long id) {
		ApplicationView a = lock(clerk.scope(), id);
		requireHandler(clerk, a);
		ApplicationStep.RESUME.from(a.status());
		Suspension s = ongoing(id).orElseThrow(() -> DomainException.illegalTransition(Wording.of("licensing.refusal.notPaused"), "决定期限未中止计时"));
		LocalDate today = today();
		LocalDate end = today.isBefore(s.startedOn()) ? s.startedOn() : today;
		jdbc.sql("UPDATE licence_application_suspension SET ended_on = :on WHERE id = :id").param("on", end).param("id", s.id()).update();
		LocalDate due = decisionDue(a);
		move(a, a.status(), ", decision_due_on = :due", Map.of("due", due));
		record(a, "licensing.resume", "恢复计时（中止" + ChineseText.day(s.startedOn()) + "至" + ChineseText.day(end) + "），决定期限至" + calendar.messageDay(due));
	}

	// ------------------------------------------------------------------ decision

	/**
	 * 准予许可 by the competent level (邮政法(2015) arts.52–53) after a passed on-site verification: numbers the decision
	 * and the licence, issues the e-licence (valid 5 years, a verification code, the certificate .docx with its QR code
	 * within the 10 days of 行政许可法(2019) art.44 — at once) and publishes {@link LicenceGranted}, on which the registry
	 * records the licence. A change (变更) approves its items before → after on the licence in force and publishes
	 * {@link LicenceChanged}; a renewal (延续) runs the licence in force on for the statutory validity from the day after
	 * its expiry and publishes {@link LicenceRenewed}: neither makes a new licence, the registry changes its record when
	 * it hears the event. Both issue a certificate with the licence's number and a fresh verification code — void should
	 * the licence turn out to have ended before the registry heard the decision ({@link #certificateVoid}).
	 * @return the licence number
	 * @throws AccessRefusedException unless the clerk belongs to the competent level for the premises
	 * @throws DomainException (422) when a statutory material is missing (on {@code materials}, rule
	 * {@code missing-materials}), the verification did not pass, the clock is stopped, or the licence a change or
	 * renewal concerns is no longer in force; (409) unless 已现场核查, or (409 on {@code kind}, rule {@code licence-held})
	 * when the applicant of a new licence has come to hold one in force since it applied. A renewal deemed granted
	 * (accepted on or before the licence's expiry, undecided after it: 视为准予延续, 行政许可法(2019) art.50) is approved
	 * from 已受理 or 已初审 too, its materials and verification no longer asked — the law has decided it; the audit says so.
	 */
	@Transactional
	public String approve(Clerk clerk, long id) {
		ApplicationView a = lock(clerk.scope(), id);
		requireDecider(clerk, a);
		// two applications of one applicant decided at once are ordered: the second one sees the licence the first issued
		holdApplicant(jdbc, a.applicantCreditCode());
		// a renewal deemed granted by law (行政许可法(2019) art.50) is approved as it stands: no review, verification or
		// material decides it any more, and it cannot be refused (refuseDeemedRenewal)
		boolean byLaw = deemedRenewal(a).isPresent();
		ApplicationStatus to = (byLaw ? ApplicationStep.APPROVE_DEEMED : ApplicationStep.APPROVE).from(a.status());
		if (!byLaw) {
			requireMaterials(a, "准予许可");
			if (!Boolean.TRUE.equals(a.verificationPassed())) {
				throw DomainException.rule(Wording.of("licensing.refusal.verificationFailed"), "现场核查结论为不符合条件，不能准予许可");
			}
		}
		requireRunning(id);
		if (a.kind() == ApplicationKind.NEW) {
			// a licence issued to the applicant since it applied (another application, the registry's record)
			heldLicence(a.applicantCreditCode(), id).ifPresent(held -> {
				throw licenceHeld(held);
			});
		}
		refuseNameHeldSince(a);
		LocalDate today = today();
		String bureauRegion = a.approvingLevel().bureauRegion(a.regionCode());
		boolean amends = a.kind().amendsLicence();
		LicenceView held = null;
		LocalDate heldUntil = null;
		boolean deemed = false;
		String number = a.licenceNumber();
		if (amends) {
			// an application imported undecided carries no number: the licence its applicant holds in force now
			if (number == null) {
				number = heldLicence(a.applicantCreditCode(), id).map(Held::number).orElse(null);
			}
			held = number == null ? null : licences.findByNumber(DataScope.all(), number).orElse(null);
			if (held == null && a.kind() == ApplicationKind.BRANCH) {
				throw branchWithoutLicence(enterprises.findByCreditCode(a.applicantCreditCode()).orElse(null));
			}
			// 行政许可法(2019) art.50: a renewal applied for in time is decided before the licence expires, and one not
			// decided by then counts as granted (视为准予延续) — its approval after the expiry records it, the term running on
			deemed = held != null && a.kind() == ApplicationKind.RENEWAL && held.pastExpiry(today)
					&& a.acceptedOn() != null && !a.acceptedOn().isAfter(held.expiresOn());
			if (held == null || held.status() != LicenceStatus.VALID && !deemed) {
				String standing = held == null ? "不在企业名录中" : held.status().label();
				throw DomainException.rule(Wording.of("licensing.refusal.licenceNotInForce", number, standing, a.kind()),
						"许可证" + number + standing + "，不能准予" + a.kind().label());
			}
			if (a.kind() == ApplicationKind.RENEWAL && held.scope() != a.scope()) {
				// a change of scope approved since the renewal was applied for: the renewal would print the old one
				throw DomainException.rule("scope", "renewal-scope", Wording.of("licensing.refusal.scopeChanged", a.licenceNumber(), held.scope(), a.scope()),
						"许可证" + a.licenceNumber() + "的业务范围已变更为“"
						+ held.scope().label() + "”，与延续申请的“" + a.scope().label() + "”不一致：延续不改变许可事项，请重新申请延续");
			}
			heldUntil = held.expiresOn();
			if (a.kind() == ApplicationKind.RENEWAL) {
				heldUntil = renewableUntil(a, held, today);
			}
		}
		String decisionNumber = officialNumber(DECISION_SERIES, bureauRegion, today.getYear());
		String licence = amends ? held.number() : numbers.next("快递许可", bureauRegion, today.getYear());
		LicensingClock c = clock(a.regionCode());
		Map<String, Object> p = new HashMap<>();
		p.put("on", today);
		p.put("number", decisionNumber);
		p.put("by", clerk.name());
		p.put("licence", licence);
		p.put("code", verificationCode());
		p.put("certificate", c.certificateDue(today));
		// a renewal runs the statutory validity on from the day after the old expiry; a change or a branch keeps the
		// licence's dates; only a new licence runs from today
		LocalDate from = switch (a.kind()) {
			case RENEWAL -> heldUntil.plusDays(1);
			case CHANGE, BRANCH -> held.issuedOn();
			case NEW -> today;
		};
		p.put("validFrom", from);
		p.put("until", switch (a.kind()) {
			case CHANGE, BRANCH -> held.expiresOn();
			case NEW, RENEWAL -> c.validUntil(from);
		});
		move(a, to, """
				, decided_on = :on, decision = 'APPROVED', decision_number = :number, decided_by = :by,
				  licence_number = :licence, verification_code = :code, certificate_due_on = :certificate,
				  certificate_seq = nextval('licence_certificate_seq'),
				  valid_from = :validFrom, valid_until = :until""", p);
		ApplicationView after = find(id);
		String bureau = bureauName(bureauRegion);
		Optional<EnterpriseView> holder = enterprises.findByCreditCode(after.applicantCreditCode());
		// what a change, renewal or branch does not state it keeps: the licence's items as they stand
		Items kept = held == null || holder.isEmpty() ? null : items(held, holder.get());
		String area = printedArea(after.scope(), !Text.isBlank(after.serviceArea()) || kept == null ? after.serviceArea()
				: kept.serviceArea(), held != null && held.regionCode() != null ? held.regionCode() : after.regionCode());
		attachments.storeGenerated(owner(id), DECISION, switch (a.kind()) {
			case RENEWAL -> "准予延续许可决定书-";
			case CHANGE, BRANCH -> "准予变更许可决定书-";
			case NEW -> "准予许可决定书-";
		} + decisionNumber + ".docx", documents.approval(after, bureau, area, decided(a, kept)));
		// the holder's legal representative as the registry has it — a change's new one when it changes it; the one applied
		// for only when the registry has none (an applicant it registers on this approval)
		String registered = holder.map(EnterpriseView::legalRepresentative).map(Text::blankToNull).orElse(null);
		String representative = a.kind() == ApplicationKind.CHANGE && after.legalRepresentative() != null
				|| registered == null ? after.legalRepresentative() : registered;
		// 住所 is the holder's registered address (the registry's; the premises applied for when it has none yet). The
		// registry keeps one address: an approved move of the premises moves it (Licences#change → Enterprises
		// #moveByLicensing, on the event after this), so the certificate prints the address the registry holds after it
		boolean moved = a.kind() == ApplicationKind.CHANGE && changes(id).stream().anyMatch(ch -> ch.field().equals("premises"));
		String domicile = Optional.ofNullable(moved ? Text.blankToNull(after.premisesAddress()) : null)
			.or(() -> holder.map(EnterpriseView::address).map(Text::blankToNull))
			.or(() -> Optional.ofNullable(Text.blankToNull(after.premisesAddress())))
			.orElse(kept == null ? null : kept.premisesAddress());
		attachments.storeGenerated(owner(id), CERTIFICATE, "快递业务经营许可证-" + licence + ".docx",
				documents.certificate(after, bureau, representative, area, domicile));
		boolean late = a.decisionDueOn() != null && today.isAfter(a.decisionDueOn());
		String lateNote = late ? "；超过决定期限（" + ChineseText.day(a.decisionDueOn()) + "）" : "";
		switch (a.kind()) {
			case CHANGE, BRANCH -> {
				Amendment m = amendment(a, items(held, holder.orElseThrow()).branches(), licence, decisionNumber, today);
				audit.record(AuditEntry.of("licensing.approve", "licence_application", id, a.number() + (a.kind() == ApplicationKind.BRANCH
						? "：准予分支机构载入许可证" + licence + "（不另发许可证）" : "：准予变更许可证" + licence) + "，决定书" + decisionNumber
						+ "：" + m.described() + lateNote)
					.states(m.before(), m.after())
					.inRegion(a.regionCode()));
				events.publishEvent(m.event());
			}
			case RENEWAL -> {
				record(a, "licensing.approve", "准予延续许可证" + licence + "，决定书" + decisionNumber + "：有效期由" + ChineseText.day(heldUntil)
						+ "延续至" + p.get("until") + lateNote + (deemed ? "；延续申请于有效期届满前受理（" + ChineseText.day(a.acceptedOn())
								+ "），届满（" + ChineseText.day(heldUntil) + "）前未作出决定，依" + StatutoryRule.LICENCE_RENEWAL_DECISION.basis()
								+ "视为准予延续，有效期自" + ChineseText.day(heldUntil.plusDays(1)) + "起接续"
								+ (a.status() == ApplicationStatus.VERIFIED ? "" : "（未经" + (a.status() == ApplicationStatus.ACCEPTED
										? "初审、现场核查" : "现场核查") + "）") : ""));
				events.publishEvent(new LicenceRenewed(id, licence, decisionNumber, today, after.validUntil()));
			}
			case NEW -> {
				record(a, "licensing.approve", "准予许可，决定书" + decisionNumber + "，许可证" + licence + "（有效期至" + p.get("until") + "）"
						+ lateNote);
				events.publishEvent(new LicenceGranted(id, licence, new EnterpriseData(after.applicantName(), after.applicantCreditCode(),
						EnterpriseType.EXPRESS, null, after.legalRepresentative(), after.premisesAddress(), after.regionCode(),
						after.contactName(), after.contactPhone()), after.scope(), bureau, bureauRegion, today, after.validUntil(),
						after.demo(), new LicenceTerms(after.registeredCapital(), after.serviceArea(), branchNames(id))));
			}
		}
		return licence;
	}

	/**
	 * What an approved change or branch application does to the licence: its items before → after, described, and the
	 * event on which the registry applies it ({@link LicenceChanged}).
	 */
	private record Amendment(Map<String, Object> before, Map<String, Object> after, String described, LicenceChanged event) {
	}

	/**
	 * The amendment of approved change or branch application {@code a} (decision {@code decisionNumber} of {@code decidedOn})
	 * on licence {@code licence} whose branch list stands as {@code listed}: a change its items as applied for, a change of
	 * the branch list made on the list as it stands now — a branch application approved since it was submitted keeps its
	 * branch (attack 26: the list stored on submission dropped it); a branch application the list with its branches
	 * added. One reading for the approval and for a decision revived when the revocation that kept it out is lifted
	 * ({@link #reviveDecisions}).
	 */
	private Amendment amendment(ApplicationView a, List<String> listed, String licence, String decisionNumber, LocalDate decidedOn) {
		Map<String, Object> before = new LinkedHashMap<>();
		Map<String, Object> now = new LinkedHashMap<>();
		if (a.kind() == ApplicationKind.BRANCH) {
			List<String> branches = withBranches(listed, branchNames(a.id()));
			before.put("branches", String.join("\n", listed));
			now.put("branches", String.join("\n", branches));
			return new Amendment(before, now, describe(List.of(new Change("branches", Change.label("branches"),
					String.join("\n", listed), String.join("\n", branches)))),
					new LicenceChanged(a.id(), licence, decisionNumber, decidedOn, null, null, null, null, null, branches, null, null));
		}
		List<Change> changes = changes(a.id());
		Map<String, String> to = new LinkedHashMap<>();
		changes.forEach(ch -> {
			before.put(ch.field(), ch.before());
			to.put(ch.field(), ch.after());
		});
		if (to.containsKey("branches")) {
			before.put("branches", String.join("\n", listed));
			to.put("branches", String.join("\n", rebased(listed, lines(changes.stream()
				.filter(ch -> ch.field().equals("branches")).findFirst().orElseThrow().before()), lines(to.get("branches")))));
		}
		now.putAll(to);
		return new Amendment(before, now, describe(changes), new LicenceChanged(a.id(), licence, decisionNumber, decidedOn,
				to.get("legalName"), to.get("legalRepresentative"),
				to.containsKey("registeredCapital") ? new BigDecimal(to.get("registeredCapital")) : null,
				to.containsKey("scope") ? a.scope() : null, to.get("serviceArea"),
				to.containsKey("branches") ? lines(to.get("branches")) : null,
				// a move of the premises (经营场所): the address and county applied for, so the registry moves the licence
				to.containsKey("premises") ? a.premisesAddress() : null, to.containsKey("premises") ? a.regionCode() : null));
	}

	/**
	 * The last day of the term renewal {@code a} extends, rechecked at its approval: no other renewal of the licence open
	 * or approved and not begun ({@link #renewalInTheWay}), and the term the licence runs to now — the registry's, or one
	 * renewed here the registry has not recorded yet — still in the window the renewal was applied in: a renewal
	 * approved meanwhile (here, or recorded in the registry) has extended it already, and approving this one too would
	 * stack a second term on it (409 on {@code kind}, rule {@code renewal-window}).
	 */
	private LocalDate renewableUntil(ApplicationView a, LicenceView held, LocalDate today) {
		renewalInTheWay(a.licenceNumber(), a.id()).ifPresent(conflict -> {
			throw conflict;
		});
		LocalDate until = renewedUntil(held.number(), held.expiresOn());
		LocalDate earliest = clock(held.regionCode()).renewalOpens(until);
		if (today.isBefore(earliest)) {
			throw DomainException.illegalTransition("kind", "renewal-window", Wording.of("licensing.refusal.periodRenewed", held.number(), until, tooEarly(held.number(), until, earliest, held.regionCode())),
					"许可证" + held.number() + "的有效期已延续至" + ChineseText.day(until)
					+ "，本延续申请所延续的有效期已经延续过，不能再准予：" + tooEarly(held.number(), until, earliest, held.regionCode()));
		}
		return until;
	}

	/**
	 * Refuses to approve a new licence for an applicant the registry does not know yet (it is registered under the name
	 * applied for when the licence is granted), or a change of the holder's name, when another enterprise that is not
	 * cancelled has come to hold that name since it was applied for (企业名称登记管理规定: the registry would refuse it).
	 * @throws DomainException duplicate (409) on {@code applicantName}
	 */
	private void refuseNameHeldSince(ApplicationView a) {
		Optional<EnterpriseView> registered = enterprises.findByCreditCode(a.applicantCreditCode());
		boolean named = switch (a.kind()) {
			case NEW -> registered.isEmpty();
			case CHANGE -> registered.isPresent() && a.applicantName() != null
					&& !Enterprises.sameName(a.applicantName(), registered.get().legalName());
			default -> false;
		};
		if (named) {
			enterprises.nameHolder(a.applicantName(), a.applicantCreditCode()).ifPresent(holder -> {
				throw DomainException.duplicate("applicantName", Enterprises.nameHeldMessage(a.applicantName(), holder));
			});
		}
	}

	/**
	 * 不予许可 by the competent level with its reasons; the decision (.docx) names them and the applicant's remedies —
	 * 行政复议 within 60 days, 行政诉讼 within 6 months (行政许可法(2019) art.38). From 已初审 or 已现场核查; from 已受理 only
	 * while a statutory material is still missing — an application accepted by law whose missing materials never came
	 * cannot be reviewed, and is refused instead —, else the city bureau's 初审 comes first ({@link #requireReviewed}).
	 * Never while the decision clock is paused (as {@link #approve}): the pause is ended first.
	 * @throws InvalidValueException when the reasons are blank or too long
	 * @throws AccessRefusedException unless the clerk belongs to the competent level for the premises
	 * @throws DomainException (409) unless 已受理, 已初审 or 已现场核查; (409 on {@code status}, rule {@code review-first})
	 * from 已受理 with every statutory material in; (422) while the clock is paused
	 */
	@Transactional
	public void refuse(Clerk clerk, long id, String reasons) {
		reasons = Text.freeText(reasons);
		ApplicationView a = lock(clerk.scope(), id);
		requireDecider(clerk, a);
		ApplicationStatus to = ApplicationStep.REFUSE.from(a.status());
		refuseDeemedRenewal(a);
		requireReviewed(a);
		requireRunning(id);
		// printed on the 不予许可决定书: no markup (kernel Validation#plainText)
		// named as the request names it (API body and page form: reason)
		new Validation().required("reason", "不予许可理由", reasons)
			.maxLength("reason", "不予许可理由", reasons, 2000).plainText("reason", "不予许可理由", reasons)
			.words("reason", "不予许可理由", reasons).throwIfInvalid();
		LocalDate today = today();
		String bureauRegion = a.approvingLevel().bureauRegion(a.regionCode());
		String decisionNumber = officialNumber(REFUSAL_SERIES, bureauRegion, today.getYear());
		move(a, to, ", decided_on = :on, decision = 'REFUSED', decision_number = :number, decided_by = :by, decision_reasons = :reasons",
				Map.of("on", today, "number", decisionNumber, "by", clerk.name(), "reasons", Text.strip(reasons)));
		if (a.kind() == ApplicationKind.RENEWAL && a.licenceNumber() != null && a.acceptedOn() != null) {
			events.publishEvent(new RenewalRefused(id, a.licenceNumber()));
		}
		attachments.storeGenerated(owner(id), DECISION, "不予许可决定书-" + decisionNumber + ".docx",
				documents.decision(find(id), bureauName(bureauRegion), bureauRegion));
		record(a, "licensing.refuse", "不予许可，决定书" + decisionNumber + "：" + Text.strip(reasons));
	}

	/**
	 * Refuses a refusal (不予许可) of an application still 已受理 whose statutory materials are all in: the competent level
	 * decides on the city bureau's 初审 opinion and the materials it reports (行政许可法(2019) art.35, with art.34's
	 * examination) — a refusal before it skips the examination the procedure owes the applicant. Only an application
	 * accepted by law that still lacks a material (it cannot be reviewed: {@link #requireMaterials}) is refused from
	 * 已受理 (409 on {@code status}, rule {@code review-first}).
	 */
	private void requireReviewed(ApplicationView a) {
		if (a.status() == ApplicationStatus.ACCEPTED && stillMissing(a).isEmpty()) {
			throw DomainException.illegalTransition("status", "review-first",
					Wording.of("licensing.refusal.reviewFirst", Provision.LICENSING_LOWER_REVIEW.toString()), "申请材料齐全的申请应先经经营场所所在地的市（地）邮政管理局初审，"
					+ "再由有权机关作出决定（" + Provision.LICENSING_LOWER_REVIEW + "）：只有依法受理后法定申请材料仍未补齐、无法初审的申请，"
					+ "才能在初审前不予许可");
		}
	}

	/**
	 * Refuses to turn down a renewal (延续) accepted before the licence expired and still undecided after it: a renewal not
	 * decided before the expiry counts as granted (视为准予延续, 行政许可法(2019) art.50) — it can only be approved, its
	 * term running on from the old expiry (409 on {@code kind}, rule {@code renewal-deemed}).
	 */
	private void refuseDeemedRenewal(ApplicationView a) {
		deemedRenewal(a).ifPresent(l -> {
				throw DomainException.illegalTransition("kind", "renewal-deemed", Wording.of("licensing.refusal.deemedRenewed", a.acceptedOn(), l.number(), l.expiresOn(), StatutoryRule.LICENCE_RENEWAL_DECISION.basis(), l.expiresOn().plusDays(1)),
						"延续申请于" + ChineseText.day(a.acceptedOn()) + "受理，许可证"
						+ l.number() + "有效期于" + ChineseText.day(l.expiresOn()) + "届满前未作出决定，依" + StatutoryRule.LICENCE_RENEWAL_DECISION.basis()
						+ "视为准予延续，不能再作出不予延续的决定：请办理准予延续，有效期自" + ChineseText.day(l.expiresOn().plusDays(1)) + "起接续");
			});
	}

	/**
	 * The licence renewal {@code a} renews when it counts as granted by law: a renewal (延续) accepted on or before the
	 * licence's expiry and still undecided after it (视为准予延续, 行政许可法(2019) art.50) — whether accepted by a
	 * notice or by law ({@link #acceptOverdueByLaw}), with or without all its materials. Empty otherwise.
	 */
	private Optional<LicenceView> deemedRenewal(ApplicationView a) {
		if (a.kind() != ApplicationKind.RENEWAL || a.acceptedOn() == null || a.licenceNumber() == null) {
			return Optional.empty();
		}
		return licences.findByNumber(DataScope.all(), a.licenceNumber())
			.filter(l -> l.pastExpiry(today()) && !a.acceptedOn().isAfter(l.expiresOn()));
	}

	// ------------------------------------------------------------------ cancellation

	/**
	 * 注销: the competent level of the licence's premises cancels a licence in force on one of the grounds of
	 * 行政许可法(2019) art.70 ({@link CancellationGround}); the registry changes its record when it hears
	 * {@link LicenceCancelled}. Audited.
	 * @param ground EXPIRED, LEGAL_PERSON_ENDED, NO_OPERATION, STOPPED or OTHER
	 * @throws InvalidValueException when the ground is unknown, the note is missing for OTHER, the ground is EXPIRED
	 * for a licence whose validity has not ended, or NO_OPERATION for a licence issued no more than
	 * {@link StatutoryRule#LICENCE_NO_OPERATION} (6 months) ago (rule {@code too-young})
	 * @throws AccessRefusedException (403) for an enterprise or read-only user, and unless the clerk's bureau is the
	 * licence's issuing authority ({@link Licences#requireMayCancel}: the registry's rule and refusal)
	 * @throws DomainException not found (404) for a licence unknown or out of the clerk's scope; (409) unless in force.
	 * Access before fields: the number alone is read first (400 when blank or malformed), then the licence found
	 * (404), the role and issuing authority decided (403), and only then the ground and note (400)
	 */
	@Transactional
	public void cancelLicence(Clerk clerk, String number, String ground, String note) {
		note = Text.freeText(note);
		// access before fields: the licence the number names is found, and the caller's right to end it decided, before
		// the ground and note are read — another county's licence is 404 or 403 whatever ground was sent
		new Validation().required("number", "许可证编号", number).maxLength("number", "许可证编号", number, 60)
			.licenceNumber("number", "许可证编号", number).throwIfInvalid();
		LicenceView l = licences.findByNumber(clerk.scope(), number).orElseThrow(() -> DomainException.notFound("许可证", number));
		if (clerk.enterprise() || !(clerk.writer() || clerk.leader())) {
			throw new AccessRefusedException(null, Wording.of("licensing.refusal.cancelledByIssuer", IssuingAuthority.whoFor(l.scope())),
					IssuingAuthority.whoFor(l.scope()) + "注销");
		}
		// who ends a licence is the registry's one rule (its issuing authority), as on the registry's own 注销
		licences.requireMayCancel(clerk.registrar(), l);
		// access → state → fields: a licence already ended (or whose ending is being applied) is 409 whatever ground was
		// sent — one at a time, and one whose ending the registry has not applied yet counts as ended (parallel
		// requests: one 204)
		Optional<AuditEvent> ended = endings.lockAndFindEnding(l);
		if (ended.isPresent()) {
			throw DomainException.illegalTransition(Wording.of("licensing.refusal.licenceEnded", l.number(), ("licensing.revoke".equals(ended.get().action()) ? "已吊销"
					: "已注销"), ended.get().occurredAt().atZoneSameInstant(ChinaTime.ZONE).toLocalDate()),
					"许可证" + l.number() + ("licensing.revoke".equals(ended.get().action()) ? "已吊销"
					: "已注销") + "（" + ChineseText.day(ended.get().occurredAt().atZoneSameInstant(ChinaTime.ZONE).toLocalDate()) + "），不能注销");
		}
		if (l.status() == LicenceStatus.REVOKED || l.status() == LicenceStatus.CANCELLED) {
			throw DomainException.illegalTransition(Wording.of("licensing.refusal.licenceNotCancellable", l.number(), l.status()),
					"许可证" + l.number() + l.status().label() + "，不能注销");
		}
		Validation v = new Validation();
		CancellationGround g = parse(v, "ground", "注销情形", ground, CancellationGround.class);
		v.maxLength("note", "说明", note, 500);
		if (g != null && g.needsNote()) {
			v.required("note", "说明", note);
		}
		v.throwIfInvalid();
		g.requireApplies(l.number(), l.issuedOn(), l.expiresOn(), l.status(), l.regionCode(), today(), rules);
		String reason = g.reason(note, rules, l.regionCode());
		audit.record(AuditEntry.of("licensing.cancel", "ExpressLicence", l.id(), "注销许可证" + l.number() + "（" + l.enterpriseName()
				+ "）：" + reason + "（" + clerk.name() + "）").inRegion(l.regionCode()));
		events.publishEvent(new LicenceCancelled(l.number(), reason));
	}

	// ------------------------------------------------------------------ renewal

	/**
	 * Sends the renewal reminders due today (快递业务经营许可管理办法: renewal applied ≥ 30 days before expiry; reminders at
	 * 90, 60 and 30 days before it): for every licence issued or imported here, still in force in the registry, with
	 * no renewal application of that licence open (matched by its number, {@link Text#identifierKey}: a holder renewing
	 * one of its licences is still reminded of its others), the nearest threshold reached and not sent before
	 * ({@link LicenceRenewalDue}); thresholds passed while the job did not run are marked sent with it. The expiry is
	 * the term the licence runs to after the renewals in effect ({@link #RENEWAL_IN_EFFECT}): a renewal approved but
	 * never in effect (the licence ended before the registry heard it), refused, withdrawn or undecided neither moves
	 * the expiry nor holds a reminder back — the same term the reminder names ({@link #validUntil}).
	 * @return how many reminders were published
	 */
	@Transactional
	public int remindRenewals() {
		LocalDate today = today();
		List<ApplicationView> due = jdbc.sql("""
				SELECT * FROM licence_application a
				WHERE a.status = 'APPROVED' AND a.licence_number IS NOT NULL AND a.kind NOT IN ('CHANGE', 'RENEWAL', 'BRANCH')
				  AND coalesce((SELECT max(r.valid_until) FROM licence_application r WHERE %s = %s
				      AND %s), a.valid_until) BETWEEN :today AND CAST(:today AS date) + 90
				  AND NOT EXISTS (SELECT 1 FROM licence_application r WHERE r.kind = 'RENEWAL' AND %s = %s AND %s)
				ORDER BY a.valid_until, a.id""".formatted(Text.identifierKeySql("r.licence_number"),
					Text.identifierKeySql("a.licence_number"), RENEWAL_IN_EFFECT, Text.identifierKeySql("r.licence_number"),
					Text.identifierKeySql("a.licence_number"), open("r")))
			.param("today", today)
			.query(Rows.of(ApplicationView.class))
			.list();
		int sent = 0;
		for (ApplicationView a : due) {
			Optional<LicenceView> recorded = licences.findByNumber(DataScope.all(), a.licenceNumber());
			if (recorded.isPresent() && recorded.get().status() != LicenceStatus.VALID) {
				continue;
			}
			LocalDate until = validUntil(a);
			long left = LicensingClock.remaining(until, today);
			Integer nearest = null;
			for (int threshold : new int[] { 90, 60, 30 }) {
				if (left <= threshold && jdbc.sql("""
						INSERT INTO licence_renewal_reminder (licence_number, valid_until, days_before, sent_on)
						VALUES (:n, :until, :t, :today) ON CONFLICT DO NOTHING""").param("n", Text.identifier(a.licenceNumber())).param("until", until)
					.param("t", threshold).param("today", today)
					.update() == 1) {
					nearest = threshold;
				}
			}
			if (nearest != null) {
				events.publishEvent(new LicenceRenewalDue(a.licenceNumber(), a.applicantCreditCode(), a.applicantName(),
						a.regionCode(), until, clock(a.regionCode()).renewalDue(until), nearest));
				sent++;
			}
		}
		return sent;
	}

	/**
	 * Tells the registry again of every renewal (延续) accepted and still undecided ({@link RenewalAccepted}): the daily
	 * clock's step, so a licence whose renewal was accepted before the registry kept that day (or whose delivery failed
	 * for good) is still kept in force past its expiry while the renewal is undecided (视为准予延续, 行政许可法(2019)
	 * art.50). A repeated delivery changes nothing in the registry.
	 * @return how many renewals were announced
	 */
	@Transactional
	public int announceRenewalsInCourse() {
		List<RenewalAccepted> open = jdbc.sql("SELECT a.id, a.licence_number, a.accepted_on FROM licence_application a"
				+ " WHERE a.kind = 'RENEWAL' AND a.licence_number IS NOT NULL AND a.accepted_on IS NOT NULL AND " + OPEN
				+ " ORDER BY a.id")
			.query((rs, n) -> new RenewalAccepted(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
			.list();
		open.forEach(events::publishEvent);
		return open.size();
	}

	/**
	 * The last day of the term licence {@code number} runs to by law while a renewal (延续) of it accepted before its
	 * expiry {@code expiresOn} is still undecided after it: such a renewal counts as granted (视为准予延续, 行政许可法(2019)
	 * art.50), so the licence has not lapsed — the statutory validity from the day after {@code expiresOn}. Empty when no
	 * such renewal is open.
	 */
	public Optional<LocalDate> deemedRenewedUntil(String number, LocalDate expiresOn) {
		return jdbc.sql("SELECT region_code FROM licence_application a WHERE a.kind = 'RENEWAL' AND "
				+ sameLicence("a.licence_number") + " AND a.accepted_on <= :until AND " + OPEN + " ORDER BY a.id LIMIT 1")
			.param(LICENCE_KEY, licenceKey(number)).param("until", expiresOn)
			.query(String.class).optional()
			.map(region -> clock(region).validUntil(expiresOn.plusDays(1)));
	}

	/** The last day of validity of the licence {@code issuing} issued, after the renewals approved since. */
	private LocalDate validUntil(ApplicationView issuing) {
		return jdbc.sql("""
				SELECT coalesce(max(valid_until), :own) FROM licence_application
				WHERE %s AND %s""".formatted(sameLicence("licence_number"), RENEWAL_IN_EFFECT))
			.param("own", issuing.validUntil()).param(LICENCE_KEY, licenceKey(issuing.licenceNumber())).query(LocalDate.class).single();
	}

	// ------------------------------------------------------------------ reading

	/**
	 * An application in the caller's scope (staff by the premises' region, an enterprise its own) with all it holds, the
	 * contact's phone masked ({@link ApplicationView#masked}) and the personal numbers someone wrote into any free text it
	 * returns masked too ({@link Masking#personalNumbersIn}): the branches, the checklist's items and notes, the pauses'
	 * reasons, the files' names and the changes before → after. The documents print what was stated.
	 */
	public ApplicationDetail get(DataScope scope, long id) {
		ApplicationView a = find(id);
		requireReadable(scope, a);
		List<String> branches = jdbc.sql("SELECT name FROM licence_application_branch WHERE application_id = :id ORDER BY position")
			.param("id", id).query(String.class).list();
		List<CheckLine> lines = jdbc.sql("SELECT item, passed, note FROM licence_verification_item WHERE application_id = :id ORDER BY position")
			.param("id", id).query(Rows.of(CheckLine.class)).list();
		List<Suspension> pauses = suspensions(id);
		List<Material> missing = stillMissing(a);
		record Marks(LocalDate notInEffectOn, String notInEffectReason, PremisesTaken premisesTaken) {
		}
		Marks marks = jdbc.sql("SELECT not_in_effect_on, not_in_effect_reason, premises_taken FROM licence_application WHERE id = :id")
			.param("id", id).query(Rows.of(Marks.class)).single();
		// the certificate of a decision that never took effect is void: not offered (certificateVoid)
		List<Attachment> files = attachments.list(owner(id)).stream()
			.filter(f -> marks.notInEffectOn() == null || !f.kind().equals(CERTIFICATE))
			.map(f -> new Attachment(f.id(), f.kind(), Masking.personalNumbersIn(f.fileName()), f.contentType(), f.sizeBytes(),
					f.uploadedAt())).toList();
		return new ApplicationDetail(a.masked(), branches.stream().map(Masking::personalNumbersIn).toList(),
				lines.stream().map(CheckLine::masked).toList(), pauses.stream().map(Suspension::masked).toList(), files,
				missing, deadlines(a, pauses), changes(id).stream().map(Change::masked).toList(),
				a.decidedOn() == null && deemedRenewal(a).isPresent(), marks.notInEffectOn() == null ? null
						: new NotInEffect(marks.notInEffectOn(), Masking.personalNumbersIn(marks.notInEffectReason())),
				marks.premisesTaken());
	}

	/**
	 * Records that the approved renewal or change {@link LicenceDecisionNotApplied#applicationId} never took effect: the
	 * registry did not apply it, the licence having been revoked (吊销) or cancelled (注销) before it heard the decision —
	 * an ended licence is neither renewed nor changed (行政许可法(2019) art.70). The application stays 准予许可 (the decision
	 * was made and is not withdrawn) and carries the day and the reason, shown on its page and in its API to the bureau
	 * and the enterprise; the certificate issued with it is void — no longer offered, downloaded or verified
	 * ({@link #certificateVoid}), as no certificate shows a licence that ended; a renewal so marked no longer counts as extending the licence's term here (the renewal window,
	 * a further renewal, the verification of its certificate's term). Audited ({@code licensing.not-in-effect}) once; an
	 * application unknown, not approved or already marked (a repeated delivery) is left as it is.
	 */
	@Transactional
	public void decisionNotApplied(LicenceDecisionNotApplied notApplied) {
		Optional<ApplicationView> found = jdbc.sql("SELECT * FROM licence_application WHERE id = :id FOR UPDATE")
			.param("id", notApplied.applicationId()).query(Rows.of(ApplicationView.class)).optional();
		if (found.isEmpty() || found.get().status() != ApplicationStatus.APPROVED) {
			return;
		}
		ApplicationView a = found.get();
		String ended = notApplied.status() == LicenceStatus.REVOKED ? "吊销" : "注销";
		String reason = "许可证" + notApplied.licenceNumber() + "已" + ended
				+ (Text.isBlank(notApplied.reason()) ? "" : "（" + Text.strip(notApplied.reason()) + "）")
				+ "，准予" + a.kind().label() + "决定（决定书" + a.decisionNumber() + "）未生效：许可证在决定登记前已" + ended + "，"
				+ "已终止的许可证不再" + (a.kind() == ApplicationKind.RENEWAL ? "延续有效期" : "变更许可事项") + "（" + Provision.LICENSING_CANCELLATION + "）";
		int marked = jdbc.sql("""
				UPDATE licence_application SET not_in_effect_on = :on, not_in_effect_reason = :reason
				WHERE id = :id AND not_in_effect_on IS NULL""")
			.param("on", today()).param("reason", reason).param("id", a.id()).update();
		if (marked > 0) {
			record(a, "licensing.not-in-effect", reason);
		}
	}

	/**
	 * The decisions a lifted revocation revives: the renewals and the changes (变更, 分支机构) to apply with the restored
	 * licence, each as its approval published it.
	 * @param renewals the renewals ({@link LicenceRenewed}), oldest decision first
	 * @param changes the changes and branch decisions ({@link LicenceChanged}), oldest decision first
	 */
	public record RevivedDecisions(List<LicenceRenewed> renewals, List<LicenceChanged> changes) {

		public RevivedDecisions {
			renewals = List.copyOf(renewals);
			changes = List.copyOf(changes);
		}
	}

	/**
	 * The approved decisions on licence {@code licence} (its number compared by {@link Text#identifierKey}) — renewals
	 * (延续), changes (变更) and branch applications (分支机构) alike — that never took effect because the licence stood
	 * revoked ({@link #decisionNotApplied}), made effective now that the revocation is lifted: the revoking decision
	 * annulled (撤销, 确认无效) or changed away from revocation is void from the start (行政复议法(2023) art.64,
	 * 行政诉讼法(2017) art.70), and the 准予 decision was made and never withdrawn — nothing stands in its way any more, and
	 * the holder, who could not apply again in time, is not made to. Each application's mark is cleared (its decision
	 * counts here again, its certificate good) and audited {@code licensing.in-effect} with {@code why}; the caller tells
	 * the registry ({@link LicenceRestored#renewals}, {@link LicenceRestored#changes}). A change is made as its approval
	 * made it ({@link #amendment}), on the licence's branch list as it stands with the decisions revived before it. A
	 * licence that stands revoked was never cancelled (an ended licence is not revoked), so every mark on it is a
	 * revocation's.
	 * @param licence the licence being restored, as the registry records it
	 * @param why the lifting, as the restoration states it
	 * @return the decisions to apply, as their approval published them; both lists empty when none
	 */
	@Transactional
	public RevivedDecisions reviveDecisions(LicenceView licence, String why) {
		List<ApplicationView> marked = jdbc.sql("""
				SELECT * FROM licence_application WHERE kind IN ('RENEWAL', 'CHANGE', 'BRANCH') AND status = 'APPROVED'
				  AND not_in_effect_on IS NOT NULL AND %s ORDER BY decided_on, certificate_seq NULLS FIRST, id FOR UPDATE"""
				.formatted(sameLicence("licence_number")))
			.param(LICENCE_KEY, licenceKey(licence.number())).query(Rows.of(ApplicationView.class)).list();
		String number = licence.number();
		List<LicenceRenewed> renewals = new ArrayList<>();
		List<LicenceChanged> changes = new ArrayList<>();
		List<String> branches = null;
		for (ApplicationView a : marked) {
			jdbc.sql("UPDATE licence_application SET not_in_effect_on = NULL, not_in_effect_reason = NULL WHERE id = :id")
				.param("id", a.id()).update();
			if (a.kind() == ApplicationKind.RENEWAL) {
				record(a, "licensing.in-effect", "准予延续决定（决定书" + a.decisionNumber() + "）生效，许可证" + number + "有效期延续至"
						+ ChineseText.day(a.validUntil()) + "：" + why);
				renewals.add(new LicenceRenewed(a.id(), number, a.decisionNumber(), a.decidedOn(), a.validUntil()));
				continue;
			}
			if (branches == null) {
				EnterpriseView holder = enterprises.find(DataScope.all(), licence.enterpriseId()).orElseThrow();
				branches = items(licence, holder).branches();
			}
			Amendment m = amendment(a, branches, number, a.decisionNumber(), a.decidedOn());
			if (m.event().branches() != null) {
				branches = m.event().branches();
			}
			record(a, "licensing.in-effect", "准予" + a.kind().label() + "决定（决定书" + a.decisionNumber() + "）生效，许可证" + number
					+ "：" + m.described() + "：" + why);
			changes.add(m.event());
		}
		return new RevivedDecisions(renewals, changes);
	}

	/** Whether the caller may read the application (the attachment download asks this). */
	public void requireReadable(DataScope scope, long id) {
		requireReadable(scope, find(id));
	}

	/**
	 * A page of applications in the caller's scope (staff by the premises' region, an enterprise its own), searched by
	 * number, applicant name or credit code, optionally only open ones or one status.
	 */
	public PageResult<ApplicationSummary> list(DataScope scope, ApplicationStatus status, boolean openOnly, PageQuery page) {
		return whilePaused(Listing.from("FROM licence_application a")
			.scope(scope, "a.applicant_credit_code", "a.region_code")
			.where(openOnly ? OPEN : "TRUE")
			.where(status != null, "a.status = :status", "status", status == null ? "" : status.name())
			.search(page, "a.number", "a.applicant_name", "a.applicant_credit_code", "a.licence_number")
			.bind("today", today())
			.sorts(SORTS, "submitted_on", true, "a.id")
			.page(jdbc, """
					SELECT a.id, a.number, a.kind, a.applicant_name, a.applicant_credit_code, a.scope, a.approving_level,
					       a.region_code, a.status, a.submitted_on, a.accepted_on, a.decision_due_on,
					       CASE WHEN a.status IN ('ACCEPTED', 'REVIEWED', 'VERIFIED')
					            THEN a.decision_due_on - CAST(:today AS date) END AS remaining_days,
					       a.licence_number, a.imported, a.premises_address""", page, Rows.of(ApplicationSummary.class)))
			.map(a -> a.counted(calendar));
	}

	/**
	 * The page with the remaining days of each application whose clock stands still worked out from its pauses as its
	 * own page works them out ({@link LicensingClock#remainingWhilePaused}) — one query for the page's pauses.
	 */
	private PageResult<ApplicationSummary> whilePaused(PageResult<ApplicationSummary> page) {
		List<Long> counting = page.items().stream().filter(a -> a.remainingDays() != null).map(ApplicationSummary::id).toList();
		if (counting.isEmpty()) {
			return page;
		}
		Map<Long, List<LicensingClock.Pause>> pauses = new HashMap<>();
		jdbc.sql("SELECT application_id, started_on, ended_on FROM licence_application_suspension WHERE application_id IN (:ids)")
			.param("ids", counting)
			.query(rs -> {
				pauses.computeIfAbsent(rs.getLong("application_id"), k -> new ArrayList<>())
					.add(new LicensingClock.Pause(rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class)));
			});
		LocalDate today = today();
		return page.map(a -> {
			List<LicensingClock.Pause> own = pauses.getOrDefault(a.id(), List.of());
			if (a.remainingDays() == null || own.stream().noneMatch(p -> p.endedOn() == null)) {
				return a;
			}
			return a.withRemainingDays(LicensingClock.remainingWhilePaused(a.decisionDueOn(), a.acceptedOn(), own, today));
		});
	}

	/** How many applications in the caller's scope are in {@code status} (the inbox's queues). */
	public long count(DataScope scope, ApplicationStatus status) {
		return jdbc.sql("SELECT count(*) FROM licence_application a WHERE a.status = :status AND "
				+ scope.enterprisePredicate("a.applicant_credit_code", "a.region_code"))
			.params(scope.params()).param("status", status.name()).query(Long.class).single();
	}

	/**
	 * The issued certificate (.docx) of an approved application, if any — none for a change or renewal whose decision
	 * never took effect ({@link #decisionNotApplied}): the certificate it came with shows a licence that had ended, and
	 * is void ({@link #certificateVoid}).
	 */
	public Optional<Attachment> certificate(DataScope scope, long id) {
		requireReadable(scope, id);
		return certificateVoid(id) ? Optional.empty()
				: attachments.list(owner(id)).stream().filter(x -> x.kind().equals(CERTIFICATE)).findFirst();
	}

	/**
	 * Whether the certificate application {@code id} was issued with is void: its change or renewal never took effect,
	 * the licence having been revoked or cancelled before the registry heard the decision ({@link #decisionNotApplied};
	 * 行政许可法(2019) art.70: an ended licence is neither changed nor extended). It is neither offered nor downloaded,
	 * and its verification code no longer verifies ({@link #certificates}); a revocation lifted later makes a renewal's
	 * certificate good again ({@link #reviveDecisions}).
	 */
	public boolean certificateVoid(long id) {
		return jdbc.sql("SELECT not_in_effect_on IS NOT NULL FROM licence_application WHERE id = :id").param("id", id)
			.query(Boolean.class).optional().orElse(false);
	}

	/**
	 * Whether a caller with {@code scope} may read attachment {@code attachmentId} of application {@code id}: as
	 * {@link #requireReadable(DataScope, long)}, and never the void certificate of a decision that did not take effect
	 * ({@link #certificateVoid}).
	 * @throws DomainException not found (404) for the void certificate
	 */
	public void requireReadable(DataScope scope, long id, long attachmentId) {
		requireReadable(scope, id);
		if (certificateVoid(id) && attachments.list(owner(id)).stream()
			.anyMatch(x -> x.id() == attachmentId && x.kind().equals(CERTIFICATE))) {
			throw DomainException.notFound("电子许可证", id);
		}
	}

	/**
	 * The application that issued licence {@code number} (not a change or renewal of it), if this module issued it; the
	 * number compared as every identifier is ({@link Text#identifierKey}: letter case, width, spaces and dashes folded).
	 */
	public Optional<ApplicationView> findByLicence(String number) {
		return jdbc.sql("SELECT * FROM licence_application WHERE " + Text.identifierKeySql("licence_number")
				+ " = :key AND kind NOT IN ('CHANGE', 'RENEWAL', 'BRANCH') ORDER BY id LIMIT 1")
			.param("key", Text.identifierKey(typedNumber(number)))
			.query(Rows.of(ApplicationView.class)).optional();
	}

	/**
	 * Whether an application that issued a licence (not a change or renewal of one) records this number or a look-alike
	 * of it ({@link UniqueIdentifiers}: letter case, spaces, dashes and underscores folded — "YZ 2026 1" is "yz-2026-1").
	 */
	private boolean licenceNumberRecorded(String number) {
		return UniqueIdentifiers.taken(jdbc, "licence_application", "licence_number", typedNumber(number),
				"kind NOT IN ('CHANGE', 'RENEWAL', 'BRANCH')", Map.of());
	}

	/** The parameter {@link #sameLicence} compares with. */
	private static final String LICENCE_KEY = "licenceKey";

	/**
	 * The predicate that {@code column} holds the licence number whose key is bound as {@link #LICENCE_KEY}
	 * ({@link #licenceKey}): compared by {@link Text#identifierKey}, so a number stored as a bureau's history typed it
	 * ("ab 2025 1", full-width) is the licence AB-2025-1 all the same.
	 */
	private static String sameLicence(String column) {
		return Text.identifierKeySql(column) + " = :" + LICENCE_KEY;
	}

	/** The key of licence number {@code number} that {@link #sameLicence} compares with. */
	private static String licenceKey(String number) {
		return Text.identifierKey(typedNumber(number));
	}

	/**
	 * A licence number as typed to look it up ({@link Text#identifier}: full-width digits, other dashes and an automatic
	 * number's missing padding as issued), "" for none.
	 */
	private static String typedNumber(String number) {
		String n = Text.identifier(number);
		return n == null ? "" : n;
	}

	/**
	 * The approved applications whose certificate carries licence {@code number}: the one that issued it and every
	 * change or renewal approved since, latest first ({@link #LATEST_DECISION_FIRST}: the first is the one in force, each
	 * certificate has its own verification code); the number
	 * compared by {@link Text#identifierKey}, so "ab 2025 1" finds the certificates of AB-2025-1. A void certificate
	 * (its decision never took effect, {@link #certificateVoid}) is not among them.
	 */
	public List<ApplicationView> certificates(String number) {
		return jdbc.sql("""
				SELECT * FROM licence_application WHERE %s = :key AND status = 'APPROVED' AND verification_code IS NOT NULL
				  AND not_in_effect_on IS NULL
				ORDER BY %s""".formatted(Text.identifierKeySql("licence_number"), LATEST_DECISION_FIRST))
			.param("key", Text.identifierKey(typedNumber(number)))
			.query(Rows.of(ApplicationView.class)).list();
	}

	// ------------------------------------------------------------------ import

	/**
	 * A past application brought with a bureau's history (stable contract of
	 * {@code POST /api/v1/licensing/applications/imported}).
	 * @param kind NEW, CHANGE, RENEWAL or BRANCH
	 * @param scope 同城, 省内, 跨省 or 国际
	 * @param decision APPROVED, REFUSED or PENDING
	 */
	public record ImportedApplication(String applicantCreditCode, String applicantName, String kind, String scope,
			String receivedOn, String preliminaryReviewedOn, String onSiteVerifiedOn, String decision, String decidedOn,
			String licenceNumber) {
	}

	/**
	 * A past application as {@link #checkImported} found it.
	 * @param regionCode the region it is placed in (the registered applicant's, else the caller's own region)
	 * @param creditCode the applicant's credit code as stored
	 * @param licenceInForce whether it is a new licence (NEW, 准予许可) still in force today
	 * @param pendingNew whether it is a new licence's application not decided (NEW, 未决定): open once imported
	 * @param newName the name an applicant not in the registry is registered under once licensed (its decision not 不予许可),
	 * which no other enterprise may hold ({@link #checkImported}, rule {@code unique} on {@code applicantName}); null
	 * otherwise
	 */
	public record CheckedImport(String regionCode, String creditCode, boolean licenceInForce, boolean pendingNew,
			String newName) {
	}

	/**
	 * Refuses a change, renewal or branch application ({@code kind} CHANGE, RENEWAL, BRANCH) that staff record for a
	 * licence holder outside their scope — the holder, its licence in force and the premises on record all outside the
	 * bureau's region — as {@link #submit} refuses it (404 naming the 企业), but asked by the web before the form is bound
	 * or the body read, so a malformed field beside it is not told to a caller who may not take the step
	 * ({@code StepAccess}). A kind or credit code that cannot be read, an applicant the registry does not know, a new
	 * licence and a scope other than a bureau's are left to the step, which names the fields.
	 * @param scope the caller's scope
	 * @param kind the application's kind as typed
	 * @param creditCode the applicant's credit code as typed
	 * @throws DomainException not found (404) for a holder outside {@code scope}'s region
	 */
	public void refuseHolderOutside(DataScope scope, String kind, String creditCode) {
		if (scope.kind() != DataScope.Kind.REGION || Text.isBlank(kind) || Text.isBlank(creditCode)) {
			return;
		}
		Validation quiet = new Validation();
		ApplicationKind typed = parse(quiet, "kind", "申请类型", kind, ApplicationKind.class);
		String code = quiet.check("applicantCreditCode", () -> CreditCode.of(creditCode).value());
		if (typed == null || !typed.amendsLicence() || code == null) {
			return;
		}
		EnterpriseView known = enterprises.findByCreditCode(code).orElse(null);
		if (known == null) {
			return;
		}
		List<LicenceView> held = licences.list(DataScope.all(), new Licences.Filter(LicenceStatus.VALID, null, known.id()),
				PageQuery.of(null, 0, 10, "expires_on", "desc")).items();
		requireHolderInScope(scope, known, held.isEmpty() ? null : held.get(0),
				held.isEmpty() ? null : items(held.get(0), known));
	}

	/**
	 * Refuses a step that names, as typed in {@code field}, an enterprise registered outside a bureau's region: not there
	 * (404 naming {@code field}, rule {@code scope}) before any other field is read — a past application's applicant
	 * ({@code applicantCreditCode} of {@code POST /api/v1/licensing/applications/imported}), an annual report's
	 * enterprise ({@code creditCode}), asked by the web before the body is bound. A code no enterprise has, a national
	 * or an enterprise's scope are left to the step's own rules, which name the field.
	 * @param scope the caller's scope
	 * @param field the field naming the enterprise
	 * @param creditCode the code as typed
	 * @throws DomainException not found (404) for an enterprise registered outside {@code scope}'s region
	 */
	public void refuseOutside(DataScope scope, String field, String creditCode) {
		if (scope.kind() == DataScope.Kind.REGION) {
			enterprises.findByCreditCode(creditCode)
				.ifPresent(e -> scope.refuseWithin(field, e.regionCode(), "企业" + e.creditCode()));
		}
	}

	/**
	 * Checks a past application as {@link #importApplication} would, without saving. Besides its cells: a decision
	 * (准予 or 不予许可) is one the importing clerk's level takes for the scope, as a live decision is (邮政法(2015)
	 * art.52; field {@code decision}, rule {@code approving-level}); and one enterprise holds one licence — a new licence
	 * still in force beside another in force (the registry's, or one approved or imported here; the same number is the
	 * same licence), or an undecided new application beside a licence in force, is refused on {@code kind} (rule
	 * {@code licence-held}), and an undecided new application beside another one open on {@code kind} (rule
	 * {@code open-application}). The rows of one file among themselves are {@code LicensingImport}'s to compare.
	 * @param clerk who imports: the level and region that decide which decisions may be recorded
	 * @param ownRegion the caller's region, where an applicant unknown to the registry is placed
	 * @throws InvalidValueException naming each field that breaks a rule
	 * @throws DomainException (409) when the only failure is a licence number already recorded or one enterprise
	 * holding two licences
	 */
	public CheckedImport checkImported(Clerk clerk, DataScope scope, String ownRegion, ImportedApplication data) {
		Validation v = new Validation();
		LocalDate today = today();
		String code = Text.isBlank(data.applicantCreditCode()) ? null
				: v.check("applicantCreditCode", () -> CreditCode.of(data.applicantCreditCode()).value());
		v.required("applicantCreditCode", "申请人统一社会信用代码", data.applicantCreditCode());
		EnterpriseView known = code == null ? null : enterprises.findByCreditCode(code).orElse(null);
		String region = known != null ? known.regionCode() : ownRegion;
		if (known != null) {
			// access before fields: an applicant registered outside the caller's region is not there (404), whatever
			// else the application (or its sheet's row) holds — as every licensing step refuses it
			scope.refuseWithin("applicantCreditCode", known.regionCode(), "企业" + code);
		}
		else {
			v.require("applicantCreditCode", region != null && !region.equals("0") && scope.containsRegion(region), "exists",
					"申请人不在企业名录中，且调用者没有可归属的辖区：" + code);
			v.required("applicantName", "申请人名称", data.applicantName());
		}
		v.maxLength("applicantName", "申请人名称", data.applicantName(), 200)
			.name("applicantName", "申请人名称", data.applicantName());
		ApplicationKind kind = parse(v, "kind", "申请类型", data.kind(), ApplicationKind.class);
		LicenceScope licenceScope = scope(v, "scope", data.scope());
		v.required("receivedOn", "收到申请日期", data.receivedOn());
		LocalDate received = v.date("receivedOn", "收到申请日期", data.receivedOn(), Validation.EARLIEST_RECORD, today);
		// a date refused on its own field (a future one) is no floor for the next: each is refused once, on its field,
		// never as "目前还不能登记，请到<that future day>…" on every later one
		LocalDate floor = received == null || v.hasError("receivedOn") ? Validation.EARLIEST_RECORD : received;
		LocalDate reviewed = v.date("preliminaryReviewedOn", "初审日期", data.preliminaryReviewedOn(), floor, today);
		if (v.hasError("preliminaryReviewedOn")) {
			reviewed = null;
		}
		LocalDate verified = v.date("onSiteVerifiedOn", "现场核查日期", data.onSiteVerifiedOn(),
				reviewed == null ? floor : reviewed, today);
		if (v.hasError("onSiteVerifiedOn")) {
			verified = null;
		}
		if (verified != null) {
			v.require("preliminaryReviewedOn", reviewed != null || v.hasError("preliminaryReviewedOn"), "order",
					"有现场核查日期的申请应有初审日期");
		}
		String decision = Text.isBlank(data.decision()) ? null : Text.strip(data.decision()).toUpperCase(Locale.ROOT);
		v.require("decision", decision != null, "required", "决定不能为空：应为准予许可（APPROVED）、不予许可（REFUSED）"
				+ "或未决定（PENDING）");
		v.require("decision", decision == null || Set.of("APPROVED", "REFUSED", "PENDING").contains(decision), "one-of",
				"决定应为准予许可（APPROVED）、不予许可（REFUSED）或未决定（PENDING）之一");
		LocalDate decided = v.date("decidedOn", "决定日期", data.decidedOn(),
				verified != null ? verified : reviewed != null ? reviewed : floor, today);
		if ("PENDING".equals(decision)) {
			v.require("decidedOn", Text.isBlank(data.decidedOn()), "absent", "未决定的申请不填写决定日期");
			v.require("licenceNumber", Text.isBlank(data.licenceNumber()), "absent", "未决定的申请不填写许可证编号");
		}
		else if (decision != null) {
			v.require("decidedOn", !Text.isBlank(data.decidedOn()), "required", "已决定的申请须填写决定日期");
		}
		if ("REFUSED".equals(decision)) {
			v.require("licenceNumber", Text.isBlank(data.licenceNumber()), "absent", "不予许可的申请不填写许可证编号");
		}
		v.maxLength("licenceNumber", "许可证编号", data.licenceNumber(), 60)
			.licenceNumber("licenceNumber", "许可证编号", data.licenceNumber());
		if (!v.hasError("licenceNumber") && !Text.isBlank(data.licenceNumber())) {
			// the number as it is stored (a licence on record as written there) is registered with it later: the
			// registry's own format, or the licence could never be registered and would block the enterprise
			licences.numberFormat(v, "licenceNumber", kind == null ? data.licenceNumber()
					: recordedNumber(data.licenceNumber(), kind));
		}
		if (known == null && !"REFUSED".equals(decision)) {
			// the name a new applicant is registered under once its licence is: one name, one enterprise, as live
			heldName(data.applicantName(), code).ifPresent(held -> v.require("applicantName", false, "unique", held));
		}
		if (licenceScope != null && region != null && ("APPROVED".equals(decision) || "REFUSED".equals(decision))) {
			// a past decision is recorded as the bureau that took it: the competent level, as a live one (邮政法 art.53)
			v.require("decision", decides(clerk, ApprovingLevel.of(licenceScope), region), "approving-level",
					decider(licenceScope) + "，" + (clerk.level() == null ? "本用户" : "本局（" + clerk.level().label() + "）")
							+ "不能导入该决定；未决定的申请可以导入");
		}
		// a change, renewal or branch records the number of the licence it acts on; only a new licence takes one of its own
		boolean amends = kind != null && kind.amendsLicence();
		String taken = amends || Text.isBlank(data.licenceNumber()) || !licenceNumberRecorded(data.licenceNumber()) ? null
				: "许可证编号已有许可申请记录：" + Text.identifier(data.licenceNumber());
		if (amends && "APPROVED".equals(decision)) {
			v.required("licenceNumber", "许可证编号（" + kind.label() + "的许可证）", data.licenceNumber());
		}
		FormError licence = code == null || taken != null ? null : licenceOf(code, data.licenceNumber(), amends);
		CheckedImport standing = code == null ? null : standing(ownRegion, data);
		if (standing != null && standing.licenceInForce()) {
			// a new licence in force counts as the licence the enterprise holds (one licence; the registry's pending grants,
			// LicensingPendingGrants), and a licence is known by its number: one without it would count nowhere
			v.required("licenceNumber", "许可证编号（有效期内的新设许可）", data.licenceNumber());
		}
		FormError conflict = standing == null ? null
				: oneLicence(code, data.licenceNumber(), standing.licenceInForce(), standing.pendingNew());
		// with other failures the number already taken and a second licence are named among them (400); alone each is a
		// conflict (409)
		boolean others = v.hasErrors();
		v.require("licenceNumber", taken == null || !others, "unique", taken);
		if (licence != null) {
			v.require(licence.field(), !others, licence.rule(), licence.message());
		}
		if (conflict != null) {
			v.require(conflict.field(), !others, conflict.rule(), conflict.message());
		}
		v.throwIfInvalid();
		if (taken != null) {
			throw DomainException.duplicate("licenceNumber", taken);
		}
		if (licence != null) {
			throw new DomainException(ErrorCode.DUPLICATE, licence.message(), List.of(new FieldError(licence.field(),
					licence.rule(), licence.message())));
		}
		if (conflict != null) {
			throw DomainException.illegalTransition(conflict.field(), conflict.rule(), conflict.message());
		}
		return standing;
	}

	/**
	 * Why the name {@code name} cannot be the applicant's with credit code {@code code} — a past application's of an
	 * applicant not in the registry, a live submission's new applicant or change of name (one name, one enterprise:
	 * 企业名称登记管理规定), the one rule of both paths
	 * ({@link Enterprises#nameHolder}, compared by {@code enterprise_name_key}): an enterprise of the registry that is not
	 * cancelled holds it under another credit code, or an application here (imported or live, not refused nor 不予受理) of
	 * another applicant not in the registry is under that name — its licence would register a second enterprise with it.
	 * @return the message naming the holder, empty when the name is free (or blank, or the code unknown)
	 */
	private Optional<String> heldName(String name, String code) {
		if (Text.isBlank(name) || code == null) {
			return Optional.empty();
		}
		Optional<String> registered = enterprises.nameHolder(name, code).map(h -> Enterprises.nameHeldMessage(name, h));
		if (registered.isPresent()) {
			return registered;
		}
		// an applicant the registry has since recorded holds its name there (nameHolder), not as it applied
		record Other(String number, String creditCode) {
		}
		return jdbc.sql("""
				SELECT DISTINCT ON (a.applicant_credit_code) a.number, a.applicant_credit_code AS credit_code
				FROM licence_application a
				WHERE enterprise_name_key(a.applicant_name) = enterprise_name_key(:name) AND a.applicant_credit_code <> :code
				  AND a.status NOT IN ('REFUSED', 'NOT_ACCEPTED')
				ORDER BY a.applicant_credit_code, a.id""")
			.param("name", name)
			.param("code", code)
			.query((rs, i) -> new Other(rs.getString("number"), rs.getString("credit_code")))
			.list()
			.stream()
			.filter(other -> enterprises.findByCreditCode(other.creditCode()).isEmpty())
			.findFirst()
			.map(other -> "企业名称“" + Text.name(name) + "”已是许可申请" + other.number() + "（申请人统一社会信用代码"
					+ other.creditCode() + "）的申请人名称：未注销的两家企业不能使用同一名称（企业名称登记管理规定），请核对企业名称");
	}

	/**
	 * What a past application would be for "one enterprise, one licence", read as far as its cells allow — also for a
	 * row refused for another reason, so that the rows of a file are compared all the same.
	 * @return null when the credit code cannot be read
	 */
	public CheckedImport standing(String ownRegion, ImportedApplication data) {
		String code;
		try {
			code = CreditCode.of(data.applicantCreditCode()).value();
		}
		catch (RuntimeException ex) {
			return null;
		}
		Optional<EnterpriseView> known = enterprises.findByCreditCode(code);
		String region = known.map(EnterpriseView::regionCode).orElse(ownRegion);
		boolean isNew = "NEW".equalsIgnoreCase(Text.strip(data.kind()));
		String decision = Text.isBlank(data.decision()) ? "" : Text.strip(data.decision()).toUpperCase(Locale.ROOT);
		LocalDate decided = null;
		try {
			decided = Text.isBlank(data.decidedOn()) ? null : Validation.parseDate(data.decidedOn());
		}
		catch (RuntimeException ex) {
			// an unreadable day is the cell's own failure
		}
		boolean inForce = isNew && "APPROVED".equals(decision) && decided != null && region != null
				&& !clock(region).validUntil(decided).isBefore(today());
		String newName = known.isPresent() || "REFUSED".equals(decision) ? null : Text.blankToNull(Text.name(data.applicantName()));
		return new CheckedImport(region, code, inForce, isNew && "PENDING".equals(decision), newName);
	}

	/** A refusal of one field by one rule. */
	private record FormError(String field, String rule, String message) {
	}

	/**
	 * Whose licence number a past application records ({@link UniqueIdentifiers} keys: a look-alike is the same number):
	 * never one the registry holds for another enterprise (rule {@code held-by-other}); and a change or renewal
	 * ({@code amends}) names a licence the applicant holds — the registry's record of it, or a new licence approved or
	 * imported here — else rule {@code not-held} (a renewal of a licence never issued would show a term no one granted).
	 * @return null when the number is blank or it is the applicant's as it should be
	 */
	private FormError licenceOf(String code, String number, boolean amends) {
		String n = Text.isBlank(number) ? null : Text.identifier(number);
		if (n == null || Text.identifierKey(n).isEmpty()) {
			return null;
		}
		Optional<LicenceView> registered = licences.findLookAlike(n);
		if (registered.isPresent() && !registered.get().creditCode().equalsIgnoreCase(code)) {
			return new FormError("licenceNumber", "held-by-other", "许可证编号" + n + "在企业名录中是其他企业（"
					+ registered.get().enterpriseName() + "）的许可证" + registered.get().number() + "，不能记在申请人名下：一个许可证编号"
					+ "只属于一个企业");
		}
		if (!amends || registered.isPresent() || UniqueIdentifiers.taken(jdbc, "licence_application", "licence_number", n,
				"kind NOT IN ('CHANGE', 'RENEWAL', 'BRANCH') AND status = 'APPROVED' AND applicant_credit_code = :code",
				Map.of("code", code))) {
			return null;
		}
		return new FormError("licenceNumber", "not-held", "许可证编号" + n + "不是申请人持有的许可证：变更、延续记在"
				+ "申请人持有的许可证上（企业名录中的该企业许可证，或已准予、已导入的新设许可），该编号在两处都没有该企业的记录");
	}

	/**
	 * One enterprise, one licence (快递业务经营许可管理办法) for a past application about to be imported: a new licence in
	 * force beside one the enterprise holds (other than licence {@code number} itself), an undecided new application
	 * beside a licence in force or an open new application.
	 */
	private FormError oneLicence(String code, String number, boolean inForce, boolean pending) {
		if (!inForce && !pending) {
			return null;
		}
		// the licence itself under any look-alike of its number (Text.identifierKey) is no second licence
		String own = Text.isBlank(number) ? null : Text.identifierKey(Text.identifier(number));
		Optional<Held> held = heldLicence(code, null).filter(h -> !Text.identifierKey(h.number()).equals(own));
		if (held.isPresent()) {
			return new FormError("kind", OneLicence.RULE, "申请人" + OneLicence.held(held.get().number(), held.get().scope(),
					held.get().until()) + "，" + OneLicence.STATED + "："
					+ (inForce ? "不能再导入一份有效的新设许可（准予许可）" : "不能导入未决定的新设许可申请"));
		}
		if (pending) {
			Optional<String> open = jdbc.sql("SELECT a.number FROM licence_application a WHERE a.applicant_credit_code = :code "
					+ "AND a.kind = 'NEW' AND " + OPEN + " ORDER BY a.id LIMIT 1").param("code", code).query(String.class).optional();
			if (open.isPresent()) {
				return new FormError("kind", "open-application", "申请人已有办理中的新设许可申请" + open.get()
						+ "，不能再导入一份未决定的新设许可申请");
			}
		}
		return null;
	}

	/**
	 * Records a past application with its real dates (checked by {@link #checkImported}), marked imported; its state
	 * follows from the dates and the decision; an approval runs its statutory 5 years from the decision (so its renewal
	 * window shows). It publishes nothing: a past licence is in the registry already (or is brought there by the
	 * registry's own licence import). Its licence number is recorded as the licence is written on record
	 * ({@link #recordedNumber}), not as typed.
	 * @param ownRegion the caller's region, where an applicant unknown to the registry is placed
	 * @return the application's id
	 */
	@Transactional
	public long importApplication(Clerk clerk, DataScope scope, String ownRegion, String by, ImportedApplication data) {
		// one enterprise, one licence and one open new application: rows of one applicant imported at once are ordered
		holdApplicant(jdbc, CreditCode.written(data.applicantCreditCode()));
		if (!Text.isBlank(data.applicantName())) {
			// one name, one enterprise: two applicants under one name imported at once are ordered as the registry orders them
			TransactionLocks.hold(jdbc, "enterprise_name:" + Text.enterpriseNameKey(data.applicantName()));
		}
		String region = checkImported(clerk, scope, ownRegion, data).regionCode();
		String code = CreditCode.of(data.applicantCreditCode()).value();
		EnterpriseView known = enterprises.findByCreditCode(code).orElse(null);
		ApplicationKind kind = ApplicationKind.valueOf(Text.strip(data.kind()).toUpperCase(Locale.ROOT));
		LicenceScope licenceScope = scope(new Validation(), "scope", data.scope());
		LocalDate received = Validation.parseDate(data.receivedOn());
		LocalDate reviewed = Text.isBlank(data.preliminaryReviewedOn()) ? null : Validation.parseDate(data.preliminaryReviewedOn());
		LocalDate verified = Text.isBlank(data.onSiteVerifiedOn()) ? null : Validation.parseDate(data.onSiteVerifiedOn());
		String decision = Text.strip(data.decision()).toUpperCase(Locale.ROOT);
		LocalDate decided = Text.isBlank(data.decidedOn()) ? null : Validation.parseDate(data.decidedOn());
		ApplicationStatus status = switch (decision) {
			case "APPROVED" -> ApplicationStatus.APPROVED;
			case "REFUSED" -> ApplicationStatus.REFUSED;
			default -> verified != null ? ApplicationStatus.VERIFIED : reviewed != null ? ApplicationStatus.REVIEWED
					: ApplicationStatus.ACCEPTED;
		};
		LicensingClock c = clock(region);
		Map<String, Object> p = new HashMap<>();
		// numbered by the bureau that handles the premises (the city's, else the province's above it), never by a city
		// the platform holds no bureau of
		p.put("number", numbers.next("许可申请", applicationSeries(region), received.getYear()));
		p.put("kind", kind.name());
		p.put("code", code);
		p.put("name", known != null ? known.legalName() : Text.name(data.applicantName()));
		p.put("registered", known != null);
		p.put("scope", licenceScope.name());
		p.put("level", ApprovingLevel.of(licenceScope).name());
		p.put("region", region);
		p.put("status", status.name());
		p.put("received", received);
		p.put("reviewed", reviewed);
		p.put("verified", verified);
		p.put("passed", verified == null ? null : !"REFUSED".equals(decision));
		p.put("due", c.decisionDue(received, List.of(), received));
		p.put("decided", decided);
		p.put("decision", "PENDING".equals(decision) ? null : decision);
		p.put("licence", recordedNumber(data.licenceNumber(), kind));
		boolean granted = "APPROVED".equals(decision);
		p.put("from", granted ? decided : null);
		p.put("until", granted ? c.validUntil(decided) : null);
		p.put("by", by);
		p.put("now", OffsetDateTime.now(clock));
		long id = jdbc.sql("""
				INSERT INTO licence_application (number, kind, channel, applicant_credit_code, applicant_name,
				    applicant_registered, scope, approving_level, region_code, status, submitted_on, accepted_on,
				    reviewed_on, verified_on, verification_passed, decision_due_on, decided_on, decision, licence_number,
				    valid_from, valid_until, imported, created_by, created_at, updated_at)
				VALUES (:number, :kind, 'IMPORTED', :code, :name, :registered, :scope, :level, :region, :status, :received,
				    :received, :reviewed, :verified, :passed, :due, :decided, :decision, :licence, :from, :until, TRUE, :by,
				    :now, :now)
				RETURNING id""")
			.params(p)
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("licensing.import", "licence_application", id, "导入历史许可申请" + p.get("number") + "："
				+ p.get("name") + "，" + kind.label() + "，" + status.label()).inRegion(region));
		return id;
	}

	/**
	 * What {@link #normaliseImportedLicenceNumbers} did.
	 * @param rewritten the distinct licence numbers rewritten in the registry's format
	 * @param applications the application rows they were rewritten in (a licence's new grant and its changes, renewals
	 * and branch applications carry its number)
	 * @param unfixable the applications (by their own 申请编号, never the licence number) whose imported licence number
	 * is still outside the format: no certain form of it has the format, or that form is another licence's
	 */
	public record LicenceNumbersNormalised(int rewritten, int applications, List<String> unfixable) {

		public LicenceNumbersNormalised {
			unfixable = List.copyOf(unfixable);
		}
	}

	/**
	 * The licence numbers of past applications imported before they were held to the registry's format
	 * ({@link Licences#numberFormat}, which the import checks since) written in that format where the form is certain:
	 * the number as the licence is written on record, by its key ({@link #recordedNumber}, as V267 did: the registry's
	 * licence, else the new licence approved or imported here), else the number itself with its full-width forms folded
	 * ({@link Text#identifier}), its letters in capitals and its spaces removed — always a number of the same
	 * {@link Text#identifierKey}, so every look-up finds the same licence. Every application row carrying the stored
	 * number (the grant and its changes, renewals and branch applications), the renewal reminders sent under it and
	 * the branch filings copying it are rewritten alike. A number whose certain form still breaks the format (a "_", a
	 * character the format has not), or is the number of another licence recorded here (another new licence of the same
	 * key), is left as stored and reported. Only the applications V286 marked ({@code licence_number_format_due}: those
	 * imported before the import checked the format) are read, and the mark is cleared once they are written — kept
	 * only on one left for a person, so it is reported at each start until corrected; an installation is not scanned
	 * whole at every start for good. Safe to run again and on several nodes at once (a transaction lock orders them; a
	 * second run finds nothing to rewrite).
	 * @return the numbers rewritten, and the applications left for a person to correct
	 */
	@Transactional
	public LicenceNumbersNormalised normaliseImportedLicenceNumbers() {
		TransactionLocks.hold(jdbc, "licence_application:imported-licence-numbers");
		record Held(String number, ApplicationKind kind, String licenceNumber) {
		}
		Map<String, List<Held>> outside = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT number, kind, licence_number FROM licence_application
				WHERE licence_number_format_due AND licence_number IS NOT NULL ORDER BY id""")
			.query((rs, i) -> new Held(rs.getString(1), ApplicationKind.valueOf(rs.getString(2)), rs.getString(3)))
			.list()
			.stream()
			.filter(h -> !licences.numberMatches(h.licenceNumber()))
			.forEach(h -> outside.computeIfAbsent(h.licenceNumber(), k -> new ArrayList<>()).add(h));
		int rewritten = 0;
		int rows = 0;
		List<String> unfixable = new ArrayList<>();
		for (Map.Entry<String, List<Held>> e : outside.entrySet()) {
			String stored = e.getKey();
			boolean grants = e.getValue().stream().anyMatch(h -> !h.kind().amendsLicence());
			String written = wellFormedNumber(stored, grants ? ApplicationKind.NEW : e.getValue().get(0).kind());
			if (written == null || grants && anotherGrant(stored, written)) {
				e.getValue().forEach(h -> unfixable.add(h.number()));
				continue;
			}
			rows += jdbc.sql("UPDATE licence_application SET licence_number = :written WHERE licence_number = :stored")
				.param("written", written).param("stored", stored).update();
			jdbc.sql("""
					INSERT INTO licence_renewal_reminder (licence_number, valid_until, days_before, sent_on)
					SELECT :written, valid_until, days_before, sent_on FROM licence_renewal_reminder WHERE licence_number = :stored
					ON CONFLICT DO NOTHING""").param("written", written).param("stored", stored).update();
			jdbc.sql("DELETE FROM licence_renewal_reminder WHERE licence_number = :stored").param("stored", stored).update();
			jdbc.sql("UPDATE branch_filing SET licence_number = :written WHERE licence_number = :stored")
				.param("written", written).param("stored", stored).update();
			rewritten++;
		}
		// done once: only an application whose number has no certain form stays marked, to be told again
		jdbc.sql("UPDATE licence_application SET licence_number_format_due = FALSE WHERE licence_number_format_due"
				+ (unfixable.isEmpty() ? "" : " AND number NOT IN (:unfixable)"))
			.params(unfixable.isEmpty() ? Map.of() : Map.of("unfixable", unfixable))
			.update();
		return new LicenceNumbersNormalised(rewritten, rows, unfixable);
	}

	/**
	 * The certain form of stored licence number {@code stored} in the registry's format ({@link
	 * #normaliseImportedLicenceNumbers}), or null when none has it: the same {@link Text#identifierKey} always.
	 */
	private String wellFormedNumber(String stored, ApplicationKind kind) {
		String n = Text.identifier(stored);
		if (n == null) {
			return null;
		}
		String key = Text.identifierKey(n);
		String recorded = recordedNumber(n, kind);
		if (licences.numberMatches(recorded) && key.equals(Text.identifierKey(recorded))) {
			return recorded;
		}
		String plain = recordedNumber(n.toUpperCase(Locale.ROOT).replaceAll("\\s+", ""), kind);
		return licences.numberMatches(plain) && key.equals(Text.identifierKey(plain)) ? plain : null;
	}

	/** Whether another new licence recorded here (not the one stored as {@code stored}) has the key of {@code written}. */
	private boolean anotherGrant(String stored, String written) {
		return jdbc.sql("SELECT count(*) FROM licence_application WHERE kind NOT IN ('CHANGE', 'RENEWAL', 'BRANCH')"
				+ " AND licence_number <> :stored AND " + Text.identifierKeySql("licence_number") + " = :key")
			.param("stored", stored).param("key", Text.identifierKey(written)).query(Long.class).single() > 0;
	}

	/**
	 * The licence number a past application is recorded under: the number as the licence is written where it is on
	 * record, looked up by {@link Text#identifierKey} (letter case, width, spaces and dashes folded) — the registry's
	 * licence, or (for a change, renewal or branch) the new licence approved or imported here — so that a bureau's history
	 * typed "ab 2025 1" or in full-width is stored as AB-2025-1 and every query finds it as that licence; a number on
	 * record nowhere as {@link Text#identifier} writes it. Null for none.
	 */
	private String recordedNumber(String typed, ApplicationKind kind) {
		String n = Text.identifier(typed);
		if (n == null || Text.identifierKey(n).isEmpty()) {
			return n;
		}
		Optional<String> registered = licences.findLookAlike(n).map(LicenceView::number);
		if (registered.isPresent() || !kind.amendsLicence()) {
			return registered.orElse(n);
		}
		return findByLicence(n).map(ApplicationView::licenceNumber).orElse(n);
	}

	/**
	 * Counts again, after years of the holiday notice were loaded ({@code first}–{@code last}, as the calendar's
	 * {@code CalendarYearsLoaded} gives them), the stored deadlines of the open applications that run into those years:
	 * the 补正告知 day of an application not yet accepted (on which it counts as accepted by law, 行政许可法(2019)
	 * art.32), the on-site verification report's day and the decision day (pauses included), and the certificate day of an
	 * approved one (10 working days from the decision, art.44). A day computed on the
	 * provisional calendar (weekends and statutory holidays only) becomes the day under the notice, 调休 included.
	 * Imported applications and decided ones keep their dates. Each moved date is audited ({@code licensing.recount}).
	 * @return how many applications had a date moved
	 */
	@Transactional
	public int recountDeadlines(LocalDate first, LocalDate last) {
		List<Long> ids = jdbc.sql("""
				SELECT id FROM licence_application
				WHERE NOT imported AND status NOT IN ('APPROVED', 'REFUSED', 'NOT_ACCEPTED') AND submitted_on <= :last
				  AND greatest(receipt_due_on, verification_due_on, decision_due_on) >= :first
				ORDER BY id FOR UPDATE""")
			.param("first", first)
			.param("last", last)
			.query(Long.class)
			.list();
		int moved = 0;
		for (long id : ids) {
			ApplicationView a = find(id);
			LicensingClock c = clock(a.regionCode());
			LocalDate receipt = a.status() == ApplicationStatus.SUBMITTED && a.acceptedOn() == null
					? c.receiptDue(a.submittedOn()) : a.receiptDueOn();
			LocalDate verification = a.acceptedOn() != null && a.verifiedOn() == null && a.verificationDueOn() != null
					? c.verificationDue(a.acceptedOn()) : a.verificationDueOn();
			LocalDate decision = a.acceptedOn() != null ? decisionDue(a) : a.decisionDueOn();
			if (Objects.equals(receipt, a.receiptDueOn()) && Objects.equals(verification, a.verificationDueOn())
					&& Objects.equals(decision, a.decisionDueOn())) {
				continue;
			}
			Map<String, Object> p = new HashMap<>();
			p.put("receipt", receipt);
			p.put("verification", verification);
			p.put("decision", decision);
			move(a, a.status(), ", receipt_due_on = :receipt, verification_due_on = :verification, decision_due_on = :decision", p);
			record(a, "licensing.recount", CalendarYearsLoaded.loaded(first, last) + "，补正告知期限／核查报告期限／决定期限由" + ChineseText.day(a.receiptDueOn()) + "／" + ChineseText.day(a.verificationDueOn()) + "／"
					+ ChineseText.day(a.decisionDueOn()) + "改为" + ChineseText.day(receipt) + "／" + ChineseText.day(verification) + "／" + ChineseText.day(decision));
			moved++;
		}
		List<ApplicationView> approved = jdbc.sql("""
				SELECT id FROM licence_application
				WHERE NOT imported AND status = 'APPROVED' AND decided_on <= :last AND certificate_due_on >= :first
				ORDER BY id FOR UPDATE""")
			.param("first", first)
			.param("last", last)
			.query(Long.class)
			.list()
			.stream()
			.map(this::find)
			.toList();
		for (ApplicationView a : approved) {
			LocalDate certificate = clock(a.regionCode()).certificateDue(a.decidedOn());
			if (!certificate.equals(a.certificateDueOn())) {
				jdbc.sql("UPDATE licence_application SET certificate_due_on = :certificate WHERE id = :id")
					.param("certificate", certificate)
					.param("id", a.id())
					.update();
				record(a, "licensing.recount", CalendarYearsLoaded.loaded(first, last) + "，发证期限由" + ChineseText.day(a.certificateDueOn()) + "改为"
						+ ChineseText.day(certificate));
				moved++;
			}
		}
		return moved;
	}

	// ------------------------------------------------------------------ helpers

	private Deadlines deadlines(ApplicationView a, List<Suspension> pauses) {
		LicensingClock c = clock(a.regionCode());
		LocalDate today = today();
		Optional<Suspension> paused = pauses.stream().filter(s -> s.endedOn() == null).findFirst();
		Long remaining = a.decisionDueOn() == null || !a.status().open() ? null
				: paused.isPresent() ? LicensingClock.remainingWhilePaused(a.decisionDueOn(), a.acceptedOn(), clockPauses(pauses), today)
				: LicensingClock.remaining(a.decisionDueOn(), today);
		return Deadlines.of(calendar, a.receiptDueOn(), a.verificationDueOn(), a.decisionDueOn(), remaining, paused.isPresent(),
				a.certificateDueOn(), a.validUntil() == null ? null : c.renewalDue(a.validUntil()));
	}

	private static List<LicensingClock.Pause> clockPauses(List<Suspension> pauses) {
		return pauses.stream().map(s -> new LicensingClock.Pause(s.startedOn(), s.endedOn())).toList();
	}

	private LocalDate decisionDue(ApplicationView a) {
		List<LicensingClock.Pause> pauses = suspensions(a.id()).stream()
			.filter(s -> s.endedOn() != null)
			.map(s -> new LicensingClock.Pause(s.startedOn(), s.endedOn()))
			.toList();
		return capped(a, clock(a.regionCode()).decisionDue(a.acceptedOn(), pauses, today()));
	}

	/**
	 * The decision day {@code due} of application {@code a}, for a renewal (延续) no later than the last valid day of the
	 * licence it renews ({@link LicensingClock#renewalDecisionDue}, 行政许可法(2019) art.50) — the registry's expiry, or
	 * the term renewed here it has not recorded yet; other kinds as they are.
	 */
	private LocalDate capped(ApplicationView a, LocalDate due) {
		if (a.kind() != ApplicationKind.RENEWAL || a.licenceNumber() == null) {
			return due;
		}
		return licences.findByNumber(DataScope.all(), a.licenceNumber())
			.map(l -> clock(a.regionCode()).renewalDecisionDue(due, renewedUntil(l.number(), l.expiresOn())))
			.orElse(due);
	}

	private List<Suspension> suspensions(long id) {
		return jdbc.sql("SELECT id, kind, started_on, ended_on, reason FROM licence_application_suspension WHERE application_id = :id ORDER BY started_on, id")
			.param("id", id).query(Rows.of(Suspension.class)).list();
	}

	private Optional<Suspension> ongoing(long id) {
		return suspensions(id).stream().filter(s -> s.endedOn() == null).findFirst();
	}

	private void requireRunning(long id) {
		if (ongoing(id).isPresent()) {
			throw DomainException.rule(Wording.of("licensing.refusal.decisionPaused"), "决定期限中止计时中：请先恢复计时");
		}
	}

	private void store(long id, Map<Material, List<UploadedFile>> files) {
		store(id, files, m -> "materials." + m.name());
	}

	/**
	 * Keeps the material files given, after checking there is room for them: at most
	 * {@link LicensingSettings#maxMaterials()} material files an application (30 by default) and
	 * {@link LicensingSettings#maxMaterialsPerKind()} of one kind (5) — a 400 naming {@code field} of the material (rule
	 * {@code count}) otherwise, nothing kept. The documents the procedure issues and the site photos are not materials.
	 */
	private void store(long id, Map<Material, List<UploadedFile>> files, java.util.function.Function<Material, String> field) {
		Set<String> kinds = new HashSet<>();
		for (Material m : Material.values()) {
			kinds.add(m.kind());
		}
		List<Attachment> held = attachments.list(owner(id)).stream().filter(x -> kinds.contains(x.kind())).toList();
		// every file counts, several of one material too
		List<Material> adding = files.entrySet().stream()
			.flatMap(e -> e.getValue().stream().filter(Objects::nonNull).map(f -> e.getKey())).toList();
		Validation v = new Validation();
		int max = settings.maxMaterials();
		if (!adding.isEmpty() && held.size() + adding.size() > max) {
			v.require(field.apply(adding.get(0)), false, "count", "每份许可申请的申请材料最多" + max + "个文件，已有" + held.size()
					+ "个（" + field.apply(adding.get(0)) + "）：请勿重复上传");
		}
		int perKind = settings.maxMaterialsPerKind();
		for (Material m : new LinkedHashSet<>(adding)) {
			long ofKind = held.stream().filter(x -> x.kind().equals(m.kind())).count();
			long added = adding.stream().filter(m::equals).count();
			v.require(field.apply(m), ofKind + added <= perKind, "count", "申请材料“" + m.label() + "”每份申请最多" + perKind
					+ "个文件，已有" + ofKind + "个" + (added > 1 ? "、本次上传" + added + "个" : "") + "（" + field.apply(m)
					+ "）：请勿重复上传");
		}
		v.throwIfInvalid();
		files.forEach((m, list) -> list.stream().filter(Objects::nonNull).forEach(f ->
				attachments.store(owner(id), m.kind(), f, "materials." + m.name(), m.label(), MAX_FILE_BYTES)));
	}

	private static AttachmentOwner owner(long id) {
		return new AttachmentOwner(MODULE, OWNER, id);
	}

	private String verificationCode() {
		StringBuilder b = new StringBuilder(8);
		for (int i = 0; i < 8; i++) {
			b.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
		}
		return b.toString();
	}

	/**
	 * The approving bureau of each application by its full name, as the decision names it ("江苏省邮政管理局",
	 * "苏州市邮政管理局"; {@link ApprovingLevel#bureauRegion} of the premises' region), not by its level
	 * (省邮政管理局): for an export's rows, each bureau read once.
	 */
	public java.util.function.Function<ApplicationSummary, String> approvingBureaus() {
		Map<String, String> named = new HashMap<>();
		return a -> a.approvingLevel() == null || a.regionCode() == null ? null
				: named.computeIfAbsent(a.approvingLevel().bureauRegion(a.regionCode()), this::bureauName);
	}

	private String bureauName(String regionCode) {
		return bureaus.findByRegion(regionCode).map(BureauView::name)
			.orElseGet(() -> "0".equals(regionCode) ? "国家邮政局" : regions.fullName(regionCode) + "邮政管理局");
	}

	/**
	 * The region of the bureau that issues a receipt document (补正通知书, 受理通知书, 不予受理决定书) on {@code a}: the
	 * receiving clerk's own — the city or the provincial bureau, each numbering in its own series —, else (a step
	 * without a bureau's clerk) that of the premises' city bureau ({@link #premisesReceiver}).
	 */
	/**
	 * The next 文号 of a licensing document of the bureau of {@code bureauRegion} ({@code org.Bureaus#documentAgency}),
	 * in the official form of its series of {@code year} ({@code numbering.OfficialNumbers}: 苏苏邮管许受〔2026〕3号 for
	 * the city's 受理通知书) — the sequence the earlier form (许可受理-3205-2026-000003) counted, so the series goes on
	 * where it was; a document numbered before keeps its number. Inside the step's transaction.
	 * @param series {@link #RECEIPT_SERIES}, {@link #CORRECTION_SERIES}, {@link #NOT_ACCEPTED_SERIES},
	 *        {@link #DECISION_SERIES} or {@link #REFUSAL_SERIES}
	 */
	private String officialNumber(String series, String bureauRegion, int year) {
		DocumentAgency agency = bureaus.documentAgency(bureauRegion);
		// no licensing document is typed by hand or imported, but a 机关代字 another bureau printed before (a 简称 changed:
		// attack A1) could give a number issued already — passed over, as a 文号 names one document nationally
		return numbers.nextOfficial(series, agency.code(), agency.seriesRegion(), year, this::licensingNumberTaken);
	}

	/** Whether any application's document (补正、受理、不予受理、许可、不予许可) bears {@code number}, compared by its key. */
	private boolean licensingNumberTaken(String number) {
		return java.util.stream.Stream.of("correction_number", "receipt_number", "not_accepted_number", "decision_number")
			.anyMatch(column -> UniqueIdentifiers.taken(jdbc, "licence_application", column, number, "", Map.of()));
	}

	private String receiverRegion(Clerk clerk, ApplicationView a) {
		return clerk.regionCode() == null ? premisesReceiver(a) : clerk.regionCode();
	}

	/**
	 * The region of the bureau that receives {@code a} when no clerk's step names one (an acceptance by law): the city
	 * bureau of the premises, or where the platform has none (an application submitted before submission asked for
	 * one) or it has no 处室工作人员 the bureau above it that received it ({@link Bureaus#handlingRegion}) — never a bureau
	 * the platform does not hold, nor one nobody works in.
	 */
	private String premisesReceiver(ApplicationView a) {
		return bureaus.handlingRegion(cityRegion(a));
	}

	/**
	 * The series (the region written into 许可申请 numbers) of an application whose premises lie in {@code region}: the
	 * region of the bureau that handles the premises' city ({@link Bureaus#handlingRegion}) — the city bureau, or where the
	 * platform has none there (a past application imported by the province) or it has no 处室工作人员 the province above
	 * it — as an outlet filing is numbered by the bureau that files it, never a city no bureau on the platform numbers
	 * for.
	 * @param region the premises' GB/T 2260 code (4 digits or more)
	 */
	private String applicationSeries(String region) {
		return bureaus.handlingRegion(premisesCity(region));
	}

	/**
	 * The city of a place (its first 4 digits): the licensing records of the place (applications, branch filings, annual
	 * reports) are handled by that city's bureau, else ({@link Bureaus#handling}: none there, or none with a 处室工作人员)
	 * the bureau above it.
	 * @param region a GB/T 2260 code (4 digits or more; a shorter one is returned as is)
	 */
	static String premisesCity(String region) {
		return Bureaus.cityOf(region);
	}

	/** The region of the city bureau of {@code a}'s premises (its first 4 digits). */
	private static String cityRegion(ApplicationView a) {
		return premisesCity(a.regionCode());
	}

	/**
	 * The steps of the procedure a clerk may take on an application, by who the clerk is — the rules each step checks
	 * (its state is the application's own): the page offers a step's form only to those its post will not refuse.
	 * @param receive 补充材料 (staff), 补正通知, 受理, 不予受理 and 补正 for a paper application: the city or provincial bureau
	 *        of the premises
	 * @param examine 初审 and 现场核查: the city bureau of the premises
	 * @param pause 中止 and 恢复 of the decision clock: the competent level that decides (as {@code decide})
	 * @param decide 准予 or 不予许可: the competent level (邮政法(2015) art.53) whose region holds the premises
	 */
	public record Powers(boolean receive, boolean examine, boolean pause, boolean decide) {
	}

	/**
	 * Refuses {@code clerk} the step {@code step} on application {@code id} as the step itself would, before anything the
	 * step was sent is read (the web shell's {@code StepAccess}): out of the clerk's scope 404; a bureau that does not
	 * take the step 403 — 补正通知, 受理, 不予受理 the receiving bureau, 补充材料 and 补正 by staff the receiving bureau of a
	 * paper application, 初审 and 现场核查 the city bureau of the premises, 中止 and 恢复 as 准予 and 不予许可 the
	 * competent level (邮政法(2015) art.53). The step's state and values stay the step's own.
	 * @param step the step's address segment ({@code review}, {@code approval} …); another is left to its handler
	 * @throws DomainException 404 for an application not there or outside the clerk's scope
	 * @throws AccessRefusedException 403 for a clerk who does not take the step
	 */
	public void requireStep(Clerk clerk, long id, String step) {
		ApplicationView a = find(id);
		requireReadable(clerk.scope(), a);
		switch (step) {
			case "materials", "correction" -> {
				if (!clerk.enterprise()) {
					requireReceiver(clerk, a);
					requirePaper(a, "materials".equals(step) ? "补充材料" : "提交补正材料");
				}
			}
			case "correction-notice", "acceptance", "non-acceptance" -> requireReceiver(clerk, a);
			case "review" -> requireCity(clerk, a, "初审");
			case "verification" -> requireCity(clerk, a, "现场核查");
			case "suspension", "resumption" -> requireHandler(clerk, a);
			case "approval", "refusal" -> requireDecider(clerk, a);
			default -> {
			}
		}
	}

	/** What {@code clerk} may do on application {@code a} ({@link Powers}); all false for an enterprise user. */
	public static Powers powers(Clerk clerk, ApplicationView a) {
		return new Powers(receives(clerk, a), examines(clerk, a), handles(clerk, a), decides(clerk, a));
	}

	/**
	 * Receipt: staff (not read-only) of the city or provincial bureau whose region holds the premises, or of the national
	 * bureau where it decides ({@link #decides}: inter-province and international business) — not of the national
	 * bureau on an application the province decides, which it neither receives nor decides.
	 */
	private static boolean receives(Clerk clerk, ApplicationView a) {
		return !clerk.enterprise() && clerk.writer() && clerk.level() != null
				&& (clerk.level() == BureauLevel.CITY || clerk.level() == BureauLevel.PROVINCE
						|| clerk.level() == a.approvingLevel().bureauLevel())
				&& DataScope.region(clerk.regionCode()).containsRegion(a.regionCode());
	}

	private static void requireReceiver(Clerk clerk, ApplicationView a) {
		if (!receives(clerk, a)) {
			throw new AccessRefusedException(null, Wording.of("licensing.refusal.receiverStep"),
					"许可申请由经营场所所在地的市（地）或省邮政管理局受理");
		}
	}

	/**
	 * Staff hand in materials only for a paper application they entered from the applicant's papers: what an enterprise
	 * applied for on its portal, it supplies itself (403 otherwise) — else the bureau could complete the file it judges.
	 */
	private static void requirePaper(ApplicationView a, String step) {
		if (!"PAPER".equals(a.channel())) {
			throw new AccessRefusedException(null, Wording.of("licensing.refusal.onlineApplication", step),
					"该申请由企业在网上提交，" + step + "由申请企业本身办理；工作人员只能为纸质申请录入材料");
		}
	}

	/** 初审 and 现场核查: staff of the city bureau of the premises. */
	private static boolean examines(Clerk clerk, ApplicationView a) {
		return !clerk.enterprise() && clerk.writer() && clerk.level() == BureauLevel.CITY
				&& DataScope.region(clerk.regionCode()).containsRegion(a.regionCode());
	}

	private static void requireCity(Clerk clerk, ApplicationView a, String what) {
		if (!examines(clerk, a)) {
			throw new AccessRefusedException(null, Wording.of("licensing.refusal.cityBureauStep", what),
					what + "由经营场所所在地的市（地）邮政管理局进行");
		}
	}

	/**
	 * Pausing and resuming the decision clock: the bureau that decides ({@link #decides}: the competent level of
	 * 邮政法(2015) art.53 whose region holds the premises). The periods that do not count — a hearing, an expert review,
	 * the 补正 of verification defects — are the deciding authority's (行政许可法(2019) art.45), and so is the clock they
	 * stop: the city bureau, which examines and verifies but never decides, neither pauses nor resumes it.
	 */
	private static boolean handles(Clerk clerk, ApplicationView a) {
		return decides(clerk, a);
	}

	private static void requireHandler(Clerk clerk, ApplicationView a) {
		if (!handles(clerk, a)) {
			throw new AccessRefusedException(null, Wording.of("licensing.refusal.pauseByDecider", a.approvingLevel()),
					"中止、恢复决定期限的计时由有权作出许可决定的" + a.approvingLevel().label() + "进行（"
							+ Provision.POSTAL_LICENSING_AUTHORITY + "）");
		}
	}

	/** The decision: the competent level (邮政法(2015) art.53) whose region holds the premises. */
	private static boolean decides(Clerk clerk, ApplicationView a) {
		return decides(clerk, a.approvingLevel(), a.regionCode());
	}

	/**
	 * Whether {@code clerk} takes the decision on a licence of approving level {@code level} for premises in
	 * {@code regionCode}: staff who write or a leader of that level whose region holds the premises — the rule of a live
	 * decision and of a past one imported ({@link #checkImported}).
	 */
	private static boolean decides(Clerk clerk, ApprovingLevel level, String regionCode) {
		return !clerk.enterprise() && (clerk.writer() || clerk.leader()) && clerk.level() == level.bureauLevel()
				&& DataScope.region(clerk.regionCode()).containsRegion(regionCode);
	}

	/** Who decides a licence of {@code scope} (邮政法(2015) art.53), as a refusal says it. */
	private static String decider(LicenceScope scope) {
		return scope.label() + "快递业务经营许可由" + ApprovingLevel.of(scope).label() + "作出决定（" + Provision.POSTAL_LICENSING_AUTHORITY + "）";
	}

	private static void requireDecider(Clerk clerk, ApplicationView a) {
		if (!decides(clerk, a)) {
			throw new AccessRefusedException(null, Wording.of("licensing.refusal.decider", a.scope(),
					ApprovingLevel.of(a.scope())), decider(a.scope()));
		}
	}

	private static void requireReadable(DataScope scope, ApplicationView a) {
		boolean visible = scope.kind() == DataScope.Kind.ENTERPRISE ? a.applicantCreditCode().equals(scope.enterpriseCreditCode())
				: scope.containsRegion(a.regionCode());
		if (!visible) {
			throw DomainException.notFound("许可申请", a.id());
		}
	}

	private ApplicationView find(long id) {
		return jdbc.sql("SELECT * FROM licence_application WHERE id = :id")
			.param("id", id)
			.query(Rows.of(ApplicationView.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("许可申请", id));
	}

	private ApplicationView lock(DataScope scope, long id) {
		jdbc.sql("SELECT id FROM licence_application WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
		ApplicationView a = find(id);
		requireReadable(scope, a);
		return a;
	}

	/** Moves the application to {@code to} (the same state for a step that records something) with the extra SET clause. */
	private void move(ApplicationView a, ApplicationStatus to, String set, Map<String, ?> params) {
		StatusMove.move(jdbc, clock, "licence_application", a.id(), a.status(), to, set, params, "申请");
	}

	private void record(ApplicationView a, String action, String summary) {
		audit.record(AuditEntry.of(action, "licence_application", a.id(), a.number() + "：" + summary).inRegion(a.regionCode()));
	}

	private static StatutoryRule capitalRule(LicenceScope scope) {
		return switch (scope) {
			case CITY, PROVINCE -> StatutoryRule.LICENCE_CAPITAL_PROVINCE;
			case INTER_PROVINCE -> StatutoryRule.LICENCE_CAPITAL_INTER_PROVINCE;
			case INTERNATIONAL -> StatutoryRule.LICENCE_CAPITAL_INTERNATIONAL;
		};
	}

	/** A scope by its Chinese name (同城, 省内, 跨省, 国际) or its code; null (and an error on {@code field}) otherwise. */
	public static LicenceScope scope(Validation v, String field, String text) {
		if (Text.isBlank(text)) {
			v.require(field, false, "required", "业务范围不能为空");
			return null;
		}
		for (LicenceScope s : LicenceScope.values()) {
			if (s.label().equals(Text.strip(text)) || s.name().equalsIgnoreCase(Text.strip(text))) {
				return s;
			}
		}
		v.require(field, false, "one-of", "业务范围应为同城、省内、跨省、国际之一");
		return null;
	}

	static <E extends Enum<E>> E parse(Validation v, String field, String label, String text, Class<E> type) {
		if (Text.isBlank(text)) {
			v.require(field, false, "required", label + "不能为空");
			return null;
		}
		try {
			return Enum.valueOf(type, Text.strip(text).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			v.require(field, false, "one-of", label + "应为" + Choice.listed(type) + "之一");
			return null;
		}
	}
}
