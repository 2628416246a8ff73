package org.youguan.complaints;

import java.math.BigDecimal;

/**
 * Published when a complaint is closed: whether it was valid (the enterprise responsible) and what was recovered —
 * for the figures of other modules (credit, enforcement).
 */
public record ComplaintClosed(long complaintId, String number, String regionCode, String enterpriseCreditCode,
		boolean valid, BigDecimal compensationPaid) {
}
