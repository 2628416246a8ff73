package org.youguan.enforcement;

import java.time.LocalDate;

import org.youguan.kernel.Masking;
import org.youguan.rules.ViolationType;

/**
 * A lead (线索) as lists and pages show it.
 *
 * @param proposedViolation the violation type proposed for 立案, or null
 * @param proposedEndedOn the day the violation ended, as proposed for 立案 (the limitation counts from it)
 * @param proposedHarm whether it was proposed as concerning life and health or financial safety with harmful
 * consequences (5-year limitation instead of 2, 行政处罚法(2021) art.36)
 * @param proposedHarmReason why, as the proposal stated it (null without {@code proposedHarm}, or for leads proposed
 * before the reason was kept)
 * @param caseId the case it was filed as, or null
 */
public record LeadView(long id, String regionCode, LeadSource source, String sourceRef, String sourceDetail,
		String enterpriseCreditCode, String enterpriseName, String summary, LocalDate receivedOn, LeadStatus status,
		ViolationType proposedViolation, LocalDate proposedEndedOn, boolean proposedHarm, String proposedHarmReason,
		String proposedBy, String closedReason,
		LocalDate closedOn, Long caseId, String caseNumber, boolean imported) {

	/**
	 * The same lead with ID and phone numbers — mobiles and landlines alike ({@link Masking#telephonesIn}) — in every
	 * free text masked (its summary, origin note, the reason a 5-year limitation was proposed, the reason it was closed),
	 * as lists show it and as its page shows it to those who do not take its steps.
	 */
	public LeadView masked() {
		return new LeadView(id, regionCode, source, sourceRef, masked(sourceDetail), enterpriseCreditCode, enterpriseName,
				masked(summary), receivedOn, status, proposedViolation, proposedEndedOn, proposedHarm,
				masked(proposedHarmReason), proposedBy, masked(closedReason), closedOn, caseId, caseNumber, imported);
	}

	/**
	 * A lead's free text as a reader who does not take its steps reads it ({@link Masking#telephonesIn}; null stays
	 * null) — the one rule for the lead's texts wherever they are quoted (the case filed from it quotes the 5-year
	 * reason).
	 */
	public static String masked(String text) {
		return text == null ? null : Masking.telephonesIn(text);
	}

	/** The page of the lead's origin on the platform (the complaint or inspection list), or null. */
	public String sourcePage() {
		if (sourceRef == null) {
			return null;
		}
		if (sourceRef.startsWith("complaint:")) {
			return "/complaints/" + sourceRef.substring("complaint:".length());
		}
		return sourceRef.startsWith("inspection:") || sourceRef.startsWith("rectification:") ? "/inspections" : null;
	}
}
