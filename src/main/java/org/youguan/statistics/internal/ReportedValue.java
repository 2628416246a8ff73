package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import org.youguan.documents.SheetCell;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;
import org.youguan.statistics.Indicator;

/**
 * The one reading of a value an enterprise reports for an indicator, wherever it comes from — typed on the report page,
 * sent by the API (a JSON number as written, or text), or a cell of an uploaded report sheet (a number Excel stores, or
 * text) — so that the same value is the same number, or the same refusal, on all three.
 * <p>
 * Accepted: ASCII digits or the full-width ones a Chinese input method types (１２３), spaces around them
 * ({@link Text#strip}), an optional sign ({@code -0} is 0; any other negative value is refused), a decimal point,
 * thousands grouped by commas in threes (1,234; {@link Decimals#ungrouped}); for an indicator in % a percent sign after
 * the number (99.5% is 99.5 — the indicator's unit). A sheet's number cell is its stored value (Excel's 15 significant
 * digits, so 0.1+0.2 is 0.3; a cell shown as a percentage is that percentage). The digits a value may have are the
 * column's 14 integer digits, and after the point those of the indicator's unit: none for counts (件, 个, 人次, 辆), 4
 * for 万元 (to the yuan), 2 for % ({@link ReportChecks#fractionDigits}).
 * <p>
 * Refused, each on the value's field with its rule, naming the indicator: a percent sign (or a cell shown as a
 * percentage) on an indicator not in % ({@code percent}); exponent notation, 2.4e6 or 1.0E3 ({@code exponent}; one
 * beyond the column's digits, 1e17, is told by {@code digits}); text
 * that is no number, digits of other scripts ({@code number}); commas out of their place, digits grouped by spaces
 * ({@code thousands-separator}); a currency sign or unit ({@code currency}); more digits than the column
 * ({@code digits}); a fraction of a count ({@code integer}); more decimals than a rate's two ({@code decimals}); a
 * negative value ({@code non-negative}). One refusal a value: the first rule it breaks.
 */
public final class ReportedValue {

	/**
	 * The reading rules above as the API's document states them for every endpoint taking reported values (an annotation
	 * constant: the rules told and the rules applied are this class), exponent notation among the refused.
	 */
	static final String API_RULES = "values的数值按统一规则读取（页面、接口和上传的Excel相同）：可为JSON数字或文本，接受半角或全角数字、"
			+ "前后空格、正确的千分位逗号（1,234）、单位为%的指标数值后的百分号（99.5%）；逐项返回400并指明规则的有："
			+ "科学计数法（1e5、2.4E6，规则exponent；超出位数的1e17为规则digits）、不是数字（规则number）、错位的逗号或用空格分组"
			+ "（规则thousands-separator）、货币符号或单位（规则currency）、超出14位整数或单位允许的小数位（规则digits）、"
			+ "计数指标的小数（规则integer）、比率超过两位小数（规则decimals）、负数（规则non-negative）、"
			+ "单位不是%的指标写百分号（规则percent）。";

	/** A number in exponent notation as typed (after NFKC): 2.4e6, 1.0E3, -1e-2. */
	private static final Pattern EXPONENT = Pattern.compile("[+-]?[0-9.,]*[0-9][0-9.,]*[eE][+-]?[0-9]+");

	private ReportedValue() {
	}

	/**
	 * The value typed or sent as text (a JSON number as written), in the indicator's unit; null when blank.
	 * @param field the field a refusal names ({@code values.<code>}, or a sheet's cell)
	 * @throws InvalidValueException one error on {@code field}, rule as the class describes
	 */
	public static BigDecimal read(Indicator indicator, String field, String text) {
		if (text == null || Text.isBlank(text)) {
			return null;
		}
		String t = Text.strip(text);
		String ascii = Decimals.ascii(t);
		String shown = ascii == null ? t : ascii;
		if (shown.endsWith("%")) {
			if (indicator.valueType() != ValueType.PERCENT) {
				throw new InvalidValueException(field, "percent", Wording.of("statistics.invalid.noPercent", indicator.name(), indicator.unit(), Decimals.echo(t)), indicator.name() + "的单位是" + indicator.unit()
						+ "，不能填百分数，请填写" + indicator.unit() + "数：" + Decimals.echo(t));
			}
			t = Text.strip(shown.substring(0, shown.length() - 1));
			shown = t;
		}
		if (EXPONENT.matcher(shown).matches()) {
			// beyond the column whatever its notation (1e17, 1e-40000000): told by the digits, the more telling rule
			parse(indicator, field, shown, text);
			throw new InvalidValueException(field, "exponent", Wording.of("statistics.invalid.exponent", indicator.name(), Decimals.echo(Text.strip(text))), indicator.name() + "请写成普通数字（如2400000），不能用科学计数法："
					+ Decimals.echo(Text.strip(text)));
		}
		BigDecimal value = parse(indicator, field, t, text);
		if (value == null) {
			// a lone percent sign
			throw noNumber(indicator, field, text);
		}
		List<FieldError> never = ReportChecks.entryErrors(indicator, value, field);
		if (!never.isEmpty()) {
			// a negative value worded by its key (the reader's language on a page, a refused import's table and sheet)
			throw new InvalidValueException(never.subList(0, 1), "non-negative".equals(never.get(0).rule())
					? Wording.of("import.invalid.negative", indicator.name()) : null);
		}
		return plain(value);
	}

	/**
	 * {@code t} read with the column's digits ({@link Decimals#parse}: thousands, currency, full-width digits), its
	 * refusals worded one way whatever path the value came by: no number «快递业务量应为数字：“很多”不是数字», too many
	 * digits as {@link ReportChecks#entryErrors} words them.
	 * @param typed the value as it came, for the message
	 */
	private static BigDecimal parse(Indicator indicator, String field, String t, String typed) {
		try {
			return Decimals.parse(field, indicator.name(), t, ReportChecks.VALUE_INTEGER_DIGITS,
					ReportChecks.VALUE_FRACTION_DIGITS);
		}
		catch (InvalidValueException ex) {
			String rule = ex.fieldErrors().get(0).rule();
			if ("number".equals(rule)) {
				throw noNumber(indicator, field, typed);
			}
			if ("digits".equals(rule) && indicator.valueType() == ValueType.INTEGER && fraction(field, indicator, t)) {
				// a count has no decimals at all: 1.00001 件 is told it must be whole, not that it has one decimal too many
				throw new InvalidValueException(field, "integer", ReportChecks.wholeMessage(indicator) + "："
						+ Decimals.echo(Text.strip(typed)));
			}
			if ("digits".equals(rule)) {
				throw new InvalidValueException(field, "digits", Wording.of("statistics.invalid.digits", indicator.name(), Decimals.digitsWording(ReportChecks.VALUE_INTEGER_DIGITS, ReportChecks.VALUE_FRACTION_DIGITS), Decimals.echo(Text.strip(typed))), Decimals.tooManyDigits(indicator.name(),
						ReportChecks.VALUE_INTEGER_DIGITS, ReportChecks.VALUE_FRACTION_DIGITS) + "，不会自动四舍五入："
						+ Decimals.echo(Text.strip(typed)));
			}
			throw ex;
		}
	}

	/**
	 * Whether {@code t}, a plain number beyond the column's fraction digits, has integer digits the column holds: then
	 * only its fraction is too long. Exponent notation is not expanded here (1e-40000000 stays a digits refusal).
	 */
	private static boolean fraction(String field, Indicator indicator, String t) {
		if (t.indexOf('e') >= 0 || t.indexOf('E') >= 0) {
			return false;
		}
		try {
			Decimals.parse(field, indicator.name(), t, ReportChecks.VALUE_INTEGER_DIGITS, Math.max(t.length(), 1));
			return true;
		}
		catch (InvalidValueException ex) {
			return false;
		}
	}

	private static InvalidValueException noNumber(Indicator indicator, String field, String typed) {
		return new InvalidValueException(field, "number", Wording.of("statistics.invalid.notNumber", indicator.name(), Decimals.echo(Text.strip(typed))), indicator.name() + "应为数字：“" + Decimals.echo(Text.strip(typed))
				+ "”不是数字");
	}

	/**
	 * A cell of an uploaded report sheet, read as {@link #read(Indicator, String, String)} reads what it shows: a number
	 * cell as its stored value written out (a percentage cell as "98.5%", which only an indicator in % takes), text as
	 * typed; null when blank. An error cell, a number beyond every field's digits, a date or a yes/no cell is refused
	 * (rules {@code cell-error}, {@code digits}, {@code number}); a value merged over several rows by its rule
	 * {@code merged} ({@link SheetCell#asNumber}).
	 * @throws InvalidValueException one error on {@code field}
	 */
	public static BigDecimal read(Indicator indicator, String field, SheetCell cell) {
		if (cell.beyondDigits()) {
			throw new InvalidValueException(field, "digits", Decimals.tooManyDigits(indicator.name(),
					ReportChecks.VALUE_INTEGER_DIGITS, ReportChecks.VALUE_FRACTION_DIGITS));
		}
		if (cell.isError()) {
			throw new InvalidValueException(field, "cell-error", Wording.of("statistics.invalid.cellError", cell.error()), "错误值“" + cell.error() + "”（公式出错），请改正");
		}
		if (cell.mergedRange() != null) {
			cell.asNumber(field); // refused on its rule merged, naming the range
		}
		return switch (cell.kind()) {
			case BLANK -> null;
			case NUMBER, TEXT -> read(indicator, field, cell.text());
			default -> throw noNumber(indicator, field, String.valueOf(cell.text()));
		};
	}

	/** {@code v} as JSON and text write it: 60, not 60.0000 (the column's scale) nor 6E+1; null stays null. */
	public static BigDecimal plain(BigDecimal v) {
		if (v == null) {
			return null;
		}
		BigDecimal s = Decimals.tame(v).stripTrailingZeros();
		return s.scale() < 0 ? s.setScale(0) : s;
	}
}
