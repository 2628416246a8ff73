package org.youguan.licensing;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.youguan.kernel.Masking;
import org.youguan.registry.LicenceScope;

/**
 * A licence application with every step it has been through (null where a step has not happened). {@code regionCode}
 * is the premises' region. {@code notAcceptedGround} is the ground of a 不予受理 (null for one taken before grounds were
 * recorded), {@code notAcceptedNumber} and {@code correctionNumber} the 文号 of the 不予受理决定书 and the 补正通知书
 * (null for those issued before they were numbered).
 */
public record ApplicationView(long id, String number, ApplicationKind kind, String channel, String applicantCreditCode,
		String applicantName, boolean applicantRegistered, String legalRepresentative, BigDecimal registeredCapital,
		LicenceScope scope, ApprovingLevel approvingLevel, String serviceArea, String premisesAddress, String regionCode,
		String safetySystem, String serviceSystem, String personnel, String contactName, String contactPhone,
		ApplicationStatus status, LocalDate submittedOn, LocalDate receiptDueOn, LocalDate correctionNotifiedOn,
		String correctionItems, LocalDate correctedOn, LocalDate acceptedOn, boolean acceptedByLaw, String receiptNumber,
		LocalDate notAcceptedOn, String notAcceptedReason, String competentBureau, LocalDate reviewedOn,
		String reviewedBy, String reviewOpinion, LocalDate verificationDueOn, LocalDate verifiedOn,
		Boolean verificationPassed, String verificationConclusion, String inspectors, LocalDate decisionDueOn,
		LocalDate decidedOn, String decision, String decisionNumber, String decisionReasons, String decidedBy,
		String licenceNumber, String verificationCode, LocalDate certificateDueOn, LocalDate validFrom,
		LocalDate validUntil, boolean imported, boolean demo, NonAcceptanceGround notAcceptedGround,
		String notAcceptedNumber, String correctionNumber) {

	/**
	 * The application as its page and the API show it: the contact's phone masked ({@link Masking#phone},
	 * {@code 139****5678}; null stays null), as the registry shows an enterprise's, and the personal numbers (ID, mobile)
	 * someone wrote into the free text — the premises, the systems, the personnel, the 补正 items, the reasons, opinions,
	 * conclusion and inspectors — masked as every module's free text is ({@link Masking#personalNumbersIn}). The
	 * documents generated from the application print what was stated.
	 */
	public ApplicationView masked() {
		return new ApplicationView(id, number, kind, channel, applicantCreditCode, applicantName, applicantRegistered,
				legalRepresentative, registeredCapital, scope, approvingLevel, serviceArea, Masking.personalNumbersIn(premisesAddress),
				regionCode, Masking.personalNumbersIn(safetySystem), Masking.personalNumbersIn(serviceSystem),
				Masking.personalNumbersIn(personnel), contactName, contactPhone == null ? null : Masking.phone(contactPhone),
				status, submittedOn, receiptDueOn, correctionNotifiedOn, Masking.personalNumbersIn(correctionItems), correctedOn,
				acceptedOn, acceptedByLaw, receiptNumber, notAcceptedOn, Masking.personalNumbersIn(notAcceptedReason),
				competentBureau, reviewedOn, reviewedBy, Masking.personalNumbersIn(reviewOpinion), verificationDueOn, verifiedOn,
				verificationPassed, Masking.personalNumbersIn(verificationConclusion), Masking.personalNumbersIn(inspectors),
				decisionDueOn, decidedOn, decision, decisionNumber, Masking.personalNumbersIn(decisionReasons), decidedBy,
				licenceNumber, verificationCode, certificateDueOn, validFrom, validUntil, imported, demo, notAcceptedGround,
				notAcceptedNumber, correctionNumber);
	}
}
