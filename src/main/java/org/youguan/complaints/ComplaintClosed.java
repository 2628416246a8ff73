package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Published when a complaint is closed: whether it was valid (the enterprise responsible) and what was recovered —
 * for the figures of other modules (credit, enforcement). The notifications module tells the enterprise the complaint
 * was transferred to (its outcome on its own record).
 *
 * @param complaintId the complaint
 * @param number its business number
 * @param regionCode where it was filed
 * @param enterpriseCreditCode the enterprise it was transferred to (null for one closed without transfer)
 * @param valid 有效申诉: the enterprise bears service-quality responsibility
 * @param compensationPaid the loss recovered for the filer (yuan), or null
 * @param closedOn the day it was closed
 */
public record ComplaintClosed(long complaintId, String number, String regionCode, String enterpriseCreditCode,
		boolean valid, BigDecimal compensationPaid, LocalDate closedOn) {
}
