package org.youguan.filing;

/**
 * Where a filing stands.
 */
public enum FilingStatus {

	SUBMITTED("待办理"), MISSING_ITEMS("待补正"), APPROVED("已备案"), REJECTED("不予备案");

	private final String label;

	FilingStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
