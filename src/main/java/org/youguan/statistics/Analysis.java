package org.youguan.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.region.Region;
import org.youguan.region.Regions;
import org.youguan.registry.Brands;
import org.youguan.statistics.internal.AggregateResult;
import org.youguan.statistics.internal.ReportedValue;
import org.youguan.statistics.internal.Aggregation;
import org.youguan.statistics.internal.Charts;
import org.youguan.statistics.internal.Coverage;

/**
 * The bureau's views over the aggregates: a figure with last year's and its growth, monthly trends, composition,
 * rankings of sub-regions and brands. Every entry point checks that the region asked for lies in the caller's scope.
 */
@Service
public class Analysis {

	/**
	 * One row of a ranking or a breakdown; {@code coverage} how complete its figures are (a brand or a part: the
	 * slice's). {@code growth} is null when not comparable ({@link Coverage.Pair#growth}); {@code share} (of the
	 * slice's total) null when this row's period or the total's is incomplete ({@code totalComplete} false) — no growth
	 * or share is computed from incomplete data, in any output. {@code rank} is the row's place by value among the
	 * rankable rows of its table ({@link Analysis#ranked}: the one ranking rule of the page, the .xlsx and the .docx),
	 * null when it is not ranked (shown "—").
	 */
	public record Row(String key, String name, BigDecimal value, BigDecimal previousYearValue, BigDecimal growth,
			BigDecimal share, Coverage.Pair coverage, boolean totalComplete, Integer rank) {

		/** This row with its place in the ranking (null: not ranked). */
		Row ranked(Integer place) {
			return new Row(key, name, value, previousYearValue, growth, share, coverage, totalComplete, place);
		}

		/** The figures of this row are not comparable: its period or last year's is below the completeness share. */
		public boolean incomplete() {
			return coverage != null && !coverage.comparable();
		}

		/** There are both years' figures but their growth is not comparable: written 不可比, never a number. */
		public boolean growthNotComparable() {
			return incomplete() && value != null && previousYearValue != null;
		}

		/** There is a figure but its share is not comparable (its period or the total's is incomplete): 不可比. */
		public boolean shareNotComparable() {
			return value != null && (!totalComplete || coverage != null && !coverage.current().complete());
		}

		/** This row's period is complete: it may be ranked by its figure among the complete ones. */
		public boolean rankable() {
			return value != null && (coverage == null || coverage.current().complete());
		}

		/** The caveat of the row for an export ("" when comparable; {@link Coverage.Pair#caveat(boolean)}). */
		public String caveat() {
			return coverage == null ? "" : coverage.caveat(previousYearValue != null);
		}

		/**
		 * The caveat as the reader's language words it ({@link Coverage.Pair#caveatWords(boolean)}: an export's cell, a
		 * page), null when comparable.
		 */
		public Wording caveatWords() {
			return coverage == null ? null : coverage.caveatWords(previousYearValue != null);
		}
	}

	/** A month of a trend with the same month last year and how complete both are. */
	public record MonthPoint(String month, BigDecimal value, BigDecimal lastYear, BigDecimal growth,
			Coverage.Pair coverage) {

		/** The month (or the same month last year) is below the completeness share: it has no growth, the caveat instead. */
		public boolean incomplete() {
			return coverage != null && !coverage.comparable();
		}

		/** Both months have figures but their growth is not comparable: written 不可比, never a number. */
		public boolean growthNotComparable() {
			return incomplete() && value != null && lastYear != null;
		}

		/** The caveat of the month for an export ("" when comparable; {@link Coverage.Pair#caveat(boolean)}). */
		public String caveat() {
			return coverage == null ? "" : coverage.caveat(lastYear != null);
		}

		/** The caveat in the reader's language ({@link Coverage.Pair#caveatWords(boolean)}), null when comparable. */
		public Wording caveatWords() {
			return coverage == null ? null : coverage.caveatWords(lastYear != null);
		}

		/** The value as the dashboard's trend shows it: whole, in groups of three (1,234,567), or — without one. */
		public String valueText() {
			return value == null ? "—" : wholeWithGroups(value);
		}
	}

	/**
	 * A figure rounded half-even to a whole number and written with a comma between groups of three digits, as
	 * Thymeleaf's {@code #numbers.formatDecimal(v, 1, 'COMMA', 0, 'POINT')} writes it — without building a
	 * {@code DecimalFormat} for every cell of a page (issue 12).
	 *
	 * @param value the figure (not null)
	 * @return e.g. {@code 1,234,568} for 1234567.5
	 */
	public static String wholeWithGroups(BigDecimal value) {
		return String.format(Locale.ROOT, "%,d", value.setScale(0, RoundingMode.HALF_EVEN).toBigInteger());
	}

	private final Aggregates aggregates;

	private final Indicators indicators;

	private final Regions regions;

	private final Brands brands;

	private final Coverage coverage;

	private final StatisticsRollup rollup;

	private final Clock clock;

	/**
	 * Dashboard snapshots by region (checked against the caller's scope before the cache is read), month and roll-up version: every signed-in home page shows one, and it
	 * changes only with approvals. An approval on this node changes the version at once; another node's approval shows
	 * here when the entry expires ({@code youguan.statistics.snapshot-cache}, default 30 s).
	 */
	private final Cache<SnapshotKey, Snapshot> snapshots;

	private record SnapshotKey(String region, YearMonth through, long version) {
	}

	Analysis(Aggregates aggregates, Indicators indicators, Regions regions, Brands brands, Coverage coverage,
			StatisticsRollup rollup, @Value("${youguan.statistics.snapshot-cache:PT30S}") Duration snapshotCache, Clock clock) {
		this.clock = clock;
		this.rollup = rollup;
		this.snapshots = Caffeine.newBuilder().expireAfterWrite(snapshotCache).maximumSize(1_000).build();
		this.coverage = coverage;
		this.aggregates = aggregates;
		this.indicators = indicators;
		this.regions = regions;
		this.brands = brands;
	}

	/**
	 * What the dashboard shows: this year's monthly 快递业务量 in the user's region against last year, with its chart
	 * and how complete the year to date is ({@code coverage}; its growth carries the caveat when not comparable).
	 */
	public record Snapshot(String indicatorName, String unit, List<MonthPoint> trend, BigDecimal yearToDate,
			BigDecimal growth, String chart, Coverage.Pair coverage) {

		/** The year to date (or last year's) is below the completeness share: {@code growth} is null then. */
		public boolean incomplete() {
			return !coverage.comparable();
		}

		/**
		 * The trend's chart (an ECharts option) in the page's language: its series and months worded by the UI bundle
		 * ({@code chart} is the Chinese one).
		 * @param language the card's language
		 */
		public String chart(Locale language) {
			return Charts.trend(trend, unit, language);
		}

		/** The year to date as the dashboard shows it ({@link Analysis#wholeWithGroups}); null without one. */
		public String yearToDateText() {
			return yearToDate == null ? null : wholeWithGroups(yearToDate);
		}
	}

	/** The dashboard's snapshot of the region (in the caller's scope) through the month. */
	public Snapshot snapshot(DataScope scope, String region, YearMonth through) {
		String within = region(scope, region);
		return snapshots.get(new SnapshotKey(within, through, rollup.version()), key -> computeSnapshot(within, through));
	}

	private Snapshot computeSnapshot(String region, YearMonth through) {
		Indicator volume = indicators.get("express.volume");
		Slice slice = new Slice(region, null, YearMonth.of(through.getYear(), 1), through);
		List<MonthPoint> trend = trend(volume, slice);
		BigDecimal ytd = aggregates.value(volume, slice);
		Coverage.Pair covered = coverage.pair(volume, slice);
		return new Snapshot(volume.name(), volume.unit(), trend, ytd,
				covered.growth(ytd, aggregates.value(volume, slice.lastYear())),
				Charts.trend(trend, volume.unit(), Locale.SIMPLIFIED_CHINESE), covered);
	}

	/**
	 * The figure for the API: value, same period last year, growth. No figure is null, never 0, the caveat saying why:
	 * no approved data in the period, or a derived indicator whose parts have figures but whose formula divides by zero.
	 * Both months are required (a blank one is refused on its field, rule {@code required}); they are checked as every
	 * figures endpoint checks them ({@link FiguresPeriod#months}); a period that ends in or after the current month is counted through the last ended month, as its
	 * {@code to} then says — a month not ended has no reports yet, and last year's same months would read as a fall
	 * (January–November against the whole of last year).
	 * @throws InvalidValueException naming {@code from} or {@code to} (rule {@code month}: not YYYY-MM; {@code range}:
	 * before 2000 or after next year), {@code from} (rule {@code future}) for a month after the current one or (rule
	 * {@code not-ended}) the current month, {@code to} (rule {@code after-from}) before {@code from}, {@code region}
	 * (rule {@code exists}, {@code county-level}: a township — reports are filed by county)
	 */
	public AggregateResult aggregate(DataScope scope, String indicatorCode, String region, String brand, String from,
			String to) {
		Indicator indicator = indicators.require("indicator", indicatorCode);
		String prefix = region(scope, region);
		Long brandId = brand(brand);
		// both months are required: an empty from= is a missing from, not the current month a blank means on the
		// pages (from=&to=2026-10 was told that to lies before from)
		new Validation().required("from", "起始月份", from).required("to", "截止月份", to).throwIfInvalid();
		YearMonth current = YearMonth.now(clock);
		FiguresPeriod.Months months = FiguresPeriod.months(from, to, current, current, current);
		YearMonth first = months.from();
		// nothing is reported for a month not ended: counted through the last ended month, so that a running year is
		// compared with the same months of the last (attack 48: January–November against the whole of last year)
		YearMonth ended = current.minusMonths(1);
		if (first.isAfter(ended)) {
			throw new InvalidValueException("from", "not-ended", Wording.of("statistics.invalid.monthNotEnded", current, ended), "本月（" + ChineseText.month(current) + "）尚未结束，还没有报送的数据；"
					+ "可汇总至上月（" + ChineseText.month(ended) + "）");
		}
		YearMonth last = months.to().isAfter(ended) ? ended : months.to();
		Slice slice = new Slice(prefix, brandId, first, last);
		BigDecimal value = aggregates.value(indicator, slice);
		BigDecimal previous = aggregates.value(indicator, slice.lastYear());
		Coverage.Pair covered = coverage.pair(indicator, slice);
		// a formula whose parts have figures but no value divided by zero: no figure (not 0), and said why
		boolean undefined = value == null && indicator.derived() && indicator.parsedFormula().codes().stream()
			.anyMatch(code -> aggregates.value(indicators.get(code), slice) != null);
		String caveat = undefined ? join(covered.caveat(), "无法计算：" + indicator.name() + "的公式（" + indicator.formula()
				+ "）除数为0") : value == null ? join(covered.caveat(), "该期间没有已审核的数据") : covered.caveat();
		return new AggregateResult(indicator.code(), indicator.name(), prefix.isEmpty() ? "0" : prefix,
				brand == null || Text.isBlank(brand) ? null : Text.strip(brand), first.toString(), last.toString(),
				// exact digits as JSON numbers (12000000000, never 1.2E+10); no figure is null, never 0 (attack 48)
				// a growth from incomplete data is no number: null, complete false and the caveat saying why
				ReportedValue.plain(value), ReportedValue.plain(previous),
				covered.growth(value, previous),
				indicator.unit(), covered.current().reported(), covered.current().expected(), covered.comparable(), caveat);
	}

	private static String join(String caveat, String more) {
		return caveat == null || caveat.isEmpty() ? more : caveat + "；" + more;
	}

	/** Months of the slice with the same months last year. */
	public List<MonthPoint> trend(Indicator indicator, Slice slice) {
		Map<String, BigDecimal> now = aggregates.grouped(indicator, Aggregates.Dimension.MONTH, 0, slice);
		Map<String, BigDecimal> before = aggregates.grouped(indicator, Aggregates.Dimension.MONTH, 0, slice.lastYear());
		Map<String, Coverage.Share> covered = coverage.byMonth(indicator, slice);
		Map<String, Coverage.Share> coveredBefore = coverage.byMonth(indicator, slice.lastYear());
		List<MonthPoint> points = new ArrayList<>();
		for (String month : Aggregates.months(slice.from(), slice.to())) {
			String lastYear = YearMonth.parse(month).minusYears(1).toString();
			BigDecimal v = now.get(month);
			BigDecimal b = before.get(lastYear);
			Coverage.Pair pair = new Coverage.Pair(covered.get(month), coveredBefore.get(lastYear));
			points.add(new MonthPoint(month, v, b, pair.growth(v, b), pair));
		}
		return points;
	}

	/** The sub-regions of the slice's region (cities of a province, counties of a city), ranked by value. */
	public List<Row> byRegion(Indicator indicator, Slice slice) {
		List<Region> children = regions.children(slice.regionPrefix().isEmpty() ? "0" : slice.regionPrefix());
		if (children.isEmpty()) {
			return List.of();
		}
		int length = children.get(0).code().length();
		Map<String, BigDecimal> now = aggregates.grouped(indicator, Aggregates.Dimension.REGION, length, slice);
		Map<String, BigDecimal> before = aggregates.grouped(indicator, Aggregates.Dimension.REGION, length, slice.lastYear());
		BigDecimal total = now.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		List<String> codes = children.stream().map(Region::code).toList();
		Map<String, Coverage.Share> covered = coverage.byRegion(indicator, slice, length, codes);
		Map<String, Coverage.Share> coveredBefore = coverage.byRegion(indicator, slice.lastYear(), length, codes);
		boolean totalComplete = coverage.of(indicator, slice).complete();
		List<Row> rows = new ArrayList<>();
		for (Region child : children) {
			BigDecimal v = now.get(child.code());
			if (v == null && before.get(child.code()) == null) {
				continue;
			}
			rows.add(row(child.code(), child.name(), v, before.get(child.code()), total, indicator,
					new Coverage.Pair(covered.get(child.code()), coveredBefore.get(child.code())), totalComplete));
		}
		rows.sort(Comparator.comparing(Row::value, Comparator.nullsLast(Comparator.reverseOrder())));
		return ranked(rows);
	}

	/** The slice by brand, ranked by value. */
	public List<Row> byBrand(Indicator indicator, Slice slice) {
		Map<String, BigDecimal> now = aggregates.grouped(indicator, Aggregates.Dimension.BRAND, 0, slice);
		Map<String, BigDecimal> before = aggregates.grouped(indicator, Aggregates.Dimension.BRAND, 0, slice.lastYear());
		BigDecimal total = now.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		// a brand's figures rest on the slice's reports: the slice's coverage is theirs
		Coverage.Pair covered = coverage.pair(indicator, slice);
		List<Row> rows = new ArrayList<>();
		for (Brands.BrandView b : brands.all()) {
			String key = String.valueOf(b.id());
			if (now.containsKey(key) || before.containsKey(key)) {
				rows.add(row(key, b.shortName(), now.get(key), before.get(key), total, indicator, covered,
						covered.current().complete()));
			}
		}
		rows.sort(Comparator.comparing(Row::value, Comparator.nullsLast(Comparator.reverseOrder())));
		return ranked(rows);
	}

	/**
	 * The parts of a derived indicator (快递业务量 → 同城, 异地, 国际及港澳台) over the slice, ranked by value (largest
	 * first; equal values and parts without a figure by indicator code).
	 */
	public List<Row> composition(Indicator indicator, Slice slice) {
		if (!indicator.derived()) {
			return List.of();
		}
		List<Row> rows = new ArrayList<>();
		BigDecimal total = aggregates.value(indicator, slice);
		// the parts rest on the reports the whole does: the whole's coverage is theirs
		Coverage.Pair covered = coverage.pair(indicator, slice);
		for (String code : indicator.parsedFormula().codes()) {
			Indicator part = indicators.get(code);
			rows.add(row(code, part.name(), aggregates.value(part, slice), aggregates.value(part, slice.lastYear()), total,
					part, covered, covered.current().complete()));
		}
		// ranked like every other table (attack: the formula's parts came in a set's order, different each start),
		// ties and parts without a figure by code
		rows.sort(Comparator.comparing(Row::value, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
			.thenComparing(Row::key));
		return ranked(rows);
	}

	/**
	 * The 1-based place of a region among its siblings by value and by growth: "增幅全省排名第×"; {@code byValue} its
	 * place in the ranking ({@link #ranked}: 0 when it is not ranked — its period incomplete), {@code of} how many
	 * siblings are ranked, {@code growthOf} how many have a growth. {@code byGrowth} is 0 when the region has no growth
	 * (no figure last year): it is ranked only among those that have one. A place is only worth stating when it
	 * compares something ({@link #comparable()}, {@link #growthRanked()}).
	 */
	public record Place(int byValue, int byGrowth, int of, int growthOf) {

		/** At least two siblings have data and the region is among them. */
		public boolean comparable() {
			return of >= 2 && byValue > 0;
		}

		/**
		 * The growth rank is worth stating: the region has a growth and at least one other sibling has one too (attack:
		 * "上年同期无数据，增幅全市排名第6（共10个）" ranked a region with no growth last).
		 */
		public boolean growthRanked() {
			return comparable() && byGrowth > 0 && growthOf >= 2;
		}
	}

	/** The region's place among its siblings over the slice's indicator. */
	public Place place(Indicator indicator, Slice slice, String regionCode) {
		String parent = regions.path(regionCode).stream()
			.map(Region::code)
			.filter(c -> !c.equals(regionCode))
			.reduce((a, b) -> b)
			.orElse("0");
		List<Row> siblings = byRegion(indicator, slice.inRegion(parent.equals("0") ? "" : parent));
		List<Row> byGrowth = new ArrayList<>(siblings.stream().filter(r -> r.growth() != null).toList());
		byGrowth.sort(Comparator.comparing(Row::growth, Comparator.reverseOrder()));
		// by value: the ranking's own place (ranked), among the siblings it ranks — never among incomplete ones
		int byValue = siblings.stream().filter(r -> r.key().equals(regionCode) && r.rank() != null).findFirst()
			.map(Row::rank).orElse(0);
		int ranked = (int) siblings.stream().filter(r -> r.rank() != null).count();
		return new Place(byValue, indexOf(byGrowth, regionCode), ranked, byGrowth.size());
	}

	/**
	 * The region prefix of a region in scope (the country: ""), or access denied.
	 * @throws InvalidValueException on {@code region}: a code that names no region ({@code exists}) or a township
	 * ({@code county-level}: figures are kept down to counties)
	 */
	public String region(DataScope scope, String region) {
		String code = region == null || Text.isBlank(region) ? "" : Text.strip(region);
		if (code.equals("0")) {
			code = "";
		}
		if (!code.isEmpty() && regions.find(code).isEmpty()) {
			throw new InvalidValueException("region", "exists", Wording.of("statistics.invalid.noRegion", code), "行政区划代码不存在：" + code);
		}
		if (code.length() > 6) {
			// reports are filed by county: a township would read as a region with nothing (attack 48)
			throw new InvalidValueException("region", "county-level", Wording.of("statistics.invalid.countyLevel", code), "行业统计汇总到县（区）级，请填写县（区）及以上的行政区划代码："
					+ code);
		}
		return scope.requireReadable(code, "region");
	}

	public Long brand(String brand) {
		if (brand == null || Text.isBlank(brand)) {
			return null;
		}
		return brands.findByShortName(Text.strip(brand))
			.map(Brands.BrandView::id)
			.orElseThrow(() -> new InvalidValueException("brand", "exists", Wording.of("statistics.invalid.noBrand", Text.strip(brand)), "没有该品牌：" + Text.strip(brand)));
	}

	/**
	 * A row whose growth and share are left out (null) when the data beneath them is incomplete: the growth when this
	 * row's period or last year's is, the share when this row's period or the total's is.
	 */
	private static Row row(String key, String name, BigDecimal value, BigDecimal before, BigDecimal total,
			Indicator indicator, Coverage.Pair coverage, boolean totalComplete) {
		boolean shareComparable = totalComplete && coverage.current().complete();
		BigDecimal share = !shareComparable || value == null || total == null || total.signum() == 0
				|| indicator.aggregation() != Aggregation.SUM ? null : Percentages.share(value, total, 2);
		return new Row(key, name, value, before, coverage.growth(value, before), share, coverage, totalComplete, null);
	}

	/**
	 * The one ranking rule of every output that ranks (the analysis page's tables, their .xlsx exports, the bulletin's
	 * 业务量排名 and the place "业务量排名第×"): the rows stay in order of value, and only the rankable ones — a figure
	 * whose period is complete ({@link Row#rankable}) — are numbered 1, 2 … among themselves, and only when at least two
	 * are; any other row is unranked ({@code rank} null, shown "—"): a volume missing reports would rank too low.
	 * @param sorted the rows in order of value, largest first
	 * @return the same rows with their ranks
	 */
	public static List<Row> ranked(List<Row> sorted) {
		boolean ranks = sorted.stream().filter(Row::rankable).count() >= 2;
		List<Row> out = new ArrayList<>(sorted.size());
		int place = 0;
		for (Row r : sorted) {
			out.add(r.ranked(ranks && r.rankable() ? ++place : null));
		}
		return out;
	}

	private static int indexOf(List<Row> rows, String key) {
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).key().equals(key)) {
				return i + 1;
			}
		}
		return 0;
	}
}
