package org.youguan.complaints;

import java.time.LocalDate;

/**
 * Published when the bureau returns an enterprise's reply for redoing (退回重办): the notifications module tells the
 * enterprise, which reads the bureau's reason on its page and replies again by the due date.
 *
 * @param complaintId the complaint (the enterprise's page: {@code /enterprise/complaints/{complaintId}})
 * @param number its business number
 * @param regionCode where it was filed
 * @param enterpriseCreditCode the enterprise it is returned to
 * @param redoCount how often it has been returned, this time included
 * @param redoDue the day by which the enterprise replies again
 */
public record ComplaintReturned(long complaintId, String number, String regionCode, String enterpriseCreditCode,
		int redoCount, LocalDate redoDue) {
}
