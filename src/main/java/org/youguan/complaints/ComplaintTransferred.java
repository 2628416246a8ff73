package org.youguan.complaints;

import java.time.LocalDate;

/**
 * Published when a complaint is accepted and transferred to an enterprise: the notifications module tells that
 * enterprise, which replies by the due date. The bureau's transfer reason is not part of it (the enterprise does not
 * read it).
 *
 * @param complaintId the complaint (the enterprise's page: {@code /enterprise/complaints/{complaintId}})
 * @param number its business number
 * @param regionCode where it was filed
 * @param enterpriseCreditCode the enterprise it was transferred to
 * @param replyDue the day by which the enterprise replies
 */
public record ComplaintTransferred(long complaintId, String number, String regionCode, String enterpriseCreditCode,
		LocalDate replyDue) {
}
