package org.youguan.kernel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal numbers for display and logs: an ID number keeps its first 6 and last 4 characters; a mobile number
 * its first 3 and last 4 ({@code 139****5678}); a landline its area code, the last 4 digits of the local number and the
 * extension ({@code 0512-****1234-801}), as the area code and an office extension say nothing about the person; a
 * name its first character ({@code 张*}).
 */
public final class Masking {

	private static final Pattern LANDLINE = Pattern.compile("(0\\d{2,3}-)(\\d{3,4})(\\d{4})(-\\d{1,6})?");

	private Masking() {
	}

	public static String idNumber(String value) {
		return keep(value, 6, 4);
	}

	/** A phone number in the canonical form of {@link Telephone} (older free-text values get first 3 and last 4). */
	public static String phone(String value) {
		if (value != null) {
			Matcher landline = LANDLINE.matcher(value);
			if (landline.matches()) {
				return landline.group(1) + "*".repeat(landline.group(2).length()) + landline.group(3)
						+ (landline.group(4) == null ? "" : landline.group(4));
			}
		}
		return keep(value, 3, 4);
	}

	/** A person's name keeps its first character (张三 → 张*, 欧阳娜娜 → 欧***). */
	public static String name(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		int first = value.offsetByCodePoints(0, 1);
		return value.substring(0, first) + "*".repeat(value.codePointCount(first, value.length()));
	}

	/**
	 * Free text with every personal number in it masked: an 18-character 居民身份证 number (17 digits and a digit or X)
	 * or a 15-digit one as {@link #idNumber}, a mainland mobile number (11 digits from 13 to 19) as {@link #phone}.
	 * Only whole runs count (a run of digits longer or shorter than these, like a waybill number or a region code, is
	 * left as it is), so the text stays useful for correcting it and no such number survives into a kept copy or a log.
	 *
	 * @param text any text, or null
	 * @return the text with those numbers masked (null for null)
	 */
	public static String personalNumbersIn(String text) {
		if (text == null) {
			return null;
		}
		Matcher m = PERSONAL_NUMBER.matcher(text);
		if (!m.find()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		do {
			String number = m.group();
			m.appendReplacement(out, Matcher.quoteReplacement(number.length() == 11 ? phone(number) : idNumber(number)));
		}
		while (m.find());
		m.appendTail(out);
		return out.toString();
	}

	/** An ID number (18 or 15) or a mobile number, as a whole run of digits (an ID number may end in X). */
	private static final Pattern PERSONAL_NUMBER = Pattern
		.compile("(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15}|1[3-9][0-9]{9})(?![0-9Xx])");

	private static String keep(String value, int head, int tail) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		if (value.length() <= head + tail) {
			return "*".repeat(value.length());
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail)
				+ value.substring(value.length() - tail);
	}
}
