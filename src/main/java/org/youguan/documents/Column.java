package org.youguan.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.context.MessageSource;

/**
 * One column of an .xlsx export: its header and how to read the cell value from a row. Give the value as it is, never
 * formatted: numbers stay numeric cells, dates and times become date cells (times in China time) that Excel and WPS
 * sort and filter as dates ({@link Spreadsheets#write}); a date with a mark after it is a {@link SheetDay}.
 */
public record Column<T>(String header, Function<T, Object> value, int width) {

	/**
	 * A figures sheet's columns with its title heading the first ({@link ExportNames#title}: the words, the area and
	 * the period — "处罚统计（江苏省苏州市，2026年1月1日至2026年12月8日）"), the sheet having no row above its headers
	 * that a reader or a re-import would have to skip; the other columns as given.
	 */
	public static <T> List<Column<T>> titled(String title, List<Column<T>> columns) {
		return titled(title, columns, 0);
	}

	/**
	 * As {@link #titled(String, List)}, the title heading the column at {@code index} — the one naming each row (名称),
	 * where a rank comes before it.
	 */
	public static <T> List<Column<T>> titled(String title, List<Column<T>> columns, int index) {
		List<Column<T>> titled = new ArrayList<>(columns);
		Column<T> named = columns.get(index);
		titled.set(index, new Column<>(title, named.value(), Math.max(named.width(), 36)));
		return titled;
	}

	public static <T> Column<T> of(String header, Function<T, Object> value) {
		return new Column<>(header, value, 16);
	}

	public static <T> Column<T> of(String header, Function<T, Object> value, int width) {
		return new Column<>(header, value, width);
	}

	/**
	 * A column of counts whose header names no unit ("有效申诉", "已检查", "无问题", "数值"): each whole value is written
	 * as the counts of a header with a unit are ({@code #,##0}: 12,345, never 12345 in General beside them), whatever
	 * its type ({@link SheetNumber#counted}); a value with decimals (an average beside the counts) keeps them, and
	 * text or null stay as they are. The rule is the header rule's ({@link Spreadsheets}: 申诉件数, 检查（次）), declared
	 * by the column where the header cannot say it.
	 * @param header the header as the page words it
	 * @param value the row's count (a {@link Number}, or text/null for a row without one)
	 * @param width the column width in characters
	 */
	public static <T> Column<T> count(String header, Function<T, ?> value, int width) {
		return new Column<>(header, row -> SheetNumber.counted(value.apply(row)), width);
	}

	/**
	 * A column whose cell is the label a list page shows for a code: the message {@code prefix + code} in the language
	 * the sheet's headers are worded in ({@link Spreadsheets#header}: English when the request reads the pages in
	 * English, the base (Chinese) bundle otherwise), so the export says what the page says without a second table of
	 * labels. A null code leaves the cell blank; a code without a message is written as it is.
	 */
	public static <T> Column<T> label(String header, MessageSource messages, String prefix, Function<T, String> code) {
		return new Column<>(header, row -> {
			String value = code.apply(row);
			return value == null ? null : new Label(messages, prefix + value, value);
		}, 16);
	}

	/**
	 * A {@link #label} cell before its words: the sheet words it in the language it reads once for all its cells
	 * ({@link Spreadsheets#write}), not per cell.
	 * @param messages the bundles
	 * @param key the message's key
	 * @param code what the cell says when the bundle has no such message
	 */
	record Label(MessageSource messages, String key, String code) {

		/**
		 * The label in {@code language}, the base (Chinese) bundle's for null.
		 * @param language the request's language when it is not Chinese, else null
		 */
		String in(Locale language) {
			// Locale.ROOT reads the base bundle itself: a Chinese locale would fall back to the system's (English) one
			return messages.getMessage(key, null, code, language == null ? Locale.ROOT : language);
		}

		@Override
		public String toString() {
			return in(Spreadsheets.requestLanguage());
		}
	}
}
