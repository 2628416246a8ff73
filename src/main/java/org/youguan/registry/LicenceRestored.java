package org.youguan.registry;

/**
 * A licence revoked (吊销) by a penalty decision that was then annulled or changed away from revocation (行政复议,
 * 行政诉讼 or the bureau's own correction), published by the licensing module and applied by the registry when it hears
 * this event (after commit): the licence returns to the state it had before the revocation — valid until its expiry
 * date, or expired when that date passed meanwhile. A licence not revoked (a repeated delivery, one cancelled since) is
 * left as it is. The opposite of {@link LicenceRevoked}; the registry's inbound contract.
 *
 * @param licenceNumber the licence to restore
 * @param decisionNumber the 文号 of the penalty decision that had revoked it
 * @param reason why it is restored (the outcome and its 文号), recorded in the audit trail
 */
public record LicenceRestored(String licenceNumber, String decisionNumber, String reason) {
}
