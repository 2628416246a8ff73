package org.youguan.registry;

/**
 * A licence cancelled (注销) by the bureau that issued it on one of the grounds of 行政许可法(2019) art.70, published by
 * the licensing module and applied by the registry when it hears it (after commit; a licence no longer active is left
 * as it is). Like {@link LicenceGranted}, the registry's inbound contract.
 *
 * @param licenceNumber the licence cancelled
 * @param reason the ground and note recorded on the licence
 */
public record LicenceCancelled(String licenceNumber, String reason) {
}
