package org.youguan.registry;

import java.time.LocalDate;

/**
 * A licence as lists and pages show it, with its derived status.
 */
public record LicenceView(long id, String number, long enterpriseId, String enterpriseName, String creditCode,
		LicenceScope scope, String issuingBureauName, LocalDate issuedOn, LocalDate expiresOn, LicenceStatus status,
		String stateReason, String regionCode) {
}
