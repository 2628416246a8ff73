package org.youguan.statistics.internal;

/**
 * What kind of number an indicator takes.
 */
public enum ValueType {

	INTEGER("整数"), DECIMAL("小数"), PERCENT("百分比");

	private final String label;

	ValueType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
