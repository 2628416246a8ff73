package org.youguan.complaints;

import java.time.Instant;

/**
 * Published when staff refer a closed complaint to enforcement as a lead (线索). This is the published contract a
 * penalty-case module consumes to open a lead without reading the complaint tables: everything a lead needs travels
 * with the event. Today the notifications module tells the staff of the complaint's region (the county bureau and the
 * bureaus above it, where enforcement sits) that a lead is waiting.
 *
 * @param complaintId the complaint (its page: {@code /complaints/{complaintId}})
 * @param number its business number (申诉-320506-2026-000001)
 * @param regionCode where it was filed (at least county level): the bureau competent for the lead
 * @param enterpriseCreditCode the respondent enterprise's 统一社会信用代码
 * @param enterpriseName the respondent enterprise's name as at transfer
 * @param brandName the brand complained about (short name)
 * @param category the complaint's category (延误, 丢失短少, …)
 * @param complaintReason the complaint's reason (中转或运输延误, 虚假签收, …)
 * @param valid whether it was closed as a valid complaint (the enterprise responsible)
 * @param referralReason why staff refer it (移送说明)
 * @param referredAt when it was referred
 * @param referredBy who referred it (display name; "system" for a job)
 * @param referredByUserId the referring user's id, or null
 */
public record ComplaintReferred(long complaintId, String number, String regionCode, String enterpriseCreditCode,
		String enterpriseName, String brandName, String category, String complaintReason, boolean valid,
		String referralReason, Instant referredAt, String referredBy, Long referredByUserId) {
}
