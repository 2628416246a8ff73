package org.youguan.region;

/**
 * A region as stored.
 */
public record Region(String code, String name, String parentCode, RegionLevel level) {
}
