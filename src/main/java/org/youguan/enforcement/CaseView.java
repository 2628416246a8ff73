package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.youguan.enforcement.internal.CaseClock;
import org.youguan.kernel.Masking;
import org.youguan.rules.ViolationType;

/**
 * A penalty case with every step it has been through (null where a step has not happened). {@code hearingRight} and
 * {@code hearingRequestDue} are what the 事先告知 told the party (fixed when it was issued; null before it, and the day
 * also null for cases notified before it was kept); the waiver attachments are the scans of the party's written waivers
 * recorded by staff; {@code hearingPlace} and {@code hearingHost} (a staff account that did not investigate the case,
 * 行政处罚法(2021) art.64) are where and by whom the hearing was held. {@code paymentDays}, {@code surchargePercent}, {@code reviewDays} and {@code litigationMonths} are
 * the terms the decision stated (行政处罚法(2021) art.67, 72; 行政复议法(2023) art.20; 行政诉讼法(2017) art.46), fixed when
 * it was made (null before it): delivery, payment, 加处罚款 and the documents go by these, not by the catalogue of today.
 * 并处: {@code penalty} is the heaviest kind decided; {@code fine} the 罚款 and {@code confiscated} the 没收违法所得 (yuan),
 * each null when the decision has none (likewise {@code proposedFine}/{@code proposedConfiscated} for the proposal);
 * {@code suspensionFrom}/{@code suspensionUntil} the period of a 责令停业整顿; {@code decidedBy}/{@code decidedByUserId}
 * the head who made the decision (null for decisions before it was kept, imported or on the spot by the team);
 * {@code paymentDays} the days the decision gave to pay its fine and {@code handoverDays} those to hand over what it
 * confiscates (fixed at the decision); {@code statementAdopted}/{@code statementReview} the decision's 复核 of the
 * party's 陈述申辩 — whether adopted and why (行政处罚法(2021) art.45; null without a statement);
 * {@code decisionAnnulledOn} the day the decision was revoked or confirmed invalid by 行政复议, 行政诉讼 or the bureau
 * itself — it no longer applies ({@link DecisionOutcomes}); {@code publicationWithdrawalDueOn} the last day to withdraw
 * the publication of a decision changed, revoked or confirmed illegal (art.48), null when none is due.
 * {@code hearingScheduledOn} the day the latest 听证通知 named for the hearing ({@code hearingNotifiedOn} the day it was
 * given, {@code hearingOn} the day the hearing was held). {@code hearingPausedFrom} the first day the requested hearing
 * stops the decision clock: the request day when the request was recorded while the limit ran, null when it was recorded
 * only after the limit had passed (the hearing goes ahead; an overdue case is not revived) or none was requested.
 * {@code proposedSuspensionDays}/{@code suspensionDays} the length of a 责令停业整顿 proposed (and notified) and decided,
 * in calendar days from the day after the decision is delivered ({@code suspensionFrom}/{@code suspensionUntil} are its
 * days, fixed on delivery; for decisions before V276 the days they stated).
 * {@code deliveryMethod}/{@code deliveryNote} how the decision was served and the circumstances its method needs
 * (行政处罚法(2021) art.61; null for decisions delivered before V265 — never recorded — and not yet delivered).
 * {@code deliveryPublishedOn} the day the notice of a 公告送达 was published (V295); {@code deliveredOn} is then the day
 * it is deemed served, thirty days later (民事诉讼法(2023) art.95, {@code CaseClock.servedOn}); null for every other
 * method and for a public notice recorded before V295. {@code noPenaltyGround} the ground of art.33 a 不予处罚 rests on
 * (V273; null otherwise). {@code noticeServedOn}, {@code noticeDeliveryMethod}, {@code noticeDeliveryNote} and
 * {@code noticePublishedOn} the service of the 事先告知书 as the delivery's (V296; for 公告送达 the served day is the deemed
 * one); null where the notice's service was not recorded — its window then ran from the notice's day.
 * {@code decidedLate} whether the decision was made after the decision limit (超过办案期限, 行政处罚法(2021) art.60; V357):
 * on the platform, or a past case imported as it happened (never refused for it).
 * {@code handlingRegion} the region of the bureau handling the case (办案机关), fixed when it was filed (V312); null
 * for a case filed without it (a past case imported) — then the region's bureau now ({@link #handledIn}).
 */
public record CaseView(long id, String number, Long leadId, String regionCode, LeadSource source,
		String enterpriseCreditCode, String enterpriseName, ViolationType violationCode, LocalDate violationEndedOn,
		String facts, CaseStatus status, LocalDate filedOn, String filingApprovedBy, LocalDate decisionDueOn,
		boolean extended, String extensionReason, String extensionApprovedBy, LocalDate concludedOn, String investigationReport,
		boolean serious, Penalty proposedPenalty, BigDecimal proposedFine, boolean reviewRequired, LocalDate reviewedOn,
		String reviewedBy, Long reviewedByUserId, String reviewOpinion, LocalDate notifiedOn, LocalDate statementOn,
		String statement, LocalDate hearingRequestedOn, LocalDate hearingNotifiedOn, LocalDate hearingOn,
		String hearingPlace, String hearingHost, Long hearingHostUserId, LocalDate hearingWaivedOn, Boolean hearingRight, LocalDate hearingRequestDue, Long hearingWaiverAttachmentId,
		LocalDate statementWaivedOn, Long statementWaiverAttachmentId,
		LocalDate discussedOn, String discussionParticipants, String discussionConclusion, String decisionNumber, LocalDate decidedOn, Penalty penalty, BigDecimal fine,
		Mitigation mitigation, Mitigation.Ground mitigationGround, String mitigationReason, LocalDate deliveredOn,
		LocalDate paidOn, BigDecimal paidAmount, BigDecimal surcharge, LocalDate closedOn, String closingReason,
		LocalDate publishedOn, LocalDate publicationWithdrawnOn, String publicationWithdrawalReason, boolean imported,
		boolean demo, Integer paymentDays, BigDecimal surchargePercent, Integer reviewDays, Integer litigationMonths,
		BigDecimal proposedConfiscated, BigDecimal confiscated, LocalDate suspensionFrom, LocalDate suspensionUntil,
		Long decidedByUserId, String decidedBy, Integer handoverDays, Boolean statementAdopted, String statementReview,
		LocalDate decisionAnnulledOn, LocalDate publicationWithdrawalDueOn, LocalDate hearingScheduledOn,
		LocalDate hearingPausedFrom, Integer proposedSuspensionDays, Integer suspensionDays, DeliveryMethod deliveryMethod,
		String deliveryNote, LocalDate deliveryPublishedOn, NoPenaltyGround noPenaltyGround, LocalDate noticeServedOn,
		DeliveryMethod noticeDeliveryMethod, String noticeDeliveryNote, LocalDate noticePublishedOn, boolean decidedLate,
		String handlingRegion) {

	/**
	 * {@code serious} as it can stand: a 情节严重 recorded under an article for which it decides nothing
	 * ({@link ViolationType#admitsSerious}; a past case imported before that was refused) reads as not serious — no
	 * badge, no 集体讨论 asked for it, documents stating 情节一般.
	 */
	public CaseView {
		serious = serious && (violationCode == null || violationCode.admitsSerious());
	}

	/**
	 * The same case with the ID and phone numbers — mobiles and landlines alike ({@link Masking#telephonesIn}) — in every
	 * free text masked, as a reader who takes none of its steps reads it (its page, the API, the documents served to such
	 * a reader): the facts are the lead's summary copied on 立案 ({@code Leads}) — a reporter's number in it is masked on
	 * the lead for such a reader ({@link LeadView#masked}), and so it is on the case —; the report states the same facts
	 * again ("经查，…"), and every other text staff or the party typed (the 陈述申辩, the reasons, opinions, the
	 * hearing's place, the delivery's circumstances) may quote them.
	 */
	public CaseView masked() {
		return new CaseView(
				id, number, leadId, regionCode, source, enterpriseCreditCode, enterpriseName, violationCode,
				violationEndedOn, masked(facts), status, filedOn,
				filingApprovedBy, decisionDueOn, extended, masked(extensionReason), extensionApprovedBy, concludedOn,
				masked(investigationReport), serious,
				proposedPenalty, proposedFine, reviewRequired, reviewedOn, reviewedBy, reviewedByUserId,
				masked(reviewOpinion), notifiedOn, statementOn, masked(statement), hearingRequestedOn, hearingNotifiedOn, hearingOn,
				masked(hearingPlace), hearingHost, hearingHostUserId, hearingWaivedOn, hearingRight, hearingRequestDue,
				hearingWaiverAttachmentId, statementWaivedOn, statementWaiverAttachmentId, discussedOn,
				masked(discussionParticipants), masked(discussionConclusion), decisionNumber, decidedOn, penalty, fine, mitigation,
				mitigationGround, masked(mitigationReason), deliveredOn, paidOn, paidAmount, surcharge, closedOn,
				masked(closingReason), publishedOn, publicationWithdrawnOn, masked(publicationWithdrawalReason), imported, demo,
				paymentDays, surchargePercent, reviewDays, litigationMonths, proposedConfiscated, confiscated,
				suspensionFrom, suspensionUntil, decidedByUserId, decidedBy, handoverDays, statementAdopted,
				masked(statementReview), decisionAnnulledOn, publicationWithdrawalDueOn, hearingScheduledOn,
				hearingPausedFrom, proposedSuspensionDays, suspensionDays, deliveryMethod, masked(deliveryNote),
				deliveryPublishedOn, noPenaltyGround, noticeServedOn, noticeDeliveryMethod, masked(noticeDeliveryNote),
				noticePublishedOn, decidedLate, handlingRegion);
	}

	/**
	 * The region every step of the case is routed by ({@code Bureaus#handles}, {@code Bureaus#staffed} with
	 * {@code Bureaus#CASE_DECIDERS}): the bureau fixed as 办案机关 when the case was filed ({@code handlingRegion}) —
	 * a county bureau given its accounts afterwards takes none of its city's filed cases —, else the case's own region.
	 */
	public String handledIn() {
		return handlingRegion != null ? handlingRegion : regionCode;
	}

	/** A free text as {@link #masked} shows it; null stays null. */
	private static String masked(String text) {
		return text == null ? null : Masking.telephonesIn(text);
	}

	/**
	 * The penalty proposed, every part and amount with a 停业整顿's days, as the 事先告知书 states it ("责令停业整顿30日（自
	 * 行政处罚决定书送达之日的次日起计算），并处罚款人民币60000元"); empty before the conclusion.
	 */
	public String proposedText() {
		return proposedPenalty == null ? ""
				: proposedPenalty.describe(proposedFine, proposedConfiscated, Penalty.suspensionDays(proposedSuspensionDays));
	}

	/** Whether the decision is on the public portal now (published and not withdrawn). */
	public boolean published() {
		return publishedOn != null && publicationWithdrawnOn == null;
	}

	/**
	 * The day the served document reached the party or was published to it — the publication day of a 公告送达, else the
	 * day served —: the earliest day the party can act on it (pay, hand over, apply for a deferral); null before service.
	 */
	public LocalDate deliveryActOn() {
		return deliveryPublishedOn != null ? deliveryPublishedOn : deliveredOn;
	}

	/**
	 * The day a decision served by public notice (公告送达) is deemed served while it is still after {@code today} — the
	 * notice published, the decision not yet in effect (民事诉讼法(2023) art.95, 公告送达中) —, else null. Until then the
	 * party may pay (it knows of the decision), but the case is neither 已执行 nor closed and no page tells it 已送达.
	 * @param today the current day (China time)
	 */
	public LocalDate deemedServedAfter(LocalDate today) {
		return CaseClock.deemedDayAhead(deliveredOn, today);
	}

	/**
	 * Whether the decision is served by {@code today} ({@link CaseClock#decisionServed}: delivered, a public notice's
	 * deemed day reached) or was served on paper before the case was imported: what follows service — the party reading
	 * it, its head-only correction, the figures of decisions served — goes by this.
	 * @param today the current day (China time)
	 */
	public boolean servedBy(LocalDate today) {
		return imported || CaseClock.decisionServed(deliveredOn, today);
	}

	/**
	 * The case's status as shown on {@code today} ({@link CaseStatus#shown}): a decision served by public notice whose
	 * deemed day is still ahead reads 公告送达中 with the deemed day, never 已送达.
	 * @param today the current day (China time)
	 */
	public String shownStatus(LocalDate today) {
		return status.shown(deemedServedAfter(today));
	}

	/** Whether the decision was revoked or confirmed invalid: it no longer applies, nothing of it is carried out. */
	public boolean annulled() {
		return decisionAnnulledOn != null;
	}
}
