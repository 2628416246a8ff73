package org.youguan.kernel;

/**
 * Masks personal numbers for display and logs: an ID number keeps its first 6 and last 4 characters, a phone number
 * its first 3 and last 4, a name its first character.
 */
public final class Masking {

	private Masking() {
	}

	public static String idNumber(String value) {
		return keep(value, 6, 4);
	}

	public static String phone(String value) {
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
