package org.youguan.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Wording;
import org.youguan.region.Region;
import org.youguan.region.RegionCode;
import org.youguan.region.RegionLevel;
import org.youguan.region.Regions;
import org.youguan.registry.Brands;
import org.youguan.statistics.internal.Aggregation;
import org.youguan.statistics.internal.Formula;
import org.youguan.statistics.internal.ReportChecks;
import org.youguan.statistics.internal.ReportedValue;

/**
 * Imports past years' totals (by region, optionally brand, and month) from .xlsx so that year-on-year growth works
 * from day one, on the shape every import shares ({@link SheetImport}). Every row is checked first — indicator known and entered (not derived), month
 * (one that has ended), region in scope, brand, a number meeting the indicator's rules as the enterprise form does
 * ({@link ReportChecks#valueErrors}: within the column's digits, non-negative, whole for counts, at most 100 for rates), no repeated key (compared by the cells as typed, so a
 * row refused for something else is told too that it repeats an earlier row) —,
 * then the rows of one region, month and brand together, with the history stored for that key, against the
 * cross-indicator rules of the enterprise reports ({@link Reports#rules()}, e.g. 业务收入 ≥ 邮政寄递服务收入 + 快递业务收入;
 * rule {@code rule:<code>}) — and one bad row imports nothing. A row for a key imported before replaces it.
 * <p>
 * A region's figure is everything at its code and inside it, so history is kept where it is counted once: only at
 * province, city and county codes of the region table (a township is refused, rule {@code county-level}); never for two
 * regions containing one another for the same indicator, month and brand, nor for a region's total (no brand) beside
 * a brand's figure in the same region or one containing or inside it — the total holds the brand's parcels already —,
 * in the file or against stored history (rule {@code nested}, naming the other row or region and brand); and never for a region inside or containing one that holds an
 * approved enterprise report of a form carrying the indicator for a period covering the month (rule {@code reported}).
 * The audit entry lists the rows imported (after) and the rows they replaced (before).
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

	private record Row(Indicator indicator, YearMonth month, String region, Long brand, String brandName, BigDecimal value) {

		/** The row as the audit trail keeps it, with the given value (the one imported, or the one it replaced). */
		Map<String, Object> state(BigDecimal value) {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("indicator", indicator.code());
			state.put("period", month.toString());
			state.put("region", region);
			state.put("brand", brandName);
			state.put("value", value.stripTrailingZeros().toPlainString());
			return state;
		}
	}

	/** The levels history is kept at: those the aggregates read a region's figure from (its code and all inside). */
	static final Set<RegionLevel> LEVELS = Set.of(RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY);

	/**
	 * Rows of one file for the same indicator and month that would be counted twice in a region's figure, which adds
	 * everything at its code and inside it, without brand and of every brand ({@link Aggregates}): two rows of the same
	 * brand (or both without) whose regions contain one another (a city and one of its counties: the city's figure
	 * would become their sum), and a row without brand — a region's total — beside a row of a brand in the same region
	 * or one containing or inside it (the total already holds the brand's parcels: 3205 不分品牌 1000 and 3205 顺丰 300
	 * read 1300). The later row is refused naming the earlier one.
	 */
	private static final class Nesting {

		/** A row seen: its region and brand (null: none, the region's total), as typed, and its number. */
		private record Seen(String region, Long brand, String brandName, int number) {
		}

		private final Map<String, List<Seen>> seen = new HashMap<>();

		void check(String key, String region, Long brand, String brandName, SheetRow row, SheetImport.RowContext context) {
			List<Seen> rows = seen.computeIfAbsent(key, k -> new ArrayList<>());
			for (Seen other : rows) {
				boolean nested = !other.region().equals(region)
						&& (other.region().startsWith(region) || region.startsWith(other.region()));
				if (Objects.equals(other.brand(), brand) && nested) {
					context.fail("行政区划代码", "nested", Wording.of("import.refused.nestedAbove", region,
							String.valueOf(other.number()), other.region()), "本行的" + region + "与第" + other.number() + "行的" + other.region()
							+ "相互包含（同一指标、月份和品牌），汇总时会重复计数：请只导入同一级区划");
				}
				else if ((other.brand() == null) != (brand == null) && (nested || other.region().equals(region))) {
					context.fail(brand == null ? "行政区划代码" : "品牌", "nested", Wording.of("import.refused.brandTotalAbove",
							region, String.valueOf(other.number()), other.region()), "本行的" + described(region, brandName)
							+ "与第" + other.number() + "行的" + described(other.region(), other.brandName()) + overlap(nested));
				}
			}
			if (rows.stream().noneMatch(r -> r.region().equals(region) && Objects.equals(r.brand(), brand))) {
				rows.add(new Seen(region, brand, brandName, row.number()));
			}
		}
	}

	/**
	 * A row's 数值 for {@code indicator}, read as an enterprise's report reads it ({@link ReportedValue}: "50%" or a cell
	 * shown as a percentage only for an indicator in %, else rule {@code percent} naming the indicator; no exponent,
	 * thousands only in threes, the unit's decimals), its one refusal the row's failure on 数值; null when blank or
	 * refused. A number cell beyond every field's digits is told by the indicator's column ({@code digits}).
	 */
	private static BigDecimal reported(Indicator indicator, SheetRow r, SheetImport.RowContext context) {
		context.reads("数值", SheetImport.ValueKind.NUMBER);
		if (context.toldBeyond("数值", indicator.name(), ReportChecks.VALUE_INTEGER_DIGITS, ReportChecks.VALUE_FRACTION_DIGITS)) {
			return null;
		}
		try {
			return ReportedValue.read(indicator, "数值", r.cell("数值"));
		}
		catch (InvalidValueException ex) {
			context.fail("数值", ex);
			return null;
		}
	}

	/** "3205（不分品牌）", "320506（顺丰）": a history row's region and brand as a refusal names them. */
	private static String described(String region, String brandName) {
		return region + "（" + (brandName == null ? "不分品牌" : brandName) + "）";
	}

	/**
	 * The key of a value's failure by the enterprise form's rules ({@link ReportChecks#valueErrors}), by its rule, so a
	 * reader in English reads it in English; null for a rule without one.
	 */
	private static Wording valueWording(Indicator indicator, String rule, BigDecimal value) {
		return switch (rule) {
			case "non-negative" -> Wording.of("import.invalid.negative", indicator.name());
			case "digits" -> Wording.of("import.invalid.tooManyDigits", indicator.name(),
					Decimals.digitsWording(ReportChecks.VALUE_INTEGER_DIGITS, ReportChecks.VALUE_FRACTION_DIGITS));
			case "integer" -> Wording.of("import.refused.indicatorWhole", indicator.name());
			case "rate" -> Wording.of("import.refused.rateOver100", indicator.name());
			case "decimals" -> Wording.of("import.refused.rateDecimals", indicator.name(),
					String.valueOf(ReportChecks.RATE_FRACTION_DIGITS), Decimals.echo(value));
			default -> null;
		};
	}

	/** Why a region's total and a brand's figure of the same or nested regions cannot both be kept. */
	private static String overlap(boolean nested) {
		return (nested ? "相互包含" : "是同一区划") + "（同一指标和月份）：不分品牌的合计已包含各品牌的数据，汇总时会重复计数："
				+ "请只导入不分品牌的合计，或只导入分品牌的数据";
	}

	private final Indicators indicators;

	private final Regions regions;

	private final Brands brands;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final StatisticsRollup rollup;

	private final Clock clock;

	private final Reports reports;

	HistoryImport(Indicators indicators, Regions regions, Brands brands, JdbcClient jdbc, AuditTrail audit,
			StatisticsRollup rollup, Clock clock, Reports reports) {
		this.clock = clock;
		this.reports = reports;
		this.rollup = rollup;
		this.indicators = indicators;
		this.regions = regions;
		this.brands = brands;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The template with the installation-wide example row ({@link #EXAMPLE}, 苏州市 3205). */
	public byte[] template() {
		return SheetRows.template("历史数据", HEADERS, EXAMPLE);
	}

	/**
	 * The template a user downloads: its example row names the user's own region ({@link #example}), so a row copied
	 * from it and edited is judged by its figures, never refused as outside the user's area (attack: a county's user
	 * got 3205 and 该区划不在您的管辖范围内).
	 */
	public byte[] template(DataScope scope) {
		return SheetRows.template("历史数据", HEADERS, example(scope));
	}

	/**
	 * The example row for a user: {@link #EXAMPLE} with the region of a regional scope (a province's, city's or county's
	 * bureau: the levels history is kept at); the installation-wide one for a national scope.
	 */
	static List<String> example(DataScope scope) {
		String region = scope.kind() == DataScope.Kind.REGION ? scope.regionPrefix() : null;
		if (region == null || !region.matches("\\d{2}|\\d{4}|\\d{6}")) {
			return EXAMPLE;
		}
		List<String> example = new ArrayList<>(EXAMPLE);
		example.set(HEADERS.indexOf("行政区划代码"), region);
		return List.copyOf(example);
	}

	/**
	 * The locks ordering the stored facts' double-count checks, one per province (the region code's first two digits):
	 * an import holds those of the provinces its rows name alone, an approval of a report (and the batch loader of
	 * approved ones) those of its reporters' provinces shared, each before its checks — so two imports of a city and one
	 * of its counties, or an import and an approval of a report inside its region, run one after the other and the
	 * second sees the first's rows and is refused (attack: both were accepted at once, the city read 1,400,000 for
	 * 900,000). Two regions one of which holds the other share their province, so nothing that could count twice runs
	 * side by side; two provinces do not wait for each other (one installation-wide lock made every approval in the
	 * country wait for any import).
	 */
	static final String FACTS_LOCK = "statistics:facts:";

	/**
	 * Holds the facts locks ({@link #FACTS_LOCK}) of the provinces of {@code regionCodes} until the transaction ends,
	 * in the provinces' order (two holders of several never wait for each other crosswise).
	 * @param regionCodes region codes (a code that is not one of at least two digits names no province and is passed
	 * over: a row with it is refused)
	 * @param shared shared (approvals, side by side) or alone (an import)
	 */
	static void holdFacts(JdbcClient jdbc, Collection<String> regionCodes, boolean shared) {
		new TreeSet<>(regionCodes.stream().filter(Objects::nonNull).map(Text::strip).filter(c -> c.matches("\\d{2,}"))
			.map(c -> c.substring(0, 2)).toList())
			.forEach(province -> {
				if (shared) {
					TransactionLocks.holdShared(jdbc, FACTS_LOCK + province);
				}
				else {
					TransactionLocks.hold(jdbc, FACTS_LOCK + province);
				}
			});
	}

	/**
	 * Imports every row of the sheet or none (see the class comment); waits first for any import or approval running
	 * in the provinces its rows name ({@link #holdFacts}).
	 * @return rows imported and replaced, or every bad row with the annotated sheet
	 */
	@Transactional
	public Result importFile(DataScope scope, byte[] content) {
		Map<String, Indicator> catalogue = indicators.byCode();
		// a code however its case, width and spaces are typed (EXPRESS.VOLUME.INTERCITY); stored as the catalogue's
		Map<String, Indicator> byKey = indicators.byCodeKey();
		SheetImport.Twins keys = new SheetImport.Twins();
		Nesting nested = new Nesting();
		int[] replaced = { 0 };
		List<String> example = example(scope);
		ImportResult result = SheetImport.runPrepared(content, HEADERS, Map.of(), rows -> {
			// before any check reads stored history: the provinces the rows name, each alone
			holdFacts(jdbc, rows.stream().map(HistoryImport::regionOf).toList(), false);
			Set<String> inFile = rows.stream().map(HistoryImport::key).filter(Objects::nonNull).collect(Collectors.toSet());
			return (r, context) -> {
				// the example row of the user's template, or of the installation-wide one — refused as the example
				// before any other check (never told its region is outside the user's area)
				if (context.refuseExample(r, HEADERS, example) || context.refuseExample(r, HEADERS, EXAMPLE)) {
					return null;
				}
				Indicator indicator = byKey.get(Indicators.codeKey(r.get("指标代码")));
				if (indicator == null) {
					context.fail("指标代码", "exists", Wording.of("import.invalid.notFound", "指标代码", r.get("指标代码")),
							"没有该指标：" + r.get("指标代码"));
				}
				else if (indicator.derived()) {
					context.fail("指标代码", "derived", Wording.of("import.refused.derived", indicator.name()),
							indicator.name() + "由公式计算，请导入其组成指标");
				}
				YearMonth month = context.month(r, "月份");
				if (month != null) {
					try {
						// the one year rule of every period a user names, in its one wording
						FiguresPeriod.year("月份", "月份的年度", month.getYear(), LocalDate.now(clock));
						// a month still running (or to come) has no totals yet
						Period.month(month).requireEnded("月份", LocalDate.now(clock));
					}
					catch (DomainException ex) {
						context.fail("月份", ex);
						month = null;
					}
				}
				else if (r.cell("月份").isBlank()) {
					context.fail("月份", "required", Wording.of("import.invalid.month", "月份"), "请填写月份（如2024-01）");
				}
				String region = regionOf(r);
				Region found = region == null ? null : regions.find(region).orElse(null);
				if (region == null) {
					// a blank cell is told to be filled, never "不存在：null" (attack 3)
					context.fail("行政区划代码", "required", Wording.of("import.invalid.required", "行政区划代码"), "请填写行政区划代码");
				}
				else if (found == null) {
					context.fail("行政区划代码", "exists", Wording.of("import.invalid.notFound", "行政区划代码", region),
							"行政区划代码不存在：" + region);
				}
				else if (!LEVELS.contains(found.level())) {
					// the aggregates read a region and everything inside it: a township's total under its county
					// would add to the county's own figure (or to the reports it is made of)
					context.fail("行政区划代码", "county-level", Wording.of("import.refused.countyLevel", region, found.level()),
							"历史数据只能按省、市、县（区）级区划导入：" + region + "是"
							+ found.level().label() + "区划");
				}
				else if (!scope.containsRegion(region)) {
					context.fail("行政区划代码", "scope", Wording.of("import.refused.regionOutOfScope"), "该区划不在您的管辖范围内");
				}
				Long brand = null;
				if (r.get("品牌") != null) {
					brand = brands.findByShortName(r.get("品牌")).map(Brands.BrandView::id).orElse(null);
					if (brand == null) {
						context.fail("品牌", "exists", Wording.of("import.invalid.notFound", "品牌", r.get("品牌")), "品牌不存在：" + r.get("品牌"));
					}
				}
				// the one reading of a reported value, as the report page, the API and the report sheet read it: a
				// percentage ("50%", a cell shown as one) only for an indicator in %, where 98.5 % is 98.5; beyond every
				// field's digits (1e40) it is told by the indicator's own column: 14 and 4 digits
				BigDecimal value = indicator == null
						? context.number(r, "数值", null, "数值", ReportChecks.VALUE_INTEGER_DIGITS,
								ReportChecks.VALUE_FRACTION_DIGITS)
						: reported(indicator, r, context);
				if (value == null && r.cell("数值").isBlank() && !context.failed("数值")) {
					context.fail("数值", "required", Wording.of("import.invalid.required", "数值"), "请填写数值");
				}
				else if (value != null && indicator != null) {
					// the enterprise form's rules for the indicator's value: the column's digits, not negative, a count
					// whole, a rate at most 100 %
					ReportChecks.valueErrors(indicator, value, "数值").forEach(e -> context.fail("数值", e.rule(),
							valueWording(indicator, e.rule(), value), e.message()));
				}
				else if (value != null && !Decimals.fits(value, ReportChecks.VALUE_INTEGER_DIGITS, ReportChecks.VALUE_FRACTION_DIGITS)) {
					context.fail("数值", "digits", Wording.of("import.invalid.tooManyDigits", "数值",
							Decimals.digitsWording(ReportChecks.VALUE_INTEGER_DIGITS, ReportChecks.VALUE_FRACTION_DIGITS)),
							"数值超出允许的位数" + Decimals.digits(ReportChecks.VALUE_INTEGER_DIGITS,
							ReportChecks.VALUE_FRACTION_DIGITS));
				}
				else if (value != null && value.signum() < 0) {
					context.fail("数值", "non-negative", Wording.of("import.invalid.negative", "数值"), "数值不能为负数");
				}
				// the twin by the cells as typed (the indicator, month, region and brand they name), also for a row
				// refused for something else: every error of every row in one answer
				boolean keyed = indicator != null && month != null && region != null && (r.get("品牌") == null || brand != null);
				keys.check(keyed ? indicator.code() + "|" + month + "|" + region + "|" + brand : null, r, context, "指标代码",
						"指标、月份、区划和品牌");
				if (context.hasErrors()) {
					return null;
				}
				if (!context.hasErrors()) {
					nested.check(indicator.code() + "|" + month, region, brand, r.get("品牌"), r, context);
				}
				YearMonth checked = month;
				Long brandId = brand;
				if (!context.hasErrors()) {
					storedNesting(indicator.code(), month, region, brand).ifPresent(stored -> {
						if (Objects.equals(stored.brand(), brandId)) {
							context.fail("行政区划代码", "nested", Wording.of("import.refused.nestedStored", stored.region(),
									checked.toString(), region), "已导入" + stored.region() + "的" + ChineseText.month(checked) + "数据，与本行的"
									+ region + "相互包含（同一指标、月份和品牌），汇总时会重复计数：请只导入同一级区划，或先核实已导入的数据");
						}
						else {
							context.fail(brandId == null ? "行政区划代码" : "品牌", "nested", Wording.of("import.refused.brandTotalStored",
									stored.region(), checked.toString(), region), "已导入"
									+ described(stored.region(), stored.brand() == null ? null : brands.get(stored.brand()).shortName())
									+ "的" + ChineseText.month(checked) + "数据，与本行的" + described(region, r.get("品牌"))
									+ overlap(!stored.region().equals(region)) + "（或先核实已导入的数据）");
						}
					});
				}
				if (!context.hasErrors()) {
					approvedReports(indicator.code(), month, region).ifPresent(held -> context.fail("月份", "reported",
							Wording.of("import.refused.reportApproved", held.replace("的", " "), region), held + "已有审核通过的企业报表（含本行指标），" + region + "不能再导入该月的汇总数"));
				}
				if (!context.hasErrors() && !weighable(indicator, catalogue, inFile, month, region, r.get("品牌"), brand)) {
					Indicator weight = catalogue.get(indicator.denominatorCode());
					String named = weight == null ? indicator.denominatorCode() : weight.name() + "（" + weight.code() + "）";
					context.fail("指标代码", "denominator", Wording.of("import.refused.denominator", indicator.name(),
							weight == null ? named : Wording.of("import.refused.indicatorNamed", weight.name(), weight.code())),
							indicator.name() + "按" + named + "加权汇总：本文件、已导入的数据和企业报表中都没有该区划该月"
							+ (brand == null ? "" : "该品牌") + "的" + named + "，该比率将不计入任何汇总，请一并导入" + named);
				}
				return new Row(indicator, month, region, brand, r.get("品牌"), value);
			};
		}, this::ruleErrors, rows -> {
			List<Map<String, Object>> before = new ArrayList<>();
			List<Map<String, Object>> after = new ArrayList<>();
			for (Row row : rows) {
				List<BigDecimal> old = jdbc.sql("""
						DELETE FROM stat_fact WHERE source = 'HISTORY' AND indicator_code = :code AND period_start = :start
						AND region_code = :region AND enterprise_id IS NULL AND brand_id IS NOT DISTINCT FROM :brand
						RETURNING value""")
					.param("code", row.indicator().code())
					.param("start", row.month().atDay(1))
					.param("region", row.region())
					.param("brand", row.brand())
					.query(BigDecimal.class)
					.list();
				replaced[0] += old.size();
				old.forEach(value -> before.add(row.state(value)));
				after.add(row.state(row.value()));
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
					"导入历史统计数据" + rows.size() + "行" + (replaced[0] > 0 ? "（替换" + replaced[0] + "行）" : ""))
				.states(before.isEmpty() ? null : Map.of("rows", before), Map.of("rows", after)));
		});
		return new Result(result.imported(), replaced[0], result.errors(), result.annotated());
	}

	/**
	 * The cross-indicator rules of the enterprise reports ({@link Reports#rules()}: 业务收入 ≥ 快递业务收入, 业务收入 ≥
	 * 邮政寄递服务收入 + 快递业务收入 …) over the rows of one region, month and brand together, each key's values taken
	 * from the file over the history stored for it (which the file's rows replace): a region's monthly figures must be
	 * possible ones, as an enterprise's report must. Every row of the file holding a value the broken rule reads is
	 * refused, naming the rule ({@code rule:<code>}) and the values it compared; a rule reading a value neither the file
	 * nor the stored history has is not judged.
	 * @param rows the rows that passed their own checks, by sheet row number
	 * @return the refused rows' failures, on the column 数值
	 */
	private Map<Integer, List<FieldError>> ruleErrors(Map<Integer, Row> rows) {
		List<ReportChecks.Rule> rules = reports.rules();
		Map<Integer, List<FieldError>> errors = new LinkedHashMap<>();
		if (rules.isEmpty()) {
			return errors;
		}
		List<Indicator> all = indicators.all();
		Map<String, Indicator> catalogue = indicators.byCode();
		Map<String, Map<Integer, Row>> byKey = new LinkedHashMap<>();
		rows.forEach((number, row) -> byKey
			.computeIfAbsent(row.month() + "|" + row.region() + "|" + row.brand(), k -> new LinkedHashMap<>())
			.put(number, row));
		for (Map<Integer, Row> group : byKey.values()) {
			Row first = group.values().iterator().next();
			Map<String, BigDecimal> values = new HashMap<>(storedHistory(first.month(), first.region(), first.brand()));
			Set<String> fromFile = new HashSet<>();
			group.values().forEach(row -> {
				values.put(row.indicator().code(), row.value());
				fromFile.add(row.indicator().code());
			});
			for (ReportChecks.Rule rule : ReportChecks.broken(rules, ReportChecks.withDerived(all, values))) {
				Set<String> read = new LinkedHashSet<>(parts(rule.leftFormula(), catalogue));
				read.addAll(parts(rule.rightFormula(), catalogue));
				List<Integer> blamed = group.entrySet().stream()
					.filter(e -> read.contains(e.getValue().indicator().code()))
					.map(Map.Entry::getKey)
					.toList();
				if (blamed.isEmpty()) {
					continue; // stored history alone breaks it: nothing in this file to refuse
				}
				String compared = read.stream().filter(values::containsKey)
					.map(code -> catalogue.get(code).name() + (fromFile.contains(code) ? "" : "（已导入）")
							+ values.get(code).stripTrailingZeros().toPlainString())
					.collect(Collectors.joining("，"));
				String message = rule.message() + "：" + described(first.region(), first.brandName()) + ChineseText.month(first.month()) + "的"
						+ compared + "（本文件第" + blamed.stream().map(String::valueOf).collect(Collectors.joining("、"))
						+ "行）";
				blamed.forEach(number -> errors.computeIfAbsent(number, n -> new ArrayList<>())
					.add(new FieldError("数值", "rule:" + rule.code(), message)));
			}
		}
		return errors;
	}

	/** The entered indicators a rule's formula reads: a derived one by its own parts (快递业务量: 同城、异地、国际). */
	private static Set<String> parts(String formula, Map<String, Indicator> catalogue) {
		Set<String> parts = new LinkedHashSet<>();
		for (String code : Formula.parse(formula).codes()) {
			Indicator i = catalogue.get(code);
			if (i != null && i.derived()) {
				parts.addAll(parts(i.formula(), catalogue));
			}
			else {
				parts.add(code);
			}
		}
		return parts;
	}

	/** The history stored for a region, month and brand (null: the region's total), by indicator code. */
	private Map<String, BigDecimal> storedHistory(YearMonth month, String region, Long brand) {
		Map<String, BigDecimal> values = new HashMap<>();
		jdbc.sql("""
				SELECT indicator_code, value FROM stat_fact WHERE source = 'HISTORY' AND period_start = :start
				AND region_code = :region AND enterprise_id IS NULL AND brand_id IS NOT DISTINCT FROM :brand""")
			.param("start", month.atDay(1))
			.param("region", region)
			.param("brand", brand)
			.query((rs, n) -> values.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return values;
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
	 * A row's 行政区划代码 read as every region code is ({@link RegionCode#typed}: full-width digits, 苏州市's 320500 as
	 * 3205), or null when blank: the key, the lock and the checks all read the same code.
	 */
	private static String regionOf(SheetRow row) {
		return RegionCode.typed(row.get("行政区划代码"));
	}

	/**
	 * A row's indicator (its code as compared, {@link Indicators#codeKey}), month, region and brand as typed, or null
	 * when its month does not read.
	 */
	private static String key(SheetRow row) {
		try {
			return key(Indicators.codeKey(row.get("指标代码")), row.cell("月份").asMonth("月份"), regionOf(row),
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

	/** A stored history row's region and brand (null: none, the region's total). */
	private record Stored(String region, Long brand) {
	}

	/**
	 * Imported history of the indicator and month that a row would be counted twice with ({@link Nesting}'s rules
	 * against what is stored): of the same brand (or both without) for another region containing this one or inside
	 * it; or, between a region's total (no brand) and a brand's figure, for the same region or one containing or inside
	 * it. A row for the same region and brand is no overlap: the import replaces it.
	 * @return the stored row's region and brand, if any
	 */
	private Optional<Stored> storedNesting(String code, YearMonth month, String region, Long brand) {
		return jdbc.sql("""
				SELECT region_code, brand_id FROM stat_fact WHERE source = 'HISTORY' AND indicator_code = :code
				AND period_start = :start AND enterprise_id IS NULL
				AND ((brand_id IS NOT DISTINCT FROM :brand AND region_code <> :region) OR brand_id IS\s"""
				+ (brand == null ? "NOT NULL" : "NULL") + ") AND (:region LIKE region_code || '%' OR "
				+ RegionPrefix.of(region).predicate("region_code") + ") ORDER BY region_code, brand_id NULLS FIRST LIMIT 1")
			.param("code", code)
			.param("start", month.atDay(1))
			.param("region", region)
			.param("brand", brand)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2)))
			.optional();
	}

	/**
	 * The region of an approved enterprise report of a form carrying the indicator, for a period covering the month
	 * (a quarter's report covers its three months), in a region containing this one or inside it: the figures of such
	 * a region are made of reports, and a total imported beside them would be counted twice.
	 * @return "region的period", if any
	 */
	private Optional<String> approvedReports(String code, YearMonth month, String region) {
		return jdbc.sql("""
				SELECT r.region_code || '的' || r.period FROM stat_report r
				JOIN stat_form_indicator fi ON fi.form_id = r.form_id AND fi.indicator_code = :code
				WHERE r.status = 'APPROVED' AND r.period_start <= :end AND r.period_end >= :start
				AND (:region LIKE r.region_code || '%' OR\s""" + RegionPrefix.of(region).predicate("r.region_code") + """
				) ORDER BY r.region_code, r.period_start LIMIT 1""")
			.param("code", code)
			.param("start", month.atDay(1))
			.param("end", month.atEndOfMonth())
			.param("region", region)
			.query(String.class)
			.optional();
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
