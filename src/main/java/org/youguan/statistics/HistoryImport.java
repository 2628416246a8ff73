package org.youguan.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.ImportResult;
import org.youguan.documents.SheetImport;
import org.youguan.documents.SheetRows.SheetRow;
import org.youguan.documents.ImportPages;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.documents.SheetRows;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.RegionPrefix;
import org.youguan.region.Regions;
import org.youguan.registry.Brands;
import org.youguan.statistics.internal.Aggregation;
import org.youguan.statistics.internal.ReportChecks;

/**
 * Imports past years' totals (by region, optionally brand, and month) from .xlsx so that year-on-year growth works
 * from day one, on the shape every import shares ({@link SheetImport}). Every row is checked first — indicator known and entered (not derived), month
 * (one that has ended), region in scope, brand, a number meeting the indicator's rules as the enterprise form does
 * ({@link ReportChecks#valueErrors}: within the column's digits, non-negative, whole for counts, at most 100 for rates), no repeated key, no enterprise reports already approved for that region and month — and one
 * bad row imports nothing. A row for a key imported before replaces it.
 */
@Service
public class HistoryImport {

	static final List<String> HEADERS = List.of("指标代码", "月份", "行政区划代码", "品牌", "数值");

	/** The template's example row: refused when left in a sheet (it is not data). */
	static final List<String> EXAMPLE = List.of("express.volume.intercity", "2020-01", "3205", "顺丰", "12345678");

	/** The outcome: rows imported (of which replaced), or every bad row with the annotated sheet. */
	public record Result(int imported, int replaced, List<RowErrors> errors, byte[] annotated)
			implements ImportPages.Outcome {
	}

	private record Row(Indicator indicator, YearMonth month, String region, Long brand, BigDecimal value) {
	}

	private final Indicators indicators;

	private final Regions regions;

	private final Brands brands;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final StatisticsRollup rollup;

	private final Clock clock;

	HistoryImport(Indicators indicators, Regions regions, Brands brands, JdbcClient jdbc, AuditTrail audit,
			StatisticsRollup rollup, Clock clock) {
		this.clock = clock;
		this.rollup = rollup;
		this.indicators = indicators;
		this.regions = regions;
		this.brands = brands;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public byte[] template() {
		return SheetRows.template("历史数据", HEADERS, EXAMPLE);
	}

	@Transactional
	public Result importFile(DataScope scope, byte[] content) {
		Map<String, Indicator> catalogue = indicators.byCode();
		// a code however its case, width and spaces are typed (EXPRESS.VOLUME.INTERCITY); stored as the catalogue's
		Map<String, Indicator> byKey = indicators.byCodeKey();
		SheetImport.Twins keys = new SheetImport.Twins();
		int[] replaced = { 0 };
		ImportResult result = SheetImport.runPrepared(content, HEADERS, Map.of(), rows -> {
			Set<String> inFile = rows.stream().map(HistoryImport::key).filter(Objects::nonNull).collect(Collectors.toSet());
			return (r, context) -> {
				if (context.refuseExample(r, HEADERS, EXAMPLE)) {
					return null;
				}
				Indicator indicator = byKey.get(Indicators.codeKey(r.get("指标代码")));
				if (indicator == null) {
					context.fail("指标代码", "exists", "没有该指标：" + r.get("指标代码"));
				}
				else if (indicator.derived()) {
					context.fail("指标代码", "derived", indicator.name() + "由公式计算，请导入其组成指标");
				}
				YearMonth month = context.month(r, "月份");
				if (month != null) {
					try {
						month = Period.parseMonth(month.toString(), "月份");
						// a month still running (or to come) has no totals yet
						Period.month(month).requireEnded("月份", LocalDate.now(clock));
					}
					catch (DomainException ex) {
						ex.fieldErrors().forEach(e -> context.fail("月份", e.rule(), e.message()));
						month = null;
					}
				}
				else if (r.cell("月份").isBlank()) {
					context.fail("月份", "required", "请填写月份（如2024-01）");
				}
				String region = r.get("行政区划代码");
				if (region == null || regions.find(region).isEmpty()) {
					context.fail("行政区划代码", "exists", "行政区划代码不存在：" + region);
				}
				else if (!scope.containsRegion(region)) {
					context.fail("行政区划代码", "scope", "该区划不在您的管辖范围内");
				}
				Long brand = null;
				if (r.get("品牌") != null) {
					brand = brands.findByShortName(r.get("品牌")).map(Brands.BrandView::id).orElse(null);
					if (brand == null) {
						context.fail("品牌", "exists", "品牌不存在：" + r.get("品牌"));
					}
				}
				// a percentage cell counts in the indicator's unit: 98.5 % is 98.5 for a rate in "%"
				BigDecimal value = context.number(r, "数值", indicator == null ? null : indicator.unit());
				if (value == null && r.cell("数值").isBlank()) {
					context.fail("数值", "required", "请填写数值");
				}
				else if (value != null && indicator != null) {
					// the enterprise form's rules for the indicator's value: the column's digits, not negative, a count
					// whole, a rate at most 100 %
					ReportChecks.valueErrors(indicator, value, "数值").forEach(e -> context.fail("数值", e.rule(), e.message()));
				}
				else if (value != null && !Decimals.fits(value, ReportChecks.VALUE_INTEGER_DIGITS, ReportChecks.VALUE_FRACTION_DIGITS)) {
					context.fail("数值", "digits", "数值超出允许的位数" + Decimals.digits(ReportChecks.VALUE_INTEGER_DIGITS,
							ReportChecks.VALUE_FRACTION_DIGITS));
				}
				else if (value != null && value.signum() < 0) {
					context.fail("数值", "non-negative", "数值不能为负数");
				}
				if (context.hasErrors()) {
					return null;
				}
				keys.check(indicator.code() + "|" + month + "|" + region + "|" + brand, r, context, "指标代码", "指标、月份、区划和品牌");
				if (!context.hasErrors() && hasReports(indicator.code(), month, region)) {
					context.fail("月份", "reported", "该区划该月已有审核通过的企业报表，不能再导入汇总数");
				}
				if (!context.hasErrors() && !weighable(indicator, catalogue, inFile, month, region, r.get("品牌"), brand)) {
					Indicator weight = catalogue.get(indicator.denominatorCode());
					String named = weight == null ? indicator.denominatorCode() : weight.name() + "（" + weight.code() + "）";
					context.fail("指标代码", "denominator", indicator.name() + "按" + named + "加权汇总：本文件、已导入的数据和企业报表中都没有该区划该月"
							+ (brand == null ? "" : "该品牌") + "的" + named + "，该比率将不计入任何汇总，请一并导入" + named);
				}
				return new Row(indicator, month, region, brand, value);
			};
		}, rows -> {
			for (Row row : rows) {
				replaced[0] += jdbc.sql("""
						DELETE FROM stat_fact WHERE source = 'HISTORY' AND indicator_code = :code AND period_start = :start
						AND region_code = :region AND enterprise_id IS NULL AND brand_id IS NOT DISTINCT FROM :brand""")
					.param("code", row.indicator().code())
					.param("start", row.month().atDay(1))
					.param("region", row.region())
					.param("brand", row.brand())
					.update();
				jdbc.sql("""
						INSERT INTO stat_fact (indicator_code, period_start, period_end, region_code, brand_id, source, value)
						VALUES (:code, :start, :end, :region, :brand, 'HISTORY', :value)""")
					.param("code", row.indicator().code())
					.param("start", row.month().atDay(1))
					.param("end", row.month().atEndOfMonth())
					.param("region", row.region())
					.param("brand", row.brand())
					.param("value", row.value())
					.update();
			}
			rollup.refresh(rows.stream().map(r -> r.month().atDay(1)).toList(), rows.stream().map(Row::region).toList());
			audit.record(AuditEntry.of("statistics.history.import", "StatFact", null,
					"导入历史统计数据" + rows.size() + "行" + (replaced[0] > 0 ? "（替换" + replaced[0] + "行）" : "")));
		});
		return new Result(result.imported(), replaced[0], result.errors(), result.annotated());
	}

	/**
	 * Whether a rate averaged by a volume (aggregation WEIGHTED: Σ(rate × volume) / Σ volume) has that volume for its
	 * region, month and brand — the volume, or when it is derived any of its formula's parts — in the file, in
	 * imported history or in approved reports; without it the rate counts in no total. True for other indicators.
	 */
	private boolean weighable(Indicator indicator, Map<String, Indicator> catalogue, Set<String> inFile, YearMonth month,
			String region, String brandTyped, Long brand) {
		Indicator weight = indicator.aggregation() == Aggregation.WEIGHTED && indicator.denominatorCode() != null
				? catalogue.get(indicator.denominatorCode()) : null;
		if (weight == null) {
			return true;
		}
		Set<String> codes = weight.derived() ? Set.copyOf(weight.parsedFormula().codes()) : Set.of(weight.code());
		return codes.stream().anyMatch(code -> inFile.contains(key(Indicators.codeKey(code), month, region, brandTyped))
				|| hasHistory(code, month, region, brand) || hasReports(code, month, region));
	}

	/**
	 * A row's indicator (its code as compared, {@link Indicators#codeKey}), month, region and brand as typed, or null
	 * when its month does not read.
	 */
	private static String key(SheetRow row) {
		try {
			return key(Indicators.codeKey(row.get("指标代码")), row.cell("月份").asMonth("月份"), row.get("行政区划代码"),
					row.get("品牌"));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String key(String code, YearMonth month, String region, String brand) {
		return code + "|" + month + "|" + region + "|" + (brand == null ? "" : brand);
	}

	/** Whether imported history gives this indicator for the region, month and brand (null: all brands). */
	private boolean hasHistory(String code, YearMonth month, String region, Long brand) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM stat_fact WHERE source = 'HISTORY' AND indicator_code = :code
				AND period_start = :start AND region_code = :region AND enterprise_id IS NULL
				AND brand_id IS NOT DISTINCT FROM :brand)""")
			.param("code", code)
			.param("start", month.atDay(1))
			.param("region", region)
			.param("brand", brand)
			.query(Boolean.class)
			.single();
	}

	/** Whether approved enterprise reports already give this indicator for a region (or one inside it) and month. */
	private boolean hasReports(String code, YearMonth month, String region) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM stat_fact WHERE source = 'REPORT' AND indicator_code = :code
				AND period_start = :start AND\s""" + RegionPrefix.of(region).predicate("region_code") + ")")
			.param("code", code)
			.param("start", month.atDay(1))
			.query(Boolean.class)
			.single();
	}
}
