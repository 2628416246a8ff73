package org.youguan.kernel;

import java.util.Arrays;
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
	 * left as it is) — and runs joined by single spaces or hyphens that make such a number together ("110105 19491231
	 * 002X", "139-1234-5678"), so the text stays useful for correcting it and no such number survives into a kept copy or a log.
	 * Full-width digits typed with a Chinese input method (１３９…) are read, and shown, as the ASCII digits they are.
	 *
	 * @param text any text, or null
	 * @return the text with those numbers masked (null for null)
	 */
	public static String personalNumbersIn(String text) {
		if (text == null) {
			return null;
		}
		text = asciiDigits(text);
		Matcher m = PERSONAL_NUMBER.matcher(text);
		if (!m.find()) {
			return joinedNumbersIn(text);
		}
		StringBuilder out = new StringBuilder(text.length());
		do {
			String number = m.group();
			m.appendReplacement(out, Matcher.quoteReplacement(number.length() == 11 ? phone(number) : idNumber(number)));
		}
		while (m.find());
		m.appendTail(out);
		return joinedNumbersIn(out.toString());
	}

	/**
	 * Whether the text holds a personal number {@link #personalNumbersIn} would mask: an ID or mobile number, whole or
	 * in blocks, in ASCII or full-width digits. Full-width digits alone are no personal number (２件 holds none): the
	 * masking's rewriting them as ASCII is no mask.
	 *
	 * @param text any text, or null (none)
	 */
	public static boolean holdsPersonalNumber(String text) {
		if (text == null) {
			return false;
		}
		String ascii = asciiDigits(text);
		return !ascii.equals(personalNumbersIn(ascii));
	}

	/**
	 * The text with full-width digits (U+FF10–U+FF19) as ASCII ones, and a full-width Ｘ or ｘ right after a digit (an
	 * ID number's check character typed in full width) as X or x; the text itself when it has none.
	 */
	private static String asciiDigits(String text) {
		char[] chars = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			char ascii = c >= '\uFF10' && c <= '\uFF19' ? (char) ('0' + (c - '\uFF10'))
					: (c == '\uFF38' || c == '\uFF58') && i > 0 && digit(chars == null ? text.charAt(i - 1) : chars[i - 1])
							? (c == '\uFF38' ? 'X' : 'x') : c;
			if (ascii != c) {
				if (chars == null) {
					chars = text.toCharArray();
				}
				chars[i] = ascii;
			}
		}
		return chars == null ? text : new String(chars);
	}

	/**
	 * The text with every personal number written in blocks masked: runs of digits joined by one {@link #separator}
	 * ("110105 19491231 002X", "139-1234-5678", "139.1234.5678") whose consecutive blocks together make an ID number
	 * (18 or 15 characters with a plausible birth date: a list of region codes "320505 320506 320507" is none) or a
	 * mobile number. The digits are masked as {@link #idNumber} / {@link #phone} would, the separators kept. A
	 * character loop; allocates only when it masks.
	 */
	private static String joinedNumbersIn(String text) {
		char[] out = null;
		int n = text.length();
		int[] starts = new int[8];
		int[] ends = new int[8];
		int i = 0;
		while (i < n) {
			if (!digit(text.charAt(i))) {
				i++;
				continue;
			}
			// the blocks of one joined run: [starts[g], ends[g])
			int groups = 0;
			int j = i;
			while (true) {
				int start = j;
				while (j < n && digit(text.charAt(j))) {
					j++;
				}
				if (j < n && (text.charAt(j) == 'X' || text.charAt(j) == 'x') && (j + 1 == n || !Character.isLetterOrDigit(text.charAt(j + 1)))) {
					j++;
				}
				if (groups == starts.length) {
					starts = Arrays.copyOf(starts, groups * 2);
					ends = Arrays.copyOf(ends, groups * 2);
				}
				starts[groups] = start;
				ends[groups++] = j;
				char last = text.charAt(j - 1);
				if (last != 'X' && last != 'x' && j + 1 < n && separator(text.charAt(j)) && digit(text.charAt(j + 1))) {
					j++;
					continue;
				}
				break;
			}
			if (groups > 1) {
				out = maskJoined(text, out, starts, ends, groups);
			}
			i = j;
		}
		return out == null ? text : new String(out);
	}

	/** Masks, from each block on, the longest sequence of two or more blocks that is a personal number. */
	private static char[] maskJoined(String text, char[] out, int[] starts, int[] ends, int groups) {
		for (int a = 0; a < groups; a++) {
			StringBuilder digits = new StringBuilder(24);
			int best = -1;
			for (int b = a; b < groups && digits.length() <= 18; b++) {
				digits.append(text, starts[b], ends[b]);
				if (b > a && personal(digits)) {
					best = b;
				}
			}
			if (best < 0) {
				continue;
			}
			if (out == null) {
				out = text.toCharArray();
			}
			int count = 0;
			for (int b = a; b <= best; b++) {
				count += ends[b] - starts[b];
			}
			int head = count == 11 ? 3 : 6;
			int seen = 0;
			for (int b = a; b <= best; b++) {
				for (int k = starts[b]; k < ends[b]; k++, seen++) {
					if (seen >= head && seen < count - 4) {
						out[k] = '*';
					}
				}
			}
			a = best;
		}
		return out;
	}

	/** Whether the characters are a mobile number, or an ID number (18 or 15) with a plausible birth date. */
	private static boolean personal(CharSequence d) {
		int len = d.length();
		for (int k = 0; k < len; k++) {
			if (!digit(d.charAt(k)) && !(k == 17 && len == 18)) {
				return false;
			}
		}
		if (len == 11) {
			return d.charAt(0) == '1' && d.charAt(1) >= '3';
		}
		if (len == 18) {
			int year = number(d, 6, 4);
			return year >= 1900 && year <= 2099 && date(number(d, 10, 2), number(d, 12, 2));
		}
		return len == 15 && date(number(d, 8, 2), number(d, 10, 2));
	}

	private static boolean date(int month, int day) {
		return month >= 1 && month <= 12 && day >= 1 && day <= 31;
	}

	private static int number(CharSequence d, int from, int count) {
		int v = 0;
		for (int k = from; k < from + count; k++) {
			v = v * 10 + d.charAt(k) - '0';
		}
		return v;
	}

	private static boolean digit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * What joins the blocks of a number written in parts: a space (also the full-width and no-break one), a hyphen or
	 * dash of any width (-, －, ‐ to ―, −), a point, a slash or an underscore. Not a comma: amounts are grouped by it.
	 */
	private static boolean separator(char c) {
		return c == ' ' || c == '-' || c == '\u3000' || c == '\u00A0' || c == '\uFF0D' || c >= '\u2010' && c <= '\u2015'
				|| c == '\u2212' || c == '.' || c == '/' || c == '_';
	}

	/**
	 * An ID number (18 or 15) or a mobile number, as a whole run of digits (an ID number may end in X); a mobile number
	 * also right after the country code +86 (+8613912345678).
	 */
	private static final Pattern PERSONAL_NUMBER = Pattern
		.compile("(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15}|1[3-9][0-9]{9})(?![0-9Xx])|(?<=[+\uFF0B]86)1[3-9][0-9]{9}(?![0-9Xx])");

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
