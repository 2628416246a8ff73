package org.youguan.org;

/**
 * A bureau as lists and pages show it.
 */
public record BureauView(long id, String name, String shortName, BureauLevel level, String regionCode,
		String regionName, Long parentId, String parentName, String address, String phone, boolean demo,
		long departments, long users) {
}
