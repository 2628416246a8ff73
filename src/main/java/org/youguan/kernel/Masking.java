package org.youguan.kernel;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal numbers for display and logs: an ID number keeps its first 6 and last 4 characters; a mobile number
 * its first 3 and last 4 ({@code 139****5678}); a landline its area code, the last 4 digits of the local number and the
 * extension ({@code 0512-****1234-801}), as the area code and an office extension say nothing about the person; a
 * name its first character ({@code 张*}).
 */
public final class Masking {

	/** A landline as {@link Telephone} writes it, or as {@link #phone} masked it (its local digits starred). */
	private static final Pattern LANDLINE = Pattern.compile("(0\\d{2,3}-)([0-9*]{3,4})(\\d{4})(-\\d{1,6})?");

	private Masking() {
	}

	/**
	 * The value an edit form saves for a personal number the page shows masked (or not at all): the stored one when the
	 * field comes back blank or as the masked value shown ({@code 139****5678}), else what was typed — so saving a form
	 * without touching the field never erases or garbles the number; the form says 不修改请留空.
	 * @param typed what the form sent (null or blank: keep)
	 * @param stored the number as stored (null: none)
	 * @param mask how the page masks it ({@link #phone}, {@link #idNumber})
	 * @return the number to save, not yet checked
	 */
	public static String keptUnlessRetyped(String typed, String stored, UnaryOperator<String> mask) {
		if (typed == null || Text.isBlank(typed)) {
			return stored;
		}
		return stored != null && Text.strip(typed).equals(mask.apply(stored)) ? stored : typed;
	}

	/**
	 * The value an edit form saves for a free text (a name, an address, opening hours) the form shows with its personal
	 * numbers masked ({@link #personalNumbersIn}) — a text stored before such numbers were refused: the stored text when
	 * the form sends back exactly the masked text it showed, else what was typed (blank stays blank: clearing the field
	 * clears it). So saving a form without touching the field never replaces the stored text by its masked form; a
	 * changed text is checked and saved as typed.
	 * @param typed what the form (or a sheet, an API call) sent, normalised as it will be stored; null stays null
	 * @param stored the text as stored (null: none yet)
	 * @return the text to save, the stored one when sent back masked and unchanged
	 */
	public static String keptIfSentBackMasked(String typed, String stored) {
		if (typed == null || stored == null) {
			return typed;
		}
		String shown = personalNumbersIn(stored);
		return !shown.equals(stored) && Text.strip(typed).equals(Text.strip(shown)) ? stored : typed;
	}

	/**
	 * An ID number as lists show it: its first 6 and last 4 characters ({@code 110105********002X}), read as the
	 * validators read one ({@link #normalForm}).
	 * @param value the number as stored (null: empty)
	 */
	public static String idNumber(String value) {
		return keep(normalForm(value), 6, 4);
	}

	/**
	 * A phone number in the canonical form of {@link Telephone} (older free-text values get first 3 and last 4), read as
	 * the validators read one ({@link #normalForm}). Masking a masked number changes nothing ({@code 0512-****1234} stays
	 * so), so a list reading the stored masked value and a detail masking the clear one show the same (attack C2).
	 * @param value the number as stored (null: empty)
	 */
	public static String phone(String value) {
		value = normalForm(value);
		if (value != null) {
			Matcher landline = LANDLINE.matcher(value);
			if (landline.matches()) {
				return landline.group(1) + "*".repeat(landline.group(2).length()) + landline.group(3)
						+ (landline.group(4) == null ? "" : landline.group(4));
			}
		}
		return keep(value, 3, 4);
	}

	/**
	 * A number as {@link IdCardNumber#of} and {@link Telephone#of} read it before they check it: compatibility-normalised
	 * (NFKC), so the full-width digits of a Chinese input method and the mathematical digits beyond the BMP (U+1D7CE–
	 * U+1D7FF, two UTF-16 units each) are the ASCII digits they show — one rule for what is accepted as a number and how
	 * it is masked. Digits NFKC leaves (Arabic-Indic, Devanagari …) stay; the validators refuse them, and a mask keeps
	 * whole characters ({@link #keep}). Null for null.
	 */
	private static String normalForm(String value) {
		if (value == null) {
			return null;
		}
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) >= 0x80) {
				return Normalizer.normalize(value, Normalizer.Form.NFKC);
			}
		}
		return value;
	}

	/** A person's name keeps its first character (张三 → 张*, 欧阳娜娜 → 欧***). */
	public static String name(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		int first = value.offsetByCodePoints(0, 1);
		return value.substring(0, first) + "*".repeat(value.codePointCount(first, value.length()));
	}

	/**
	 * Free text with every personal number in it masked: an 18-character 居民身份证 number (17 digits and a digit or X;
	 * also the 外国人永久居留身份证 of 2023, whose first digit is 9) or a 15-digit one as {@link #idNumber}, a mainland
	 * mobile number (11 digits from 13 to 19) as {@link #phone}, also right after the country code (+86, 86, 0086).
	 * An ID number counts when its first two digits are a province's code (GB 11643: 11 to 82) or it begins with 9, and
	 * its birth date (YYYYMMDD at the 7th digit, YYMMDD in a 15-digit one) is a plausible date — so a waybill or order
	 * number of 15 or 18 digits is left alone; a mistyped birth date is not worth leaking a number for, so the
	 * date check accepts any day 01–31 of any month.
	 * <p>Whole runs count (a run of digits longer or shorter, like a waybill number or a region code, is left as it is,
	 * unless it is such numbers back to back and nothing else, also after the country code: 1380013800013900139000,
	 * 861380013800013900139000, {@link #backToBackNumbersIn}),
	 * and so do numbers written in blocks: digit runs joined by one to {@value #MAX_JOINER} characters people type
	 * between the parts of a number, or that hide between them ({@link #joiner}: spaces of every width, hyphens and
	 * dashes, points, slashes, commas, 、, tildes, brackets, bars, colons, line breaks, zero-width characters) whose
	 * blocks together make such a number in a shape people write it in, wherever it stands in the run ({@link #maskJoined}):
	 * a mobile number 3-4-4, 3-8 or 7-4 (139-1234-5678, 139 12345678, (139)1234-5678, 0139-1234-5678), an ID number in
	 * two to six blocks (110105 19491231 002X, 1101 0519 4912 3100 2X, 110105 1949 12 31 002X). An IP address
	 * (192.168.100.10), a version (v13.9.1234.5678), an amount grouped by thousands (13,000,000,000), a date, a waybill
	 * in blocks (6129 1391 2345 678) is left alone; a mobile number after letters is masked (Tel13912345678,
	 * WZ-139-1234-5678 — and so JDVA13912345678 and KD-151-2025-0012 too). Full-width digits typed with a Chinese
	 * input method (１３９…) are read as the ASCII digits they are, and shown so in a text where a number was masked; a
	 * text where none was is returned as sent, so a message echoing a value shows it as typed (５００, not 500).
	 * <p>Known and accepted: a text that is indistinguishable from such a number is masked, e.g. a specification
	 * 130/1234/5678 (a mobile number in slashes) or a list of region codes 320505 320506 001 (a 15-digit ID number in
	 * the 6-6-3 blocks people write it in), and one spelt in 11 or more Chinese numerals in a row (一三八〇〇…, 壹叁捌…),
	 * or in blocks of numerals shaped as a number in blocks of digits is (一三八 〇〇一三 八〇〇〇). The decimal digits of
	 * other scripts (Unicode Nd: Arabic-Indic ١١٠١٠٥…, Devanagari ११०१०५…, and beyond the BMP the mathematical digits
	 * 𝟏𝟑𝟗…) are read as their ASCII digits, as full-width ones are. In a run of Chinese numerals, numbers that overlap
	 * (一三九一三八〇〇一三八〇〇〇 reads 13913800138 from its start and 13800138000 from its fourth numeral) are one
	 * stretch with every digit any of them hides masked, 139*******8000 ({@link #numbersInside}).
	 *
	 * @param text any text, or null
	 * @return the text with those numbers masked (null for null), as long as the text but where a digit beyond the BMP
	 *         (two UTF-16 units) was read as an ASCII one
	 */
	public static String personalNumbersIn(String text) {
		if (text == null) {
			return null;
		}
		BitSet forced = new BitSet();
		String ascii = asciiDigits(text, forced);
		String masked = starred(maskedAscii(ascii), forced);
		// nothing masked: the text as sent, its full-width digits as typed (a message echoing "５００" shows ５００)
		return masked == ascii ? text : masked;
	}

	/**
	 * The text with a {@code *} at each of the {@code forced} positions ({@link #numbersInside}: the digits a number read
	 * among others in a run of numerals hides, whichever of its readings is the number); the text itself when none.
	 */
	private static String starred(String text, BitSet forced) {
		if (forced.isEmpty()) {
			return text;
		}
		char[] out = text.toCharArray();
		forced.stream().filter(k -> k < out.length).forEach(k -> out[k] = '*');
		return new String(out);
	}

	/**
	 * The personal numbers of a text whose digits are ASCII already ({@link #asciiDigits}) masked; any other character
	 * (a Chinese numeral left as typed among them) is no digit here.
	 * @return the text itself when nothing is masked, else a new string of the same length
	 */
	private static String maskedAscii(String ascii) {
		// numbers written in blocks first: an ID number split by a comma (110105,19850315778X) holds a mobile number's
		// shape in its second block, which masked alone would leave the region, birth year and check digits readable
		String text = backToBackNumbersIn(joinedNumbersIn(ascii));
		Matcher m = PERSONAL_NUMBER.matcher(text);
		StringBuilder out = null;
		int tail = 0;
		while (m.find()) {
			int group = m.group(1) != null ? 1 : 2;
			String number = m.group(group);
			if (number.length() != 11 && !personal(number)) {
				continue;
			}
			if (out == null) {
				out = new StringBuilder(text.length());
			}
			out.append(text, tail, m.start(group)).append(number.length() == 11 ? phone(number) : idNumber(number));
			tail = m.end(group);
		}
		if (out != null) {
			text = out.append(text, tail, text.length()).toString();
		}
		return joinedNumbersIn(text);
	}

	/** The fewest digits of personal numbers written back to back: two mobile numbers (11 + 11). */
	private static final int BACK_TO_BACK = 22;

	/**
	 * Masks every run of digits that is personal numbers written back to back and nothing else — two mobile numbers
	 * (1380013800013900139000), an ID number and a mobile number (32050619900101123X13800138000: an ID number's check
	 * character X may stand inside the run), and so on — each as {@link #phone} or {@link #idNumber} masks it. The run is
	 * cut into whole numbers from its first digit to its last ({@link #tiling}), or from after the country code or trunk 0
	 * that begins it when the first number is a mobile one ({@link #DIALLING_PREFIXES}: 861380013800013900139000,
	 * +86 then the same, 00861380013800013900139000); a run that cannot be cut so, such as a bank card or an order
	 * number of 19 or 20 digits, is left alone (no cut gives 12 to 21 digits, nor 23 to 25).
	 * Known and accepted: a run of 22 or more digits that happens to be so cut (a long order number whose two halves
	 * begin 13 to 19) is masked.
	 * @param text the text, its digits ASCII
	 * @return the text with those runs masked; the text itself when it has none
	 */
	private static String backToBackNumbersIn(String text) {
		char[] out = null;
		int n = text.length();
		int i = 0;
		while (i < n) {
			if (!digit(text.charAt(i))) {
				i++;
				continue;
			}
			int j = i;
			while (j < n && (digit(text.charAt(j)) || x(text.charAt(j)) && j + 1 < n && digit(text.charAt(j + 1)))) {
				j++;
			}
			if (j < n && x(text.charAt(j)) && (j + 1 == n || !Character.isLetterOrDigit(text.charAt(j + 1)))) {
				j++;
			}
			int[] parts = cut(text, i, j);
			int start = i;
			for (int k = 0; parts == null && k < DIALLING_PREFIXES.length; k++) {
				// the country code or the trunk 0 before mobile numbers back to back (861380013800013900139000)
				String prefix = DIALLING_PREFIXES[k];
				int[] after = text.startsWith(prefix, i) ? cut(text, i + prefix.length(), j) : null;
				if (after != null && after[0] == 11) {
					parts = after;
					start = i + prefix.length();
				}
			}
			if (parts != null) {
				if (out == null) {
					out = text.toCharArray();
				}
				for (int at = start, p = 0; p < parts.length; at += parts[p++]) {
					int head = parts[p] == 11 ? 3 : 6;
					Arrays.fill(out, at + head, at + parts[p] - 4, '*');
				}
			}
			i = j;
		}
		return out == null ? text : new String(out);
	}

	/**
	 * What may stand before a mobile number in the same run of digits, longest first: the country code as dialled from
	 * abroad (0086) or written after a plus (+86, whose + is no digit), and the trunk 0 ({@link #PERSONAL_NUMBER} reads
	 * the same before one number).
	 */
	private static final String[] DIALLING_PREFIXES = { "0086", "86", "0" };

	/**
	 * How the digits {@code from} to {@code to} (at least {@value #BACK_TO_BACK}; an X may end them) cut into personal
	 * numbers back to back ({@link #tiling}); an X after numbers that is no ID number's check character (13800138000…X)
	 * is left out. Null when they do not.
	 */
	private static int[] cut(String text, int from, int to) {
		int[] parts = to - from >= BACK_TO_BACK ? tiling(text, from, to) : null;
		if (parts == null && to - from > BACK_TO_BACK && x(text.charAt(to - 1))) {
			parts = tiling(text, from, to - 1);
		}
		return parts;
	}

	/**
	 * How the characters {@code from} to {@code to} cut into whole personal numbers ({@link #personal}: 18, 15 or 11
	 * characters), as the lengths of the numbers in order; null when they cannot.
	 */
	private static int[] tiling(String text, int from, int to) {
		// next[k]: the length of the number starting at from + k in a cut that reaches to, 0 when none does
		int[] next = new int[to - from + 1];
		for (int k = to - from - 1; k >= 0; k--) {
			for (int len : new int[] { 18, 15, 11 }) {
				int end = from + k + len;
				if (end <= to && (end == to || next[end - from] > 0) && personal(text.subSequence(from + k, end))) {
					next[k] = len;
					break;
				}
			}
		}
		if (next[0] == 0) {
			return null;
		}
		List<Integer> lengths = new ArrayList<>();
		for (int k = 0; k < to - from; k += next[k]) {
			lengths.add(next[k]);
		}
		return lengths.stream().mapToInt(Integer::intValue).toArray();
	}

	/** An ID number's check character X, in either case. */
	private static boolean x(char c) {
		return c == 'X' || c == 'x';
	}

	/** An ID number's check character X, in either case, in ASCII or full width (Ｘ, ｘ). */
	private static boolean checkCharacter(char c) {
		return x(c) || c == '\uFF38' || c == '\uFF58';
	}

	/**
	 * Free text as a document served on a party prints it ({@code DocumentTemplates.fillForParty}): every personal number
	 * {@link #personalNumbersIn} masks, masked — {@code keep} (the party's own 统一社会信用代码) left as it is wherever it
	 * stands, so an 18-character code that reads as an ID number is never garbled; the text between its occurrences is
	 * masked piece by piece.
	 * @param text any text, or null
	 * @param keep the text never masked, or null/empty for none
	 * @return the text with those numbers masked (null for null)
	 */
	public static String personalNumbersIn(String text, String keep) {
		return keeping(text, keep, Masking::personalNumbersIn);
	}

	/**
	 * Free text as {@link #telephonesIn} masks it — landlines too, for a reader not entitled to it in full (a superior's
	 * or a leader's copy of a case document) —, {@code keep} (the party's own 统一社会信用代码) left as it is wherever it
	 * stands, as {@link #personalNumbersIn(String, String)} leaves it.
	 * @param text any text, or null
	 * @param keep the text never masked, or null/empty for none
	 * @return the text with those numbers masked (null for null)
	 */
	public static String telephonesIn(String text, String keep) {
		return keeping(text, keep, Masking::telephonesIn);
	}

	/** The text masked by {@code mask} piece by piece between the occurrences of {@code keep}, which stay as they are. */
	private static String keeping(String text, String keep, UnaryOperator<String> mask) {
		if (text == null || keep == null || keep.isEmpty() || !text.contains(keep)) {
			return mask.apply(text);
		}
		String[] parts = text.split(Pattern.quote(keep), -1);
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < parts.length; i++) {
			out.append(i == 0 ? "" : keep).append(mask.apply(parts[i]));
		}
		return out.toString();
	}

	/** Between the blocks of a landline written in free text: spaces, dashes, points, brackets, invisible characters. */
	private static final String LANDLINE_JOINER = "[\\s\\u00A0\\u202F\\u3000\\-\\u2010-\\u2015\\u2212\\uFF0D.\\uFF0E()\\uFF08\\uFF09"
			+ "\\u200B-\\u200D\\u2060\\uFEFF]";

	/** A landline in free text: an area code 0x(x)(x) and a local number of 7 or 8 digits, in blocks or not. */
	private static final Pattern FREE_LANDLINE = Pattern.compile("(?<![0-9])(0[1-9][0-9]{1,2})((?:" + LANDLINE_JOINER
			+ "{0,3}[0-9]){7,8})(?![0-9])");

	/**
	 * A landline in free text as dialled from abroad: +86 or 0086, the area code without its trunk 0 (10, 2x or three
	 * digits from 3 — never 1x, which begins a mobile number), a "(0)" some write before it, and the local number of 7
	 * or 8 digits, in blocks or not: +86 512 6688 1234, +86-10-12345678, 0086(0)512-66881234.
	 */
	private static final Pattern FREE_LANDLINE_ABROAD = Pattern.compile("(?:[+\uFF0B]|(?<![0-9])00)86" + LANDLINE_JOINER
			+ "{0,3}(?:\\(0\\)" + LANDLINE_JOINER + "{0,2})?(10|2[0-9]|[3-9][0-9]{2})((?:" + LANDLINE_JOINER
			+ "{0,3}[0-9]){7,8})(?![0-9])");

	/**
	 * Free text shown to anyone but those entitled to it in full (a public page or API; a superior's or a leader's view
	 * of a lead or case): the personal numbers {@link #personalNumbersIn} masks, and also every landline with its area
	 * code (0512-65551234, 0512 6555 1234, (0512)65551234, 051265551234, ０５１２－６５５５１２３４, as dialled from abroad
	 * +86 512 6555 1234 or 0086-512-65551234, and in Chinese numerals 零五一二－六五五五一二三四 or （〇五一二）六五五五
	 * 一二三四, shown in digits), masked as {@link #phone} masks one: the area code and the last 4 digits kept, an
	 * extension after it (-801) left as it is. The staff who handle a record and the enterprise read their own landlines
	 * in full; anyone else reads them so. A local number without its area code (6555 1234) is left alone: it cannot be
	 * told from a date, an amount or a count.
	 *
	 * @param text any text, or null
	 * @return the text with those numbers masked (null for null)
	 */
	public static String telephonesIn(String text) {
		String masked = personalNumbersIn(text);
		if (masked == null) {
			return null;
		}
		BitSet forced = new BitSet();
		String ascii = starred(asciiDigits(masked, forced), forced);
		// a landline in Chinese numerals (零五一二－六五五五一二三四) is one: read for the search, shown in digits where found
		String read = numeralsAsDigits(ascii);
		char[] out = landlinesIn(read, ascii, FREE_LANDLINE, null);
		out = landlinesIn(read, ascii, FREE_LANDLINE_ABROAD, out);
		return out == null ? masked : new String(out);
	}

	/**
	 * Masks the local numbers of the landlines {@code pattern} finds in {@code read} (group 1 the area code, group 2 the
	 * local number with its joiners): the landline shown in digits (its Chinese numerals read), all but the last 4
	 * digits of its local number starred; the rest of the text as {@code ascii} has it.
	 * @param read the text with its Chinese numerals as digits, as long as {@code ascii}
	 * @param out the characters masked so far, or null when none is
	 * @return {@code out} with these masked too (a copy of {@code ascii} when it was null and one is), or null when none
	 */
	private static char[] landlinesIn(String read, String ascii, Pattern pattern, char[] out) {
		Matcher m = pattern.matcher(read);
		while (m.find()) {
			if (out == null) {
				out = ascii.toCharArray();
			}
			for (int k = m.start(1); k < m.end(2); k++) {
				out[k] = read.charAt(k);
			}
			String local = m.group(2);
			int digits = (int) local.chars().filter(c -> digit((char) c)).count();
			int seen = 0;
			for (int k = m.start(2); k < m.end(2); k++) {
				if (digit(read.charAt(k)) && ++seen <= digits - 4) {
					out[k] = '*';
				}
			}
		}
		return out;
	}

	/** The text with every Chinese numeral ({@link #numeral}) as its ASCII digit, character for character. */
	private static String numeralsAsDigits(String text) {
		char[] chars = null;
		for (int k = 0; k < text.length(); k++) {
			int value = numeral(text.charAt(k));
			if (value >= 0) {
				chars = chars == null ? text.toCharArray() : chars;
				chars[k] = (char) ('0' + value);
			}
		}
		return chars == null ? text : new String(chars);
	}

	/**
	 * The first {@code max} characters of a text with every personal number in it masked ({@link #personalNumbersIn})
	 * — masked before it is cut, so a number the cut runs through shows no more than its masked form does
	 * ({@code 139****56}, never {@code 1391234567}). Only the first {@code max} + 64 characters are read: a personal
	 * number, blocks and joiners included, is far shorter.
	 *
	 * @param text any text, or null
	 * @param max the most UTF-16 units kept (a cut never leaves half a character, {@link Text#start})
	 * @return the masked start of the text, without a mark of the cut (null for null)
	 */
	public static String personalNumbersIn(String text, int max) {
		if (text == null) {
			return null;
		}
		return Text.start(personalNumbersIn(Text.start(text, max + 64)), max);
	}

	/**
	 * Whether the text holds a personal number {@link #personalNumbersIn} would mask: an ID or mobile number, whole or
	 * in blocks, in ASCII or full-width digits. Full-width digits alone are no personal number (２件 holds none): the
	 * masking's rewriting them as ASCII is no mask.
	 *
	 * @param text any text, or null (none)
	 */
	public static boolean holdsPersonalNumber(String text) {
		if (text == null) {
			return false;
		}
		BitSet forced = new BitSet();
		String ascii = asciiDigits(text, forced);
		return !forced.isEmpty() || !ascii.equals(personalNumbersIn(ascii));
	}

	/**
	 * The text with the decimal digits of every script (Unicode Nd: full-width U+FF10–U+FF19, Arabic-Indic, Devanagari
	 * …, and those beyond the BMP, such as the mathematical digits U+1D7CE–U+1D7FF 𝟏𝟑𝟗) as ASCII ones, and a
	 * full-width Ｘ or ｘ right after a digit (an ID number's check character typed in full width) as X or x; then its
	 * Chinese numerals where they spell a number ({@link #chineseNumeralRuns}). The text itself when it has none. One
	 * character for one, but a digit beyond the BMP (two UTF-16 units) becomes one ASCII digit.
	 * @param forced receives the positions (in the text returned) to mask outright ({@link #numbersInside})
	 */
	private static String asciiDigits(String text, BitSet forced) {
		StringBuilder out = null;
		int n = text.length();
		for (int i = 0; i < n;) {
			int c = text.codePointAt(i);
			int width = Character.charCount(c);
			int value = c < 0x80 ? -1 : Character.digit(c, 10);
			int ascii = value >= 0 ? '0' + value
					: (c == '\uFF38' || c == '\uFF58') && i > 0 && digit(out == null ? text.charAt(i - 1) : out.charAt(out.length() - 1))
							? (c == '\uFF38' ? 'X' : 'x') : c;
			if (ascii != c && out == null) {
				out = new StringBuilder(n).append(text, 0, i);
			}
			if (out != null) {
				out.appendCodePoint(ascii);
			}
			i += width;
		}
		return chineseNumeralRuns(out == null ? text : out.toString(), forced);
	}

	/** The fewest digits and Chinese numerals in a row read as a number: a mobile number has 11 digits. */
	private static final int CHINESE_NUMERAL_RUN = 11;

	/**
	 * The text with the Chinese numerals of every run of at least {@value #CHINESE_NUMERAL_RUN} Chinese numerals in a row
	 * (联系一三八〇〇一三八〇〇〇, 壹叁玖壹贰叁肆伍陆柒捌) as ASCII digits, so such a number is found and masked as one in
	 * digits is (attack rounds 8 and 9); shorter runs (二〇二六年, 第一二三条) are left as they are. A run mixing digits and
	 * numerals (139一二三四五六七八) is read so only when, read so, it is a mobile or ID number itself, or such numbers
	 * back to back ({@link #backToBackNumbersIn}) — else a numeral beside a number (张三13912345678) or a 一 typed as a
	 * dash (139一1234一5678) would hide it. A run holding numbers among other numerals has those numbers read
	 * ({@link #numbersInside}), all of them: two written back to back become one run of digits the ASCII scan cuts in two
	 * again. Then numerals written in blocks are read as their digits where, so read, the blocks are a number written in
	 * blocks ({@link #numeralBlocks}: 一三八 〇〇一三 八〇〇〇 as 138 0013 8000). The text itself when nothing is read.
	 * @param text the text, its decimal digits ASCII already
	 * @param forced receives the positions to mask outright: the digits a number among others in a run hides, whichever
	 *     of the readings that overlap there is the number ({@link #numbersInside})
	 */
	private static String chineseNumeralRuns(String text, BitSet forced) {
		char[] chars = null;
		int run = 0;
		boolean mixed = false;
		for (int i = 0; i <= text.length(); i++) {
			char c = i < text.length() ? text.charAt(i) : 0;
			if (i < text.length() && digitLike(c)) {
				run++;
				mixed |= numeral(c) < 0;
				continue;
			}
			if (run >= CHINESE_NUMERAL_RUN) {
				int from = i - run;
				String digits = readAsDigits(text, from, i, c);
				String after = checkCharacter(c) ? "X" : "";
				boolean whole = personal(digits)
						|| digits.length() >= BACK_TO_BACK && backToBackNumbersIn(digits + after).indexOf('*') >= 0;
				BitSet masks = new BitSet();
				List<int[]> inside = whole ? List.of() : numbersInside(text, from, i, c, masks);
				boolean read = whole || !inside.isEmpty() || !mixed;
				List<int[]> parts = whole || inside.isEmpty() ? List.of(new int[] { from, i }) : inside;
				if (!whole && mixed) {
					// a number in numerals right beside one in digits (五一三八〇〇一三八〇〇〇13900139000): read it where
					// the run so read masks more, the two then one run of digits cut in two again
					List<int[]> beside = numbersInside(text, from, i, c, null);
					if (!beside.isEmpty() && stars(maskedAscii(readParts(text, from, i, beside) + after))
							> stars(maskedAscii((read ? readParts(text, from, i, parts) : text.substring(from, i)) + after))
									+ (read ? masks.cardinality() : 0)) {
						read = true;
						parts = beside;
						masks.clear();
					}
				}
				if (read) {
					if (chars == null) {
						chars = text.toCharArray();
					}
					for (int[] part : parts) {
						asDigits(text, part[0], part[1], chars);
					}
					forced.or(masks);
				}
			}
			run = 0;
			mixed = false;
		}
		return numeralBlocks(chars == null ? text : new String(chars));
	}

	/**
	 * The text with the Chinese numerals of blocks joined as {@link #joinedNumbersIn} joins digits (一三八 〇〇一三 八〇〇〇,
	 * 一三八－〇〇一三－八〇〇〇, 三二〇五〇六 一九九〇〇一〇一 一二三四) as ASCII digits, where the blocks so read mask
	 * more than as they stand: a number written in blocks of numerals is found as the same number in blocks of digits
	 * is. Blocks that are no number (一、二、三, 二〇二六 一二 〇三) stay as typed.
	 * @param text the text, its decimal digits and the numerals of long runs already read ({@link #chineseNumeralRuns})
	 * @return the text itself when nothing is read
	 */
	private static String numeralBlocks(String text) {
		char[] chars = null;
		// the text with the numerals of the blocks looked at read, one stretch of blocks after another
		char[] read = null;
		int n = text.length();
		int i = 0;
		while (i < n) {
			if (!digitLike(text.charAt(i))) {
				i++;
				continue;
			}
			int blocks = 0;
			boolean numerals = false;
			int j = i;
			while (true) {
				int start = j;
				while (j < n && digitLike(text.charAt(j))) {
					j++;
				}
				if (j - start < CHINESE_NUMERAL_RUN) {
					// a long run was read or left by chineseNumeralRuns, which knows the numbers inside it (王五一三八…)
					for (int k = start; k < j; k++) {
						if (numeral(text.charAt(k)) >= 0) {
							read = read == null ? text.toCharArray() : read;
							read[k] = (char) ('0' + numeral(text.charAt(k)));
							numerals = true;
						}
					}
				}
				blocks++;
				int k = j;
				while (k < n && k - j < MAX_JOINER && joiner(text.charAt(k)) && !digitLike(text.charAt(k))) {
					k++;
				}
				if (k > j && k < n && digitLike(text.charAt(k))) {
					j = k;
					continue;
				}
				break;
			}
			if (j < n && checkCharacter(text.charAt(j))) {
				j++;
			}
			if (blocks > 1 && numerals) {
				char last = read[j - 1];
				if (digit(read[j - 2]) && (last == '\uFF38' || last == '\uFF58')) {
					read[j - 1] = last == '\uFF38' ? 'X' : 'x';
				}
				if (stars(maskedAscii(new String(read, i, j - i))) > stars(maskedAscii(text.substring(i, j)))) {
					if (chars == null) {
						chars = text.toCharArray();
					}
					System.arraycopy(read, i, chars, i, j - i);
				}
			}
			i = j;
		}
		return chars == null ? text : new String(chars);
	}

	/** How many characters of the text are the mask's {@code *}. */
	private static long stars(String text) {
		return text.chars().filter(c -> c == '*').count();
	}

	/** The characters {@code from} to {@code to} of the text with the Chinese numerals of {@code parts} as ASCII digits. */
	private static String readParts(String text, int from, int to, List<int[]> parts) {
		char[] chars = text.toCharArray();
		for (int[] part : parts) {
			asDigits(text, part[0], part[1], chars);
		}
		return new String(chars, from, to - from);
	}

	/** The Chinese numerals of {@code text} from {@code from} to {@code to} written as ASCII digits into {@code chars}. */
	private static void asDigits(String text, int from, int to, char[] chars) {
		for (int j = from; j < to; j++) {
			int value = numeral(text.charAt(j));
			if (value >= 0) {
				chars[j] = (char) ('0' + value);
			}
		}
	}

	/**
	 * The personal numbers inside a longer run of digits and numerals that is none itself, as ranges (from inclusive, to
	 * exclusive): a mobile number after a name's numeral (王五一三八〇〇一三八〇〇〇: 五 and a mobile number in 12
	 * numerals), an ID number (18, or 17 and the X after the run; 15) beside other numerals; every one of them, so two
	 * numbers back to back are both found (一三八〇〇一三八〇〇〇一三九〇〇一三九〇〇〇). ID numbers are looked for before
	 * mobile numbers at each place.
	 * <p>When {@code forced} is given, a part counts only where it would stand alone once read — the characters beside
	 * it in the run are Chinese numerals, which stay as typed, or another part — so 139一1234一5678 (一 typed as a dash) is
	 * still read in its blocks. Numbers that overlap without one holding the other are readings of one stretch, and
	 * the first is not the number more than the others: in 一三九一三八〇〇一三八〇〇〇 both 13913800138 and, from the
	 * fourth numeral, 13800138000 are mobile numbers. Such a stretch holding a Chinese numeral is one part, and every
	 * digit any of its readings hides goes into {@code forced} (139*******8000): reading the first alone showed the
	 * middle of the other (139****0138〇〇〇). Digits alone are judged as a run of digits is ({@link #personalNumbersIn}:
	 * whole runs count). Without {@code forced} the numbers are read from the left one after another and a part may
	 * border digits (the caller then reads the parts only when that masks more).
	 */
	private static List<int[]> numbersInside(String text, int from, int to, char next, BitSet forced) {
		List<int[]> numbers = new ArrayList<>();
		for (int start = from; start + CHINESE_NUMERAL_RUN <= to; start++) {
			int length = numberAt(text, from, start, to, next, false);
			if (length > 0) {
				numbers.add(new int[] { start, start + length });
				// read from the left one after another, without overlaps: the caller compares the masks
				start += forced == null ? length - 1 : 0;
			}
		}
		if (forced == null) {
			return numbers;
		}
		List<int[]> found = new ArrayList<>();
		for (int k = 0; k < numbers.size();) {
			// the numbers overlapping the first one, and those overlapping them
			int end = numbers.get(k)[1];
			int m = k + 1;
			while (m < numbers.size() && numbers.get(m)[0] < end) {
				end = Math.max(end, numbers.get(m)[1]);
				m++;
			}
			int begin = numbers.get(k)[0];
			boolean held = numbers.get(k)[1] == end;
			int[] backToBack = held ? null : backToBack(text, from, begin, end, to, next);
			if (backToBack != null) {
				for (int at = begin, p = 0; p < backToBack.length; at += backToBack[p++]) {
					found.add(new int[] { at, Math.min(at + backToBack[p], end) });
				}
			}
			else if (!held && holdsNumeral(text, begin, end)) {
				found.add(new int[] { begin, end });
				for (int[] n : numbers.subList(k, m)) {
					int length = n[1] - n[0] + (n[1] - n[0] == 17 ? 1 : 0);
					forced.set(n[0] + (length == 11 ? 3 : 6), n[0] + length - 4);
				}
			}
			else {
				// one number, or digits alone: from the left, each number that stands alone once read
				for (int start = begin; start < end;) {
					int length = numberAt(text, from, start, to, next, true);
					if (length > 0) {
						found.add(new int[] { start, start + length });
					}
					start += Math.max(length, 1);
				}
			}
			k = m;
		}
		return found;
	}

	/**
	 * The length of the personal number that starts at {@code start} of a run of digits and numerals from {@code from}
	 * to before {@code to} ({@code next} after it), the longest first — 18, 17 with the check character X after the run,
	 * 15, 11 — and when {@code alone} one that would stand alone once read (the characters beside it Chinese numerals or
	 * the run's ends); 0 when none does.
	 */
	private static int numberAt(String text, int from, int start, int to, char next, boolean alone) {
		for (int len : new int[] { 18, 17, 15, CHINESE_NUMERAL_RUN }) {
			int end = start + len;
			if (end <= to && (len != 17 || end == to && checkCharacter(next))
					&& (!alone || (start == from || numeral(text.charAt(start - 1)) >= 0) && (end == to || numeral(text.charAt(end)) >= 0))
					&& personal(readAsDigits(text, start, end, end == to ? next : text.charAt(end)))) {
				return len;
			}
		}
		return 0;
	}

	/**
	 * How the stretch {@code begin} to {@code end} of the run {@code from} to {@code to} cuts into personal numbers back
	 * to back ({@link #tiling}; an X after the run ends an ID number), when it would stand alone once read; else null.
	 * Numbers written back to back (五一三八〇〇一三八〇〇〇一三九〇〇一三九〇〇〇) overlap a reading across their seam
	 * (13800013900) and are read as written, as a whole run of them is ({@link #backToBackNumbersIn}).
	 */
	private static int[] backToBack(String text, int from, int begin, int end, int to, char next) {
		if (begin > from && numeral(text.charAt(begin - 1)) < 0 || end < to && numeral(text.charAt(end)) < 0) {
			return null;
		}
		String digits = readAsDigits(text, begin, end, (char) 0) + (end == to && checkCharacter(next) ? "X" : "");
		return tiling(digits, 0, digits.length());
	}

	/** Whether the characters {@code from} to {@code to} hold a Chinese numeral ({@link #numeral}). */
	private static boolean holdsNumeral(String text, int from, int to) {
		for (int k = from; k < to; k++) {
			if (numeral(text.charAt(k)) >= 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The characters {@code from} to {@code to} of a run of digits and numerals as ASCII digits, with the check character
	 * X that follows 17 of them ({@code next}), as an ID number has it.
	 */
	private static String readAsDigits(String text, int from, int to, char next) {
		StringBuilder b = new StringBuilder(to - from + 1);
		for (int j = from; j < to; j++) {
			char c = text.charAt(j);
			int value = numeral(c);
			b.append(value >= 0 ? (char) ('0' + value) : c);
		}
		if (b.length() == 17 && checkCharacter(next)) {
			b.append('X');
		}
		return Text.halfWidthDigits(b.toString());
	}

	/** The value of a Chinese numeral (〇/零/○ 0 … 九 9, 幺 1, the capitals 壹 … 玖), or -1 (digits included). */
	private static int numeral(char c) {
		// one switch: asked of every character of the parcel ingest's categories and courier ids (mayHoldPersonalNumber)
		return switch (c) {
			case '〇', '零', '○' -> 0;
			case '一', '幺', '壹' -> 1;
			case '二', '贰', '貳' -> 2;
			case '三', '叁', '參' -> 3;
			case '四', '肆' -> 4;
			case '五', '伍' -> 5;
			case '六', '陆', '陸' -> 6;
			case '七', '柒' -> 7;
			case '八', '捌' -> 8;
			case '九', '玖' -> 9;
			default -> -1;
		};
	}


	/** A decimal digit of any script (Unicode Nd: ASCII, full-width, Arabic-Indic …), or a Chinese numeral ({@link #numeral}). */
	private static boolean digitLike(char c) {
		return c >= '0' && c <= '9' || c >= 0x80 && (Character.isDigit(c) || numeral(c) >= 0);
	}

	/**
	 * {@link #digitLike(char)} of a code point: a digit beyond the BMP too (the mathematical digits U+1D7CE–U+1D7FF,
	 * those of other scripts there).
	 */
	private static boolean digitLike(int codePoint) {
		return Character.isBmpCodePoint(codePoint) ? digitLike((char) codePoint) : Character.isDigit(codePoint);
	}

	/**
	 * Whether the text may hold a personal number at all: it has at least 11 digits or Chinese numerals (ASCII,
	 * full-width, of any script, beyond the BMP too, 一…九, 壹…玖), the fewest any number {@link #holdsPersonalNumber} finds has — one pass over the
	 * characters, for a hot path to skip the full check on the many texts that cannot hold one. False means none;
	 * true means {@link #holdsPersonalNumber} must decide.
	 *
	 * @param text any text, or null (none)
	 */
	public static boolean mayHoldPersonalNumber(String text) {
		if (text == null) {
			return false;
		}
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			// a digit beyond the BMP (𝟏, U+1D7CF) is two chars, neither of them a digit: read as one code point
			if ((Character.isHighSurrogate(c) ? digitLike(text.codePointAt(i)) : digitLike(c)) && ++count >= CHINESE_NUMERAL_RUN) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the text holds any digit — of any script ({@link Character#isDigit} of each code point, so beyond the BMP
	 * too) — or Chinese numeral: what a reader
	 * who sees personal numbers masked must not search text with, since a match on part of a masked number tells it.
	 *
	 * @param text any text, or null (none)
	 */
	public static boolean mayHoldDigits(String text) {
		return text != null && text.codePoints().anyMatch(Masking::digitLike);
	}

	/** The most characters between two blocks of one number written in parts (139 - 1234 - 5678 has 3). */
	private static final int MAX_JOINER = 6;

	/**
	 * The text with every personal number written in blocks masked ({@link #personalNumbersIn}: runs of digits joined
	 * by {@link #joiner}s, in a shape people write such a number in). The digits are masked as {@link #idNumber} /
	 * {@link #phone} would, the joiners kept. A character loop; allocates only when it masks.
	 */
	private static String joinedNumbersIn(String text) {
		char[] out = null;
		int n = text.length();
		DigitRun run = new DigitRun();
		int i = 0;
		while (i < n) {
			if (!digit(text.charAt(i))) {
				i++;
				continue;
			}
			// the blocks of one joined run, the last one's end past a check character X
			int j = run.read(text, i, MAX_JOINER, c -> joiner((char) c));
			if (run.x) {
				run.ends[run.groups - 1] = ++j;
			}
			if (run.groups > 1) {
				out = maskJoined(text, out, run.starts, run.ends, run.groups);
			}
			i = j;
		}
		out = groupedNumbersIn(text, out);
		return out == null ? text : new String(out);
	}

	/**
	 * One run of digit groups as both scans read it ({@link #joinedNumbersIn}, {@link #groupedNumbersIn}): from a
	 * digit, the groups of digits from {@code starts[g]} (inclusive) to {@code ends[g]} (exclusive), each joined to the
	 * next by one to {@code maxJoiner}
	 * characters the scan's test admits and followed by a digit; a check character X or x right after a group and not
	 * followed by a letter or digit ends the run ({@link #x}, left out of the last group's end). Reused run after run.
	 */
	private static final class DigitRun {

		int[] starts = new int[8];

		int[] ends = new int[8];

		/** How many groups the run has (at least one). */
		int groups;

		/** Whether a check character X or x follows the last group. */
		boolean x;

		/**
		 * Reads the run starting at the digit at {@code i}.
		 * @return where the run ends: after its last group's digits (before an X)
		 */
		int read(String text, int i, int maxJoiner, IntPredicate joins) {
			int n = text.length();
			groups = 0;
			x = false;
			int j = i;
			while (true) {
				int start = j;
				while (j < n && digit(text.charAt(j))) {
					j++;
				}
				if (groups == starts.length) {
					starts = Arrays.copyOf(starts, groups * 2);
					ends = Arrays.copyOf(ends, groups * 2);
				}
				starts[groups] = start;
				ends[groups++] = j;
				if (j < n && (text.charAt(j) == 'X' || text.charAt(j) == 'x')
						&& (j + 1 == n || !Character.isLetterOrDigit(text.charAt(j + 1)))) {
					x = true;
					return j;
				}
				int k = j;
				while (k < n && k - j < maxJoiner && joins.test(text.charAt(k))) {
					k++;
				}
				if (k > j && k < n && digit(text.charAt(k))) {
					j = k;
					continue;
				}
				return j;
			}
		}
	}

	/**
	 * Masks the personal numbers typed by hand in groups of any size ({@link #personalNumbersIn}): a run of digit groups
	 * joined by one {@link #groupSeparator} each (13 91 23 45 67 8, 1 3 9 1234 5678, 3205 0219 9001 0112 34) that holds
	 * exactly a mobile number — 11 digits from 13 to 19 in groups of 1 to 4, after nothing, a trunk 0, 86 or 0086 — or
	 * exactly an 18-character ID number ({@link #personal}: province, birth date; the last may be X), in groups of any
	 * size. The whole run counts, never a part of it: a run of more or fewer digits (a waybill of 12 to 15 digits in
	 * groups, a date and a time, 2026-12-03 13:45) is no such number here. An IPv4 address (four groups of at most 3
	 * digits, each at most 255, joined by points: 192.168.100.10) is left alone; no one types a mobile number so.
	 * @param text the text, full-width digits already ASCII
	 * @param out the text's characters with the numbers masked so far, or null when none is
	 * @return {@code out} with these numbers masked too (a copy of the text's characters when it was null and one is)
	 */
	private static char[] groupedNumbersIn(String text, char[] out) {
		int n = text.length();
		DigitRun run = new DigitRun();
		StringBuilder digits = new StringBuilder(24);
		int i = 0;
		while (i < n) {
			if (!digit(text.charAt(i))) {
				i++;
				continue;
			}
			int j = run.read(text, i, 1, c -> groupSeparator((char) c));
			int groups = run.groups;
			int[] starts = run.starts;
			int[] ends = run.ends;
			boolean x = run.x;
			boolean points = true;
			digits.setLength(0);
			for (int g = 0; g < groups; g++) {
				digits.append(text, starts[g], ends[g]);
				points &= g == 0 || text.charAt(ends[g - 1]) == '.';
			}
			int count = digits.length();
			int lead = count - 11;
			// the groups of 1 to 4 digits, the first one's without the prefix typed with it (+86139 1234 5678)
			int longest = ends[0] - starts[0] - Math.max(lead, 0);
			for (int g = 1; g < groups; g++) {
				longest = Math.max(longest, ends[g] - starts[g]);
			}
			boolean mobile = longest <= 4 && (lead == 0 || lead == 1 && digits.charAt(0) == '0'
					|| lead == 2 && digits.charAt(0) == '8' && digits.charAt(1) == '6'
					|| lead == 4 && "0086".contentEquals(digits.subSequence(0, 4)))
					&& personal(digits.subSequence(Math.max(lead, 0), count)) && !(points && ipv4(text, starts, ends, groups));
			if (x && count == 17) {
				digits.append(text.charAt(j));
				ends[groups - 1] = ++j;
				count = 18;
			}
			boolean id = !mobile && count == 18 && personal(digits);
			if (groups > 1 && (mobile || id)) {
				if (out == null) {
					out = text.toCharArray();
				}
				int head = mobile ? lead + 3 : 6;
				int seen = 0;
				for (int g = 0; g < groups; g++) {
					for (int k = starts[g]; k < ends[g]; k++, seen++) {
						if (seen >= head && seen < count - 4) {
							out[k] = '*';
						}
					}
				}
			}
			i = Math.max(j, i + 1);
		}
		return out;
	}

	/** Whether the groups are an IPv4 address's four numbers (each of at most 3 digits, at most 255). */
	private static boolean ipv4(String text, int[] starts, int[] ends, int groups) {
		if (groups != 4) {
			return false;
		}
		for (int g = 0; g < groups; g++) {
			if (ends[g] - starts[g] > 3 || number(text, starts[g], ends[g] - starts[g]) > 255) {
				return false;
			}
		}
		return true;
	}

	/**
	 * What joins the groups of a number typed in groups ({@link #groupedNumbersIn}): one space of any width (ASCII,
	 * no-break, U+2000–U+200A, narrow no-break, U+205F, ideographic U+3000), one hyphen or dash (-, U+2010–U+2015, −,
	 * ﹣, －) or one point (., ．, ·, ・).
	 */
	private static boolean groupSeparator(char c) {
		return switch (c) {
			case ' ', '\u00A0', '\u202F', '\u205F', '\u3000', '-', '\u2212', '\uFE63', '\uFF0D', '.', '\uFF0E', '\u00B7',
					'\u30FB' ->
				true;
			default -> c >= '\u2000' && c <= '\u200A' || c >= '\u2010' && c <= '\u2015';
		};
	}

	/**
	 * Masks, from each block on, the longest sequence of blocks that is a personal number in its shape, wherever it
	 * stands in the run: blocks around it (2025-139-1234-5678-001, 2026 12 03 139 1234 5678) do not hide it, so both
	 * of 139 1234 5678、139 8765 4321 are numbers, while 6129 1391 2345 678 (a waybill in blocks of 4) holds none. A
	 * mobile number is 3-4-4, 3-8 or 7-4 (0139-1234-5678 with its trunk 0 as 4-4-4; a code KD-151-2025-0012 cannot be
	 * told from one and counts); an 18-character ID number is two to six blocks, the first of at least 3 digits, the
	 * others of at least 2; a 15-digit one begins with its 6-digit region code and none of its other blocks is longer
	 * than the birth date's 6 digits — so a list of region codes, a county and a township in it (320506,320506104),
	 * is no ID number.
	 */
	private static char[] maskJoined(String text, char[] out, int[] starts, int[] ends, int groups) {
		StringBuilder digits = new StringBuilder(24);
		for (int a = 0; a < groups; a++) {
			int singles = 0;
			while (a + singles < groups && ends[a + singles] - starts[a + singles] == 1) {
				singles++;
			}
			if (singles > 1) {
				// a number typed one digit at a time: the run is exactly a mobile number (1 3 9 1 2 3 4 5 6 7 8), one
				// after its trunk 0 or country code 8 6, or an 18-digit ID number — the same digits masked as in its other
				// shapes; a longer or shorter run of single digits is no number people type so (a score, a list)
				String run = digitsOf(text, starts, a, singles);
				int lead = singles == 12 && run.startsWith("0") ? 1 : singles == 13 && run.startsWith("86") ? 2 : 0;
				int size = singles - lead;
				if ((size == 11 || size == 18) && personal(run.substring(lead))) {
					if (out == null) {
						out = text.toCharArray();
					}
					for (int b = a + lead + (size == 11 ? 3 : 6); b < a + singles - 4; b++) {
						out[starts[b]] = '*';
					}
				}
				a += singles - 1;
				continue;
			}
			int first = ends[a] - starts[a];
			// a trunk 0 before a mobile number: 0139-1234-5678
			int lead = first == 4 && text.charAt(starts[a]) == '0' && text.charAt(starts[a] + 1) == '1' ? 1 : 0;
			digits.setLength(0);
			int best = -1;
			int bestCount = 0;
			int bestLead = 0;
			int shortest = Integer.MAX_VALUE;
			int longest = 0;
			for (int b = a; b < groups && b - a < 6 && digits.length() <= 19; b++) {
				int size = ends[b] - starts[b];
				digits.append(text, starts[b], ends[b]);
				boolean x = !digit(text.charAt(ends[b] - 1));
				if (b > a) {
					// a mobile number's last block without an X after it (139 1234 5678X is a mobile number and an X)
					int mobile = digits.length() - lead - (x ? 1 : 0);
					if (mobile == 11 && mobileShape(first - lead, b - a == 1 ? size - (x ? 1 : 0) : ends[a + 1] - starts[a + 1],
							b - a) && personal(digits.subSequence(lead, lead + 11))) {
						best = b;
						bestCount = 11;
						bestLead = lead;
					}
					if (first >= 3 && shortest >= 2 && size >= 2
							&& (digits.length() == 18 || digits.length() == 15 && first == 6 && Math.max(longest, size) <= 6)
							&& personal(digits)) {
						best = b;
						bestCount = digits.length();
						bestLead = 0;
					}
					shortest = Math.min(shortest, size);
					longest = Math.max(longest, size);
				}
			}
			if (best < 0) {
				continue;
			}
			if (out == null) {
				out = text.toCharArray();
			}
			int head = bestLead + (bestCount == 11 ? 3 : 6);
			int count = bestLead + bestCount;
			int seen = 0;
			for (int b = a; b <= best; b++) {
				for (int k = starts[b]; k < ends[b] && seen < count; k++, seen++) {
					if (seen >= head && seen < count - 4) {
						out[k] = '*';
					}
				}
			}
			a = best;
		}
		return out;
	}

	/** The digits of {@code count} blocks of one digit each, from block {@code from} on. */
	private static String digitsOf(String text, int[] starts, int from, int count) {
		char[] d = new char[count];
		for (int k = 0; k < count; k++) {
			d[k] = text.charAt(starts[from + k]);
		}
		return new String(d);
	}

	/** A mobile number's blocks: 3-4-4, 3-8 or 7-4 (the first block's digits, the second's, the number of joiners). */
	private static boolean mobileShape(int first, int second, int joins) {
		return joins == 2 ? first == 3 && second == 4 : joins == 1 && (first == 3 || first == 7);
	}

	/**
	 * Whether the characters are a mobile number (11 digits from 13), or an ID number (18 or 15) whose first two digits
	 * are a province's code or whose first is 9 and whose birth date is plausible.
	 */
	private static boolean personal(CharSequence d) {
		int len = d.length();
		for (int k = 0; k < len; k++) {
			if (!digit(d.charAt(k)) && !(k == 17 && len == 18 && (d.charAt(k) == 'X' || d.charAt(k) == 'x'))) {
				return false;
			}
		}
		if (len == 11) {
			return d.charAt(0) == '1' && d.charAt(1) >= '3';
		}
		if (len != 18 && len != 15 || !province(number(d, 0, 2))) {
			return false;
		}
		if (len == 18) {
			int year = number(d, 6, 4);
			return year >= 1900 && year <= 2099 && date(number(d, 10, 2), number(d, 12, 2));
		}
		return date(number(d, 8, 2), number(d, 10, 2));
	}

	/** A province's code in GB/T 2260 (11 北京 to 82 澳门, 83 for the residence permits of Taiwan residents), or 9x. */
	private static boolean province(int code) {
		return code >= 11 && code <= 15 || code >= 21 && code <= 23 || code >= 31 && code <= 37 || code >= 41 && code <= 46
				|| code >= 50 && code <= 54 || code >= 61 && code <= 65 || code == 71 || code >= 81 && code <= 83 || code >= 90;
	}

	private static boolean date(int month, int day) {
		return month >= 1 && month <= 12 && day >= 1 && day <= 31;
	}

	private static int number(CharSequence d, int from, int count) {
		int v = 0;
		for (int k = from; k < from + count; k++) {
			v = v * 10 + d.charAt(k) - '0';
		}
		return v;
	}

	private static boolean digit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * What people type between the blocks of a number written in parts: a space of any width (ASCII, no-break, the
	 * typographic ones U+2000–U+200B, narrow no-break, ideographic), a tab, a hyphen or dash of any form (-, ‐ to ―,
	 * −, ﹘, ﹣, －), a tilde (~, ～, 〜), an underscore (_, ＿), a point (., ．, ·, ・, •, 。), a slash (/, ／, \\), a comma
	 * (,, ，, 、) or a bracket ((, ), （, ）, [, ]). Blocks of one or two digits keep amounts, dates and versions out
	 * ({@link #personalNumbersIn}).
	 */
	private static boolean joiner(char c) {
		return switch (c) {
			case ' ', '\u00A0', '\u202F', '\u205F', '\u3000', '-', '\u2212', '\uFE58', '\uFE63', '\uFF0D', '~', '\uFF5E',
					'\u301C', '_', '\uFF3F', '.', '\uFF0E', '\u00B7', '\u30FB', '\uFF65', '\u2022', '\u2027', '\u3002', '/',
					'\uFF0F', '\\', '\uFF3C', ',', '\uFF0C', '\u3001', '(', ')', '\uFF08', '\uFF09', '[', ']', '\u3010', '\u3011',
					'\u3014', '\u3015', '|', '\uFF5C', ':', '\uFF1A', '*', '\uFF0A', '+', '\uFF0B', '\u4E00' ->
				true;
			default -> c >= '\u2000' && c <= '\u2015' || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
		};
	}
	/**
	 * Candidates, checked further by {@link #personal}: a mobile number right after the country code, +86 or a run
	 * beginning 86 or 0086, or after a trunk 0 (group 1, tried first: 0086 and a mobile number are also 15 digits), or
	 * an ID number (18 or 15 digits, an 18-character one may end in X; a letter may follow) or a mobile number as a
	 * whole run of digits, also after letters (group 2; a mobile number may have an X or a letter after it).
	 */
	private static final Pattern PERSONAL_NUMBER = Pattern.compile("(?:(?<=[+\uFF0B]86)|(?<![0-9])(?:00)?86|(?<![0-9])0)"
			+ "(1[3-9][0-9]{9})(?![0-9])|(?<![0-9])([0-9]{17}[0-9Xx](?![0-9])|[0-9]{15}(?![0-9Xx])|1[3-9][0-9]{9}(?![0-9]))");

	/**
	 * The value with its first {@code head} and last {@code tail} characters kept, each other one a {@code *}; counted in
	 * characters (code points), so a character beyond the BMP is never cut in half. All {@code *} when it is no longer.
	 */
	private static String keep(String value, int head, int tail) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		int length = value.codePointCount(0, value.length());
		if (length <= head + tail) {
			return "*".repeat(length);
		}
		return value.substring(0, value.offsetByCodePoints(0, head)) + "*".repeat(length - head - tail)
				+ value.substring(value.offsetByCodePoints(value.length(), -tail));
	}
}
