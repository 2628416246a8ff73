package org.youguan.statistics;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.documents.SheetRows;
import org.youguan.documents.TypedWorkbook;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.youguan.documents.TypedWorkbook.format;
import static org.youguan.documents.TypedWorkbook.formula;

/**
 * The history import reads months typed as date cells, numbers shown rounded, percentages in the indicator's unit and
 * formulas as their results.
 */
@IntegrationTest
class StatisticsHistoryCellsIntegrationTest {

	@Autowired
	HistoryImport history;

	@Autowired
	JdbcClient jdbc;

	BigDecimal fact(String code, String month) {
		return jdbc.sql("""
				SELECT value FROM stat_fact WHERE source = 'HISTORY' AND indicator_code = :code AND region_code = '3205'
				AND brand_id IS NULL AND period_start = CAST(:start AS date)""")
			.param("code", code)
			.param("start", month + "-01")
			.query(BigDecimal.class)
			.single();
	}

	@Test
	void monthsValuesAndRatesAreTheirCellsValues() {
		TypedWorkbook sheet = new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("express.revenue", format(LocalDate.of(2018, 1, 1), "yyyy\"年\"m\"月\""), 3205, "",
					format(2470.58, "#,##0")))
			.row(List.of("express.revenue", "2018年2月", "3205", "", formula("1000+235.29")))
			.row(List.of("green.ewaybill.rate", 201803, "3205", "", format(0.985, "0.00%")))
			.row(List.of("green.ewaybill.rate", "2018/4", "3205", "", "97.25%"))
			.row(List.of("express.volume.local", "2018-03", "3205", "", 1000))
			.row(List.of("express.volume.local", "2018-04", "3205", "", 1200));
		HistoryImport.Result result = history.importFile(DataScope.region("3205"), sheet.bytes());
		assertThat(result.errors()).isEmpty();
		assertThat(result.imported()).isEqualTo(6);
		assertThat(fact("express.revenue", "2018-01")).isEqualByComparingTo("2470.58");
		assertThat(fact("express.revenue", "2018-02")).isEqualByComparingTo("1235.29");
		assertThat(fact("green.ewaybill.rate", "2018-03")).isEqualByComparingTo("98.5");
		assertThat(fact("green.ewaybill.rate", "2018-04")).isEqualByComparingTo("97.25");
	}

	/**
	 * Finding: the template's 月份 was a text cell ("2020-01"), so a person filling it in Excel typed months as text the
	 * column neither sorts nor filters as dates. It is a date cell of the month's first day shown yyyy-mm (read back
	 * with POI); the import takes that cell, and months typed as 2025-03 or 2025年3月, and refuses anything else naming
	 * the row and the column.
	 */
	@Test
	void theTemplatesMonthIsAMonthCellAndTheImportTakesDateCellsAndTypedMonthsOnly() throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(history.template()))) {
			Sheet sheet = book.getSheetAt(0);
			int column = HistoryImport.HEADERS.indexOf("月份");
			assertThat(sheet.getRow(0).getCell(column).getStringCellValue()).isEqualTo("月份");
			Cell month = sheet.getRow(1).getCell(column);
			assertThat(month.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(month)).isTrue();
			assertThat(month.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm");
			assertThat(month.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2020, 1, 1));
			assertThat(new DataFormatter().formatCellValue(month)).isEqualTo("2020-01");
		}
		HistoryImport.Result result = history.importFile(DataScope.region("3205"),
				volumes(format(LocalDate.of(2017, 3, 1), "yyyy-mm"), "2017-04", "2017年5月").bytes());
		assertThat(result.errors()).isEmpty();
		assertThat(fact("express.volume.local", "2017-03")).isEqualByComparingTo("300");
		assertThat(fact("express.volume.local", "2017-04")).isEqualByComparingTo("400");
		assertThat(fact("express.volume.local", "2017-05")).isEqualByComparingTo("500");
		HistoryImport.Result refused = history.importFile(DataScope.region("3205"), volumes("2017-06", "三月", "March 2017").bytes());
		assertThat(refused.imported()).isZero();
		assertThat(refused.errors()).extracting(SheetRows.RowErrors::number).containsExactly(3, 4);
		assertThat(refused.errors()).allSatisfy(row -> assertThat(row.errors())
			.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("月份", "period")));
		assertThat(refused.errors().get(0).errors().get(0).message()).contains("月份");
	}

	/** Rows of 快递业务量（同城） of 3205, one for each month cell given, the values 300, 400, 500 … in turn. */
	static TypedWorkbook volumes(Object... months) {
		TypedWorkbook sheet = new TypedWorkbook(HistoryImport.HEADERS);
		for (int i = 0; i < months.length; i++) {
			sheet.row(List.of("express.volume.local", months[i], "3205", "", 300 + 100 * i));
		}
		return sheet;
	}

	/**
	 * 指标代码 as people type it — in capitals, full-width, with spaces around — is the catalogue's code: matched however
	 * its case and width, stored in the catalogue's (lower-case) form, and the same code twice in one file whatever
	 * its case.
	 */
	@Test
	void indicatorCodesMatchWhateverTheirCaseAndWidth() {
		TypedWorkbook sheet = new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("EXPRESS.REVENUE", "2015-01", "3205", "", 100))
			.row(List.of(" Express.Revenue\u3000", "2015-02", "3205", "", 200))
			.row(List.of("ｅｘｐｒｅｓｓ．ｒｅｖｅｎｕｅ", "2015-03", "3205", "", 300));
		HistoryImport.Result result = history.importFile(DataScope.region("3205"), sheet.bytes());
		assertThat(result.errors()).isEmpty();
		assertThat(result.imported()).isEqualTo(3);
		assertThat(fact("express.revenue", "2015-01")).isEqualByComparingTo("100");
		assertThat(fact("express.revenue", "2015-02")).isEqualByComparingTo("200");
		assertThat(fact("express.revenue", "2015-03")).isEqualByComparingTo("300");
		assertThat(jdbc.sql("SELECT count(*) FROM stat_fact WHERE indicator_code <> lower(indicator_code)").query(Long.class)
			.single()).isZero();

		TypedWorkbook twice = new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("express.revenue", "2015-04", "3205", "", 1))
			.row(List.of("EXPRESS.REVENUE", "2015-04", "3205", "", 2));
		HistoryImport.Result refused = history.importFile(DataScope.region("3205"), twice.bytes());
		assertThat(refused.imported()).isZero();
		assertThat(refused.errors()).singleElement().satisfies(row -> assertThat(row.errors()).singleElement()
			.satisfies(e -> assertThat(e.rule()).isEqualTo("unique")));
	}

	/**
	 * Attack round 27: a brand typed with a zero-width space (顺\u200B丰) looks like 顺丰 and was told "品牌不存在": the
	 * row is refused naming the character, as every name field refuses it; a brand that is not there keeps "不存在".
	 */
	@Test
	void aBrandWithAnInvisibleCharacterIsToldTheCharacterNotThatItIsMissing() {
		TypedWorkbook sheet = new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("express.revenue", "2014-01", "3205", "顺\u200B丰", 100))
			.row(List.of("express.revenue", "2014-02", "3205", "没有这个品牌", 100));
		HistoryImport.Result result = history.importFile(DataScope.region("3205"), sheet.bytes());
		assertThat(result.imported()).isZero();
		assertThat(result.errors()).hasSize(2);
		assertThat(result.errors().get(0).errors()).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("品牌");
			assertThat(e.rule()).isEqualTo("invisible-character");
			assertThat(e.message()).contains("U+200B").doesNotContain("不存在");
		});
		assertThat(result.errors().get(1).errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("品牌不存在"));
	}

	/**
	 * A rate averaged by a volume (电子面单使用率 by 快递业务量) without that volume for its region and month — in the
	 * file or imported before — would count for nothing: refused naming the field and the volume. The month is one no
	 * other test reports or imports in (2016's months are approved at random by the report-race tests).
	 */
	@Test
	void aRateWithoutTheVolumeItIsWeightedByIsRefused() {
		TypedWorkbook sheet = new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("green.ewaybill.rate", "2002-11", "3205", "", "97%"));
		HistoryImport.Result result = history.importFile(DataScope.region("3205"), sheet.bytes());
		assertThat(result.imported()).isZero();
		assertThat(result.errors()).singleElement().satisfies(row -> assertThat(row.errors()).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("指标代码");
			assertThat(e.rule()).isEqualTo("denominator");
			assertThat(e.message()).contains("express.volume");
		}));
	}

	/**
	 * A value beyond every field's digits — a number cell 1e40 stored in the file, text "1e-40000000" — is refused
	 * naming the indicator and its column's own 14 and 4 digits (rule {@code digits}), not the cell reader's loose 30.
	 */
	@Test
	void aValueBeyondEveryFieldsDigitsIsToldByTheIndicatorsOwnDigits() {
		TypedWorkbook sheet = new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("express.revenue", "2013-01", "3205", "", 1e40))
			.row(List.of("express.volume.local", "2013-02", "3205", "", "1e-40000000"));
		HistoryImport.Result result = history.importFile(DataScope.region("3205"), sheet.bytes());
		assertThat(result.imported()).isZero();
		assertThat(result.errors()).hasSize(2).allSatisfy(row -> assertThat(row.errors()).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("数值");
			assertThat(e.rule()).isEqualTo("digits");
			assertThat(e.message()).contains("超出允许的位数（最多14位整数、4位小数）").doesNotContain("30位");
		}));
		assertThat(result.errors().get(0).errors().get(0).message()).startsWith("快递业务收入");
		assertThat(result.errors().get(1).errors().get(0).message()).startsWith("快递业务量（同城）");
	}

	/**
	 * A percentage ("50%", or a cell shown as one) on an indicator not in % was read as its fraction (0.5 万元): it is
	 * refused as the report page, API and sheet refuse it (rule {@code percent}, naming the row and the indicator), and
	 * nothing is imported.
	 */
	@Test
	void aPercentageOnAnIndicatorNotInPercentIsRefusedNamingIt() {
		TypedWorkbook sheet = new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("express.revenue", "2012-01", "3205", "", "50%"))
			.row(List.of("express.volume.local", "2012-01", "3205", "", format(0.5, "0%")))
			.row(List.of("express.volume.local", "2012-02", "3205", "", 1000));
		HistoryImport.Result result = history.importFile(DataScope.region("3205"), sheet.bytes());
		assertThat(result.imported()).isZero();
		assertThat(result.errors()).hasSize(2);
		assertThat(result.errors().get(0).number()).isEqualTo(2);
		assertThat(result.errors().get(0).errors()).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("数值");
			assertThat(e.rule()).isEqualTo("percent");
			assertThat(e.message()).startsWith("快递业务收入").contains("万元");
		});
		assertThat(result.errors().get(1).number()).isEqualTo(3);
		assertThat(result.errors().get(1).errors()).singleElement().satisfies(e -> {
			assertThat(e.rule()).isEqualTo("percent");
			assertThat(e.message()).startsWith("快递业务量（同城）");
		});
		assertThat(jdbc.sql("SELECT count(*) FROM stat_fact WHERE source = 'HISTORY' AND region_code = '3205' "
				+ "AND period_start IN ('2012-01-01', '2012-02-01')").query(Long.class).single()).isZero();
	}
}
