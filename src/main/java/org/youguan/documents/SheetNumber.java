package org.youguan.documents;

import java.math.BigDecimal;

/**
 * A figure for an exported sheet ({@link Spreadsheets#write}): written as a numeric cell shown with its number format
 * ({@code #,##0} for whole numbers, {@code #,##0.00} for two decimals …), so that Excel sums and sorts it and never shows
 * a large one as 1.2E+10. Excel holds 15 significant digits (a double): a value with more (a 14-digit count with 4
 * decimals) is written as text of its exact digits instead, never rounded — the report sheet's reader reads either back
 * as the same {@link BigDecimal}.
 * @param value the figure, null for a blank cell
 * @param decimals the decimals shown (0 to 10)
 */
public record SheetNumber(BigDecimal value, int decimals) {

	/** The significant digits a numeric cell holds exactly. */
	static final int EXCEL_DIGITS = 15;

	public SheetNumber {
		if (decimals < 0 || decimals > MAX_DECIMALS) {
			throw new IllegalArgumentException("decimals " + decimals);
		}
	}

	/** The figure, or null when {@code value} is null (a blank cell needs no number format). */
	public static SheetNumber of(BigDecimal value, int decimals) {
		return value == null ? null : new SheetNumber(value, decimals);
	}

	/**
	 * A value of a count column ({@link Column#count}): a whole number of any type (5, 5L, 5.0, 12.0000) as a figure of no
	 * decimals ({@code #,##0}); anything else (a number with decimals, text, null) as it is.
	 */
	static Object counted(Object value) {
		if (value instanceof SheetNumber || !(value instanceof Number n) || !Spreadsheets.Unit.whole(n)) {
			return value;
		}
		BigDecimal v = n instanceof BigDecimal d ? d
				: n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
						: n instanceof java.math.BigInteger b ? new BigDecimal(b) : BigDecimal.valueOf(n.longValue());
		return new SheetNumber(v, 0);
	}

	/** Whether a numeric cell holds the value exactly (at most {@link #EXCEL_DIGITS} significant digits). */
	boolean exactInCell() {
		BigDecimal v = value.stripTrailingZeros();
		return v.signum() == 0 || v.precision() <= EXCEL_DIGITS && v.scale() <= 30 && v.precision() - v.scale() <= 300;
	}

	/** The value written out in plain digits (60, not 6E+1 nor 60.0000). */
	String plain() {
		BigDecimal v = value.stripTrailingZeros();
		return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
	}

	/** Excel's number format for the decimals: {@code #,##0} or {@code #,##0.00}. */
	String format() {
		return format(decimals);
	}

	/** The most decimals a figure shows. */
	static final int MAX_DECIMALS = 10;

	/** Excel's number format showing {@code decimals} decimals (0 to {@link #MAX_DECIMALS}), thousands grouped. */
	static String format(int decimals) {
		return decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
	}
}
