package org.youguan.safety.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.youguan.kernel.Masking;

/**
 * Masks whatever looks like an 18-character ID number (17 digits and a digit or X, GB 11643-1999, standing alone)
 * in a kept parcel line, keeping its first 6 and last 4 characters ({@link Masking#idNumber}): the clear sender ID
 * number is never kept, but an enterprise may put a number in another field (a pseudonym field, a courier id); a kept
 * or shown line must not carry it (个人信息保护法 art.51). Waybill numbers of other lengths are left as sent, so the
 * enterprise can find the parcel.
 */
final class IdNumberMask {

	private static final Pattern ID_LIKE = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");

	private IdNumberMask() {
	}

	/** The text with every ID-like run masked; null stays null. */
	static String masked(String text) {
		if (text == null || text.length() < 18) {
			return text;
		}
		Matcher m = ID_LIKE.matcher(text);
		if (!m.find()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		do {
			m.appendReplacement(out, Matcher.quoteReplacement(Masking.idNumber(m.group())));
		}
		while (m.find());
		return m.appendTail(out).toString();
	}
}
