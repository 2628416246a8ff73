package org.youguan.org;

/**
 * Levels of postal administration with the region-code length each is bound to.
 */
public enum BureauLevel {

	NATIONAL("国家局", 1), PROVINCE("省局", 2), CITY("市局", 4), COUNTY("县（区）局", 6);

	private final String label;

	private final int regionCodeLength;

	BureauLevel(String label, int regionCodeLength) {
		this.label = label;
		this.regionCodeLength = regionCodeLength;
	}

	public String label() {
		return label;
	}

	public int regionCodeLength() {
		return regionCodeLength;
	}
}
