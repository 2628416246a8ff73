package org.youguan.complaints;

import java.time.Instant;

/**
 * Published when the bureau records a call-back (回访, {@link ComplaintProcedure#callBack}), reached or not, as every
 * other step of the procedure publishes its own event: a listener learns the filer's satisfaction with the bureau's
 * handling and with the company's and whether the problem is solved (for the 满意率 of {@link ComplaintFigures}), or
 * that the filer was not reached and the call-back is to be retried. No personal data is carried (the filer's name
 * and phone stay on the record).
 *
 * @param complaintId the complaint (the staff's page: {@code /complaints/{complaintId}})
 * @param number its business number
 * @param regionCode where it was filed
 * @param enterpriseCreditCode the enterprise it was transferred to (null for a complaint never transferred)
 * @param reached whether the call-back reached the filer
 * @param attempt how many call-backs have been made since the enterprise's latest reply, this one included
 * @param satisfaction the filer's satisfaction with the bureau's handling; null when not reached
 * @param companySatisfaction the filer's satisfaction with the company's handling; null when not reached
 * @param solved whether the problem is solved; null when not reached
 * @param calledBackAt when the call-back was recorded
 */
public record ComplaintCalledBack(long complaintId, String number, String regionCode, String enterpriseCreditCode,
		boolean reached, int attempt, Satisfaction satisfaction, Satisfaction companySatisfaction, Boolean solved,
		Instant calledBackAt) {
}
