package org.youguan.registry;

import java.time.LocalDate;

/**
 * A licence as lists and pages show it, with its derived status; {@code issuingRegionCode} is the region of the
 * authority that issued it (发证机关; "0" for 国家邮政局).
 */
public record LicenceView(long id, String number, long enterpriseId, String enterpriseName, String creditCode,
		LicenceScope scope, String issuingBureauName, LocalDate issuedOn, LocalDate expiresOn, LicenceStatus status,
		String stateReason, String regionCode, String issuingRegionCode) {
}
