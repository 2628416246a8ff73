package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.enforcement.internal.CaseClock;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.enforcement.internal.Execution;
import org.youguan.enforcement.internal.FinePayments;
import org.youguan.enforcement.internal.FinePayments.PaymentDue;
import org.youguan.enforcement.internal.StoppedCaseDays;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;
import org.youguan.rules.FineRange;
import org.youguan.rules.StatutoryRules;
import org.youguan.rules.ViolationType;

/**
 * The penalty case as its pages and the API read it: a case with its investigators, pauses and deadlines as of today,
 * the case queue, how the case runs beyond its main record, and its documents. The steps of the procedure
 * (行政处罚法(2021) ch.5; 邮政行政执法监督办法(2021) art.17) are taken by the service of each part: filing from a lead
 * ({@link Leads}, which creates the case), investigation ({@link CaseInvestigation}), notice and hearing ({@link NoticeAndHearing}), decision
 * ({@link CaseDecisions}, {@link DecisionLimit}, {@link OnTheSpotPenalties}), execution ({@link CaseExecution}),
 * publication ({@link DecisionPublication}) and past cases ({@link PastCases}); each step is one transaction that locks
 * the case, checks the step is allowed from its state and its own rules, changes the case and writes its audit entry.
 */
@Service
public class PenaltyCases {

	static final Map<String, String> SORTS = Map.of("filed_on", "c.filed_on", "remaining", "remaining_days",
			"enterprise_name", "c.enterprise_name", "status", "c.status", "decided_on", "c.decided_on");

	private final JdbcClient jdbc;

	private final StatutoryRules rules;

	private final Clock clock;

	private final CaseDocuments documents;

	private final CaseWork caseWork;

	private final FinePayments finePayments;

	private final WorkingCalendar calendar;

	PenaltyCases(JdbcClient jdbc, StatutoryRules rules, Clock clock, CaseDocuments documents, CaseWork caseWork,
			FinePayments finePayments, WorkingCalendar calendar) {
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.rules = rules;
		this.clock = clock;
		this.documents = documents;
		this.caseWork = caseWork;
		this.finePayments = finePayments;
	}

	/** One investigator of a case. */
	public record Investigator(int position, Long inspectorId, Long userId, String name, String certificateNumber) {
	}

	/** A period excluded from the decision clock; {@code endedOn} null while it lasts. */
	public record Suspension(long id, SuspensionKind kind, LocalDate startedOn, LocalDate endedOn, String reason) {
	}

	/**
	 * The case's deadlines as of today, for its page and list. {@code paymentDue} is, once delivered, a fine's payment
	 * deadline in force (the next unpaid instalment's, once paid the last one's), or a confiscation's handover day when
	 * the decision imposes no fine; {@code surchargeToday} is a fine's 加处罚款 only (owed today on every overdue
	 * instalment, or paid) — never a confiscation's (art.72); {@code handoverDue} the last day to hand over what a
	 * delivered decision confiscates, beside the fine's own {@code paymentDue} when both were decided (并处). Each
	 * {@code …Provisional} beside a date says it lies in a year whose holiday notice is not loaded
	 * ({@link WorkingCalendar#isProvisional(LocalDate)}): 暂定, it may move when the notice is loaded. A deadline met is
	 * shown as met, the same on the page and in the API: {@code decisionMadeOn} the day the decision was made (the
	 * 决定期限 then met, never 暂定; null for a decision made after it — {@link CaseView#decidedLate}: the case reads
	 * 超过办案期限, never 已履行), {@code paidUpOn} the day the fine was paid in full (the 缴款期限 then met: no
	 * {@code paymentDue} is demanded any more — it is null —, never 暂定; an imported case's from its 缴款日期 as a live
	 * one's); null while not met. One view per state ({@link #of}): {@code remainingDays} (calendar days to the
	 * 决定期限, negative when past) only while the clock runs — null once decided or ended and for an imported case, as the
	 * list gives it —; a decision served, a case ended ({@link CaseStatus#finished}) or one imported already carried out
	 * demands no 送达, and the last two no 缴款 or 上缴 any more; {@code publicationDue} as the publish queue owes it: for
	 * a live decision (closing does not end the 双公示), never for an imported one but for a 重新公示 after a withdrawal.
	 */
	public record Deadlines(LocalDate decisionDue, boolean decisionDueProvisional, Long remainingDays, boolean suspended,
			LocalDate hearingRequestDue, boolean hearingRequestDueProvisional, LocalDate deliveryDue,
			boolean deliveryDueProvisional, LocalDate paymentDue, boolean paymentDueProvisional, BigDecimal surchargeToday,
			LocalDate publicationDue, boolean publicationDueProvisional, boolean hearingRight, FineRange fineRange,
			LocalDate handoverDue, boolean handoverDueProvisional, LocalDate decisionMadeOn, LocalDate paidUpOn) {

		/**
		 * The deadlines, each date flagged 暂定 as {@code calendar} counts it unless met: a decision made
		 * ({@code decisionMadeOn}) meets the 决定期限, a fine paid in full ({@code paidUpOn}) the 缴款期限, which is then
		 * no longer given.
		 */
		static Deadlines of(WorkingCalendar calendar, LocalDate decisionDue, Long remainingDays, boolean suspended,
				LocalDate hearingRequestDue, LocalDate deliveryDue, LocalDate paymentDue, BigDecimal surchargeToday,
				LocalDate publicationDue, boolean hearingRight, FineRange fineRange, LocalDate handoverDue,
				LocalDate decisionMadeOn, LocalDate paidUpOn) {
			LocalDate demanded = paidUpOn == null ? paymentDue : null;
			return new Deadlines(decisionDue, decisionMadeOn == null && provisional(calendar, decisionDue), remainingDays,
					suspended, hearingRequestDue, provisional(calendar, hearingRequestDue), deliveryDue,
					provisional(calendar, deliveryDue), demanded, provisional(calendar, demanded), surchargeToday,
					publicationDue, provisional(calendar, publicationDue), hearingRight, fineRange, handoverDue,
					provisional(calendar, handoverDue), decisionMadeOn, paidUpOn);
		}

		private static boolean provisional(WorkingCalendar calendar, LocalDate day) {
			return day != null && calendar.isProvisional(day);
		}
	}

	/**
	 * A case with its people, pauses and deadlines, and a confiscation's handover once recorded (else null); {@code basis}
	 * the article that punishes its violation as the staff's short form cites it, in the version of the law the case
	 * applies ({@link CaseWork#law}, 行政处罚法(2021) art.37 从旧兼从轻: 快递暂行条例(2019) 第40条 for an act ended before
	 * 2025-06-01 however late decided, unless the decision's law is lighter), blank where no article was in force on the
	 * act's day; {@code shownStatus} the status as the page and the API show it today ({@link CaseView#shownStatus}:
	 * 公告送达中 with the deemed day while a public notice's deemed day is ahead, never 已送达); {@code deemedServicePending}
	 * whether the case's {@code deliveredOn} is that deemed day, still ahead ({@link CaseView#deemedServedAfter}): the
	 * decision is not yet served nor in effect — no 结案 nor 已执行 before it ({@link CaseExecution#close}).
	 */
	public record CaseDetail(CaseView penaltyCase, List<Investigator> investigators, List<Suspension> suspensions,
			Deadlines deadlines, Handover handover, Refund refund, String basis, String shownStatus,
			boolean deemedServicePending) {

		/**
		 * Whether a suspension is open (it may be ended: 恢复计时) — not the same as a stopped clock, which a pending
		 * hearing stops too ({@link Deadlines#suspended}) and which a suspension may still be added to. Only before the
		 * decision: a pause left open on a case decided or ended before that was refused has no clock left to resume.
		 */
		public boolean suspensionOpen() {
			return penaltyCase.status().beforeDecision() && suspensions.stream().anyMatch(s -> s.endedOn() == null);
		}
	}

	/**
	 * 没收违法所得上缴 (行政处罚法(2021) art.74): the day it was handed over, the amount (¥), the receipt's number or a note
	 * (may be null when a scan was kept) and the scan of the receipt (an attachment of the case, or null).
	 */
	public record Handover(LocalDate handedOverOn, BigDecimal amount, String receipt, Long attachmentId) {
	}

	/**
	 * 罚款退还: what was paid beyond what the decision now demands — a fine lowered or removed by a 变更, or a decision
	 * revoked or confirmed invalid, after payment ({@code Execution#overpaid}, with the 加处罚款 when the fine falls) —
	 * refunded in one or several refunds. {@code due} is what remains to refund (¥, 0 once all is refunded);
	 * {@code refundedOn}, {@code amount}, {@code basis} and {@code recordedBy} are the last refund's (null before any);
	 * {@code refunds} every refund made, oldest first.
	 */
	public record Refund(BigDecimal due, LocalDate refundedOn, BigDecimal amount, String basis, String recordedBy,
			List<Refunded> refunds) {

		/** Whether something remains to be refunded. */
		public boolean open() {
			return due.signum() > 0;
		}

		/** What the refunds made add up to (¥). */
		public BigDecimal amounts() {
			return refunds.stream().map(Refunded::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		}
	}

	/**
	 * One refund made: its day, amount (¥; {@code surcharge} of it the 加处罚款 returned with a fine removed or annulled),
	 * the basis stated at its time, who recorded it and its 退付凭证号 ({@code receipt}, null when none was given).
	 */
	public record Refunded(LocalDate refundedOn, BigDecimal amount, BigDecimal surcharge, String basis, String recordedBy,
			String receipt) {
	}

	/**
	 * One case in the queue: remaining days before the decision limit (null once decided), whether paused (only a case
	 * not yet decided: a pause left open on a decided or ended case stops no clock), and whether
	 * the decision limit lies in a year whose holiday notice is not loaded ({@code decisionDueOnProvisional}: 暂定);
	 * {@code filedOn} null for a 当场处罚 (简易程序, 行政处罚法(2021) art.51): it is decided on the spot, never 立案.
	 * {@code deliveryMethod} and {@code deliveredOn} (for 公告送达 the deemed day) are the decision's service, null
	 * before; {@code shownStatus} is the status as the list shows it today ({@link CaseStatus#shown}: 公告送达中 with
	 * the deemed day while that day is ahead, never 已送达); {@code deemedServicePending} whether {@code deliveredOn} is
	 * that deemed day, still ahead ({@link CaseClock#deemedDayAhead}): not yet served, the day is not one past;
	 * {@code decidedLate} whether the decision was made after the decision limit ({@link CaseView#decidedLate}: the
	 * list's and the export's 超过办案期限, as the case page shows it).
	 */
	public record CaseSummary(long id, String number, String regionCode, String enterpriseName,
			String enterpriseCreditCode, ViolationType violationCode, CaseStatus status,
			LocalDate filedOn, LocalDate decisionDueOn, Long remainingDays, boolean suspended, String decisionNumber,
			Penalty penalty, BigDecimal fine, LocalDate publishedOn, boolean imported, boolean decisionDueOnProvisional,
			DeliveryMethod deliveryMethod, LocalDate deliveredOn, String shownStatus, boolean deemedServicePending,
			boolean decidedLate) {

		/**
		 * The same case with {@code decisionDueOnProvisional} as {@code calendar} counts its decision limit and its
		 * status as shown on {@code today}.
		 */
		CaseSummary counted(WorkingCalendar calendar, LocalDate today) {
			return new CaseSummary(id, number, regionCode, enterpriseName, enterpriseCreditCode, violationCode, status,
					filedOn, decisionDueOn, remainingDays, suspended, decisionNumber, penalty, fine, publishedOn, imported,
					decisionDueOn != null && calendar.isProvisional(decisionDueOn), deliveryMethod, deliveredOn,
					status.shown(CaseClock.deemedDayAhead(deliveredOn, today)), CaseClock.deemedDayAhead(deliveredOn, today) != null,
					decidedLate);
		}
	}

	/** One instalment of a fine paid in instalments; paid ones carry the day, amount and 加处罚款. */
	public record Instalment(int position, LocalDate dueOn, BigDecimal amount, LocalDate paidOn, BigDecimal paidAmount,
			BigDecimal surcharge) {
	}

	/**
	 * How a case runs beyond its main record: the procedure (GENERAL, SIMPLE), the party (ORGANISATION, PERSON), the
	 * place of an on-the-spot decision, the hearing's record, the transfer, and an approved deferral or instalments with
	 * the day the party applied ({@code paymentAppliedOn}, null for arrangements approved before V209 kept it).
	 */
	public record Procedure(String procedureKind, String partyKind, String onSpotPlace, String hearingRecord,
			String transferredTo, LocalDate transferredOn, String paymentArrangement, LocalDate paymentDeferredUntil,
			String paymentArrangementReason, String paymentArrangedBy, LocalDate paymentAppliedOn,
			List<Instalment> instalments) {

		/**
		 * The same with the personal numbers in its free texts (the on-the-spot place, the hearing's record, the reason
		 * for a deferral or instalments) masked as {@link CaseView#masked} masks the case's.
		 */
		public Procedure masked() {
			return new Procedure(procedureKind, partyKind, LeadView.masked(onSpotPlace), LeadView.masked(hearingRecord),
					transferredTo, transferredOn, paymentArrangement, paymentDeferredUntil,
					LeadView.masked(paymentArrangementReason), paymentArrangedBy, paymentAppliedOn, instalments);
		}

		/** Whether decided on the spot (简易程序). */
		public boolean simple() {
			return "SIMPLE".equals(procedureKind);
		}

		/** The position of the next instalment to pay, or null (no instalments, or all paid). */
		public Integer nextInstalment() {
			return instalments.stream().filter(i -> i.paidOn() == null).map(Instalment::position).findFirst().orElse(null);
		}
	}

	/**
	 * How the case runs beyond its main record (procedure, party, hearing record, transfer, payment terms), its free
	 * texts masked unless the signed-in account handles the case ({@link CaseWork#readsInFull}), as {@link #get} reads it.
	 */
	public Procedure procedure(DataScope scope, long id) {
		CaseView c = get(scope, id).penaltyCase();
		Procedure p = caseWork.procedure(id);
		return caseWork.readsInFull(c.handledIn()) ? p : p.masked();
	}

	/**
	 * The reason the case's lead was proposed for the 5-year limitation (行政处罚法(2021) art.36), as the case page quotes
	 * it: empty when none was kept, absent when the lead was not so proposed; its personal numbers masked unless the
	 * signed-in account handles the case ({@link CaseWork#readsInFull}), as the lead's page masks it.
	 */
	public Optional<String> harmReason(DataScope scope, long id) {
		CaseView c = caseWork.find(id);
		scope.requireRegion(c.regionCode(), "处罚案件", id);
		Optional<String> reason = documents.harmReason(c.leadId());
		return caseWork.readsInFull(c.handledIn()) ? reason : reason.map(LeadView::masked);
	}

	/**
	 * A case in the caller's scope with its investigators, pauses and deadlines as of today — its facts and report with
	 * personal numbers masked unless the signed-in account handles it ({@link CaseWork#readsInFull}: the page and the
	 * API read it here, as the lead it was filed from is read).
	 */
	public CaseDetail get(DataScope scope, long id) {
		CaseView c = caseWork.find(id);
		scope.requireRegion(c.regionCode(), "处罚案件", id);
		if (!caseWork.readsInFull(c.handledIn())) {
			c = c.masked();
		}
		List<Investigator> team = jdbc.sql("""
				SELECT position, inspector_id, user_id, name, certificate_number FROM penalty_case_investigator
				WHERE case_id = :id ORDER BY position""").param("id", id).query(Rows.of(Investigator.class)).list();
		List<Suspension> pauses = caseWork.suspensions(id);
		return new CaseDetail(c, team, pauses, deadlines(c, pauses), caseWork.handover(id).orElse(null), caseWork.refund(c),
				caseWork.law(c).basis(), c.shownStatus(caseWork.today()), c.deemedServedAfter(caseWork.today()) != null);
	}

	/**
	 * A page of the case queue in the caller's scope, optionally only open cases (before the decision) and only those of
	 * one status — with each case's remaining days before the decision limit (a paused case counts as of the day its
	 * pause began; none for a past case imported undecided: its limit ran off the platform and is shown as a day, to be
	 * checked, not counted down from today).
	 * @param status the status the cases are in, or null for any
	 */
	public PageResult<CaseSummary> list(DataScope scope, boolean openOnly, CaseStatus status, PageQuery page) {
		return list(scope, CaseFilter.of(status), openOnly, page);
	}

	/**
	 * {@link #list(DataScope, boolean, CaseStatus, PageQuery)} with the list's one status filter ({@link CaseFilter}):
	 * {@code NOTICE_PENDING} (公告送达中) lists the decisions served by public notice whose deemed day is ahead, which
	 * {@code DELIVERED} (已送达) leaves out; 办理中 ({@code openOnly}) lists them with the cases before the decision, as
	 * the decision is not yet in effect. The page, the API and the export read the filter the same way.
	 * @param filter the status asked for, or {@link CaseFilter#ANY}
	 */
	public PageResult<CaseSummary> list(DataScope scope, CaseFilter filter, boolean openOnly, PageQuery page) {
		LocalDate today = caseWork.today();
		CaseStatus status = filter.status();
		return new StoppedCaseDays(jdbc, caseWork::clock).fill(Listing.from("FROM penalty_case c LEFT JOIN penalty_case_suspension s ON s.case_id = c.id AND s.ended_on IS NULL")
			.scope(scope, "c.region_code")
			.where(openOnly ? "(c.status IN ('FILED', 'INVESTIGATING', 'INVESTIGATED', 'NOTIFIED', 'HEARING') OR "
					+ CaseFilter.NOTICE_PENDING_SQL + ")" : "TRUE")
			.where(status != null, "c.status = :status", "status", status == null ? "" : status.name())
			// 已送达 lists the decisions served, as the list shows them: a public notice whose deemed day is ahead reads
			// 公告送达中 (CaseStatus.shown), not 已送达 — and is listed under 公告送达中
			.where(status == CaseStatus.DELIVERED ? "NOT COALESCE(" + CaseClock.DEEMED_DAY_AHEAD_SQL + ", FALSE)" : "TRUE")
			.where(filter.noticePending() ? CaseFilter.NOTICE_PENDING_SQL : "TRUE")
			.search(page, "c.number", "c.enterprise_name", "c.enterprise_credit_code", "c.decision_number")
			.bind("today", today)
			.sorts(SORTS, "filed_on", true, "c.id")
			.page(jdbc, """
					SELECT c.id, c.number, c.region_code, c.enterprise_name, c.enterprise_credit_code, c.violation_code,
					       c.status, CASE WHEN c.procedure_kind = 'SIMPLE' THEN NULL ELSE c.filed_on END AS filed_on,
					       c.decision_due_on,
					       CASE WHEN c.status IN ('FILED', 'INVESTIGATING', 'INVESTIGATED', 'NOTIFIED', 'HEARING')
					            AND NOT c.imported THEN\s""" + CaseClock.REMAINING_DAYS_SQL + """
					             END AS remaining_days,
					       (c.status IN ('FILED', 'INVESTIGATING', 'INVESTIGATED', 'NOTIFIED', 'HEARING')
					        AND NOT\s""" + CaseClock.RUNNING_SQL + """
					       ) AS suspended, c.decision_number, c.penalty, c.fine, c.published_on, c.imported,
					       c.delivery_method, c.delivered_on, CAST(NULL AS text) AS shown_status,
					       FALSE AS deemed_service_pending, c.decided_late""",
					page, Rows.of(CaseSummary.class)), today)
			.map(k -> k.counted(calendar, today));
	}

	private Deadlines deadlines(CaseView c, List<Suspension> pauses) {
		CaseClock caseClock = caseWork.clock(c);
		LocalDate today = caseWork.today();
		// a stopped clock shows the limit it would have were it restarted tomorrow (every pause counted to today, shared
		// days once, moved off a rest day as resuming stores it) and the days to it; a decided or ended case has no clock
		// to stop — a pause left open before that was refused is no suspension of it
		boolean stopped = c.status().beforeDecision() && CaseClock.stops(CaseClock.pausedSince(c,
				pauses.stream().filter(s -> s.endedOn() == null).findFirst().map(Suspension::startedOn)), c.decisionDueOn());
		long remaining = stopped ? caseClock.daysLeftWhileStopped(c.filedOn(), c.extended(), caseWork.pausesInForce(c), today)
				: CaseClock.remaining(c.decisionDueOn(), today);
		// one rule with the list (CaseSummary): the days are counted only while the clock runs — never once decided or
		// ended, nor for an imported case, which runs no clock on the platform
		Long remainingDays = c.status().beforeDecision() && !c.imported() ? remaining : null;
		// an ended case — or an imported one already carried out — is owed no 送达, 公示, 缴款 nor 上缴 any more
		boolean settled = c.status().finished() || c.imported() && c.status() == CaseStatus.EXECUTED;
		LocalDate paymentDue = null;
		LocalDate paidUpOn = null;
		BigDecimal surcharge = null;
		if (c.deliveredOn() != null && Execution.fine(c) == null && Execution.confiscated(c) != null) {
			// handed over within its own period; no 加处罚款, which art.72 provides for fines only
			paymentDue = caseClock.handoverDue(c.deliveredOn());
		}
		else if (c.deliveredOn() == null && c.imported() && c.paidOn() != null) {
			// a past case imported without its delivery day: its 缴款日期 meets the 缴款期限 as a live payment does
			paidUpOn = c.paidOn();
		}
		else if (c.deliveredOn() != null && Execution.fine(c) != null) {
			Procedure proc = caseWork.procedure(c.id());
			// paid up (a 变更 lowered the fine below what the instalments paid): nothing more is demanded
			boolean paidUp = Execution.paidUp(c, proc.instalments());
			PaymentDue payment = paidUp ? null : finePayments.paymentDue(c, proc);
			// a plan paid up before its end (a 变更 lowered the fine) has no last day to show: its remaining days are not demanded
			boolean cutShort = paidUp && proc.instalments().stream().anyMatch(i -> i.paidOn() == null);
			paymentDue = payment != null ? payment.due() : cutShort ? null : finePayments.finalPaymentDue(c, proc);
			// paid: the 加处罚款 as it was paid (a later 变更 lowers the fine, not what was paid), the one the page shows
			surcharge = paidUp ? Execution.paidSurcharge(c, proc.instalments()) : finePayments.owedSurcharge(c, proc, today);
			// the 缴款期限 met: the day the fine was paid in full (in one payment, or the last instalment's)
			paidUpOn = !paidUp ? null : c.paidOn() != null ? c.paidOn() : proc.instalments().stream().map(Instalment::paidOn)
				.filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
		}
		// a stopped clock's limit is the one it would have were it restarted tomorrow — today's paused day counted —, so
		// the page's 决定期限 and its N天 always differ by N (0 on the last day), stopped or running
		// one rule with the publish queue (EnforcementWorkQueues): a live decision is owed its 双公示 whatever its state
		// after service (closing does not end the duty), a past one imported is not — published on its scan when the
		// bureau chooses (DecisionPublication) —, and a 重新公示 after a withdrawal is a duty of its own
		LocalDate publicationDue = c.imported() && c.publicationWithdrawnOn() == null ? null : publicationDue(c, caseClock);
		return Deadlines.of(calendar, stopped ? today.plusDays(remaining) : c.decisionDueOn(), remainingDays, stopped,
				caseWork.replyDue(c),
				c.decidedOn() == null || c.deliveredOn() != null || settled ? null : caseClock.deliveryDue(c.decidedOn()),
				settled ? null : paymentDue, surcharge,
				publicationDue,
				caseWork.hearingRight(c),
				// the range of the law the case applies (CaseLaw): a decided case's as it stood at its decision's instant
				caseWork.law(c).range(),
				c.deliveredOn() == null || Execution.confiscated(c) == null || settled ? null : caseClock.handoverDue(c.deliveredOn()),
				// a late decision did not meet the 决定期限: the case reads 超过办案期限, never 已履行
				c.decidedLate() ? null : c.decidedOn(), paidUpOn);
	}

	/**
	 * The day the 双公示 period of a case's decision runs from ({@link CaseClock#publicationDue}): its delivery, or for a
	 * past case imported without a delivery day its decision; null while there is nothing to publish yet.
	 */
	static LocalDate publicationStart(CaseView c) {
		if (c.penalty() == null) {
			return null;
		}
		return c.deliveredOn() != null ? c.deliveredOn() : c.imported() ? c.decidedOn() : null;
	}

	/**
	 * The last day to publish the decision (双公示, {@link CaseClock#publicationDue}): counted from its delivery for the
	 * first publication; for a publication withdrawn, from the 变更 that allows publishing the decision again as changed
	 * ({@link CaseWork#republicationStart}) — none when withdrawn without one (revoked, confirmed illegal or invalid).
	 */
	private LocalDate publicationDue(CaseView c, CaseClock caseClock) {
		if (c.publishedOn() != null && c.publicationWithdrawnOn() != null) {
			LocalDate changed = caseWork.republicationStart(c);
			return changed == null ? null : caseClock.publicationDue(changed);
		}
		return publicationStart(c) == null ? null : caseClock.publicationDue(publicationStart(c));
	}

	/**
	 * The documents of a case in the caller's scope, as issued (reissues after their predecessors); for a reader who
	 * reads the case masked ({@link CaseWork#readsInFull}) the scans of originals are withheld
	 * ({@link CaseDocuments.IssuedDocument#fileWithheld}: no address), as the evidence's files are.
	 */
	public List<CaseDocuments.IssuedDocument> documents(DataScope scope, long id) {
		CaseView c = get(scope, id).penaltyCase();
		return documents.list(id, caseWork.readsInFull(c.handledIn()));
	}

	/**
	 * Issues a document again (corrected), filled from the case as it now stands, with the same 文号 and the next
	 * version; the predecessor is kept and marked replaced. A document already served on the party
	 * ({@link CaseDocumentKind#served}: the 行政处罚决定书 once served — a public notice's from its deemed day,
	 * {@link CaseView#servedBy} —, the notices as issued) is corrected only by the
	 * handling bureau's head (行政处罚法(2021) art.57: what the bureau decided and served is its head's to change), and
	 * the party keeps reading the version served beside the new one. One transaction with its audit entry.
	 * @throws DomainException not-found outside the caller's scope or for another case's document; (409) when that
	 * version was already replaced; (422, field {@code head}, rule {@code not-handling-bureau-head}) for any document
	 * reissued by an account that is neither a case handler nor a head of the handling bureau
	 * ({@link CaseWork#mayReissue}: a superior bureau's head, as the case page offers it no form), and for a served
	 * document reissued by anyone else than the handling bureau's head
	 * @throws InvalidValueException (field {@code reason}) when the reason is blank or over 500 characters
	 */
	@Transactional
	public CaseDocuments.IssuedDocument reissueDocument(DataScope scope, long id, long documentId, String reason) {
		CaseView c = caseWork.lock(scope, id);
		// served once its deemed day is reached (a public notice still running is not yet the party's, which reads no
		// decision before it either: EnterprisePenalties.served)
		boolean delivered = c.servedBy(caseWork.today());
		Optional<CaseDocuments.IssuedDocument> asked = documents.list(id).stream().filter(d -> d.id() == documentId).findFirst();
		// the case's own workers only, as the page offers the form: a superior's head corrects no county document
		asked.ifPresent(d -> caseWork.requireReissuer(c.handledIn(), d.title()));
		// a scan of a paper document is never filled again (409 from the reissue itself), whoever asks
		asked.filter(d -> !d.original() && d.kind().served(delivered))
			.ifPresent(d -> caseWork.requireHandlingHead(c.handledIn(), "重新制作已送达当事人的" + d.title(),
					Wording.of("enforcement.headStep.reissueServed", d.kind())));
		refuseEarlierRound(id, documentId);
		CaseDocuments.IssuedDocument d = documents.reissue(id, documentId, reason);
		caseWork.record(c, "case.document-reissue", "重新制作" + d.title() + "（" + d.number() + "，第" + d.version() + "版）："
				+ Text.strip(reason));
		return d;
	}

	/**
	 * A document of a round the case was returned from (退回调查, {@link CaseDocuments#RETURNED_ROUND}) is not filled
	 * again: the case no longer holds that round's conclusion, review, notice, statement or hearing (they are kept with
	 * the return), so it would come out blank or as the new round's; the round's documents stay as issued (409, field
	 * {@code documentId}, rule {@code earlier-round}).
	 */
	private void refuseEarlierRound(long caseId, long documentId) {
		Optional<CaseDocuments.IssuedDocument> earlier = documents.list(caseId).stream()
			.filter(d -> d.id() == documentId && d.earlierRound()).findFirst();
		if (earlier.isPresent()) {
			String message = "该文书属于" + ChineseText.day(earlier.get().returnedOn()) + "退回调查前的一轮程序，案件已不再保存该轮的调查终结、法制审核、"
					+ "告知、陈述申辩和听证内容，不能重新制作；重新调查终结、告知后将制作本轮的文书";
			throw DomainException.illegalTransition("documentId", "earlier-round", message);
		}
	}
}
