package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.youguan.documents.Column;
import org.youguan.documents.SheetNumber;
import org.youguan.documents.SheetImport;
import org.youguan.documents.SheetRows.SheetRow;
import org.youguan.documents.SheetRows;
import org.youguan.documents.Spreadsheets;
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

	/**
	 * The report as a sheet to fill: 本期数值 and 上期数值 as numeric cells shown with the indicator's decimals
	 * ({@link SheetNumber}, {@link Indicator#decimals}: #,##0 for a count, #,##0.0000 for 万元, #,##0.00 for %), exact — a value beyond the 15 digits a numeric
	 * cell holds is written as its exact digits in text, which {@link #read} reads back the same.
	 */
	static byte[] write(List<ValueLine> lines) {
		List<List<Object>> rows = lines.stream()
			.filter(l -> !l.indicator().derived())
			.map(l -> Arrays.<Object>asList(l.indicator().code(), l.indicator().name(), l.indicator().unit(),
					SheetNumber.of(l.value(), l.indicator().decimals()), l.note() == null ? "" : l.note(),
					SheetNumber.of(l.previous(), l.indicator().decimals())))
			.toList();
		return new Spreadsheets().write("报表", IntStream.range(0, HEADERS.size())
			.mapToObj(i -> Column.<List<Object>>of(HEADERS.get(i), r -> r.get(i), i == 1 ? 30 : 16))
			.toList(), rows);
	}

	/**
	 * Reads an uploaded report sheet: each 本期数值 by the one reading of a reported value ({@link ReportedValue}, as
	 * the page and the API read it) — a percentage cell (98.5 % stored as 0.985) is 98.5 for a rate in "%" and refused on
	 * any other indicator (rule {@code percent}), a number shown rounded ("#,##0") is taken unrounded, a formula its
	 * result, text as typed. A row with a 说明 and no value keeps that note; one with neither code nor value but a 说明
	 * is refused naming its row. A formula in any column is its saved result (a text formula in 说明 is its text); one
	 * saved without a result, or an error value (#N/A), is refused naming its row and column
	 * ({@link SheetImport#unreadable}) — never read as blank, so no note is silently dropped. Every bad cell (unknown or repeated code, a value that is no number, an error cell, a value breaking
	 * {@link ReportChecks#entryErrors}, a bad explanation) is reported at once, each naming its row and column.
	 */
	static Content read(byte[] content, List<Indicator> indicators) {
		// codes compared however their case, width and spaces are typed (Indicators.codeKey); stored as the catalogue's
		Map<String, Indicator> entered = indicators.stream().filter(i -> !i.derived())
			.collect(Collectors.toMap(i -> Indicators.codeKey(i.code()), i -> i, (a, b) -> a));
		Set<String> derived = indicators.stream().filter(Indicator::derived).map(i -> Indicators.codeKey(i.code()))
			.collect(Collectors.toSet());
		// 说明 is read too: a row holding only an explanation is no empty row (its code is asked for, or the note kept)
		List<SheetRow> rows = SheetRows.read(content, List.of("指标代码", "本期数值"), List.of("说明"));
		List<FieldError> errors = new ArrayList<>();
		Map<String, String> values = new HashMap<>();
		Map<String, String> notes = new HashMap<>();
		Map<String, Integer> seen = new HashMap<>();
		for (SheetRow row : rows) {
			String code = row.get("指标代码");
			String key = Indicators.codeKey(code);
			int n = row.number();
			FieldError unreadableCode = SheetImport.unreadable("指标代码", row.cell("指标代码"), SheetImport.ValueKind.TEXT);
			if (unreadableCode != null) {
				// a formula or #N/A where the code goes: told as such, not as a code left blank
				errors.add(cellError(n, "指标代码", unreadableCode.rule(), unreadableCode.message()));
				continue;
			}
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
			// the one reading of a reported value, as the page and the API read it: a number cell as its stored value,
			// a percentage cell or "99.5%" only for a rate, text as typed
			FieldError unreadableValue = SheetImport.unreadable("本期数值", row.cell("本期数值"), SheetImport.ValueKind.NUMBER);
			if (unreadableValue != null) {
				errors.add(cellError(n, "本期数值", unreadableValue.rule(), unreadableValue.message()));
			}
			else {
				try {
					BigDecimal value = ReportedValue.read(indicator, "本期数值", row.cell("本期数值"));
					if (value != null) {
						values.put(indicator.code(), value.toPlainString());
					}
				}
				catch (InvalidValueException ex) {
					FieldError refused = ex.fieldErrors().get(0);
					errors.add(cellError(n, "本期数值", refused.rule(), refused.message()));
				}
			}
			String note = row.get("说明");
			// a formula is its saved result (text, a number); one saved without a result, or an error value (#N/A),
			// has none to keep: the row is refused naming the column — never read as an empty note and dropped
			FieldError unreadableNote = SheetImport.unreadable("说明", row.cell("说明"), SheetImport.ValueKind.TEXT);
			if (unreadableNote != null) {
				errors.add(cellError(n, "说明", unreadableNote.rule(), unreadableNote.message()));
			}
			else if (note != null) {
				int at = Text.forbiddenAt(note);
				if (at >= 0) {
					errors.add(cellError(n, "说明", "control-character", "含有不允许的字符（" + Text.codePoint(note, at) + "）"));
				}
				else {
					// as the form's and the API's notes are checked (ReportChecks.noteErrors), named by the cell's row
					List<FieldError> refused = ReportChecks.noteErrors(indicator, "说明", note);
					refused.forEach(e -> errors.add(cellError(n, "说明", e.rule(), e.message())));
					if (refused.isEmpty()) {
						notes.put(indicator.code(), note);
					}
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
