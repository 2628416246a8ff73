package org.youguan.kernel;

import java.io.Serializable;

/**
 * One failed check: the field, the rule that failed (a message key under {@code rule.}) and the message in Chinese.
 * A message is at most {@link #MAX_MESSAGE} characters ("…" when cut): one that repeats what a user sent ought to
 * repeat only its start ({@link Text#excerpt}), and this holds even where a message forgot to, in every module — a
 * 9,000-character text never comes back whole in a 400. An ID or mobile number in a message is masked
 * ({@link Masking#personalNumbersIn}) before the cut, wherever the message came from: a failure that repeats what a user
 * typed never repeats such a number in the clear (answered, flashed, logged).
 */
public record FieldError(String field, String rule, String message) implements Serializable {

	/** The most characters a failure's message carries. */
	public static final int MAX_MESSAGE = 500;

	/**
	 * Masks the personal numbers in the message and the field (a field's name may hold what a user sent: a map's key,
	 * {@code values.13912345678}), then cuts the message to {@link #MAX_MESSAGE} characters.
	 */
	public FieldError {
		field = capped(Masking.personalNumbersIn(field));
		message = capped(Masking.personalNumbersIn(message));
	}

	/** A message (or a problem's detail) of at most {@link #MAX_MESSAGE} characters, "…" when cut; null stays null. */
	public static String capped(String message) {
		return message == null || message.length() <= MAX_MESSAGE ? message : Text.start(message, MAX_MESSAGE) + "…";
	}
}
