package org.youguan.statistics;

import org.youguan.statistics.internal.Aggregation;
import org.youguan.statistics.internal.Formula;
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

	/** Decimals to show: none for counts, two otherwise. */
	public int decimals() {
		return valueType == ValueType.INTEGER ? 0 : 2;
	}

	/** "快递业务量（件）". */
	public String title() {
		return name + "（" + unit + "）";
	}
}
