package org.youguan.registry;

import java.time.LocalDate;

/**
 * A renewal (延续) of an express business licence accepted (受理) by the competent bureau, published by the licensing
 * module on acceptance (and again by its daily clock while the renewal is open) and applied by the registry when it
 * hears it (after commit). A renewal accepted on or before the licence's last valid day and not decided by then counts
 * as granted (视为准予延续, 行政许可法(2019) art.50): the registry shows such a licence 有效 past its recorded expiry
 * until the decision ({@link LicenceRenewed} or {@link RenewalRefused}). A repeated delivery changes nothing. Like
 * {@link LicenceRenewed}, the registry's inbound contract.
 *
 * @param applicationId the renewal application accepted
 * @param licenceNumber the licence it would renew
 * @param acceptedOn the day of acceptance (受理)
 */
public record RenewalAccepted(long applicationId, String licenceNumber, LocalDate acceptedOn) {
}
