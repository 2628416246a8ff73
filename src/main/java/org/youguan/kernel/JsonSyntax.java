package org.youguan.kernel;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * A JSON text that cannot be read, told in the user's words: where (line and column, as an editor counts them) and
 * what — the text ends before its last object or list is closed, a key is given twice, or a character stands where
 * JSON has none (a comma after the last item, single quotes, a comment). Jackson's own text ("Unexpected end-of-input:
 * expected close marker for Object …") is never shown: it is English, names the parser's internals and not what to
 * change.
 */
public final class JsonSyntax {

	/** How Jackson's strict duplicate detection begins its message, the key following in quotes. */
	private static final String DUPLICATE = "Duplicate Object property \"";

	/** How Jackson's UTF-8 decoder begins its message on a byte that is not UTF-8 ("Invalid UTF-8 start byte 0xb9"). */
	private static final String NOT_UTF8 = "Invalid UTF-8";

	private JsonSyntax() {
	}

	/**
	 * The key a JSON object gave twice, when that failed the reading (Jackson's strict duplicate detection names the
	 * key only in its message: "Duplicate Object property \"source\""), printable; null for another failure.
	 * @param ex the failure, or one wrapping it (its causes are looked at)
	 */
	public static String duplicateKey(Throwable ex) {
		int depth = 0;
		for (Throwable t = ex; t != null && depth++ < 20; t = t.getCause()) {
			if (t instanceof StreamReadException read && read.getOriginalMessage() != null
					&& read.getOriginalMessage().startsWith(DUPLICATE)) {
				String m = read.getOriginalMessage();
				int end = m.indexOf('"', DUPLICATE.length());
				return Text.printable(end < 0 ? m.substring(DUPLICATE.length()) : m.substring(DUPLICATE.length(), end));
			}
		}
		return null;
	}

	/**
	 * The failure Jackson's strict duplicate detection gives for {@code key}, for a reader that found the key twice
	 * itself (a list body's items, read past the first failure): {@link #duplicateKey} reads it back as Jackson's own.
	 */
	public static StreamReadException duplicate(String key) {
		return new StreamReadException((tools.jackson.core.JsonParser) null, DUPLICATE + key + "\"");
	}

	/**
	 * Whether the reading failed on bytes that are not UTF-8 — a GBK (or other legacy) text sent as JSON, which JSON
	 * (RFC 8259 §8.1) does not allow: Jackson's decoder names the byte only in its message ("Invalid UTF-8 start byte").
	 * @param ex the failure, or one wrapping it (its causes are looked at)
	 */
	public static boolean notUtf8(Throwable ex) {
		int depth = 0;
		for (Throwable t = ex; t != null && depth++ < 20; t = t.getCause()) {
			if (t instanceof StreamReadException read && read.getOriginalMessage() != null
					&& read.getOriginalMessage().startsWith(NOT_UTF8)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Where a reading failed: "第3行第14列" (both counted from 1), or "" when the parser did not say.
	 * @param ex the failure
	 * @param linesBefore lines the caller took off the text's start before reading it (blank lines stripped), added
	 */
	public static String where(JacksonException ex, int linesBefore) {
		return where(ex.getLocation(), linesBefore);
	}

	/**
	 * Where a token of a text being read begins: "第3行第14列" (both counted from 1), or "" when unknown.
	 * @param at the parser's location (e.g. {@code currentTokenLocation()}), or null
	 */
	public static String where(TokenStreamLocation at) {
		return where(at, 0);
	}

	private static String where(TokenStreamLocation at, int linesBefore) {
		if (at == null || at.getLineNr() < 1) {
			return "";
		}
		return "第" + (at.getLineNr() + linesBefore) + "行" + (at.getColumnNr() > 0 ? "第" + at.getColumnNr() + "列" : "");
	}

	/** Whether the text ended before its last object, list or string was closed (the failure, or one it wraps). */
	private static boolean endedEarly(Throwable ex) {
		int depth = 0;
		for (Throwable t = ex; t != null && depth++ < 20; t = t.getCause()) {
			if (t instanceof UnexpectedEndOfInputException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The Chinese message of a JSON text that cannot be read ({@code what} names it: "日历文件"): the place
	 * ({@link #where}) and the kind — it ends early ("…在第12行第1列意外结束：缺少右花括号、右方括号或引号"), a key
	 * twice ("…第5行第20列：“2027-10-01”出现了不止一次，请只保留一个"), bytes that are not UTF-8
	 * ("…不是UTF-8编码的文本（第1行第14列起）：可能是GBK编码…", {@link #notUtf8}), or any other character JSON does not take there
	 * ("…第3行第2列格式错误：键和文字须写在英文双引号中，各项以英文逗号分隔，最后一项后不加逗号，不能有注释"). No text of
	 * the parser is included.
	 */
	public static String message(String what, JacksonException ex, int linesBefore) {
		String where = where(ex, linesBefore);
		if (endedEarly(ex)) {
			return what + "不完整，" + (where.isEmpty() ? "" : "在" + where) + "意外结束：缺少右花括号“}”、右方括号“]”或引号";
		}
		String key = duplicateKey(ex);
		if (key != null) {
			return what + (where.isEmpty() ? "" : where + "：") + "“" + key + "”出现了不止一次，请只保留一个";
		}
		if (notUtf8(ex)) {
			return what + "不是UTF-8编码的文本" + (where.isEmpty() ? "" : "（" + where + "起）") + "：可能是GBK编码，请以UTF-8保存后重新发送";
		}
		return what + "不是有效的JSON" + (where.isEmpty() ? "" : "（" + where + "附近）")
				+ "：键和文字须写在英文双引号中，各项以英文逗号分隔，最后一项后不加逗号，不能有注释";
	}
}
