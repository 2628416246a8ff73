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

	/**
	 * A field a JSON body gave that its object does not declare (rule {@code unknown}): named as sent, with the names
	 * the object takes, sorted, so that a misspelt or guessed name ({@code value} for {@code valueYuan}) is seen at once
	 * — never dropped, leaving the record without it or with a default.
	 * @param field where it was, as the answer names it (its JSON path: {@code priorComplaint.answer})
	 * @param name the name as sent
	 * @param known the names the object takes (none: no list)
	 * @param prefix what goes before the message ("第2行：" for a line of NDJSON), or empty
	 */
	public static FieldError unknown(String field, String name, java.util.Collection<?> known, String prefix) {
		String names = known == null || known.isEmpty() ? "" : "（可用字段："
				+ String.join("、", known.stream().map(String::valueOf).sorted().toList()) + "）";
		return new FieldError(field, "unknown", prefix + "不认识的字段“" + Text.excerpt(name, 60) + "”，请检查字段名" + names);
	}

	/** A message (or a problem's detail) of at most {@link #MAX_MESSAGE} characters, "…" when cut; null stays null. */
	public static String capped(String message) {
		return message == null || message.length() <= MAX_MESSAGE ? message : Text.start(message, MAX_MESSAGE) + "…";
	}
}
