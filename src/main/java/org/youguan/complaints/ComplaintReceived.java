package org.youguan.complaints;

import java.time.LocalDate;

/**
 * Published when a complaint is filed (on the public form or API, or entered by staff): the notifications module tells
 * the staff of its county (and the bureaus above it), who accept and transfer it or refuse it.
 *
 * @param complaintId the complaint (its page: {@code /complaints/{complaintId}})
 * @param number its business number
 * @param regionCode where it was filed
 * @param brandName the brand complained about (short name)
 * @param category its category (延误, 丢失短少, …)
 * @param transferDue the day by which it is to be accepted and transferred, or refused
 */
public record ComplaintReceived(long complaintId, String number, String regionCode, String brandName, String category,
		LocalDate transferDue) {
}
