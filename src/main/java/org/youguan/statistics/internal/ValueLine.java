package org.youguan.statistics.internal;

import java.math.BigDecimal;

import org.youguan.statistics.Indicator;

/**
 * One line of a report as the form shows it: the indicator, the value (computed for a derived one), the note, and the
 * approved values of the previous period and the same period last year for comparison.
 */
public record ValueLine(Indicator indicator, BigDecimal value, String note, BigDecimal previous, BigDecimal lastYear) {

	public String text() {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}
}
