package org.youguan.registry;

/**
 * An enterprise's registered region changed on the register (moved to another county), published by the registry when
 * the correction commits. The accounts of the enterprise follow it: an enterprise account's region is its
 * enterprise's, which decides which bureau's administrators manage it.
 *
 * @param enterpriseId the enterprise's register id
 * @param creditCode its 统一社会信用代码
 * @param fromRegion the region code it was registered in
 * @param toRegion the region code it is registered in now
 */
public record EnterpriseMoved(long enterpriseId, String creditCode, String fromRegion, String toRegion) {
}
