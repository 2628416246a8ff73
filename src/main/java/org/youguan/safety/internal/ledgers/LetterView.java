package org.youguan.safety.internal.ledgers;

import java.time.LocalDate;

/**
 * An enterprise's 安全生产责任书 for a year as the ledger shows it: signed (the letter's id, day and signatories) or not
 * yet signed (those null) — the ledger lists the enterprises of the region that have not signed too.
 */
public record LetterView(Long id, int year, long enterpriseId, String enterpriseCreditCode, String enterpriseName,
		String regionCode, String regionName, LocalDate signedOn, String bureauSignatory, String enterpriseSignatory) {

	public boolean signed() {
		return id != null;
	}

	/** 已签订 or 未签订, as lists and exports show it. */
	public String status() {
		return signed() ? "已签订" : "未签订";
	}
}
