package org.youguan;

import java.util.regex.Pattern;

/**
 * The times a clock wrote into a text (JSON's {@code "2026-12-07T15:15:16.319497211Z"}, a page's
 * {@code 2026-12-07 23:15}), taken out before a test looks for the absence of a few digits in it: their seconds'
 * fractions hold any digits, and a test asserting that no "1949" of an ID number was left failed once in CI because a
 * time read {@code 15:15:16.319497211}. Only date-times go — a date alone, a number or an ID number written with
 * points or spaces stays to be looked at.
 */
public final class ClockTimes {

	/** A date and a time of day, with seconds, their fraction and an offset when written. */
	static final Pattern DATE_TIME = Pattern.compile(
			"\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?");

	private ClockTimes() {
	}

	/** {@code text} with every date-time replaced by {@code <time>}. */
	public static String removed(String text) {
		return DATE_TIME.matcher(text).replaceAll("<time>");
	}
}
