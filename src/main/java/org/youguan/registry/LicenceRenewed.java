package org.youguan.registry;

import java.time.LocalDate;

/**
 * An approved renewal (延续, 行政许可法(2019) art.50; 快递业务经营许可管理办法) of an express business licence, published
 * by the licensing module when the competent bureau approves it and applied by the registry when it hears it (after
 * commit): the licence in force runs to {@code expiresOn}; no new licence record is made. A delivery that would not
 * extend the licence (repeated, or older than what is recorded) changes nothing. Like {@link LicenceGranted}, the
 * registry's inbound contract.
 *
 * @param applicationId the renewal application decided
 * @param licenceNumber the licence renewed
 * @param decisionNumber the decision's 文号
 * @param decidedOn the day of the decision
 * @param expiresOn the new last day of validity
 */
public record LicenceRenewed(long applicationId, String licenceNumber, String decisionNumber, LocalDate decidedOn,
		LocalDate expiresOn) {
}
