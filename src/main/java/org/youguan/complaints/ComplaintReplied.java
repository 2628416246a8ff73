package org.youguan.complaints;

import java.time.LocalDate;

/**
 * Published when the enterprise replies to a complaint (first reply or redone): the notifications module tells the
 * staff of the complaint's county (and the bureaus above it), who call the filer back.
 *
 * @param complaintId the complaint (its page: {@code /complaints/{complaintId}})
 * @param number its business number
 * @param regionCode where it was filed
 * @param enterpriseName the enterprise that replied
 * @param responsibility the responsibility it states
 * @param late whether the reply came after its due date
 * @param redoCount how often it was returned for redoing before this reply (tells a redone reply from the first)
 * @param callbackDue the day by which the filer is called back
 */
public record ComplaintReplied(long complaintId, String number, String regionCode, String enterpriseName,
		Responsibility responsibility, boolean late, int redoCount, LocalDate callbackDue) {
}
