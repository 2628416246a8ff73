package org.youguan.org;

/**
 * What an administrator enters for a bureau.
 */
public record BureauData(String name, String shortName, BureauLevel level, String regionCode, Long parentId,
		String address, String phone) {
}
