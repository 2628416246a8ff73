package org.youguan.complaints;

/**
 * Published when staff refer a closed complaint to enforcement as a lead (线索); the enforcement module will open a
 * case from it.
 */
public record ComplaintReferred(long complaintId, String number, String regionCode, String enterpriseCreditCode,
		String category, String note) {
}
