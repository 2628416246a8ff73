package org.youguan.kernel;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Decimal numbers from outside (JSON bodies, form fields, query parameters, spreadsheet cells, ingest lines) read at a
 * bounded cost: a {@link BigDecimal} is cheap to hold whatever its exponent ({@code 1e-40000000} is one digit and a
 * scale), but {@code setScale}, {@code toPlainString}, {@code toBigInteger} or arithmetic with such a value builds a
 * number of that many digits — seconds of CPU and megabytes of text. So every such number is checked here, before any
 * of that, against the digits its field can hold: integer digits (precision − scale, counted without overflow) and
 * fraction digits (trailing zeros not counted). A refusal names the field and the rule ({@code number}: no number;
 * {@code digits}: more digits than the field holds) in Chinese and repeats at most {@link #ECHO} characters of the text.
 */
public final class Decimals {

	/** The most characters a typed number may have (30 digits, sign, point, grouping): longer text is not parsed. */
	public static final int MAX_TEXT = 64;

	/** Integer digits a number from outside may have unless its field names fewer ({@link Validation#MAX_INTEGER_DIGITS}). */
	public static final int INTEGER_DIGITS = Validation.MAX_INTEGER_DIGITS;

	/** Fraction digits a number from outside may have unless its field names fewer. */
	public static final int FRACTION_DIGITS = 10;

	/**
	 * The loose bound of a quantity read as text for its service to judge ({@link NumberText}): anything a person could
	 * mean fits in 30 integer and 30 fraction digits; beyond is an exponent no field holds.
	 */
	public static final int TEXT_DIGITS = 30;

	/** How many characters of an offending text a message repeats. */
	public static final int ECHO = 30;

	private Decimals() {
	}

	/**
	 * The integer digits of {@code d} written out (0 for |d| &lt; 1): precision − scale as a long, so that
	 * {@code 1e2147483647} is not an overflowed negative count.
	 */
	public static long integerDigits(BigDecimal d) {
		return d.signum() == 0 ? 0 : Math.max((long) d.precision() - d.scale(), 0);
	}

	/**
	 * Whether {@code d} written out has at most {@code integerDigits} integer and {@code fractionDigits} fraction digits
	 * (trailing zeros of the fraction not counted: 1.50 has one). Cheap for any exponent: a scale beyond what stripping
	 * zeros could bring down is refused without stripping. A zero of any scale fits.
	 */
	public static boolean fits(BigDecimal d, int integerDigits, int fractionDigits) {
		if (d.signum() == 0) {
			return true;
		}
		if (integerDigits(d) > integerDigits) {
			return false;
		}
		long scale = d.scale();
		if (scale <= fractionDigits) {
			return true;
		}
		// at most precision − 1 trailing zeros can be stripped
		if (scale - (d.precision() - 1L) > fractionDigits) {
			return false;
		}
		return d.stripTrailingZeros().scale() <= fractionDigits;
	}

	/** Whether {@code d} is a whole number (30.0 is; 30.5 and 1e-40000000 are not); cheap for any exponent. */
	public static boolean isWhole(BigDecimal d) {
		return fits(d, Integer.MAX_VALUE, 0);
	}

	/**
	 * {@code d} in a form safe to compute with: a zero of any scale as plain {@code 0} ({@code 0E-40000000} would make
	 * {@code setScale(0)} build 10^40000000), anything else as it is. Call after {@link #fits}.
	 */
	public static BigDecimal tame(BigDecimal d) {
		return d.signum() == 0 ? BigDecimal.ZERO : d;
	}

	/**
	 * A typed number (surrounding spaces ignored) that fits {@code integerDigits} and {@code fractionDigits}, or null when
	 * blank. Thousands may be grouped with commas as a spreadsheet shows them (1,000 and 12,345.67; a full-width ，
	 * too), in well-formed groups only ({@link #ungrouped}) — the one reading of grouped numbers for money, statistics
	 * and every other typed number.
	 * @param field the field named by a refusal
	 * @param label the field's name in the message (e.g. "索赔金额")
	 * @throws InvalidValueException rule {@code number} when the text is no plain or exponent number (or longer than
	 *         {@link #MAX_TEXT}), rule {@code thousands-separator} for commas out of their place (1,00) or digits
	 *         grouped by spaces (50 000), rule {@code digits} when it has more digits than the field holds, rule
	 *         {@code integer} for a fraction (1.5) where {@code fractionDigits} is 0 (件, 人, 家: counts are whole), rule
	 *         {@code currency} for a currency sign or unit typed with the number (¥2,000.00, ￥500, 2000元, RMB 300):
	 *         one refusal that says to write the number only, not a misplaced comma blamed on the sign
	 */
	public static BigDecimal parse(String field, String label, String text, int integerDigits, int fractionDigits) {
		if (text == null || Text.isBlank(text)) {
			return null;
		}
		String t = Text.strip(text);
		if (t.length() <= MAX_TEXT) {
			refuseCurrency(field, label, t);
			t = ungrouped(field, label, t);
		}
		BigDecimal d = t.length() > MAX_TEXT ? null : number(t);
		if (d == null) {
			throw new InvalidValueException(field, "number", Wording.of("kernel.invalid.number", label,
					digitsWording(integerDigits, fractionDigits), echo(t)), label + "应为数字" + digits(integerDigits, fractionDigits)
					+ "：" + echo(t));
		}
		require(field, label, d, integerDigits, fractionDigits);
		return tame(d);
	}

	/**
	 * As {@link #parse}, for a value a person types as a setting: only a plain ASCII decimal (10, 10.5, -3) — no
	 * exponent (1e1), no full-width digits (１０), which {@link BigDecimal} itself would take; rule {@code number}.
	 */
	public static BigDecimal parsePlain(String field, String label, String text, int integerDigits, int fractionDigits) {
		if (text != null && !Text.isBlank(text) && !PLAIN.matcher(Text.strip(text)).matches()) {
			throw new InvalidValueException(field, "number", Wording.of("kernel.invalid.plainNumber", label,
					digitsWording(integerDigits, fractionDigits), echo(Text.strip(text))), label + "应为普通数字（如10或10.5，不用科学计数法或全角数字）"
					+ digits(integerDigits, fractionDigits) + "：" + echo(Text.strip(text)));
		}
		return parse(field, label, text, integerDigits, fractionDigits);
	}

	/**
	 * {@code text} (stripped) with its thousands commas taken out when they group the integer digits by three (1,000,
	 * -12,345.67, １，０００ after NFKC); the text itself when it has no comma nor space inside.
	 * @param field the field named by a refusal
	 * @param label the field's name in the message
	 * @throws InvalidValueException rule {@code thousands-separator} naming the field when a comma is out of its place
	 *         (1,00, 1,2345, 1.000,5) or the digits are grouped by spaces (50 000, 50&nbsp;000): the message shows the
	 *         text with its spaces as typed spaces, so that what was typed is recognisable
	 */
	public static String ungrouped(String field, String label, String text) {
		String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
		if (n.indexOf(',') >= 0) {
			if (GROUPED.matcher(n).matches()) {
				return n.replace(",", "");
			}
			throw new InvalidValueException(field, "thousands-separator", Wording.of("kernel.invalid.thousandsComma", label,
					echo(visibleSpaces(n))), label + "的千分位逗号应每三位一个（如1,000或12,345.67），或不写逗号："
					+ echo(visibleSpaces(n)));
		}
		if (SPACED.matcher(n).find()) {
			throw new InvalidValueException(field, "thousands-separator", Wording.of("kernel.invalid.thousandsSpace", label,
					echo(visibleSpaces(n))), label + "的数字中间不能有空格，千分位请用逗号（如50,000）或不分隔："
					+ echo(visibleSpaces(n)));
		}
		return text;
	}

	/**
	 * Refuses a number typed with its currency (a sign before it, a unit after it): a field of yuan states its unit in
	 * its label, and the sign is no part of the number — told once, as what it is (rule {@code currency}). A
	 * spreadsheet import that accepts amounts as ledgers show them takes the sign and unit off before it reads the number.
	 * @throws InvalidValueException rule {@code currency} naming the field
	 */
	private static void refuseCurrency(String field, String label, String text) {
		if (CURRENCY.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).find()) {
			throw new InvalidValueException(field, "currency", label.isEmpty() ? Wording.of("kernel.invalid.currencyUnlabelled", echo(text))
					: Wording.of("kernel.invalid.currency", label, echo(text)), (label.isEmpty() ? "请" : label)
					+ "只填写数字（如2000或2000.50），不带¥、￥、RMB、人民币或“元”等货币符号和单位：" + echo(text));
		}
	}

	/** A currency sign or unit before or after a number (after NFKC: ￥ is ¥, ＲＭＢ is RMB). */
	private static final Pattern CURRENCY = Pattern.compile(
			"^[\\s\\p{Zs}]*(?:[¥$€£]|(?i:RMB|CNY)|人民币)|(?:元|圆|(?i:RMB|CNY|yuan))[\\s\\p{Zs}]*$");

	/** Integer digits grouped by three with commas: 1,000 or -12,345.67 (ASCII, after NFKC). */
	private static final Pattern GROUPED = Pattern.compile("[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");

	/** A space of any kind (no-break, narrow, ideographic) between two digits: a number grouped by spaces. */
	private static final Pattern SPACED = Pattern.compile("[0-9][\\s\\p{Zs}]+[0-9]");

	/** Every kind of space (U+00A0, U+202F, U+3000 …) as a plain one, so that a message shows it as what it is. */
	private static String visibleSpaces(String text) {
		return text.replaceAll("[\\s\\p{Zs}]+", " ");
	}

	/** A plain decimal in ASCII digits: an optional sign, digits, an optional fraction. */
	private static final Pattern PLAIN = Pattern.compile("[+-]?[0-9]{1,40}(\\.[0-9]{1,40})?");

	/**
	 * Refuses {@code d} when it does not {@link #fits fit} (rule {@code digits}; {@code integer} for a fraction where
	 * none is allowed); null passes.
	 * @throws InvalidValueException naming {@code field}, the digits allowed and at most {@link #ECHO} characters of it
	 */
	public static void require(String field, String label, BigDecimal d, int integerDigits, int fractionDigits) {
		if (d != null && fractionDigits == 0 && integerDigits(d) <= integerDigits && !isWhole(d)) {
			throw new InvalidValueException(field, "integer", Wording.of("kernel.invalid.integer", label, echo(d)),
					label + "应为整数，不能有小数：" + echo(d));
		}
		if (d != null && !fits(d, integerDigits, fractionDigits)) {
			throw new InvalidValueException(field, "digits", Wording.of("kernel.invalid.tooManyDigits", label,
					digitsWording(integerDigits, fractionDigits), echo(d)), tooManyDigits(label, integerDigits, fractionDigits) + "：" + echo(d));
		}
	}

	/**
	 * The words of a number refused for its digits, in its field's own terms: "快递业务量超出允许的位数（最多14位整数、4位
	 * 小数）" — for a value beyond every field's digits ({@link #TEXT_DIGITS}) too, which is told by the field's limit,
	 * never by the reader's loose bound.
	 * @param label the field's (or indicator's) name
	 */
	public static String tooManyDigits(String label, int integerDigits, int fractionDigits) {
		return label + "超出允许的位数" + digits(integerDigits, fractionDigits);
	}

	/**
	 * {@link #digits} as its bundle key with the digits ({@code kernel.digits.whole}, {@code kernel.digits.fraction}),
	 * an argument of a refusal's {@link Wording}.
	 */
	public static Wording digitsWording(int integerDigits, int fractionDigits) {
		return fractionDigits == 0 ? Wording.of("kernel.digits.whole", integerDigits)
				: Wording.of("kernel.digits.fraction", integerDigits, fractionDigits);
	}

	/** "（最多15位整数、2位小数）", or "（整数，最多9位）" when no fraction is allowed. */
	public static String digits(int integerDigits, int fractionDigits) {
		return fractionDigits == 0 ? "（整数，最多" + integerDigits + "位）"
				: "（最多" + integerDigits + "位整数、" + fractionDigits + "位小数）";
	}

	/**
	 * The text as BigDecimal reads it, or null when it is none. Full-width digits are read as the ASCII ones they are
	 * ({@link #ascii}); digits of other scripts ({@code ٣٣}, Arabic-Indic), which BigDecimal itself would take as 33, are none:
	 * no one types a 报表 or an amount in them, and a value shown back as 33 is not what was typed.
	 */
	private static BigDecimal number(String t) {
		String n = ascii(t);
		if (n == null) {
			return null;
		}
		try {
			return new BigDecimal(n);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * {@code text} in ASCII when it is written in ASCII and the full-width forms a Chinese input method types
	 * (U+FF01–U+FF5E: １２, －, ．, read as 12, -, .); else null — digits of other scripts (Arabic-Indic ٣), superscripts
	 * (²) and circled numbers (⑩), which NFKC or {@link BigDecimal} would turn into digits, are no part of a number.
	 * The minus sign U+2212 (−5, as a word processor or a formula writes it) is the minus it shows, as the full-width
	 * one is: −5 is a negative number, told as such by its field's rule, not "no number".
	 * @param text any text, not null
	 */
	public static String ascii(String text) {
		return text.indexOf('\u3000') >= 0 ? null : Text.halfWidthAscii(text.replace(MINUS_SIGN, '-'));
	}

	/** The minus sign U+2212 of mathematics, read as the hyphen-minus a number's sign is typed with. */
	private static final char MINUS_SIGN = '\u2212';

	/** A whole number as typed: an optional sign and ASCII digits (after NFKC). */
	private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1,19}");

	/**
	 * A whole number typed in a field or parameter (an id chosen in a select, a year, a count; surrounding spaces
	 * ignored, full-width digits read as ASCII, {@link #ascii}), or null when it is none — digits of other scripts
	 * ({@code ٣}, which {@link Long#valueOf} would take as 3), a fraction, a text beyond a {@code long}. The caller
	 * refuses null with its field's own rule and message.
	 * @param text a non-blank text
	 */
	public static Long whole(String text) {
		String n = ascii(Text.strip(text));
		if (n == null || !WHOLE.matcher(n).matches()) {
			return null;
		}
		try {
			return Long.valueOf(n);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * How a message states the whole numbers a field takes: "应为整数（1至365）" — a value refused as no whole number or
	 * beyond its type is told the range, not only "应为整数". A record's number (编号: 1 to {@link Long#MAX_VALUE}, a
	 * path or query id, an id chosen in a form or typed in a sheet) is told what it is, {@link #RECORD_NUMBER} — never
	 * "1至9223372036854775807", which no clerk reads.
	 * @param min the least value taken
	 * @param max the greatest value taken
	 */
	public static String wholeIn(long min, long max) {
		return wholeIn(min, max, null);
	}

	/**
	 * What a field of a number {@code type} takes, for a value refused only for lying beyond the type (a whole number of
	 * 20 digits, a decimal of too many digits) where the field declares no range of its own ({@link #declaredWhole}):
	 * the type's real range — "应为整数（-32768至32767）" for a {@code short}, "应为整数（-2147483648至2147483647）" for an
	 * {@code int}, the long's for a {@code long} (a whole number beyond it is a whole number still, so never
	 * "应为整数" alone), the digits {@link #INTEGER_DIGITS}/{@link #FRACTION_DIGITS} a decimal is read within.
	 * @param type the field's Java type, or null
	 * @return the wording, without brackets; null for any other type
	 */
	public static String typeRange(Class<?> type) {
		return type == null ? null : switch (type.getSimpleName()) {
			case "byte", "Byte" -> wholeIn(Byte.MIN_VALUE, Byte.MAX_VALUE);
			case "short", "Short" -> wholeIn(Short.MIN_VALUE, Short.MAX_VALUE);
			case "int", "Integer" -> wholeIn(Integer.MIN_VALUE, Integer.MAX_VALUE);
			// wholeIn leaves a long's limits unsaid (they bound no declared range): here they are the type's real range
			case "long", "Long" -> "应为整数（" + Long.MIN_VALUE + "至" + Long.MAX_VALUE + "）";
			case "BigDecimal" -> "应为数字，整数部分至多" + INTEGER_DIGITS + "位、小数部分至多" + FRACTION_DIGITS + "位";
			default -> null;
		};
	}

	/**
	 * How every message states a record's number (编号) — an id of a path, a query, a form's choice, a sheet's cell, a
	 * JSON body's {@code …Id} — one wording platform-wide: a positive whole number of at most 19 digits (a 20-digit
	 * one, beyond any id, is told why it is refused).
	 */
	public static final String RECORD_NUMBER = "应为正整数（至多19位）";

	/**
	 * As {@link #wholeIn(long, long)}, with what the field's numbers mean inside the brackets:
	 * "应为整数（0至2147483647，0表示整部法规）", "应为整数（0至100000，单位：天）"; a record's number
	 * "应为正整数（至多19位，即品牌编号）" ({@link #RECORD_NUMBER}). A bound that is a {@code long}'s own limit is no
	 * field's and is not stated: "应为整数" for any whole number, "应为不小于0的整数" for one from 0 — never
	 * −9223372036854775808 or 9223372036854775807.
	 * @param detail the meaning or unit, or null for none
	 */
	public static String wholeIn(long min, long max, String detail) {
		String more = detail == null || detail.isEmpty() ? "" : "，" + detail;
		if (min == 1 && max == Long.MAX_VALUE) {
			return RECORD_NUMBER.substring(0, RECORD_NUMBER.length() - 1) + more + "）";
		}
		// a long's own limits bound no field (a count, an amount): never stated, only the field's real bounds
		if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
			return more.isEmpty() ? "应为整数" : "应为整数（" + more.substring(1) + "）";
		}
		if (max == Long.MAX_VALUE) {
			return "应为不小于" + min + "的整数" + (more.isEmpty() ? "" : "（" + more.substring(1) + "）");
		}
		if (min == Long.MIN_VALUE) {
			return "应为不大于" + max + "的整数" + (more.isEmpty() ? "" : "（" + more.substring(1) + "）");
		}
		return "应为整数（" + min + "至" + max + more + "）";
	}

	/**
	 * The whole numbers a field declares on itself — {@link YearIn}, {@link WholeIn}, or Jakarta Validation's
	 * {@code @Min}/{@code @Max} — in brackets for a message ("（应为整数（1至365））", {@link #wholeIn}; a greatest value
	 * in words where the field states one, {@link WholeIn#maxStated}); null when it declares none.
	 * @param declared the parameter, field or record component
	 * @param thisYear the current year (China time), which a {@link YearIn}'s last year is counted from
	 */
	public static String declaredWhole(java.lang.reflect.AnnotatedElement declared, int thisYear) {
		if (declared == null) {
			return null;
		}
		YearIn years = declared.getAnnotation(YearIn.class);
		if (years != null) {
			return "（" + wholeIn(years.from(), (long) thisYear + years.ahead()) + "）";
		}
		WholeIn whole = declared.getAnnotation(WholeIn.class);
		if (whole != null) {
			String detail = whole.detail().isEmpty() ? "" : "，" + whole.detail();
			return "（" + (whole.maxStated().isEmpty() ? wholeIn(whole.min(), whole.max(), whole.detail())
					: "应为整数（" + whole.min() + "至" + whole.maxStated() + detail + "）") + "）";
		}
		jakarta.validation.constraints.Min min = declared.getAnnotation(jakarta.validation.constraints.Min.class);
		jakarta.validation.constraints.Max max = declared.getAnnotation(jakarta.validation.constraints.Max.class);
		return min == null && max == null ? null : "（" + wholeIn(min == null ? Long.MIN_VALUE : min.value(),
				max == null ? Long.MAX_VALUE : max.value()) + "）";
	}

	/** At most {@link #ECHO} printable characters of {@code text}, with "…" when cut. */
	public static String echo(String text) {
		return Text.excerpt(text, ECHO);
	}

	/**
	 * A number for a message: written out when that is short, else in exponent notation ({@code 1E-40000000}) — never
	 * the 40-million-character plain form.
	 */
	public static String echo(BigDecimal d) {
		boolean shortPlain = integerDigits(d) <= ECHO && (long) d.scale() <= ECHO;
		return echo(shortPlain ? d.toPlainString() : d.toString());
	}
}
