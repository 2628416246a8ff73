package org.youguan.statistics;

/**
 * How often a form is reported.
 */
public enum PeriodType {

	MONTH("月报", 1), QUARTER("季报", 3), YEAR("年报", 12);

	private final String label;

	private final int months;

	PeriodType(String label, int months) {
		this.label = label;
		this.months = months;
	}

	public String label() {
		return label;
	}

	public int months() {
		return months;
	}
}
