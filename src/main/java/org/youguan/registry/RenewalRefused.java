package org.youguan.registry;

/**
 * A renewal (延续) of an express business licence refused (不予延续) by the competent bureau, published by the licensing
 * module and applied by the registry when it hears it (after commit): the renewal no longer keeps the licence in force
 * past its expiry ({@link RenewalAccepted}); the licence expires on its recorded last valid day. A repeated delivery
 * changes nothing.
 *
 * @param applicationId the renewal application refused
 * @param licenceNumber the licence it would have renewed
 */
public record RenewalRefused(long applicationId, String licenceNumber) {
}
