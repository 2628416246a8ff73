package org.youguan.kernel;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * How text from forms, sheets, files and requests is stored: trimmed, null when blank, and never with characters no
 * field can hold.
 * <p>What shows nothing ({@link #blank}): white space, every Unicode space, the invisible format characters (Cf), and
 * the characters Unicode lists as default-ignorable although they are letters or marks (DerivedCoreProperties
 * Default_Ignorable_Code_Point: the combining grapheme joiner U+034F, the Hangul fillers U+115F, U+1160, U+3164,
 * U+FFA0, the Khmer inherent vowels U+17B4–U+17B5, the Mongolian variation selectors U+180B–U+180F, U+2060–U+206F,
 * the variation selectors U+FE00–U+FE0F and U+E0100–U+E01EF, U+FFF0–U+FFF8, the tags U+E0000–U+E0FFF), and the blank
 * Braille pattern U+2800, which every font draws as nothing. Such characters around a text are stripped and a text of
 * only them is blank, so a name of "\u2800" or "\u3164\u115F" is "不能为空".
 * <p>The rule for names (a person's, a department's, a brand's, an outlet's, an enterprise's …: {@link Validation#name}):
 * a character that shows nothing and is no space ({@link #hiddenAt}: U+200B, U+200C, U+200D, U+2060, U+FEFF, U+2800,
 * the fillers, a tab …) inside a name is refused, never removed without a word — "顺丰\u200B速运" would look like
 * "顺丰速运" and be another name. The refusal names the field (rule {@code invisible-character}) and the page form shows
 * the name back as typed for the user to correct.
 */
public final class Text {

	/** What separates names typed in one box or cell: 、 , ， ; ； or ASCII white space (space, tab, line breaks), any run. */
	private static final Pattern NAME_SEPARATORS = Pattern.compile("[、,，;；\\s]+");

	/**
	 * What separates people's names typed in one box or cell: 、 , ， ; ； or a line break, never a space — "王 普服" is
	 * one person typed with a space (a name key folds it away), not two.
	 */
	private static final Pattern PERSON_SEPARATORS = Pattern.compile("[、,，;；\\n\\r\\u000B\\u000C\\u0085\\u2028\\u2029]+");

	private Text() {
	}

	/**
	 * An uploaded text file's bytes as text: decoded as UTF-8 without the byte order mark (U+FEFF) Windows Notepad and
	 * Excel's "CSV UTF-8" put first — it is no character of the file's first line, field or header. A byte that is not
	 * UTF-8 becomes U+FFFD, for the caller to refuse.
	 * @param bytes the file's content
	 * @return its text, the leading BOM removed
	 */
	public static String utf8File(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	/**
	 * Typed text with its line breaks as the browser counts them (a textarea's maxlength counts a line break once): CRLF
	 * and a lone CR become LF, so a length check on the server agrees with the form's; null stays null.
	 */
	public static String lineBreaks(String s) {
		return s == null ? null : s.replace("\r\n", "\n").replace('\r', '\n');
	}

	/**
	 * The names a person typed in one box or cell ("张三、李四，王五 赵六"): split at 、 , ， ; ； and white space, in
	 * the order typed, blanks dropped (so leading, trailing and doubled separators give nothing). A full-width space
	 * (U+3000) does not separate, as before this helper.
	 * @param typed the box's text; null gives an empty list
	 * @return the names, each without separators; never null, never holding a blank
	 */
	public static List<String> names(String typed) {
		if (typed == null) {
			return List.of();
		}
		return NAME_SEPARATORS.splitAsStream(typed).filter(n -> !n.isBlank()).toList();
	}

	/**
	 * The people a person typed in one box or cell (检查人员 "张三、李四", 集体讨论参加人员, a sheet's cell with one name a
	 * line): split at 、 , ， ; ； and line breaks only — a space inside a name ("王 普服", "蒋 局长") keeps it one person,
	 * so a team of one is never counted as two (the callers compare the names by a key that folds the spaces away). Each
	 * name {@link #strip}ped, in the order typed, blanks dropped. Lists of bodies or codes that people separate with spaces
	 * too (联合执法单位, IDs) use {@link #names}.
	 * @param typed the box's text; null gives an empty list
	 * @return the names, stripped; never null, never holding a blank
	 */
	public static List<String> personNames(String typed) {
		if (typed == null) {
			return List.of();
		}
		return PERSON_SEPARATORS.splitAsStream(typed).filter(n -> !isBlank(n)).map(Text::strip).toList();
	}

	/** Full-width forms (U+FF01–U+FF5E) lie this far above the ASCII characters (U+0021–U+007E) they show. */
	private static final int FULL_WIDTH_OFFSET = 0xFEE0;

	/**
	 * Whether {@code c} is a full-width form a Chinese input method types for an ASCII character: U+FF01–U+FF5E
	 * (０–９, Ａ–Ｚ, ａ–ｚ, ！ … ～) or the ideographic space U+3000.
	 */
	public static boolean fullWidth(char c) {
		return c >= '\uFF01' && c <= '\uFF5E' || c == '\u3000';
	}

	/**
	 * The product's one table of full-width forms: the ASCII character a full-width form shows — U+FF01–U+FF5E as
	 * U+0021–U+007E (１ → 1, Ａ → A, ｘ → x, （ → (, ， → ,, ～ → ~), the ideographic space U+3000 as a space; any other
	 * character as it is. Narrower than NFKC: superscripts (²), circled numbers (⑩), unit symbols (㎏) and digits of other
	 * scripts are no full-width forms and stay.
	 */
	public static char halfWidth(char c) {
		return c == '\u3000' ? ' ' : c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - FULL_WIDTH_OFFSET) : c;
	}

	/**
	 * {@code s} with every full-width form as the ASCII character it shows ({@link #halfWidth(char)}): how a code, a
	 * number or a unit typed with a Chinese input method (９１３２…, ３２０５０６, ｋｇ) is read.
	 * @param s any text; null stays null
	 * @return the text in half-width forms; {@code s} itself when it holds no full-width form
	 */
	public static String halfWidth(String s) {
		return s == null ? null : halfWidth(s, false);
	}

	/**
	 * {@code s} with its full-width digits ０–９ alone as ASCII digits ({@link #halfWidth(char)}), every other character
	 * kept: for text whose full-width brackets and punctuation are part of what was written (a task's （２）, an address
	 * 菜鸟驿站（示例店）) but whose numbers are read (２０２６年 is 2026年, a weight of ５００ is 500).
	 * @param s any text; null stays null
	 * @return the text with ASCII digits; {@code s} itself when it holds no full-width digit
	 */
	public static String halfWidthDigits(String s) {
		return s == null ? null : halfWidth(s, true);
	}

	/**
	 * {@code s} with its full-width digits and Latin letters (０–９, Ａ–Ｚ, ａ–ｚ) as ASCII ones, every other character
	 * kept: how a name or an address is stored ({@link #name}, {@link #line}), so "中山东路８８号" typed with a Chinese
	 * input method is the registry's "中山东路88号" on every document, list and search, as a complaint's description is
	 * read; full-width brackets and punctuation stay, being part of how Chinese names are written (菜鸟驿站（示例店）).
	 * @param s any text; null stays null
	 * @return the text with ASCII digits and letters; {@code s} itself when it holds none in full width
	 */
	public static String halfWidthAlphanumerics(String s) {
		if (s == null) {
			return null;
		}
		char[] out = null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= '\uFF10' && c <= '\uFF19' || c >= '\uFF21' && c <= '\uFF3A' || c >= '\uFF41' && c <= '\uFF5A') {
				if (out == null) {
					out = s.toCharArray();
				}
				out[i] = halfWidth(c);
			}
		}
		return out == null ? s : new String(out);
	}

	/**
	 * Whether {@code s} holds an ASCII digit or Latin letter — a word that {@link #halfWidthAlphanumericsSql} can find in
	 * a text holding it in full width.
	 */
	public static boolean hasAsciiAlphanumeric(CharSequence s) {
		return s != null && s.chars().anyMatch(c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z');
	}

	/**
	 * A SQL expression of {@code column} with its full-width digits and Latin letters as ASCII ones, character for
	 * character as {@link #halfWidthAlphanumerics} writes them (PostgreSQL's {@code translate}), for searching text
	 * stored as typed — a complaint's description, a note, a reason ({@link #freeText} keeps "１２３号" as typed) — with
	 * the search text, which is always in that form ({@link #searchText}): {@code <this> ILIKE '%123号%'} finds
	 * "１２３号" and "123号". Full-width brackets and punctuation stay, as in the search text. A trigram index on the
	 * column as stored does not serve this expression: a searched column with one has a GIN trigram index on this very
	 * expression too (V347, V348, V350, V352; {@code SearchIndexIntegrationTest}).
	 * @param column a SQL expression of type text (written into the SQL as is: never user input)
	 * @return the folded expression
	 */
	public static String halfWidthAlphanumericsSql(String column) {
		return "translate(" + column + ", '" + FULL_WIDTH_ALPHANUMERICS + "', '" + halfWidthAlphanumerics(FULL_WIDTH_ALPHANUMERICS)
				+ "')";
	}

	/** ０–９, Ａ–Ｚ, ａ–ｚ: what {@link #halfWidthAlphanumerics} writes in ASCII. */
	private static final String FULL_WIDTH_ALPHANUMERICS = IntStream.concat(IntStream.rangeClosed('\uFF10', '\uFF19'),
			IntStream.concat(IntStream.rangeClosed('\uFF21', '\uFF3A'), IntStream.rangeClosed('\uFF41', '\uFF5A')))
		.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
		.toString();

	/**
	 * The product's one form of a search text (every list's search box and {@code q} parameter, {@link PageQuery}; the
	 * public look-ups; the region picker; the audit trail): {@link #strip}ped, its full-width digits and Latin letters
	 * as ASCII ones ({@link #halfWidthAlphanumerics}: １３９１２３４５６７８ is 13912345678, ＳＦ is SF) and the
	 * ideographic space U+3000 as an ASCII space — the form names, addresses, codes and phone numbers are stored in
	 * ({@link #name}, {@link #line}, {@link #identifier}), so a number typed with a Chinese input method finds what its
	 * ASCII digits find. Full-width brackets and punctuation stay, as names keep them (菜鸟驿站（示例店）).
	 * @param typed the search text as typed; null stays null
	 * @return the text as searched; {@code typed} stripped when it holds no such form
	 */
	public static String searchText(String typed) {
		String s = halfWidthAlphanumerics(strip(typed));
		return s == null || s.indexOf('\u3000') < 0 ? s : s.replace('\u3000', ' ');
	}

	/**
	 * {@code s} in ASCII when it is written in nothing but ASCII and full-width forms ({@link #fullWidth}), as a credit
	 * code, a region code or a number typed with a Chinese input method is ({@link #halfWidth(String)}); else null —
	 * text with any other character (a name, an address, a Chinese word) is no such code.
	 * @param s any text, not null
	 */
	public static String halfWidthAscii(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c > '\u007F' && !fullWidth(c)) {
				return null;
			}
		}
		return halfWidth(s, false);
	}

	private static String halfWidth(String s, boolean digitsOnly) {
		char[] out = null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (digitsOnly ? c >= '\uFF10' && c <= '\uFF19' : fullWidth(c)) {
				if (out == null) {
					out = s.toCharArray();
				}
				out[i] = halfWidth(c);
			}
		}
		return out == null ? s : new String(out);
	}

	/**
	 * Typed text as it is stored and compared ({@link #strip}), null when blank ({@link #isBlank}).
	 * @param s any text from a form, sheet, file or request; null stays null
	 * @return the text without the spaces around it, no-break spaces inside it as ASCII ones; null when it shows nothing
	 */
	public static String blankToNull(String s) {
		return isBlank(s) ? null : strip(s);
	}

	/**
	 * Whether the text shows nothing: null, empty, or only {@link #blank} characters — whitespace, any Unicode space
	 * (NBSP U+00A0, U+2007, U+202F, U+3000 …), invisible format characters (Unicode category Cf: zero-width space
	 * U+200B, zero-width joiners, U+FEFF…) and the default-ignorable letters and marks and the Braille blank (U+034F,
	 * U+115F, U+1160, U+3164, U+FFA0, U+2800 …), so a name of "\u200B\u00A0" or "\u2800\u3164" is blank.
	 */
	public static boolean isBlank(CharSequence s) {
		if (s == null) {
			return true;
		}
		for (int i = 0; i < s.length(); i++) {
			int c = Character.codePointAt(s, i);
			if (!blank(c)) {
				return false;
			}
			if (Character.isSupplementaryCodePoint(c)) {
				i++;
			}
		}
		return true;
	}

	/**
	 * The product's one rule for the spaces around typed text (a name, an address, a code, a task): what
	 * {@link String#strip()} removes (ASCII white space, U+3000, U+2000–U+2006 …) and also what it keeps although it
	 * shows as nothing — the no-break spaces U+00A0, U+2007, U+202F (Word, web pages and Excel put them after a name),
	 * every other Unicode space (Zs, Zl, Zp), the invisible format characters (Cf: U+FEFF byte order mark, zero-width
	 * space U+200B, joiners, soft hyphen…) and the default-ignorable letters and marks and the Braille blank (U+034F,
	 * the Hangul fillers, U+2800 …; variation selectors and tag characters right after a visible character stay, they
	 * pick its glyph).
	 * Inside the text the no-break spaces U+00A0, U+2007, U+202F and the other
	 * narrow or wide Unicode spaces (U+2000–U+200A, U+205F) become the ASCII space they look like, so "顺丰\u00A0速运" and
	 * "顺丰 速运" are one name for every uniqueness rule; the full-width space U+3000 inside (a Chinese text's indentation)
	 * stays. Every reader of typed text uses it: sheet cells, CSV fields, JSON bodies, form fields, pasted text.
	 * @param s the text; null stays null
	 * @return {@code s} without the blank characters around it and with those spaces inside as ASCII ones; {@code s}
	 *         itself when it holds neither (no copy)
	 */
	public static String strip(String s) {
		if (s == null) {
			return null;
		}
		int from = strippedFrom(s);
		int to = strippedTo(s, from);
		int inner = -1;
		for (int i = from; i < to; i++) {
			if (narrowSpace(s.charAt(i))) {
				inner = i;
				break;
			}
		}
		if (inner < 0) {
			return from == 0 && to == s.length() ? s : s.substring(from, to);
		}
		StringBuilder out = new StringBuilder(to - from).append(s, from, inner);
		for (int i = inner; i < to; i++) {
			char c = s.charAt(i);
			out.append(narrowSpace(c) ? ' ' : c);
		}
		return out.toString();
	}

	/**
	 * Long free text (a complaint's content, a reply's findings, a reason or a note) as it is stored: {@link #strip}ped,
	 * and the characters inside it that show nothing and only change how the text around them is read or found removed
	 * — the zero-width space, non-joiner and joiner U+200B–U+200D (a joiner between two pictographs stays: it makes one
	 * emoji of them), the word joiner U+2060, U+FEFF, and the bidirectional marks, embeddings, overrides and isolates
	 * U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069, which would make staff read the text in another order than
	 * it was written (the request's readers refuse embeddings, overrides and isolates before, {@link #forbiddenAt};
	 * this holds for text from anywhere). So "延\u200B误" is found by a search for 延误. Its line breaks are LF
	 * ({@link #lineBreaks}: a CRLF or lone CR typed in a browser's textarea or sent by a client on Windows is stored as
	 * LF, attack 51: objection reasons were kept with CRLF). A name or identifier is refused
	 * for such a character instead ({@link Validation#name}, rule {@code invisible-character}): there a silent removal
	 * would hide that two values differ.
	 * @param typed the text as typed; null stays null
	 * @return the text so written; {@code typed} stripped when it holds none of them
	 */
	public static String freeText(String typed) {
		String s = strip(lineBreaks(typed));
		int first = s == null ? -1 : IntStream.range(0, s.length()).filter(i -> removedFromText(s, i)).findFirst().orElse(-1);
		if (first < 0) {
			return s;
		}
		StringBuilder out = new StringBuilder(s.length()).append(s, 0, first);
		IntStream.range(first, s.length()).filter(i -> !removedFromText(s, i)).forEach(i -> out.append(s.charAt(i)));
		return strip(out.toString());
	}

	/**
	 * Whether {@link #freeText} removes the character at {@code i}: a zero-width or bidirectional character, but a
	 * joiner inside an emoji.
	 */
	private static boolean removedFromText(String s, int i) {
		char c = s.charAt(i);
		boolean hidden = c >= '\u200B' && c <= '\u200F' || c == '\u2060' || c == '\uFEFF' || c == '\u061C' || bidiControl(c);
		return hidden && !(c == '\u200D' && joinsPictographs(s, i));
	}

	/**
	 * Whether the zero-width joiner at {@code at} stands between two pictographs (👨‍👩‍👧: a symbol, or a variation
	 * selector or skin-tone modifier after one, before it; a symbol after it).
	 */
	private static boolean joinsPictographs(String s, int at) {
		if (at == 0 || at + 1 >= s.length()) {
			return false;
		}
		int before = s.codePointBefore(at);
		int after = s.codePointAt(at + 1);
		return (pictograph(before) || variationSelector(before)) && pictograph(after);
	}

	/** A symbol that an emoji sequence joins: Unicode So, or a code point of the emoji blocks (U+1F000–U+1FAFF). */
	private static boolean pictograph(int c) {
		return Character.getType(c) == Character.OTHER_SYMBOL || c >= 0x1F000 && c <= 0x1FAFF;
	}

	/**
	 * A name as it is stored, compared for the duplicate rules and searched: {@link #strip}ped, and every Unicode space
	 * separator inside it (the ideographic space U+3000 of a Chinese input method, NBSP, U+2000–U+200A …) written as
	 * one ASCII space, a run of them as one — so "顺丰速运　苏州" and "顺丰速运  苏州" are the name "顺丰速运 苏州"; its
	 * full-width digits and letters as ASCII ({@link #halfWidthAlphanumerics}: "中山东路８８号" is "中山东路88号").
	 * What else shows nothing inside a name is for {@link Validation#name} to refuse, not to remove.
	 * @param typed the name as typed; null stays null
	 * @return the name so written; {@code typed} itself when nothing changes
	 */
	public static String name(String typed) {
		String s = halfWidthAlphanumerics(strip(typed));
		if (s == null) {
			return null;
		}
		StringBuilder out = null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean space = Character.getType(c) == Character.SPACE_SEPARATOR;
			boolean afterSpace = out == null ? i > 0 && s.charAt(i - 1) == ' ' : out.length() > 0 && out.charAt(out.length() - 1) == ' ';
			if (out == null && (space && c != ' ' || space && afterSpace)) {
				out = new StringBuilder(s.length()).append(s, 0, i);
			}
			if (out != null && !(space && afterSpace)) {
				out.append(space ? ' ' : c);
			}
		}
		return out == null ? s : out.toString();
	}

	/**
	 * What {@link #folded} removes after NFKC, as the inside of a bracket expression that Java's regular expressions
	 * and PostgreSQL's read alike (the SQL function {@code folded(text)} of V245 is written with this very text):
	 * every white space and Unicode space (NFKC has made U+3000, NBSP and U+2000–U+200A ASCII spaces already), the
	 * line and paragraph separators, the invisible format characters (soft hyphen, U+061C, U+180E, the zero-width space
	 * and joiners U+200B–U+200F, the bidirectional controls, U+2060–U+206F, U+FEFF), the default-ignorable letters and
	 * marks (U+034F, the Hangul fillers, U+17B4–U+17B5, the Mongolian and other variation selectors, U+FFF0–U+FFF8) and
	 * the blank Braille pattern U+2800 — what shows nothing or only a gap.
	 */
	public static final String FOLD_REMOVED = "\\u0009-\\u000D\\u0020\\u0085\\u00A0\\u00AD\\u034F\\u061C\\u115F\\u1160"
			+ "\\u1680\\u17B4\\u17B5\\u180B-\\u180F\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u206F\\u2800\\u3000\\u3164"
			+ "\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF0-\\uFFF8";

	private static final Pattern FOLD_REMOVED_RUN = Pattern.compile("[" + FOLD_REMOVED + "]+");

	/**
	 * What {@link #folded} writes as one character after NFKC, each of these as the character of {@link #FOLD_TO} at
	 * its place (the SQL function {@code folded(text)} of V245 translates with the same two texts): the Latin capitals
	 * as small letters; the quotation marks an input method types in Chinese or English mode (“”„‟「」『』'‘’‚‛〝〞,
	 * and " itself) as "; the middle dots (・‧•∙⋅) as ·; the hyphens and dashes (‐‒–—―−⁃) as -. So "“双11”安保期",
	 * "「双11」安保期" and "\"双11\"安保期", or "顺丰·吴中" and "顺丰・吴中", are one name.
	 */
	public static final String FOLD_FROM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
			+ "\u201C\u201D\u201E\u201F\u300C\u300D\u300E\u300F'\u2018\u2019\u201A\u201B\u301D\u301E"
			+ "\u30FB\u2027\u2022\u2219\u22C5" + "\u2010\u2012\u2013\u2014\u2015\u2212\u2043";

	/** The characters {@link #FOLD_FROM}'s are written as, place by place. */
	public static final String FOLD_TO = "abcdefghijklmnopqrstuvwxyz" + "\"".repeat(15) + "\u00B7".repeat(5) + "-".repeat(7);

	/**
	 * The one key every duplicate-name rule compares (a department within its bureau, a bureau, a brand and its short
	 * name, an outlet's name and address, a branch, a facility, a village-check plan, an inspection item, a security
	 * period …): Unicode NFKC (full-width letters and digits typed with a Chinese input method become ASCII: "ＧＪ速运"
	 * is "GJ速运", "越溪路２６号" is "越溪路26号"), then every character of {@link #FOLD_REMOVED} removed ("攻击 速运",
	 * "攻击　速运" and "攻击\u200B速运" are "攻击速运"), then the Latin capitals A–Z as small letters ("gj速运") and each
	 * quotation mark, middle dot and dash as one of its kind ({@link #FOLD_FROM}). The SQL
	 * function {@code folded(text)} (V245) computes the same key, so the database's unique indexes on it and this agree;
	 * the key is compared, never stored or shown — the name keeps the form it was typed in.
	 * @param name a name or address; null stays null
	 * @return the comparison key, "" for a text of only such characters
	 */
	public static String folded(String name) {
		if (name == null) {
			return null;
		}
		String n = FOLD_REMOVED_RUN.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("");
		StringBuilder out = new StringBuilder(n.length());
		for (int i = 0; i < n.length(); i++) {
			char c = n.charAt(i);
			int at = FOLD_FROM.indexOf(c);
			out.append(at < 0 ? c : FOLD_TO.charAt(at));
		}
		return out.toString();
	}

	/**
	 * The one key every duplicate ("twin") rule on a text compares (a hazard's description, a ledger row's facts, a
	 * lead's summary, an on-the-spot decision's facts, a piece of evidence, a supervision record's subject): {@link #folded}
	 * (width, spaces, invisible characters and Latin case aside), then every punctuation mark, bracket and symbol of
	 * {@link #NAME_KEY_DROPPED} and the emoji removed, as {@link #enterpriseNameKey} removes them — "门店未配备安检机。",
	 * "门店未配备安检机" and "门店未配备安检机．" are one hazard, a sentence's 。 or ； no second record. The SQL function
	 * {@code text_key(text)} (V336) computes the same key; the key is compared, never stored or shown.
	 * @param text a text as stored; null stays null
	 * @return the comparison key, "" for a text of only such characters
	 */
	public static String textKey(String text) {
		String f = folded(text);
		return f == null ? null : NAME_KEY_DROPPED_RUN.matcher(f).replaceAll("");
	}

	/**
	 * The separators {@link #identifierKey} drops from an identifier after {@link #folded} (which has written every
	 * hyphen and dash of {@link #FOLD_FROM}, and NFKC the full-width and small ones, as the hyphen-minus and removed every
	 * space): the hyphen-minus, the underscore, and the dashes NFKC and {@link #FOLD_FROM} leave (Armenian, Hebrew,
	 * Mongolian and Canadian hyphens, U+2E17 U+2E1A U+2E3A U+2E3B U+2E40 U+2E5D, the wave dashes U+301C U+3030 and the
	 * katakana double hyphen U+30A0).
	 */
	public static final String IDENTIFIER_SEPARATORS = "-_\u058A\u05BE\u1400\u1806\u2E17\u2E1A\u2E3A\u2E3B\u2E40\u2E5D"
			+ "\u301C\u3030\u30A0";

	/**
	 * The one key every uniqueness rule on an identifier compares (an outlet's filing number, a machine's serial, a
	 * licence number, an inspector's certificate, a decision's or order's 文号 …): {@link #folded} (NFKC, every space —
	 * U+3000 included — removed, A–Z as a–z, each dash as the hyphen-minus), then every
	 * {@link #IDENTIFIER_SEPARATORS separator} removed — so "WDBA-320506-2026-000999", "wdba 320506 2026 000999",
	 * "WDBA—320506—2026—000999" and "WDBA_320506_2026_000999" are one identifier, and "XR 320506 4" is "XR-320506-4".
	 * The key is compared, never stored or shown; {@link #identifierKeySql} computes the same key in SQL from a stored
	 * value, so pass the value as it is stored ({@link #identifier} or {@link #documentNumber} first where the column
	 * holds it so written: an automatic number's padding is theirs to add, not the key's).
	 * @param typed an identifier as stored or to be stored; null stays null
	 * @return the comparison key, "" for a text of only such characters
	 */
	public static String identifierKey(String typed) {
		String f = folded(typed);
		if (f == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(f.length());
		for (int i = 0; i < f.length(); i++) {
			char c = f.charAt(i);
			if (IDENTIFIER_SEPARATORS.indexOf(c) < 0) {
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * {@link #identifierKey} as an SQL expression of a stored identifier, for a uniqueness check that compares it with
	 * the key of the typed value ({@code WHERE <this> = :key}): the SQL function {@code folded} (V245, the same as
	 * {@link #folded}) with the {@link #IDENTIFIER_SEPARATORS} translated away. The stored value is already written as
	 * {@link #identifier} writes it.
	 * @param column a column or expression of the query, e.g. {@code filing_number}
	 */
	public static String identifierKeySql(String column) {
		StringBuilder literal = new StringBuilder("U&'");
		for (char c : IDENTIFIER_SEPARATORS.toCharArray()) {
			literal.append(c < 0x80 ? String.valueOf(c) : "\\%04X".formatted((int) c));
		}
		return "translate(folded(" + column + "), " + literal + "', '')";
	}

	/**
	 * What {@link #enterpriseNameKey} removes after {@link #folded} and the traditional characters, as the inside of a
	 * bracket expression that Java's regular expressions and PostgreSQL's read alike (the SQL function
	 * {@code enterprise_name_key(text)} of V253 is written with this very text): punctuation and symbols, which are no
	 * part of a name — the ASCII ones (! " # $ % &amp; ' ( ) * + , - . / : ; &lt; = &gt; ? @ [ \ ] ^ _ ` { | } ~), those of
	 * Latin-1 (¡ … ¿, the middle dot ·, × ÷), the combining diacritical marks left on nothing, the general and supplemental
	 * punctuation (dashes, quotation marks, …, ‰, ※), the currency signs, the arrows, mathematical operators, technical
	 * symbols, box drawings, geometric shapes (■ ★ ○), dingbats (✓ ✕) and other symbols, the CJK punctuation and brackets
	 * (、 。 〃 〈 〉 《 》 【 】 〔 〕 〖 〗 〒 〜 〝 〞 〰 〽 ゠ ・) and the vertical, small and full-width forms NFKC leaves.
	 * Brackets go with the rest: 【苏州】, [苏州], 〔苏州〕, ［苏州］, (苏州) and （苏州） are one, and an empty or lone one adds
	 * nothing. Not the letters and digits of any script, nor 々 〆 〇.
	 */
	public static final String NAME_KEY_DROPPED = "\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E"
			+ "\\u00A1-\\u00BF\\u00D7\\u00F7\\u0300-\\u036F\\u2010-\\u2027\\u2030-\\u205E\\u20A0-\\u20CF\\u2190-\\u245F"
			+ "\\u2500-\\u2775\\u2794-\\u2BFF\\u2E00-\\u2E7F\\u3001-\\u3004\\u3008-\\u3020\\u3030\\u303D-\\u303F\\u30A0"
			+ "\\u30FB\\uFE10-\\uFE1F\\uFE30-\\uFE6F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65"
			+ "\\uFFE0-\\uFFEE";

	/**
	 * The symbols outside the Basic Multilingual Plane {@link #enterpriseNameKey} removes too: the pictographs and emoji
	 * U+1F000–U+1FAFF (🚚 🈶 🇨🇳 …), in Java's notation (the SQL function writes the same range as
	 * {@code \U0001F000-\U0001FAFF}).
	 */
	private static final String NAME_KEY_DROPPED_EMOJI = "\\x{1F000}-\\x{1FAFF}";

	private static final Pattern NAME_KEY_DROPPED_RUN = Pattern.compile("[" + NAME_KEY_DROPPED + NAME_KEY_DROPPED_EMOJI + "]+");

	/**
	 * The one key the rule "one name, one enterprise that is not cancelled" (企业名称登记管理规定) compares enterprise
	 * names by — on registration, on a correction, on the .xlsx import (also between a file's rows), on a licensing
	 * change (变更) and a new applicant's name: {@link #folded} (NFKC, spaces and invisible characters removed, A–Z as
	 * a–z, each quotation mark, middle dot and dash as one of its kind), then
	 * <ul>
	 * <li>each traditional character as its simplified one ({@link HanVariants}: "蘇州某某快遞有限公司" is
	 * "苏州某某快递有限公司", 順豐 顺丰, 韻達 韵达);</li>
	 * <li>every punctuation mark, bracket and symbol removed ({@link #NAME_KEY_DROPPED}: "…有限公司。", "…有限公司-",
	 * "…有限公司*" are "…有限公司", "中外运-敦豪" and "中外运·敦豪" are "中外运敦豪", and "某某【苏州】有限公司",
	 * "某某[苏州]有限公司", "某某〔苏州〕有限公司" and "某某（苏州）有限公司" are one name);</li>
	 * <li>the company form as 公司法 (2023) art.7 lets it be written: 有限责任公司 is 有限公司, 股份公司 is 股份有限公司 — and
	 * 股份有限公司 stays another form than 有限公司.</li>
	 * </ul>
	 * The SQL function {@code enterprise_name_key(text)} (V253) computes the same key, and the unique index
	 * {@code enterprise_name_key} holds it for the enterprises that are not cancelled. Compared, never stored or shown.
	 * @param name an enterprise name; null stays null
	 * @return the comparison key
	 */
	public static String enterpriseNameKey(String name) {
		String f = folded(name);
		if (f == null) {
			return null;
		}
		return NAME_KEY_DROPPED_RUN.matcher(HanVariants.simplified(f)).replaceAll("")
			.replace("有限责任公司", "有限公司")
			.replace("股份公司", "股份有限公司");
	}

	/**
	 * A one-line text as it is stored — an address above all, and a place, opening hours, a training's topic, a seized
	 * item: as {@link #name} writes it (stripped, every run of spaces inside, U+3000 included, as one ASCII space), null
	 * when blank. The one form every module stores such a text in, so "越溪路26号　二楼" typed for a branch filing, an
	 * outlet or a bureau is the registry's "越溪路26号 二楼"; what shows nothing inside is for {@link Validation#line} to
	 * refuse.
	 * @param typed the text as typed; null stays null
	 * @return the text so written, or null when it shows nothing
	 */
	public static String line(String typed) {
		return blankToNull(name(typed));
	}

	/**
	 * Where {@link #strip} lets a text begin: the index of its first character that is not {@link #blank}.
	 * @param s the text
	 * @return the index, {@code s.length()} when all of it is blank
	 */
	public static int strippedFrom(String s) {
		int from = 0;
		while (from < s.length() && blank(s.codePointAt(from))) {
			from += Character.charCount(s.codePointAt(from));
		}
		return from;
	}

	/**
	 * Where {@link #strip} lets a text end: past its last character that is not {@link #blank}, or past the variation
	 * selectors and tag characters right after such a character (they pick its glyph: ❤ + U+FE0F is the red heart, a
	 * flag's tags name its region), which end the text rather than trail it.
	 * @param s the text
	 * @param from where the text begins ({@link #strippedFrom})
	 * @return the index, {@code from} at the least
	 */
	public static int strippedTo(String s, int from) {
		int to = s.length();
		while (to > from && blank(s.codePointBefore(to))) {
			int c = s.codePointBefore(to);
			if (selector(c)) {
				int before = to;
				while (before > from && selector(s.codePointBefore(before))) {
					before -= Character.charCount(s.codePointBefore(before));
				}
				if (before > from && !blank(s.codePointBefore(before))) {
					return to;
				}
			}
			to -= Character.charCount(c);
		}
		return to;
	}

	/** A variation selector or a tag character: it changes the glyph of the character before it. */
	private static boolean selector(int c) {
		return variationSelector(c) || c >= 0xE0000 && c <= 0xE007F;
	}

	private static boolean variationSelector(int c) {
		return c >= 0xFE00 && c <= 0xFE0F || c >= 0xE0100 && c <= 0xE01EF || c >= 0x180B && c <= 0x180D || c == 0x180F;
	}

	/**
	 * Whether a character is one {@link #strip} removes around typed text and {@link #isBlank} counts as nothing:
	 * white space, a Unicode space, line or paragraph separator, an invisible format character (Cf), a default-ignorable
	 * letter or mark (U+034F, the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, variation selectors …: see the class
	 * comment) or the blank Braille pattern U+2800. Printable ASCII costs one comparison.
	 * @param c a code point
	 */
	public static boolean blank(int c) {
		if (c > ' ' && c < 0x7f) {
			return false;
		}
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
				|| ignorable(c);
	}

	/**
	 * The default-ignorable code points that are no format character (Unicode DerivedCoreProperties
	 * Default_Ignorable_Code_Point, less Cf) and the blank Braille pattern U+2800: fonts draw them as nothing.
	 */
	private static boolean ignorable(int c) {
		return c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 || c >= 0x180B && c <= 0x180F
				|| c >= 0x2060 && c <= 0x206F || c == 0x2800 || c == 0x3164 || c >= 0xFE00 && c <= 0xFE0F || c == 0xFFA0
				|| c >= 0xFFF0 && c <= 0xFFF8 || c >= 0x1BCA0 && c <= 0x1BCA3 || c >= 0xE0000 && c <= 0xE0FFF;
	}

	/**
	 * The index of the first character inside a name that shows nothing and is no space, or -1: a {@link #blank}
	 * character other than a Unicode space (Zs) — zero-width space U+200B, the joiners U+200C and U+200D, the word joiner
	 * U+2060, U+FEFF, the blank Braille pattern U+2800, the Hangul fillers, the combining grapheme joiner U+034F, a
	 * variation selector, a tab or line break (U+2028 and U+2029 included). Two names that differ only by such a character look alike, so a name must
	 * hold none ({@link Validation#name}); a space of any width shows as a gap and passes.
	 * @param name the name as {@link #strip} leaves it; null holds none
	 */
	public static int hiddenAt(CharSequence name) {
		if (name == null) {
			return -1;
		}
		for (int i = 0; i < name.length(); i++) {
			int c = Character.codePointAt(name, i);
			// a space shows as a gap; the line and paragraph separators U+2028/U+2029 (Zl, Zp) break the line like \n
			if (blank(c) && Character.getType(c) != Character.SPACE_SEPARATOR) {
				return i;
			}
			if (Character.isSupplementaryCodePoint(c)) {
				i++;
			}
		}
		return -1;
	}

	/** A Unicode space other than ASCII's and U+3000 that looks like the ASCII one: NBSP, U+2000–U+200A, U+202F, U+205F. */
	private static boolean narrowSpace(char c) {
		return c == '\u00A0' || c >= '\u2000' && c <= '\u200A' || c == '\u202F' || c == '\u205F';
	}

	/**
	 * The index of the first character no text field accepts, or -1: a control character other than tab, line feed and
	 * carriage return (U+0000–U+001F, U+007F–U+009F — PostgreSQL refuses U+0000 outright, the others are never typed),
	 * or half of a surrogate pair without its other half (not encodable as UTF-8), or a bidirectional embedding,
	 * override or isolate (U+202A–U+202E, U+2066–U+2069: they make stored text read differently from what it holds,
	 * the "Trojan Source" trick), or a noncharacter (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE,
	 * U+FFFF, U+1FFFE …: Unicode §23.7 reserves them for a program's internal use, never for interchange; U+FFFE is a
	 * byte-swapped byte order mark).
	 */
	public static int forbiddenAt(CharSequence s) {
		if (s == null) {
			return -1;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' || bidiControl(c) || nonCharacter(c)) {
				return i;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
					if (nonCharacter(Character.toCodePoint(c, s.charAt(i + 1)))) {
						return i;
					}
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

	/**
	 * A hand-typed identifier (文号, 编号) as it is stored and compared: compatibility-normalised (NFKC: full-width digits
	 * and letters typed with a Chinese input method become ASCII, a full-width or non-breaking space an ASCII one —
	 * "〔２０２６〕９号" is "〔2026〕9号", so it cannot pass as another number than the one it shows), white space around it
	 * trimmed; null when blank. What NFKC keeps and no one sees (zero-width characters, tabs, line breaks, combining
	 * marks) is for {@link Validation#identifier} to refuse. A number of the product's automatic form
	 * ({@code numbering.BusinessNumbers.format}, e.g. a 备案编号) is written as the series writes it, whatever dash or
	 * underscore, spaces around it (or spaces alone) or padding it was typed with ({@code 网点备案 – 320506-2026-75} is
	 * {@code 网点备案-320506-2026-000075}): one number, one form, for lookups and uniqueness alike.
	 */
	public static String identifier(String typed) {
		String n = typed == null ? null : blankToNull(Normalizer.normalize(typed, Normalizer.Form.NFKC));
		return n == null ? null : automaticNumber(n);
	}

	/**
	 * What joins the parts of a number of the product's automatic form as typed by hand: any dash — the hyphen-minus,
	 * ‐ ‑ ‒ – — ― −, a small or full-width hyphen — or an underscore, with spaces around it or none, or spaces alone
	 * (U+3000 is one after NFKC): "网点备案 320506 2026 999" is the series' 网点备案-320506-2026-000999.
	 */
	private static final String AUTOMATIC_SEPARATOR = "(?:\\x20*[-_\u2010-\u2015\u2212\uFE58\uFE63]\\x20*|\\x20+)";

	/**
	 * A number of the product's automatic form as typed by hand ({@code numbering.BusinessNumbers.format}: a type in
	 * 汉字, the region code, the year, the sequence), its parts joined by {@link #AUTOMATIC_SEPARATOR}.
	 */
	private static final Pattern AUTOMATIC_TYPED = Pattern.compile("^(\\p{IsHan}+)" + AUTOMATIC_SEPARATOR + "(\\d{1,12})"
			+ AUTOMATIC_SEPARATOR + "(\\d{4})" + AUTOMATIC_SEPARATOR + "(\\d+)$");

	/**
	 * {@code n} (NFKC-normalised) written as the series writes it when it has the product's automatic form
	 * ({@link #AUTOMATIC_TYPED}): parts joined by the hyphen-minus without spaces, the sequence in six digits or more
	 * ({@code 网点备案‐320506 – 2026 - 75} is {@code 网点备案-320506-2026-000075}), so a number typed with other dashes,
	 * spaces or padding cannot pass as another than the one issued; {@code n} itself otherwise, and when its sequence
	 * has more than 9 significant digits (a typing error, refused by {@link Validation#documentYear} where it applies).
	 */
	private static String automaticNumber(String n) {
		Matcher m = AUTOMATIC_TYPED.matcher(n);
		if (!m.matches()) {
			return n;
		}
		long sequence = sequence(m.group(4));
		return sequence == SEQUENCE_TOO_LONG ? n
				: m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "-" + automaticSequence(sequence);
	}

	/**
	 * The numerals a year or sequence number is written with besides the ordinary 一…九 (GB/T 9704 wants Arabic digits;
	 * these are the same numbers): the capital numerals 大写数字 壹…玖 拾 佰 仟 (with their traditional forms 貳 參 陸 兩),
	 * and ○ (U+25CB, the circle often typed for 〇 in a year: 二○二五), each followed in {@link #ORDINARY} by the
	 * ordinary numeral it stands for.
	 */
	private static final String CAPITALS = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟兩○";

	/** The ordinary numerals {@link #CAPITALS} stand for, position by position. */
	private static final String ORDINARY = "一二二三三四五六六七八九十百千两〇";

	/** The numerals that are digits (no 十/百/千): a Chinese year is written digit by digit (二〇二五). */
	private static final String CHINESE_DIGITS = "〇○零一二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖";

	/** A sequence number as typed: Arabic digits, or Chinese numerals (一, 十二, 一〇五, 一百零五, 贰, 壹拾贰). */
	private static final String SEQUENCE = "(\\d+|[〇零一二三四五六七八九十百千两" + CAPITALS + "]+)";

	/** A year as typed: four Arabic digits, or four Chinese ones (二〇二五, 二零二五, 贰零贰伍). */
	private static final String YEAR = "(\\d{4}|[" + CHINESE_DIGITS + "]{4})";

	/** 机关代字, then the year in any bracket (〔〕 [] () 【】 〘〙 〖〗 {}, 年 inside or not), 第?, the number, 号 (or 號, or none at the end). */
	private static final Pattern YEAR_IN_BRACKETS = Pattern
		.compile("\\x20*[\\[(【〔〘〖{]\\x20*" + YEAR + "\\x20*年?\\x20*[\\])】〕〙〗}]\\x20*第?\\x20*" + SEQUENCE + "\\x20*(?:[号號]|$)");

	/**
	 * A court's 案号 (最高人民法院关于人民法院案件案号的若干规定(2015) art.3: "（"+收案年度+"）"+法院代字+类型代字+案件编号+"号",
	 * e.g. （2026）苏0506行初12号): the year first, in brackets of any kind — NFKC ({@link #identifier}) has made a typed
	 * full-width （） the ASCII (), which no court writes —, then the court's code. A 文号 of GB/T 9704 never starts with
	 * its year (机关代字 comes first), so the two forms cannot be confused.
	 */
	private static final Pattern COURT_CASE = Pattern
		.compile("^[\\[(【〔〘〖{]\\x20*(\\d{4})\\x20*年?\\x20*[\\])】〕〙〗}]\\x20*(?=[^\\x20\\d第])");

	/**
	 * The same without brackets: 机关代字, the year with 年 (four Arabic digits after no digit, or the four Chinese ones
	 * right before 年), 第?, the number, 号.
	 */
	private static final Pattern YEAR_WITH_NIAN = Pattern
		.compile("((?<=\\D)\\d{4}|[" + CHINESE_DIGITS + "]{4})年\\x20*第?\\x20*" + SEQUENCE + "\\x20*[号號]");

	/**
	 * A year of fewer than four digits where a 文号 states its year ({@link #documentShortYear}): in brackets
	 * (〔26〕6号, [26]6号, (二六)6号) or before 年 (26年6号, not preceded by another digit).
	 */
	private static final Pattern SHORT_YEAR = Pattern.compile("[\\[(【〔〘〖{]\\x20*(\\d{1,3}|[" + CHINESE_DIGITS + "]{1,3})\\x20*年?\\x20*"
			+ "[\\])】〕〙〗}]\\x20*第?\\x20*" + SEQUENCE + "\\x20*(?:[号號]|$)"
			+ "|(?<![\\d" + CHINESE_DIGITS + "])(\\d{2}|[" + CHINESE_DIGITS + "]{2})年\\x20*第?\\x20*" + SEQUENCE + "\\x20*[号號]");

	/**
	 * The year of a 文号 written with fewer than four digits (苏吴邮管罚〔26〕6号 → "26"), or null when it has none: GB/T
	 * 9704-2012 7.2.4 writes the year in full, and 〔26〕 is not read as 2026 — the number is left as typed by
	 * {@link #documentNumber}, where the series' 苏吴邮管罚〔2026〕6号 would be a second number 6 (attack A2). Refused, not
	 * guessed ({@link Validation#documentNumber}, rule {@code year-digits}): 〔26〕 may be 2026 or a typing slip.
	 * @param number a 文号 as typed or as {@link #documentNumber} wrote it; null: none
	 */
	public static String documentShortYear(String number) {
		if (number == null) {
			return null;
		}
		Matcher m = SHORT_YEAR.matcher(number);
		return m.find() ? (m.group(1) != null ? m.group(1) : m.group(3)) : null;
	}

	/**
	 * The product's automatic numbers ({@code numbering.BusinessNumbers.format}: type-地区-年份-序号, the sequence in six
	 * digits or more), with the sequence typed with any other padding ({@code 行政处罚决定-320506-2026-2}).
	 */
	private static final Pattern AUTOMATIC = Pattern.compile("^([^\\s-][^-]*-\\d{1,12}-)(\\d{4})-(\\d+)$");

	/** {@link #documentSequence}'s answer for a sequence of more than 9 significant digits. */
	public static final long SEQUENCE_TOO_LONG = -1;

	/** The digits the product's automatic numbers give their sequence (BusinessNumbers.format: %06d). */
	private static final int AUTOMATIC_DIGITS = 6;

	/**
	 * A 文号's parts as found by the one matcher {@link #documentNumber}, {@link #documentYear} and
	 * {@link #documentSequence} share: where the year and sequence stand ({@code start}–{@code end}), the year, the
	 * sequence as a number (Chinese numerals read), and whether it is the product's automatic form.
	 */
	private record DocumentParts(int start, int end, int year, long sequence, boolean automatic) {
	}

	/** The parts of {@code n} (an {@link #identifier}), or null when it has no form this product knows. */
	private static DocumentParts documentParts(String n) {
		Matcher m = AUTOMATIC.matcher(n);
		if (m.matches()) {
			return new DocumentParts(m.end(1), m.end(), Integer.parseInt(m.group(2)), sequence(m.group(3)), true);
		}
		for (Pattern p : List.of(YEAR_IN_BRACKETS, YEAR_WITH_NIAN)) {
			m = p.matcher(n);
			if (m.find()) {
				return new DocumentParts(m.start(), m.end(), year(m.group(1)), sequence(m.group(2)), false);
			}
		}
		return null;
	}

	/**
	 * A sequence number typed in Arabic digits (leading zeros dropped) or Chinese numerals — digit by digit (一〇五) or
	 * with 十/百/千 (一百零五, 十二), in capital numerals alike (壹佰零伍, 拾贰); {@link #SEQUENCE_TOO_LONG} when it has more
	 * than 9 digits (or characters).
	 */
	private static long sequence(String written) {
		String typed = ordinary(written);
		String significant = Character.isDigit(typed.charAt(0)) ? typed.replaceFirst("^0+(?=.)", "") : typed;
		if (significant.length() > 9) {
			return SEQUENCE_TOO_LONG;
		}
		if (Character.isDigit(typed.charAt(0))) {
			return Long.parseLong(significant);
		}
		String digits = "〇一二三四五六七八九";
		boolean positional = typed.chars().anyMatch(c -> c == '十' || c == '百' || c == '千');
		long total = 0;
		long current = 0;
		// whether a digit stands right before the next unit: a unit without one counts once (十二 is 12, 一百十 is 110);
		// 零 only holds a place (一百零五 is 105)
		boolean digit = false;
		for (char c : typed.toCharArray()) {
			int d = c == '零' ? 0 : c == '两' ? 2 : digits.indexOf(c);
			if (d >= 0) {
				current = positional ? d : current * 10 + d;
				digit = !positional || d > 0;
				continue;
			}
			int unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
			total += (digit ? current : 1) * unit;
			current = 0;
			digit = false;
		}
		return total + current;
	}

	/** {@code typed} with its capital numerals and ○ written as the ordinary ones ({@link #CAPITALS}). */
	private static String ordinary(String typed) {
		StringBuilder out = new StringBuilder(typed.length());
		for (char c : typed.toCharArray()) {
			int at = CAPITALS.indexOf(c);
			out.append(at < 0 ? c : ORDINARY.charAt(at));
		}
		return out.toString();
	}

	/** A sequence as the product's automatic numbers write it: six digits, or more when it has more (BusinessNumbers.format). */
	private static String automaticSequence(long sequence) {
		return ("%0" + AUTOMATIC_DIGITS + "d").formatted(sequence);
	}

	/** A year of four Arabic digits, or of four Chinese ones read digit by digit (二〇二五, 贰零贰伍 → 2025). */
	private static int year(String typed) {
		if (Character.isDigit(typed.charAt(0))) {
			return Integer.parseInt(typed);
		}
		int year = 0;
		for (char c : ordinary(typed).toCharArray()) {
			year = year * 10 + (c == '零' ? 0 : "〇一二三四五六七八九".indexOf(c));
		}
		return year;
	}

	/**
	 * A 文号 typed by hand as it is stored and compared: an {@link #identifier}, and where it has the form of GB/T
	 * 9704-2012 (7.2.4) — 机关代字, the year, the sequence number, 号 — written as that standard writes it: the year in
	 * 六角括号 〔〕 whatever bracket was typed ([2025], (2025), （2025）, 【2025】, 〖2025〗, 〔2025年〕) or none (2025年), no
	 * space before it, the sequence number in Arabic digits (发文顺序号用阿拉伯数字: 〔2025〕一号 is 〔2025〕1号), without 第
	 * and without leading zeros ("不编虚位": 01号 is 1号), ending in 号 (號 or none typed); a year or sequence typed in
	 * Chinese or capital numerals is the number it names (〔二〇二五〕贰号, 二○二五年第壹拾贰号 are 〔2025〕2号, 〔2025〕12号). So "苏吴邮管罚[2025]01号" and
	 * "苏吴邮管罚〔2025〕1号" are one number and cannot both be issued. A number in the form of the product's automatic
	 * ones (type-地区-年份-序号) has its sequence written as the series writes it, six digits
	 * ({@code 行政处罚决定-320506-2026-2} is {@code …-2026-000002}). Numbers of another form are left as typed. A
	 * sequence 0 is no number ({@link Validation#documentYear} refuses it). A court's 案号, which starts with its year in
	 * any bracket, has it in full-width parentheses as courts write it ((2026)苏0506行初12号 is （2026）苏0506行初12号,
	 * {@link #COURT_CASE}), the rest as typed. Only spaces are read between the parts: a
	 * line break or tab ("吴邮罚〔2025〕\n922号", a sheet cell's Alt+Enter) leaves the number as typed, for
	 * {@link Validation#identifier} to refuse (rule {@code line-break}) rather than be joined unseen. Null when blank.
	 */
	public static String documentNumber(String typed) {
		String n = identifier(typed);
		if (n == null) {
			return null;
		}
		Matcher court = COURT_CASE.matcher(n);
		if (court.find()) {
			return "（" + court.group(1) + "）" + n.substring(court.end());
		}
		DocumentParts p = documentParts(n);
		if (p == null) {
			return n;
		}
		if (p.sequence() == SEQUENCE_TOO_LONG) {
			return n;
		}
		if (p.automatic()) {
			return n.substring(0, p.start()) + p.year() + "-" + automaticSequence(p.sequence());
		}
		return n.substring(0, p.start()) + "〔" + p.year() + "〕" + p.sequence() + "号" + n.substring(p.end());
	}

	/**
	 * The year a 文号 of GB/T 9704's form states ({@code 〔2025〕} → 2025), or null when it states none — also for the
	 * product's automatic numbers, whose year is the series' (an imported one is judged by the series' rules, not this).
	 */
	public static Integer documentYear(String number) {
		DocumentParts p = number == null ? null : documentParts(number);
		return p == null || p.automatic() ? null : p.year();
	}

	/**
	 * The sequence number of a 文号 in the form of {@link #documentNumber} (〔2025〕12号 → 12), {@link #SEQUENCE_TOO_LONG}
	 * when it has more than 9 significant digits (〔2025〕1234567890号: no bureau numbers a billion documents a year, so it
	 * is a typing error that {@link Validation#documentYear} refuses), or null when the number has no sequence.
	 */
	public static Long documentSequence(String number) {
		DocumentParts p = number == null ? null : documentParts(number);
		return p == null ? null : p.sequence();
	}

	/**
	 * The index of the first character of {@code s} that is invisible or looks like another, or -1 ({@link #invisible}).
	 * For identifiers and codes (waybill numbers, 文号), where two values that look alike must be equal.
	 */
	public static int invisibleAt(CharSequence s) {
		for (int i = 0; i < s.length(); i++) {
			int c = Character.codePointAt(s, i);
			if (invisible(c)) {
				return i;
			}
			if (Character.isSupplementaryCodePoint(c)) {
				i++;
			}
		}
		return -1;
	}

	/**
	 * The index of the first letter or digit of {@code s} that belongs to neither the Han script nor ASCII (or the first
	 * dash that is not the hyphen-minus), or -1: a
	 * Cyrillic О or Greek Α in a 文号 looks like the Latin O or A, an Arabic-Indic or Devanagari digit like none the
	 * reader expects, a katakana ー like 一, a dash other than the hyphen-minus (‐ – −) like -, so "苏邮罚〔2026〕1О号"
	 * would pass as a number other than the one it shows.
	 * Punctuation, brackets and symbols are not letters and pass. Meant for an identifier already normalised with
	 * {@link #identifier} (full-width letters and digits are ASCII by then).
	 */
	public static int lookAlikeAt(CharSequence s) {
		for (int i = 0; i < s.length(); i++) {
			int c = Character.codePointAt(s, i);
			boolean letterOrDigit = Character.isLetterOrDigit(c) || Character.getType(c) == Character.LETTER_NUMBER;
			if (letterOrDigit && c >= 0x80 && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
				return i;
			}
			// a dash other than the hyphen-minus (U+2010 ‐, U+2013 –, U+2212 −): "…‐2026‐000050" looks like "…-2026-000050"
			if ((Character.getType(c) == Character.DASH_PUNCTUATION || c == 0x2212) && c != '-') {
				return i;
			}
			if (Character.isSupplementaryCodePoint(c)) {
				i++;
			}
		}
		return -1;
	}

	/** Scripts whose letters pass for Latin ones (Cyrillic а о р с е х, Greek Α Β Ο Ρ, Armenian օ, Cherokee Ꭺ Ꮯ). */
	private static final Set<Character.UnicodeScript> LATIN_LOOK_ALIKES = EnumSet.of(Character.UnicodeScript.CYRILLIC,
			Character.UnicodeScript.GREEK, Character.UnicodeScript.ARMENIAN, Character.UnicodeScript.CHEROKEE);

	/**
	 * The index of the first letter of a script whose letters pass for Latin ones (Cyrillic, Greek, Armenian, Cherokee)
	 * in a text that also holds a Latin or Han letter, or -1: "顺丰速运Ехpress" with a Cyrillic Е and х shows as
	 * "顺丰速运Express" and would pass every duplicate rule as another name (Unicode TS #39's mixed-script confusables;
	 * the folded key {@link #folded} does not map scripts). A text of one such script alone ("Москва") and Latin
	 * letters with accents (Zoë) pass. Compare after {@link #strip}; null is -1.
	 */
	public static int mixedScriptAt(CharSequence s) {
		if (s == null) {
			return -1;
		}
		int first = -1;
		boolean latinOrHan = false;
		for (int i = 0; i < s.length(); i += Character.charCount(Character.codePointAt(s, i))) {
			int c = Character.codePointAt(s, i);
			if (!Character.isLetter(c)) {
				continue;
			}
			Character.UnicodeScript script = Character.UnicodeScript.of(c);
			if (LATIN_LOOK_ALIKES.contains(script)) {
				first = first < 0 ? i : first;
			}
			else if (script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.HAN) {
				latinOrHan = true;
			}
		}
		return latinOrHan ? first : -1;
	}

	/**
	 * Whether a character inside a value is invisible or looks like another: a format character (Unicode Cf: zero-width
	 * space and joiners, U+FEFF, soft hyphen, bidirectional controls, tags), a line or paragraph separator, a space
	 * other than the ASCII one (NBSP U+00A0, ideographic space U+3000, U+2000–U+200A …: "C 12" and "C\u00A012" would
	 * look alike and differ), a Hangul filler (U+115F, U+1160, U+3164, U+FFA0: blank glyphs), a variation selector or
	 * any combining mark (Mn, Mc, Me: U+FE00–U+FE0F, U+0301 … change how the character before looks, or nothing), a
	 * control character (a tab or line break inside a value splits it on the page and in documents), or the blank
	 * Braille pattern U+2800.
	 */
	public static boolean invisible(int c) {
		return switch (Character.getType(c)) {
			case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR,
					Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK,
					Character.CONTROL -> c != ' ';
			default -> c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
		};
	}

	/** A Unicode noncharacter: U+FDD0–U+FDEF, or U+xxFFFE/U+xxFFFF of any plane. */
	private static boolean nonCharacter(int c) {
		return c >= 0xFDD0 && c <= 0xFDEF || (c & 0xFFFE) == 0xFFFE;
	}

	private static boolean bidiControl(char c) {
		return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
	}

	/** How a forbidden character is named in a message: its code point, e.g. {@code U+0000}. */
	public static String codePoint(CharSequence s, int index) {
		return "U+%04X".formatted(Character.codePointAt(s, index));
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
					Wording.of("kernel.invalid.controlCharacter", label, codePoint(value, at)), label + "含有不允许的字符（" + codePoint(value, at) + "），请删除后重试");
		}
	}

	/**
	 * At most {@code max} printable characters of what a user sent, "…" when cut: a message repeats the start of an
	 * offending value, never all of it (a 30-million-digit number, a 64 KB line), and never an ID or mobile number in
	 * it but masked — masked before the cut ({@link Masking#personalNumbersIn(String, int)}), so a number the cut runs
	 * through shows no more of itself than its mask.
	 */
	public static String excerpt(String s, int max) {
		if (s == null) {
			return null;
		}
		String p = printable(Masking.personalNumbersIn(s, max * 2));
		return p.length() > max ? start(p, max) + "…" : p;
	}

	/**
	 * The first {@code max} UTF-16 units of {@code s}, one fewer when the last would be the first half of a character
	 * outside the Basic Multilingual Plane (an emoji, a rare 汉字 of CJK Extension B) — a cut never leaves half a
	 * character. {@code s} when it is no longer.
	 */
	public static String start(String s, int max) {
		if (s.length() <= max) {
			return s;
		}
		return s.substring(0, max > 0 && Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max);
	}

	/**
	 * A text in full-width brackets as a page, a ledger or a message shows an aside — a basis, a source, a rule cited by
	 * its title —, never brackets inside brackets, however deep the text's own go: the brackets the text already holds
	 * become commas, so 地方实践（未确认） is shown {@code （地方实践，未确认）}, not {@code （地方实践（未确认））},
	 * 双公示制度（全国通行做法）；行政处罚法(2021) {@code （双公示制度，全国通行做法；行政处罚法(2021)）}, and a title with
	 * brackets in quotes, 规则目录“责令改正整改期限上限（自下达；产品规则，非法律规定）”，产品规则（非法律规定，可配置）,
	 * {@code （规则目录“责令改正整改期限上限，自下达；产品规则，非法律规定”，产品规则，非法律规定，可配置）}. A bracket
	 * next to punctuation, at either end or inside quotes leaves no comma of its own (never "，”" nor "（，"). ASCII
	 * brackets (a text's version, {@code (2021)}) are kept.
	 * @param text the aside; null or blank gives ""
	 * @return the aside in brackets, or "" for none
	 */
	public static String bracketed(String text) {
		if (text == null || isBlank(text)) {
			return "";
		}
		String flat = BRACKET_BEFORE_PUNCTUATION.matcher(BRACKET_AFTER_PUNCTUATION.matcher(text.strip()).replaceAll(""))
			.replaceAll("")
			.replace("（", "，")
			.replace("）", "，")
			.replaceAll("，{2,}", "，");
		return "（" + flat + "）";
	}

	/**
	 * Closing brackets before the end, other punctuation or a closing quote: they leave no comma of their own
	 * ("（未确认）；" → "，未确认；", "上限（自下达）”" → "上限，自下达”").
	 */
	private static final Pattern BRACKET_BEFORE_PUNCTUATION = Pattern.compile("）+(?=$|[，；。、：）”’」』》〉])");

	/** Opening brackets at the start or after punctuation or an opening quote: they leave no comma of their own. */
	private static final Pattern BRACKET_AFTER_PUNCTUATION = Pattern.compile("(?:^|(?<=[（，；。、：“‘「『《〈]))（+");

	/** A name safe to show in a message: forbidden characters written as their code points. */
	public static String printable(String s) {
		if (s == null || forbiddenAt(s) < 0) {
			return s;
		}
		StringBuilder out = new StringBuilder(s.length() + 8);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean bad = (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') || bidiControl(c)
					|| Character.isSurrogate(c)
					&& !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
					&& !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
			out.append(bad ? "\\u%04X".formatted((int) c) : String.valueOf(c));
		}
		return out.toString();
	}

	/** A database column's name as a field's: {@code case_id} → {@code caseId}. */
	public static String camelCase(String column) {
		StringBuilder out = new StringBuilder();
		boolean up = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				up = true;
			}
			else {
				out.append(up ? Character.toUpperCase(c) : c);
				up = false;
			}
		}
		return out.toString();
	}
}
