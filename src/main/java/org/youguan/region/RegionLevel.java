package org.youguan.region;

/**
 * Levels of the region hierarchy with their code lengths.
 */
public enum RegionLevel {

	COUNTRY(1, "全国"), PROVINCE(2, "省级"), CITY(4, "市级"), COUNTY(6, "县级"), STREET(9, "乡镇/街道"), VILLAGE(12, "村/社区");

	private final int codeLength;

	private final String label;

	RegionLevel(int codeLength, String label) {
		this.codeLength = codeLength;
		this.label = label;
	}

	public int codeLength() {
		return codeLength;
	}

	public String label() {
		return label;
	}

	public static RegionLevel ofLength(int length) {
		for (RegionLevel level : values()) {
			if (level.codeLength == length) {
				return level;
			}
		}
		return null;
	}
}
