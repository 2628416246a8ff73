package org.youguan.rules;

/**
 * The unit of a rule's value; deadlines in days are computed on the working-day calendar.
 */
public enum RuleUnit {

	CALENDAR_DAYS("日"), WORKING_DAYS("个工作日"), HOURS("小时"), MONTHS("个月"), YEARS("年"), YUAN("元"), PERCENT("%"),
	COUNT("个"), DAY_OF_MONTH("日（次月）"), PER_WEEK("次/周"), DAYS_PER_WEEK("天/周"), GRAMS("克");

	private final String label;

	RuleUnit(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean isDeadline() {
		return this == CALENDAR_DAYS || this == WORKING_DAYS || this == MONTHS || this == YEARS;
	}
}
