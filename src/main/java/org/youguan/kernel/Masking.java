package org.youguan.kernel;

/**
 * Masks personal numbers for display and logs: an ID number keeps its first 6 and last 4 characters, a phone number
 * its first 3 and last 4.
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
