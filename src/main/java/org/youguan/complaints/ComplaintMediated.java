package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Published when the bureau records how its mediation between the filer and the company ended (调解,
 * {@link ComplaintProcedure#mediate}; the latest stands): the notifications module tells the enterprise the complaint
 * was transferred to, which reads the result — and the remedy it agreed to carry out — on its page
 * ({@link EnterpriseComplaintView}). The remedy's text is not carried (typed text stays on the record, masked where it
 * is read).
 *
 * @param complaintId the complaint (the enterprise's page: {@code /enterprise/complaints/{complaintId}})
 * @param number its business number
 * @param regionCode where it was filed
 * @param enterpriseCreditCode the enterprise it was transferred to (null for a complaint never transferred)
 * @param result 调解成功 or 调解不成功
 * @param agreedAmount the amount agreed (元, two decimals), or null
 * @param mediatedOn the day the result was recorded
 */
public record ComplaintMediated(long complaintId, String number, String regionCode, String enterpriseCreditCode,
		MediationResult result, BigDecimal agreedAmount, LocalDate mediatedOn) {
}
