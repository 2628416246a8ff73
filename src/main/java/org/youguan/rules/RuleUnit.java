package org.youguan.rules;

import java.math.BigDecimal;

import org.youguan.kernel.ChineseText;

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

	/**
	 * A value of this unit in figures as every text writes it, without the unit: an amount of yuan as the product's money
	 * format writes it ({@link ChineseText#yuanFigures}: 1200.50, never 1200.5), another value without trailing zeros
	 * (5, 0.5).
	 */
	public String figures(BigDecimal value) {
		return this == YUAN ? ChineseText.yuanFigures(value) : value.stripTrailingZeros().toPlainString();
	}

	/** A value of this unit with its unit, as a text states it: "5个工作日", "1200.50元". */
	public String stated(BigDecimal value) {
		return figures(value) + label;
	}

	public boolean isDeadline() {
		return this == CALENDAR_DAYS || this == WORKING_DAYS || this == MONTHS || this == YEARS;
	}
}
