package org.youguan.registry;

/**
 * Filing status of a terminal outlet (末端网点).
 */
public enum OutletStatus {

	PENDING("待备案"), FILED("已备案"), CLOSED("已关闭");

	private final String label;

	OutletStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
