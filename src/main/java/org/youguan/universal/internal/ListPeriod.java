package org.youguan.universal.internal;

import java.time.LocalDate;

import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Validation;

/**
 * The period filter of a universal list in the API ({@code from}, {@code to}: YYYY-MM-DD, inclusive, either left out for
 * no bound), read as the staff pages read theirs: a date that is none and a period that runs backwards are refused.
 *
 * @param from the first day, or null
 * @param to the last day, or null
 */
record ListPeriod(LocalDate from, LocalDate to) {

	/**
	 * @throws InvalidValueException (400) naming {@code from} or {@code to} when not a date within
	 *         {@link Validation#EARLIEST_QUERY} … {@link Validation#LATEST_QUERY}, or {@code to} ({@code after-from})
	 *         when it is before {@code from}
	 */
	static ListPeriod of(String from, String to) {
		Validation v = new Validation();
		LocalDate f = v.date("from", "起始日期", from, Validation.EARLIEST_QUERY, Validation.LATEST_QUERY);
		LocalDate t = v.date("to", "截止日期", to, Validation.EARLIEST_QUERY, Validation.LATEST_QUERY);
		v.period(f, t);
		v.throwIfInvalid();
		return new ListPeriod(f, t);
	}
}
