package org.youguan.documents;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;

/**
 * One spreadsheet cell as a person sees it in Excel: its <b>value</b>, never its display format or formula text — text,
 * a number (the stored value, unrounded, with whether it is shown as a percentage), a date, a boolean, an error
 * (#DIV/0!, #N/A …, or a formula without a computed result), or blank. A formula cell is its cached result.
 * <p>
 * The field parsers ({@link #asDate}, {@link #asMonth}, {@link #asNumber}, {@link #asInteger}, {@link #asYesNo}) accept
 * the typed value or the text a person would type into the cell ("2026-03-05", "2026/3/5", "2026年3月5日", "20260305";
 * "1,234.5", "12.34%"; full-width digits), and fail with an {@link InvalidValueException} naming the column.
 */
public final class SheetCell {

	/** What a cell holds. */
	public enum Kind {

		BLANK, TEXT, NUMBER, DATE, BOOLEAN, ERROR

	}

	/** Excel keeps 15 significant digits; beyond them a double's digits are binary noise (0.1 + 0.2). */
	private static final MathContext EXCEL_PRECISION = new MathContext(15);

	private static final Pattern TEXT_DATE = Pattern.compile(
			"(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?(?:[\\sT]+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern TEXT_MONTH = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?");

	private static final Pattern COMPACT_MONTH = Pattern.compile("(\\d{4})(\\d{2})");

	private static final String DATE_EXAMPLES = "（如2026-03-05、2026/3/5、2026年3月5日或20260305）";

	/** The texts read as 是 and as 否 (after NFKC and upper-casing). */
	private static final Set<String> YES = Set.of("是", "TRUE", "真", "Y", "YES");

	private static final Set<String> NO = Set.of("否", "FALSE", "假", "N", "NO");

	static final SheetCell BLANK = new SheetCell(Kind.BLANK, null, null, false, null, false);

	private final Kind kind;

	private final String text;

	private final BigDecimal number;

	private final boolean percent;

	/**
	 * A date cell's value; for a number cell the day Excel shows for it once formatted as a date, when it is a date
	 * serial ({@link #SERIAL_DAYS}) — else null.
	 */
	private final LocalDateTime dateTime;

	/**
	 * The serials a number cell in General format is read as a day by (as Excel shows it once the cell is formatted as
	 * a date): five digits, 10000 to 99999 — 1927-05-18 to 2173-10-14 (1900 date system) —, so a date typed or
	 * pasted as a date whose format was later reset to General (45721 for 2025-03-05) is that day. Fewer digits are
	 * no day anyone means (3 is 1900-01-03), eight are read as 20250305 ({@link #asDate}).
	 */
	static final int SERIAL_DAYS_FROM = 10_000;

	static final int SERIAL_DAYS_TO = 99_999;

	private final boolean bool;

	/**
	 * The merged range ("D2:D5") this cell's value shows over when that range spans more than one data row; null
	 * otherwise. A number so merged is no row's number: which row it belongs to is not for the reader to guess.
	 */
	private final String mergedRange;

	private SheetCell(Kind kind, String text, BigDecimal number, boolean percent, LocalDateTime dateTime, boolean bool) {
		this(kind, text, number, percent, dateTime, bool, null);
	}

	/**
	 * What shows nothing of this cell's value in Excel, in Chinese — its number format (数字格式“;;;”, a section without
	 * the value) or its font (字体颜色#FFFFFF与底色#FFFFFF相同, 字号仅1磅; {@link SheetFonts#unseen}) —, or null: the
	 * person uploading sees nothing there, so the import refuses it ({@link SheetRows}, rule {@code hidden-content}).
	 */
	private final String concealedBy;

	private SheetCell(Kind kind, String text, BigDecimal number, boolean percent, LocalDateTime dateTime, boolean bool,
			String mergedRange) {
		this(kind, text, number, percent, dateTime, bool, mergedRange, null);
	}

	private SheetCell(Kind kind, String text, BigDecimal number, boolean percent, LocalDateTime dateTime, boolean bool,
			String mergedRange, String concealedBy) {
		this.kind = kind;
		this.text = text;
		this.number = number;
		this.percent = percent;
		this.dateTime = dateTime;
		this.bool = bool;
		this.mergedRange = mergedRange;
		this.concealedBy = concealedBy;
	}

	/** This cell as shown over the rows of a merged range (e.g. "D2:D5", A1 notation); a blank cell stays blank. */
	SheetCell mergedOver(String range) {
		return kind == Kind.BLANK ? this : new SheetCell(kind, text, number, percent, dateTime, bool, range, concealedBy);
	}

	/**
	 * This cell as Excel shows it under a format that shows nothing of its value.
	 * @param reason what hides it, in Chinese (数字格式“;;;”, 字号仅1磅)
	 */
	SheetCell concealedBy(String reason) {
		return kind == Kind.BLANK ? this : new SheetCell(kind, text, number, percent, dateTime, bool, mergedRange, reason);
	}

	/**
	 * What hides this cell's value in Excel, in Chinese (数字格式“;;;”, 字体颜色#FFFFFF与底色#FFFFFF相同, 字号仅1磅), or
	 * null when Excel shows it.
	 */
	public String concealedBy() {
		return concealedBy;
	}

	/** The merged range spanning several data rows the cell's value shows over ("D2:D5"), or null. */
	public String mergedRange() {
		return mergedRange;
	}

	/**
	 * Refuses a number read from a range merged over several rows: one typed value would count once per row (a total
	 * tripled, one figure set for four indicators in different units).
	 * @throws InvalidValueException on {@code column}, rule {@code merged}, naming the range and its rows
	 */
	private void requireUnmerged(String column) {
		if (mergedRange != null) {
			CellRangeAddress range = CellRangeAddress.valueOf(mergedRange);
			throw new InvalidValueException(column, "merged", column + "在合并单元格" + mergedRange + "中（第" + (range.getFirstRow() + 1)
					+ "–" + (range.getLastRow() + 1) + "行）：一个数值不能代表多行，请取消合并，在每行分别填写");
		}
	}

	/**
	 * A text cell; blank text is a blank cell. A cell typed in full-width forms only — besides ASCII, nothing but
	 * U+FF01–U+FF5E and the ideographic space, as a Chinese input method types a credit code, a region code or a number
	 * (９１３２…, ３２０５０６００１) — is read as the ASCII it shows, so every check and look-up sees what the message
	 * will show; text with any other character (a name, an address: 菜鸟驿站（示例店）) is kept as typed.
	 */
	public static SheetCell text(String text) {
		return text == null || Text.isBlank(text) ? BLANK : new SheetCell(Kind.TEXT, Objects.requireNonNullElse(Text.halfWidthAscii(text), text), null, false, null, false);
	}

	/**
	 * Excel's error values as it shows them (#DIV/0!, #N/A …, and those of dynamic arrays and data types: #SPILL!,
	 * #CALC! …): in upper case, as Excel itself turns a typed "#n/a" into the error.
	 */
	static final Set<String> ERROR_VALUES = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
			"#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!", "#BUSY!", "#EXTERNAL!",
			"#PYTHON!");

	/**
	 * A text cell ({@link #text(String)}), or an error cell when the text is nothing but an Excel error value
	 * ({@link #ERROR_VALUES}, spaces around it and full-width forms as {@link #text(String)} reads them): a text
	 * formula whose saved result is "#VALUE!", or an error pasted or converted into text, is the error it shows, never
	 * a value — not a name "#N/A", not "应为数字：#REF!".
	 */
	static SheetCell textOrError(String text) {
		SheetCell cell = text(text);
		if (cell.kind == Kind.TEXT && cell.text.indexOf('#') >= 0) {
			String shown = Text.strip(cell.text).toUpperCase(Locale.ROOT);
			if (ERROR_VALUES.contains(shown)) {
				return error(shown);
			}
		}
		return cell;
	}

	/**
	 * A number as stored (a percentage cell stores 0.1234 for 12.34 %). One beyond {@link Decimals#TEXT_DIGITS} integer
	 * or fraction digits ({@code 1e-999999} written into the file's XML; Excel itself stores doubles) is an error cell:
	 * reading, writing out or rounding it would cost what its exponent says.
	 */
	public static SheetCell number(BigDecimal value, boolean percent) {
		return number(value, percent, false);
	}

	/**
	 * A number as stored ({@link #number(BigDecimal, boolean)}) in a workbook whose dates count from 1900 or, when
	 * {@code date1904}, from 1904 (old Mac Excel): what decides the day a date serial in General format is
	 * ({@link #asDate}).
	 */
	static SheetCell number(BigDecimal value, boolean percent, boolean date1904) {
		if (!plausible(value)) {
			return error(OUT_OF_RANGE);
		}
		BigDecimal v = value.round(EXCEL_PRECISION).stripTrailingZeros();
		LocalDateTime serial = null;
		if (!percent && v.compareTo(BigDecimal.valueOf(SERIAL_DAYS_FROM)) >= 0
				&& v.compareTo(BigDecimal.valueOf(SERIAL_DAYS_TO + 1)) < 0) {
			serial = DateUtil.getLocalDateTime(v.doubleValue(), date1904, true);
		}
		return new SheetCell(Kind.NUMBER, null, v.signum() == 0 ? BigDecimal.ZERO : v, percent, serial, false);
	}

	/** Whether a stored number is within the digits a cell may carry (see {@link #number}); cheap for any exponent. */
	static boolean plausible(BigDecimal value) {
		return Decimals.fits(value, Decimals.TEXT_DIGITS, Decimals.TEXT_DIGITS + EXCEL_PRECISION.getPrecision());
	}

	/** The description of a number cell beyond the digits any field holds. */
	static final String OUT_OF_RANGE = "数字超出范围";

	/**
	 * The start of the description of a number cell whose stored value is no number ({@link #notANumber}): NaN,
	 * INF or Infinity — which a program may write into the file's XML and Excel never saves — or any other text.
	 */
	static final String NOT_A_NUMBER = "不是数字：";

	/**
	 * A number cell whose stored value is no number (NaN, INF, Infinity …): an error cell saying so with the value,
	 * cut to 20 characters — not an Excel error value such as #VALUE!, which the cell does not show.
	 */
	static SheetCell notANumber(String stored) {
		return error(NOT_A_NUMBER + Text.excerpt(stored, 20));
	}

	/**
	 * The description of a formula cell the file keeps without its computed result (written by a program, not saved by
	 * Excel): the reader does not compute formulas.
	 */
	static final String NO_RESULT = "公式没有计算结果";

	public static SheetCell date(LocalDateTime value) {
		return new SheetCell(Kind.DATE, null, null, false, value, false);
	}

	public static SheetCell bool(boolean value) {
		return new SheetCell(Kind.BOOLEAN, null, null, false, null, value);
	}

	/** An error value (#DIV/0!, #N/A …) or a description of why the cell has no value. */
	public static SheetCell error(String code) {
		return new SheetCell(Kind.ERROR, code, null, false, null, false);
	}

	public Kind kind() {
		return kind;
	}

	public boolean isBlank() {
		return kind == Kind.BLANK;
	}

	public boolean isError() {
		return kind == Kind.ERROR;
	}

	/**
	 * Whether this is a number cell beyond the digits any field holds ({@link #number}: {@code 1e40} or
	 * {@code 1e-999999} stored in the file), for the reader of the column to refuse by its field's own digits.
	 */
	public boolean beyondDigits() {
		return kind == Kind.ERROR && OUT_OF_RANGE.equals(text);
	}

	/** The error code of an error cell (#DIV/0!), else null. */
	public String error() {
		return kind == Kind.ERROR ? text : null;
	}

	/**
	 * The cell as text a person would type for it: text as written; a number in plain digits, unrounded (2470.58 even
	 * when shown as "2,471"; a percentage as "12.34%"); a date as 2026-03-05 (with the time if it has one); TRUE or
	 * FALSE. Null for blank and error cells.
	 */
	public String text() {
		return switch (kind) {
			case BLANK, ERROR -> null;
			case TEXT -> text;
			case NUMBER -> percent ? number.movePointRight(2).stripTrailingZeros().toPlainString() + "%" : number.toPlainString();
			case DATE -> dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? dateTime.toLocalDate().toString()
					: dateTime.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
			case BOOLEAN -> bool ? "TRUE" : "FALSE";
		};
	}

	/**
	 * A date: a date cell, a number written as 20260305, a date serial in a General-formatted cell (45721 is
	 * 2025-03-05, as Excel shows it once formatted as a date; five digits, {@link #SERIAL_DAYS_FROM}; a time fraction
	 * is ignored), or text as typed (2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 20260305; a time after it is
	 * ignored). Null when blank.
	 */
	public LocalDate asDate(String column) {
		switch (kind) {
			case BLANK:
				return null;
			case DATE:
				return dateTime.toLocalDate();
			case NUMBER:
				if (!percent && isWhole(number)) {
					LocalDate compact = compactDate(number.toBigInteger().toString());
					if (compact != null) {
						return compact;
					}
				}
				if (dateTime != null) {
					return dateTime.toLocalDate();
				}
				break;
			case TEXT:
				requireDigits(column, text, "date", "应为日期");
				String t = normalised(text);
				Matcher m = TEXT_DATE.matcher(t);
				if (m.matches()) {
					LocalDate date = date(m.group(1), m.group(2), m.group(3));
					if (date != null) {
						return date;
					}
					throw new InvalidValueException(column, "date", Wording.of("import.invalid.noSuchDate", column,
							Decimals.echo(Text.strip(text))), column + "“" + Decimals.echo(Text.strip(text)) + "”不是存在的日期");
				}
				if (COMPACT_DATE.matcher(t).matches()) {
					LocalDate compact = compactDate(t);
					if (compact != null) {
						return compact;
					}
				}
				break;
			default:
				break;
		}
		throw new InvalidValueException(column, "date", Wording.of("import.invalid.date", column), column + "应为日期" + DATE_EXAMPLES);
	}

	/** A month: a date cell (its month), 202401 as a number, a date serial in General (its month), or text (2024-01, 2024/1, 2024年1月, 202401, a date). */
	public YearMonth asMonth(String column) {
		switch (kind) {
			case BLANK:
				return null;
			case DATE:
				return YearMonth.from(dateTime);
			case NUMBER:
				Matcher digits = COMPACT_MONTH.matcher(isWhole(number) ? number.toBigInteger().toString() : "");
				if (!percent && digits.matches()) {
					YearMonth month = month(digits.group(1), digits.group(2));
					if (month != null) {
						return month;
					}
				}
				if (dateTime != null) {
					return YearMonth.from(dateTime);
				}
				break;
			case TEXT:
				requireDigits(column, text, "period", "应为年月");
				String t = normalised(text);
				Matcher m = TEXT_MONTH.matcher(t);
				Matcher c = COMPACT_MONTH.matcher(t);
				YearMonth month = m.matches() ? month(m.group(1), m.group(2)) : c.matches() ? month(c.group(1), c.group(2)) : null;
				if (month != null) {
					return month;
				}
				if (TEXT_DATE.matcher(t).matches() || COMPACT_DATE.matcher(t).matches()) {
					return YearMonth.from(asDate(column));
				}
				break;
			default:
				break;
		}
		throw new InvalidValueException(column, "period", Wording.of("import.invalid.month", column),
				column + "应为年月（如2024-01、2024/1或2024年1月）");
	}

	/** A number in the field's own terms, with no unit of its own (see {@link #asNumber(String, String)}). */
	public BigDecimal asNumber(String column) {
		return asNumber(column, null);
	}

	/**
	 * A number, unrounded, in the field's unit. A percentage — a cell shown as 12.34 % (stored 0.1234) or text
	 * "12.34%" — is a fraction scaled by what the unit says: 12.34 for a field in "%", 123.4 for "‰", the fraction
	 * itself (0.1234) for any other unit. A plain number is taken as written (12.34 in a "%" field is 12.34). Text is
	 * read as a form reads a typed number ({@link Decimals#parse}): thousands grouped by commas in threes and full-width
	 * digits are taken; digits grouped by spaces (50 000) or a comma out of its place (1,00) are refused, rule
	 * {@code thousands-separator} with the forms' message, and digits of other scripts, circled numbers and superscripts
	 * (٣, ⑩, ²) are no number, rule {@code number}; a number beyond {@link Decimals#TEXT_DIGITS} digits is refused by
	 * rule {@code digits} (a reader that knows its field's own digits states them instead). Null when blank. A number shown over several rows by a
	 * merged range is no row's: refused, rule {@code merged}, naming the range and its rows.
	 */
	public BigDecimal asNumber(String column, String unit) {
		BigDecimal fraction;
		requireUnmerged(column);
		switch (kind) {
			case BLANK:
				return null;
			case NUMBER:
				if (!percent) {
					return number;
				}
				fraction = number;
				break;
			case TEXT:
				// read as the forms read a typed number (Decimals.parse): no NFKC nor space removal of its own here —
				// they made "50 000" 50000 and a circled ⑩ or superscript ² digits, which every form refuses
				String t = Text.strip(text);
				boolean percentText = t.endsWith("%") || t.endsWith("\uFF05");
				if (percentText) {
					// the sign may stand apart from its number (12.34 %), as Excel shows a percentage
					t = Text.strip(t.substring(0, t.length() - 1));
				}
				BigDecimal parsed = text(column, t);
				if (!percentText) {
					return parsed;
				}
				fraction = parsed.movePointLeft(2);
				break;
			default:
				throw new InvalidValueException(column, "number", Wording.of("import.invalid.number", column), column + "应为数字");
		}
		int scale = "%".equals(unit) ? 2 : "‰".equals(unit) ? 3 : 0;
		BigDecimal scaled = fraction.movePointRight(scale).stripTrailingZeros();
		return scaled.scale() < 0 ? scaled.setScale(0) : scaled;
	}

	/**
	 * Number text of a cell, at most {@link Decimals#TEXT_DIGITS} integer and fraction digits: "1e-999999" is refused
	 * before anything writes it out, and an exponent form that must be expanded to be read ("1e3") is refused as typed
	 * forms refuse it (a number cell Excel stores is read apart, whatever its notation).
	 */
	private static BigDecimal text(String column, String t) {
		BigDecimal d;
		try {
			d = Decimals.parse(column, column, t, Decimals.TEXT_DIGITS, Decimals.TEXT_DIGITS);
		}
		catch (InvalidValueException ex) {
			if (ex.fieldErrors().stream().anyMatch(e -> THOUSANDS_SEPARATOR.equals(e.rule()) || "digits".equals(e.rule()))) {
				// grouped as the forms group (Decimals.ungrouped): 1,00 is told as a comma out of its place, 50 000 as
				// digits grouped by spaces — the forms' rule and message; a number beyond every field's digits
				// ("1e-40000000", 35 digits) is one, too long: rule digits, for the column's reader to state its own limit
				throw ex;
			}
			throw new InvalidValueException(column, "number", Text.isBlank(t) ? Wording.of("import.invalid.number", column)
					: Wording.of("import.invalid.numberEcho", column, Decimals.echo(t)),
					column + "应为数字" + (Text.isBlank(t) ? "" : "：" + Decimals.echo(t)));
		}
		if (d != null && d.scale() < 0) {
			// typed as text in exponent form (1e3): no number a person types, refused as the forms refuse it
			throw new InvalidValueException(column, "number", Wording.of("import.invalid.exponent", column, Decimals.echo(Text.strip(t))),
					column + "请写成普通数字，不能用科学计数法：" + Decimals.echo(Text.strip(t)));
		}
		return d;
	}

	/** The rule of a number whose digits are grouped other than by commas in threes ({@link Decimals#ungrouped}). */
	private static final String THOUSANDS_SEPARATOR = "thousands-separator";

	/**
	 * A whole number (1,234 and 30.0 are whole; 30.5 is not) an {@code int} holds: -2147483647 … 2147483647 (see
	 * {@link #asWhole}). Null when blank.
	 */
	public Integer asInteger(String column) {
		Long n = asWhole(column, -Integer.MAX_VALUE, Integer.MAX_VALUE);
		return n == null ? null : n.intValue();
	}

	/**
	 * A whole number within {@code min} … {@code max} (1,234 and 30.0 are whole; 30.5 is not). Null when blank. Text
	 * grouped other than the forms group it (50 000, 1,00) is refused as the forms refuse it: rule
	 * {@code thousands-separator} and its message; anything else that is no whole number in the range — a fraction,
	 * text, a 20-digit 编号 beyond a {@code long} — rule {@code integer}, the message stating the range
	 * ({@link Decimals#wholeIn}: "设施编号应为正整数（至多19位）" for a record's number).
	 */
	public Long asWhole(String column, long min, long max) {
		BigDecimal n;
		requireUnmerged(column);
		String refusal = column + Decimals.wholeIn(min, max);
		try {
			n = asNumber(column);
		}
		catch (InvalidValueException ex) {
			if (ex.fieldErrors().stream().anyMatch(e -> THOUSANDS_SEPARATOR.equals(e.rule()))) {
				throw ex;
			}
			throw new InvalidValueException(column, "integer", wholeIn(column, min, max, null), refusal);
		}
		if (n == null) {
			return null;
		}
		if (!isWhole(n) || n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
			throw new InvalidValueException(column, "integer", wholeIn(column, min, max, Decimals.echo(n)), refusal + "：" + Decimals.echo(n));
		}
		return n.longValueExact();
	}

	/**
	 * "是" or "否", a TRUE/FALSE cell, or the text a person types for either — TRUE/FALSE, 真/假, Y/N, YES/NO in any case
	 * and width (Ｙ is Y). Null when blank.
	 * @throws InvalidValueException on {@code column}, rule {@code yes-no}, for anything else
	 */
	public Boolean asYesNo(String column) {
		if (kind == Kind.BLANK) {
			return null;
		}
		if (kind == Kind.BOOLEAN) {
			return bool;
		}
		String t = kind == Kind.TEXT ? Text.strip(Normalizer.normalize(text, Normalizer.Form.NFKC)).toUpperCase(Locale.ROOT) : "";
		if (YES.contains(t) || NO.contains(t)) {
			return YES.contains(t);
		}
		throw new InvalidValueException(column, "yes-no", Wording.of("import.invalid.yesNo", column),
				column + "应填“是”或“否”（也可填TRUE/FALSE、真/假、Y/N）");
	}

	/**
	 * The key of a whole-number refusal ({@link Decimals#wholeIn}) where it states the range as "应为整数（min至max）",
	 * with the value echoed when {@code echo} is given; null (the Chinese only) for another wording of the range (a
	 * record's number).
	 */
	static Wording wholeIn(String column, long min, long max, String echo) {
		if (!Decimals.wholeIn(min, max).equals("应为整数（" + min + "至" + max + "）")) {
			return null;
		}
		return echo == null ? Wording.of("import.invalid.wholeIn", column, String.valueOf(min), String.valueOf(max))
				: Wording.of("import.invalid.wholeInEcho", column, String.valueOf(min), String.valueOf(max), echo);
	}

	private static boolean isWhole(BigDecimal n) {
		return Decimals.isWhole(n);
	}

	/**
	 * Refuses date or month text written with characters that only NFKC makes digits — circled (①), parenthesised
	 * (⑴), superscript and subscript (⁵, ₅) numbers, fractions (½) — or with digits of other scripts (٣, ३): a form's
	 * date field takes none of them, nor does {@link #asNumber} ("2026-①-05" is no date anyone typed as one). ASCII and
	 * full-width digits (２０２６年３月５日, as a Chinese input method types them) are read.
	 * @throws InvalidValueException on {@code column}, rule {@code rule}, naming the character
	 */
	private static void requireDigits(String column, String text, String rule, String expected) {
		int at = foreignDigitAt(text);
		if (at >= 0) {
			String digit = new String(Character.toChars(text.codePointAt(at)));
			throw new InvalidValueException(column, rule, Wording.of("import.invalid.foreignDigit", column, expected, digit,
					Decimals.echo(Text.strip(text))), column + expected + "，其中“" + digit + "”不是数字，请用0–9书写："
							+ Decimals.echo(Text.strip(text)));
		}
	}

	/**
	 * The index of the first character of {@code text} that is a digit or reads as one after NFKC but is no ASCII nor
	 * full-width digit (①, ⁵, ٣), or -1.
	 */
	static int foreignDigitAt(String text) {
		for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
			int c = text.codePointAt(i);
			if (c < 0x80 || c >= '\uFF10' && c <= '\uFF19') {
				continue;
			}
			if (Character.isDigit(c) || Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKC)
				.chars().anyMatch(d -> d >= '0' && d <= '9')) {
				return i;
			}
		}
		return -1;
	}

	private static String normalised(String text) {
		return Text.strip(Normalizer.normalize(text, Normalizer.Form.NFKC));
	}

	private static LocalDate compactDate(String digits) {
		Matcher m = COMPACT_DATE.matcher(digits);
		return m.matches() ? date(m.group(1), m.group(2), m.group(3)) : null;
	}

	private static LocalDate date(String year, String month, String day) {
		try {
			return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static YearMonth month(String year, String month) {
		try {
			return YearMonth.of(Integer.parseInt(year), Integer.parseInt(month));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return kind + (kind == Kind.BLANK ? "" : "(" + (kind == Kind.ERROR ? text : text()) + ")");
	}
}
