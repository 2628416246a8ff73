package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.youguan.kernel.Decimals;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.statistics.Indicator;

/**
 * The validation rules of a report, as pure functions of its values (so each rule has its unit test): every entered
 * indicator present, non-negative, whole where it counts things, rates at most 100 %, the cross-indicator rules
 * (e.g. 业务收入 ≥ 快递业务收入), and a jump against the previous period or the same period last year beyond the
 * threshold needs the reporter's explanation. Errors name the field as the report's JSON body does:
 * {@code values.<indicator code>} ({@link #field}), the name a JSON type error of the same value carries.
 */
public final class ReportChecks {

	/** A rule between two formulas, e.g. {@code postal.revenue >= express.revenue}. */
	public record Rule(String code, String leftFormula, String operator, String rightFormula, String message) {
	}

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * The integer digits a reported value may have: its column is numeric(20, 4), and the rollups (numeric(24, 4)) must
	 * still hold the sum of a million of them.
	 */
	public static final int VALUE_INTEGER_DIGITS = 14;

	/** The fraction digits a reported value may have (its column's scale). */
	public static final int VALUE_FRACTION_DIGITS = 4;

	/** The most characters of an indicator's explanation (说明). */
	public static final int NOTE_LENGTH = 300;

	private ReportChecks() {
	}

	/** The field an indicator's value is named by in errors: {@code values.express.volume.local}, as in the JSON body. */
	public static String field(String code) {
		return "values." + code;
	}

	/** The field an indicator's note is named by in errors: {@code notes.express.volume.local}, as in the JSON body. */
	public static String noteField(String code) {
		return "notes." + code;
	}

	/** The decimals a rate in % may have (99.25 %): a rate is stated to hundredths of a percent. */
	public static final int RATE_FRACTION_DIGITS = 2;

	/**
	 * The decimals a value of the indicator may have, by its unit: none for counts (件, 个, 人次, 辆: {@link ValueType#INTEGER}),
	 * {@link #RATE_FRACTION_DIGITS} for a rate in %, the column's {@link #VALUE_FRACTION_DIGITS} otherwise (万元 to the yuan).
	 */
	public static int fractionDigits(Indicator i) {
		return switch (i.valueType()) {
			case INTEGER -> 0;
			case PERCENT -> RATE_FRACTION_DIGITS;
			case DECIMAL -> VALUE_FRACTION_DIGITS;
		};
	}

	/** "快递业务量应为整数（单位：件），不能有小数". */
	public static String wholeMessage(Indicator i) {
		return i.name() + "应为整数（单位：" + i.unit() + "），不能有小数";
	}

	/**
	 * The rules a value is refused on wherever it is entered, even in a draft — the enterprise's form and API, its
	 * uploaded sheet, the bureau's history import, a target: at most the column's digits ({@link #VALUE_INTEGER_DIGITS},
	 * {@link #VALUE_FRACTION_DIGITS}; beyond them no other rule is judged, so a huge exponent costs nothing), not
	 * negative (nothing counted or summed is below zero), whole where the indicator counts things (件, 家, 人:
	 * {@link ValueType#INTEGER}), at most 100 where it is a share in percent ({@link ValueType#PERCENT}: a draft of 250 %
	 * was kept and refused only when sent), at most two decimals for a rate ({@link #fractionDigits}). One error per
	 * value, the most specific in that order: −150 % is told it is negative, not also above 100 % or 2 decimals over.
	 * @param v the value in the indicator's unit
	 * @param field the field the errors name ({@link #field} on a form, the cell on a sheet)
	 * @return the broken rule (rule {@code digits}, {@code non-negative}, {@code integer}, {@code rate} or
	 * {@code decimals}), empty when the value is good
	 */
	public static List<FieldError> entryErrors(Indicator i, BigDecimal v, String field) {
		List<FieldError> digits = new Validation().fits(field, i.name(), v, VALUE_INTEGER_DIGITS, VALUE_FRACTION_DIGITS)
			.errors();
		if (!digits.isEmpty()) {
			return digits.subList(0, 1);
		}
		if (v.signum() < 0) {
			return List.of(new FieldError(field, "non-negative", i.name() + "不能为负数"));
		}
		if (i.valueType() == ValueType.INTEGER && !Decimals.isWhole(v)) {
			return List.of(new FieldError(field, "integer", wholeMessage(i)));
		}
		if (i.valueType() == ValueType.PERCENT && v.compareTo(HUNDRED) > 0) {
			return List.of(new FieldError(field, "rate", i.name() + "不能超过100%"));
		}
		if (i.valueType() == ValueType.PERCENT && !Decimals.fits(v, VALUE_INTEGER_DIGITS, RATE_FRACTION_DIGITS)) {
			return List.of(new FieldError(field, "decimals", i.name() + "最多保留" + RATE_FRACTION_DIGITS + "位小数（单位：" + i.unit()
					+ "）：" + Decimals.echo(v)));
		}
		return List.of();
	}

	/**
	 * The rules one value of an indicator meets to be submitted or imported — the enterprise's report, the bureau's
	 * history import, a target: those of {@link #entryErrors} (a draft is held to the same, the rate's 100 % included).
	 * @param v the value in the indicator's unit
	 * @param field the field the errors name ({@link #field} on a form, the column on a sheet)
	 * @return at most one broken rule, empty when the value is good
	 */
	public static List<FieldError> valueErrors(Indicator i, BigDecimal v, String field) {
		return entryErrors(i, v, field);
	}

	/** The entered values with the derived indicators of the form computed from them. */
	public static Map<String, BigDecimal> withDerived(List<Indicator> indicators, Map<String, BigDecimal> entered) {
		Map<String, BigDecimal> all = new HashMap<>(entered);
		for (Indicator i : indicators) {
			if (i.derived()) {
				BigDecimal v = i.parsedFormula().evaluate(all);
				if (v != null) {
					all.put(i.code(), v);
				}
			}
		}
		return all;
	}

	public static List<FieldError> check(List<Indicator> indicators, Map<String, ReportValue> values, List<Rule> rules,
			Map<String, BigDecimal> previous, Map<String, BigDecimal> lastYear, BigDecimal thresholdPercent) {
		List<FieldError> errors = new ArrayList<>();
		Map<String, BigDecimal> entered = new HashMap<>();
		for (Indicator i : indicators) {
			if (i.derived()) {
				continue;
			}
			ReportValue rv = values.get(i.code());
			BigDecimal v = rv == null ? null : rv.value();
			if (v == null) {
				errors.add(new FieldError(field(i.code()), "required", "请填写" + i.name() + "（无业务填0）"));
				continue;
			}
			entered.put(i.code(), v);
			List<FieldError> own = valueErrors(i, v, field(i.code()));
			errors.addAll(own);
			String note = rv.note() == null ? "" : Text.strip(rv.note());
			// one error per value: a value refused on its own (a rate of 250 %) is not also told it moved too much
			if (own.isEmpty() && note.isEmpty()) {
				// and told once: against the previous period, else against the same period last year
				int before = errors.size();
				jump(i, v, previous.get(i.code()), "上期", thresholdPercent, errors);
				if (errors.size() == before) {
					jump(i, v, lastYear.get(i.code()), "上年同期", thresholdPercent, errors);
				}
			}
		}
		Map<String, BigDecimal> all = withDerived(indicators, entered);
		errors.addAll(derivedErrors(indicators, all));
		for (Rule rule : broken(rules, all)) {
			errors.add(new FieldError(field(Formula.parse(rule.leftFormula()).codes().iterator().next()), "rule:" + rule.code(),
					rule.message()));
		}
		return errors;
	}

	/**
	 * What refuses an indicator's note (说明) wherever it is entered — the form, the API, the sheet: the kernel's text
	 * checks as the 填报说明 has them ({@code Validation#maxLength}: at most {@link #NOTE_LENGTH} characters counted
	 * as characters, not UTF-16 units; no stacked combining marks; no markup, being shown on the pages and sheets and
	 * in the bureau's review as typed).
	 * @param field the field the errors name ({@link #noteField}, or the sheet's column)
	 * @return the refusals, empty for a good note or none
	 */
	public static List<FieldError> noteErrors(Indicator i, String field, String note) {
		return new Validation().maxLength(field, i.name() + "的说明", note, NOTE_LENGTH).errors();
	}

	/**
	 * The derived values that would not fit their column: each computed from values that fit (three volumes of 14
	 * digits add up to 15), so a report is refused before it is saved rather than its facts and every growth read
	 * from them (a bulletin's 增长3783333381.3%) being nonsense.
	 * @param values every value, derived ones included ({@link #withDerived})
	 * @return one error per derived indicator beyond {@link #VALUE_INTEGER_DIGITS} integer digits, on its
	 * {@link #field}, rule {@code digits}
	 */
	static List<FieldError> derivedErrors(List<Indicator> indicators, Map<String, BigDecimal> values) {
		List<FieldError> errors = new ArrayList<>();
		for (Indicator i : indicators) {
			BigDecimal v = values.get(i.code());
			if (i.derived() && v != null && Decimals.integerDigits(v) > VALUE_INTEGER_DIGITS) {
				errors.add(new FieldError(field(i.code()), "digits", i.name() + "由系统按所填数值计算，结果超过"
						+ VALUE_INTEGER_DIGITS + "位整数（" + v.setScale(0, RoundingMode.DOWN).toPlainString() + "），请核对所填数值"));
			}
		}
		return errors;
	}

	/**
	 * The cross-indicator rules these values break (业务收入 ≥ 邮政寄递服务收入 + 快递业务收入 …), the one place they are
	 * judged for an enterprise's report and for the bureau's history import alike. A rule reading a value that is
	 * absent (an indicator the form does not carry, a value not imported) is not judged.
	 * @param rules the catalogue's rules ({@code stat_rule})
	 * @param values every value known, derived ones included ({@link #withDerived}), by indicator code
	 * @return the rules broken, in the order given
	 */
	public static List<Rule> broken(List<Rule> rules, Map<String, BigDecimal> values) {
		List<Rule> broken = new ArrayList<>();
		for (Rule rule : rules) {
			BigDecimal l = Formula.parse(rule.leftFormula()).evaluate(values);
			BigDecimal r = Formula.parse(rule.rightFormula()).evaluate(values);
			if (l == null || r == null) {
				continue; // the rule reads indicators this form does not carry, or values already reported missing
			}
			int cmp = l.compareTo(r);
			boolean ok = switch (rule.operator()) {
				case "=" -> cmp == 0;
				case "<=" -> cmp <= 0;
				default -> cmp >= 0;
			};
			if (!ok) {
				broken.add(rule);
			}
		}
		return broken;
	}

	/**
	 * A computed percentage as a message states it, in groups of three (14,512,348,317.2): eleven digits in a row would
	 * read as a mobile number, and every message is masked for those ({@code Masking#personalNumbersIn}).
	 */
	static String grouped(BigDecimal percent) {
		return String.format(Locale.ROOT, "%,." + Math.max(percent.scale(), 0) + "f", percent);
	}

	/** A change beyond the threshold against a base value, unless the base is zero or absent. */
	static void jump(Indicator i, BigDecimal value, BigDecimal base, String against, BigDecimal thresholdPercent,
			List<FieldError> errors) {
		if (base == null || base.signum() == 0) {
			return;
		}
		// toward zero: the change stated is the one compared, never beyond what it is (a fall of 99.97 % is not 100.0 %)
		BigDecimal change = Percentages.change(value, base, 1);
		if (change.abs().compareTo(thresholdPercent) > 0) {
			errors.add(new FieldError(field(i.code()), "jump", i.name() + "较" + against + (change.signum() > 0 ? "增长" : "下降")
					+ grouped(change.abs()) + "%，超过" + thresholdPercent.stripTrailingZeros().toPlainString()
					+ "%，请在说明中写明原因"));
		}
	}
}
