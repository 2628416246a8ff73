package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.UnaryOperator;

import org.youguan.kernel.Masking;

/**
 * A complaint as the staff queue and pages show it (the filer's phone masked in lists — {@code filerPhone} holds the
 * masked form there, as stored; the single complaint read by {@code ComplaintQueries.get} carries it decrypted for the
 * handler to call back). {@code dueSoon} and {@code overdue} refer to the current step. {@code satisfaction} is the
 * filer's satisfaction with the bureau's handling, {@code companySatisfaction} with the company's (both asked at the
 * call-back that reached the filer); {@code mediationResult}, {@code mediationRemedy}, {@code mediationAmount} (元) and
 * {@code mediatedOn} the latest mediation, null when none. Amounts (元) carry both fen digits ({@code 0.00}), as in
 * every complaint answer.
 */
public record ComplaintView(long id, String number, Channel channel, String filerName, String filerPhone,
		FilerRole filerRole, String regionCode, String regionName, String brandName, String namedEnterprise,
		String enterpriseName, String enterpriseCreditCode, String waybillNumber, LocalDate postedOn,
		LocalDate priorComplainedOn, String priorChannel, String priorAnswer, String category, String reason,
		BigDecimal amountClaimed, String description, String duplicateOf, ComplaintStatus status, Instant receivedAt,
		LocalDate receivedOn, LocalDate answerDue, LocalDate transferDue, LocalDate stepDue,
		AcceptanceCondition rejectionCondition, String rejectionReason, LocalDate transferredOn, String replyFindings,
		Responsibility replyResponsibility, String replySolution, BigDecimal replyCompensation, Boolean replyApology,
		Boolean replyUserAgrees, String replyHandler, String replyHandlerPhone, LocalDate repliedOn, boolean replyLate,
		int redoCount, String returnReason, int callbackAttempts, Instant lastCallbackAt, Satisfaction satisfaction,
		Boolean solved, LocalDate closedOn, Boolean validComplaint, BigDecimal compensationPaid, String closingNote,
		LocalDate withdrawnOn, LocalDate referredOn, String referralNote, String transferReason, boolean transferFlagged,
		LocalDate today, LocalDate nextWorkingDay, Long brandId, Satisfaction companySatisfaction,
		MediationResult mediationResult, String mediationRemedy, BigDecimal mediationAmount, LocalDate mediatedOn) {

	/** Every amount with both fen digits ({@link ComplaintIntake#yuan}), as the columns hold them. */
	public ComplaintView {
		amountClaimed = ComplaintIntake.yuan(amountClaimed);
		replyCompensation = ComplaintIntake.yuan(replyCompensation);
		compensationPaid = ComplaintIntake.yuan(compensationPaid);
		mediationAmount = ComplaintIntake.yuan(mediationAmount);
	}

	/** The same complaint with the filer's phone as decrypted for a page entitled to it. */
	ComplaintView withFilerPhone(String phone) {
		return with(filerName, phone, replyHandlerPhone);
	}

	public String filerPhoneMasked() {
		return Masking.phone(filerPhone);
	}

	/**
	 * This view with the filer's name and phone masked and every personal number in its typed text masked — ID and
	 * mobile numbers and landlines alike ({@link Masking#telephonesIn}), as a landline phone field is masked — for
	 * readers not entitled to them (leaders, staff of a bureau above reading a county's complaint:
	 * {@code ComplaintQueries.readsInFull}). Every text a person typed is masked: the named enterprise or outlet, the
	 * earlier complaint's channel and answer, the description, the waybill number, the refusal, return, closing,
	 * referral and transfer reasons, the reply's findings and solution and the remedy agreed at mediation (the reply's
	 * handler is a name refused with a number in it).
	 */
	public ComplaintView masked() {
		return with(Masking.name(filerName), filerPhoneMasked(), Masking.phone(replyHandlerPhone), Masking::telephonesIn);
	}

	private ComplaintView with(String filer, String phone, String handlerPhone) {
		return with(filer, phone, handlerPhone, UnaryOperator.identity());
	}

	private ComplaintView with(String filer, String phone, String handlerPhone, UnaryOperator<String> text) {
		return new ComplaintView(id, number, channel, filer, phone, filerRole, regionCode, regionName, brandName,
				text.apply(namedEnterprise), enterpriseName, enterpriseCreditCode, text.apply(waybillNumber), postedOn,
				priorComplainedOn, text.apply(priorChannel), text.apply(priorAnswer), category, reason, amountClaimed, text.apply(description),
				duplicateOf, status, receivedAt, receivedOn, answerDue, transferDue, stepDue, rejectionCondition,
				text.apply(rejectionReason), transferredOn, text.apply(replyFindings), replyResponsibility,
				text.apply(replySolution), replyCompensation, replyApology, replyUserAgrees, replyHandler, handlerPhone,
				repliedOn, replyLate, redoCount, text.apply(returnReason), callbackAttempts, lastCallbackAt, satisfaction,
				solved, closedOn, validComplaint, compensationPaid, text.apply(closingNote), withdrawnOn, referredOn,
				text.apply(referralNote), text.apply(transferReason), transferFlagged, today, nextWorkingDay, brandId,
				companySatisfaction, mediationResult, text.apply(mediationRemedy), mediationAmount, mediatedOn);
	}

	/** The current step is past its due date, or the 30-day answer limit has passed unanswered. */
	public boolean overdue() {
		return !status.finished() && (stepDue != null && today.isAfter(stepDue) || today.isAfter(answerDue));
	}

	/** The current step is due within one working day. */
	public boolean dueSoon() {
		return !overdue() && !status.finished() && stepDue != null && !stepDue.isAfter(nextWorkingDay);
	}
}
