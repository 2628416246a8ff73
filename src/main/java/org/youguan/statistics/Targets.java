package org.youguan.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.CurrentUser;
import org.youguan.org.Role;
import org.youguan.platform.ChinaTime;
import org.youguan.region.RegionCode;
import org.youguan.statistics.internal.ReportChecks;

/**
 * Annual targets per bureau region and indicator — an absolute value, a growth over last year, or both — and progress
 * against the share of the year gone ("时间过半、任务过半").
 */
@Service
public class Targets {

	/**
	 * A target and where the year stands against it, through {@code through}; {@code complete} false when a month of
	 * the year to date (or of last year's, which a growth target is reckoned from) lies below the completeness share,
	 * {@code caveat} then naming it ("数据不完整：2026年11月已审核52/60家"; {@code caveatWords} the same as the pages word
	 * it in the reader's language, null when complete) — the completion is no verdict then;
	 * {@code growth} null when the year to date or last year's same months are incomplete (no growth from incomplete
	 * data, page and export alike); {@code completion} (year to date ÷ the effective target, %) null likewise when
	 * what it rests on is incomplete — the year to date, or last year's whole a growth target comes from: a ratio over
	 * incomplete data is 不可比 ({@link #completionNotComparable}), never a percentage beside the caveat; {@code decimals} the indicator's ({@link Indicator#decimals}), which the target, effective target and year to date
	 * are shown and exported with.
	 */
	public record Progress(String indicatorCode, String indicatorName, String unit, int decimals, BigDecimal targetValue,
			BigDecimal targetGrowth, BigDecimal effectiveTarget, BigDecimal yearToDate, BigDecimal lastYearToDate,
			BigDecimal growth, BigDecimal completion, BigDecimal timeElapsed, String through, boolean complete,
			String caveat, Wording caveatWords) {

		/**
		 * Whether the completion is 不可比 (key {@code stat.notComparable}): the figures it would divide exist but a month
		 * they rest on is incomplete ({@code complete} false), so page, export and API give no percentage.
		 */
		public boolean completionNotComparable() {
			return !complete && completion == null && yearToDate != null && effectiveTarget != null;
		}

		/** Whether the growth is 不可比: both years' figures exist but a month of either is incomplete. */
		public boolean growthNotComparable() {
			return !complete && growth == null && yearToDate != null && lastYearToDate != null;
		}

		/** Completion keeps pace with the share of the year gone. */
		public boolean onPace() {
			return completion != null && completion.compareTo(timeElapsed) >= 0;
		}
	}

	private final JdbcClient jdbc;

	private final Indicators indicators;

	private final Aggregates aggregates;

	private final Analysis analysis;

	private final AuditTrail audit;

	private final Clock clock;

	Targets(JdbcClient jdbc, Indicators indicators, Aggregates aggregates, Analysis analysis, AuditTrail audit,
			Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.indicators = indicators;
		this.aggregates = aggregates;
		this.analysis = analysis;
		this.audit = audit;
	}

	/** Who sets a bureau's annual target: its administrators, as 设为统计目标 on a work plan ({@code PlanTargets}). */
	public static final Set<Role> SETTERS = Set.of(Role.SYSTEM_ADMIN, Role.BUREAU_ADMIN);

	/**
	 * Sets (or replaces) a target of the caller's own bureau region, as a user does it (the targets page, a work plan's
	 * 设为统计目标): a bureau's target is its administrators' decision.
	 * @param region the target's region, read as every region code is ({@link RegionCode#typed}: 320500 and ３２０５ are
	 * the bureau's 3205); blank for the caller's own
	 * @param year from 2000 to next year, the years the targets page lists
	 * @param value the target in the indicator's unit, above 0 and held to the indicator's rules as a reported value is
	 * (a count whole, a rate in % at most 100); or null with a growth
	 * @param growth the growth over last year in %, above -100 (a target is not negative) and under 1000; when last
	 * year's total is known, the target it comes to (last year's total × (1 + growth/100)) is held to the indicator's
	 * rules as a value is (not negative, a rate at most 100 %, within the digits; a count need not be whole); or null
	 * with a value
	 * @throws AccessRefusedException (403) unless the caller is an administrator ({@link #SETTERS}) of the region's
	 * bureau (the region is the caller's own)
	 * @throws InvalidValueException (400) naming {@code year} (rule {@code range}), {@code targetValue} ({@code required},
	 * {@code positive}, {@code digits}, {@code integer}, {@code rate}), {@code targetGrowth} ({@code range},
	 * {@code digits}, or the target it comes to: {@code rate}, {@code non-negative}) or {@code indicatorCode};
	 * nothing is stored
	 */
	@Transactional
	public void set(CurrentUser me, String region, int year, String indicatorCode, BigDecimal value, BigDecimal growth) {
		store(me.scope(), requireSettable(me, region), year, indicatorCode, value, growth);
	}

	/**
	 * The region whose target {@code me} sets with {@code region} typed (blank: its own), when it may — asked before the
	 * step's fields are read ({@code StatisticsStepAccess}: a bad year or value from another region's administrator is
	 * told the region, not the value) and by {@link #set} itself.
	 * @throws AccessRefusedException (403) unless {@code me} is an administrator ({@link #SETTERS}) and the region is its own
	 */
	public String requireSettable(CurrentUser me, String region) {
		if (SETTERS.stream().noneMatch(me::has)) {
			throw new AccessRefusedException("只有管理员可以设定年度统计目标");
		}
		String own = me.regionCode() == null ? "" : me.regionCode();
		// read as every region code is (RegionCode.typed: 320500 and ３２０５ are 3205), as the list and analysis read it
		String typed = RegionCode.typed(region);
		String target = typed == null ? own : typed;
		if (!target.equals(own)) {
			throw new AccessRefusedException("region", Wording.of("statistics.refusal.ownTargets", own),
					"只能设定本局辖区（" + own + "）的年度统计目标");
		}
		return target;
	}

	/**
	 * Stores (or replaces) a target once {@link #set} has checked who sets it; at least one of value and growth. Not
	 * public: a path by a scope alone would let anyone whose scope holds a region set its target, past the rule that a
	 * bureau's target is its administrators' decision.
	 */
	private void store(DataScope scope, String region, int year, String indicatorCode, BigDecimal value, BigDecimal growth) {
		String prefix = analysis.region(scope, region);
		Validation v = new Validation();
		Indicator indicator = checkTarget(v, indicatorCode, year, value, growth);
		if (indicator != null && growth != null && !v.hasError("targetGrowth") && !v.hasError("year")) {
			// the target the growth comes to is the one the page shows and measures progress by: held to the same
			// rules, but for wholeness (a count grown by a percentage is seldom whole) — also beside a value: a rate of
			// 99.5% "up 5% on last year's 97.63%" states a target of 102.51%, which no rate can reach
			BigDecimal comesTo = grown(aggregates.value(indicator, lastYear(prefix, year)), growth);
			if (comesTo != null) {
				ReportChecks.valueErrors(indicator, comesTo, "targetGrowth").stream()
					.filter(e -> !e.rule().equals("integer"))
					.forEach(e -> v.require("targetGrowth", false, e.rule(), "增长目标折算的目标值（"
							+ comesTo.stripTrailingZeros().toPlainString() + indicator.unit() + "）：" + e.message()));
			}
		}
		v.throwIfInvalid();
		String code = prefix.isEmpty() ? "0" : prefix;
		Map<String, Object> before = jdbc.sql("""
				SELECT target_value, target_growth FROM stat_target
				WHERE region_code = :region AND year = :year AND indicator_code = :code""")
			.param("region", code)
			.param("year", year)
			.param("code", indicator.code())
			.query((rs, n) -> state(rs.getBigDecimal(1), rs.getBigDecimal(2)))
			.optional()
			.orElse(null);
		jdbc.sql("""
				INSERT INTO stat_target (region_code, year, indicator_code, target_value, target_growth)
				VALUES (:region, :year, :code, :value, :growth)
				ON CONFLICT (region_code, year, indicator_code)
				DO UPDATE SET target_value = :value, target_growth = :growth, version = stat_target.version + 1""")
			.param("region", code)
			.param("year", year)
			.param("code", indicator.code())
			.param("value", value)
			.param("growth", growth)
			.update();
		audit.record(AuditEntry.of("statistics.target.set", "StatTarget", code + "/" + year + "/" + indicator.code(),
				year + "年" + indicator.name() + "目标：" + (value == null ? "" : value.stripTrailingZeros().toPlainString() + indicator.unit())
						+ (growth == null ? "" : " 增长" + growth.stripTrailingZeros().toPlainString() + "%"))
			.states(before, state(value, growth))
			.inRegion(code));
	}

	/**
	 * What is wrong with a target of an indicator for a year, by the rules {@link #set} holds every target to — for
	 * another module that states targets before anyone sets them here (a work plan's main targets, checked when the plan
	 * is saved as when one is adopted): the indicator known; the year from 2000 to next year
	 * ({@link FiguresPeriod#year}, the one year rule of every query); a value or a growth; a value above 0, within the digits and held to the indicator's
	 * rules as a reported value is (a count whole, a rate in % at most 100); a growth above -100 % and under 1000 %.
	 * The target a growth comes to is not judged here (it needs last year's total of a region: {@link #set} does).
	 * @param value the target in the indicator's unit, or null
	 * @param growth the growth over last year in %, or null
	 * @return the problems, named on {@code indicator}, {@code year}, {@code targetValue} (rules {@code required},
	 * {@code positive}, {@code digits}, {@code integer}, {@code rate}) and {@code targetGrowth} ({@code range},
	 * {@code digits}), messages in Chinese; empty when the target may be set
	 */
	public List<FieldError> targetProblems(String indicatorCode, int year, BigDecimal value, BigDecimal growth) {
		Validation v = new Validation();
		checkTarget(v, indicatorCode, year, value, growth);
		return v.errors();
	}

	/** The rules of {@link #targetProblems}, into {@code v}; the indicator, or null when unknown. */
	private Indicator checkTarget(Validation v, String indicatorCode, int year, BigDecimal value, BigDecimal growth) {
		// named as the targets form names it (indicator): an unknown one is told beside the field it was chosen in
		Indicator indicator = indicatorCode == null || Text.isBlank(indicatorCode) ? null
				: v.check("indicator", () -> indicators.require("indicator", indicatorCode));
		v.require("indicator", indicatorCode != null && !Text.isBlank(indicatorCode), "required", "请选择统计指标");
		// the years the targets page lists (2000 to next year): a target for 2099 could be set but never shown
		v.check("year", () -> {
			FiguresPeriod.year("year", year, LocalDate.now(clock.withZone(ChinaTime.ZONE)));
			return null;
		});
		v.require("targetValue", value != null || growth != null, "required", "请填写目标值或增长目标（至少一项）");
		v.require("targetValue", value == null || value.signum() > 0, "positive", "目标值应大于0");
		// above -100 %: a growth of -100 % or less makes the target nothing or negative, which no count or rate can be
		v.require("targetGrowth", growth == null
				|| growth.compareTo(BigDecimal.valueOf(-100)) > 0 && growth.compareTo(BigDecimal.valueOf(1000)) < 0,
				"range", "增长目标应大于-100%且小于1000%");
		v.fits("targetValue", "目标值", value, ReportChecks.VALUE_INTEGER_DIGITS, 4).fits("targetGrowth", "增长目标", growth, 6, 2);
		if (indicator != null && value != null && !v.hasError("targetValue")) {
			// held to the indicator's own rules, as a reported value is: a count (件) whole, a rate (%) at most 100
			ReportChecks.valueErrors(indicator, value, "targetValue")
				.forEach(e -> v.require("targetValue", false, e.rule(), "目标值：" + e.message()));
		}
		return indicator;
	}

	/** A target's figures as the audit trail keeps them. */
	private static Map<String, Object> state(BigDecimal value, BigDecimal growth) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("targetValue", value == null ? null : value.stripTrailingZeros().toPlainString());
		state.put("targetGrowth", growth == null ? null : growth.stripTrailingZeros().toPlainString());
		return state;
	}

	/** The region's targets for the year with progress through the given month. */
	public List<Progress> progress(DataScope scope, String region, int year, YearMonth through) {
		String prefix = analysis.region(scope, region);
		String code = prefix.isEmpty() ? "0" : prefix;
		List<Progress> result = new ArrayList<>();
		jdbc.sql("""
				SELECT t.indicator_code, t.target_value, t.target_growth FROM stat_target t
				JOIN stat_indicator i ON i.code = t.indicator_code
				WHERE t.region_code = :region AND t.year = :year ORDER BY i.position""")
			.param("region", code)
			.param("year", year)
			.query((rs, n) -> {
				Indicator indicator = indicators.get(rs.getString(1));
				BigDecimal value = rs.getBigDecimal(2);
				BigDecimal growth = rs.getBigDecimal(3);
				result.add(progress(indicator, prefix, year, through, value, growth));
				return null;
			})
			.list();
		return result;
	}

	/**
	 * One page of the region's targets for the year with their progress through {@code through}, the page and its
	 * export alike ({@link org.youguan.kernel.Listing}): searched by indicator name or code, sorted by {@code indicator}
	 * (the catalogue's order, the default), {@code name}, {@code value} (target value) or {@code growth} (growth target);
	 * an unknown sort is the default order.
	 * @param region a region code in the caller's scope (blank: the caller's own)
	 * @throws org.youguan.kernel.AccessRefusedException when the region lies outside the caller's scope
	 */
	public PageResult<Progress> list(DataScope scope, String region, int year, YearMonth through, PageQuery page) {
		String prefix = analysis.region(scope, region);
		return Listing.from("FROM stat_target t JOIN stat_indicator i ON i.code = t.indicator_code")
			.countFrom("FROM stat_target t JOIN stat_indicator i ON i.code = t.indicator_code")
			.where("t.region_code = :targetRegion AND t.year = :targetYear",
					Map.of("targetRegion", prefix.isEmpty() ? "0" : prefix, "targetYear", year))
			.search(page, "i.name", "i.code")
			.sorts(Map.of("indicator", "i.position", "name", "i.name", "value", "t.target_value", "growth",
					"t.target_growth"), "indicator", "t.indicator_code")
			.page(jdbc, "SELECT t.indicator_code, t.target_value, t.target_growth", page,
					(rs, n) -> new Object[] { rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3) })
			.map(row -> progress(indicators.get((String) row[0]), prefix, year, through, (BigDecimal) row[1],
					(BigDecimal) row[2]));
	}

	/**
	 * The stored target of one indicator for the region and year with its progress through the given month — the one
	 * figure every page shows for that target (the statistics target page, a work plan's main targets). Empty when no
	 * target is set for that indicator, region and year.
	 *
	 * @throws org.youguan.kernel.AccessRefusedException when the region lies outside the caller's scope
	 * @throws InvalidValueException when the indicator or region does not exist
	 */
	public Optional<Progress> progress(DataScope scope, String region, int year, YearMonth through, String indicatorCode) {
		String prefix = analysis.region(scope, region);
		Indicator indicator = indicators.require("indicatorCode", indicatorCode);
		return jdbc.sql("""
				SELECT target_value, target_growth FROM stat_target
				WHERE region_code = :region AND year = :year AND indicator_code = :code""")
			.param("region", prefix.isEmpty() ? "0" : prefix)
			.param("year", year)
			.param("code", indicator.code())
			.query((rs, n) -> progress(indicator, prefix, year, through, rs.getBigDecimal(1), rs.getBigDecimal(2)))
			.optional();
	}

	/** The whole of the year before {@code year} in the region ({@code prefix}): the base of a growth target. */
	private static Slice lastYear(String prefix, int year) {
		return new Slice(prefix, null, YearMonth.of(year - 1, 1), YearMonth.of(year - 1, 12));
	}

	/**
	 * The target a growth comes to: last year's total × (1 + growth/100), to 2 decimals; null when last year's total is
	 * not known.
	 */
	private static BigDecimal grown(BigDecimal lastYear, BigDecimal growth) {
		return lastYear == null ? null
				: lastYear.multiply(BigDecimal.ONE.add(growth.movePointLeft(2))).setScale(2, RoundingMode.HALF_UP);
	}

	private Progress progress(Indicator indicator, String prefix, int year, YearMonth through, BigDecimal value,
			BigDecimal growth) {
		YearMonth last = through.getYear() == year ? through : YearMonth.of(year, 12);
		Slice ytd = new Slice(prefix, null, YearMonth.of(year, 1), last);
		BigDecimal yearToDate = aggregates.value(indicator, ytd);
		BigDecimal lastYearToDate = aggregates.value(indicator, ytd.lastYear());
		Slice lastYearSlice = lastYear(prefix, year);
		// the first incomplete of what the figures rest on: the year to date, last year's (the growth) and, for a
		// growth target, last year's whole (the effective target)
		Aggregates.Completion completion = aggregates.completion(indicator, ytd);
		// last year without any figure has no growth to caveat (上年同期无数据, said once — not 已审核0/81家)
		completion = completion.complete() && lastYearToDate != null ? aggregates.completion(indicator, ytd.lastYear())
				: completion;
		// the growth rests on the year to date and last year's same months: no number when either is incomplete
		BigDecimal growthToDate = completion.complete() ? Aggregates.growth(yearToDate, lastYearToDate) : null;
		if (value == null && completion.complete()) {
			completion = aggregates.completion(indicator, lastYearSlice);
		}
		BigDecimal effective = value != null ? value : grown(aggregates.value(indicator, lastYearSlice), growth);
		// rounded down: a target 99.97 % done is not shown reached (100.0 %)
		// a ratio over incomplete data (the year to date, or last year's whole the growth target comes from) is 不可比
		BigDecimal done = completion.complete() ? Percentages.rate(yearToDate, effective, 1) : null;
		BigDecimal elapsed = BigDecimal.valueOf(last.getMonthValue() * 100L).divide(BigDecimal.valueOf(12), 1,
				RoundingMode.HALF_UP);
		return new Progress(indicator.code(), indicator.name(), indicator.unit(), indicator.decimals(), value, growth,
				effective, yearToDate, lastYearToDate, growthToDate, done, elapsed, last.toString(),
				completion.complete(), completion.caveat(), completion.caveatWords());
	}
}
