package org.youguan.enforcement.internal;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.enforcement.CaseStatus;
import org.youguan.enforcement.CaseView;
import org.youguan.enforcement.Mitigation;
import org.youguan.enforcement.Penalty;
import org.youguan.enforcement.PenaltyCases.Handover;
import org.youguan.enforcement.PenaltyCases.Instalment;
import org.youguan.enforcement.PenaltyCases.Procedure;
import org.youguan.enforcement.PenaltyCases.Refund;
import org.youguan.enforcement.PenaltyCases.Refunded;
import org.youguan.enforcement.PenaltyCases.Suspension;
import org.youguan.enforcement.PenaltyStepServed;
import org.youguan.enforcement.SuspensionKind;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.Rows;
import org.youguan.kernel.StatusMove;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.inspections.InspectionOrders;
import org.youguan.kernel.Wording;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.org.Role;
import org.youguan.org.UserKind;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.IssuingAuthority;
import org.youguan.registry.Licences;
import org.youguan.rules.AppliedLaw;
import org.youguan.rules.FineRange;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.rules.ViolationType;

import static org.youguan.enforcement.internal.CaseInput.checkParts;
import static org.youguan.enforcement.internal.DecisionRules.ruleBroken;

/**
 * What every step of the penalty procedure shares, in one place: loading a case (and locking it FOR UPDATE, in the
 * caller's region), moving its status and writing its audit entry, issuing the step's document, the head-of-the-handling-
 * bureau check of the head-only steps (行政处罚法(2021) art.57), the signed-in actor, the case clock with the rule values
 * that apply (and the terms a decision fixes), the decision limit with its pauses, the hearing right and reply window the
 * notice gave, and the penalty parts checked against the violation's article. No transaction of its own: each step's
 * service method is the one transaction.
 */
@Component
public class CaseWork {

	private final JdbcClient jdbc;

	private final CaseLaw caseLaw;

	private final StatutoryRules rules;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final Enterprises enterprises;

	private final Clock clock;

	private final CaseDocuments documents;

	private final Bureaus bureaus;

	private final Licences licences;

	private final ApplicationEventPublisher events;

	private final InspectionOrders orders;

	CaseWork(JdbcClient jdbc, StatutoryRules rules, WorkingCalendar calendar, AuditTrail audit, Enterprises enterprises,
			Clock clock, CaseDocuments documents, Bureaus bureaus, Licences licences, ApplicationEventPublisher events,
			CaseLaw caseLaw, InspectionOrders orders) {
		this.orders = orders;
		this.caseLaw = caseLaw;
		this.licences = licences;
		this.events = events;
		this.jdbc = jdbc;
		this.rules = rules;
		this.calendar = calendar;
		this.audit = audit;
		this.enterprises = enterprises;
		this.clock = clock;
		this.documents = documents;
		this.bureaus = bureaus;
	}

	/** The case clock with the rule values that apply in {@code region}. */
	public CaseClock clock(String region) {
		Map<StatutoryRule, BigDecimal> memo = new HashMap<>();
		return new CaseClock(Days.of(calendar), rule -> memo.computeIfAbsent(rule, r -> rules.value(r, region)));
	}

	/**
	 * Case clocks for the cases of a list or a job ({@link #clock(CaseView)} each: the terms its decision fixed, the
	 * catalogue's values where it is), reading each rule's value once per region for the whole list, not once per case.
	 */
	public Function<CaseView, CaseClock> clocks() {
		Map<String, BigDecimal> memo = new HashMap<>();
		return c -> new CaseClock(Days.of(calendar), CaseClock.fixedBy(CaseClock.Terms.of(c),
				rule -> memo.computeIfAbsent(c.regionCode() + "|" + rule.code(), k -> rules.value(rule, c.regionCode()))));
	}

	/**
	 * The case clock with the rule values that applied in {@code region} on {@code day} ({@link StatutoryRules#valueOn}):
	 * for a past case imported, judged by the rules of its own days, not today's.
	 */
	public CaseClock clockOn(String region, LocalDate day) {
		Map<StatutoryRule, BigDecimal> memo = new HashMap<>();
		return new CaseClock(Days.of(calendar), rule -> memo.computeIfAbsent(rule, r -> rules.valueOn(r, region, day)));
	}

	/**
	 * The case clock of a case: the rule values where it is, but the payment period, 加处罚款 rate and remedies its
	 * decision fixed ({@link #fixTerms}) once it has one — a rule changed after the decision does not change them.
	 */
	public CaseClock clock(CaseView c) {
		Map<StatutoryRule, BigDecimal> memo = new HashMap<>();
		return new CaseClock(Days.of(calendar), CaseClock.fixedBy(CaseClock.Terms.of(c),
				rule -> memo.computeIfAbsent(rule, r -> rules.value(r, c.regionCode()))));
	}

	/**
	 * Fixes on the decided case the terms its decision states as the catalogue gives them today where the case is: the
	 * days to pay a fine (行政处罚法(2021) art.67) — or, for a confiscation, to hand over what it takes
	 * ({@link StatutoryRule#PENALTY_CONFISCATION_HANDOVER}) —, the daily 加处罚款 rate (art.72; the total is capped at the
	 * fine, kept on the case), and the periods of 行政复议 (行政复议法(2023) art.20) and 行政诉讼 (行政诉讼法(2017) art.46).
	 */
	public void fixTerms(long id, String region) {
		fixTerms(id, rule -> rules.value(rule, region));
		fixReviewBody(id, region);
	}

	/**
	 * Fixes on the decided case the 行政复议机关 its decision names (行政处罚法(2021) art.59(五), 行政复议法(2023) art.27:
	 * {@link StatutoryRules#reviewBody} as the platform holds the bureaus today), so that a reissue or a re-rendering
	 * names the body the party was told, not a bureau above renamed or re-parented since (V304). Taken with every
	 * decision made here — a penalty ({@link #fixTerms(long, String)}), a 不予处罚, an on-the-spot one; a past decision
	 * imported keeps none (its documents name today's body).
	 * @param region the case's region, read when the case keeps no 办案机关 of its own (its handling bureau decides)
	 */
	public void fixReviewBody(long id, String region) {
		// the body above the bureau that decides: the case's 办案机关 as fixed at filing (V312), else the place's rule
		String decider = jdbc.sql("SELECT handling_region FROM penalty_case WHERE id = :id").param("id", id)
			.query(Rows.of(String.class)).optional().filter(r -> !r.isBlank()).orElse(region);
		jdbc.sql("UPDATE penalty_case SET review_body = :body WHERE id = :id").param("body", rules.reviewBody(decider))
			.param("id", id).update();
	}

	/**
	 * As {@link #fixTerms(long, String)} for a past decision of {@code decidedOn} (imported): the terms as the catalogue
	 * gave them on that day ({@link StatutoryRules#valueOn}) — what its 决定书 could have stated.
	 */
	public void fixTerms(long id, String region, LocalDate decidedOn) {
		fixTerms(id, rule -> rules.valueOn(rule, region, decidedOn));
	}

	private void fixTerms(long id, Function<StatutoryRule, BigDecimal> value) {
		jdbc.sql("""
				UPDATE penalty_case SET payment_days = :payment, handover_days = :handover,
				    surcharge_percent = :surcharge, review_days = :review, litigation_months = :litigation WHERE id = :id""")
			.param("payment", value.apply(StatutoryRule.PENALTY_PAYMENT).intValueExact())
			.param("handover", value.apply(StatutoryRule.PENALTY_CONFISCATION_HANDOVER).intValueExact())
			.param("surcharge", value.apply(StatutoryRule.PENALTY_LATE_SURCHARGE))
			.param("review", value.apply(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW).intValueExact())
			.param("litigation", value.apply(StatutoryRule.REMEDY_LITIGATION).intValueExact())
			.param("id", id)
			.update();
	}

	/**
	 * The earliest day a step of the case's current round may carry: {@code earliest}, or the day the case was last
	 * returned to investigation (退回调查) when that is later — a new 调查终结 or 告知 is not dated before the return.
	 */
	public LocalDate notBeforeReturn(long caseId, LocalDate earliest) {
		LocalDate returned = jdbc.sql("SELECT max(returned_on) FROM penalty_case_return WHERE case_id = :id")
			.param("id", caseId).query(Rows.of(LocalDate.class)).optional().orElse(null);
		return returned != null && returned.isAfter(earliest) ? returned : earliest;
	}

	/**
	 * A due day as an audit line or a message states it: the day, with （暂定） when it lies in a year whose holiday
	 * notice is not loaded ({@link WorkingCalendar#messageDay}); empty for null.
	 */
	public String messageDay(LocalDate day) {
		return calendar.messageDay(day);
	}

	/** Today, on the application clock. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * The instant a decision dated {@code on} is made, as {@code penalty_case.decided_at} keeps it (V271): now, where it
	 * is signed today — its fine range is the one standing then, a bureau's change later that day not reaching it
	 * ({@link StatutoryRules#applicable}); null for a decision recorded on a later day (the range as it stood at the end
	 * of its day). The one rule of the ordinary procedure's decision and the on-the-spot one (简易程序).
	 */
	public OffsetDateTime decidedAt(LocalDate on) {
		return on.equals(today()) ? OffsetDateTime.now(clock) : null;
	}

	/**
	 * Whether the proposed penalty carries the right to a hearing (art.63): once the party is notified, what the notice
	 * told it (kept on the case — a threshold {@code penalty.hearing.fine} changed afterwards does not take the right
	 * away, nor give one); before the notice, as the threshold stands now.
	 */
	public boolean hearingRight(CaseView c) {
		if (c.hearingRight() != null) {
			return c.hearingRight();
		}
		return DecisionRules.hearingRight(c.proposedPenalty(), c.proposedFine(), c.proposedConfiscated(),
				threshold(StatutoryRule.PENALTY_HEARING_FINE, c));
	}

	/**
	 * The day the period to publish a decision again runs from: the latest 变更 (复议, 诉讼 or the bureau's own
	 * correction, {@code DecisionOutcomes}) decided since the publication, once that publication was withdrawn — the
	 * change is what allows publishing it again (行政处罚法(2021) art.48); null when no publication awaits being made
	 * again (never published, standing, or withdrawn without a change).
	 */
	public LocalDate republicationStart(CaseView c) {
		if (c.publishedOn() == null || c.publicationWithdrawnOn() == null) {
			return null;
		}
		return jdbc.sql("""
				SELECT max(decided_on) FROM penalty_case_outcome
				WHERE case_id = :id AND result = 'CHANGED' AND decided_on >= :published""")
			.param("id", c.id()).param("published", c.publishedOn())
			.query(Rows.of(LocalDate.class)).optional().orElse(null);
	}

	/**
	 * The day of the latest outcome ({@code DecisionOutcomes}) that lowered what the decision demands — a 变更 to a lower
	 * fine or none, a 撤销 or a 确认无效 — which is what makes a payment made before it an overpayment to refund; null
	 * when none did.
	 */
	public LocalDate fineLoweredOn(long caseId) {
		return jdbc.sql("""
				SELECT max(decided_on) FROM penalty_case_outcome
				WHERE case_id = :id AND (result IN ('REVOKED', 'INVALID')
				    OR result = 'CHANGED' AND coalesce(fine, 0) < coalesce(previous_fine, 0))""")
			.param("id", caseId).query(Rows.of(LocalDate.class)).optional().orElse(null);
	}

	/**
	 * The last day to state its case or request a hearing, as the notice told the party (kept on the case; for cases
	 * notified before the day was kept, 5 working days from the notice, art.64, 85); null before the notice.
	 */
	public LocalDate replyDue(CaseView c) {
		if (c.notifiedOn() == null) {
			return null;
		}
		return c.hearingRequestDue() != null ? c.hearingRequestDue() : clock(c).hearingRequestDue(CaseClock.noticeServedOn(c));
	}

	/** A confiscation's handover once recorded. */
	public Optional<Handover> handover(long id) {
		return jdbc.sql("""
				SELECT handed_over_on, amount, receipt, attachment_id FROM penalty_case_handover WHERE case_id = :id""")
			.param("id", id).query(Rows.of(Handover.class)).optional();
	}

	/**
	 * Which of the cases {@code ids} have their confiscation's handover recorded — one query whatever their number, for a
	 * list or queue that reads many cases ({@link #handover} reads one).
	 * @param ids the cases' ids
	 * @return the ids among them with a handover
	 */
	public Set<Long> handedOver(List<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("SELECT case_id FROM penalty_case_handover WHERE case_id IN (:ids)").param("ids", ids)
			.query(Long.class).list());
	}

	/** The refunds made on a case (parameter {@code :id}), oldest first, as {@link Refunded} rows. */
	static final String REFUNDS_SQL = """
			SELECT refunded_on, amount, surcharge, basis, recorded_by, receipt FROM penalty_case_refund
			WHERE case_id = :id ORDER BY refunded_on, id""";

	/** The refunds made on case {@code id}, oldest first. */
	public List<Refunded> refunds(long id) {
		return jdbc.sql(REFUNDS_SQL).param("id", id).query(Rows.of(Refunded.class)).list();
	}

	/**
	 * What is to refund on case {@code c} ({@link Execution#overpaid}) less the refunds made, with the refunds; null
	 * when nothing was overpaid and nothing refunded.
	 */
	public Refund refund(CaseView c) {
		List<Refunded> made = refunds(c.id());
		Execution.Overpaid overpaid = Execution.overpaid(c, procedure(c.id()).instalments());
		if (overpaid == null && made.isEmpty()) {
			return null;
		}
		BigDecimal refunded = made.stream().map(Refunded::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal due = (overpaid == null ? BigDecimal.ZERO : overpaid.total().subtract(refunded)).max(BigDecimal.ZERO);
		Refunded last = made.isEmpty() ? null : made.get(made.size() - 1);
		return last == null ? new Refund(due, null, null, null, null, made)
				: new Refund(due, last.refundedOn(), last.amount(), last.basis(), last.recordedBy(), made);
	}

	/**
	 * The decision limit as it stands today: a pause still lasting (a hearing requested and not yet held among them)
	 * stops it; {@code extended} counts the extension in.
	 */
	public LocalDate limitInForce(CaseView c, boolean extended) {
		return clock(c.regionCode()).decisionDue(c.filedOn(), extended, pausesInForce(c), today());
	}

	/** Every pause of the case: its suspensions and a requested hearing still to be held (lasting to today). */
	public List<CaseClock.Pause> pausesInForce(CaseView c) {
		List<CaseClock.Pause> pauses = new ArrayList<>(suspensions(c.id()).stream()
			.map(s -> new CaseClock.Pause(s.startedOn(), s.endedOn())).toList());
		CaseClock.pausedSince(c, Optional.empty()).ifPresent(requested -> pauses.add(new CaseClock.Pause(requested, null)));
		return pauses;
	}

	/** The columns of {@code penalty_case} a {@link Procedure} holds besides its instalments. */
	private record ProcedureRow(String procedureKind, String partyKind, String onSpotPlace, String hearingRecord,
			String transferredTo, LocalDate transferredOn, String paymentArrangement, LocalDate paymentDeferredUntil,
			String paymentArrangementReason, String paymentArrangedBy, LocalDate paymentAppliedOn) {

		Procedure with(List<Instalment> instalments) {
			return new Procedure(procedureKind, partyKind, onSpotPlace, hearingRecord, transferredTo, transferredOn,
					paymentArrangement, paymentDeferredUntil, paymentArrangementReason, paymentArrangedBy, paymentAppliedOn,
					instalments);
		}
	}

	/** How the case runs beyond its main record, with its instalments (no scope check: the caller has one). */
	public Procedure procedure(long id) {
		ProcedureRow r = jdbc.sql("""
				SELECT procedure_kind, party_kind, on_spot_place, hearing_record, transferred_to, transferred_on,
				       payment_arrangement, payment_deferred_until, payment_arrangement_reason, payment_arranged_by,
				       payment_applied_on
				FROM penalty_case WHERE id = :id""").param("id", id).query(Rows.of(ProcedureRow.class)).single();
		List<Instalment> instalments = jdbc.sql("""
				SELECT position, due_on, amount, paid_on, paid_amount, surcharge FROM penalty_case_instalment
				WHERE case_id = :id ORDER BY position""").param("id", id).query(Rows.of(Instalment.class)).list();
		return r.with(instalments);
	}

	/** A case read with its {@link Procedure} — its payment arrangement and instalments — for a list of cases. */
	public record CaseWithProcedure(CaseView penaltyCase, Procedure procedure) {
	}

	/**
	 * The cases {@code ids} with their procedures, for a page or a job that works out each one's payment: two queries
	 * whatever their number (the cases, then all their instalments), never one per case. No scope check: the caller
	 * chose the ids within its scope.
	 * @param ids the cases' ids (an id without a case is left out)
	 * @return the cases in the order of {@code ids}
	 */
	public List<CaseWithProcedure> withProcedures(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		record Read(CaseView penaltyCase, ProcedureRow procedure) {
		}
		record InstalmentOf(long caseId, Instalment instalment) {
		}
		RowMapper<CaseView> cases = Rows.of(CaseView.class);
		RowMapper<ProcedureRow> procedures = Rows.of(ProcedureRow.class);
		Map<Long, Read> read = jdbc.sql("SELECT * FROM penalty_case WHERE id IN (:ids)").param("ids", ids)
			.query((rs, n) -> new Read(cases.mapRow(rs, n), procedures.mapRow(rs, n))).list().stream()
			.collect(Collectors.toMap(r -> r.penaltyCase().id(), r -> r));
		RowMapper<Instalment> instalment = Rows.of(Instalment.class);
		Map<Long, List<Instalment>> instalments = jdbc.sql("""
				SELECT case_id, position, due_on, amount, paid_on, paid_amount, surcharge FROM penalty_case_instalment
				WHERE case_id IN (:ids) ORDER BY case_id, position""").param("ids", ids)
			.query((rs, n) -> new InstalmentOf(rs.getLong("case_id"), instalment.mapRow(rs, n))).list().stream()
			.collect(Collectors.groupingBy(InstalmentOf::caseId, Collectors.mapping(InstalmentOf::instalment, Collectors.toList())));
		return ids.stream().distinct().filter(read::containsKey)
			.map(id -> new CaseWithProcedure(read.get(id).penaltyCase(),
					read.get(id).procedure().with(instalments.getOrDefault(id, List.of()))))
			.toList();
	}

	/** The decision limit counting the ended pauses, {@code extended} counting the extension in. */
	public LocalDate decisionDue(CaseView c, boolean extended) {
		List<CaseClock.Pause> pauses = suspensions(c.id()).stream()
			.filter(s -> s.endedOn() != null)
			.map(s -> new CaseClock.Pause(s.startedOn(), s.endedOn()))
			.toList();
		return clock(c).decisionDue(c.filedOn(), extended, pauses, today());
	}

	/**
	 * Pauses the decision limit for the 公告 period of a 事先告知书 served by public notice (邮政行政执法监督办法(2021)
	 * art.17: 公告期间不计入; the period {@link StatutoryRule#PENALTY_PUBLIC_NOTICE_SERVICE}, 民事诉讼法(2023) art.95): a
	 * PUBLIC_NOTICE pause from the day published to the day before the day deemed served — the 30 days of the notice —,
	 * closed at once since both days are known, so it moves the limit (counted in calendar days, a last day on a rest
	 * day moved to the next working day, as every pause moves it) and never stops the clock as an open pause would.
	 * The one rule of this pause, for the notice's step ({@code NoticeAndHearing#notifyParty}) and the backfill of the
	 * notices served so before it existed ({@code PublicNoticePauseBackfill}, V339).
	 * @param publishedOn the day the notice was published
	 * @param deemedOn the day it is deemed served
	 */
	public void pauseForPublicNotice(long id, LocalDate publishedOn, LocalDate deemedOn) {
		LocalDate last = deemedOn.minusDays(1);
		jdbc.sql("INSERT INTO penalty_case_suspension (case_id, kind, started_on, ended_on, reason) VALUES (:id, 'PUBLIC_NOTICE', :from, :to, :reason)")
			.param("id", id).param("from", publishedOn).param("to", last)
			.param("reason", "事先告知书公告送达：" + ChineseText.day(publishedOn) + "发出公告，视为" + ChineseText.day(deemedOn) + "送达，公告期间不计入办案期限（"
					+ StatutoryRule.PENALTY_DECISION.citations().get(1).formal() + "；"
					+ StatutoryRule.PENALTY_PUBLIC_NOTICE_SERVICE.citations().get(0).formal() + "）")
			.update();
	}

	/** The case's pauses of the decision clock, oldest first. */
	public List<Suspension> suspensions(long id) {
		return jdbc.sql("SELECT id, kind, started_on, ended_on, reason FROM penalty_case_suspension WHERE case_id = :id ORDER BY started_on, id")
			.param("id", id).query(Rows.of(Suspension.class)).list();
	}

	/**
	 * The latest act of the case's investigation recorded with its day — an item of evidence collected, 调查终结, 法制审核,
	 * 事先告知 — to which a pause of the decision clock may not reach back ({@link #requireOutsidePauses}): the clock stops
	 * because the case cannot go on (邮政行政执法监督办法(2021) art.17), so a period in which it went on is no pause.
	 * @return the day and what was done that day, or empty for a case with none yet
	 */
	public Optional<Act> latestAct(CaseView c) {
		List<Act> acts = new ArrayList<>();
		jdbc.sql("SELECT collected_on, title FROM penalty_case_evidence WHERE case_id = :id ORDER BY collected_on DESC, id DESC LIMIT 1")
			.param("id", c.id())
			.query((rs, n) -> new Act(rs.getObject(1, LocalDate.class), "收集证据“" + rs.getString(2) + "”"))
			.optional().ifPresent(acts::add);
		if (c.concludedOn() != null) {
			acts.add(new Act(c.concludedOn(), "调查终结"));
		}
		if (c.reviewedOn() != null) {
			acts.add(new Act(c.reviewedOn(), "法制审核"));
		}
		if (c.notifiedOn() != null) {
			acts.add(new Act(c.notifiedOn(), "事先告知"));
		}
		return acts.stream().max(Comparator.comparing(Act::on));
	}

	/** A dated act of a case's procedure: the day and, in words, what was done. */
	public record Act(LocalDate on, String what) {
	}

	/**
	 * Refuses an act of the case's procedure dated inside a pause of the decision clock — evidence collected, 调查终结,
	 * 事先告知, 集体讨论, the decision — after the day a pause began and before the day it ended, or after the day an open one began (the first and last days are the ground's own: the
	 * sample sent for appraisal, the appraisal's opinion received): a case paused does not go on meanwhile (邮政行政执法监督办法
	 * (2021) art.17), and an act in the period would show the days paused were days worked, counted twice. Hearing
	 * pauses are left out: the hearing's own steps fall in them; so are the party's own acts (陈述申辩, waivers, a
	 * hearing request), which the party may take while the authority waits — in a 公告 of the notice especially.
	 * @param field the request's field naming the act's day
	 * @param act the act in words ("收集证据")
	 * @throws DomainException (422, rule {@code inside-suspension}) naming the pause
	 */
	public void requireOutsidePauses(long id, String field, String act, LocalDate on) {
		for (Suspension s : suspensions(id)) {
			if (s.kind() == SuspensionKind.HEARING) {
				continue;
			}
			boolean inside = on.isAfter(s.startedOn()) && (s.endedOn() == null || on.isBefore(s.endedOn()));
			if (inside) {
				throw ruleBroken(field, "inside-suspension", act + "的日期" + ChineseText.day(on) + "在决定期限中止计时期间（" + s.kind().label() + "，"
						+ ChineseText.day(s.startedOn()) + "至" + (s.endedOn() == null ? "今" : ChineseText.day(s.endedOn())) + "）：中止期间案件不进行调查等办案活动，"
						+ (s.endedOn() == null ? "请先恢复计时（中止结束日期不晚于该日）再登记" : "不能登记在该期间内") + "（"
						+ Provision.ENFORCEMENT_CASE_LIMIT + "）");
			}
		}
	}

	/** The pause still lasting, if any. */
	public Optional<Suspension> ongoing(long id) {
		return suspensions(id).stream().filter(s -> s.endedOn() == null).findFirst();
	}

	/**
	 * Refuses a step that moves the case on past its investigation — 调查终结, 事先告知, 决定, 不予处罚 — while a
	 * suspension of its decision clock is open (邮政行政执法监督办法(2021) art.17: the suspension, public notice, testing
	 * or appraisal stops the clock because the case cannot go on meanwhile): the pause is ended first (恢复计时, with the
	 * day it really ended), so a decided case never carries an open pause and the days paused are known when the case
	 * moves on. Steps that end the case without a decision (撤案, 移送) are not refused: its clock no longer matters.
	 * @param field the request's field the refusal names (the step's day, or its reason)
	 * @throws DomainException (422, rule {@code suspension-open}) naming the open suspension
	 */
	public void requireNoOpenSuspension(long id, String field, String step) {
		Optional<Suspension> open = ongoing(id);
		if (open.isPresent()) {
			Suspension s = open.get();
			throw ruleBroken(field, "suspension-open", "决定期限中止计时中（" + s.kind().label() + "，自" + ChineseText.day(s.startedOn()) + "起）：请先恢复计时，再"
					+ step);
		}
	}

	/** Issues a document of the step just taken, filled from the case as it now stands (same transaction). */
	public void issue(long id, CaseDocumentKind kind) {
		documents.issue(id, kind, null, Map.of());
	}

	/**
	 * Issues the document of a step the case may take again after 退回调查 (调查终结, 事先告知): the earlier one of the
	 * kind, if any, stays as its predecessor ({@link CaseDocuments#issueAnew}).
	 */
	public void issueAnew(long id, CaseDocumentKind kind) {
		documents.issueAnew(id, kind, "退回调查后重新制作（" + kind.title() + "）");
	}

	/** A rule's value (a threshold) where the case is. */
	public BigDecimal threshold(StatutoryRule rule, CaseView c) {
		return rules.value(rule, c.regionCode());
	}

	/** The case, or 404. */
	public CaseView find(long id) {
		return jdbc.sql("SELECT * FROM penalty_case WHERE id = :id")
			.param("id", id)
			.query(Rows.of(CaseView.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("处罚案件", id));
	}

	/**
	 * Refuses a case under an article that punishes only an act the enterprise refused to correct once ordered to
	 * ({@link ViolationType#punishesOnlyUncorrected}: 快递暂行条例(2025) art.56, "经责令改正拒不改正") unless the party
	 * has a 责令改正通知书 about that very duty ({@link ViolationType#correctionDuties}) whose deadline passed before the
	 * act ended and that it did not carry out by {@code by} ({@link InspectionOrders#uncorrectedOrder}) — rule
	 * {@code uncorrected-order-required} on {@code field}, naming the article and the duty. Any other type passes. The
	 * one rule of the proposal, the decision and an imported case (attack B1, B3).
	 * @param creditCode the party's credit code (null: none, refused under such an article)
	 * @param actEnded the day the act ended (违法行为终了日期; a past case's filing day standing for it); null: {@code by}
	 * @param by the step's day (the proposal's, the decision's, the import's)
	 */
	public void requireUncorrectedOrder(Validation v, String field, ViolationType type, String creditCode,
			LocalDate actEnded, LocalDate by) {
		if (type == null || !type.punishesOnlyUncorrected()) {
			return;
		}
		v.require(field, orders.uncorrectedOrder(creditCode, type.correctionDuties(), actEnded == null ? by : actEnded, by)
				.isPresent(), "uncorrected-order-required", uncorrectedOrderRequired(type), type.uncorrectedOrderRequired());
	}

	/** What a refusal under rule {@code uncorrected-order-required} says, in the reader's language. */
	public static Wording uncorrectedOrderRequired(ViolationType type) {
		return Wording.of("enforcement.refusal.uncorrectedOrderRequired", type.shortName(), type.formalBasis(),
				type.correctionDutiesText());
	}

	/**
	 * The case locked FOR UPDATE for the step that follows, 404 outside the caller's scope; a staff account of another
	 * bureau than the one handling the case is refused ({@link #requireHandlingBureau}) — every step of the procedure,
	 * on the API and the page, locks the case here.
	 * @throws DomainException not-found outside the caller's scope; (422, rule {@code not-handling-bureau-head}) for a
	 * head of another bureau
	 * @throws org.youguan.kernel.AccessRefusedException (403) for other staff of another bureau
	 */
	public CaseView lock(DataScope scope, long id) {
		lockRow(id);
		CaseView c = find(id);
		scope.requireRegion(c.regionCode(), "处罚案件", id);
		requireHandlingBureau(c.handledIn());
		return c;
	}

	/** Takes the case's row lock (SELECT … FOR UPDATE) until the step's transaction ends; no row, no lock. */
	private void lockRow(long id) {
		jdbc.sql("SELECT id FROM penalty_case WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
	}

	/**
	 * The region of the bureau handling a case of {@code caseRegion} now ({@link Bureaus#staffed} with
	 * {@link Bureaus#CASE_DECIDERS}: a bureau with an enabled 处室工作人员 and an enabled 局领导) — what a case made now
	 * stores as its 办案机关 ({@code CaseView#handledIn}); the region itself where no bureau on the platform covers it.
	 */
	public String handlingRegion(String caseRegion) {
		return bureaus.handlingRegion(caseRegion, Bureaus.CASE_DECIDERS);
	}

	/**
	 * A step of a case is taken by the bureau handling it (行政处罚法(2021) art.17, 22: the case is that bureau's, which
	 * decides and serves in its own name): its 处室工作人员, or its head for a head-only step. Staff of a superior bureau
	 * whose region covers the case read it and take none of its steps; a signed-in staff account of another bureau is
	 * refused — a head with the head rule's own message ({@link #requireHandlingHead}), anyone else with 403. The party
	 * on the enterprise portal (its own steps, scoped to its credit code) and a step run without a signed-in account (a
	 * system job, the demo data) are not checked.
	 * @throws DomainException (422, field {@code head}, rule {@code not-handling-bureau-head}) for a head of another bureau
	 * @throws org.youguan.kernel.AccessRefusedException (403) for other staff of another bureau
	 */
	public void requireHandlingBureau(String caseRegion) {
		requireHandlingBureau(caseRegion, "案");
	}

	/**
	 * As {@link #requireHandlingBureau(String)} for a record of the case's procedure named {@code record} after 本
	 * ("线索": a lead's steps are its handling bureau's as a case's are): the 403 names the handling bureau
	 * ({@link Bureaus#refusal}).
	 */
	public void requireHandlingBureau(String caseRegion, String record) {
		CurrentUser u = bureaus.outsider(caseRegion, Bureaus.CASE_DECIDERS).orElse(null);
		if (u == null) {
			return;
		}
		if (u.has(Role.BUREAU_LEADER)) {
			requireHandlingHead(caseRegion, "办理本" + record);
		}
		throw bureaus.refusal(caseRegion, record, Bureaus.CASE_DECIDERS);
	}

	/**
	 * The region of a case a signed-in officer creates about a party of {@code partyRegion} (当场处罚, 简易程序): the
	 * officer's own bureau, to which the decision is filed (行政处罚法(2021) art.52: 报所属行政机关备案) — the party's region
	 * where that bureau handles it ({@link Bureaus#handles}), otherwise the bureau's own region: a city officer's
	 * decision on an enterprise of a county with its own bureau is the city's case, which the city's staff carry out,
	 * not the county's. A step run without a signed-in staff account (demo data, a job) keeps the party's region.
	 * 国家邮政局 (region {@code 0}) decides none where a bureau on the platform handles the party's region: a case of
	 * region {@code 0} is no local bureau's, numbered and served under no region, and its staff are not the officers on
	 * the spot art.52 has file with their own 行政机关 — empty then; the caller refuses it ({@link #nationalOnTheSpot}).
	 * Where no bureau below it covers the region, the national bureau handles it and the case keeps the party's region.
	 * @param partyRegion the party's registered region (or, for a person, where penalised), inside the caller's scope
	 * @return the region the case belongs to; empty for a national officer on a party another bureau handles
	 */
	public Optional<String> decidingRegion(String partyRegion) {
		Optional<String> own = bureaus.outsider(partyRegion, Bureaus.CASE_DECIDERS).map(u -> u.regionCode() == null ? "0" : u.regionCode());
		if (own.filter("0"::equals).isPresent()) {
			return Optional.empty();
		}
		return Optional.of(own.orElse(partyRegion));
	}

	/**
	 * Why 国家邮政局 records no 当场处罚 on a party of {@code partyRegion} ({@link #decidingRegion} empty), naming the
	 * bureau that handles it and the article (行政处罚法(2021) art.51–52, cited from the rule catalogue): 「当场处罚由当事人
	 * 所在地苏州市吴中区邮政管理局的执法人员作出并报该局备案（…）；国家邮政局查处的案件适用普通程序立案调查」.
	 */
	public String nationalOnTheSpot(String partyRegion) {
		return "国家邮政局不作出当场处罚决定：当场处罚由当事人所在地" + bureaus.staffedName(partyRegion, Bureaus.CASE_DECIDERS)
				+ "的执法人员作出并报该局备案（" + StatutoryRule.PENALTY_ON_THE_SPOT_FILING.basis()
				+ "）；国家邮政局查处的案件请适用普通程序立案调查";
	}

	/** Moves the case to {@code to} (the same state for a step that records something) with the extra SET clause. */
	public void move(CaseView c, CaseStatus to, String set, Map<String, ?> params) {
		StatusMove.move(jdbc, clock, "penalty_case", c.id(), c.status(), to, set, params, "案件");
	}

	/** Writes the step's audit entry, prefixed with the case number, in the case's region. */
	public void record(CaseView c, String action, String summary) {
		audit.record(AuditEntry.of(action, "penalty_case", c.id(), c.number() + "：" + summary).inRegion(c.regionCode()));
	}

	/**
	 * The party by credit code, registered in the caller's region; else the error on {@code enterpriseCreditCode}
	 * (null): required, its form, {@code exists} for a code no enterprise has. One registered outside the caller's
	 * region is not there (404 on {@code enterpriseCreditCode}, rule {@code scope}: {@link DataScope#refuseWithin}) in
	 * place of any other field's error — an on-the-spot decision's, an imported past case's (its sheet's row is told on
	 * the party's column), as a lead's — never "not in your region" beside the rest of the fields.
	 * @throws org.youguan.kernel.DomainException not found (404) for an enterprise outside {@code scope}'s region
	 */
	public EnterpriseView enterprise(Validation v, DataScope scope, String creditCode) {
		if (Text.isBlank(creditCode)) {
			v.require("enterpriseCreditCode", false, "required", "当事人统一社会信用代码不能为空");
			return null;
		}
		String code = v.check("enterpriseCreditCode", () -> CreditCode.of(creditCode).value());
		if (code == null) {
			return null;
		}
		EnterpriseView e = enterprises.findByCreditCode(code).orElse(null);
		v.require("enterpriseCreditCode", e != null, "exists", "当事人不在您辖区的企业名录中：" + code);
		if (e != null) {
			scope.refuseWithin("enterpriseCreditCode", e.regionCode(), "企业" + code);
		}
		return e;
	}

	/** The law the case applies ({@link CaseLaw#of}: the act's law unless the decision's is lighter). */
	public AppliedLaw law(CaseView c) {
		return caseLaw.of(c);
	}

	/**
	 * The parts of a proposed or decided penalty against the violation's article: the fine within its range (减轻 below
	 * it with art.32's ground and reason), the fine the article 并处 beside a heavier kind, a confiscation only where the
	 * article provides it and named as the kind, the kind one the article provides, 停业整顿 and 吊销 only when serious.
	 */
	public void combined(Validation v, String penaltyField, String fineField, String confiscatedField, CaseView c,
			Penalty penalty, BigDecimal fine, BigDecimal confiscated, boolean serious, Mitigation mitigation,
			Mitigation.Ground ground, String reason) {
		Set<String> provided = c.violationCode().penalties();
		// the range of the law the case applies (the act's, or today's where lighter), as the case's 情节 now is
		FineRange range = fine != null || mitigation == Mitigation.REDUCED ? caseLaw.now(c, serious).range() : null;
		if (fine != null) {
			DecisionRules.checkFine(v, fineField, range, fine, mitigation, ground, reason);
		}
		checkParts(v, penaltyField, fineField, confiscatedField, provided, penalty, fine, confiscated);
		// a fine the kind requires (并处, rule combined-required) is asked for on its own field first
		if (range != null && !v.hasError(fineField)) {
			DecisionRules.reducedIsBelowTheMinimum(v, range, provided, penalty, fine, mitigation);
		}
		DecisionRules.providedKind(v, penaltyField, provided, penalty, mitigation, ground, reason);
		DecisionRules.seriousOnly(v, penaltyField, penalty, serious);
		DecisionRules.finedOnlyWhenSerious(v, fineField, c.violationCode(), fine, serious);
	}

	/** The signed-in staff account taking the step, or null (a system job, the demo). */
	public static Long actorId() {
		return CurrentUser.signedIn().map(CurrentUser::id).orElse(null);
	}

	/**
	 * Whether the signed-in account reads the personal numbers in a case's free text in full — the facts copied from
	 * its lead, the report restating them ({@link CaseView#masked}): a 处室工作人员 of the bureau handling the case
	 * ({@link Bureaus#takesSteps}), the one rule a lead's summary is read by ({@code Leads#readsInFull}), so a number
	 * masked on the lead is not read in clear on its case. Anyone else signed in (a leader, a superior bureau's staff)
	 * reads them masked; a step run without a signed-in account (a job, the documents it issues) reads them whole.
	 * @param caseRegion the case's region
	 */
	public boolean readsInFull(String caseRegion) {
		return CurrentUser.signedIn().map(u -> bureaus.takesSteps(u, caseRegion, Bureaus.CASE_DECIDERS)).orElse(true);
	}

	/** The signed-in staff member's name, or null (a system job, the demo). */
	public static String actorName() {
		return CurrentUser.signedIn().map(CurrentUser::displayName).orElse(null);
	}

	/**
	 * A head-only step (立案, 决定, 不予处罚, 撤案, 移送, extension, deferral or instalments) is taken by 行政机关负责人
	 * (行政处罚法(2021) art.57) of the bureau handling the case — its own head: a signed-in account with the 局领导 role
	 * whose bureau's region is the case's. A superior bureau's head oversees the county's cases but does not decide for
	 * it (the 决定书 and 批准书 name the handling bureau's head as 本局负责人). A step run without a signed-in account (a
	 * system job, the demo data) is not checked.
	 * @param step the step in Chinese (批准立案); its English is the bundle's {@code enforcement.headStep.<step>}
	 * @throws DomainException (422, field {@code head}, rule {@code not-handling-bureau-head})
	 */
	public void requireHandlingHead(String caseRegion, String step) {
		requireHandlingHead(caseRegion, step, Wording.of("enforcement.headStep." + step));
	}

	/**
	 * As {@link #requireHandlingHead(String, String)} for a step whose words carry values (重新制作已送达当事人的 and a
	 * document's kind): the refusal is keyed ({@code enforcement.refusal.notHandlingHead}) with {@code stepWording}, so
	 * an English page reads it in English.
	 * @param step the step in Chinese, as the Chinese refusal names it
	 * @param stepWording the step as a bundle key with its values
	 * @throws DomainException (422, field {@code head}, rule {@code not-handling-bureau-head})
	 */
	public void requireHandlingHead(String caseRegion, String step, Wording stepWording) {
		CurrentUser u = CurrentUser.signedIn().orElse(null);
		if (u == null || headsHandlingBureau(u, caseRegion)) {
			return;
		}
		String handling = bureaus.staffedName(caseRegion, Bureaus.CASE_DECIDERS);
		boolean leader = u.has(Role.BUREAU_LEADER);
		String message = step + "须由办案机关（" + handling + "）的负责人作出（" + Provision.PENALTY_HEAD_DECIDES + "）："
				+ u.displayName() + "不是" + handling + "的局领导" + (leader ? "，上级或其他机关的负责人不能代为作出" : "");
		throw new DomainException(ErrorCode.RULE_VIOLATION, Wording.of(leader
				? "enforcement.refusal.notHandlingHead.leader" : "enforcement.refusal.notHandlingHead", stepWording, handling,
				u.displayName()), message, List.of(new FieldError("head", "not-handling-bureau-head", message)));
	}

	/**
	 * 吊销快递业务经营许可证 only by the authority that issued the enterprise's licence, as the registry states the rule
	 * ({@link Licences#revocationRefused}: 行政许可法(2019) art.70(四) with 行政处罚法(2021) art.9; 邮政法(2015) art.53 —
	 * the provincial bureau for a licence within the province, 国家邮政局 for an inter-province or international one): a
	 * case handled by another bureau (a city or county bureau, a province for 国家邮政局's licence or another province's)
	 * may not decide or propose it — it refers the case to the issuing authority. Nothing to check for another penalty.
	 * @param field the penalty's field ({@code proposedPenalty} for a proposal, which the message says is 拟)
	 * @param deciderRegion the region of the bureau deciding: a case's region (its handling bureau), the importing
	 *        bureau's for a past case ("" for 国家邮政局)
	 * @param creditCode the penalised enterprise
	 * @throws DomainException (422) naming {@code field}, rule {@code revocation-authority}
	 */
	public void revocationAuthority(String field, String deciderRegion, String creditCode, Penalty penalty) {
		if (penalty != Penalty.REVOCATION) {
			return;
		}
		licences.revocationRefused(deciderRegion, creditCode).ifPresent(why -> {
			throw ruleBroken(field, "revocation-authority", "吊销快递业务经营许可证由发证机关决定（" + Provision.LICENSING_CANCELLATION_REVOKED + "、"
					+ IssuingAuthority.BASIS + "）：" + why + "，不能" + (field.startsWith("proposed") ? "拟" : "") + "吊销许可证，请移送有权机关");
		});
	}

	/**
	 * The day a decision of {@code c} served on {@code servedOn} asks the party to pay its fine by
	 * ({@link CaseClock#paymentDue}, 行政处罚法(2021) art.67), or else to hand over what it confiscates
	 * ({@link CaseClock#handoverDue}); null for a decision that asks neither — what the party is told with the decision
	 * served ({@link PenaltyStepServed.Step#DECISION_SERVED}).
	 */
	public LocalDate partyDue(CaseView c, LocalDate servedOn) {
		CaseClock caseClock = clock(c);
		return Execution.fine(c) != null ? caseClock.paymentDue(servedOn)
				: Execution.confiscated(c) != null ? caseClock.handoverDue(servedOn) : null;
	}

	/**
	 * Tells the party of a step addressed to it ({@link PenaltyStepServed}, in the step's transaction: the notification
	 * follows its commit) with the fine {@code c} imposes as it stands: an enterprise's case handled on the platform — a
	 * person has no portal, and a past case imported was served off it.
	 */
	public void tellParty(CaseView c, PenaltyStepServed.Step step, LocalDate servedOn, LocalDate dueOn, boolean hearingRight) {
		tellParty(c, step, servedOn, dueOn, hearingRight, null);
	}

	/**
	 * As {@link #tellParty(CaseView, PenaltyStepServed.Step, LocalDate, LocalDate, boolean)} for the outcome of a remedy
	 * on a decision served ({@link PenaltyStepServed.Step#DECISION_CHANGED}, {@link PenaltyStepServed.Step#DECISION_ANNULLED}):
	 * who decided it and what is now to refund of what the party paid ({@link #refund}, none when nothing is).
	 * @param remedy who decided the outcome and what it did ("行政复议撤销"); null for a step that is no remedy's outcome
	 */
	public void tellParty(CaseView c, PenaltyStepServed.Step step, LocalDate servedOn, LocalDate dueOn, boolean hearingRight,
			String remedy) {
		tellParty(c, step, servedOn, null, dueOn, hearingRight, remedy, c.servedBy(today()));
	}

	/**
	 * As {@link #tellParty(CaseView, PenaltyStepServed.Step, LocalDate, LocalDate, boolean, String)} on the deemed day of
	 * a decision served by public notice, by the job that makes it take effect ({@code DeemedServices}, which may run
	 * for a day of its own): the decision is the party's from that day, so what follows its service
	 * ({@link PenaltyStepServed.Step#followsService}), held back before, is told now.
	 */
	public void tellPartyOnDeemedDay(CaseView c, PenaltyStepServed.Step step, LocalDate servedOn, LocalDate dueOn,
			String remedy) {
		tellParty(c, step, servedOn, null, dueOn, false, remedy, true);
	}

	/**
	 * As {@link #tellParty(CaseView, PenaltyStepServed.Step, LocalDate, LocalDate, boolean)} for a document served by
	 * public notice (公告送达): told when the notice is published ({@code publishedOn}, null for another method), the day
	 * it is deemed served being {@code servedOn} (民事诉讼法(2023) art.95), so the party is told both days.
	 */
	public void tellPartyServed(CaseView c, PenaltyStepServed.Step step, LocalDate servedOn, LocalDate publishedOn,
			LocalDate dueOn, boolean hearingRight) {
		tellParty(c, step, servedOn, publishedOn, dueOn, hearingRight, null, true);
	}

	/**
	 * @param decisionServed whether the decision is the party's by now: what follows its service is told only then —
	 * a public notice's deemed day still ahead, {@code DeemedServices} tells it on that day (with the terms then in
	 * force), never before (行政处罚法(2021) art.61, 民事诉讼法(2023) art.95) — except its annulment, told at once to a
	 * party the notice has put the decision to
	 */
	private void tellParty(CaseView c, PenaltyStepServed.Step step, LocalDate servedOn, LocalDate publishedOn,
			LocalDate dueOn, boolean hearingRight, String remedy, boolean decisionServed) {
		if (c.imported() || c.enterpriseCreditCode() == null) {
			return;
		}
		// an annulment is told as soon as it is decided once the party holds the decision (a public notice published):
		// the party must never hold a decision it believes live that is already revoked (行政处罚法(2021) art.48)
		if (step.followsService() && !decisionServed && !(step == PenaltyStepServed.Step.DECISION_ANNULLED && c.deliveredOn() != null)) {
			return;
		}
		Refund refund = remedy == null ? null : refund(c);
		events.publishEvent(new PenaltyStepServed(c.id(), c.number(), c.regionCode(), c.enterpriseCreditCode(), step,
				servedOn, dueOn, hearingRight, Execution.fine(c), remedy, refund == null || !refund.open() ? null : refund.due(),
				publishedOn));
	}

	/**
	 * Whether {@code u} may reissue (重新制作) a document of a case of {@code caseRegion}: a case handler of the handling
	 * bureau ({@link Bureaus#takesSteps}: {@code kernel.CaseRoles.HANDLERS}, 处室工作人员) or a head of the handling bureau ({@link #headsHandlingBureau}) —
	 * the one rule the case page offers the form by and the API enforces. A head of a superior or another bureau oversees
	 * the case and corrects none of its documents (行政处罚法(2021) art.57: the case is the handling bureau's).
	 */
	public boolean mayReissue(CurrentUser u, String caseRegion) {
		return bureaus.takesSteps(u, caseRegion, Bureaus.CASE_DECIDERS) || headsHandlingBureau(u, caseRegion);
	}

	/**
	 * Refuses a reissue by a signed-in account that may not ({@link #mayReissue}); a step run without one (a system job,
	 * the demo data) is not checked.
	 * @throws DomainException (422, field {@code head}, rule {@code not-handling-bureau-head})
	 */
	public void requireReissuer(String caseRegion, String document) {
		CurrentUser u = CurrentUser.signedIn().orElse(null);
		if (u == null || mayReissue(u, caseRegion)) {
			return;
		}
		String handling = bureaus.staffedName(caseRegion, Bureaus.CASE_DECIDERS);
		throw ruleBroken("head", "not-handling-bureau-head", "重新制作" + document + "须由办案人员或办案机关（" + handling
				+ "）的负责人作出（" + Provision.PENALTY_HEAD_DECIDES + "）：" + u.displayName() + "不是" + handling + "的局领导，上级或其他机关的负责人不能代为重新制作");
	}

	/**
	 * Whether {@code u} is a head (局领导) of the bureau handling a case of {@code caseRegion}, who alone takes its
	 * head-only steps (the case page offers their forms to no one else).
	 */
	public boolean headsHandlingBureau(CurrentUser u, String caseRegion) {
		return u.has(Role.BUREAU_LEADER) && u.kind() == UserKind.STAFF && bureaus.handles(u.scope(), caseRegion, Bureaus.CASE_DECIDERS);
	}

	/** The case, 404 when there is none or it lies outside the caller's scope (read without a lock). */
	public CaseView inScope(DataScope scope, long id) {
		CaseView c = find(id);
		scope.requireRegion(c.regionCode(), "处罚案件", id);
		return c;
	}

	/** Now, for the stamps of rows written by a step. */
	public OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}
}
