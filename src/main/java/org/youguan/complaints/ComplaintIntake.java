package org.youguan.complaints;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.complaints.internal.AcceptanceRule;
import org.youguan.complaints.internal.AcceptanceRules;
import org.youguan.complaints.internal.Complaint;
import org.youguan.complaints.internal.ComplaintAttachmentAccess;
import org.youguan.complaints.internal.ComplaintRecords;
import org.youguan.complaints.internal.ComplaintRepository;
import org.youguan.complaints.internal.ComplaintSettings;
import org.youguan.complaints.internal.ComplaintStore;
import org.youguan.complaints.internal.FilerPhone;
import org.youguan.complaints.internal.QueryCodes;
import org.youguan.documents.Attachment;
import org.youguan.documents.AttachmentDraft;
import org.youguan.documents.Attachments;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.LimitReachedException;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Telephone;
import org.youguan.kernel.PublicTally;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.WaybillNumber;
import org.youguan.kernel.Wording;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.org.Bureaus;
import org.youguan.platform.ChinaTime;
import org.youguan.platform.Secrets;
import org.youguan.region.RegionCode;
import org.youguan.region.Regions;
import org.youguan.registry.Brands;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * 申诉受理登记: filing a complaint (public portal, staff entry of phone and letter complaints, other channels through
 * the API). Filing checks the form and the acceptance conditions the public can be told about at once
 * ({@link AcceptanceRules}: prior complaint answered or older than the waiting period, within the filing window), names
 * a respondent brand, marks a likely duplicate, numbers the complaint, issues the query code, and sets the transfer
 * and answer limits from the rule catalogue (邮政法(2015) 第65条 for the 30-day answer).
 */
@Service
public class ComplaintIntake {

	/**
	 * What the filer receives: the number and the query code (shown once; only its hash is kept), and the earlier
	 * complaint this one is marked as a likely duplicate of, if any.
	 * @param sameText whether it was marked for the same description against the same brand on the same day
	 *     ({@link #sameText}) rather than for the same phone, waybill and category — the notice the filer reads names
	 *     the reason it was marked for (false when not marked at all)
	 */
	public record Filed(long id, String number, String queryCode, String duplicateOf, boolean sameText) {
	}

	static final String NUMBER_TYPE = "申诉";

	/** The request header other channels' systems name a filing with; its column holds 100 characters. */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final int MAX_IDEMPOTENCY_KEY = 100;

	/** The encryption context of a query code kept for the retries of an idempotent intake. */
	static final String IDEMPOTENT_QUERY_CODE = "complaint_idempotency.query_code";

	/** Amounts (claimed, compensated, recovered) are below 100 million yuan; their columns hold numeric(12, 2). */
	static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(100_000_000);

	/**
	 * The integer digits of an amount below {@link #MAX_AMOUNT} (1亿): what a refusal of one that cannot be read states
	 * as its limit (the form's and the JSON reader's, {@code NumberText.Digits}), with {@link #AMOUNT_FRACTION}.
	 */
	public static final int AMOUNT_INTEGER = 8;

	/** The fraction digits of an amount: fen. */
	public static final int AMOUNT_FRACTION = 2;

	/**
	 * An amount (元) as every complaint answer carries it — the API's JSON, the views, the figures: with both fen
	 * digits, {@code 0.00}, {@code 50.00}, as its numeric(12, 2) column holds it, never {@code 0} in one answer and
	 * {@code 0.00} in another.
	 * @param amount yuan with at most two decimals (more are rounded half up), or null
	 * @return the amount at scale 2; null for null
	 */
	static BigDecimal yuan(BigDecimal amount) {
		return amount == null ? null : amount.setScale(AMOUNT_FRACTION, RoundingMode.HALF_UP);
	}

	private final ComplaintRepository complaints;

	private final ComplaintStore store;

	private final Brands brands;

	private final Regions regions;

	private final Bureaus bureaus;

	private final StatutoryRules rules;

	private final BusinessNumbers numbers;

	private final JdbcClient jdbc;

	private final ComplaintRecords records;

	private final ComplaintSettings settings;

	private final AcceptanceRules acceptance;

	private final Clock clock;

	private final Secrets secrets;

	private final Attachments attachmentStore;

	private final ApplicationEventPublisher events;

	private final PublicTally tally;

	/** The category catalogue once read ({@link #categories()}); null before. */
	private volatile List<String> categories;

	ComplaintIntake(ComplaintRepository complaints, ComplaintStore store, Brands brands, Regions regions, Bureaus bureaus,
			StatutoryRules rules, BusinessNumbers numbers, JdbcClient jdbc, ComplaintRecords records, ComplaintSettings settings,
			AcceptanceRules acceptance, Clock clock, Secrets secrets, Attachments attachmentStore,
			ApplicationEventPublisher events, PublicTally tally) {
		this.tally = tally;
		this.events = events;
		this.attachmentStore = attachmentStore;
		this.complaints = complaints;
		this.store = store;
		this.brands = brands;
		this.regions = regions;
		this.bureaus = bureaus;
		this.rules = rules;
		this.numbers = numbers;
		this.jdbc = jdbc;
		this.records = records;
		this.settings = settings;
		this.acceptance = acceptance;
		this.clock = clock;
		this.secrets = secrets;
	}

	/**
	 * An Idempotency-Key as one caller sent it: the key names that caller's request only, so another caller's equal key
	 * is another request.
	 * @param caller who sent it: the signed-in account or the API token's owner (for example {@code user:42})
	 * @param value the header's value (at most 100 characters, no control characters)
	 */
	public record IdempotencyKey(String caller, String value) {
	}

	/**
	 * The complaint categories, in the order of the national notices (unmodifiable). Read once and remembered: the
	 * catalogue is written by migrations only, which run before the application serves, and nothing in the application
	 * changes it; the queue page's filter and every form showed it, one statement per view (issue 12, run 11).
	 */
	public List<String> categories() {
		List<String> known = categories;
		if (known == null) {
			known = List.copyOf(jdbc.sql("SELECT name FROM complaint_category ORDER BY position").query(String.class).list());
			categories = known;
		}
		return known;
	}

	/** The complaint reasons offered on the forms. */
	public List<String> reasons() {
		return jdbc.sql("SELECT name FROM complaint_reason ORDER BY position").query(String.class).list();
	}

	/**
	 * The reasons that belong to a category in the catalogue: its own reasons and the general ones (those without a
	 * category, such as 服务态度).
	 */
	public List<String> reasonsOf(String category) {
		return jdbc.sql("SELECT name FROM complaint_reason WHERE category = :category OR category IS NULL ORDER BY position")
			.param("category", category)
			.query(String.class)
			.list();
	}

	/**
	 * Files a complaint. With an idempotency key (other channels' systems), a second call by the same caller with the
	 * same key and the same request returns the first filing as it was answered — its number, query code and
	 * suspected duplicate (the query code kept encrypted with the key for this; the complaint holds only its hash) —
	 * also when the two calls run at once.
	 * @throws InvalidValueException as {@link #file(ComplaintForm, List, Channel, IdempotencyKey, boolean)}
	 * @throws DomainException {@link ErrorCode#RULE_VIOLATION} (422) when the caller used the key before for a
	 * different request
	 */
	@Transactional
	public Filed file(ComplaintForm form, Channel channel, IdempotencyKey idempotencyKey, boolean demo) {
		return file(form, List.of(), channel, idempotencyKey, demo);
	}

	/**
	 * Files a complaint with up to the configured number of images or PDFs, each checked by content and size.
	 * @throws InvalidValueException field {@code Idempotency-Key} when the key is longer than 100 characters or holds a
	 * control character; {@code attachments} (count, type, size); the form's fields as {@code check} names them; and
	 * every acceptance condition refused at filing ({@code priorComplaint} precondition, {@code postedOn} time-barred)
	 * @throws DomainException {@link ErrorCode#RULE_VIOLATION} (422, field {@code Idempotency-Key}) when the caller used
	 * the key before for a different request
	 */
	@Transactional
	public Filed file(ComplaintForm form, List<UploadedFile> attachments, Channel channel, IdempotencyKey idempotency,
			boolean demo) {
		return file(form, attachments, null, List.of(), channel, idempotency, null, null, demo, null);
	}

	/**
	 * Files a complaint a staff member enters (the staff API): through a staff channel — never 网上申诉 ({@link
	 * Channel#WEB}), the public portal's own — and for a place within the caller's region, so it sits in the queue of a
	 * bureau the caller belongs to.
	 * @throws InvalidValueException as {@link #file(ComplaintForm, List, Channel, IdempotencyKey, boolean)}, and
	 * {@code channel} (rule {@code staff-channel})
	 * @throws org.youguan.kernel.DomainException not found (404, before any field) for a {@code region} outside the
	 * caller's ({@link DataScope#refusePlace})
	 */
	@Transactional
	public Filed fileByStaff(DataScope scope, ComplaintForm form, Channel channel, IdempotencyKey idempotency) {
		return file(form, List.of(), null, List.of(), channel, idempotency, requireScope(scope), null, false, null);
	}

	/**
	 * Files a complaint form sent with its evidence (the public form, or with {@code staff} the staff entry form), as
	 * one step under the form's lock: the form's draft token is taken first (a transaction lock on its key), so of the
	 * submits of one form sent at once (a double click, a resent request) the first files the complaint and stores the
	 * files, and each later one, once it has the lock, finds that form filed with the same values and answers the first
	 * receipt — storing no file again. The files sent are held for the draft and become the evidence of the complaint
	 * filed; when the form is refused nothing is kept (the caller holds the files again with {@link #hold} to list them
	 * on the form shown again).
	 * @param staff the staff member's scope (channel and region checked as {@link #fileByStaff}), or null for the public
	 * @throws InvalidValueException every problem of the form, the acceptance conditions and the files at once
	 */
	@Transactional
	public Filed submit(ComplaintForm form, List<UploadedFile> files, AttachmentDraft draft, Channel channel,
			DataScope staff) {
		return submit(form, files, draft, channel, staff, null);
	}

	/**
	 * Submits a complaint form ({@link #submit(ComplaintForm, List, AttachmentDraft, Channel, DataScope)}) sent by the
	 * public from a client address: the public portal's limits apply ({@link #filePublic}).
	 * @param address the client's address as the web layer sees it, or null (staff, not limited)
	 * @throws DomainException 429 past the limit of complaints per phone or per address a day
	 */
	@Transactional
	public Filed submit(ComplaintForm form, List<UploadedFile> files, AttachmentDraft draft, Channel channel,
			DataScope staff, String address) {
		String key = formKey(draft);
		TransactionLocks.hold(jdbc, "complaint_form:" + key);
		FormSubmit submit = new FormSubmit(requestHash(form, files, channel), attachmentStore.held(draft).isEmpty(),
				sha256(String.valueOf(draft.holder())));
		Optional<Filed> resent = claimedBy(FORM_CALLER, key).filter(submit::repeats).map(this::receipt);
		if (resent.isPresent()) {
			return resent.get();
		}
		Holding holding = hold(draft, files);
		return file(form, holding.notHeld(), draft, holding.errors(), channel, new IdempotencyKey(FORM_CALLER, key),
				staff, submit, false, staff == null ? address : null);
	}

	/**
	 * Files a complaint sent to the public API ({@code POST /api/v1/public/complaints}) from a client address, under the
	 * public portal's limits (rule catalogue, the value of the complaint's county): at most
	 * {@code complaint.filings-per-phone} complaints a day (China time) with one filer phone, and at most
	 * {@code complaint.filings-per-address} from one client address — an anonymous form has no account to hold to
	 * account, and a flood of filings, in the filer's own name or another's phone, would bury the bureau's queue. Only
	 * filings accepted count; a refused form counts nothing. Staff entry is not limited.
	 * @param address the client's address as the web layer sees it
	 * @throws InvalidValueException as {@link #file(ComplaintForm, List, Channel, IdempotencyKey, boolean)}
	 * @throws DomainException 429 ({@link ErrorCode#TOO_MANY_REQUESTS}) naming {@code phone} (rule {@code daily-limit})
	 * or the request (rule {@code daily-limit}) past a limit
	 */
	@Transactional
	public Filed filePublic(ComplaintForm form, String address) {
		return file(form, List.of(), null, List.of(), Channel.WEB, null, null, null, false, address);
	}

	/**
	 * One submit of a complaint form, as its earlier submits are told from it: the hash of its values and the files sent
	 * with it ({@link #requestHash}), whether its holder holds no files for the form now, and (SHA-256) who that holder
	 * is. Not the held files themselves: the first submit takes them, so a double click's second submit — once the
	 * first has filed — finds none held, and would otherwise be another request filing a second complaint.
	 */
	private record FormSubmit(String requestHash, boolean holdsNothing, String holder) {

		/** Who held files for the form, as the claim keeps it: null when nothing was held. */
		String heldBy() {
			return holdsNothing ? null : holder;
		}

		/**
		 * Whether this submit repeats {@code e}, which filed a complaint: the same values and files sent, nothing held now,
		 * and — when {@code e} filed files held for the form — by the same holder (another visitor who learned the token
		 * does not get that receipt; one whose files are still held files them with a complaint of their own).
		 */
		boolean repeats(Earlier e) {
			return e.complaintId() != null && e.requestHash().equals(requestHash) && holdsNothing
					&& (e.heldBy() == null || e.heldBy().equals(holder));
		}
	}

	private static DataScope requireScope(DataScope scope) {
		if (scope == null) {
			throw new IllegalArgumentException("staff filing needs the caller's scope");
		}
		return scope;
	}

	/** The caller of a form's submits ({@link #formKey}): the key itself is the holder's and the form's own. */
	private static final String FORM_CALLER = "form";

	/**
	 * The key of one form's submits: a hash of the draft's module and token (a random 128-bit value the form was shown
	 * with), so a form sent twice (a double click, a resent request) files one complaint and answers the first receipt
	 * again, as an API call retried with its Idempotency-Key does. Not the holder: a first-time visitor's double click
	 * sends both submits before the first answer gives the visitor a session, so each would have a holder of its own.
	 * Only the same token with the very same values answers the earlier receipt.
	 */
	private static String formKey(AttachmentDraft draft) {
		return sha256(draft.module() + '\u0000' + draft.token());
	}

	/**
	 * @param staff the scope of the staff member who enters the complaint (its channel and region checked), or null
	 * @param submit a form's submit as taken before its files were held ({@link #submit}), or null for an API call
	 * @param publicAddress the public filer's client address, whose limits apply ({@link #filePublic}); null: none
	 */
	private Filed file(ComplaintForm form, List<UploadedFile> attachments, AttachmentDraft draft,
			List<FieldError> fileErrors, Channel channel, IdempotencyKey idempotency, DataScope staff, FormSubmit submit,
			boolean demo, String publicAddress) {
		if (staff != null) {
			// access before fields: staff enter complaints of their own region; another region is not there (404) to them
			staff.refuseRegionOutside("region", form.region());
		}
		boolean formSubmit = idempotency != null && FORM_CALLER.equals(idempotency.caller());
		String idempotencyKey = idempotency == null ? null : idempotency.value();
		if (idempotencyKey != null && !formSubmit) {
			Text.requireClean(IDEMPOTENCY_KEY, "请求头“Idempotency-Key”", idempotencyKey);
			if (Text.strip(idempotencyKey).length() > MAX_IDEMPOTENCY_KEY) {
				throw new InvalidValueException(IDEMPOTENCY_KEY, "max-length",
						Wording.of("complaints.refusal.idempotencyKeyLength", String.valueOf(MAX_IDEMPOTENCY_KEY)),
						"请求头“Idempotency-Key”不能超过" + MAX_IDEMPOTENCY_KEY + "个字符（建议使用UUID）");
			}
		}
		List<FieldError> errors = new ArrayList<>(fileErrors);
		// the keys of the failures that carry one, so the form words each in the reader's language
		Map<FieldError, Wording> keyed = new HashMap<>();
		if (staff != null && channel == Channel.WEB) {
			errors.add(new FieldError("channel", "staff-channel",
					"工作人员登记的申诉渠道应为电话、信函、12345热线转办或系统对接（网上申诉由公众在门户自行提交）"));
		}
		List<Attachment> held = draft == null ? List.of() : attachmentStore.held(draft);
		if (errors.stream().noneMatch(e -> e.rule().equals("count"))
				&& held.size() + attachments.size() > settings.maxAttachments()) {
			errors.add(new FieldError("attachments", "count", "附件最多" + settings.maxAttachments() + "个"));
		}
		for (var a : attachments) {
			try {
				attachmentStore.check(a, "attachments", "附件", settings.maxAttachmentBytes());
			}
			catch (InvalidValueException ex) {
				errors.addAll(ex.fieldErrors());
				keyed.putAll(ex.wordings());
			}
		}
		if (!errors.isEmpty() && idempotencyKey != null && !formSubmit) {
			throw new InvalidValueException(errors, keyed);
		}
		String key = idempotencyKey == null || Text.isBlank(idempotencyKey) ? null : Text.strip(idempotencyKey);
		String requestHash = key == null ? null : submit != null ? submit.requestHash() : requestHash(form, attachments, channel);
		if (key != null && !claim(idempotency.caller(), key, requestHash, submit == null ? null : submit.heldBy())) {
			if (!formSubmit || submit == null) {
				return earlier(idempotency.caller(), key, requestHash);
			}
			Optional<Filed> resent = claimedBy(FORM_CALLER, key).filter(submit::repeats).map(this::receipt);
			if (resent.isPresent()) {
				return resent.get();
			}
			// the same form sent again with other values (back, edited, sent): a complaint of its own
			key = null;
		}
		LocalDate today = LocalDate.now(clock);
		Checked checked = null;
		try {
			checked = check(form, today, staff);
		}
		catch (InvalidValueException ex) {
			errors.addAll(0, ex.fieldErrors());
			keyed.putAll(ex.wordings());
		}
		if (!errors.isEmpty()) {
			if (!attachments.isEmpty() && draft != null) {
				errors.add(new FieldError("attachments", "not-held", "证据材料未能暂存，再次提交时请重新选择"));
			}
			throw new InvalidValueException(errors, keyed);
		}
		ComplaintForm clean = checked.form();
		FilerPhone phone = FilerPhone.of(secrets, clean.phone());
		refuseSentAgain(clean, phone);
		if (publicAddress != null) {
			withinPublicLimits(phone, publicAddress, clean.region().substring(0, 6), today);
		}
		// the waybill compared by its key (Text.identifierKey), so SF-7000-0001 is the SF70000001 complained of before
		String duplicateOf = clean.waybillNumber() == null ? null : jdbc.sql("SELECT number FROM complaint"
				+ " WHERE filer_phone_index = :phone AND " + Text.identifierKeySql("waybill_number") + " = :waybill"
				+ " AND category = :category AND received_on >= :since ORDER BY id LIMIT 1")
			.param("phone", phone.index())
			.param("waybill", Text.identifierKey(clean.waybillNumber()))
			.param("category", clean.category())
			.param("since", today.minusDays(90))
			.query(String.class)
			.optional()
			.orElse(null);
		byte[] descriptionKey = secrets.index(DESCRIPTION_KEY, textKey(clean.description()));
		byte[] filedFrom = publicAddress == null ? null : secrets.index(FILED_FROM_KEY, publicAddress);
		boolean sameText = false;
		if (duplicateOf == null) {
			duplicateOf = sameText(checked.brandId(), descriptionKey, staff != null, filedFrom, clean.waybillNumber(), today);
			sameText = duplicateOf != null;
		}
		String county = clean.region().substring(0, 6);
		String number = numbers.next(NUMBER_TYPE, county, today.getYear());
		String queryCode = QueryCodes.generate();
		Complaint c = store.save(Complaint.receive(number, QueryCodes.hash(queryCode), channel, key, clean, phone,
				checked.brandId(), checked.brandName(), duplicateOf, clock.instant(), today,
				rules.deadline(StatutoryRule.COMPLAINT_TRANSFER, today, county),
				rules.deadline(StatutoryRule.COMPLAINT_ANSWER_LIMIT, today, county), demo));
		jdbc.sql("UPDATE complaint SET description_key = :text, filed_from_index = :from WHERE id = :id")
			.param("text", descriptionKey).param("from", filedFrom).param("id", c.id()).update();
		if (draft != null) {
			attachmentStore.attach(draft, ComplaintAttachmentAccess.owner(c.id()));
		}
		for (UploadedFile a : attachments) {
			attachmentStore.store(ComplaintAttachmentAccess.owner(c.id()), ComplaintAttachmentAccess.EVIDENCE, a,
					"attachments", "附件", settings.maxAttachmentBytes());
		}
		if (key != null) {
			// the query code kept encrypted for a retry whose first answer was lost (the complaint holds its hash only)
			jdbc.sql("""
					UPDATE complaint_idempotency SET complaint_id = :id, query_code = :code
					WHERE caller = :caller AND idempotency_key = :key""")
				.param("id", c.id())
				.param("code", secrets.encrypt(queryCode, IDEMPOTENT_QUERY_CODE))
				.param("caller", idempotency.caller())
				.param("key", key)
				.update();
		}
		records.history(c, "已收到您的申诉（" + channel.label() + "），申诉编号" + number + "。邮政管理部门将在规定时限内审查是否受理。");
		records.auditByFiler(c, "complaint.receive", "收到" + number + "（" + checked.brandName() + "，"
				+ clean.category() + "）" + (duplicateOf == null ? "" : "，疑似与" + duplicateOf + "重复"), null);
		if (!demo) {
			events.publishEvent(new ComplaintReceived(c.id(), number, c.regionCode(), checked.brandName(), clean.category(),
					c.transferDue()));
		}
		return new Filed(c.id(), number, queryCode, duplicateOf, sameText);
	}

	/**
	 * The public portal's daily limits ({@link #filePublic}): refused with 429 when the phone from this client address,
	 * or the address, already filed the rule's number of complaints today (China time); otherwise this filing is
	 * counted against both, in the filing's transaction (a filing refused later counts nothing), under the phone's and
	 * the address's locks held until it ends, so parallel filings cannot all pass the count. The limits are the
	 * county's filed to (its override, else the city's, province's or national value).
	 *
	 * <p>The phone is counted per client address ({@link #phoneTallyKey}): the portal does not verify that the filer
	 * owns the number typed (no message is sent to it), so filings typed elsewhere with someone else's number must not
	 * use up the owner's allowance for the day; each address is held to its own limit besides.
	 */
	/**
	 * Refuses a complaint that repeats one filed moments ago: the same filer phone (by its index), the same waybill number
	 * (by its key, {@link Text#identifierKey}; none on both) and the same account ({@code description}) within
	 * {@link ComplaintSettings#resubmitMinutes} — the same form sent twice by a client that drops the form's token, two
	 * API calls without an Idempotency-Key, the same call entered twice by staff. Checked under a transaction lock on that
	 * triple, so two such submits sent at once are taken one after the other and the second finds the first.
	 * @throws DomainException {@link ErrorCode#DUPLICATE} (409) on {@code description}, rule {@code resubmitted}
	 */
	private void refuseSentAgain(ComplaintForm clean, FilerPhone phone) {
		String waybill = clean.waybillNumber() == null ? "" : Text.identifierKey(clean.waybillNumber());
		TransactionLocks.hold(jdbc, "complaint_same:" + sha256(HexFormat.of().formatHex(phone.index()) + '\u0000' + waybill
				+ '\u0000' + clean.description()));
		boolean filed = jdbc.sql("SELECT EXISTS (SELECT 1 FROM complaint WHERE filer_phone_index = :phone"
				+ " AND coalesce(" + Text.identifierKeySql("waybill_number") + ", '') = :waybill"
				+ " AND description = :description AND received_at >= :since)")
			.param("phone", phone.index())
			.param("waybill", waybill)
			.param("description", clean.description())
			.param("since", java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofMinutes(settings.resubmitMinutes()))))
			.query(Boolean.class)
			.single();
		if (filed) {
			String message = "同一手机号、运单号和申诉内容的申诉已在" + settings.resubmitMinutes()
					+ "分钟内提交，请勿重复提交；请凭首次提交后获得的申诉编号和查询码查询进度";
			throw new DomainException(ErrorCode.DUPLICATE, message, List.of(new FieldError("description", "resubmitted", message)));
		}
	}

	/** The domain of the keyed hash of a complaint's normalised description ({@link #textKey}). */
	static final String DESCRIPTION_KEY = "complaint-description";

	/** The domain of the keyed hash of a public filing's client address. */
	static final String FILED_FROM_KEY = "complaint-filed-from";

	/**
	 * A description as the duplicate check compares it: compatibility forms folded (full width as ASCII), lower case,
	 * only letters and digits kept — "快件丢失， 至今未赔！" and "快件丢失至今未赔" are one text.
	 */
	static String textKey(String description) {
		String folded = Normalizer.normalize(description == null ? "" : description, Normalizer.Form.NFKC)
			.toLowerCase(Locale.ROOT);
		StringBuilder key = new StringBuilder();
		folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
		return key.toString();
	}

	/**
	 * The earliest complaint received today against the same brand with the same description (by {@link #textKey}):
	 * for a public filing, one from the same client address or naming the same waybill — whatever phone number each gave
	 * (attack 3: 20 identical texts from one address with a new phone number each were none marked); for a complaint
	 * staff enter (the staff form {@code /complaints/new} and the staff API) any one, whatever its address or waybill
	 * (attack 4-10: the same letter typed in twice with another waybill was never marked, staff entry having no client
	 * address) — staff enter the complaints of many filers from one office, so the address says nothing there; for
	 * another filing without a client address, one naming the same waybill. Null when none. Marked as a likely duplicate
	 * for the bureau to judge, never refused: another user may truly have met the same fault.
	 * @param staffEntry whether staff enter the complaint
	 * @param filedFrom the keyed hash of a public filing's client address; null for another channel
	 */
	private String sameText(long brandId, byte[] descriptionKey, boolean staffEntry, byte[] filedFrom, String waybill,
			LocalDate today) {
		if (!staffEntry && filedFrom == null && waybill == null) {
			return null;
		}
		String alike = staffEntry ? "" : " AND (filed_from_index = :from"
				+ (waybill == null ? "" : " OR " + Text.identifierKeySql("waybill_number") + " = :waybill") + ")";
		return jdbc.sql("SELECT number FROM complaint WHERE received_on = :today AND brand_id = :brand"
				+ " AND description_key = :text" + alike + " ORDER BY id LIMIT 1")
			.param("today", today).param("brand", brandId).param("text", descriptionKey)
			.param("from", filedFrom == null ? new byte[0] : filedFrom)
			.param("waybill", waybill == null ? "" : Text.identifierKey(waybill))
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * A complaint filed through the public portal, counted ({@link PublicTally}) by a keyed hash (hex) of the filer
	 * phone's index and the client address, never the number: the phone is not verified, so it is counted per address it
	 * is typed from. Also the purpose of that keyed hash ({@code Secrets#index}): kept as it was, so counts carry over.
	 */
	static final String FILED_BY_PHONE = "filed-phone";

	/** A complaint filed through the public portal, counted by client address. */
	static final String FILED_FROM = "filed-address";

	private void withinPublicLimits(FilerPhone phone, String address, String county, LocalDate today) {
		Instant since = today.atStartOfDay(ChinaTime.ZONE).toInstant();
		String phoneKey = phoneTallyKey(phone, address);
		// counted and added under the keys' locks until this filing commits: parallel filings pass one by one
		tally.lock(FILED_BY_PHONE, phoneKey);
		tally.lock(FILED_FROM, address);
		int perPhone = rules.intValue(StatutoryRule.COMPLAINT_FILINGS_PER_PHONE, county);
		// the day's limits free at the next midnight, China time: Retry-After says so
		Duration untilTomorrow = Duration.between(clock.instant(), today.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant());
		if (tally.since(FILED_BY_PHONE, phoneKey, since) >= perPhone) {
			String message = "您所在的网络今天以该电话号码已提交" + perPhone + "件申诉，已达每日上限，请明天再提交；同一问题已提交的，请凭查询码查询进度";
			throw new LimitReachedException(Wording.of("complaint.refusal.dailyLimitPhone", perPhone), message,
					List.of(new FieldError("phone", "daily-limit", message)), untilTomorrow);
		}
		int perAddress = rules.intValue(StatutoryRule.COMPLAINT_FILINGS_PER_ADDRESS, county);
		if (tally.since(FILED_FROM, address, since) >= perAddress) {
			String message = "今天从您所在的网络已提交" + perAddress + "件申诉，已达每日上限，请明天再提交，或拨打12305申诉";
			throw new LimitReachedException(Wording.of("complaint.refusal.dailyLimitAddress", perAddress), message,
					List.of(new FieldError("request", "daily-limit", message)), untilTomorrow);
		}
		tally.add(FILED_BY_PHONE, phoneKey);
		tally.add(FILED_FROM, address);
	}

	/**
	 * The key a public filing's phone is counted under: a keyed hash ({@code Secrets#index}, never the number) of the
	 * phone's index and the client address — the phone as typed from that address, so a number typed by others from
	 * other addresses counts against them, not against its owner.
	 */
	private String phoneTallyKey(FilerPhone phone, String address) {
		return HexFormat.of().formatHex(secrets.index(FILED_BY_PHONE,
				HexFormat.of().formatHex(phone.index()) + "@" + address));
	}

	/**
	 * Claims the caller's key for this request. A concurrent call with the same key waits on the row until the first
	 * call's transaction ends: when it committed, the claim fails and {@link #earlier} answers its result; when it
	 * rolled back, the claim succeeds. So two calls never both file, and neither fails on the unique key.
	 */
	private boolean claim(String caller, String key, String requestHash, String heldBy) {
		return jdbc.sql("""
				INSERT INTO complaint_idempotency (caller, idempotency_key, request_hash, held_by, created_at)
				VALUES (:caller, :key, :hash, :heldBy, :at) ON CONFLICT (caller, idempotency_key) DO NOTHING""")
			.param("caller", caller)
			.param("key", key)
			.param("hash", requestHash)
			.param("heldBy", heldBy)
			.param("at", Timestamp.from(clock.instant()))
			.update() == 1;
	}

	private record Earlier(String requestHash, Long complaintId, String number, byte[] queryCode, String duplicateOf,
			String heldBy) {
	}

	/** What the caller's key claimed first, if it claimed anything ({@link #claimed}). */
	private Optional<Earlier> claimedBy(String caller, String key) {
		return jdbc.sql("""
				SELECT i.request_hash, i.complaint_id, c.number, i.query_code, c.duplicate_of, i.held_by
				FROM complaint_idempotency i
				LEFT JOIN complaint c ON c.id = i.complaint_id WHERE i.caller = :caller AND i.idempotency_key = :key""")
			.param("caller", caller)
			.param("key", key)
			.query(Rows.of(Earlier.class))
			.optional();
	}

	/** What the caller's key claimed first: the request's hash and the complaint it filed (null while none). */
	private Earlier claimed(String caller, String key) {
		return claimedBy(caller, key).orElseThrow();
	}

	/** The first answer to a complaint filed with this key and request ({@link Earlier}). */
	private Filed receipt(Earlier e) {
		return new Filed(e.complaintId(), e.number(),
				e.queryCode() == null ? null : secrets.decrypt(e.queryCode(), IDEMPOTENT_QUERY_CODE), e.duplicateOf(),
				e.duplicateOf() != null && !sameCase(e.complaintId()));
	}

	/**
	 * Whether the complaint was marked a likely duplicate for the rule of {@link #file} — the complaint it duplicates
	 * gave the same phone, waybill and category — rather than for the same text ({@link #sameText}).
	 */
	private boolean sameCase(long id) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM complaint c JOIN complaint d ON d.number = c.duplicate_of"
				+ " WHERE c.id = :id AND d.filer_phone_index = c.filer_phone_index AND d.category = c.category AND "
				+ Text.identifierKeySql("d.waybill_number") + " = " + Text.identifierKeySql("c.waybill_number") + ")")
			.param("id", id).query(Boolean.class).single();
	}

	private Filed earlier(String caller, String key, String requestHash) {
		Earlier e = claimed(caller, key);
		if (!e.requestHash().equals(requestHash) || e.complaintId() == null) {
			// the other complaint's number known or not: the sentence's key and its Chinese text chosen together
			Wording wording = Wording.of("complaints.refusal.idempotencyKeyReused", key);
			String other = "";
			if (e.number() != null) {
				wording = Wording.of("complaints.refusal.idempotencyKeyReused.numbered", key, e.number());
				other = "（编号" + e.number() + "）";
			}
			throw new DomainException(ErrorCode.RULE_VIOLATION, wording,
					"请求头“Idempotency-Key”（" + key + "）已用于另一份内容不同的申诉" + other
							+ "，同一键只能重试同一请求；新的申诉请使用新的Idempotency-Key",
					List.of(new FieldError(IDEMPOTENCY_KEY, "reused",
							"请求头“Idempotency-Key”已用于内容不同的请求，新的申诉请使用新的键")));
		}
		return receipt(e);
	}

	/**
	 * SHA-256 of the request as filed (form, channel, the names and sizes of the files sent with it), to tell a retry
	 * from reuse. The files held for a form are not counted (its first submit takes them): who held them is
	 * {@link FormSubmit}'s to compare.
	 */
	private static String requestHash(ComplaintForm form, List<UploadedFile> attachments, Channel channel) {
		StringBuilder s = new StringBuilder(channel.name()).append('\u0000').append(form);
		for (UploadedFile a : attachments) {
			s.append('\u0000').append(a.fileName()).append('\u0000').append(a.content().length);
		}
		return sha256(s.toString());
	}

	/** SHA-256 of the text's UTF-8 bytes, in lower-case hex (64 characters). */
	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The holder prefix of the anonymous public's drafts (the rest is a random secret kept in the visitor's session). */
	public static final String PUBLIC_HOLDER = "public:";

	/** How many forms' worth of files one anonymous visitor may keep held at a time (tabs, reloaded forms). */
	static final int HELD_FORMS_PER_VISITOR = 4;

	/**
	 * The draft of a complaint form: its token (the hidden field {@code draft}; new when missing or malformed) and who
	 * holds it — a staff member's user name, or for the anonymous public {@link #PUBLIC_HOLDER} and a random secret kept
	 * in that visitor's session, so that another visitor who learns the token cannot see or take the files.
	 */
	public static AttachmentDraft draft(String token, String holder) {
		return AttachmentDraft.of(ComplaintAttachmentAccess.MODULE, ComplaintAttachmentAccess.OWNER_TYPE, token, holder);
	}

	/**
	 * What {@link #hold} did with a form's files.
	 * @param errors the refused files' problems (field {@code attachments}: type, size, count), for the submit to report
	 * @param notHeld files that were acceptable but could not be held (the public's hold is full); they go with the
	 * submit and are lost if it is refused
	 */
	public record Holding(List<FieldError> errors, List<UploadedFile> notHeld) {
	}

	/**
	 * Holds the evidence a complaint form posted for the form's draft, each file checked by content and size, so a form
	 * refused for another reason keeps it (issue 13 item 9). At most {@code youguan.complaints.max-attachments} per
	 * draft; an anonymous visitor at most {@value #HELD_FORMS_PER_VISITOR} times that across their drafts, and all
	 * anonymous visitors together at most {@code youguan.complaints.public-held-bytes}: files beyond those are not held
	 * but still go with the submit ({@link Holding#notHeld()}). Held files nobody submits are removed by the documents
	 * module's job after {@code youguan.attachments.provisional-ttl}.
	 */
	@Transactional
	public Holding hold(AttachmentDraft draft, List<UploadedFile> files) {
		List<FieldError> errors = new ArrayList<>();
		List<UploadedFile> notHeld = new ArrayList<>();
		if (files.isEmpty()) {
			return new Holding(errors, notHeld);
		}
		boolean anonymous = draft.holder().startsWith(PUBLIC_HOLDER);
		int count = attachmentStore.held(draft).size();
		long visitorFiles = anonymous ? attachmentStore
			.heldTotal(ComplaintAttachmentAccess.MODULE, ComplaintAttachmentAccess.OWNER_TYPE, draft.holder()).files() : 0;
		long publicBytes = anonymous ? attachmentStore
			.heldTotal(ComplaintAttachmentAccess.MODULE, ComplaintAttachmentAccess.OWNER_TYPE, PUBLIC_HOLDER).bytes() : 0;
		for (UploadedFile file : files) {
			if (count >= settings.maxAttachments()) {
				errors.add(new FieldError("attachments", "count", "附件最多" + settings.maxAttachments() + "个"));
				break;
			}
			if (anonymous && (visitorFiles >= (long) HELD_FORMS_PER_VISITOR * settings.maxAttachments()
					|| publicBytes + file.content().length > settings.publicHeldBytes())) {
				try {
					attachmentStore.check(file, "attachments", "附件", settings.maxAttachmentBytes());
					notHeld.add(file);
					count++;
				}
				catch (InvalidValueException ex) {
					errors.addAll(ex.fieldErrors());
				}
				continue;
			}
			try {
				attachmentStore.hold(draft, ComplaintAttachmentAccess.EVIDENCE, file, "attachments", "附件",
						settings.maxAttachmentBytes());
				count++;
				visitorFiles++;
				publicBytes += file.content().length;
			}
			catch (InvalidValueException ex) {
				errors.addAll(ex.fieldErrors());
			}
		}
		return new Holding(errors, notHeld);
	}

	/** The evidence held for a complaint form's draft (only its holder's), oldest first. */
	public List<Attachment> held(AttachmentDraft draft) {
		return attachmentStore.held(draft);
	}

	/** Lets go of one file held for a complaint form's draft (its "remove" button); another draft's file is left. */
	@Transactional
	public void release(AttachmentDraft draft, long attachmentId) {
		attachmentStore.release(draft, attachmentId);
	}

	private record Checked(ComplaintForm form, long brandId, String brandName) {
	}

	/** The form's rules and the preconditions told to the filer at once; every failing field is named. */
	private Checked check(ComplaintForm f, LocalDate today, DataScope staff) {
		Validation v = new Validation();
		v.name("filerName", "申诉人姓名", f.filerName(), 60).personName("filerName", "申诉人姓名", f.filerName());
		// the procedure calls the filer back; no message is sent by SMS, so any telephone reaches them
		Telephone phone = v.check("phone", () -> Telephone.of(f.phone(), "联系电话"));
		v.require("filerRole", f.filerRole() != null, "required", Wording.of("refusal.please.74"), "请选择申诉人身份（寄件人、收件人或受委托人）");
		RegionCode region = v.check("region", () -> regions.require("region", f.region()));
		if (region != null) {
			v.require("region", region.value().length() >= 6, "county-level", Wording.of("refusal.please.53"), "请选择到区县一级的所在地");
			v.require("region", bureaus.serves(region.value()), "served",
					Wording.of("complaints.refusal.regionNotServed"), "该地区的邮政管理部门尚未通过本平台受理申诉，请拨打12305或向当地邮政管理局提出");
			// staff enter complaints for their own region: another county's would sit in that bureau's queue unasked —
			// not there (404), whatever the other fields hold
			if (staff != null) {
				staff.refusePlace("region", region.value());
			}
		}
		Brands.BrandView brand = f.brand() == null || Text.isBlank(f.brand()) ? null : brands.findByShortName(Text.strip(f.brand())).orElse(null);
		v.require("brand", brand != null, "respondent", f.brand() == null || Text.isBlank(f.brand())
				? Wording.of("complaints.refusal.brandRequired") : Wording.of("complaints.refusal.brandUnknown", Text.strip(f.brand())),
				f.brand() == null || Text.isBlank(f.brand())
				? "请填写被申诉企业品牌（没有明确的被申诉人不能受理）" : "没有该品牌：" + Text.strip(f.brand()));
		v.maxLength("enterprise", "被申诉企业或网点", f.enterprise(), 200).name("enterprise", "被申诉企业或网点", f.enterprise())
			.words("enterprise", "被申诉企业或网点", f.enterprise())
			.noPersonalNumber("enterprise", "被申诉企业或网点", f.enterprise());
		v.maxLength("waybillNumber", "运单号", f.waybillNumber(), WaybillNumber.MAX_LENGTH)
			.waybillNumber("waybillNumber", "运单号", f.waybillNumber());
		v.require("postedOn", f.postedOn() != null, "required", Wording.of("refusal.please.6"), "请填写交寄日期");
		v.within("postedOn", "交寄日期", f.postedOn(), Validation.EARLIEST_RECORD, Validation.LATEST_RECORD);
		v.within("priorComplaint.date", "向企业投诉的日期", f.priorComplaintDate(), Validation.EARLIEST_RECORD,
				Validation.LATEST_RECORD);
		v.require("postedOn", f.postedOn() == null || !f.postedOn().isAfter(today), "not-future", Wording.of("complaints.refusal.postedOnFuture"), "交寄日期不能晚于今天");
		v.require("priorComplaint.date", f.priorComplaintDate() != null, "required",
				Wording.of("refusal.please.13"), "请填写向企业投诉的日期（申诉前应先向企业投诉）");
		v.require("priorComplaint.date", f.priorComplaintDate() == null || !f.priorComplaintDate().isAfter(today),
				"not-future", Wording.of("complaints.refusal.priorComplaintFuture"), "向企业投诉的日期不能晚于今天");
		v.require("priorComplaint.date", f.priorComplaintDate() == null || f.postedOn() == null
				|| !f.priorComplaintDate().isBefore(f.postedOn()), "after-posting", Wording.of("complaints.refusal.priorComplaintBeforePosting"), "向企业投诉的日期不能早于交寄日期");
		v.required("priorComplaint.channel", "向企业投诉的渠道", f.priorChannel())
			.line("priorComplaint.channel", "向企业投诉的渠道", f.priorChannel(), 20)
			// a channel names how (电话、APP、网点), never whose number: it is shown to the enterprise and leaders as typed
			.noPersonalNumber("priorComplaint.channel", "向企业投诉的渠道", f.priorChannel());
		v.maxLength("priorComplaint.companyAnswer", "企业的答复", f.companyAnswer(), 500);
		List<String> categories = categories();
		v.require("category", f.category() != null && categories.contains(f.category()), "dictionary",
				Wording.of("complaints.refusal.categoryChoose", String.join("、", categories)),
				"请选择申诉类别（" + String.join("、", categories) + "）");
		v.require("reason", f.reason() != null && reasons().contains(f.reason()), "dictionary", Wording.of("refusal.please.75"), "请选择申诉原因");
		List<String> fitting = f.category() == null ? List.of() : reasonsOf(f.category());
		v.require("reason", f.reason() == null || !reasons().contains(f.reason()) || !categories.contains(f.category())
				|| fitting.contains(f.reason()), "category",
				Wording.of("complaints.refusal.reasonOutsideCategory", f.reason(), f.category(), String.join("、", fitting)),
				"申诉原因“" + f.reason() + "”不属于申诉类别“" + f.category() + "”（可选：" + String.join("、", fitting) + "）");
		v.money("amountClaimed", "索赔金额", f.amountClaimed());
		v.require("amountClaimed", f.amountClaimed() == null || f.amountClaimed().signum() >= 0
				&& f.amountClaimed().compareTo(MAX_AMOUNT) < 0, "range", Wording.of("complaints.refusal.amountClaimedRange"), "索赔金额应为0至1亿元");
		// the filer's own account, kept as typed (escaped where shown): its markup is not refused (Validation.ownWords)
		v.required("description", "申诉内容", f.description()).ownWords("description", "申诉内容", f.description(), 2000);
		v.throwIfInvalid();
		boolean answered = f.companyAnswer() != null && !Text.isBlank(f.companyAnswer());
		acceptance.requireFileable(new AcceptanceRule.Facts(today, f.postedOn(), f.priorComplaintDate(), answered, null),
				region.value().substring(0, 6));
		return new Checked(new ComplaintForm(Text.name(f.filerName()), phone.value(), f.filerRole(), region.value(),
				brand.shortName(), blank(Text.name(f.enterprise())), waybill(f.waybillNumber()), f.postedOn(), f.priorComplaintDate(),
				Text.line(f.priorChannel()), text(f.companyAnswer()), f.category(), f.reason(), f.amountClaimed(),
				Text.freeText(f.description())), brand.id(), brand.shortName());
	}

	/**
	 * A waybill number as it is stored and compared for the duplicate rule ({@link #file}, 重复申诉) and searched for:
	 * written as {@link Text#identifier} writes a typed identifier (full-width digits and letters as ASCII, spaces around
	 * it dropped; an invisible character inside is refused before, {@link Validation#identifier}), without the spaces
	 * inside (a waybill number holds none: "SF 7000 0001", retyped in groups from a label, is SF70000001) and upper-cased, as
	 * express waybill numbers do not tell letter case apart ("sf1234" is "SF1234", as the parcel records keep them).
	 * @param typed the number as typed; null or blank gives null
	 */
	public static String waybill(String typed) {
		String n = Text.identifier(typed);
		return n == null ? null : n.replace(" ", "").toUpperCase(Locale.ROOT);
	}

	static String blank(String s) {
		return s == null || Text.isBlank(s) ? null : Text.strip(s);
	}

	/**
	 * A free text of the procedure (an answer, a note, a reason) as stored: {@link Text#freeText} — no zero-width or
	 * bidirectional characters inside, which would hide words from a search or reorder what staff read —, null when
	 * blank.
	 */
	static String text(String s) {
		return s == null || Text.isBlank(s) ? null : Text.freeText(s);
	}
}
