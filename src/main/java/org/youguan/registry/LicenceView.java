package org.youguan.registry;

import java.time.LocalDate;

/**
 * A licence as lists and pages show it, with its derived status; {@code issuingRegionCode} is the region of the
 * authority that issued it (发证机关; "0" for 国家邮政局).
 */
public record LicenceView(long id, String number, long enterpriseId, String enterpriseName, String creditCode,
		LicenceScope scope, String issuingBureauName, LocalDate issuedOn, LocalDate expiresOn, LicenceStatus status,
		String stateReason, String regionCode, String issuingRegionCode) {

	/**
	 * Whether the licence is neither cancelled nor revoked and past its last valid day on {@code today}: expired, or in
	 * force only by a renewal accepted on or before that day and still undecided (status {@link LicenceStatus#VALID},
	 * 视为准予延续, 行政许可法(2019) art.50; {@link RenewalAccepted}).
	 */
	public boolean pastExpiry(LocalDate today) {
		return (status == LicenceStatus.VALID || status == LicenceStatus.EXPIRED) && expiresOn.isBefore(today);
	}

	/**
	 * Whether the licence reads 有效 on {@code today} past its last valid day: only a renewal accepted on or before that
	 * day and still undecided keeps it in force (视为准予延续, 行政许可法(2019) art.50) — the pages say so beside the
	 * past expiry date.
	 */
	public boolean deemedRenewed(LocalDate today) {
		return status == LicenceStatus.VALID && pastExpiry(today);
	}
}
