package org.youguan.licensing;

import java.time.LocalDate;

/**
 * Published by the daily licensing clock when a licence comes within 90, 60 or 30 days of its expiry and no renewal has
 * been applied for (快递业务经营许可管理办法: renewal ≥ 30 days before expiry): the notifications module tells the holder
 * and the bureau of the premises. Once per licence and threshold.
 *
 * @param licenceNumber the licence
 * @param applicantCreditCode the holder
 * @param applicantName its name
 * @param regionCode the premises' region
 * @param validUntil the last day of validity
 * @param renewalDue the last day to apply for renewal (30 days before expiry)
 * @param daysBefore the threshold reached: 90, 60 or 30
 */
public record LicenceRenewalDue(String licenceNumber, String applicantCreditCode, String applicantName, String regionCode,
		LocalDate validUntil, LocalDate renewalDue, int daysBefore) {
}
