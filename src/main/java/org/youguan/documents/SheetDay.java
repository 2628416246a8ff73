package org.youguan.documents;

import java.time.LocalDate;

/**
 * A day for an exported sheet ({@link Spreadsheets#write}) with a mark the page shows after it: written as a date cell
 * (sorted and filtered as a date in Excel or WPS) whose number format shows the mark, {@code 2027-01-18（暂定）} — the
 * mark is display only, the cell's value is the day.
 * @param day the day, never null
 * @param mark the text shown after the day (a double quote in it is dropped: the number format quotes it), or empty
 */
public record SheetDay(LocalDate day, String mark) {

	public SheetDay {
		if (day == null) {
			throw new IllegalArgumentException("day");
		}
		mark = mark == null ? "" : mark.replace("\"", "");
	}

	/** Excel's number format of the day with its mark: {@code yyyy-mm-dd"（暂定）"}. */
	String format() {
		return mark.isEmpty() ? Spreadsheets.DATE_FORMAT : Spreadsheets.DATE_FORMAT + "\"" + mark + "\"";
	}

	/** The day as text with its mark, for a day outside the dates a cell can hold (before 1900). */
	String text() {
		return day + mark;
	}
}
