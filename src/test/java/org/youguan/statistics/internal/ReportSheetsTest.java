package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.youguan.documents.TypedWorkbook;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.statistics.Indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.youguan.documents.TypedWorkbook.format;
import static org.youguan.documents.TypedWorkbook.formula;
import static org.youguan.documents.TypedWorkbook.formulaWithoutResult;

/**
 * A report sheet filled in Excel reads each value in its indicator's unit: a rate shown as 98.50 % is 98.5, a revenue
 * shown rounded is taken unrounded, a sum is its result; the downloaded sheet reads back as it was written.
 */
class ReportSheetsTest {

	static final Indicator RATE = new Indicator("green.ewaybill.rate", "电子面单使用率", "%", ValueType.PERCENT,
			Aggregation.WEIGHTED, "express.volume", null, "", "GREEN", 110);

	static final Indicator REVENUE = new Indicator("express.revenue", "快递业务收入", "万元", ValueType.DECIMAL, Aggregation.SUM,
			null, null, "", "NATIONAL", 90);

	static final Indicator LOCAL = new Indicator("express.volume.local", "快递业务量（同城）", "件", ValueType.INTEGER,
			Aggregation.SUM, null, null, "", "NATIONAL", 50);

	static final List<Indicator> FORM = List.of(RATE, REVENUE, LOCAL);

	@Test
	void valuesAreReadInTheirIndicatorsUnit() {
		TypedWorkbook sheet = new TypedWorkbook(ReportSheets.HEADERS)
			.row(List.of(RATE.code(), RATE.name(), "%", format(0.985, "0.00%"), "", ""))
			.row(List.of(REVENUE.code(), REVENUE.name(), "万元", format(2470.58, "#,##0"), "", ""))
			.row(List.of(LOCAL.code(), LOCAL.name(), "件", formula("1200+34"), "含春节", ""));
		ReportSheets.Content content = ReportSheets.read(sheet.bytes(), FORM);
		assertThat(new BigDecimal(content.values().get(RATE.code()))).isEqualByComparingTo("98.5");
		assertThat(new BigDecimal(content.values().get(REVENUE.code()))).isEqualByComparingTo("2470.58");
		assertThat(content.values()).containsEntry(LOCAL.code(), "1234");
		assertThat(content.notes()).containsEntry(LOCAL.code(), "含春节");
	}

	/**
	 * Attack round 28: an indicator code holding a character that shows nothing (express.revenue with U+200B inside) was
	 * told "未知指标代码：express.revenue" for a code that looks right: it is told by that character, as every import
	 * tells a name it could not find (rule {@code invisible-character}); a code truly unknown keeps its message.
	 */
	@Test
	void anIndicatorCodeWithAnInvisibleCharacterIsToldTheCharacter() {
		TypedWorkbook sheet = new TypedWorkbook(ReportSheets.HEADERS)
			.row(List.of("express.\u200Brevenue", REVENUE.name(), "万元", "12", "", ""))
			.row(List.of("express.revenu", REVENUE.name(), "万元", "12", "", ""));
		assertThatThrownBy(() -> ReportSheets.read(sheet.bytes(), FORM)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.containsExactly(Tuple.tuple("第2行“指标代码”", "invisible-character"), Tuple.tuple("第3行“指标代码”", "indicator")))
			.hasMessageContaining("U+200B");
	}

	/**
	 * A repeated indicator whose value is bad as well is told both at once — the repetition and the value —, not the
	 * repetition alone, so one upload lists every error to fix.
	 */
	@Test
	void aRepeatedIndicatorWithABadValueIsToldBoth() {
		TypedWorkbook sheet = new TypedWorkbook(ReportSheets.HEADERS)
			.row(List.of(REVENUE.code(), REVENUE.name(), "万元", "12", "", ""))
			.row(List.of(REVENUE.code(), REVENUE.name(), "万元", "约两千", "", ""));
		assertThatThrownBy(() -> ReportSheets.read(sheet.bytes(), FORM)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.containsExactly(Tuple.tuple("第3行“指标代码”", "unique"), Tuple.tuple("第3行“本期数值”", "number")));
	}

	/**
	 * Finding (enterprise statistics upload): a 说明 holding a formula was dropped silently — the note of a formula is its
	 * saved result (text or a number), and one saved without a result or giving an error value is refused naming its
	 * row and column, never taken as an empty note; an unreadable code is told as such, not as a blank code.
	 */
	@Test
	void aFormulaInTheRemarksIsItsResultOrARowErrorNeverDropped() {
		TypedWorkbook computed = new TypedWorkbook(ReportSheets.HEADERS)
			.row(List.of(REVENUE.code(), REVENUE.name(), "万元", 12, formula("\"含\"&\"春节\""), ""))
			.row(List.of(LOCAL.code(), LOCAL.name(), "件", 34, formula("30+4"), ""));
		ReportSheets.Content content = ReportSheets.read(computed.bytes(), FORM);
		assertThat(content.notes()).containsEntry(REVENUE.code(), "含春节").containsEntry(LOCAL.code(), "34");
		TypedWorkbook unreadable = new TypedWorkbook(ReportSheets.HEADERS)
			.row(List.of(REVENUE.code(), REVENUE.name(), "万元", 12, formulaWithoutResult("\"含\"&\"春节\""), ""))
			.row(List.of(LOCAL.code(), LOCAL.name(), "件", 34, formula("1/0"), ""))
			.row(List.of(formulaWithoutResult("\"express.\"&\"revenue\""), RATE.name(), "%", 98, "", ""));
		assertThatThrownBy(() -> ReportSheets.read(unreadable.bytes(), FORM))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.containsExactly(Tuple.tuple("第2行“说明”", "formula-no-result"), Tuple.tuple("第3行“说明”", "cell-error"),
						Tuple.tuple("第4行“指标代码”", "formula-no-result")))
			.hasMessageContaining("第2行“说明”：说明是公式，但文件中没有保存它的计算结果")
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors().get(1).message()).contains("#DIV/0!"));
	}

	@Test
	void anErrorCellOrTextIsReportedWithItsRow() {
		TypedWorkbook sheet = new TypedWorkbook(ReportSheets.HEADERS)
			.row(List.of(RATE.code(), RATE.name(), "%", formula("1/0"), "", ""))
			.row(List.of(REVENUE.code(), REVENUE.name(), "万元", "约两千", "", ""));
		assertThatThrownBy(() -> ReportSheets.read(sheet.bytes(), FORM)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.containsExactly(Tuple.tuple("第2行“本期数值”", "cell-error"),
						Tuple.tuple("第3行“本期数值”", "number")));
	}

	/**
	 * A value typed as text is read as the enterprise's form reads it: digits grouped by spaces or a comma out of its
	 * place break the forms' rule {@code thousands-separator} (not a bare "不是数字"), other scripts' digits are no number.
	 */
	@Test
	void aValueTypedAsTextIsJudgedByTheFormsRules() {
		TypedWorkbook sheet = new TypedWorkbook(ReportSheets.HEADERS)
			.row(List.of(RATE.code(), RATE.name(), "%", "98.5 %", "", ""))
			.row(List.of(REVENUE.code(), REVENUE.name(), "万元", "2 470.58", "", ""))
			.row(List.of(LOCAL.code(), LOCAL.name(), "件", "\u0661\u0662", "", ""));
		assertThatThrownBy(() -> ReportSheets.read(sheet.bytes(), FORM)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.containsExactly(Tuple.tuple("第3行“本期数值”", "thousands-separator"), Tuple.tuple("第4行“本期数值”", "number")))
			.hasMessageContaining("数字中间不能有空格");
		TypedWorkbook grouped = new TypedWorkbook(ReportSheets.HEADERS)
			.row(List.of(REVENUE.code(), REVENUE.name(), "万元", "2,470.58", "", ""))
			.row(List.of(LOCAL.code(), LOCAL.name(), "件", "１，２００", "", ""));
		assertThat(ReportSheets.read(grouped.bytes(), FORM).values()).containsEntry(REVENUE.code(), "2470.58")
			.containsEntry(LOCAL.code(), "1200");
	}

	/**
	 * An enterprise's sheet names its indicators however it types their codes (capitals, full-width): each is the
	 * catalogue's code, kept in that form; a negative fraction of a count is told once, by its first rule.
	 */
	@Test
	void codesMatchWhateverTheirCaseAndACellIsToldOnce() {
		TypedWorkbook sheet = new TypedWorkbook(ReportSheets.HEADERS)
			.row(List.of("EXPRESS.REVENUE", REVENUE.name(), "万元", 12, "", ""))
			.row(List.of(" ｅｘｐｒｅｓｓ．ｖｏｌｕｍｅ．ｌｏｃａｌ ", LOCAL.name(), "件", 34, "", ""));
		ReportSheets.Content content = ReportSheets.read(sheet.bytes(), FORM);
		assertThat(content.values()).containsEntry(REVENUE.code(), "12").containsEntry(LOCAL.code(), "34");
		TypedWorkbook bad = new TypedWorkbook(ReportSheets.HEADERS)
			.row(List.of(LOCAL.code(), LOCAL.name(), "件", -1.5, "", ""));
		assertThatThrownBy(() -> ReportSheets.read(bad.bytes(), FORM))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::rule).containsExactly("non-negative"));
	}

	/** Text, a negative value, a fraction of a count and a value beyond the column: all four at once, each by row. */
	@Test
	void everyBadCellIsReportedWithItsRowAtOnce() {
		TypedWorkbook sheet = new TypedWorkbook(ReportSheets.HEADERS)
			.row(List.of(RATE.code(), RATE.name(), "%", "abc", "", ""))
			.row(List.of(REVENUE.code(), REVENUE.name(), "万元", -1, "", ""))
			.row(List.of(LOCAL.code(), LOCAL.name(), "件", 1.5, "", ""));
		Indicator intercity = new Indicator("express.volume.intercity", "快递业务量（异地）", "件", ValueType.INTEGER,
				Aggregation.SUM, null, null, "", "NATIONAL", 60);
		sheet.row(List.of(intercity.code(), intercity.name(), "件", 1e17, "", ""));
		assertThatThrownBy(() -> ReportSheets.read(sheet.bytes(), List.of(RATE, REVENUE, LOCAL, intercity)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule, FieldError::message)
				.containsExactly(Tuple.tuple("第2行“本期数值”", "number", "第2行“本期数值”：电子面单使用率应为数字：“abc”不是数字"),
						Tuple.tuple("第3行“本期数值”", "non-negative", "第3行“本期数值”：快递业务收入不能为负数"),
						Tuple.tuple("第4行“本期数值”", "integer", "第4行“本期数值”：快递业务量（同城）应为整数（单位：件），不能有小数"),
						Tuple.tuple("第5行“本期数值”", "digits",
								"第5行“本期数值”：快递业务量（异地）超出允许的位数（最多14位整数、4位小数），不会自动四舍五入：100000000000000000")));
	}

	/** A row with a value but no code says the code is missing (attack round 7: "未知指标代码：null"). */
	@Test
	void aValueWithoutItsCodeIsTheCodeMissing() {
		TypedWorkbook sheet = new TypedWorkbook(ReportSheets.HEADERS)
			.row(List.of(RATE.code(), RATE.name(), "%", format(0.985, "0.00%"), "", ""))
			.row(List.of("", REVENUE.name(), "万元", 2470, "", ""));
		assertThatThrownBy(() -> ReportSheets.read(sheet.bytes(), FORM))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.containsExactly(Tuple.tuple("第3行“指标代码”", "required")))
			.hasMessageNotContaining("null");
	}

	/** Finding: 万元 keep 4 decimals and were written (and shown) with 2: the sheet shows what is kept. */
	@Test
	void tenThousandYuanAreWrittenWithTheFourDecimalsKept() throws Exception {
		assertThat(REVENUE.decimals()).isEqualTo(4);
		assertThat(LOCAL.decimals()).isZero();
		assertThat(RATE.decimals()).isEqualTo(2);
		byte[] written = ReportSheets.write(List.of(new ValueLine(REVENUE, new BigDecimal("2470.5812"), null, null, null)));
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(written))) {
			var cell = book.getSheetAt(0).getRow(1).getCell(3);
			assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("#,##0.0000");
			assertThat(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell)).isEqualTo("2,470.5812");
		}
	}

	@Test
	void theDownloadedSheetReadsBackAsWritten() {
		byte[] written = ReportSheets.write(List.of(new ValueLine(RATE, new BigDecimal("98.5"), null, null, null),
				new ValueLine(REVENUE, new BigDecimal("2470.58"), "说明", new BigDecimal("2300"), null),
				new ValueLine(LOCAL, null, null, null, null)));
		ReportSheets.Content content = ReportSheets.read(written, FORM);
		assertThat(content.values()).containsEntry(RATE.code(), "98.5").containsEntry(REVENUE.code(), "2470.58")
			.doesNotContainKey(LOCAL.code());
		assertThat(content.notes()).containsEntry(REVENUE.code(), "说明");
	}

	/**
	 * A value beyond every field's digits — a number cell 1e40 stored in the file, or text "1e-40000000" or 35 digits —
	 * is refused naming its indicator and the column's own 14 and 4 digits (rule {@code digits}), not as an error value
	 * nor by the cell reader's loose 30 digits.
	 */
	@Test
	void aValueBeyondEveryFieldsDigitsIsToldByItsIndicatorsOwnDigits() {
		TypedWorkbook sheet = new TypedWorkbook(ReportSheets.HEADERS)
			.row(List.of(RATE.code(), RATE.name(), "%", 1e40, "", ""))
			.row(List.of(REVENUE.code(), REVENUE.name(), "万元", "1e-40000000", "", ""))
			.row(List.of(LOCAL.code(), LOCAL.name(), "件", "1".repeat(35), "", ""));
		assertThatThrownBy(() -> ReportSheets.read(sheet.bytes(), FORM)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> {
				List<FieldError> errors = ((InvalidValueException) ex).fieldErrors();
				assertThat(errors).extracting(FieldError::field, FieldError::rule).containsExactly(
						Tuple.tuple("第2行“本期数值”", "digits"), Tuple.tuple("第3行“本期数值”", "digits"),
						Tuple.tuple("第4行“本期数值”", "digits"));
				assertThat(errors.get(0).message()).contains("电子面单使用率超出允许的位数（最多14位整数、4位小数）");
				assertThat(errors.get(1).message()).contains("快递业务收入超出允许的位数（最多14位整数、4位小数）");
				assertThat(errors.get(2).message()).contains("快递业务量（同城）超出允许的位数（最多14位整数、4位小数）");
				assertThat(errors).extracting(FieldError::message).noneMatch(m -> m.contains("30位") || m.contains("错误值"));
			});
	}
}
