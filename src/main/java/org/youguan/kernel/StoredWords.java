package org.youguan.kernel;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The one rule by which a value of a sentence kept as words — its bundle key and values, stored to be worded later in
 * each reader's language (an anomaly alert's {@code detail_args}, a notification's {@code title_words}) — keeps a day:
 * as its ISO text ({@code 2026-03-05}, the same in every language), read back as a {@link LocalDate}, so that the message
 * source writes it per reader ({@link ChineseText#sentenceArgument}: 2026年3月5日 in Chinese, ISO in English). Nothing
 * that stores words writes a day as words itself, nor re-reads one by a rule of its own.
 */
public final class StoredWords {

	/** A stored value that is a day: exactly an ISO day, 2026-03-05. */
	private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private StoredWords() {
	}

	/**
	 * A value of a sentence as stored text: a day as its ISO text, anything else as {@link String#valueOf} writes it.
	 * @param value a value of the sentence (a {@link LocalDate}, a number, a text …)
	 * @return the stored text; null for null
	 */
	public static String text(Object value) {
		if (value == null) {
			return null;
		}
		return value instanceof LocalDate day ? day.toString() : String.valueOf(value);
	}

	/**
	 * A stored value read back as an argument of its sentence: a day ({@link #text} of a {@link LocalDate}) as the
	 * {@link LocalDate}, which the message source words per reader; any other text as it is.
	 * @param stored the stored text; null reads as null
	 * @return a {@link LocalDate}, or the text itself
	 */
	public static Object argument(String stored) {
		if (stored != null && DAY.matcher(stored).matches()) {
			try {
				return LocalDate.parse(stored);
			}
			catch (java.time.format.DateTimeParseException ex) {
				// 2026-02-30 looks like a day and is none: the text as stored
				return stored;
			}
		}
		return stored;
	}
}
