package org.youguan.credit;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.credit.CreditEntry.CorrectionKind;
import org.youguan.credit.CreditObjection.Status;
import org.youguan.kernel.Actors;
import org.youguan.kernel.Choice;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.StepRefusal;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * Objections (异议) to entries of the credit record (快递业信用管理暂行办法(2017) art.18): the enterprise files one on an
 * entry of its own record with its reasons; staff of the entry's region review it within {@code credit.objection-review}
 * (10 days from receipt) as upheld — the entry is then to be changed or removed within
 * {@code credit.objection-correction} (10 days from the review), {@link CreditRecords#correct} — or rejected, with
 * reasons. One objection under review per entry. Each step is one transaction that locks what it changes, judges the
 * state first (404, then 409) and then what was sent (400), and writes its audit entry; a review publishes
 * {@link CreditObjectionReviewed}.
 */
@Service
public class CreditObjections {

	private static final String SELECT = """
			SELECT o.id, o.entry_id, o.enterprise_credit_code, e.enterprise_name, o.region_code, e.summary AS entry_summary,
			    e.source_number, o.reason, o.filed_on, o.filed_by, o.review_due_on, o.status, o.reviewed_on, o.reviewed_by,
			    o.review_reason, (o.status = 'FILED' AND o.review_due_on < :today) AS review_overdue, e.bureau""";

	private static final String FROM = "FROM credit_objection o JOIN credit_entry e ON e.id = o.entry_id";

	/** An objection as the enterprise files it: its reasons (required, at most 2000 characters). */
	public record Filing(String reason) {
		/** The text as stored: {@link Text#freeText}. */
		public Filing {
			reason = Text.freeText(reason);
		}
	}

	/**
	 * A review: {@code result} UPHELD (异议成立) or REJECTED (异议不成立), its {@code reason} (required, ≤ 1000); when
	 * upheld, the {@code correction} owed — CHANGE with the entry's corrected text {@code correctedSummary}, or REMOVE.
	 */
	public record Review(String result, String reason, String correction, String correctedSummary) {
		/** The texts as stored: {@link Text#freeText}. */
		public Review {
			reason = Text.freeText(reason);
			correctedSummary = Text.freeText(correctedSummary);
		}
	}

	/** A list's filters: {@code status} (null for all), {@code overdue} only those under review past their due day. */
	public record Filter(Status status, boolean overdue) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final StatutoryRules rules;

	private final CreditRecords records;

	private final ApplicationEventPublisher events;

	CreditObjections(JdbcClient jdbc, AuditTrail audit, Clock clock, StatutoryRules rules, CreditRecords records,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.rules = rules;
		this.records = records;
	}

	/**
	 * Whether the party holds what the entry records, so that it may object to it: a penalty decision takes effect,
	 * and is the party's to contest, once served on it (行政处罚法(2021) art.61; for a 公告送达 from the day it is deemed
	 * served) — an entry taken in at the decision before entries waited for the delivery is not, until its delivery is
	 * heard; an inspection's entry (an order overdue, given to the party when made) always.
	 */
	public boolean served(CreditEntry entry) {
		return entry.source() != CreditEntry.Source.PENALTY
				|| records.servedOn(entry.id()).filter(day -> !day.isAfter(records.today())).isPresent();
	}

	/**
	 * The entry an objection is filed against, if the caller may file one: the enterprise's own entry (another's, one
	 * not there, or a caller who is no enterprise: 404) — the step's first question, also asked before its body is read
	 * ({@link CreditStepAccess}).
	 * @throws DomainException 404 as above
	 */
	public CreditEntry requireFiler(DataScope scope, long entryId) {
		if (scope.kind() != DataScope.Kind.ENTERPRISE) {
			throw DomainException.notFound("信用记录", entryId);
		}
		return records.find(scope, entryId, true).orElseThrow(() -> DomainException.notFound("信用记录", entryId));
	}

	/**
	 * Files the enterprise's objection to an entry of its own record; received today, to be reviewed by the day
	 * {@code credit.objection-review} gives for the entry's region.
	 * @param scope the enterprise's scope (an entry of another enterprise is not found)
	 * @return the objection filed
	 * @throws DomainException 404 for an entry not of the caller's enterprise; 409 (field {@code entryId}, rule
	 * {@code entry-removed}) on an entry already removed, (rule {@code not-served}) on a penalty entry whose decision is
	 * not served on the enterprise yet ({@link #served}), (rule {@code under-review}) while another objection to it is
	 * under review
	 * @throws org.youguan.kernel.InvalidValueException 400 on {@code reason} (required, at most 2000 characters)
	 */
	@Transactional
	public CreditObjection file(DataScope scope, long entryId, Filing data) {
		CreditEntry e = requireFiler(scope, entryId);
		if (e.status() == CreditEntry.Status.REMOVED) {
			throw DomainException.illegalTransition("entryId", "entry-removed", Wording.of("credit.refusal.objectRemoved"), "该信用记录已撤销，不能再提出异议");
		}
		if (!served(e)) {
			throw DomainException.illegalTransition("entryId", "not-served", Wording.of("credit.refusal.decisionNotDelivered", e.sourceNumber()),
					"行政处罚决定书" + e.sourceNumber()
					+ "尚未送达本企业，该信用记录送达后才能提出异议（" + Provision.PENALTY_DELIVERY.formal() + "）");
		}
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM credit_objection WHERE entry_id = :id AND status = 'FILED')")
			.param("id", entryId).query(Boolean.class).single()) {
			throw DomainException.illegalTransition("entryId", "under-review", Wording.of("credit.refusal.objectionUnderReview"), "对该信用记录的异议正在复核，复核后才能再次提出");
		}
		String reason = data == null ? null : data.reason();
		// the reasons are shown to the reviewing bureau's lists and exports: no personal number (kernel's one rule)
		new Validation().required("reason", "异议理由", reason).maxLength("reason", "异议理由", reason, 2000)
			.noPersonalNumberInText("reason", "异议理由", reason).throwIfInvalid();
		LocalDate today = records.today();
		LocalDate due = rules.deadline(StatutoryRule.CREDIT_OBJECTION_REVIEW, today, e.regionCode());
		long id = jdbc.sql("""
				INSERT INTO credit_objection (entry_id, enterprise_credit_code, region_code, reason, filed_on, filed_by,
				    review_due_on, created_at)
				VALUES (:entry, :code, :region, :reason, :today, :by, :due, :now) RETURNING id""")
			.param("entry", entryId).param("code", e.enterpriseCreditCode()).param("region", e.regionCode())
			.param("reason", Text.strip(reason)).param("today", today).param("by", Actors.currentName()).param("due", due)
			.param("now", OffsetDateTime.now(clock)).query(Long.class).single();
		audit.record(AuditEntry.of("credit.objection.file", "CreditObjection", id, "对信用记录提出异议：" + CreditRecords.label(e)
				+ "，应于" + ChineseText.day(due) + "前复核：" + Text.strip(reason)).inRegion(e.regionCode()));
		return get(scope, id);
	}

	/**
	 * Reviews an objection of the caller's region (快递业信用管理暂行办法(2017) art.18), as the class says; by staff of
	 * the bureau of the entry's region only ({@link CreditRecords#requireHandlingBureau}).
	 * @throws org.youguan.kernel.AccessRefusedException 403 for staff of a higher bureau
	 * @throws DomainException 404 outside the caller's region; 409 (field {@code result}, rule
	 * {@code already-reviewed}) once reviewed, (rule {@code entry-removed}) upholding an objection to an entry removed
	 * meanwhile; (field {@code correction}, rule {@code removal-owed}) upholding it as a change on an entry owing a
	 * removal ({@link CreditRecords#owe}: a removal owed is never replaced by a change)
	 * @throws org.youguan.kernel.InvalidValueException 400 naming {@code result} ({@code required}, {@code one-of}),
	 * {@code reason} ({@code required}, length), {@code correction} ({@code required}/{@code one-of} when upheld,
	 * {@code absent} when rejected), {@code correctedSummary} ({@code required} and one line for a change, {@code absent}
	 * otherwise)
	 */
	@Transactional
	public CreditObjection review(DataScope scope, long id, Review data) {
		CreditObjection o = jdbc.sql(SELECT + " " + FROM + " WHERE o.id = :id AND " + scope.regionPredicate("o.region_code")
				+ " FOR UPDATE OF o")
			.params(scope.params()).param("id", id).param("today", records.today())
			.query(Rows.of(CreditObjection.class)).optional()
			.orElseThrow(() -> DomainException.notFound("信用异议", id));
		records.requireHandlingBureau(o.regionCode());
		if (o.status() != Status.FILED) {
			// reviewed already (on o.reviewedOn()): the objection has gone past its review
			throw StepRefusal.of("result", "already-reviewed", "异议", "异议", o.status().label(), "复核", true);
		}
		Review r = data == null ? new Review(null, null, null, null) : data;
		Validation v = new Validation();
		v.required("result", "复核结果", r.result());
		Status result = oneOf(v, "result", "复核结果", r.result(), List.of(Status.UPHELD, Status.REJECTED), Status::label);
		v.required("reason", "复核理由", r.reason()).maxLength("reason", "复核理由", r.reason(), 1000);
		CorrectionKind correction = null;
		if (result == Status.UPHELD) {
			v.required("correction", "更正方式", r.correction());
			correction = oneOf(v, "correction", "更正方式", r.correction(), List.of(CorrectionKind.values()), CorrectionKind::label);
			if (correction == CorrectionKind.CHANGE) {
				v.required("correctedSummary", "变更后的内容", r.correctedSummary())
					.line("correctedSummary", "变更后的内容", r.correctedSummary(), 1000)
					.noPersonalNumberInText("correctedSummary", "变更后的内容", r.correctedSummary());
			}
		}
		else if (result == Status.REJECTED) {
			v.require("correction", Text.isBlank(r.correction()), "absent", Wording.of("credit.refusal.correctionAbsent"), "异议不成立时不填写更正方式");
		}
		if (correction != CorrectionKind.CHANGE && result != null) {
			v.require("correctedSummary", Text.isBlank(r.correctedSummary()), "absent", Wording.of("credit.refusal.correctedSummaryAbsent"), "只有变更记录时才填写变更后的内容");
		}
		v.throwIfInvalid();
		LocalDate today = records.today();
		if (result == Status.UPHELD) {
			CreditEntry e = records.find(DataScope.all(), o.entryId(), true).orElseThrow();
			if (e.status() == CreditEntry.Status.REMOVED) {
				throw DomainException.illegalTransition("result", "entry-removed", Wording.of("credit.refusal.correctRemoved"), "该信用记录已撤销，无需再更正");
			}
			records.owe(e, correction, Text.strip(r.correctedSummary()), "异议成立（" + ChineseText.day(today) + "）：" + Text.strip(r.reason()),
					"OBJECTION", "objection:" + id, rules.deadline(StatutoryRule.CREDIT_OBJECTION_CORRECTION, today, e.regionCode()));
		}
		jdbc.sql("""
				UPDATE credit_objection SET status = :status, reviewed_on = :today, reviewed_by = :by, review_reason = :reason
				WHERE id = :id""")
			.param("status", result.name()).param("today", today).param("by", Actors.currentName())
			.param("reason", Text.strip(r.reason())).param("id", id).update();
		audit.record(AuditEntry.of("credit.objection.review", "CreditObjection", id, "复核信用异议：" + result.label()
				+ (correction == null ? "" : "，" + correction.label()) + "（" + o.enterpriseName() + "，" + o.sourceNumber()
				+ (o.reviewOverdue() ? "；已超过" + ChineseText.day(o.reviewDueOn()) + "的复核期限" : "") + "）：" + Text.strip(r.reason()))
			.states(Map.of("status", o.status().label()), Map.of("status", result.label()))
			.inRegion(o.regionCode()));
		events.publishEvent(new CreditObjectionReviewed(id, o.entryId(), o.enterpriseCreditCode(), o.regionCode(),
				o.sourceNumber(), result, correction, Text.strip(r.reason()), today));
		return get(scope, id);
	}

	/**
	 * A page of the objections the caller may read — staff their region's, an enterprise its own — newest first,
	 * reasons masked; the search finds the enterprise's name or credit code or the entry's origin number; sorts
	 * {@code filed_on}, {@code due} (review due day), {@code enterprise}.
	 */
	public PageResult<CreditObjection> list(DataScope scope, Filter filter, PageQuery page) {
		return Listing.from(FROM)
			.scope(scope, "o.enterprise_credit_code", "o.region_code")
			.where(filter.status() != null, "o.status = :status", "status", filter.status() == null ? "" : filter.status().name())
			.where(filter.overdue(), "o.status = 'FILED' AND o.review_due_on < :overdueDay", "overdueDay", records.today())
			.search(page, "e.enterprise_name", "o.enterprise_credit_code", "e.source_number")
			.sorts(Map.of("filed_on", "o.filed_on", "due", "o.review_due_on", "enterprise", "e.enterprise_name"), "filed_on",
					true, "o.id")
			.bind("today", records.today())
			.page(jdbc, SELECT, page, Rows.of(CreditObjection.class))
			.map(o -> shown(scope, o, true));
	}

	/** The objections to one entry the caller may read, oldest first, as {@link #get} shows one. */
	public List<CreditObjection> ofEntry(DataScope scope, long entryId) {
		records.get(scope, entryId);
		return jdbc.sql(SELECT + " " + FROM + " WHERE o.entry_id = :id ORDER BY o.filed_on, o.id")
			.param("id", entryId).param("today", records.today()).query(Rows.of(CreditObjection.class)).list()
			.stream().map(o -> shown(scope, o, false)).toList();
	}

	/**
	 * An objection the caller may read, the enterprise's reason as filed, the staff's texts (the review's reason, the
	 * entry's text) with ID and mobile numbers masked, the reviewer named to the enterprise as the bureau; not found
	 * (404) otherwise.
	 */
	public CreditObjection get(DataScope scope, long id) {
		return jdbc.sql(SELECT + " " + FROM + " WHERE o.id = :id AND "
				+ scope.enterprisePredicate("o.enterprise_credit_code", "o.region_code"))
			.params(scope.params()).param("id", id).param("today", records.today())
			.query(Rows.of(CreditObjection.class)).optional()
			.map(o -> shown(scope, o, false))
			.orElseThrow(() -> DomainException.notFound("信用异议", id));
	}

	/**
	 * An objection as shown: the review's reason and the entry's text masked ({@link Masking#personalNumbersIn}), the
	 * enterprise's reason too in a list ({@code listed}); the entry's bureau as {@link CreditRecords#bureauOf} names it,
	 * and to an enterprise that bureau in place of the reviewing user.
	 */
	private CreditObjection shown(DataScope scope, CreditObjection o, boolean listed) {
		String bureau = records.bureauOf(o.bureau(), o.regionCode());
		String by = o.reviewedBy() == null || scope.kind() != DataScope.Kind.ENTERPRISE ? o.reviewedBy() : bureau;
		return new CreditObjection(o.id(), o.entryId(), o.enterpriseCreditCode(), o.enterpriseName(), o.regionCode(),
				Masking.personalNumbersIn(o.entrySummary()), o.sourceNumber(),
				listed ? Masking.personalNumbersIn(o.reason()) : o.reason(), o.filedOn(), o.filedBy(), o.reviewDueOn(),
				o.status(), o.reviewedOn(), by, Masking.personalNumbersIn(o.reviewReason()), o.reviewOverdue(), bureau);
	}

	/** One of {@code allowed} by name, any case; a 400 rule {@code one-of} listing them otherwise; null when blank. */
	private static <E extends Enum<E>> E oneOf(Validation v, String field, String label, String text, List<E> allowed,
			Function<E, String> labels) {
		if (Text.isBlank(text)) {
			return null;
		}
		E found = allowed.stream().filter(a -> a.name().equalsIgnoreCase(Text.strip(text))).findFirst().orElse(null);
		v.require(field, found != null, "one-of", Wording.of("credit.refusal.oneOf", label,
				allowed.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(", "))), label + "应为" + Choice.listed(allowed.stream().map(Enum::name).toList(),
				code -> labels.apply(allowed.stream().filter(a -> a.name().equals(code)).findFirst().orElseThrow())) + "之一");
		return found;
	}
}
