package org.youguan.statistics.internal;

/**
 * How an indicator's values over units and periods combine.
 */
public enum Aggregation {

	/** Volumes and revenues: add up. */
	SUM("求和"),
	/** Rates: the average weighted by a named denominator indicator. */
	WEIGHTED("加权平均"),
	/** Stocks (vehicles, stations, compartments): each unit's value of its last period, added up. */
	LAST("期末值");

	private final String label;

	Aggregation(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
