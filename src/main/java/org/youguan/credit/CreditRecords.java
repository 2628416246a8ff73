package org.youguan.credit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.credit.CreditEntry.CorrectionKind;
import org.youguan.credit.CreditEntry.Status;
import org.youguan.kernel.Actors;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Listing.Masked;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;

/**
 * The credit record (信用记录) of the express enterprises (快递业信用管理暂行办法(2017)): entries are taken in from other
 * modules' events ({@code CreditIntake}), once per origin; a correction owed — a penalty changed or revoked (art.17,
 * {@code credit.record-update}) or an objection upheld (art.18, {@code credit.objection-correction}) — is kept on the
 * entry with its due day until staff record it ({@link #correct}). Staff read their region's entries, an enterprise
 * its own; the staff of the bureau of an entry's region alone correct it and review objections to it
 * ({@link #requireHandlingBureau}), higher bureaus read. What is shown masks ID and mobile numbers in the free texts
 * ({@link Masking#personalNumbersIn}) and names the bureau, not its user, to the enterprise — the bureau that recorded
 * the entry as named when it did ({@link #bureauOf}), on the entry and its objections alike. Every change is one
 * transaction with its audit entry; an entry added publishes {@link CreditEntryRecorded}, a correction made
 * {@link CreditEntryCorrected}.
 */
@Service
public class CreditRecords {

	static final String SELECT = """
			SELECT e.id, e.enterprise_credit_code, e.enterprise_name, e.region_code, e.bureau, e.source,
			    e.source_number, e.kind, e.summary, e.occurred_on, e.status, e.correction_kind, e.correction_summary,
			    e.correction_reason, e.correction_origin, e.correction_due_on, e.corrected_on, e.corrected_by,
			    (e.correction_due_on IS NOT NULL AND e.correction_due_on < :today) AS correction_overdue""";

	/**
	 * A list's filters: {@code status} (null for all), {@code pending} only entries owing a correction, {@code overdue}
	 * only those past its due day.
	 */
	public record Filter(Status status, boolean pending, boolean overdue) {
	}

	/** The newest remedy an entry has taken in: its order (null when unknown) and day (null: none yet). */
	record TakenRemedy(Long sequence, LocalDate takenOn) {
	}

	/** A correction as staff record it: for a change, the entry's new text ({@code summary}; blank: as proposed). */
	public record Correction(String summary) {
		/** The text as stored: {@link Text#freeText}. */
		public Correction {
			summary = Text.freeText(summary);
		}
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Bureaus bureaus;

	CreditRecords(JdbcClient jdbc, AuditTrail audit, Clock clock, ApplicationEventPublisher events, Bureaus bureaus) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
		this.bureaus = bureaus;
	}

	/**
	 * Refuses a step on an entry of {@code regionCode} by a signed-in staff account of another bureau than the one
	 * handling the region ({@link Bureaus#handling}: the county's, or its city's where the county's bureau has no
	 * 处室工作人员; a higher bureau reads the entry, its staff do not correct it or review objections to it); a step
	 * without a signed-in staff account (an enterprise, a system job) is not checked here.
	 * @throws org.youguan.kernel.AccessRefusedException (403) for staff of another bureau
	 */
	void requireHandlingBureau(String regionCode) {
		bureaus.requireHandling(regionCode, "信用记录");
	}

	/**
	 * The bureau an entry names — the one name its page, its objections and the enterprise's view of both show, in place
	 * of the staff's user names: the bureau that recorded it, as named on the day it recorded it ({@code bureau}, kept on
	 * the entry, so a later renaming leaves the record as made); for an entry recorded where no bureau covered its region
	 * ({@code bureau} null), the bureau handling the region now ({@link Bureaus#handlingName}). An entry records the
	 * bureau handling its region on the day ({@link Bureaus#handling}: a county's bureau without 处室工作人员 records none;
	 * its city's does).
	 */
	String bureauOf(String bureau, String regionCode) {
		return bureau != null ? bureau : bureaus.handlingName(regionCode);
	}

	/**
	 * An entry as shown: ID and mobile numbers masked in its texts; its bureau as {@link #bureauOf} names it, and to an
	 * enterprise ({@code scope} of kind ENTERPRISE) that bureau in place of the user who corrected it.
	 */
	CreditEntry shown(DataScope scope, CreditEntry e) {
		String bureau = bureauOf(e.bureau(), e.regionCode());
		String by = e.correctedBy() == null || scope.kind() != DataScope.Kind.ENTERPRISE ? e.correctedBy() : bureau;
		return new CreditEntry(e.id(), e.enterpriseCreditCode(), e.enterpriseName(), e.regionCode(), bureau, e.source(),
				e.sourceNumber(), e.kind(), Masking.personalNumbersIn(e.summary()), e.occurredOn(), e.status(),
				e.correctionKind(), Masking.personalNumbersIn(e.correctionSummary()),
				Masking.personalNumbersIn(e.correctionReason()), e.correctionOrigin(), e.correctionDueOn(), e.correctedOn(), by,
				e.correctionOverdue());
	}

	/** Today in China (the {@code Clock} bean). */
	LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * A page of the entries the caller may read — staff their region's, an enterprise its own — newest first; the
	 * search finds the enterprise's name or credit code, the origin's number or the entry's text; sorts
	 * {@code occurred_on}, {@code enterprise}, {@code due} (the correction's due day).
	 */
	public PageResult<CreditEntry> list(DataScope scope, Filter filter, PageQuery page) {
		return Listing.from("FROM credit_entry e")
			.scope(scope, "e.enterprise_credit_code", "e.region_code")
			.where(filter.status() != null, "e.status = :status", "status", filter.status() == null ? "" : filter.status().name())
			.where(filter.pending(), "e.correction_due_on IS NOT NULL", "pendingDay", today())
			.where(filter.overdue(), "e.correction_due_on < :overdueDay", "overdueDay", today())
			.search(page, jdbc, "e.id", List.of(Masked.numbers("e.summary")), "e.enterprise_name", "e.enterprise_credit_code",
					"e.source_number")
			.sorts(Map.of("occurred_on", "e.occurred_on", "enterprise", "e.enterprise_name", "due", "e.correction_due_on"),
					"occurred_on", true, "e.id")
			.bind("today", today())
			.page(jdbc, SELECT, page, Rows.of(CreditEntry.class))
			.map(e -> shown(scope, e));
	}

	/** An entry the caller may read, as shown ({@link #shown}); not found (404) otherwise — another enterprise's too. */
	public CreditEntry get(DataScope scope, long id) {
		return find(scope, id, false).map(e -> shown(scope, e)).orElseThrow(() -> DomainException.notFound("信用记录", id));
	}

	Optional<CreditEntry> find(DataScope scope, long id, boolean lock) {
		return jdbc.sql(SELECT + " FROM credit_entry e WHERE e.id = :id AND "
				+ scope.enterprisePredicate("e.enterprise_credit_code", "e.region_code") + (lock ? " FOR UPDATE OF e" : ""))
			.params(scope.params())
			.param("id", id)
			.param("today", today())
			.query(Rows.of(CreditEntry.class))
			.optional();
	}

	/** The entry taken in from an origin ({@code source_ref}), locked, if there is one. */
	Optional<CreditEntry> byOrigin(String sourceRef) {
		return jdbc.sql("SELECT id FROM credit_entry WHERE source_ref = :ref").param("ref", sourceRef).query(Long.class)
			.optional().flatMap(id -> find(DataScope.all(), id, true));
	}

	/**
	 * Records the day the decision behind the entry of {@code sourceRef} was served on the party (for a 公告送达 the day
	 * it is deemed served), unless it knows one already; an objection to the entry is taken from that day on
	 * ({@link #servedOn}).
	 */
	@Transactional
	void served(String sourceRef, LocalDate servedOn) {
		jdbc.sql("UPDATE credit_entry SET served_on = :on WHERE source_ref = :ref AND served_on IS NULL")
			.param("on", servedOn).param("ref", sourceRef).update();
	}

	/**
	 * The day the decision behind a penalty entry was served on the party, as {@link #served} recorded it.
	 * @return the day, or empty for an entry whose decision is not served yet (an entry taken in at the decision, before
	 *         entries waited for the delivery) or an entry of an inspection
	 */
	Optional<LocalDate> servedOn(long entryId) {
		return jdbc.sql("SELECT served_on FROM credit_entry WHERE id = :id").param("id", entryId).query(LocalDate.class)
			.list().stream().filter(java.util.Objects::nonNull).findFirst();
	}

	/**
	 * Adds an entry, once per origin ({@code sourceRef}): a redelivered event adds nothing.
	 * @return the new entry's id, or empty when the origin was taken in before
	 */
	@Transactional
	Optional<Long> enter(CreditEntry.Source source, String sourceRef, String sourceNumber, CreditEntry.Kind kind,
			String regionCode, String creditCode, String enterpriseName, String summary, LocalDate occurredOn) {
		Optional<Long> id = jdbc.sql("""
				INSERT INTO credit_entry (enterprise_credit_code, enterprise_name, region_code, bureau, source, source_ref,
				    source_number, kind, summary, occurred_on, created_at)
				VALUES (:code, :name, :region, :bureau, :source, :ref, :number, :kind, :summary, :on, :now)
				ON CONFLICT (source_ref) DO NOTHING RETURNING id""")
			.param("code", creditCode)
			.param("name", cut(enterpriseName, 200))
			.param("region", regionCode)
			.param("bureau", bureaus.handling(regionCode).map(BureauView::name).orElse(null))
			.param("source", source.name())
			.param("ref", sourceRef)
			.param("number", cut(sourceNumber, 100))
			.param("kind", kind.name())
			.param("summary", cut(summary, 1000))
			.param("on", occurredOn)
			.param("now", OffsetDateTime.now(clock))
			.query(Long.class)
			.optional();
		id.ifPresent(entry -> {
			audit.record(AuditEntry.of("credit.entry.add", "CreditEntry", entry, "记入信用记录："
					+ (enterpriseName == null ? creditCode : enterpriseName) + "，" + kind.label() + "（" + sourceNumber + "，"
					+ ChineseText.day(occurredOn) + "）：" + summary).inRegion(regionCode));
			events.publishEvent(new CreditEntryRecorded(entry, creditCode, regionCode, kind, cut(sourceNumber, 100),
					cut(summary, 1000), occurredOn));
		});
		return id;
	}

	/**
	 * Records on a locked entry that a correction is owed by {@code dueOn}, once per origin ({@code ref}); a correction
	 * still owed is replaced by the later one (the record follows the last outcome), its due day the earlier of the two —
	 * except that a removal owed is never replaced by a change: the decision revoked or invalid, or the objection upheld
	 * as a removal, takes the entry off the record whatever changes it later. An objection upheld as a change on an
	 * entry owing a removal is refused ({@code origin} OBJECTION: 409); a change of the decision (复议, 诉讼, 纠正) then
	 * leaves the removal owed and is recorded beside it ({@link #keepRemoval}). An entry already removed owes nothing
	 * more.
	 * @return whether a correction was recorded
	 * @throws DomainException (409, field {@code correction}, rule {@code removal-owed}) for an objection's change on an
	 * entry owing a removal, naming the removal owed
	 */
	boolean owe(CreditEntry entry, CorrectionKind kind, String summary, String reason, String origin, String ref,
			LocalDate dueOn) {
		if (entry.status() == Status.REMOVED || ref.equals(jdbc.sql("SELECT correction_ref FROM credit_entry WHERE id = :id")
			.param("id", entry.id()).query(String.class).optional().orElse(null))) {
			return false;
		}
		if (entry.correctionKind() == CorrectionKind.REMOVE && kind == CorrectionKind.CHANGE) {
			String owed = "该信用记录应于" + ChineseText.day(entry.correctionDueOn()) + "前撤销（" + Masking.personalNumbersIn(entry.correctionReason())
					+ "），撤销不被变更取代";
			if ("OBJECTION".equals(origin)) {
				throw DomainException.illegalTransition("correction", "removal-owed", Wording.of("credit.refusal.removalOwed",
						entry.correctionDueOn(), Masking.personalNumbersIn(entry.correctionReason())), owed + "：异议成立的，更正方式应为撤销记录");
			}
			keepRemoval(entry, reason);
			return false;
		}
		LocalDate due = entry.correctionDueOn() != null && entry.correctionDueOn().isBefore(dueOn) ? entry.correctionDueOn()
				: dueOn;
		jdbc.sql("""
				UPDATE credit_entry SET correction_kind = :kind, correction_summary = :summary, correction_reason = :reason,
				    correction_origin = :origin, correction_ref = :ref, correction_due_on = :due WHERE id = :id""")
			.param("kind", kind.name()).param("summary", kind == CorrectionKind.CHANGE ? cut(summary, 1000) : null)
			.param("reason", cut(reason, 1000)).param("origin", origin).param("ref", ref).param("due", due)
			.param("id", entry.id()).update();
		audit.record(AuditEntry.of("credit.entry.correction-due", "CreditEntry", entry.id(), "信用记录应予" + kind.label()
				+ "（最迟" + ChineseText.day(due) + "）：" + label(entry) + "；" + reason).inRegion(entry.regionCode()));
		return true;
	}

	/**
	 * A change of the decision ({@code change}: what decided it and the penalty as changed) heard while the entry owes its
	 * removal: the removal stays owed, and the change is kept where the bureau records the removal — after the
	 * correction's reason, which the staff list and the entry show on the row that takes the removal — and audited
	 * {@code credit.entry.removal-kept}, once per change (a change the reason states already is not recorded again).
	 */
	private void keepRemoval(CreditEntry entry, String change) {
		if (entry.correctionReason() != null && entry.correctionReason().contains(change)) {
			return;
		}
		String reason = entry.correctionReason() + "；其后" + change + "，不取代撤销";
		jdbc.sql("UPDATE credit_entry SET correction_reason = :reason WHERE id = :id")
			.param("reason", cut(reason, 1000)).param("id", entry.id()).update();
		audit.record(AuditEntry.of("credit.entry.removal-kept", "CreditEntry", entry.id(), "信用记录仍应于"
				+ ChineseText.day(entry.correctionDueOn()) + "前撤销：" + label(entry) + "；" + change + "，撤销不被变更取代")
			.inRegion(entry.regionCode()));
	}

	/**
	 * Records on a locked entry the correction a remedy of its penalty owes ({@link #owe}, art.17) unless the entry has
	 * taken in a newer remedy: newer by the remedies' order ({@code sequence}, the outcome's id — the order the case's
	 * decision follows them), or by their day where either order is unknown (0: an event published before it was
	 * carried). The same remedy again, or an older one delivered after a newer one, changes nothing: the entry keeps the
	 * newest remedy's correction.
	 * @return whether a correction was recorded
	 */
	boolean oweForRemedy(CreditEntry entry, CorrectionKind kind, String summary, String reason, String ref, LocalDate dueOn,
			long sequence, LocalDate remedyOn) {
		TakenRemedy taken = jdbc.sql("SELECT remedy_sequence AS sequence, remedy_on AS taken_on FROM credit_entry WHERE id = :id")
			.param("id", entry.id()).query(Rows.of(TakenRemedy.class)).single();
		boolean older = taken.takenOn() != null && (sequence > 0 && taken.sequence() != null
				? sequence <= taken.sequence() : remedyOn.isBefore(taken.takenOn()));
		if (older) {
			return false;
		}
		jdbc.sql("UPDATE credit_entry SET remedy_sequence = :sequence, remedy_on = :on WHERE id = :id")
			.param("sequence", sequence > 0 ? sequence : null).param("on", remedyOn).param("id", entry.id()).update();
		return owe(entry, kind, summary, reason, "PENALTY", ref, dueOn);
	}

	/**
	 * Records the correction owed on an entry of the caller's region (快递业信用管理暂行办法(2017) arts.17–18): a change
	 * takes {@code summary} (blank: the text proposed), a removal marks the entry 已撤销; the correction's reason stays
	 * on the entry.
	 * @throws DomainException 404 outside the caller's region; 409 (field {@code summary}, rule {@code no-correction})
	 * when no correction is owed
	 * @throws org.youguan.kernel.AccessRefusedException 403 for staff of a higher bureau ({@link #requireHandlingBureau})
	 * @throws org.youguan.kernel.InvalidValueException 400 on {@code summary} (one line of at most 1000 characters,
	 * {@link Validation#line}; or given for a removal, rule {@code absent})
	 */
	@Transactional
	public CreditEntry correct(DataScope scope, long id, Correction data) {
		CreditEntry e = find(scope, id, true).orElseThrow(() -> DomainException.notFound("信用记录", id));
		requireHandlingBureau(e.regionCode());
		if (e.correctionKind() == null) {
			throw DomainException.illegalTransition("summary", "no-correction", Wording.of("credit.refusal.noCorrectionPending"), "该信用记录没有待办的变更或撤销");
		}
		String summary = data == null ? null : data.summary();
		Validation v = new Validation();
		if (e.correctionKind() == CorrectionKind.REMOVE) {
			v.require("summary", Text.isBlank(summary), "absent", Wording.of("credit.refusal.removalSummaryAbsent"), "撤销信用记录时不填写变更后的内容");
		}
		else {
			// the summary is the record's text, listed, exported and disclosed: no personal number (kernel's one rule)
			v.line("summary", "变更后的内容", summary, 1000).noPersonalNumberInText("summary", "变更后的内容", summary);
		}
		v.throwIfInvalid();
		String after = e.correctionKind() == CorrectionKind.REMOVE ? e.summary()
				: Text.isBlank(summary) ? e.correctionSummary() : Text.strip(summary);
		Status status = e.correctionKind() == CorrectionKind.REMOVE ? Status.REMOVED : Status.CHANGED;
		jdbc.sql("""
				UPDATE credit_entry SET status = :status, summary = :summary, correction_kind = NULL,
				    correction_summary = NULL, correction_due_on = NULL, corrected_on = :today, corrected_by = :by
				WHERE id = :id""")
			.param("status", status.name()).param("summary", after).param("today", today())
			.param("by", Actors.currentName()).param("id", id).update();
		audit.record(AuditEntry.of("credit.entry.correct", "CreditEntry", id, e.correctionKind().label() + "：" + label(e)
				+ (status == Status.CHANGED ? "，" + e.summary() + " → " + after : "") + "（" + e.correctionReason()
				+ (e.correctionOverdue() ? "；已超过" + ChineseText.day(e.correctionDueOn()) + "的期限" : "") + "）")
			.states(Map.of("status", e.status().label(), "summary", e.summary()), Map.of("status", status.label(), "summary", after))
			.inRegion(e.regionCode()));
		events.publishEvent(new CreditEntryCorrected(id, e.enterpriseCreditCode(), e.regionCode(), status, e.sourceNumber(),
				after, e.correctionReason(), today()));
		return get(scope, id);
	}

	static String label(CreditEntry e) {
		return (e.enterpriseName() == null ? e.enterpriseCreditCode() : e.enterpriseName()) + "·" + e.kind().label()
				+ (e.sourceNumber() == null ? "" : "（" + e.sourceNumber() + "）");
	}

	static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
