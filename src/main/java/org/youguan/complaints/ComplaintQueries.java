package org.youguan.complaints;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditedMemory;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.complaints.internal.AcceptanceRule;
import org.youguan.complaints.internal.AcceptanceRules;
import org.youguan.complaints.internal.ComplaintAttachmentAccess;
import org.youguan.complaints.internal.FilerPhone;
import org.youguan.complaints.internal.RespondentRouting;
import org.youguan.documents.Attachment;
import org.youguan.documents.Attachments;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Listing.Masked;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;
import org.youguan.kernel.WorkState;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.org.Role;
import org.youguan.platform.Secrets;
import org.youguan.registry.EnterpriseView;

/**
 * Reading complaints within the caller's data scope (staff by region, an enterprise only those transferred to it):
 * the queue and its export, one complaint, its evidence, the system's assessment against the acceptance conditions,
 * the routed respondent, and the dashboard's count. Out of scope reads as not found (existence is not revealed).
 */
@Service
public class ComplaintQueries {

	/**
	 * Queue filters. {@code state}: {@link WorkState#OPEN} — the procedure is running; {@link WorkState#DONE} — closed,
	 * not accepted or withdrawn; {@link WorkState#ALL} (or null) — any. {@code awaitingReply}: with the enterprise
	 * (transferred, or returned to it for redoing). {@code personalSearch}: the reader is staff who handle complaints
	 * ({@link CurrentUser#caseHandler}) — only then does the search match the filer's phone, a waybill number holding a
	 * phone number or digits in the description, and only on the complaints its own bureau handles
	 * ({@link Bureaus#handledHere}), whose personal data it reads in full ({@link #readsInFull}); a reader who sees them
	 * masked (a leader, a superior bureau's staff on a county's complaint) could otherwise recover a masked number by
	 * searching it (the phone part of the search is ignored, not refused).
	 * {@code handledHere}: only the complaints the caller's bureau handles ({@link Bureaus#handledHere}) — the inbox's
	 * queues and their links; a county's complaint is the county bureau's to do, the city reads it in the plain list.
	 * {@code attentionOnly}: only the open complaints whose current step is due within one working day or whose answer
	 * is overdue — the dashboard's 申诉临期或超期 card, its link ({@code attention=true}) listing what it counts.
	 */
	public record Filter(ComplaintStatus status, Boolean overdue, String category, WorkState state, boolean awaitingReply,
			boolean personalSearch, boolean handledHere, boolean attentionOnly) {

		/**
		 * A filter of every complaint, not only those needing attention ({@code attentionOnly}: open, the current step
		 * due within one working day or the answer overdue — the dashboard card's set,
		 * {@link ComplaintQueries#countNeedingAttention}).
		 */
		public Filter(ComplaintStatus status, Boolean overdue, String category, WorkState state, boolean awaitingReply,
				boolean personalSearch, boolean handledHere) {
			this(status, overdue, category, state, awaitingReply, personalSearch, handledHere, false);
		}

		public static final Filter NONE = new Filter(null, null, null);

		public Filter(ComplaintStatus status, Boolean overdue, String category) {
			this(status, overdue, category, WorkState.ALL, false);
		}

		/** A filter whose search does not reach the filer's phone nor digits in the description. */
		public Filter(ComplaintStatus status, Boolean overdue, String category, WorkState state, boolean awaitingReply) {
			this(status, overdue, category, state, awaitingReply, false);
		}

		/** A filter over every complaint of the scope, not only those its bureau handles. */
		public Filter(ComplaintStatus status, Boolean overdue, String category, WorkState state, boolean awaitingReply,
				boolean personalSearch) {
			this(status, overdue, category, state, awaitingReply, personalSearch, false);
		}
	}

	/** What the system can tell the handler before acceptance: the condition, the finding and its legal basis. */
	public record Assessment(AcceptanceCondition condition, String finding, String basis) {
	}

	/** The orders a queue may be sorted by (request name → column); every order ends with the id, newest first. */
	static final Map<String, String> SORTS = Map.of("received_on", "c.received_on", "step_due", "c.step_due", "number",
			"c.number", "region_code", "c.region_code");

	static final String FINISHED = "('REJECTED','CLOSED','WITHDRAWN')";

	/**
	 * The columns an enterprise's search reads: those its list and export show (number, category, reason) — not the
	 * filer's name or phone, nor the description and notes it reads with numbers masked.
	 */
	static final String[] ENTERPRISE_SEARCHED = { "c.number", "c.category", "c.reason" };

	/** Lists carry the filer's phone masked (filer_phone); a single complaint's page decrypts it (see {@link #get}). */
	private static final String SELECT = """
			SELECT c.*, c.filer_phone_masked AS filer_phone, r.name AS region_name, CAST(:today AS date) AS today,
			       CAST(:nextWorkingDay AS date) AS next_working_day""";

	/**
	 * The columns the staff queue page and the API list show (their rows carry nothing else; see {@link #queue}):
	 * a page of them is a third of the columns, without the long texts and the phone's cipher.
	 */
	private static final String QUEUE_SELECT = """
			SELECT c.id, c.number, c.channel, c.filer_name, c.filer_phone_masked AS filer_phone, c.region_code,
			       r.name AS region_name, c.brand_name, c.enterprise_name, c.enterprise_credit_code, c.waybill_number,
			       c.category, c.reason, c.duplicate_of, c.status, c.received_on, c.answer_due, c.step_due, c.reply_late,
			       c.satisfaction, c.valid_complaint, c.transfer_flagged, CAST(:today AS date) AS today,
			       CAST(:nextWorkingDay AS date) AS next_working_day""";

	private static final String REGION_NAME = "JOIN region_name r ON r.code = c.region_code";

	private static final String FROM = "FROM complaint c " + REGION_NAME;

	private final JdbcClient jdbc;

	private final WorkingCalendar calendar;

	private final AcceptanceRules acceptance;

	private final RespondentRouting routing;

	private final AuditTrail audit;

	private final Clock clock;

	private final Secrets secrets;

	private final Attachments attachmentStore;

	/** Pages of the queue remembered until the next audited change ({@link #queue}). */
	private final AuditedMemory pages;

	/** Which complaints are the caller's bureau's to do ({@link Filter#handledHere}). */
	private final Bureaus bureaus;

	ComplaintQueries(JdbcClient jdbc, WorkingCalendar calendar, AcceptanceRules acceptance, RespondentRouting routing,
			AuditTrail audit, Clock clock, Secrets secrets, Attachments attachmentStore,
			@Value("${youguan.complaints.queue-memory:PT20S}") Duration queueMemory, Bureaus bureaus) {
		this.bureaus = bureaus;
		this.pages = new AuditedMemory(audit::latestEventId, clock, queueMemory, 1_000);
		this.attachmentStore = attachmentStore;
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.acceptance = acceptance;
		this.routing = routing;
		this.audit = audit;
		this.clock = clock;
		this.secrets = secrets;
	}

	/**
	 * One page of the queue: in scope, matching the filter and the search (number, waybill number or the filer's phone
	 * exactly; enterprise name, the filer's masked phone or description containing the text as shown — a personal number
	 * typed whole (the phone, one in the description or waybill number) only for a filter with {@code personalSearch} on
	 * the complaints the caller's bureau handles, never for a reader who sees it masked; for an
	 * enterprise's scope only the number or waybill number exactly, or number, category or reason containing it), in a whitelisted order ({@code received_on},
	 * {@code step_due}, {@code number}, {@code region_code}; default newest received first).
	 */
	public PageResult<ComplaintView> list(DataScope scope, Filter filter, PageQuery page) {
		return page(scope, filter, page, SELECT);
	}

	/**
	 * The page {@link #list} gives, with only what the staff queue page and the API list show: id, number, channel,
	 * the filer's name and masked phone, region and its name, brand, enterprise and its credit code, waybill number,
	 * category, reason, {@code duplicateOf}, status, received on, answer and step due dates ({@code overdue()},
	 * {@code dueSoon()}), {@code replyLate}, satisfaction, {@code validComplaint} and {@code transferFlagged}; every
	 * other component is null (issue 12: the row mapping of the other forty columns was a sixth of an API list).
	 *
	 * <p>
	 * A page is remembered, as the home page's queues are ({@code web.HomeCache}), under the scope, the filter, the
	 * page asked for, the day and its next working day, and the newest audit event id ({@link AuditedMemory}): every
	 * change of a complaint is audited in its transaction, so the first read after any change — on any node — reads
	 * afresh, and every read before it costs one index probe instead of the page's statement (issue 12: the statement
	 * was most of the API list's database time). {@code youguan.complaints.queue-memory} (ISO-8601, default 20 s;
	 * {@code PT0S} turns it off) bounds how long a change that writes no audit entry takes to show (a deadline passing
	 * within the day). A page is what every caller of the scope reads; the caller's rights are checked before this is
	 * called, and the filer's name is masked where a page shows it, as before.
	 */
	public PageResult<ComplaintView> queue(DataScope scope, Filter filter, PageQuery page) {
		LocalDate today = LocalDate.now(clock);
		LocalDate nextWorkingDay = calendar.plusWorkingDays(today, 1);
		return pages.get(pages.head(), List.of(scope, filter, page, today, nextWorkingDay), () -> {
			PageResult<ComplaintView> read = page(scope, filter, page, QUEUE_SELECT, today, nextWorkingDay);
			return new PageResult<>(List.copyOf(read.items()), read.page(), read.size(), read.total(), read.capped());
		});
	}

	private PageResult<ComplaintView> page(DataScope scope, Filter filter, PageQuery page, String select) {
		LocalDate today = LocalDate.now(clock);
		return page(scope, filter, page, select, today, calendar.plusWorkingDays(today, 1));
	}

	private PageResult<ComplaintView> page(DataScope scope, Filter filter, PageQuery page, String select,
			LocalDate today, LocalDate nextWorkingDay) {
		Listing listing = listing(scope, filter, page, today);
		return listing.bind("today", today)
			.bind("nextWorkingDay", nextWorkingDay)
			.sorts(SORTS, "received_on", true, "c.id DESC")
			.page(jdbc, select, page, Rows.of(ComplaintView.class));
	}

	/**
	 * How many complaints in scope match the filter — the count of {@link #list}'s first page without reading a page
	 * (the inbox counts its overdue items so).
	 */
	public long count(DataScope scope, Filter filter) {
		return listing(scope, filter, PageQuery.of("", 0, 1, null, null), LocalDate.now(clock)).count(jdbc);
	}

	private Listing listing(DataScope scope, Filter filter, PageQuery page, LocalDate today) {
		Listing listing = Listing.from("FROM complaint c")
			.joinedToPage(REGION_NAME)
			.scope(scope, "c.enterprise_credit_code", "c.region_code")
			.where(filter.status() != null, "c.status = :status", "status", filter.status() == null ? "" : filter.status().name())
			.where(Boolean.TRUE.equals(filter.overdue()), "c.status NOT IN " + FINISHED
					+ " AND (c.step_due < :overdueDay OR c.answer_due < :overdueDay)", "overdueDay", today)
			.where(filter.category() != null && !Text.isBlank(filter.category()), "c.category = :category", "category",
					filter.category() == null ? "" : filter.category());
		if (filter.state() == WorkState.OPEN) {
			listing.where("c.status NOT IN " + FINISHED);
		}
		else if (filter.state() == WorkState.DONE) {
			listing.where("c.status IN " + FINISHED);
		}
		if (filter.awaitingReply()) {
			listing.where("c.status IN ('TRANSFERRED','RETURNED')");
		}
		if (filter.handledHere()) {
			listing.where(bureaus.handledHere(scope, "c.region_code", Bureaus.CASE_HANDLERS));
		}
		if (filter.attentionOnly()) {
			listing.where(ATTENTION, Map.of("attentionSoon", calendar.plusWorkingDays(today, 1), "attentionToday", today));
		}
		if (page.q().isEmpty()) {
			return listing;
		}
		// a waybill number is stored as ComplaintIntake.waybill writes it: full-width or lower-case typed, it is found
		String waybill = Objects.requireNonNullElse(ComplaintIntake.waybill(page.q()), "");
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			// an enterprise searches only what its list and export show: never the filer's phone, name or the text it
			// reads masked, which a search could otherwise probe — nor a waybill number that is an ID or mobile number
			// (stored before the intake refused them, Validation.identifier; the enterprise reads it masked)
			String searched = Masking.holdsPersonalNumber(waybill) ? "" : waybill;
			return listing.search(page, "c.number = :exact OR c.waybill_number = :waybill",
					Map.of("exact", page.identifier(), "waybill", searched), ENTERPRISE_SEARCHED);
		}
		// the filer's phone as the lists show it (139****5678, stored so) and the description and waybill number as each
		// reader may read them (Listing.Masked#readInFullWhere): the digits a mask leaves find the complaint for everyone;
		// a number typed whole (the phone by its index) only for the staff handling it (personalSearch, on the complaints
		// their bureau handles, ComplaintQueries#readsInFull) — for anyone else (a leader, a superior bureau's staff) a
		// match would confirm the masked number (13912345678 found ⇒ 139****5678 is that number)
		String handled = filter.personalSearch() ? bureaus.handledHere(scope, "c.region_code", Bureaus.CASE_HANDLERS) : "FALSE";
		String maskSafe = Masking.telephonesIn(waybill).equals(waybill) ? waybill : "";
		List<Masked> masked = List.of(Masked.telephones("c.description").readInFullWhere(handled),
				Masked.telephones("c.waybill_number").readInFullWhere(handled), Masked.stored("c.filer_phone_masked"));
		if (!filter.personalSearch()) {
			return listing.search(page, "c.number = :exact OR c.waybill_number = :maskSafe",
					Map.of("exact", page.identifier(), "maskSafe", maskSafe), jdbc, "c.id", masked,
					"c.enterprise_name", "c.enterprise_credit_code");
		}
		return listing.search(page, "c.number = :exact OR c.waybill_number = :maskSafe"
				+ " OR ((c.waybill_number = :waybill OR c.filer_phone_index = :phone) AND " + handled + ")",
				Map.of("exact", page.identifier(), "waybill", waybill, "maskSafe", maskSafe, "phone",
						FilerPhone.index(secrets, page.q())),
				jdbc, "c.id", masked, "c.enterprise_name", "c.enterprise_credit_code");
	}

	/**
	 * One complaint within the caller's scope, with the filer's phone decrypted for the pages that show it.
	 * @throws DomainException not found outside the scope
	 */
	public ComplaintView get(DataScope scope, long id) {
		LocalDate today = LocalDate.now(clock);
		var row = Rows.of(ComplaintView.class);
		return jdbc.sql(SELECT + " " + FROM + " WHERE c.id = :id AND "
				+ scope.enterprisePredicate("c.enterprise_credit_code", "c.region_code"))
			.params(scope.params())
			.param("id", id)
			.param("today", today)
			.param("nextWorkingDay", calendar.plusWorkingDays(today, 1))
			.query((rs, i) -> row.mapRow(rs, i).withFilerPhone(FilerPhone.reveal(secrets, rs.getBytes("filer_phone_cipher"))))
			.optional()
			.orElseThrow(() -> DomainException.notFound("申诉", id));
	}

	/**
	 * Whether {@code reader} reads a complaint of {@code regionCode} with the filer's personal data in full — name,
	 * phone, every number typed into its text, its evidence: the staff who take its steps, 处室工作人员 of the bureau
	 * handling it ({@link Bureaus#takesSteps}), and the enterprise it was transferred to (its own projection,
	 * {@link #readAsEnterprise}). Nobody else needs them: a leader, and staff of a city or province bureau reading a
	 * county's complaint, which they do not handle and on which they take no step, read it masked.
	 * @param reader the signed-in account
	 * @param regionCode the complaint's region
	 */
	public boolean readsInFull(CurrentUser reader, String regionCode) {
		return reader.has(Role.ENTERPRISE) || bureaus.takesSteps(reader, regionCode, Bureaus.CASE_HANDLERS);
	}

	/**
	 * The region of a complaint in the caller's scope: whose bureau handles it ({@link Bureaus#handles}).
	 * @throws DomainException not found outside the scope
	 */
	public String regionOf(DataScope scope, long id) {
		return jdbc.sql("SELECT c.region_code FROM complaint c WHERE c.id = :id AND "
				+ scope.enterprisePredicate("c.enterprise_credit_code", "c.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("申诉", id));
	}

	/**
	 * One complaint for a signed-in member of the bureau. The staff handling it ({@link #readsInFull}: 处室工作人员 of
	 * the bureau handling its region) see the filer's name and phone in full (to handle it and call back), and that
	 * read is recorded in the audit trail; other readers — a leader, staff of a bureau above reading a county's
	 * complaint — see them masked, and any ID or mobile number typed into the complaint's text masked
	 * ({@link ComplaintView#masked}); the handling staff read the record as filed. The enterprise reads its projection
	 * instead ({@link #readAsEnterprise}).
	 * @throws DomainException not found outside the reader's scope
	 * @throws AccessRefusedException for an enterprise user: the bureau's record holds its internal handling (referral,
	 * closing note, transfer reason, suspected duplicate)
	 */
	@Transactional
	public ComplaintView read(CurrentUser reader, long id) {
		if (reader.has(Role.ENTERPRISE)) {
			throw new AccessRefusedException("企业用户只能查看转办给本企业的申诉的企业视图");
		}
		ComplaintView c = get(reader.scope(), id);
		if (!readsInFull(reader, c.regionCode())) {
			return c.masked();
		}
		auditPersonalRead(c);
		return c;
	}

	/**
	 * One complaint transferred to the reader's enterprise, as the enterprise reads it ({@link EnterpriseComplaintView}):
	 * the filer's name and phone in full only while the enterprise needs them to answer and call the filer back — the
	 * procedure still open ({@link ComplaintStatus#finished}: its reply, a redo, the bureau's call-back and mediation) —
	 * the read recorded in the audit trail; once the complaint is closed, withdrawn or rejected masked as the lists show
	 * them (张**, 139****5678; 个人信息保护法 art.6: no more than the purpose needs, for no longer). Personal numbers in the
	 * typed text masked, none of the bureau's internal handling.
	 * @throws DomainException not found unless transferred to the reader's enterprise
	 */
	@Transactional
	public EnterpriseComplaintView readAsEnterprise(CurrentUser reader, long id) {
		if (reader.scope().kind() != DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("只有企业用户可以查看企业视图");
		}
		ComplaintView c = get(reader.scope(), id);
		if (c.status().finished()) {
			return EnterpriseComplaintView.of(c).contactMasked();
		}
		auditPersonalRead(c);
		return EnterpriseComplaintView.of(c);
	}

	private void auditPersonalRead(ComplaintView c) {
		audit.record(AuditEntry.of("complaint.read-personal", "Complaint", c.id(), "查看" + c.number() + "的申诉人联系方式")
			.inRegion(c.regionCode()));
	}

	/**
	 * A page of the complaints transferred to the caller's enterprise ({@link #list} with its search), as the enterprise
	 * reads them: its projection with the filer's name and phone masked ({@link EnterpriseComplaintView#contactMasked}).
	 * @throws AccessRefusedException for a caller who is not an enterprise
	 */
	public PageResult<EnterpriseComplaintView> listForEnterprise(DataScope scope, Filter filter, PageQuery page) {
		if (scope.kind() != DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("只有企业用户可以查看企业视图");
		}
		return list(scope, filter, page).map(c -> EnterpriseComplaintView.of(c).contactMasked());
	}

	/** What the system finds against the acceptance conditions ({@link AcceptanceRules}); the handler decides. */
	public List<Assessment> assess(ComplaintView c) {
		return acceptance.breaches(new AcceptanceRule.Facts(c.receivedOn(), c.postedOn(), c.priorComplainedOn(),
				c.priorAnswer() != null, c.duplicateOf()), c.regionCode().substring(0, 6))
			.stream()
			.map(b -> new Assessment(b.condition(), b.finding(), b.basis()))
			.toList();
	}

	/** As {@link #assess(ComplaintView)}, for a complaint in the caller's scope. */
	public List<Assessment> assess(DataScope scope, long id) {
		return assess(get(scope, id));
	}

	/** The enterprise the complaint goes to: the brand's enterprise nearest the place (county, city, province), else HQ. */
	public Optional<EnterpriseView> respondent(ComplaintView c) {
		return c.brandId() == null ? Optional.empty() : routing.route(c.regionCode(), c.brandId());
	}

	/** As {@link #respondent(ComplaintView)}, for a complaint in the caller's scope. */
	public Optional<EnterpriseView> respondent(DataScope scope, long id) {
		return respondent(get(scope, id));
	}

	/**
	 * The evidence filed with a complaint in the caller's scope, as kept in the documents module's attachment store
	 * (each served from {@code /attachments/{id}}).
	 * @throws DomainException not found when the complaint is outside the scope
	 */
	public List<Attachment> attachments(DataScope scope, long id) {
		get(scope, id);
		return attachmentStore.list(ComplaintAttachmentAccess.owner(id));
	}

	/** Open complaints whose current step is due within one working day or whose answer is overdue. */
	private static final String ATTENTION = "c.status NOT IN " + FINISHED
			+ " AND (c.step_due <= :attentionSoon OR c.answer_due < :attentionToday)";

	/**
	 * Complaints needing attention, for the dashboard: open, the current step due within one working day or the answer
	 * overdue, of those the caller's bureau handles ({@link Bureaus#handledHere}) — the set its link lists
	 * ({@code /complaints?state=OPEN&handling=true&attention=true}, {@link Filter#attentionOnly}), counted by that
	 * same query.
	 */
	public long countNeedingAttention(DataScope scope) {
		return count(scope, new Filter(null, null, null, WorkState.OPEN, false, false, true, true));
	}

	/**
	 * A complaint handed to an enterprise, as its systems fetch it: the cursor to continue after it, the step and its
	 * due date, and the filed facts of the enterprise's projection ({@link EnterpriseComplaintView}) with the filer's
	 * name and phone masked (张*, 139****5678) and every ID or mobile number in the typed text (earlier answer,
	 * description, return reason) masked ({@link Masking#personalNumbersIn}).
	 */
	public record Assigned(String cursor, long id, String number, ComplaintStatus status, Instant assignedAt,
			LocalDate replyDue, String filerNameMasked, String filerPhoneMasked, FilerRole filerRole, String regionCode,
			String regionName, String brandName, String namedEnterprise, String waybillNumber, LocalDate postedOn,
			LocalDate priorComplainedOn, String priorChannel, String priorAnswer, String category, String reason,
			BigDecimal amountClaimed, String description, int redoCount, String returnReason) {

		static Assigned of(String cursor, Instant assignedAt, EnterpriseComplaintView full) {
			EnterpriseComplaintView c = full.contactMasked();
			return new Assigned(cursor, c.id(), c.number(), c.status(), assignedAt, enterprisesDue(c), c.filerName(),
					c.filerPhone(), c.filerRole(), c.regionCode(), c.regionName(), c.brandName(), c.namedEnterprise(),
					c.waybillNumber(), c.postedOn(), c.priorComplainedOn(), c.priorChannel(), c.priorAnswer(), c.category(),
					c.reason(), c.amountClaimed(), c.description(), c.redoCount(), c.returnReason());
		}
	}

	/**
	 * The enterprise's own due date: the reply's (or the redo's) while one is awaited from it; null once it replied —
	 * the step due then is the bureau's call-back, no date of the enterprise's.
	 */
	static LocalDate enterprisesDue(EnterpriseComplaintView c) {
		return c.status() == ComplaintStatus.TRANSFERRED || c.status() == ComplaintStatus.RETURNED ? c.stepDue() : null;
	}

	/** A page of the feed and the cursor to ask with next ({@code since}); the same cursor when nothing was new. */
	public record AssignedPage(List<Assigned> items, String next) {
	}

	/** How long a hand-over settles before the feed shows it, so a slower transaction committing later is not skipped. */
	static final Duration SETTLE = Duration.ofSeconds(5);

	/**
	 * The complaints handed to the caller's enterprise (transferred, or returned for redoing) after the cursor
	 * {@code since} ({@code <epoch microseconds>-<id>} of the last one seen; none: from the first), oldest first, at most
	 * {@code size} (1–100, default 50), only those handed over at least {@link #SETTLE} ago.
	 * @throws AccessRefusedException for a caller who is not an enterprise
	 * @throws InvalidValueException naming {@code since} (not a cursor) or {@code size} (out of range)
	 */
	public AssignedPage assignedSince(DataScope scope, String since, Integer size) {
		if (scope.kind() != DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("只有企业用户可以拉取转办给本企业的申诉");
		}
		int limit = size == null ? 50 : size;
		if (limit < 1 || limit > 100) {
			throw new InvalidValueException("size", "range", Wording.of("complaints.refusal.pageSizeRange"), "每页条数应为1至100");
		}
		Instant after = Instant.EPOCH;
		long afterId = 0;
		if (since != null && !Text.isBlank(since)) {
			var m = Pattern.compile("(\\d{1,19})-(\\d{1,19})").matcher(Text.strip(since));
			if (!m.matches()) {
				throw new InvalidValueException("since", "cursor", Wording.of("complaints.refusal.cursorFormat"), "游标格式不正确，请使用上一次响应中的next");
			}
			try {
				long micros = Long.parseLong(m.group(1));
				after = Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000);
				afterId = Long.parseLong(m.group(2));
			}
			catch (NumberFormatException | DateTimeException ex) {
				throw new InvalidValueException("since", "cursor", Wording.of("complaints.refusal.cursorFormat"), "游标格式不正确，请使用上一次响应中的next");
			}
		}
		LocalDate today = LocalDate.now(clock);
		var row = Rows.of(ComplaintView.class);
		List<Assigned> items = jdbc.sql(SELECT + " " + FROM + """
				 WHERE c.enterprise_credit_code = :scopeEnterprise AND c.assigned_at IS NOT NULL
				  AND c.assigned_at < :settled AND (c.assigned_at, c.id) > (:after, :afterId)
				ORDER BY c.assigned_at, c.id LIMIT :limit""")
			.params(scope.params())
			.param("today", today)
			.param("nextWorkingDay", calendar.plusWorkingDays(today, 1))
			.param("settled", Timestamp.from(clock.instant().minus(SETTLE)))
			.param("after", Timestamp.from(after))
			.param("afterId", afterId)
			.param("limit", limit)
			.query((rs, i) -> {
				Instant at = rs.getTimestamp("assigned_at").toInstant();
				return Assigned.of(cursor(at, rs.getLong("id")), at, EnterpriseComplaintView.of(row.mapRow(rs, i)));
			})
			.list();
		String next = items.isEmpty() ? (since == null || Text.isBlank(since) ? cursor(after, afterId) : Text.strip(since))
				: items.get(items.size() - 1).cursor();
		return new AssignedPage(items, next);
	}

	private static String cursor(Instant at, long id) {
		return (at.getEpochSecond() * 1_000_000 + at.getNano() / 1000) + "-" + id;
	}
}
