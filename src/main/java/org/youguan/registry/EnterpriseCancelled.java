package org.youguan.registry;

import java.time.LocalDate;

/**
 * An enterprise cancelled (注销) on the register, published by the registry when the cancellation commits. Modules
 * that keep records of the enterprise react to it: the filing module closes the enterprise's filed outlets and refuses
 * its undecided filings, each with the cancellation as the reason.
 *
 * @param enterpriseId the enterprise's register id
 * @param creditCode its 统一社会信用代码
 * @param legalName its name as registered when it was cancelled
 * @param cancelledOn the China-time day of the cancellation
 */
public record EnterpriseCancelled(long enterpriseId, String creditCode, String legalName, LocalDate cancelledOn) {
}
