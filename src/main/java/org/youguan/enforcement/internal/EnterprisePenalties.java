package org.youguan.enforcement.internal;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.enforcement.CaseExecution;
import org.youguan.enforcement.CaseFilter;
import org.youguan.enforcement.CaseStatus;
import org.youguan.enforcement.CaseView;
import org.youguan.enforcement.DecisionOutcomes;
import org.youguan.enforcement.DeliveryMethod;
import org.youguan.enforcement.NoPenaltyGround;
import org.youguan.enforcement.NoticeAndHearing;
import org.youguan.enforcement.Penalty;
import org.youguan.enforcement.PenaltyCases;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.rules.ViolationType;

/**
 * The party's side of its penalty cases on the enterprise portal: only the enterprise's own cases, and of them only
 * what has been put to it — from the 事先告知 on (行政处罚法(2021) art.44; an investigation is not shown before) or a
 * decision (imported cases): the proposed penalty and its rights, the 陈述申辩 and 听证 windows, the decision, delivery
 * and the payment with its due day and 加处罚款 (art.67, 72). The party states its case (陈述申辩, art.45) or requests a
 * hearing (art.63–64) itself within the 5 working days after the notice (art.64, 85); both run the procedure's own
 * steps ({@link PenaltyCases}) with their audit entries, as the enterprise user. Another enterprise's case is not found.
 */
@Component
class EnterprisePenalties {

	/**
	 * One of the enterprise's cases in its list.
	 * @param surchargeToday the 加处罚款 a delivered fine not paid has accrued to today (行政处罚法(2021) art.72, capped
	 * at the fine by {@code penalty.late-surcharge-cap}; zero before its deadline has passed), as its page shows it;
	 * null when no fine is owed
	 * @param deliveryMethod how the decision was served, null before
	 * @param deliveredOn the day it was served — for 公告送达 the day it is deemed served —, null before
	 * @param shownStatus the status as the list shows it today ({@link CaseStatus#shown}): 公告送达中 with the deemed day
	 * while that day is ahead, never 已送达
	 * @param deemedServicePending whether {@code deliveredOn} is the deemed day of a public notice still ahead
	 * ({@link CaseClock#deemedDayAhead}): not yet served, the day is not one past — false once the decision is annulled
	 * @param decisionAnnulledOn the day the decision the party reads was revoked or confirmed invalid (撤销, 确认无效 —
	 * 行政处罚法(2021) art.48 tells it as soon as it happens, a public notice still running included), else null
	 */
	public record Summary(long id, String number, ViolationType violation, CaseStatus status, LocalDate notifiedOn,
			String decisionNumber, LocalDate decidedOn, Penalty penalty, BigDecimal fine, LocalDate paidOn,
			BigDecimal surchargeToday, DeliveryMethod deliveryMethod, LocalDate deliveredOn, String shownStatus,
			boolean deemedServicePending, LocalDate decisionAnnulledOn) {

		/** The same case with its 加处罚款 ({@code unpaid}, null when none is owed) and its status as shown on {@code today}. */
		Summary completed(CaseExecution.Unpaid unpaid, LocalDate today) {
			LocalDate ahead = CaseClock.deemedDayAhead(deliveredOn, today);
			return new Summary(id, number, violation, status, notifiedOn, decisionNumber, decidedOn, penalty, fine, paidOn,
					unpaid == null ? null : unpaid.surchargeToday(), deliveryMethod, deliveredOn,
					EnterprisePenalties.shownStatus(status, decisionAnnulledOn, ahead),
					decisionAnnulledOn == null && (deemedServicePending || ahead != null), decisionAnnulledOn);
		}
	}

	/**
	 * One case as the party sees it.
	 * @param proposedPenalty the penalty the 事先告知书 proposed (art.44), null before a notice was served: the
	 * 调查终结报告's proposal, the 法制审核 and the 集体讨论 stay the bureau's (attack: a 不予处罚 without a notice showed
	 * the report's WARNING); the same for {@code proposedFine}, {@code proposedConfiscated}, {@code proposedSuspensionDays}
	 * @param hearingRight whether the proposed penalty carries the right to a hearing (art.63); false before a notice
	 * @param decidedOn the decision's day once it is served (art.61) or its public notice published (公告送达中: the
	 * notice publishes it for the party to obtain, 民事诉讼法(2023) art.95), null before — as its 文号 and penalty
	 * @param replyDue the last day to state its case or request a hearing (5 working days after the notice)
	 * @param statementWaivedOn the day the party waived its statement in writing (on the portal or on paper), null
	 * when it did not — no statement after it
	 * @param canReply whether the party may still state its case or waive it (notified, none stated nor waived yet,
	 * window open)
	 * @param canRequestHearing whether it may still request a hearing
	 * @param paymentDue the last day to pay a fine (15 days after delivery, art.67; a deferral's day or the next unpaid
	 * instalment's), or to hand over what a confiscation takes — for 公告送达 counted from the deemed day on the
	 * working-day calendar ({@link CaseClock#paymentDue}); null before delivery. This and what else carries the
	 * decision out ({@code surchargeToday}, {@code paidOn}, {@code paidAmount}, {@code instalments},
	 * {@code paymentAppliedOn}, {@code handoverDue}, {@code handover}) are shown with the decision, once it is served
	 * (art.61) or its public notice published ({@link #VISIBLE}) — never a payment against a decision the party may not
	 * yet read
	 * @param surchargeToday a fine's 加处罚款 as of today (or of the day paid), null when none is due — never on a
	 * confiscation (art.72)
	 * @param instalments a fine's instalments (art.66), each with its own day, amount and, once paid, its 加处罚款 — as
	 * the case page shows them; empty without
	 * @param paymentAppliedOn the day the party applied for a deferral or instalments, null when not recorded
	 * @param documents the documents served on the party, every version served and those corrected after it, in the
	 * order issued
	 * @param surchargePercent the daily 加处罚款 rate the decision fixed (art.72: of the fine, or with instalments of
	 * each overdue instalment's amount), as a plain number; null before the decision
	 * @param proposedConfiscated the 没收违法所得 the notice proposed beside the fine (并处), or null
	 * @param confiscated the 没收违法所得 decided, or null
	 * @param suspensionFrom the first day of a 责令停业整顿 decided, or null
	 * @param suspensionUntil its last day, or null
	 * @param handoverDue the last day to hand over what the decision confiscates, null when nothing is (left) to hand
	 * over — beside the fine's own {@code paymentDue} when both were decided (并处)
	 * @param handover the handover of what the decision confiscates once recorded — the day and amount (the receipt's
	 * number and scan stay on the bureau's side) —, or null
	 * @param decisionAnnulledOn the day the decision was revoked or confirmed invalid (nothing of it is to be carried
	 * out any more), or null
	 * @param outcomes the outcomes of 行政复议, 行政诉讼 or the bureau's correction of the decision, oldest first, from
	 * when the party reads the decision (a public notice's publication on, {@link #VISIBLE}); empty before
	 * @param hearingScheduledOn the day the 听证通知 served on the party names for the hearing (行政处罚法(2021)
	 * art.64(二)), null before a notice
	 * @param hearingPlace where the notice says it is held, null before a notice
	 * @param replyDueProvisional {@code replyDue} lies in a year whose holiday notice is not loaded: 暂定
	 * @param paymentDueProvisional the same for {@code paymentDue}
	 * @param proposedSuspensionDays the length of the 责令停业整顿 the notice proposed (days from the day after the
	 * decision is delivered), or null
	 * @param suspensionDays the length decided, or null (a decision before V276 states its days instead)
	 * @param basis the article that punishes the violation, cited formally as the decision cites it: in the version of
	 * the law the case applies ({@link CaseLaw#of}, 从旧兼从轻) — for an act of 2024 the 2019 text's number, 第四十条, not
	 * the 2025 第五十条; blank where no article was in force on the act's day; for a 不予处罚 the ground of 行政处罚法(2021)
	 * art.33 with its words (不予处罚依据), once its decision is served, blank before
	 * @param noPenaltyGround the ground of a 不予处罚 once its 不予行政处罚决定书 is served (art.61), else null
	 * @param deliveryPublishedOn for a decision served by public notice (公告送达), the day the notice was published —
	 * {@code deliveredOn} being the day it is deemed served, thirty days later (民事诉讼法(2023) art.95) —, else null
	 * @param shownStatus the status as the page shows it today ({@link CaseStatus#shown}): a public notice published
	 * and its deemed day not yet reached — the decision not in effect — reads 公告送达中 with the deemed day, never 已送达;
	 * a decision not yet delivered reads as the step before it ({@link #partyStatus}), as does {@code status}
	 * @param deemedServicePending whether a public notice serving the party runs today, its deemed day ahead: the
	 * decision's ({@code deliveredOn}, {@link CaseView#deemedServedAfter}) — not yet served nor in effect, though
	 * readable with its 文号, penalty, day to pay and 决定书, its periods running from the deemed day — or the 事先告知书's
	 * ({@code noticeDeemedOn}, {@link #noticePending}) — readable, its 陈述申辩/听证 window running from that day
	 * @param noticePublishedOn the day a public notice serving the 事先告知书 was published, else null
	 * @param noticeDeemedOn that notice's deemed day of service (30 days later, 民事诉讼法(2023) art.95), from which
	 * {@code replyDue} is counted; null when the notice was not served by public notice
	 * @param rightsOpen whether the party's 陈述申辩/听证 steps are still open on the case — it is 已告知 or 听证, no
	 * decision made ({@link #stepsOpen}); false once decided, served or not, without saying which
	 * @param decisionServed whether the decision (行政处罚决定 or 不予处罚) is served on the party ({@link #served}): a past
	 * case imported was served off the platform, its day of service possibly not recorded ({@code deliveredOn} null)
	 */
	public record PartyCase(long id, String number, String enterpriseName, String enterpriseCreditCode,
			ViolationType violation, CaseStatus status, LocalDate filedOn, LocalDate notifiedOn, Penalty proposedPenalty,
			BigDecimal proposedFine, boolean hearingRight, LocalDate replyDue, LocalDate statementOn, String statement,
			LocalDate statementWaivedOn, LocalDate hearingRequestedOn, LocalDate hearingNotifiedOn, LocalDate hearingOn,
			LocalDate hearingWaivedOn, String decisionNumber,
			LocalDate decidedOn, Penalty penalty, BigDecimal fine, LocalDate deliveredOn, LocalDate paymentDue,
			BigDecimal surchargeToday, LocalDate paidOn, BigDecimal paidAmount, LocalDate closedOn, LocalDate publishedOn,
			LocalDate publicationWithdrawnOn, boolean canReply, boolean canRequestHearing,
			List<PenaltyCases.Instalment> instalments, LocalDate paymentAppliedOn, List<PartyDocument> documents,
			String surchargePercent, BigDecimal proposedConfiscated, BigDecimal confiscated, LocalDate suspensionFrom,
			LocalDate suspensionUntil, LocalDate handoverDue, PenaltyCases.Handover handover, LocalDate decisionAnnulledOn,
			List<PartyOutcome> outcomes, LocalDate hearingScheduledOn, String hearingPlace, boolean replyDueProvisional,
			boolean paymentDueProvisional, Integer proposedSuspensionDays, Integer suspensionDays, String basis,
			NoPenaltyGround noPenaltyGround, LocalDate deliveryPublishedOn, String shownStatus, boolean deemedServicePending,
			LocalDate noticePublishedOn, LocalDate noticeDeemedOn, boolean rightsOpen, boolean decisionServed) {

		/**
		 * The line of what is left of the party's 陈述申辩/听证 rights ({@link ReplyWindowLine}), none once they are no
		 * longer open ({@code rightsOpen} false) — a decision made and not yet served included: the line does not name a
		 * window day the party can no longer use, nor the decision it may not yet learn of (行政处罚法(2021) art.61).
		 */
		public ReplyWindowLine replyLine() {
			return rightsOpen ? ReplyWindowLine.of(hearingRight, replyDue, statementWaivedOn, hearingRequestedOn, hearingWaivedOn)
					: null;
		}

		/** Whether the case ended with a 不予处罚 decision: its basis is art.33's ground, not a penalty article. */
		public boolean notPenalized() {
			return status == CaseStatus.NOT_PENALIZED;
		}

		/** The penalty proposed in the 事先告知, every part and amount (没收违法所得人民币…元，并处罚款人民币…元). */
		public String proposedText() {
			return proposedPenalty == null ? "" : proposedPenalty.describe(proposedFine, proposedConfiscated,
					CaseDocuments.suspension(proposedSuspensionDays));
		}

		/** The penalty decided, every part and amount, with a 停业整顿's period. */
		public String decidedText() {
			return penalty == null ? "" : penalty.describe(fine, confiscated, suspensionFrom != null
					? CaseDocuments.suspension(suspensionFrom, suspensionUntil) : CaseDocuments.suspension(suspensionDays));
		}

		/** Whether the fine is due and unpaid past its day ({@link FinePayments#late}, as the bureau's figures judge it). */
		public boolean overdue(LocalDate today) {
			return paymentDue != null && paidOn == null && fine != null && fine.signum() > 0
					&& FinePayments.late(paymentDue, null, today);
		}
	}

	/**
	 * A document served on the party: title, 文号, the day issued, and {@code href}, the address that serves the .docx
	 * to the party ({@code GET /attachments/{id}}); {@code version} its version, {@code current} false once a later
	 * version corrected it (both stay listed: what was served is the party's), {@code served} whether this version has
	 * been served on the party by today, for every kind ({@link #servedOnParty}): a 事先告知书 or 听证告知书 from its day of
	 * service (a public notice's deemed day), a decision in the version delivered once served (送达, 行政处罚法(2021)
	 * art.61; a later one is a correction the handling bureau's head made after it; during a public notice false — the
	 * decision readable, not yet served), every other document as issued; {@code returnedOn} the day the case was returned to investigation (退回调查)
	 * from the round the document belongs to — a notice of that round is no longer in force — null otherwise;
	 * {@code kind} the document's kind, by which a page words its title in the reader's language
	 * ({@code enum.CaseDocumentKind.*}; {@code title} is the Chinese).
	 */
	public record PartyDocument(String title, String number, LocalDate issuedOn, String fileName, String href,
			int version, boolean current, boolean served, LocalDate returnedOn, CaseDocumentKind kind) {
	}

	/**
	 * An outcome of 行政复议, 行政诉讼 or the bureau's own correction of the decision as the party reads it (行政处罚法(2021)
	 * art.48): who decided it, the 文号, the day, the result and its reason, and for a 变更 the penalty as changed.
	 */
	public record PartyOutcome(DecisionOutcomes.Kind kind, String body, String documentNumber, LocalDate decidedOn,
			DecisionOutcomes.Result result, String reason, String changed) {
	}

	/**
	 * What the party has been told of: the notice given, or a decision (imported cases have no notice) — a 不予行政处罚决定
	 * too, served on it even when no notice preceded it —, or a notice given
	 * before the case was returned to investigation (退回调查 clears the notice; what was served stays the party's).
	 */
	static final String SHOWN = "(c.notified_on IS NOT NULL OR (c.decided_on IS NOT NULL OR c.no_penalty_ground IS NOT NULL) "
			+ "AND (c.delivered_on IS NOT NULL OR c.imported) OR EXISTS (SELECT 1 FROM penalty_case_return r WHERE r.case_id = c.id))";

	/**
	 * The status the party is shown ({@link #partyStatus}) as SQL over a {@code penalty_case c}: a decision (行政处罚决定 or
	 * 不予处罚) not yet delivered — the bureau's, not the party's (行政处罚法(2021) art.61) — reads as the step the party
	 * last saw: 听证 after its hearing request, 已告知 after the notice, else 调查终结; the list shows, filters and counts
	 * by it, so neither a 已决定/不予处罚 filter nor its count tells the party a decision exists before it is delivered.
	 */
	static final String PARTY_STATUS_SQL = "(CASE WHEN c.status IN ('DECIDED', 'NOT_PENALIZED') AND c.delivered_on IS NULL "
			+ "AND NOT c.imported THEN CASE WHEN c.hearing_requested_on IS NOT NULL THEN 'HEARING' "
			+ "WHEN c.notified_on IS NOT NULL THEN 'NOTIFIED' ELSE 'INVESTIGATED' END ELSE c.status END)";

	/**
	 * {@link #PARTY_STATUS_SQL} of one case: its status, or — a decision (行政处罚决定 or 不予处罚) not yet delivered — the
	 * step the party last saw (听证 after its request, 已告知 after the notice, else 调查终结).
	 */
	static CaseStatus partyStatus(CaseView c) {
		boolean undelivered = (c.status() == CaseStatus.DECIDED || c.status() == CaseStatus.NOT_PENALIZED)
				&& c.deliveredOn() == null && !c.imported();
		return !undelivered ? c.status() : c.hearingRequestedOn() != null ? CaseStatus.HEARING
				: c.notifiedOn() != null ? CaseStatus.NOTIFIED : CaseStatus.INVESTIGATED;
	}

	/**
	 * The states a case of the party's list can be in ({@link #SHOWN}), in the order of the steps: every state but
	 * 已立案 — a case is shown once notified or decided, and 退回调查 leads back to 调查取证, never to 已立案. The list's
	 * status filter offers these only, not states whose filter would always find nothing.
	 */
	static final List<CaseStatus> PARTY_STATUSES = Arrays.stream(CaseStatus.values()).filter(s -> s != CaseStatus.FILED).toList();

	/**
	 * Whether the decision has been served on the party (送达, 行政处罚法(2021) art.61) — a past case imported was served
	 * on paper before it came here. Before that the decision is the bureau's, not yet the party's: neither its 文号 nor
	 * its penalty is shown (nor is the 决定书 served, {@link #current}). A decision served by public notice is served on
	 * its deemed day, not before ({@link CaseClock#decisionServed}); binds {@code :today}.
	 */
	static final String SERVED = "(" + CaseClock.DECISION_SERVED_SQL + " OR c.imported)";

	/**
	 * Whether the decision has been put to the party: served ({@link #SERVED}), or its public notice published and
	 * running (公告送达中) — a public notice publishes the decision so that the party can obtain it during the notice
	 * period (民事诉讼法(2023) art.95), its periods running from the deemed day. A decision made and not yet delivered
	 * (direct or by mail, not yet served) is not. The party reads the decision — 文号, penalty, fine, the day to pay and
	 * the 决定书 — from then on ({@link #visible}), and what became of it (its outcomes, its annulment) as soon as it
	 * happens: a decision revoked during its notice is never shown as one still to take effect.
	 */
	static final String VISIBLE = "(c.delivered_on IS NOT NULL OR c.imported)";

	/**
	 * {@link #VISIBLE} of one case: delivered (served, or a public notice published whose deemed day may be ahead) or
	 * imported.
	 */
	static boolean visible(CaseView c) {
		return c.deliveredOn() != null || c.imported();
	}

	/**
	 * Whether a public notice serving the 事先告知书 of {@code c} runs on {@code today}: published, its deemed day
	 * ({@link CaseClock#noticeServedOn}) still ahead — the notice readable, the party's 5-day window not yet begun.
	 */
	static boolean noticePending(CaseView c, LocalDate today) {
		LocalDate served = CaseClock.noticeServedOn(c);
		return c.noticePublishedOn() != null && served != null && served.isAfter(today) && !c.imported();
	}

	/** {@link #noticePending} as SQL over a {@code penalty_case c}, binding {@code :today}. */
	static final String NOTICE_PENDING_SQL = "(c.notice_published_on IS NOT NULL AND NOT c.imported "
			+ "AND COALESCE(c.notice_served_on, c.notified_on) > CAST(:today AS date))";

	/**
	 * The list's orders, each by a value the party sees in it: the decision's day only once served ({@link #SERVED}) —
	 * sorted by the stored day, an unserved decision's place among the others would tell the party a decision exists
	 * (and when) before it is served (行政处罚法(2021) art.61); before service it sorts as a case without one.
	 */
	static final Map<String, String> SORTS = Map.of("notified_on", "c.notified_on",
			"decided_on", "(CASE WHEN " + VISIBLE + " THEN c.decided_on END)", "number", "c.number");

	private final JdbcClient jdbc;

	private final CaseLaw caseLaw;

	private final PenaltyCases cases;

	private final CaseExecution caseExecution;

	private final NoticeAndHearing noticeAndHearing;

	private final Clock clock;

	private final CaseDocuments documents;

	private final DecisionOutcomes outcomes;

	EnterprisePenalties(JdbcClient jdbc, PenaltyCases cases, CaseExecution caseExecution,
			NoticeAndHearing noticeAndHearing, Clock clock, CaseDocuments documents, DecisionOutcomes outcomes, CaseLaw caseLaw) {
		this.caseLaw = caseLaw;
		this.outcomes = outcomes;
		this.jdbc = jdbc;
		this.cases = cases;
		this.caseExecution = caseExecution;
		this.noticeAndHearing = noticeAndHearing;
		this.clock = clock;
		this.documents = documents;
	}

	/**
	 * The enterprise's cases it has been told of: with {@code filter} those in the status it names as the party is shown
	 * it ({@link #PARTY_STATUS_SQL}; {@code NOTICE_PENDING} the decisions served by public notice whose deemed day is
	 * ahead, shown 公告送达中 and left out of 已送达 — {@link CaseFilter}, as the staff's list reads it), matching the search
	 * (case number, or the decision's number once served — only what its list shows), in a whitelisted order
	 * ({@link #SORTS}; an unknown key is 400 on {@code sort}), newest number first by default; an unpaid fine served with
	 * the 加处罚款 accrued to today ({@link CaseExecution#unpaid}).
	 * @throws AccessRefusedException (403) for a caller that is not an enterprise user
	 */
	PageResult<Summary> list(DataScope scope, CaseFilter filter, PageQuery page) {
		CaseStatus status = filter.status();
		requireEnterprise(scope);
		LocalDate today = LocalDate.now(clock);
		PageResult<Summary> listed = Listing.from("FROM penalty_case c")
			.scope(scope, "c.enterprise_credit_code", "c.region_code")
			.where(SHOWN)
			.where(status != null, PARTY_STATUS_SQL + " = :status", "status", status == null ? "" : status.name())
			// 已送达 lists the decisions served: a public notice whose deemed day is ahead reads 公告送达中, not 已送达
			.where(status == CaseStatus.DELIVERED ? "NOT COALESCE(" + CaseClock.DEEMED_DAY_AHEAD_SQL + ", FALSE)" : "TRUE")
			.where(filter.noticePending() ? CaseFilter.NOTICE_PENDING_SQL : "TRUE")
			.bind("today", today)
			.search(page, "c.number", "CASE WHEN " + VISIBLE + " THEN c.decision_number END")
			.sorts(SORTS, "number", true, "c.id")
			.page(jdbc, """
					SELECT c.id, c.number, c.violation_code AS violation, %2$s AS status, c.notified_on,
					       CASE WHEN %1$s THEN c.decision_number END AS decision_number,
					       CASE WHEN %1$s THEN c.decided_on END AS decided_on,
					       CASE WHEN %1$s THEN c.penalty END AS penalty, CASE WHEN %1$s THEN c.fine END AS fine,
					       CASE WHEN %1$s THEN c.paid_on END AS paid_on, CAST(NULL AS numeric) AS surcharge_today, c.delivery_method, c.delivered_on,
					       CAST(NULL AS text) AS shown_status, %3$s AS deemed_service_pending,
					       CASE WHEN %1$s THEN c.decision_annulled_on END AS decision_annulled_on""".formatted(VISIBLE, PARTY_STATUS_SQL,
							NOTICE_PENDING_SQL),
					page, Rows.of(Summary.class));
		// the 加处罚款 of the page's unpaid fines, read for the page at once (never a query per case)
		Map<Long, CaseExecution.Unpaid> unpaid = caseExecution.unpaid(listed.items().stream()
			.filter(c -> c.decisionNumber() != null).map(Summary::id).toList());
		return listed.map(c -> c.completed(unpaid.get(c.id()), today));
	}

	/**
	 * One of the enterprise's cases with its deadlines as of today; the ID and mobile numbers in its free text — the
	 * statement, an outcome's reason, the hearing's place — masked ({@link Masking#personalNumbersIn}), as the
	 * documents served on the party mask them.
	 * @throws DomainException (404) when the case is not the enterprise's or not yet put to it
	 * @throws AccessRefusedException (403) for a caller that is not an enterprise user
	 */
	PartyCase get(DataScope scope, long id) {
		PenaltyCases.CaseDetail detail = own(scope, id);
		CaseView c = detail.penaltyCase();
		PenaltyCases.Deadlines d = detail.deadlines();
		LocalDate today = LocalDate.now(clock);
		LocalDate replyDue = d.hearingRequestDue();
		boolean open = replyDue != null && !today.isAfter(replyDue);
		// the steps the party may take go by the case's own state: a decision made and not yet served closes them as
		// one served does (the page offers no step the procedure would refuse)
		boolean rightsOpen = stepsOpen(c);
		boolean canReply = open && c.statementOn() == null && c.statementWaivedOn() == null && rightsOpen;
		boolean canHear = open && d.hearingRight() && c.status() == CaseStatus.NOTIFIED && c.hearingWaivedOn() == null;
		boolean surcharged = d.surchargeToday() != null && d.surchargeToday().signum() > 0;
		PenaltyCases.Procedure procedure = cases.procedure(caseRegion(id), id);
		// the decision is the party's once served (art.61): before that neither its 文号 nor its penalty is shown
		boolean served = served(c, today);
		// ... and readable from the publication of a public notice on (民事诉讼法(2023) art.95: the notice publishes it so
		// the party can obtain it), its periods running from the deemed day — what only an effective decision has (its
		// outcomes, its annulment) still waits for service
		boolean shown = visible(c);
		boolean notPenalized = c.status() == CaseStatus.NOT_PENALIZED;
		// the proposed penalty is the party's once the 事先告知书 put it (art.44): before that it is the 调查终结报告's,
		// internal — a 不予处罚 without a notice, or a case returned to investigation, shows none
		boolean notified = c.notifiedOn() != null;
		return new PartyCase(c.id(), c.number(), c.enterpriseName(), c.enterpriseCreditCode(), c.violationCode(),
				partyStatus(c), c.filedOn(), c.notifiedOn(), notified ? c.proposedPenalty() : null,
				notified ? c.proposedFine() : null, notified && d.hearingRight(), replyDue,
				c.statementOn(), Masking.personalNumbersIn(c.statement()), c.statementWaivedOn(), c.hearingRequestedOn(), c.hearingNotifiedOn(), c.hearingOn(), c.hearingWaivedOn(),
				shown ? c.decisionNumber() : null, shown ? c.decidedOn() : null, shown ? c.penalty() : null,
				shown ? c.fine() : null,
				// what carries the decision out — its period, 加处罚款, payments, instalments, handover — is shown with the
				// decision, not before the party may read it (行政处罚法(2021) art.61; a public notice from its publication,
				// its periods from the deemed day, 民事诉讼法(2023) art.95)
				c.deliveredOn(), shown ? d.paymentDue() : null,
				surcharged && shown ? d.surchargeToday() : null, shown ? c.paidOn() : null, shown ? c.paidAmount() : null,
				c.closedOn(), c.publishedOn(),
				c.publicationWithdrawnOn(), canReply, canHear, shown ? procedure.instalments() : List.of(),
				shown ? procedure.paymentAppliedOn() : null,
				partyDocuments(c), !shown || c.surchargePercent() == null ? null
						: c.surchargePercent().stripTrailingZeros().toPlainString(),
				notified ? c.proposedConfiscated() : null, shown ? c.confiscated() : null, shown ? c.suspensionFrom() : null,
				shown ? c.suspensionUntil() : null,
				shown ? caseExecution.handoverDue(id).orElse(null) : null, detail.handover() == null || !shown ? null
						: new PenaltyCases.Handover(detail.handover().handedOverOn(), detail.handover().amount(), null, null),
				// the decision the party reads (from a public notice's publication on) is told revoked, void or changed as
				// soon as it is: a decision annulled while its notice runs is never shown to the party as a live one
				shown ? c.decisionAnnulledOn() : null, shown ? outcomes.outcomes(id).stream().map(o -> new PartyOutcome(o.kind(), o.body(),
						o.documentNumber(), o.decidedOn(), o.result(), Masking.personalNumbersIn(o.reason()), o.changedText())).toList() : List.of(),
				c.hearingScheduledOn(), c.hearingScheduledOn() == null ? null : Masking.personalNumbersIn(c.hearingPlace()),
				d.hearingRequestDueProvisional(),
				// 暂定 is said of a day the party is shown: none for a payment day hidden before the decision is its
				shown && d.paymentDue() != null && d.paymentDueProvisional(), notified ? c.proposedSuspensionDays() : null,
				shown ? c.suspensionDays() : null, basis(c, shown), notPenalized && shown ? c.noPenaltyGround() : null,
				c.deliveryPublishedOn(), shownStatus(partyStatus(c), shown ? c.decisionAnnulledOn() : null, c.deemedServedAfter(today)),
				!c.annulled() && c.deemedServedAfter(today) != null || noticePending(c, today), c.noticePublishedOn(),
				c.noticePublishedOn() == null ? null : CaseClock.noticeServedOn(c),
				rightsOpen, served);
	}

	/**
	 * The status the party reads ({@link CaseStatus#shown}), except for a delivered decision it reads that has been
	 * revoked or confirmed invalid: that is said with its day ({@link CaseStatus#annulledLabel}) — never 公告送达中 with a
	 * deemed day, as if the decision were still to take effect, nor 已送达 (a case closed since reads 已结案).
	 * @param annulledOn the day the decision the party reads was annulled, else null
	 * @param deemedDayAhead a public notice's deemed day still ahead, else null
	 */
	static String shownStatus(CaseStatus status, LocalDate annulledOn, LocalDate deemedDayAhead) {
		return annulledOn != null && status == CaseStatus.DELIVERED ? CaseStatus.annulledLabel(annulledOn)
				: status.shown(deemedDayAhead);
	}

	/**
	 * Whether the party's 陈述申辩/听证 steps are open on {@code c} by its own state (已告知 or 听证: no decision made,
	 * whether or not one made is served yet).
	 */
	private static boolean stepsOpen(CaseView c) {
		return c.status() == CaseStatus.NOTIFIED || c.status() == CaseStatus.HEARING;
	}

	/**
	 * The basis the party is shown: for a 不予处罚 the ground of 行政处罚法(2021) art.33 it rests on, cited with the law's
	 * words ({@link NoPenaltyGround#cited}) — only once its 不予行政处罚决定书 is served (art.61), blank before — and for
	 * every other case the article punishing the violation in the law the case applies ({@link CaseLaw#of}).
	 */
	private String basis(CaseView c, boolean served) {
		if (c.status() == CaseStatus.NOT_PENALIZED) {
			return served && c.noPenaltyGround() != null ? c.noPenaltyGround().cited() : "";
		}
		return caseLaw.of(c).formalBasis();
	}

	/**
	 * Returns normally when the enterprise may read the attachment: a document served on the party
	 * ({@link CaseDocumentKind#served}) of its own case already put to it — the version served as well as a later
	 * correction of it.
	 * @throws DomainException (404) otherwise — evidence, internal papers, a 决定书 not (yet) served, another's case
	 * @throws AccessRefusedException (403) for a caller that is not an enterprise user
	 */
	void requireDocument(DataScope scope, long caseId, long attachmentId) {
		if (shown(own(scope, caseId).penaltyCase()).noneMatch(d -> d.attachmentId() == attachmentId)) {
			throw DomainException.notFound("附件", attachmentId);
		}
	}

	/**
	 * Whether the decision of {@code c} — a 行政处罚决定书 or a 不予行政处罚决定书 — is served on the party by {@code today}
	 * (送达, 行政处罚法(2021) art.61): delivered, for 公告送达 its deemed day reached ({@link CaseClock#decisionServed}),
	 * or imported (served on paper before it came here). The one rule of the party's page, API, list and documents.
	 */
	static boolean served(CaseView c, LocalDate today) {
		return c.servedBy(today);
	}

	/** The documents served on the party and their later versions, in the order issued. */
	private List<PartyDocument> partyDocuments(CaseView c) {
		List<CaseDocuments.IssuedDocument> all = documents.list(c.id());
		Long decision = servedVersion(all, CaseDocumentKind.DECISION);
		Long noPenalty = servedVersion(all, CaseDocumentKind.NO_PENALTY_DECISION);
		LocalDate today = LocalDate.now(clock);
		return shown(c).map(d -> new PartyDocument(d.title(), d.number(), d.issuedOn(), d.fileName(), d.href(),
				d.version(), d.current(), servedOnParty(c, d, decision, noPenalty, today), d.returnedOn(), d.kind())).toList();
	}

	/**
	 * Whether the version {@code d} — one the party reads ({@link #shown}) — has been served on it by {@code today}, for
	 * every kind alike: a decision (行政处罚决定书, 不予行政处罚决定书) in the version delivered, once served
	 * ({@link #served(CaseView, LocalDate)}: a public notice's deemed day reached — readable before, not yet served); a
	 * 事先告知书 or 听证告知书 once its day of service ({@link CaseClock#noticeServedOn}) is reached — a public notice's
	 * deemed day; a 送达回证 with the decision; the others as issued. A later correction of a decision (an on-the-spot
	 * one's too, handed over at the scene in its first version) was not served (it is the handling bureau's head's change after service).
	 */
	private static boolean servedOnParty(CaseView c, CaseDocuments.IssuedDocument d, Long decision, Long noPenalty,
			LocalDate today) {
		return switch (d.kind()) {
			// an on-the-spot decision is served when handed over at the scene (行政处罚法(2021) art.52): its first version
			case ON_THE_SPOT_DECISION -> Objects.equals(d.id(), decision);
			case DECISION, NO_PENALTY_DECISION -> served(c, today)
					&& (Objects.equals(d.id(), decision) || Objects.equals(d.id(), noPenalty));
			case DELIVERY_RECEIPT -> served(c, today);
			case PRIOR_NOTICE, HEARING_RIGHT_NOTICE -> c.imported() || d.returnedOn() != null
					|| CaseClock.noticeServedOn(c) == null || !CaseClock.noticeServedOn(c).isAfter(today);
			default -> true;
		};
	}

	/**
	 * The documents the party reads: every version of a document served on it ({@link CaseDocumentKind#served}) — only
	 * once it is put to it, for every kind: the 行政处罚决定书, the 不予行政处罚决定书 and their 送达回证 once the decision is
	 * delivered ({@link #visible}: served, or its public notice published — the notice publishes the decision for the
	 * party to obtain during the notice period, 民事诉讼法(2023) art.95, its periods running from the deemed day), from
	 * the version delivered on — one corrected before was never the party's —; the 事先告知书 and 听证告知书 once the notice
	 * is served (its day of service recorded, {@link CaseClock#noticeServedOn}) or its public notice published; the
	 * others as issued. A past case imported was served on paper before it came here (its scans are the party's).
	 */
	private Stream<CaseDocuments.IssuedDocument> shown(CaseView c) {
		LocalDate today = LocalDate.now(clock);
		boolean delivered = visible(c);
		LocalDate noticeServed = CaseClock.noticeServedOn(c);
		// a notice served by public notice is readable from its publication (民事诉讼法(2023) art.95)
		boolean noticeServedYet = c.imported() || noticeServed == null || !noticeServed.isAfter(today)
				|| c.noticePublishedOn() != null;
		List<CaseDocuments.IssuedDocument> all = documents.list(c.id());
		Long decision = servedVersion(all, CaseDocumentKind.DECISION);
		Long noPenalty = servedVersion(all, CaseDocumentKind.NO_PENALTY_DECISION);
		return all.stream().filter(d -> d.kind().served(delivered)
				&& (d.kind() != CaseDocumentKind.DELIVERY_RECEIPT || delivered)
				&& (d.kind() != CaseDocumentKind.PRIOR_NOTICE && d.kind() != CaseDocumentKind.HEARING_RIGHT_NOTICE
						|| noticeServedYet || d.returnedOn() != null)
				&& (d.kind() != CaseDocumentKind.DECISION || decision != null && d.id() >= decision)
				&& (d.kind() != CaseDocumentKind.NO_PENALTY_DECISION || noPenalty != null && d.id() >= noPenalty));
	}

	/**
	 * The id of the version of a decision of {@code kind} (行政处罚决定书 or 不予行政处罚决定书) that was served: the last
	 * one issued before the 送达回证 (the service issues it), or the one in force when the case has none (imported);
	 * null without one. An on-the-spot decision is the 行政处罚决定书's served version: handed over at the scene.
	 */
	private static Long servedVersion(List<CaseDocuments.IssuedDocument> all, CaseDocumentKind kind) {
		// an on-the-spot decision is handed to the party at the scene (行政处罚法(2021) art.52): its first version
		Long onTheSpot = all.stream().filter(d -> d.kind() == CaseDocumentKind.ON_THE_SPOT_DECISION)
			.map(CaseDocuments.IssuedDocument::id).findFirst().orElse(null);
		if (kind == CaseDocumentKind.DECISION && onTheSpot != null) {
			return onTheSpot;
		}
		Long receipt = all.stream().filter(d -> d.kind() == CaseDocumentKind.DELIVERY_RECEIPT)
			.map(CaseDocuments.IssuedDocument::id).findFirst().orElse(null);
		return all.stream().filter(d -> d.kind() == kind && (receipt == null ? d.current() : d.id() < receipt))
			.map(CaseDocuments.IssuedDocument::id).reduce((a, b) -> b).orElse(null);
	}

	/**
	 * The party's 陈述申辩 (行政处罚法(2021) art.45), once, dated today, within 5 working days of the notice; a line break
	 * counts as one character, as the form counts it (CRLF is kept as LF).
	 * @throws InvalidValueException when the text is blank or over 2000 characters ("陈述申辩内容（statement）")
	 * @throws DomainException (422, field {@code statement}, rule {@code use-waiver}) for a text that only says 无异议 or
	 * gives the right up, told in the party's terms ({@link DecisionRules#notOnlyAWaiverOnThePortal}); (409) when already
	 * stated, waived in writing (field {@code statement}, rule
	 * {@code statement-waived}), the window closed or the case decided; (404) not its case
	 */
	@Transactional
	void state(DataScope scope, long id, String typed) {
		// the step first (404, 409), then what was typed (400), as on every step of the procedure
		PartyCase c = get(scope, id);
		if (c.statementOn() != null) {
			throw DomainException.illegalTransition(Wording.of("enforcement.refusal.statementTwice", c.statementOn()),
					"已于" + ChineseText.day(c.statementOn()) + "提交陈述申辩，不能重复提交");
		}
		DecisionRules.statementNotWaived(c.statementWaivedOn());
		requireWindow(c, "陈述申辩", null);
		String statement = Text.freeText(Text.lineBreaks(typed));
		Validation v = new Validation();
		v.required("statement", "陈述申辩内容", statement)
			.maxLength("statement", "陈述申辩内容", statement, 2000).words("statement", "陈述申辩内容", statement);
		if (statement != null && Text.forbiddenAt(statement) >= 0) {
			v.require("statement", false, "control-character", "陈述申辩内容含有不允许的字符");
		}
		v.throwIfInvalid();
		DecisionRules.notOnlyAWaiverOnThePortal(statement);
		noticeAndHearing.recordStatement(caseRegion(id), id, LocalDate.now(clock).toString(), statement);
	}

	/**
	 * The party's request for a hearing (行政处罚法(2021) art.63–64), dated today, within 5 working days of the notice,
	 * for a proposed penalty that carries the right.
	 * @throws DomainException (422) when the penalty carries no hearing right; (409) when the window closed or already
	 * requested; (404) not its case
	 */
	@Transactional
	void requestHearing(DataScope scope, long id) {
		PartyCase c = get(scope, id);
		if (c.hearingRequestedOn() != null) {
			throw c.hearingWaivedOn() != null ? withdrawn(c, "hearingRequestedOn", "request", "不能再申请听证")
					: DomainException.illegalTransition(Wording.of("enforcement.refusal.hearingRequested", c.hearingRequestedOn()),
							"已于" + ChineseText.day(c.hearingRequestedOn()) + "申请听证");
		}
		requireWindow(c, "申请听证", NoticeAndHearing.PartyStep.REQUEST_HEARING);
		noticeAndHearing.requestHearing(caseRegion(id), id, LocalDate.now(clock).toString());
	}

	/**
	 * The party's explicit waiver of the hearing (行政处罚法(2021) art.63–64), dated today, within the request window;
	 * the bureau may then decide before the window ends once the party's statement was also heard or waived (art.62: a
	 * waiver of the hearing is no waiver of the statement). The portal asks the user to confirm first; its confirmation,
	 * audited as the enterprise user, is the party's written waiver ({@link NoticeAndHearing#waiveHearingOnPortal}).
	 * @param confirmed whether the user ticked the confirmation; anything but true is refused — once the step is open:
	 * the case's state is judged first, as on every step
	 * @throws InvalidValueException when not confirmed ("confirm")
	 * A hearing requested and not yet held is withdrawn the same way, whether the window is still open or not
	 * (行政处罚法(2021) art.64: the party may give up the hearing it asked for before it is held): the case returns to
	 * 已告知 with the hearing waived and the scheduled hearing cancelled, so the decision may follow.
	 * @return whether it withdrew a request (撤回听证申请) rather than waived a hearing never requested (放弃听证)
	 * @throws DomainException (422) when the penalty carries no hearing right; (409) when the window closed (no request
	 * made), the hearing was held or already waived; (404) not its case
	 */
	@Transactional
	boolean waiveHearing(DataScope scope, long id, boolean confirmed) {
		PartyCase c = get(scope, id);
		// a request made is withdrawn until the hearing is held, the window closed or not (art.64); the step judges the rest
		boolean withdrawal = c.rightsOpen() && c.status() == CaseStatus.HEARING && c.hearingOn() == null;
		if (c.hearingRequestedOn() != null && !withdrawal) {
			throw c.hearingWaivedOn() != null ? withdrawn(c, "confirm", "waive", "不能再撤回或放弃听证")
					: DomainException.illegalTransition(Wording.of("enforcement.refusal.hearingRequestedNoWaiver", c.hearingRequestedOn()),
							"已于" + ChineseText.day(c.hearingRequestedOn()) + "申请听证，不能再放弃听证");
		}
		if (!withdrawal) {
			requireWindow(c, "放弃听证", NoticeAndHearing.PartyStep.WAIVE_HEARING);
		}
		noticeAndHearing.waiveHearingOnPortal(caseRegion(id), id, confirmed);
		return withdrawal;
	}

	/**
	 * The party's written waiver of its 陈述申辩 (行政处罚法(2021) art.44–45), dated today, within the window: the
	 * portal asks the user to confirm; its confirmation, audited as the enterprise user ({@code case.statement-waiver}),
	 * is the party's written waiver ({@link NoticeAndHearing#waiveStatementOnPortal}). No statement can follow; the bureau
	 * may decide before the window ends once the hearing, where the notice gave the right, is waived too.
	 * @param confirmed whether the user confirmed; anything but true is refused — once the step is open: the case's
	 * state is judged first, as on every step
	 * @throws InvalidValueException when not confirmed ("confirm")
	 * @throws DomainException (409) when the party already stated its case (rule {@code statement-given}) or waived it
	 * ({@code statement-waived}), the window closed or the case decided; (404) not its case
	 */
	@Transactional
	void waiveStatement(DataScope scope, long id, boolean confirmed) {
		requireWindow(get(scope, id), "放弃陈述申辩", NoticeAndHearing.PartyStep.WAIVE_STATEMENT);
		noticeAndHearing.waiveStatementOnPortal(caseRegion(id), id, confirmed);
	}

	/**
	 * Refuses a party step ({@code what}) outside its window: the case not (or no longer) 已告知 or 听证, or the window's
	 * last day passed. The refusal names the case's state only as the party sees it ({@link PartyCase#shownStatus}: a
	 * public notice still running reads 公告送达中, never 已送达), and a decision made and not yet served not at all — it
	 * is the bureau's until served (行政处罚法(2021) art.61): the step is refused as at the state the party last saw — its
	 * window passed, or what {@code step} itself refuses there ({@link NoticeAndHearing#refuseAsBeforeDecision}: no
	 * hearing right, a waiver given) —, else without any state ({@link #refusedBeforeService}), so the wording is the
	 * same whether or not a decision exists.
	 * @param step the step as the procedure names it, for the refusals it has of its own (null: 陈述申辩, whose own
	 * refusals the caller judged before)
	 * @throws DomainException (409)
	 */
	private void requireWindow(PartyCase c, String what, NoticeAndHearing.PartyStep step) {
		boolean hidden = decisionHidden(c);
		if (!c.rightsOpen() && !hidden) {
			throw DomainException.illegalTransition(Wording.of("enforcement.refusal.partyStepClosed", c.shownStatus(), what),
					"案件当前状态为“" + c.shownStatus() + "”，不能再" + what);
		}
		// a decision not yet served is refused in the words the step had at the state the party last saw: its window
		// passed, or what the step itself refuses there — the same refusal whether or not a decision was made (art.61)
		if (c.replyDue() != null && LocalDate.now(clock).isAfter(c.replyDue())) {
			throw DomainException.illegalTransition(Wording.of("enforcement.refusal.partyWindowPassed", what, c.replyDue()),
					what + "期限已过：应在事先告知书载明的期限内（至" + ChineseText.day(c.replyDue())
					+ "）提出（" + Provision.cite(Provision.PENALTY_STATEMENT, Provision.PENALTY_HEARING_PROCEDURE) + "）");
		}
		if (hidden) {
			if (step != null && (c.status() == CaseStatus.NOTIFIED || c.status() == CaseStatus.HEARING)) {
				noticeAndHearing.refuseAsBeforeDecision(caseRegion(c.id()), c.id(), step);
			}
			throw refusedBeforeService(what);
		}
	}

	/** Whether {@code c} hides a decision made and not yet served behind the step the party last saw. */
	private static boolean decisionHidden(PartyCase c) {
		return !c.rightsOpen() && (c.status() == CaseStatus.NOTIFIED || c.status() == CaseStatus.HEARING
				|| c.status() == CaseStatus.INVESTIGATED);
	}

	/**
	 * The refusal of a party step while the case holds a decision not yet served on the party: 409 naming neither the
	 * decision nor the state it put the case in — the party learns of it when it is served (行政处罚法(2021) art.61; for
	 * 公告送达 on its deemed day, 民事诉讼法(2023) art.95).
	 */
	static DomainException refusedBeforeService(String what) {
		return DomainException.illegalTransition(Wording.of("enforcement.refusal.partyStageOver", what),
				"案件已不在陈述申辩、听证阶段，不能再" + what + "；详情请向办案机关了解");
	}

	/**
	 * The refusal once the party withdrew its hearing request (行政处罚法(2021) art.64: the hearing then waived): 409
	 * naming {@code field} — a field of the portal's own (the waiver's {@code confirm}, the case's
	 * {@code hearingRequestedOn}) — rule {@code hearing-withdrawn}, saying the request was withdrawn (撤回听证申请, not
	 * called a waiver: the party asked for the hearing, then took the request back).
	 */
	/**
	 * The hearing requested and withdrawn: no step on it again ({@code step} {@code request} or {@code waive}, worded by
	 * {@code enforcement.refusal.hearingWithdrawn.<step>}; {@code what} its Chinese).
	 */
	private static DomainException withdrawn(PartyCase c, String field, String step, String what) {
		return DomainException.illegalTransition(field, "hearing-withdrawn", Wording.of("enforcement.refusal.hearingWithdrawn." + step,
				String.valueOf(c.hearingRequestedOn()), String.valueOf(c.hearingWaivedOn())), "已于" + ChineseText.day(c.hearingRequestedOn()) + "申请听证，又于"
				+ ChineseText.day(c.hearingWaivedOn()) + "撤回听证申请（" + Provision.PENALTY_HEARING_PROCEDURE + "），" + what);
	}

	/** The case's own region, as the scope the procedure's step runs in once the case is known to be the caller's. */
	private DataScope caseRegion(long id) {
		return DataScope.region(jdbc.sql("SELECT region_code FROM penalty_case WHERE id = :id").param("id", id)
			.query(String.class).single());
	}

	private PenaltyCases.CaseDetail own(DataScope scope, long id) {
		requireOwn(scope, id);
		return cases.get(caseRegion(id), id);
	}

	/**
	 * Refuses the caller a case that is not its enterprise's own and shown to it (another enterprise's, one not yet
	 * told to the party, one not there: 404; staff: 403) — every party step's first question, also asked before the
	 * step's body is read ({@code PartyStepAccess}).
	 */
	void requireOwn(DataScope scope, long id) {
		requireEnterprise(scope);
		boolean mine = jdbc.sql("SELECT count(*) FROM penalty_case c WHERE c.id = :id AND c.enterprise_credit_code = :code AND "
				+ SHOWN).param("id", id).param("code", scope.enterpriseCreditCode()).query(Long.class).single() > 0;
		if (!mine) {
			throw DomainException.notFound("处罚案件", id);
		}
	}

	private static void requireEnterprise(DataScope scope) {
		if (scope.kind() != DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("只有企业用户可以查看本企业的处罚案件");
		}
	}
}
