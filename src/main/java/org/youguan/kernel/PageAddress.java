package org.youguan.kernel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Page addresses built from typed values, for the redirects after a form step (RFC 3986).
 * <p>
 * A redirect view name is read by Spring as a URI template: a typed <code>{x}</code> in it was a 500 ("Model has no
 * value for key"), and a typed <code>&amp;</code> added parameters to the page the user was sent back to. Query values
 * go through {@link #value(String)}; every redirect target goes through {@link #redirect(String)}, which leaves what a
 * URI may hold and percent-encodes the rest (braces included), so no target is ever expanded or broken.
 */
public final class PageAddress {

	private PageAddress() {
	}

	/**
	 * One query parameter's value, encoded.
	 * @param value as typed (null is empty)
	 * @return the value with every reserved or non-ASCII character percent-encoded (UTF-8; space as {@code %20})
	 */
	public static String value(String value) {
		return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * The view name redirecting to {@code target}.
	 * @param target a path with optional query and fragment, of this application
	 * @return {@code redirect:} and the target with every character a URI may not hold percent-encoded (UTF-8):
	 *         braces, spaces, angle brackets, quotes, backslash, caret, backtick, bar, controls and non-ASCII
	 */
	public static String redirect(String target) {
		StringBuilder sb = new StringBuilder("redirect:");
		byte[] bytes = target.getBytes(StandardCharsets.UTF_8);
		for (byte b : bytes) {
			int c = b & 0xFF;
			if (c > 0x20 && c < 0x7F && "{}<>\"\\^`|".indexOf(c) < 0) {
				sb.append((char) c);
			}
			else {
				sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return sb.toString();
	}
}
