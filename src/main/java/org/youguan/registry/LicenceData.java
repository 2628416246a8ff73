package org.youguan.registry;

import java.time.LocalDate;

/**
 * What staff enter for a licence record. Without an expiry date the licence runs for the statutory validity.
 */
public record LicenceData(long enterpriseId, String number, LicenceScope scope, String issuingBureauName,
		String issuingRegionCode, LocalDate issuedOn, LocalDate expiresOn) {
}
