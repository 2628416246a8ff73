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
