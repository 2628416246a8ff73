package org.youguan.registry;

/**
 * A licence revoked (吊销) by an administrative penalty decision, published by the licensing module when it hears the
 * decision and applied by the registry when it hears this event (after commit; a licence no longer active is left as it
 * is, so a repeated delivery changes nothing). Like {@link LicenceGranted}, the registry's inbound contract.
 *
 * @param licenceNumber the licence revoked
 * @param decisionNumber the penalty decision's 文号
 * @param reason the reason recorded on the licence
 */
public record LicenceRevoked(String licenceNumber, String decisionNumber, String reason) {
}
