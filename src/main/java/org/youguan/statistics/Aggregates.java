package org.youguan.statistics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Wording;
import org.youguan.statistics.internal.Coverage;
import org.youguan.statistics.internal.Formula;

/**
 * Aggregates of approved values (the facts written on approval and by the history import): any indicator over a
 * slice of region, brand and months, as a total or grouped by month, by sub-region or by brand. Sums are added up in
 * SQL; derived indicators are their formula over the aggregated parts (so a rate of totals, not an average of rates);
 * stocks take each unit's last value; weighted rates use their denominator per unit and period.
 */
@Service
public class Aggregates {

	/** How a result is grouped. */
	public enum Dimension {

		TOTAL, MONTH, REGION, BRAND

	}

	/** The key every ungrouped result is stored under. */
	public static final String TOTAL = "*";

	/**
	 * How complete the approved data behind a figure is: {@code complete} false when a month of the slice lies below
	 * the completeness share ({@code youguan.statistics.complete-share}), {@code caveat} then naming the least complete
	 * month ("数据不完整：2026年11月已审核52/60家"), "" when complete — the same words the aggregate API answers with.
	 */
	public record Completion(boolean complete, String caveat, Wording caveatWords) {

		/** The caveat in brackets after a figure ("（数据不完整：2026年11月已审核52/60家）"), "" when complete. */
		public String note() {
			return complete ? "" : "（" + caveat + "）";
		}
	}

	/**
	 * The one rule of which periods a range of months counts: a period (a month, a quarter, a year) counts when its
	 * last month is in the range — a quarter's figure is its third month's, as {@link Dimension#MONTH} files it and the
	 * coverage counts it (2026-09 alone holds Q3; 2026-03..09 holds Q1, Q2 and Q3).
	 */
	public static final String IN_RANGE = "period_end >= :start AND period_end <= :end";

	private final JdbcClient jdbc;

	private final Indicators indicators;

	private final Coverage coverage;

	Aggregates(JdbcClient jdbc, Indicators indicators, Coverage coverage) {
		this.jdbc = jdbc;
		this.indicators = indicators;
		this.coverage = coverage;
	}

	/**
	 * How complete the indicator's approved data over the slice is (its least complete month): every figure computed
	 * from {@link #value} or {@link #grouped} of an incomplete slice — a rate per million parcels, a target's progress —
	 * carries the caveat, as the aggregate API's {@code complete}/{@code caveat} do.
	 *
	 * @param indicator the indicator (its form decides who is expected to report)
	 * @param slice the region, brand and months
	 * @return complete, or the caveat naming the least complete month
	 */
	public Completion completion(Indicator indicator, Slice slice) {
		Coverage.Share share = coverage.of(indicator, slice);
		return new Completion(share.complete(), share.complete() ? "" : "数据不完整：" + share.text(),
				share.complete() ? null : share.caveatWords());
	}

	/** The indicator's value over the slice, or null when nothing approved falls in it. */
	public BigDecimal value(Indicator indicator, Slice slice) {
		return grouped(indicator, Dimension.TOTAL, 0, slice).get(TOTAL);
	}

	/**
	 * The value by month ("2025-01" …: a period's value under the month it ends with, a quarter's under its third), by
	 * sub-region (code prefix of {@code regionLength}) or by brand id.
	 */
	public Map<String, BigDecimal> grouped(Indicator indicator, Dimension dimension, int regionLength, Slice slice) {
		return grouped(indicator, dimension, regionLength, slice, new HashSet<>());
	}

	/**
	 * Growth in percent (2 decimals, rounded toward zero as every change is, {@link Percentages#change}: a fall of
	 * 99.997 % is −99.99, never −100.00) of a value against a base; null without a value or a base.
	 */
	public static BigDecimal growth(BigDecimal value, BigDecimal base) {
		return Percentages.change(value, base, 2);
	}

	private Map<String, BigDecimal> grouped(Indicator indicator, Dimension dimension, int regionLength, Slice slice,
			Set<String> visiting) {
		if (!visiting.add(indicator.code())) {
			throw new IllegalStateException("指标公式循环引用：" + indicator.code());
		}
		try {
			if (indicator.derived()) {
				return derived(indicator, dimension, regionLength, slice, visiting);
			}
			return switch (indicator.aggregation()) {
				case SUM -> sum(indicator.code(), dimension, regionLength, slice);
				case LAST -> last(indicator.code(), dimension, regionLength, slice);
				case WEIGHTED -> weighted(indicator, dimension, regionLength, slice, visiting);
			};
		}
		finally {
			visiting.remove(indicator.code());
		}
	}

	private Map<String, BigDecimal> derived(Indicator indicator, Dimension dimension, int regionLength, Slice slice,
			Set<String> visiting) {
		Formula formula = indicator.parsedFormula();
		Map<String, Map<String, BigDecimal>> parts = new HashMap<>();
		Set<String> keys = new HashSet<>();
		for (String code : formula.codes()) {
			Map<String, BigDecimal> part = grouped(indicators.get(code), dimension, regionLength, slice, visiting);
			parts.put(code, part);
			keys.addAll(part.keySet());
		}
		Map<String, BigDecimal> result = new LinkedHashMap<>();
		for (String key : keys.stream().sorted().toList()) {
			Map<String, BigDecimal> inputs = new HashMap<>();
			// a part with nothing approved in this group counts as zero once some part has data (a brand without
			// international parcels still has a volume)
			parts.forEach((code, part) -> inputs.put(code, part.getOrDefault(key, BigDecimal.ZERO)));
			BigDecimal v = formula.evaluate(inputs);
			if (v != null) {
				result.put(key, v);
			}
		}
		return result;
	}

	/** Sums read the roll-up by region and brand (see StatisticsRollup), far fewer rows than one per unit. */
	private Map<String, BigDecimal> sum(String code, Dimension dimension, int regionLength, Slice slice) {
		String key = dimension == Dimension.BRAND ? "CASE WHEN brand_key = 0 THEN '-' ELSE brand_key::text END" : key(dimension);
		String where = "indicator_code = :code AND " + IN_RANGE + " AND "
				+ RegionPrefix.of(slice.regionPrefix()).predicate("region_code")
				+ (slice.brandId() == null ? "" : " AND brand_key = :brand");
		return query("SELECT " + key + " AS k, sum(value) AS v FROM stat_rollup WHERE " + where + " GROUP BY 1", code,
				regionLength, slice);
	}

	private Map<String, BigDecimal> last(String code, Dimension dimension, int regionLength, Slice slice) {
		return query("SELECT k, sum(v) AS v FROM (SELECT DISTINCT ON (k, coalesce(enterprise_id, 0), region_code, "
				+ "coalesce(brand_id, 0)) " + key(dimension) + " AS k, value AS v FROM stat_fact WHERE " + where(slice)
				+ " ORDER BY k, coalesce(enterprise_id, 0), region_code, coalesce(brand_id, 0), period_start DESC) t "
				+ "GROUP BY k", code, regionLength, slice);
	}

	/** Σ(rate × denominator) / Σ denominator, the denominator taken per unit and period. */
	private Map<String, BigDecimal> weighted(Indicator indicator, Dimension dimension, int regionLength, Slice slice,
			Set<String> visiting) {
		Indicator denominator = indicators.get(indicator.denominatorCode());
		Map<String, BigDecimal> rates = unitValues(indicator.code(), slice);
		Map<String, BigDecimal> weights = new HashMap<>();
		if (denominator.derived()) {
			Formula f = denominator.parsedFormula();
			Map<String, Map<String, BigDecimal>> parts = new HashMap<>();
			f.codes().forEach(c -> parts.put(c, unitValues(c, slice)));
			for (String unit : rates.keySet()) {
				Map<String, BigDecimal> inputs = new HashMap<>();
				parts.forEach((c, p) -> inputs.put(c, p.getOrDefault(unit, BigDecimal.ZERO)));
				BigDecimal w = f.evaluate(inputs);
				if (w != null) {
					weights.put(unit, w);
				}
			}
		}
		else {
			weights.putAll(unitValues(denominator.code(), slice));
		}
		Map<String, BigDecimal[]> totals = new LinkedHashMap<>();
		rates.forEach((unit, rate) -> {
			BigDecimal w = weights.get(unit);
			if (w == null || w.signum() == 0) {
				return;
			}
			String k = groupOf(unit, dimension, regionLength);
			BigDecimal[] t = totals.computeIfAbsent(k, x -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			t[0] = t[0].add(rate.multiply(w));
			t[1] = t[1].add(w);
		});
		Map<String, BigDecimal> result = new LinkedHashMap<>();
		// a weighted rate is a rate (kernel Percentages.shownRate): rounded down, so 99.9999 % of a million parcels is
		// never 100 %, and a rate above 0 is never 0
		totals.forEach((k, t) -> result.put(k, Percentages.shownRate(t[0].divide(t[1], MathContext.DECIMAL64), 4)));
		return result;
	}

	/** Values by unit and period: "enterprise|region|brand|the period's last month". */
	private Map<String, BigDecimal> unitValues(String code, Slice slice) {
		return query("SELECT coalesce(enterprise_id, 0) || '|' || region_code || '|' || coalesce(brand_id::text, '-') || '|' "
				+ "|| to_char(period_end, 'YYYY-MM') AS k, sum(value) AS v FROM stat_fact WHERE " + where(slice)
				+ " GROUP BY 1", code, 0, slice);
	}

	private static String groupOf(String unit, Dimension dimension, int regionLength) {
		String[] p = unit.split("\\|");
		return switch (dimension) {
			case TOTAL -> TOTAL;
			case MONTH -> p[3];
			case REGION -> p[1].substring(0, Math.min(regionLength, p[1].length()));
			case BRAND -> p[2];
		};
	}

	private static String key(Dimension dimension) {
		return switch (dimension) {
			case TOTAL -> "'" + TOTAL + "'";
			// a period's figure belongs to the month it ends with: a quarter's to its third month (the first month was
			// not over when the quarter's figure was known, and a running quarter's first month showed a figure)
			case MONTH -> "to_char(period_end, 'YYYY-MM')";
			case REGION -> "substr(region_code, 1, :len)";
			case BRAND -> "coalesce(brand_id::text, '-')";
		};
	}

	private static String where(Slice slice) {
		return "indicator_code = :code AND " + IN_RANGE + " AND "
				+ RegionPrefix.of(slice.regionPrefix()).predicate("region_code")
				+ (slice.brandId() == null ? "" : " AND brand_id = :brand");
	}

	private Map<String, BigDecimal> query(String sql, String code, int regionLength, Slice slice) {
		var spec = jdbc.sql(sql)
			.param("code", code)
			.param("start", slice.start())
			.param("end", slice.end());
		if (sql.contains(":len")) {
			spec = spec.param("len", regionLength);
		}
		if (slice.brandId() != null) {
			spec = spec.param("brand", slice.brandId());
		}
		Map<String, BigDecimal> result = new LinkedHashMap<>();
		spec.query((rs, i) -> result.put(rs.getString("k"), rs.getBigDecimal("v"))).list();
		return result;
	}

	/** Months from first to last inclusive, as "YYYY-MM". */
	public static List<String> months(YearMonth first, YearMonth last) {
		List<String> months = new ArrayList<>();
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			months.add(m.toString());
		}
		return months;
	}
}
