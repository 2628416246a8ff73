package org.youguan.kernel;

/**
 * How text from forms, sheets, files and requests is stored: trimmed, null when blank, and never with characters no
 * field can hold.
 */
public final class Text {

	private Text() {
	}

	public static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/**
	 * The index of the first character no text field accepts, or -1: a control character other than tab, line feed and
	 * carriage return (U+0000–U+001F, U+007F–U+009F — PostgreSQL refuses U+0000 outright, the others are never typed),
	 * or half of a surrogate pair without its other half (not encodable as UTF-8).
	 */
	public static int forbiddenAt(CharSequence s) {
		if (s == null) {
			return -1;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				return i;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
					i++;
					continue;
				}
				return i;
			}
			if (Character.isLowSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

	/** How a forbidden character is named in a message: its code point, e.g. {@code U+0000}. */
	public static String codePoint(CharSequence s, int index) {
		return "U+%04X".formatted((int) s.charAt(index));
	}

	/**
	 * Checks that {@code value} holds no forbidden character ({@link #forbiddenAt}).
	 * @param field the field named in the error
	 * @param label what the user calls it, e.g. 参数“brand”
	 * @throws InvalidValueException rule {@code control-character}, naming the field and the character
	 */
	public static void requireClean(String field, String label, CharSequence value) {
		int at = forbiddenAt(value);
		if (at >= 0) {
			throw new InvalidValueException(field, "control-character",
					label + "含有不允许的字符（" + codePoint(value, at) + "），请删除后重试");
		}
	}

	/** A name safe to show in a message: forbidden characters written as their code points. */
	public static String printable(String s) {
		if (s == null || forbiddenAt(s) < 0) {
			return s;
		}
		StringBuilder out = new StringBuilder(s.length() + 8);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean bad = (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c)
					&& !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
					&& !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
			out.append(bad ? "\\u%04X".formatted((int) c) : String.valueOf(c));
		}
		return out.toString();
	}
}
