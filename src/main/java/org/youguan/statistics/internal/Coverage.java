package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Wording;
import org.youguan.registry.EnterpriseView;
import org.youguan.statistics.Aggregates;
import org.youguan.statistics.Indicator;
import org.youguan.statistics.Period;
import org.youguan.statistics.ReportForm;
import org.youguan.statistics.ReportForms;
import org.youguan.statistics.Slice;

/**
 * How complete an aggregate is: for every period of the form that carries the indicator, how many of the enterprises
 * that owe it in the region (and brand) have an approved report for that period — reported / expected units. Who owes a
 * period is the one rule 报送进度 counts 应报 by ({@link ReportForms#owing}: operated before the period ended, not closed
 * before it began), so {@code expectedUnits} and 应报 of the same form, period and region are one number.
 * A period is counted at its last month, as its figure is ({@link Aggregates}: a quarter's under its third month), and
 * only once it has ended: a quarter still running owes nothing yet, so the months of the slice it covers are complete
 * (no figure of it is in them either).
 * A period whose share is below {@code youguan.statistics.complete-share} (default 0.95) is incomplete (数据不完整);
 * a month kept by the history import (region totals, no enterprise reports) counts as complete. The slice's coverage
 * is its least complete month. Growth is not recomputed over comparable units: a growth whose period or comparison
 * period is incomplete is no number anywhere ({@link Pair#growth}: null, 不可比 beside the caveat {@link Share#text()}).
 */
@Service
public class Coverage {

	/**
	 * Reported and expected units of a period ("2026-10"); {@code expected} 0 when nothing is expected there (or the
	 * month came from the history import), which is complete.
	 */
	public record Share(String period, int reported, int expected, boolean complete) {

		/**
		 * Reported of expected in whole percent, as every rate ({@link Percentages#rate}: rounded down, some never 0);
		 * null when nothing is expected (no share: 无应报).
		 */
		public Integer percent() {
			return expected == 0 ? null : Percentages.rate(reported, expected, 0).intValue();
		}

		/**
		 * "2026年10月已审核52/60家" — the caveat next to a figure of an incomplete period, the month written as a formal
		 * document writes it (bulletin, .xlsx, notices), never the ISO "2026-10".
		 */
		public String text() {
			return monthWords(period) + "已审核" + reported + "/" + expected + "家";
		}

		/** "2026-10" as 2026年10月; anything else as it is. */
		static String monthWords(String period) {
			try {
				YearMonth m = YearMonth.parse(period);
				return m.getYear() + "年" + m.getMonthValue() + "月";
			}
			catch (java.time.format.DateTimeParseException e) {
				return period;
			}
		}

		/**
		 * The caveat ("数据不完整：" and {@link #text}) as a page or export words it in its reader's language: the bundle's
		 * {@code stat.caveat} with the month ({@code stat.caveatMonth}: 2026年11月, in English 2026-11), reported and
		 * expected units.
		 */
		public Wording caveatWords() {
			Object month = period;
			try {
				YearMonth m = YearMonth.parse(period);
				month = Wording.of("stat.caveatMonth", String.valueOf(m.getYear()), String.valueOf(m.getMonthValue()), period);
			}
			catch (java.time.format.DateTimeParseException e) {
				// not a month: written as it is
			}
			return Wording.of("stat.caveat", month, String.valueOf(reported), String.valueOf(expected));
		}

		static Share complete(String period) {
			return new Share(period, 0, 0, true);
		}

		double share() {
			return expected == 0 ? 1.0 : reported / (double) expected;
		}
	}

	/** The coverage of an aggregate and of its comparison (the same months last year). */
	public record Pair(Share current, Share lastYear) {

		/** Both periods complete enough to compare. */
		public boolean comparable() {
			return current.complete() && lastYear.complete();
		}

		/**
		 * The one rule every output of a growth follows (page, .xlsx, .docx, API): the growth in percent
		 * ({@link Aggregates#growth}) only when both periods are complete; null when not comparable — printed as 不可比
		 * (or left empty beside the caveat), never as a number.
		 */
		public BigDecimal growth(BigDecimal value, BigDecimal lastYearValue) {
			return comparable() ? Aggregates.growth(value, lastYearValue) : null;
		}

		/**
		 * The caveat of a figure whose last year's value is known or not: "" when comparable; the incomplete current
		 * period's caveat; for an incomplete last year, its caveat when last year has a figure, else "上年同期无数据" —
		 * said once, not "已审核0/81家" beside a growth that was never there to compare.
		 */
		public String caveat(boolean lastYearHasData) {
			if (!comparable() && current.complete() && !lastYearHasData) {
				return "上年同期无数据";
			}
			return caveat();
		}

		/** The incomplete side's caveat ("数据不完整：2026年10月已审核52/60家"), or "" when comparable. */
		public String caveat() {
			if (comparable()) {
				return "";
			}
			return "数据不完整：" + (current.complete() ? lastYear : current).text();
		}

		/**
		 * {@link #caveat(boolean)} as the reader's language words it (an export's cell, a page): null when comparable;
		 * {@code stat.noLastYear} (上年同期无数据) for an incomplete last year without any figure; else
		 * {@link #caveatWords()}.
		 */
		public Wording caveatWords(boolean lastYearHasData) {
			if (!comparable() && current.complete() && !lastYearHasData) {
				return Wording.of("stat.noLastYear");
			}
			return caveatWords();
		}

		/**
		 * The caveat as a page words it in its reader's language ({@code @labels.of}: the bundle's {@code stat.caveat}
		 * with the period, reported and expected units), or null when comparable.
		 */
		public Wording caveatWords() {
			if (comparable()) {
				return null;
			}
			return (current.complete() ? lastYear : current).caveatWords();
		}
	}

	private final JdbcClient jdbc;

	private final ReportForms forms;

	private final StatisticsSettings settings;

	/**
	 * The expected reporters of a form in a region and brand, kept 30 seconds: a page computes the coverage of several
	 * slices of one region (this year, last year, by month, by sub-region) and the register changes rarely.
	 */
	private final Cache<String, List<EnterpriseView>> expectedReporters = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(30))
		.maximumSize(1_000)
		.build();

	private final Clock clock;

	Coverage(JdbcClient jdbc, ReportForms forms, StatisticsSettings settings, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.forms = forms;
		this.settings = settings;
	}

	/** The least complete month of the slice (complete when no form carries the indicator). */
	public Share of(Indicator indicator, Slice slice) {
		return worst(byMonth(indicator, slice).values(), slice.to().toString());
	}

	/** The slice's coverage and that of the same months last year. */
	public Pair pair(Indicator indicator, Slice slice) {
		return new Pair(of(indicator, slice), of(indicator, slice.lastYear()));
	}

	/** Each month of the slice ("YYYY-MM") with the coverage of the form's period containing it. */
	public Map<String, Share> byMonth(Indicator indicator, Slice slice) {
		Map<String, Share> result = new LinkedHashMap<>();
		Basis basis = basis(indicator, slice);
		for (String month : Aggregates.months(slice.from(), slice.to())) {
			result.put(month, basis == null ? Share.complete(month) : basis.share(month, slice.regionPrefix()));
		}
		return result;
	}

	/** Each sub-region (code prefix of {@code length}) with its least complete month over the slice. */
	public Map<String, Share> byRegion(Indicator indicator, Slice slice, int length, List<String> regionCodes) {
		Map<String, Share> result = new LinkedHashMap<>();
		Basis basis = basis(indicator, slice);
		for (String code : regionCodes) {
			List<Share> months = new ArrayList<>();
			for (String month : Aggregates.months(slice.from(), slice.to())) {
				months.add(basis == null ? Share.complete(month) : basis.share(month, code.substring(0, Math.min(length, code.length()))));
			}
			result.put(code, worst(months, slice.to().toString()));
		}
		return result;
	}

	/**
	 * The least complete of the shares; among equally complete ones the latest that expected someone — a quarter's
	 * 89/89 in its third month, not its first month's 0/0 (nothing owed there, the figure being the third month's).
	 */
	private Share worst(Iterable<Share> shares, String fallback) {
		Share worst = null;
		for (Share s : shares) {
			if (worst == null || s.share() < worst.share() || s.share() == worst.share() && s.expected() > 0) {
				worst = s;
			}
		}
		return worst == null ? Share.complete(fallback) : worst;
	}

	/** What a slice's coverage is computed from: the form, its expected units, the approved reports, history months. */
	private final class Basis {

		final ReportForm form;

		final List<EnterpriseView> expected;

		final Map<String, Set<Long>> approved = new HashMap<>();

		final Set<String> history = new HashSet<>();

		/** When each unit owes the form ({@link ReportForms#spans}): operating, and not closed. */
		final Map<Long, ReportForms.Span> spans = new HashMap<>();

		/** The day the coverage is judged on: a period not ended by then owes nothing yet. */
		final LocalDate today;

		Basis(ReportForm form, List<EnterpriseView> expected, LocalDate today) {
			this.form = form;
			this.expected = expected;
			this.today = today;
		}

		/** A unit is expected for a period when it owes it ({@link ReportForms.Span#owes}), as 报送进度 counts it. */
		boolean expects(EnterpriseView e, Period period) {
			ReportForms.Span span = spans.get(e.id());
			return span != null && span.owes(period);
		}

		Share share(String month, String prefix) {
			if (history.contains(month)) {
				return Share.complete(month);
			}
			Period period = Period.containing(form.periodType(), YearMonth.parse(month));
			if (!period.last().toString().equals(month) || !period.ended(today)) {
				// a quarter's figure is its last month's; a period still running is owed by nobody yet
				return Share.complete(month);
			}
			Set<Long> done = approved.getOrDefault(period.code(), Set.of());
			int expect = 0;
			int reported = 0;
			for (EnterpriseView e : expected) {
				if (e.regionCode().startsWith(prefix) && expects(e, period)) {
					expect++;
					reported += done.contains(e.id()) ? 1 : 0;
				}
			}
			boolean complete = expect == 0 || reported >= settings.completeShare() * expect;
			return new Share(month, reported, expect, complete);
		}
	}

	private Basis basis(Indicator indicator, Slice slice) {
		Set<String> codes = new HashSet<>();
		codes.add(indicator.code());
		if (indicator.derived()) {
			codes.addAll(indicator.parsedFormula().codes());
		}
		ReportForm form = jdbc.sql("""
				SELECT DISTINCT f.id, f.period_type FROM stat_form f JOIN stat_form_indicator fi ON fi.form_id = f.id
				WHERE f.active AND fi.indicator_code IN (:codes) ORDER BY f.period_type, f.id""")
			.param("codes", codes)
			.query((rs, i) -> rs.getLong(1))
			.list()
			.stream()
			.findFirst()
			.map(forms::get)
			.orElse(null);
		if (form == null) {
			return null;
		}
		DataScope scope = slice.regionPrefix().isEmpty() ? DataScope.all() : DataScope.region(slice.regionPrefix());
		List<EnterpriseView> expected = expectedReporters.get(form.id() + "|" + slice.regionPrefix() + "|" + slice.brandId(),
				key -> forms.reporters(scope, form)
					.stream()
					.filter(e -> slice.brandId() == null || slice.brandId().equals(e.brandId()))
					.toList());
		Basis basis = new Basis(form, expected, LocalDate.now(clock));
		basis.spans.putAll(forms.spans(expected));
		RegionPrefix region = RegionPrefix.of(slice.regionPrefix());
		List<String> periods = Aggregates.months(slice.from(), slice.to())
			.stream()
			.map(m -> Period.containing(form.periodType(), YearMonth.parse(m)).code())
			.distinct()
			.toList();
		jdbc.sql("""
				SELECT DISTINCT period, enterprise_id FROM stat_report
				WHERE form_id = :form AND period IN (:periods) AND status IN ('APPROVED', 'SUPERSEDED')
				  AND\s""" + region.predicate("region_code"))
			.param("form", form.id())
			.param("periods", periods)
			.query((rs, i) -> basis.approved.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getLong(2)))
			.list();
		jdbc.sql("""
				SELECT DISTINCT to_char(period_end, 'YYYY-MM') FROM stat_fact
				WHERE source = 'HISTORY' AND indicator_code IN (:codes) AND\s""" + Aggregates.IN_RANGE + " AND "
				+ region.predicate("region_code"))
			.param("codes", codes)
			.param("start", slice.start())
			.param("end", slice.end())
			.query((rs, i) -> basis.history.add(rs.getString(1)))
			.list();
		return basis;
	}
}
