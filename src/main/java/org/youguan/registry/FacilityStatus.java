package org.youguan.registry;

/**
 * Whether a facility serves.
 */
public enum FacilityStatus {

	IN_SERVICE("在用"), SUSPENDED("停用"), REMOVED("已撤除");

	private final String label;

	FacilityStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
