package org.youguan.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.youguan.kernel.Text;

/**
 * A parameter's name that does not decode, shown as the client sent it — readably and safely, never as mojibake — for
 * the refusal that names it ({@link RequestValuesFilter}): every well-formed %-escape decoded, the bytes read as UTF-8
 * as far as they are valid, a byte that is not (a broken or cut sequence) shown as its %-escape, a "%" without two hex
 * digits as it is, a control character as its code ({@link Text#printable}). {@code %E5%90%8D%zz} is 名%zz.
 */
final class SentNames {

	/** The longest quote whose decoding is retraced; a longer one is shown as quoted ({@link #asSent}). */
	private static final int RETRACED = 600;

	private SentNames() {
	}

	/**
	 * A name from a query string as sent (%-escapes, '+' for a space; a character beyond ASCII, as MockMvc passes one,
	 * stands for its UTF-8 bytes).
	 */
	static String asSent(String raw) {
		return utf8AsFarAsValid(percentDecoded(raw, false));
	}

	/**
	 * A form field's name as Tomcat's parse failure quotes it ("Parameter [名称%8D称%zz]"): Tomcat %-decodes the name's
	 * bytes in place and, at the escape that fails, quotes them read as ISO-8859-1 — the bytes decoded so far, then the
	 * raw name from the same offset on, part of which it had already decoded. The decoding is retraced to the failed
	 * escape (the raw bytes after the decoded ones must decode to the decoded ones' end, and their escapes account for
	 * the offset), so the name shows once: the decoded bytes, then the raw rest from the failed escape. A name Tomcat
	 * decoded whole (holding characters beyond ISO-8859-1) is shown as it is.
	 * @param quoted the name as Tomcat's message quotes it
	 */
	static String quotedByTomcat(String quoted) {
		if (quoted.chars().anyMatch(c -> c > 0xff)) {
			return Text.printable(quoted);
		}
		byte[] q = quoted.getBytes(StandardCharsets.ISO_8859_1);
		int failed = 0;
		while (failed < q.length && (q[failed] != '%' || escape(q, failed) >= 0)) {
			failed++;
		}
		for (int escapes = q.length <= RETRACED ? failed / 2 : -1; escapes >= 0; escapes--) {
			int decoded = failed - 2 * escapes;
			if (retraces(q, decoded, failed, escapes)) {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream(q.length);
				bytes.write(q, 0, decoded);
				bytes.writeBytes(percentDecoded(quoted.substring(failed), true));
				return utf8AsFarAsValid(bytes.toByteArray());
			}
		}
		return utf8AsFarAsValid(percentDecoded(quoted, true));
	}

	/**
	 * Whether the characters of {@code q} before {@code decoded} can be the bytes decoded from the raw name of which the
	 * characters of {@code q} from {@code decoded} to before {@code failed} are the last part, with {@code escapes} escapes in all: walking that raw part from its end, each escape or byte is the
	 * decoded bytes' next from their end (its first token may be cut: the last one or two hex digits of an escape);
	 * the decoded bytes left over take the rest of the offset in escapes, and hold no escape of their own when none is
	 * left for them (it would have been decoded).
	 */
	private static boolean retraces(byte[] q, int decoded, int failed, int escapes) {
		int raw = failed;
		int left = decoded;
		int found = 0;
		int rawLeft = decoded;
		while (raw > decoded) {
			int b;
			if (raw - 3 >= decoded && escape(q, raw - 3) >= 0) {
				b = escape(q, raw - 3);
				raw -= 3;
				found++;
			}
			else if (raw - decoded <= 2 && left > 0 && cutEscape(q, decoded, raw, q[left - 1] & 0xff)) {
				// the escape's "%" (and first digit) lie before the decoded bytes' end, in what was overwritten
				b = q[left - 1] & 0xff;
				rawLeft = decoded - (3 - (raw - decoded));
				raw = decoded;
				found++;
			}
			else {
				b = q[raw - 1] == '+' ? ' ' : q[raw - 1] & 0xff;
				raw--;
			}
			if (left == 0 || (q[left - 1] & 0xff) != b) {
				return false;
			}
			left--;
		}
		int rest = escapes - found;
		if (rest < 0 || rawLeft < 0 || rawLeft != left + 2 * rest) {
			return false;
		}
		for (int i = 0; rest == 0 && i < left; i++) {
			if (q[i] == '%' && escape(q, i) >= 0 && i + 2 < left) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the characters of {@code q} from {@code from} to before {@code to} (one or two hex digits) can end an
	 * escape decoding to {@code value}.
	 */
	private static boolean cutEscape(byte[] q, int from, int to, int value) {
		int low = Character.digit(q[to - 1], 16);
		int high = to - from == 2 ? Character.digit(q[from], 16) : value >> 4;
		return low >= 0 && high >= 0 && high * 16 + low == value;
	}

	/** The byte the escape at {@code at} ("%" and two hex digits) stands for, or -1 when there is none. */
	private static int escape(byte[] q, int at) {
		if (q[at] != '%' || at + 2 >= q.length) {
			return -1;
		}
		int high = Character.digit(q[at + 1], 16);
		int low = Character.digit(q[at + 2], 16);
		return high < 0 || low < 0 ? -1 : high * 16 + low;
	}

	/**
	 * The bytes of a name as sent: every well-formed escape decoded, '+' a space, the rest as it is.
	 * @param latin1 whether each character stands for one byte (Tomcat's ISO-8859-1 reading), else a character beyond
	 *        ASCII for its UTF-8 bytes
	 */
	private static byte[] percentDecoded(String raw, boolean latin1) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%' && i + 2 < raw.length() && Character.digit(raw.charAt(i + 1), 16) >= 0
					&& Character.digit(raw.charAt(i + 2), 16) >= 0) {
				bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
				i += 2;
			}
			else if (c == '+') {
				bytes.write(' ');
			}
			else if (c < 0x80 || latin1 && c <= 0xff) {
				bytes.write(c);
			}
			else {
				int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
				bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
				i = end - 1;
			}
		}
		return bytes.toByteArray();
	}

	/** The bytes read as UTF-8 as far as they are valid, each byte that is not shown as its %-escape. */
	private static String utf8AsFarAsValid(byte[] bytes) {
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		StringBuilder shown = new StringBuilder();
		while (true) {
			CoderResult result = utf8.decode(in, out, true);
			shown.append(out.flip());
			out.clear();
			if (result.isUnderflow()) {
				return Text.printable(shown.toString());
			}
			for (int n = 0; n < result.length(); n++) {
				shown.append("%%%02X".formatted(in.get() & 0xff));
			}
		}
	}
}
