package org.youguan.kernel;

/**
 * How optional text from forms and sheets is stored: trimmed, and null when blank.
 */
public final class Text {

	private Text() {
	}

	public static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
