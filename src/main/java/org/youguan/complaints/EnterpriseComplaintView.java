package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.youguan.kernel.Masking;

/**
 * A complaint as the enterprise it was transferred to reads it — the one projection behind its portal page and list,
 * its export, {@code GET /api/v1/complaints} and {@code GET /api/v1/complaints/{id}} on its token, and the pull feed
 * {@code GET /api/v1/enterprise/complaints}: what was filed, the step and its due dates, and its own reply (with the
 * bureau's reason when returned for redoing), and the bureau's mediation between it and the filer — 调解成功 or 调解不成功,
 * the remedy agreed and the amount (元), the day — which binds the enterprise to carry the remedy out. Every ID or
 * mobile number typed into the text is masked
 * ({@link Masking#personalNumbersIn}); the filer's name and phone are in full on a single read (to call back, audited)
 * and masked in lists ({@link #contactMasked()}).
 *
 * <p>
 * It carries none of the bureau's internal handling: no referral to enforcement (the enterprise is not told of a lead,
 * {@code notifications.ComplaintNotifications}), no closing note, transfer reason or cross-transfer flag, no suspected
 * duplicate, no call-back result (the filer's satisfaction), validity decision or recovered loss. A field added to {@link ComplaintView} reaches
 * the enterprise only by being added here.
 */
public record EnterpriseComplaintView(long id, String number, Channel channel, String filerName, String filerPhone,
		FilerRole filerRole, String regionCode, String regionName, String brandName, String namedEnterprise,
		String enterpriseName, String waybillNumber, LocalDate postedOn, LocalDate priorComplainedOn, String priorChannel,
		String priorAnswer, String category, String reason, BigDecimal amountClaimed, String description,
		ComplaintStatus status, LocalDate receivedOn, LocalDate answerDue, LocalDate stepDue, LocalDate transferredOn,
		String replyFindings, Responsibility replyResponsibility, String replySolution, BigDecimal replyCompensation,
		Boolean replyApology, Boolean replyUserAgrees, String replyHandler, String replyHandlerPhone, LocalDate repliedOn,
		boolean replyLate, int redoCount, String returnReason, LocalDate closedOn, LocalDate withdrawnOn, boolean overdue,
		boolean dueSoon, MediationResult mediationResult, String mediationRemedy, BigDecimal mediationAmount,
		LocalDate mediatedOn) {

	/**
	 * The enterprise's projection of a complaint read by the bureau's queries: only the fields above, every ID or
	 * mobile number in the typed text masked — the named enterprise or outlet, the earlier complaint's channel and
	 * answer, the description, the reply, the return reason and the remedy agreed at mediation, and the waybill number
	 * and channel stored before such numbers were refused in them — the contact fields as given.
	 */
	public static EnterpriseComplaintView of(ComplaintView c) {
		return new EnterpriseComplaintView(c.id(), c.number(), c.channel(), c.filerName(), c.filerPhone(), c.filerRole(),
				c.regionCode(), c.regionName(), c.brandName(), Masking.personalNumbersIn(c.namedEnterprise()),
				c.enterpriseName(), Masking.personalNumbersIn(c.waybillNumber()), c.postedOn(), c.priorComplainedOn(),
				Masking.personalNumbersIn(c.priorChannel()),
				Masking.personalNumbersIn(c.priorAnswer()), c.category(), c.reason(), c.amountClaimed(),
				Masking.personalNumbersIn(c.description()), c.status(), c.receivedOn(), c.answerDue(), c.stepDue(),
				c.transferredOn(), Masking.personalNumbersIn(c.replyFindings()), c.replyResponsibility(),
				Masking.personalNumbersIn(c.replySolution()), c.replyCompensation(), c.replyApology(), c.replyUserAgrees(),
				c.replyHandler(), c.replyHandlerPhone(), c.repliedOn(), c.replyLate(), c.redoCount(),
				Masking.personalNumbersIn(c.returnReason()), c.closedOn(), c.withdrawnOn(), c.overdue(), c.dueSoon(),
				c.mediationResult(), Masking.personalNumbersIn(c.mediationRemedy()), c.mediationAmount(), c.mediatedOn());
	}

	/** This view with the filer's name and phone masked (张*, 139****5678), as lists and the feed carry them. */
	public EnterpriseComplaintView contactMasked() {
		return new EnterpriseComplaintView(id, number, channel, Masking.name(filerName), Masking.phone(filerPhone), filerRole,
				regionCode, regionName, brandName, namedEnterprise, enterpriseName, waybillNumber, postedOn, priorComplainedOn,
				priorChannel, priorAnswer, category, reason, amountClaimed, description, status, receivedOn, answerDue,
				stepDue, transferredOn, replyFindings, replyResponsibility, replySolution, replyCompensation, replyApology,
				replyUserAgrees, replyHandler, replyHandlerPhone, repliedOn, replyLate, redoCount, returnReason, closedOn,
				withdrawnOn, overdue, dueSoon, mediationResult, mediationRemedy, mediationAmount, mediatedOn);
	}
}
