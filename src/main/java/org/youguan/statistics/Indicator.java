package org.youguan.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.youguan.kernel.Percentages;
import org.youguan.statistics.internal.Aggregation;
import org.youguan.statistics.internal.Formula;
import org.youguan.statistics.internal.ReportChecks;
import org.youguan.statistics.internal.ValueType;

/**
 * An indicator of the catalogue. A derived indicator carries a formula over others and is never entered.
 */
public record Indicator(String code, String name, String unit, ValueType valueType, Aggregation aggregation,
		String denominatorCode, String formula, String description, String category, int position) {

	public boolean derived() {
		return formula != null;
	}

	public Formula parsedFormula() {
		return Formula.parse(formula);
	}

	/**
	 * Decimals to show — the pages, the API's figures and the exports' number format ({@code #,##0.0000}) — the
	 * decimals a value of the indicator keeps ({@link ReportChecks#fractionDigits}): none for counts, 4 for 万元 (to
	 * the yuan; 2 hid the last two a report keeps), 2 for a rate in %.
	 */
	public int decimals() {
		return ReportChecks.fractionDigits(this);
	}

	/**
	 * A value as the pages show it, to {@link #decimals()}: a percentage indicator's (a rate: 电子运单使用率, 按时率) rounded
	 * down as every rate is, a rate above 0 never 0 ({@link Percentages#shownRate}: 99.9999 % shows 99.99 %, never
	 * 100.00 %; 0.004 % shows 0.01 %, never 0.00 %), any other half up.
	 * @return null for null
	 */
	public BigDecimal shown(BigDecimal value) {
		if (value == null) {
			return null;
		}
		return valueType == ValueType.PERCENT ? Percentages.shownRate(value, decimals())
				: value.setScale(decimals(), RoundingMode.HALF_UP);
	}

	/** "快递业务量（件）". */
	public String title() {
		return name + "（" + unit + "）";
	}
}
