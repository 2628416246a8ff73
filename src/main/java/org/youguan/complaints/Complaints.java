package org.youguan.complaints;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.Attachment;
import org.youguan.documents.AttachmentOwner;
import org.youguan.documents.Attachments;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Telephone;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.WorkState;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.org.CurrentUser;
import org.youguan.org.Role;
import org.youguan.platform.Secrets;
import org.youguan.region.RegionCode;
import org.youguan.region.Regions;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.kernel.Rows;

/**
 * The complaint procedure. Filing checks the form and the preconditions the public can be told about at once (prior
 * complaint answered or older than the waiting period, within the filing window, a respondent named); every later step
 * is one transaction with an audit event and a line of public history, and sets the due date of the next step from
 * the rule catalogue.
 */
@Service
public class Complaints {

	/** What the filer receives: the number and the query code (shown once; only its hash is kept). */
	public record Filed(long id, String number, String queryCode, String duplicateOf) {
	}

	/** What anyone with the number and the query code sees: no personal data. */
	public record PublicStatus(String number, String status, LocalDate receivedOn, LocalDate answerDue, String brand,
			List<PublicEvent> history) {
	}

	public record PublicEvent(Instant occurredAt, String status, String text) {
	}

	/**
	 * Queue filters. {@code state}: {@link WorkState#OPEN} — the procedure is running; {@link WorkState#DONE} — closed,
	 * not accepted or withdrawn; {@link WorkState#ALL} (or null) — any. {@code awaitingReply}: with the enterprise
	 * (transferred, or returned to it for redoing).
	 */
	public record Filter(ComplaintStatus status, Boolean overdue, String category, WorkState state, boolean awaitingReply) {

		public static final Filter NONE = new Filter(null, null, null);

		public Filter(ComplaintStatus status, Boolean overdue, String category) {
			this(status, overdue, category, WorkState.ALL, false);
		}
	}

	/** A complaint's evidence files, for a caller who may see the complaint (404 otherwise). */
	public List<Attachment> attachments(DataScope scope, long id) {
		get(scope, id);
		return attachmentStore.list(new AttachmentOwner(MODULE, OWNER_TYPE, id));
	}

	/** What the system can tell the handler before acceptance. */
	public record Assessment(AcceptanceCondition condition, String finding) {
	}

	static final Set<String> SORTS = Set.of("received_on", "step_due", "number", "region_code");

	static final String NUMBER_TYPE = "申诉";

	/** The request header other channels' systems name a filing with; its column holds 100 characters. */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final int MAX_IDEMPOTENCY_KEY = 100;

	/** Amounts (claimed, compensated, recovered) are below 100 million yuan; their columns hold numeric(12, 2). */
	static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(100_000_000);

	private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ComplaintRepository complaints;

	private final Brands brands;

	private final Enterprises enterprises;

	private final Regions regions;

	private final StatutoryRules rules;

	private final WorkingCalendar calendar;

	private final BusinessNumbers numbers;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final ComplaintSettings settings;

	private final Clock clock;

	private final Secrets secrets;

	private final Attachments attachmentStore;

	/** The owning module and owner type of a complaint's evidence files (see {@link ComplaintAttachmentAccess}). */
	static final String MODULE = "complaints";

	static final String OWNER_TYPE = "complaint";

	/** The kind of every file a complaint carries. */
	static final String EVIDENCE = "EVIDENCE";

	Complaints(ComplaintRepository complaints, Brands brands, Enterprises enterprises, Regions regions,
			StatutoryRules rules, WorkingCalendar calendar, BusinessNumbers numbers, JdbcClient jdbc, AuditTrail audit,
			org.springframework.context.ApplicationEventPublisher events, ComplaintSettings settings, Clock clock,
			Secrets secrets, Attachments attachmentStore) {
		this.attachmentStore = attachmentStore;
		this.events = events;
		this.secrets = secrets;
		this.settings = settings;
		this.complaints = complaints;
		this.brands = brands;
		this.enterprises = enterprises;
		this.regions = regions;
		this.rules = rules;
		this.calendar = calendar;
		this.numbers = numbers;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public List<String> categories() {
		return jdbc.sql("SELECT name FROM complaint_category ORDER BY position").query(String.class).list();
	}

	public List<String> reasons() {
		return jdbc.sql("SELECT name FROM complaint_reason ORDER BY position").query(String.class).list();
	}

	/**
	 * Files a complaint. With an idempotency key (other channels' systems), a second call with the same key returns the
	 * first filing (without its query code, which is not kept).
	 */
	@Transactional
	public Filed file(ComplaintForm form, Channel channel, String idempotencyKey, boolean demo) {
		return file(form, List.of(), channel, idempotencyKey, demo);
	}

	/**
	 * Files a complaint with up to the configured number of images or PDFs, each checked by content and size.
	 * @throws InvalidValueException field {@code Idempotency-Key} when the key is longer than 100 characters or holds a
	 * control character; the form's fields as {@code check} names them
	 */
	@Transactional
	public Filed file(ComplaintForm form, List<UploadedFile> attachments, Channel channel,
			String idempotencyKey, boolean demo) {
		if (idempotencyKey != null) {
			Text.requireClean(IDEMPOTENCY_KEY, "请求头“Idempotency-Key”", idempotencyKey);
			if (idempotencyKey.strip().length() > MAX_IDEMPOTENCY_KEY) {
				throw new InvalidValueException(IDEMPOTENCY_KEY, "max-length",
						"请求头“Idempotency-Key”不能超过" + MAX_IDEMPOTENCY_KEY + "个字符（建议使用UUID）");
			}
		}
		if (attachments.size() > settings.maxAttachments()) {
			throw new InvalidValueException("attachments", "count", "附件最多" + settings.maxAttachments() + "个");
		}
		for (var a : attachments) {
			attachmentStore.check(a, "attachments", "附件", settings.maxAttachmentBytes());
		}
		if (idempotencyKey != null && !idempotencyKey.isBlank()) {
			Optional<Complaint> earlier = complaints.findByIdempotencyKey(idempotencyKey.strip());
			if (earlier.isPresent()) {
				return new Filed(earlier.get().id(), earlier.get().number(), null, null);
			}
		}
		LocalDate today = LocalDate.now(clock);
		Checked checked = check(form, today);
		ComplaintForm clean = checked.form();
		FilerPhone phone = FilerPhone.of(secrets, clean.phone());
		String duplicateOf = clean.waybillNumber() == null ? null : jdbc.sql("""
				SELECT number FROM complaint WHERE filer_phone_index = :phone AND waybill_number = :waybill
				AND category = :category AND received_on >= :since ORDER BY id LIMIT 1""")
			.param("phone", phone.index())
			.param("waybill", clean.waybillNumber())
			.param("category", clean.category())
			.param("since", today.minusDays(90))
			.query(String.class)
			.optional()
			.orElse(null);
		String county = clean.region().substring(0, 6);
		String number = numbers.next(NUMBER_TYPE, county, today.getYear());
		String queryCode = queryCode();
		Complaint c = complaints.save(Complaint.receive(number, hash(queryCode), channel,
				idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip(), clean, phone, checked.brandId(),
				checked.brandName(), duplicateOf, clock.instant(), today,
				rules.deadline(StatutoryRule.COMPLAINT_TRANSFER, today, county),
				rules.deadline(StatutoryRule.COMPLAINT_ANSWER_LIMIT, today, county), demo));
		for (UploadedFile a : attachments) {
			attachmentStore.store(new AttachmentOwner(MODULE, OWNER_TYPE, c.id()), EVIDENCE, a, "attachments", "附件",
					settings.maxAttachmentBytes());
		}
		event(c, "已收到您的申诉（" + channel.label() + "），申诉编号" + number + "。邮政管理部门将在规定时限内审查是否受理。");
		audit.recordForPublic(filerActor(c), AuditEntry.of("complaint.receive", "Complaint", c.id(), "收到申诉" + number
				+ "（" + checked.brandName() + "，" + clean.category() + "）"
				+ (duplicateOf == null ? "" : "，疑似与" + duplicateOf + "重复"))
			.states(null, c.snapshot())
			.inRegion(c.regionCode()));
		return new Filed(c.id(), number, queryCode, duplicateOf);
	}

	private record Checked(ComplaintForm form, long brandId, String brandName) {
	}

	/** The form's rules and the preconditions told to the filer at once; every failing field is named. */
	private Checked check(ComplaintForm f, LocalDate today) {
		Validation v = new Validation();
		v.required("filerName", "申诉人姓名", f.filerName()).maxLength("filerName", "申诉人姓名", f.filerName(), 60);
		// the procedure calls the filer back; no message is sent by SMS, so any telephone reaches them
		Telephone phone = v.check("phone", () -> Telephone.of(f.phone()));
		v.require("filerRole", f.filerRole() != null, "required", "请选择申诉人身份（寄件人、收件人或受委托人）");
		RegionCode region = v.check("region", () -> regions.require("region", f.region()));
		if (region != null) {
			v.require("region", region.value().length() >= 6, "county-level", "请选择到区县一级的所在地");
		}
		Brands.BrandView brand = f.brand() == null || f.brand().isBlank() ? null : brands.findByShortName(f.brand().strip()).orElse(null);
		v.require("brand", brand != null, "respondent", f.brand() == null || f.brand().isBlank()
				? "请填写被申诉的企业品牌（没有明确的被申诉人不能受理）" : "没有该品牌：" + f.brand().strip());
		v.maxLength("enterprise", "被申诉企业或网点", f.enterprise(), 200);
		v.maxLength("waybillNumber", "运单号", f.waybillNumber(), 40);
		v.require("postedOn", f.postedOn() != null, "required", "请填写交寄日期");
		v.within("postedOn", "交寄日期", f.postedOn(), Validation.EARLIEST_RECORD, Validation.LATEST_RECORD);
		v.within("priorComplaint.date", "向企业投诉的日期", f.priorComplaintDate(), Validation.EARLIEST_RECORD,
				Validation.LATEST_RECORD);
		v.require("postedOn", f.postedOn() == null || !f.postedOn().isAfter(today), "not-future", "交寄日期不能晚于今天");
		v.require("priorComplaint.date", f.priorComplaintDate() != null, "required",
				"请填写向企业投诉的日期（申诉前应先向企业投诉）");
		v.require("priorComplaint.date", f.priorComplaintDate() == null || !f.priorComplaintDate().isAfter(today),
				"not-future", "向企业投诉的日期不能晚于今天");
		v.require("priorComplaint.date", f.priorComplaintDate() == null || f.postedOn() == null
				|| !f.priorComplaintDate().isBefore(f.postedOn()), "after-posting", "向企业投诉的日期不能早于交寄日期");
		v.required("priorComplaint.channel", "向企业投诉的渠道", f.priorChannel())
			.maxLength("priorComplaint.channel", "向企业投诉的渠道", f.priorChannel(), 20);
		v.maxLength("priorComplaint.companyAnswer", "企业的答复", f.companyAnswer(), 500);
		v.require("category", f.category() != null && categories().contains(f.category()), "dictionary",
				"请选择申诉类别（" + String.join("、", categories()) + "）");
		v.require("reason", f.reason() != null && reasons().contains(f.reason()), "dictionary", "请选择申诉原因");
		v.require("amountClaimed", f.amountClaimed() == null || f.amountClaimed().signum() >= 0
				&& f.amountClaimed().compareTo(MAX_AMOUNT) < 0, "range", "索赔金额应为0至1亿元");
		v.required("description", "申诉内容", f.description()).maxLength("description", "申诉内容", f.description(), 2000);
		v.throwIfInvalid();
		String county = region.value().substring(0, 6);
		boolean answered = f.companyAnswer() != null && !f.companyAnswer().isBlank();
		LocalDate mayComplain = f.priorComplaintDate().plusDays(rules.intValue(StatutoryRule.COMPLAINT_PRIOR_COMPLAINT_WAIT, county));
		if (!answered && today.isBefore(mayComplain)) {
			throw new InvalidValueException("priorComplaint", "precondition",
					"向企业投诉后企业尚在答复期内（" + rules.intValue(StatutoryRule.COMPLAINT_PRIOR_COMPLAINT_WAIT, county)
							+ "日）：请等待企业答复；如企业到" + mayComplain + "仍未答复或您对答复不满意，可再提出申诉");
		}
		LocalDate barredAfter = rules.deadline(StatutoryRule.COMPLAINT_FILING_WINDOW, f.postedOn(), county);
		if (today.isAfter(barredAfter)) {
			throw new InvalidValueException("postedOn", "time-barred",
					"争议发生或交寄之日起已超过申诉时效（" + AcceptanceCondition.TIME_BARRED.label() + "），不能受理");
		}
		return new Checked(new ComplaintForm(f.filerName().strip(), phone.value(), f.filerRole(), region.value(),
				brand.shortName(), blank(f.enterprise()), blank(f.waybillNumber()), f.postedOn(), f.priorComplaintDate(),
				f.priorChannel().strip(), blank(f.companyAnswer()), f.category(), f.reason(), f.amountClaimed(),
				f.description().strip()), brand.id(), brand.shortName());
	}

	/**
	 * The public status: the number with its query code or the filer's phone, or not found (nothing tells which was
	 * wrong).
	 */
	public PublicStatus publicStatus(String number, String queryCodeOrPhone) {
		String secret = queryCodeOrPhone == null ? "" : queryCodeOrPhone.strip();
		Complaint c = complaints.findByNumber(number == null ? "" : number.strip())
			.filter(x -> !secret.isEmpty() && (MessageDigest.isEqual(x.queryCodeHash().getBytes(StandardCharsets.US_ASCII),
					hash(secret.toUpperCase()).getBytes(StandardCharsets.US_ASCII))
					|| MessageDigest.isEqual(x.filerPhoneIndex(), FilerPhone.index(secrets, secret))))
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "未找到该申诉，请核对申诉编号和查询码（或申诉时填写的电话号码）"));
		ComplaintView v = get(DataScope.all(), c.id());
		List<PublicEvent> history = jdbc.sql("""
				SELECT occurred_at, status, public_text FROM complaint_event WHERE complaint_id = :id ORDER BY occurred_at, id""")
			.param("id", c.id())
			.query((rs, i) -> new PublicEvent(rs.getTimestamp(1).toInstant(), ComplaintStatus.valueOf(rs.getString(2)).label(),
					rs.getString(3)))
			.list();
		return new PublicStatus(v.number(), v.status().label(), v.receivedOn(), v.answerDue(), v.brandName(), history);
	}

	/** Lists carry the filer's phone masked (filer_phone); a single complaint's page decrypts it (see {@link #get}). */
	private static final String SELECT = """
			SELECT c.*, c.filer_phone_masked AS filer_phone, r.name AS region_name, CAST(:today AS date) AS today,
			       CAST(:nextWorkingDay AS date) AS next_working_day
			FROM complaint c JOIN region_name r ON r.code = c.region_code""";

	public PageResult<ComplaintView> list(DataScope scope, Filter filter, PageQuery page) {
		Map<String, Object> params = new HashMap<>(scope.params());
		LocalDate today = LocalDate.now(clock);
		params.put("today", today);
		params.put("nextWorkingDay", calendar.plusWorkingDays(today, 1));
		StringBuilder where = new StringBuilder(" WHERE ").append(scope.enterprisePredicate("c.enterprise_credit_code", "c.region_code"));
		if (filter.status() != null) {
			where.append(" AND c.status = :status");
			params.put("status", filter.status().name());
		}
		if (Boolean.TRUE.equals(filter.overdue())) {
			where.append(" AND c.status NOT IN ('REJECTED','CLOSED','WITHDRAWN') AND (c.step_due < :today OR c.answer_due < :today)");
		}
		if (filter.state() == WorkState.OPEN) {
			where.append(" AND c.status NOT IN ('REJECTED','CLOSED','WITHDRAWN')");
		}
		else if (filter.state() == WorkState.DONE) {
			where.append(" AND c.status IN ('REJECTED','CLOSED','WITHDRAWN')");
		}
		if (filter.awaitingReply()) {
			where.append(" AND c.status IN ('TRANSFERRED','RETURNED')");
		}
		if (filter.category() != null && !filter.category().isBlank()) {
			where.append(" AND c.category = :category");
			params.put("category", filter.category());
		}
		if (!page.q().isEmpty()) {
			where.append(" AND (c.number = :exact OR c.waybill_number = :exact OR c.filer_phone_index = :phone "
					+ "OR c.enterprise_name LIKE :q ESCAPE '\\' OR c.description LIKE :q ESCAPE '\\')");
			params.put("exact", page.q());
			params.put("phone", FilerPhone.index(secrets, page.q()));
			params.put("q", page.likePattern());
		}
		long total = jdbc.sql("SELECT count(*) FROM complaint c" + where).params(params).query(Long.class).single();
		List<ComplaintView> items = jdbc
			.sql(SELECT + where + " ORDER BY c." + page.sortOr(SORTS, "received_on") + " " + page.direction()
					+ " NULLS LAST, c.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Rows.of(ComplaintView.class))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** One complaint within the caller's scope, with the filer's phone decrypted for the pages that show it. */
	public ComplaintView get(DataScope scope, long id) {
		LocalDate today = LocalDate.now(clock);
		var row = Rows.of(ComplaintView.class);
		return jdbc.sql(SELECT + " WHERE c.id = :id AND " + scope.enterprisePredicate("c.enterprise_credit_code", "c.region_code"))
			.params(scope.params())
			.param("id", id)
			.param("today", today)
			.param("nextWorkingDay", calendar.plusWorkingDays(today, 1))
			.query((rs, i) -> row.mapRow(rs, i).withFilerPhone(FilerPhone.reveal(secrets, rs.getBytes("filer_phone_cipher"))))
			.optional()
			.orElseThrow(() -> DomainException.notFound("申诉", id));
	}

	/** What the system finds against the acceptance conditions; the handler decides. */
	public List<Assessment> assess(DataScope scope, long id) {
		ComplaintView c = get(scope, id);
		List<Assessment> found = new java.util.ArrayList<>();
		String county = c.regionCode().substring(0, 6);
		if (c.priorAnswer() == null && c.receivedOn().isBefore(
				c.priorComplainedOn().plusDays(rules.intValue(StatutoryRule.COMPLAINT_PRIOR_COMPLAINT_WAIT, county)))) {
			found.add(new Assessment(AcceptanceCondition.NO_PRIOR_COMPLAINT, "向企业投诉于" + c.priorComplainedOn() + "，尚在企业答复期内"));
		}
		if (c.receivedOn().isAfter(rules.deadline(StatutoryRule.COMPLAINT_FILING_WINDOW, c.postedOn(), county))) {
			found.add(new Assessment(AcceptanceCondition.TIME_BARRED, "交寄日期" + c.postedOn() + "，已超过申诉时效"));
		}
		if (c.duplicateOf() != null) {
			found.add(new Assessment(AcceptanceCondition.DUPLICATE, "同一手机号、运单号和类别已有申诉" + c.duplicateOf()));
		}
		return found;
	}

	/** The enterprise the complaint goes to: the brand's enterprise nearest the place (county, city, province), else HQ. */
	public Optional<EnterpriseView> respondent(DataScope scope, long id) {
		ComplaintView c = get(scope, id);
		long brand = jdbc.sql("SELECT brand_id FROM complaint WHERE id = :id").param("id", id).query(Long.class).single();
		for (int length : new int[] { 6, 4, 2 }) {
			String prefix = c.regionCode().substring(0, Math.min(length, c.regionCode().length()));
			Optional<EnterpriseView> found = enterprises.list(DataScope.region(prefix),
					new Enterprises.Filter(null, brand, EnterpriseStatus.NORMAL), new PageQuery("", 0, 50, "region_code", false))
				.items()
				.stream()
				.findFirst();
			if (found.isPresent()) {
				return found;
			}
		}
		return brands.all().stream().filter(b -> b.id() == brand && b.hqEnterpriseId() != null).findFirst()
			.flatMap(b -> enterprises.find(DataScope.all(), b.hqEnterpriseId()));
	}

	/**
	 * 受理并转办: to the routed respondent, or to the enterprise the handler names by credit code. A transfer to an
	 * enterprise of another brand than the complaint's, or outside the transferring bureau's region, needs a reason
	 * ({@code reason}, ≤ 500 characters) and is flagged on the complaint and in the audit trail.
	 * @throws InvalidValueException naming {@code creditCode} (no such enterprise / no respondent found) or
	 * {@code reason} (missing where required)
	 */
	@Transactional
	public void acceptAndTransfer(DataScope scope, long id, String creditCode, String reason) {
		Complaint c = load(scope, id);
		EnterpriseView to = creditCode != null && !creditCode.isBlank()
				? enterprises.findByCreditCode(creditCode.strip().toUpperCase())
					.orElseThrow(() -> new InvalidValueException("creditCode", "exists", "没有该统一社会信用代码的企业"))
				: respondent(scope, id).orElseThrow(() -> new InvalidValueException("creditCode", "respondent",
						"未找到该品牌在本地或总部的企业，请填写被申诉企业的统一社会信用代码"));
		List<String> crossings = new java.util.ArrayList<>();
		if (to.brandId() == null || !to.brandId().equals(c.brandId())) {
			crossings.add("被申诉企业不属于申诉所涉品牌");
		}
		if (!scope.containsRegion(to.regionCode())) {
			crossings.add("被申诉企业在本局辖区以外（" + to.regionName() + "）");
		}
		String note = blank(reason);
		new Validation().require("reason", crossings.isEmpty() || note != null, "transfer-reason",
				String.join("，", crossings) + "，请填写转办理由").maxLength("reason", "转办理由", note, 500).throwIfInvalid();
		LocalDate today = LocalDate.now(clock);
		var before = c.snapshot();
		c.acceptAndTransfer(new Complaint.Respondent(to.id(), to.legalName(), to.creditCode()), today,
				rules.deadline(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, today, county(c)), note, !crossings.isEmpty());
		complaints.save(c);
		event(c, "申诉已受理，并转" + c.enterpriseName() + "处理。");
		audit(c, "complaint.transfer", "受理申诉" + c.number() + "并转" + to.legalName()
				+ (crossings.isEmpty() ? "" : "【" + String.join("，", crossings) + "；理由：" + note + "】"), before);
	}

	@Transactional
	public void reject(DataScope scope, long id, AcceptanceCondition condition, String reason) {
		new Validation().require("condition", condition != null, "required", "请选择不予受理的情形")
			.required("reason", "不予受理的理由", reason)
			.maxLength("reason", "不予受理的理由", reason, 500)
			.throwIfInvalid();
		Complaint c = load(scope, id);
		var before = c.snapshot();
		c.reject(condition, reason.strip());
		complaints.save(c);
		event(c, "经审查，不予受理：" + condition.label() + "。" + reason.strip());
		audit(c, "complaint.reject", "申诉" + c.number() + "不予受理：" + condition.label(), before);
	}

	/** The enterprise's reply (only the enterprise it was transferred to). */
	@Transactional
	public void reply(DataScope scope, long id, ComplaintReply reply) {
		Validation v = new Validation();
		v.required("findings", "调查核实情况", reply.findings()).maxLength("findings", "调查核实情况", reply.findings(), 2000);
		v.require("responsibility", reply.responsibility() != null, "required", "请选择责任认定");
		v.required("solution", "处理意见", reply.solution()).maxLength("solution", "处理意见", reply.solution(), 1000);
		v.require("compensation", reply.compensation() == null || reply.compensation().signum() >= 0, "non-negative",
				"赔偿金额不能为负数");
		v.require("compensation", reply.compensation() == null || reply.compensation().compareTo(MAX_AMOUNT) < 0, "range",
				"赔偿金额应小于1亿元");
		v.required("handler", "经办人", reply.handler()).maxLength("handler", "经办人", reply.handler(), 60);
		// an enterprise's handler is often at a customer-service line with an extension
		Telephone handlerPhone = v.check("handlerPhone", () -> Telephone.of(reply.handlerPhone()));
		v.throwIfInvalid();
		ComplaintReply clean = new ComplaintReply(reply.findings(), reply.responsibility(), reply.solution(),
				reply.compensation(), reply.apology(), reply.userAgrees(), reply.handler(), handlerPhone.value());
		Complaint c = load(scope, id);
		if (scope.kind() == DataScope.Kind.ENTERPRISE && !scope.enterpriseCreditCode().equals(c.enterpriseCreditCode())) {
			throw DomainException.notFound("申诉", id);
		}
		LocalDate today = LocalDate.now(clock);
		var before = c.snapshot();
		c.reply(clean, today, rules.deadline(StatutoryRule.COMPLAINT_CALLBACK, today, county(c)));
		complaints.save(c);
		event(c, "企业已答复，邮政管理部门将回访核实。");
		audit(c, "complaint.reply", c.enterpriseName() + "答复申诉" + c.number() + "（" + reply.responsibility().label() + "）"
				+ (c.replyLate() ? "，逾期答复" : ""), before);
	}

	@Transactional
	public void returnForRedo(DataScope scope, long id, String reason) {
		new Validation().required("reason", "退回理由", reason).maxLength("reason", "退回理由", reason, 500).throwIfInvalid();
		Complaint c = load(scope, id);
		var before = c.snapshot();
		c.returnForRedo(reason.strip(), rules.deadline(StatutoryRule.COMPLAINT_REDO, LocalDate.now(clock), county(c)));
		complaints.save(c);
		event(c, "企业答复不符合要求，已退回企业重新处理。");
		audit(c, "complaint.return", "退回申诉" + c.number() + "请企业重新处理：" + reason.strip(), before);
	}

	/** Records a call-back: reached (with satisfaction) or not (a retry no sooner than the rule's interval). */
	@Transactional
	public void callBack(DataScope scope, long id, boolean reached, Satisfaction satisfaction, Boolean solved) {
		if (reached) {
			new Validation().require("satisfaction", satisfaction != null, "required", "请选择用户满意度")
				.require("solved", solved != null, "required", "请选择问题是否解决")
				.throwIfInvalid();
		}
		Complaint c = load(scope, id);
		Instant now = clock.instant();
		var before = c.snapshot();
		if (reached) {
			c.callBack(satisfaction, solved, now);
		}
		else {
			Instant last = c.lastCallbackAt();
			Duration wait = Duration.ofHours(rules.intValue(StatutoryRule.COMPLAINT_CALLBACK_RETRY, county(c)));
			c.callBackFailed(now, last == null ? now : last.plus(wait));
		}
		complaints.save(c);
		event(c, reached ? "已回访。" : "回访未接通，将再次回访。");
		audit(c, "complaint.callback", "回访申诉" + c.number() + (reached ? "：" + satisfaction.label() : "：未接通"), before);
	}

	@Transactional
	public void close(DataScope scope, long id, BigDecimal compensationPaid, String note) {
		new Validation().require("compensationPaid", compensationPaid == null || compensationPaid.signum() >= 0,
				"non-negative", "挽回经济损失不能为负数")
			.require("compensationPaid", compensationPaid == null || compensationPaid.compareTo(MAX_AMOUNT) < 0, "range",
					"挽回经济损失应小于1亿元")
			.maxLength("note", "办结说明", note, 1000)
			.throwIfInvalid();
		Complaint c = load(scope, id);
		var before = c.snapshot();
		boolean valid = c.replyResponsibility() != null && c.replyResponsibility().valid();
		c.close(valid, compensationPaid != null ? compensationPaid : c.replyCompensation(), blank(note), LocalDate.now(clock));
		complaints.save(c);
		event(c, "申诉已办结。");
		audit(c, "complaint.close", "申诉" + c.number() + "办结" + (valid ? "（有效申诉）" : ""), before);
		events.publishEvent(new ComplaintClosed(c.id(), c.number(), c.regionCode(), c.enterpriseCreditCode(), valid,
				c.compensationPaid()));
	}

	/** Refers a closed complaint to enforcement as a lead (线索). */
	@Transactional
	public void refer(DataScope scope, long id, String note) {
		new Validation().required("note", "移送说明", note).maxLength("note", "移送说明", note, 500).throwIfInvalid();
		Complaint c = load(scope, id);
		var before = c.snapshot();
		c.refer(note.strip(), LocalDate.now(clock));
		complaints.save(c);
		audit(c, "complaint.refer", "申诉" + c.number() + "移送执法线索：" + note.strip(), before);
		events.publishEvent(new ComplaintReferred(c.id(), c.number(), c.regionCode(), c.enterpriseCreditCode(), c.category(),
				note.strip()));
	}

	/**
	 * Marks every reply now overdue as late (the enterprise is named among late repliers even before it replies);
	 * returns how many were marked. Run daily by {@link ComplaintClock}.
	 */
	@Transactional
	public int markOverdueReplies() {
		LocalDate today = LocalDate.now(clock);
		int marked = 0;
		for (Complaint c : complaints.findAwaitingReply(today)) {
			var before = c.snapshot();
			if (c.markReplyOverdue(today)) {
				complaints.save(c);
				audit(c, "complaint.reply-overdue", c.enterpriseName() + "逾期未答复申诉" + c.number(), before);
				marked++;
			}
		}
		return marked;
	}

	/**
	 * The filer withdraws, proving it with the number and the query code given at filing. The phone number is no
	 * secret (the respondent enterprise knows it) and may only show the status, never change anything.
	 * @throws DomainException not found when the number and query code do not match (nothing tells which was wrong)
	 */
	@Transactional
	public void withdraw(String number, String queryCode) {
		Complaint c = byNumberAndQueryCode(number, queryCode)
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "未找到该申诉，请核对申诉编号和查询码"));
		var before = c.snapshot();
		c.withdraw(LocalDate.now(clock));
		complaints.save(c);
		event(c, "申诉人已撤回申诉。");
		audit.recordForPublic(filerActor(c), AuditEntry.of("complaint.withdraw", "Complaint", c.id(),
				"申诉" + c.number() + "由申诉人撤回").states(before, c.snapshot()).inRegion(c.regionCode()));
	}

	private Optional<Complaint> byNumberAndQueryCode(String number, String queryCode) {
		String secret = queryCode == null ? "" : queryCode.strip();
		return complaints.findByNumber(number == null ? "" : number.strip())
			.filter(x -> !secret.isEmpty() && MessageDigest.isEqual(x.queryCodeHash().getBytes(StandardCharsets.US_ASCII),
					hash(secret.toUpperCase()).getBytes(StandardCharsets.US_ASCII)));
	}

	/** How a public filer appears in the audit trail: masked, never as an anonymous user. */
	private static String filerActor(Complaint c) {
		return "申诉人" + Masking.name(c.filerName()) + "（" + c.filerPhoneMasked() + "）";
	}

	/**
	 * One complaint for a signed-in reader. Staff who handle complaints and the enterprise it was transferred to see the
	 * filer's name and phone in full (to handle it and call back), and that read is recorded in the audit trail; other
	 * readers (leaders) see them masked.
	 * @throws DomainException not found outside the reader's scope
	 */
	@Transactional
	public ComplaintView read(CurrentUser reader, long id) {
		ComplaintView c = get(reader.scope(), id);
		boolean entitled = reader.writer() || reader.has(Role.ENTERPRISE);
		if (!entitled) {
			return c.masked();
		}
		audit.record(AuditEntry.of("complaint.read-personal", "Complaint", id, "查看申诉" + c.number() + "的申诉人联系方式")
			.inRegion(c.regionCode()));
		return c;
	}

	/** A complaint whose current step is due within one working day or overdue, for the daily reminders. */
	public record Due(long id, String number, ComplaintStatus status, String regionCode, String enterpriseCreditCode,
			LocalDate stepDue, boolean overdue) {
	}

	/** Every open complaint whose current step is due within one working day or already overdue. */
	public List<Due> dueSoonOrOverdue() {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("""
				SELECT id, number, status, region_code, enterprise_credit_code, coalesce(step_due, answer_due) AS step_due,
				       (coalesce(step_due, answer_due) < :today OR answer_due < :today) AS overdue
				FROM complaint WHERE status NOT IN ('REJECTED', 'CLOSED', 'WITHDRAWN')
				AND (step_due <= :soon OR answer_due < :today)""")
			.param("today", today)
			.param("soon", calendar.plusWorkingDays(today, 1))
			.query(Rows.of(Due.class))
			.list();
	}

	/** Reports in scope needing attention: the current step due within one working day or overdue. */
	public long countNeedingAttention(DataScope scope) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("SELECT count(*) FROM complaint c WHERE c.status NOT IN ('REJECTED','CLOSED','WITHDRAWN') "
				+ "AND (c.step_due <= :soon OR c.answer_due < :today) AND "
				+ scope.enterprisePredicate("c.enterprise_credit_code", "c.region_code"))
			.params(scope.params())
			.param("soon", calendar.plusWorkingDays(today, 1))
			.param("today", today)
			.query(Long.class)
			.single();
	}

	private Complaint load(DataScope scope, long id) {
		get(scope, id);
		return complaints.findById(id).orElseThrow(() -> DomainException.notFound("申诉", id));
	}

	private void event(Complaint c, String text) {
		jdbc.sql("INSERT INTO complaint_event (complaint_id, occurred_at, status, public_text) VALUES (:id, :at, :status, :text)")
			.param("id", c.id())
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.param("status", c.status().name())
			.param("text", text)
			.update();
	}

	private void audit(Complaint c, String action, String summary, Map<String, Object> before) {
		audit.record(AuditEntry.of(action, "Complaint", c.id(), summary).states(before, c.snapshot()).inRegion(c.regionCode()));
	}

	private static String county(Complaint c) {
		return c.regionCode().substring(0, 6);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static String queryCode() {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}

	static String hash(String queryCode) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(queryCode.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
