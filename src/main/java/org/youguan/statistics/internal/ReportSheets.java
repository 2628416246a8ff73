package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.youguan.documents.Column;
import org.youguan.documents.SheetCell;
import org.youguan.documents.SheetImport;
import org.youguan.documents.SheetRows.SheetRow;
import org.youguan.documents.SheetRows;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.statistics.Indicator;
import org.youguan.statistics.Indicators;

/**
 * A report form as an .xlsx: one row per indicator (code, name, unit, value, explanation, and last period's value for
 * reference); derived indicators are left out since they are computed. Reading checks every cell first: an unknown
 * code, a repeated code, a value that is not a number or breaks a rule no draft may break
 * ({@link ReportChecks#entryErrors}: beyond the column's digits, negative, a fraction of a count) and a bad
 * explanation are all reported at once, each with its row, and nothing is taken.
 */
public final class ReportSheets {

	static final List<String> HEADERS = List.of("指标代码", "指标名称", "单位", "本期数值", "说明", "上期数值（参考）");

	/** What a sheet yields: values and explanations by indicator code. */
	record Content(Map<String, String> values, Map<String, String> notes) {
	}

	private ReportSheets() {
	}

	static byte[] write(List<ValueLine> lines) {
		List<List<String>> rows = lines.stream()
			.filter(l -> !l.indicator().derived())
			.map(l -> List.of(l.indicator().code(), l.indicator().name(), l.indicator().unit(), l.text(),
					l.note() == null ? "" : l.note(),
					l.previous() == null ? "" : l.previous().stripTrailingZeros().toPlainString()))
			.toList();
		return new Spreadsheets().write("报表", IntStream.range(0, HEADERS.size())
			.mapToObj(i -> Column.<List<String>>of(HEADERS.get(i), r -> r.get(i), i == 1 ? 30 : 16))
			.toList(), rows);
	}

	/**
	 * Reads an uploaded report sheet: each 本期数值 as its cell's value in the indicator's unit — a percentage cell
	 * (98.5 % stored as 0.985) is 98.5 for a rate in "%", a number shown rounded ("#,##0") is taken unrounded, a formula
	 * its result. Every bad cell (unknown or repeated code, a value that is no number, an error cell, a value breaking
	 * {@link ReportChecks#entryErrors}, a bad explanation) is reported at once, each naming its row and column.
	 */
	static Content read(byte[] content, List<Indicator> indicators) {
		// codes compared however their case, width and spaces are typed (Indicators.codeKey); stored as the catalogue's
		Map<String, Indicator> entered = indicators.stream().filter(i -> !i.derived())
			.collect(Collectors.toMap(i -> Indicators.codeKey(i.code()), i -> i, (a, b) -> a));
		Set<String> derived = indicators.stream().filter(Indicator::derived).map(i -> Indicators.codeKey(i.code()))
			.collect(Collectors.toSet());
		List<SheetRow> rows = SheetRows.read(content, List.of("指标代码", "本期数值"));
		List<FieldError> errors = new ArrayList<>();
		Map<String, String> values = new HashMap<>();
		Map<String, String> notes = new HashMap<>();
		Map<String, Integer> seen = new HashMap<>();
		for (SheetRow row : rows) {
			String code = row.get("指标代码");
			String key = Indicators.codeKey(code);
			int n = row.number();
			if (code != null && derived.contains(key)) {
				errors.add(cellError(n, "指标代码", "derived", "指标" + code + "由系统计算，不能填报"));
				continue;
			}
			if (code == null) {
				// a value on a row without its code: say the code is missing, not "未知指标代码：null"
				errors.add(cellError(n, "指标代码", "required", "本行填写了数值或说明，但指标代码为空：请填写指标代码，或删除本行"));
				continue;
			}
			if (!entered.containsKey(key)) {
				// a code that looks right but holds a character that shows nothing (U+200B) is told by that character,
				// as every import tells a name it could not find (SheetImport.hiddenCharacter)
				FieldError hidden = SheetImport.hiddenCharacter("指标代码", code);
				errors.add(hidden != null ? cellError(n, "指标代码", hidden.rule(), hidden.message())
						: cellError(n, "指标代码", "indicator", "未知指标代码：" + code + "（本报表没有可填报的这个指标）"));
				continue;
			}
			Integer twin = seen.putIfAbsent(key, row.number());
			if (twin != null) {
				// told, and the row's value and explanation still checked: every error of every row in one answer
				errors.add(cellError(n, "指标代码", "unique", "指标" + code + "与第" + twin + "行重复"));
			}
			Indicator indicator = entered.get(key);
			SheetCell cell = row.cell("本期数值");
			// beyond every field's digits (1e40 stored, or typed as text): told by the indicator's own column, not
			// as an error value nor by the cell reader's loose bound
			String tooLong = Decimals.tooManyDigits(indicator.name(), ReportChecks.VALUE_INTEGER_DIGITS,
					ReportChecks.VALUE_FRACTION_DIGITS);
			if (cell.beyondDigits()) {
				errors.add(cellError(n, "本期数值", "digits", tooLong));
			}
			else if (cell.isError()) {
				errors.add(cellError(n, "本期数值", "cell-error", "错误值“" + cell.error() + "”（公式出错），请改正"));
			}
			else {
				try {
					BigDecimal value = cell.asNumber("本期数值", indicator.unit());
					if (value != null) {
						// the rules no draft may break, judged here so that they come with the row and with every
						// other bad cell of the sheet
						List<FieldError> never = ReportChecks.entryErrors(indicator, value, "本期数值");
						// one message a cell: the first rule it broke (-1.5 of a count is "不能为负数", not also "整数")
						never.stream().limit(1).forEach(e -> errors.add(cellError(n, "本期数值", e.rule(), e.message())));
						if (never.isEmpty()) {
							values.put(indicator.code(), value.toPlainString());
						}
					}
				}
				catch (InvalidValueException ex) {
					// a value merged over several rows is refused as such (naming its range), digits grouped other than
					// the forms group them (50 000, 1,00) by the forms' rule and words; anything else is no number
					FieldError refused = ex.fieldErrors().get(0);
					errors.add(cell.mergedRange() != null || "thousands-separator".equals(refused.rule())
							? cellError(n, "本期数值", refused.rule(), refused.message())
							: "digits".equals(refused.rule())
									? cellError(n, "本期数值", "digits", tooLong + "：" + Decimals.echo(Text.strip(cell.text())))
									: cellError(n, "本期数值", "number", "“" + cell.text() + "”不是数字"));
				}
			}
			String note = row.get("说明");
			if (note != null) {
				int at = Text.forbiddenAt(note);
				if (at >= 0) {
					errors.add(cellError(n, "说明", "control-character", "含有不允许的字符（" + Text.codePoint(note, at) + "）"));
				}
				else if (note.length() > ReportChecks.NOTE_LENGTH) {
					errors.add(cellError(n, "说明", "max-length", indicator.name() + "的说明不能超过" + ReportChecks.NOTE_LENGTH + "字"));
				}
				else {
					notes.put(indicator.code(), note);
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors);
		}
		return new Content(values, notes);
	}

	/**
	 * A bad cell, named as a person finds it in the sheet: field {@code 第3行“本期数值”}, the message with the row, the
	 * column and the rule's words ("第3行“本期数值”：“很多”不是数字").
	 */
	private static FieldError cellError(int row, String column, String rule, String message) {
		String where = "第" + row + "行“" + column + "”";
		return new FieldError(where, rule, where + "：" + message);
	}
}
