package org.youguan.documents;

import java.util.function.Function;

/**
 * One column of an .xlsx export: its header and how to read the cell value from a row. Values that are numbers stay
 * numbers in the sheet; dates and times are written as text in China time.
 */
public record Column<T>(String header, Function<T, Object> value, int width) {

	public static <T> Column<T> of(String header, Function<T, Object> value) {
		return new Column<>(header, value, 16);
	}

	public static <T> Column<T> of(String header, Function<T, Object> value, int width) {
		return new Column<>(header, value, width);
	}
}
