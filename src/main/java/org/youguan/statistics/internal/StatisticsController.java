package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.SheetNumber;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.Wording;
import org.youguan.kernel.WholeIn;
import org.youguan.kernel.YearIn;
import org.youguan.org.CurrentUser;
import org.youguan.region.Regions;
import org.youguan.registry.Brands;
import org.youguan.statistics.Aggregates;
import org.youguan.statistics.Analysis;
import org.youguan.statistics.Indicator;
import org.youguan.statistics.Indicators;
import org.youguan.statistics.Slice;

/**
 * The bureau's statistics views: a figure with last year's and the growth and place among its siblings; the monthly
 * trend against last year; the composition; sub-regions and brands ranked — each chart with its table and .xlsx
 * export; and the monthly bulletin (.docx).
 */
@Controller
class StatisticsController {

	private final Analysis analysis;

	private final Aggregates aggregates;

	private final Indicators indicators;

	private final Regions regions;

	private final Brands brands;

	private final Bulletins bulletins;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	private final Coverage coverage;

	private final MessageSource messages;

	StatisticsController(Analysis analysis, Aggregates aggregates, Indicators indicators, Regions regions, Brands brands,
			Bulletins bulletins, Spreadsheets spreadsheets, Clock clock, Coverage coverage, MessageSource messages) {
		this.messages = messages;
		this.coverage = coverage;
		this.analysis = analysis;
		this.aggregates = aggregates;
		this.indicators = indicators;
		this.regions = regions;
		this.brands = brands;
		this.bulletins = bulletins;
		this.spreadsheets = spreadsheets;
		this.clock = clock;
	}

	@GetMapping("/statistics")
	String overview(@AuthenticationPrincipal CurrentUser me, DataScope scope, @RequestParam(required = false) String indicator,
			@RequestParam(required = false) String region, @RequestParam(required = false) @YearIn(from = FiguresPeriod.FIRST_YEAR, ahead = FiguresPeriod.YEARS_AHEAD) Integer year,
			@RequestParam(required = false) @WholeIn(min = 1, max = 12) Integer through, @RequestParam(required = false) String brand, Model model) {
		AnalysisQuery q = query(me, indicator, region, year, through, brand);
		Indicator ind = indicators.require("indicator", q.indicator());
		Slice slice = slice(scope, q);
		BigDecimal value = aggregates.value(ind, slice);
		BigDecimal lastYear = aggregates.value(ind, slice.lastYear());
		var trend = analysis.trend(ind, slice);
		var byRegion = analysis.byRegion(ind, slice);
		var byBrand = q.brand() == null ? analysis.byBrand(ind, slice) : List.<Analysis.Row>of();
		var composition = analysis.composition(ind, slice);
		model.addAttribute("q", q);
		model.addAttribute("indicator", ind);
		model.addAttribute("indicators", indicators.all());
		model.addAttribute("brands", brands.all());
		// the whole country in the reader's language (全国, Nationwide); a region by its name
		model.addAttribute("regionName", slice.regionPrefix().isEmpty()
				? words("enum.RegionLevel.COUNTRY", LocaleContextHolder.getLocale()) : regions.fullName(slice.regionPrefix()));
		model.addAttribute("value", value);
		model.addAttribute("lastYear", lastYear);
		Coverage.Pair covered = coverage.pair(ind, slice);
		model.addAttribute("growth", covered.growth(value, lastYear));
		model.addAttribute("coverage", covered);
		model.addAttribute("place", slice.regionPrefix().length() >= 4 ? analysis.place(ind, slice, slice.regionPrefix()) : null);
		model.addAttribute("trend", trend);
		model.addAttribute("byRegion", byRegion);
		model.addAttribute("byBrand", byBrand);
		model.addAttribute("composition", composition);
		Locale language = LocaleContextHolder.getLocale();
		model.addAttribute("trendChart", Charts.trend(trend, ind.unit(), language));
		model.addAttribute("regionChart", Charts.bars(byRegion, ind.unit(), language));
		model.addAttribute("brandChart", Charts.bars(byBrand, ind.unit(), language));
		model.addAttribute("compositionChart", Charts.pie(composition));
		model.addAttribute("charts", true);
		return "statistics/overview";
	}

	@GetMapping("/statistics/export/{view:trend|regions|brands|composition}.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable String view,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) String region,
			@RequestParam(required = false) @YearIn(from = FiguresPeriod.FIRST_YEAR, ahead = FiguresPeriod.YEARS_AHEAD) Integer year, @RequestParam(required = false) @WholeIn(min = 1, max = 12) Integer through,
			@RequestParam(required = false) String brand) {
		AnalysisQuery q = query(me, indicator, region, year, through, brand);
		Indicator ind = indicators.require("indicator", q.indicator());
		Slice slice = slice(scope, q);
		// every word of the sheet in the reader's language (the page's): the headers built with their year, months and
		// the unit by the bundle (the unit as stat.unitNamed.<unit> words it, else as the catalogue has it), 不可比 and
		// the caveat as cells the sheet words (Wording) — the bulletin (.docx), an official document, stays Chinese
		Locale language = LocaleContextHolder.getLocale();
		String unit = messages.getMessage("stat.unitNamed." + ind.unit(), null, ind.unit(), language);
		Wording notComparable = Wording.of("stat.notComparable");
		YearMonth first = slice.from();
		YearMonth last = slice.to();
		if (view.equals("trend")) {
			// figures as numeric cells with the indicator's decimals (SheetNumber), never text nor 1.2E+10, and as the page
			// shows them (Indicator.shown: a rate rounded down) — Excel rounding 99.9999 under a 2-decimal style shows 100.00
			int d = ind.decimals();
			List<Column<Analysis.MonthPoint>> columns = List.of(Column.of("月份", Analysis.MonthPoint::month, 10),
					Column.of(words("stat.export.year", language, String.valueOf(q.year()), unit), (Analysis.MonthPoint p) -> SheetNumber.of(ind.shown(p.value()), d), 18),
					Column.of(words("stat.export.year", language, String.valueOf(q.year() - 1), unit), (Analysis.MonthPoint p) -> SheetNumber.of(ind.shown(p.lastYear()), d), 18),
					Column.of("同比增长（%）", (Analysis.MonthPoint p) -> p.growthNotComparable() ? notComparable : SheetNumber.of(p.growth(), 2), 14),
					Column.of("数据完整性", Analysis.MonthPoint::caveatWords, 30));
			// the file and the title name the indicator, the area in full and the months: a city's and a county's differ
			return Downloads.xlsx(ExportNames.of("月度走势", ind.name(), slice.regionPrefix(), first, last),
					spreadsheets.write("月度走势", Column.titled(ExportNames.title("月度走势", ind.name(), slice.regionPrefix(), first, last), columns),
							analysis.trend(ind, slice)));
		}
		List<Analysis.Row> rows = switch (view) {
			case "regions" -> analysis.byRegion(ind, slice);
			case "brands" -> analysis.byBrand(ind, slice);
			default -> analysis.composition(ind, slice);
		};
		int d = ind.decimals();
		String months = q.through() == 1 ? words("stat.export.firstMonth", language)
				: words("stat.export.months", language, String.valueOf(q.through()));
		// the rank as the page shows it (Analysis#ranked): a row whose period is incomplete is not ranked (—)
		List<Column<Analysis.Row>> columns = List.of(Column.of("排名", (Analysis.Row r) -> r.rank() == null ? "—" : r.rank(), 8),
				Column.of("名称", Analysis.Row::name, 20),
				Column.of(words("stat.export.period", language, months, unit), (Analysis.Row r) -> SheetNumber.of(ind.shown(r.value()), d), 18),
				Column.of(words("stat.export.lastYear", language, unit), (Analysis.Row r) -> SheetNumber.of(ind.shown(r.previousYearValue()), d), 18),
				Column.of("同比增长（%）", (Analysis.Row r) -> r.growthNotComparable() ? notComparable : SheetNumber.of(r.growth(), 2), 14),
				Column.of("占比（%）", (Analysis.Row r) -> r.shareNotComparable() ? notComparable : SheetNumber.of(r.share(), 2), 12),
				Column.of("数据完整性", Analysis.Row::caveatWords, 30));
		String title = switch (view) {
			case "regions" -> "分地区";
			case "brands" -> "分品牌";
			default -> "构成";
		};
		return Downloads.xlsx(ExportNames.of(title, ind.name(), slice.regionPrefix(), first, last), spreadsheets.write(title,
				Column.titled(ExportNames.title(title, ind.name(), slice.regionPrefix(), first, last), columns, 1), rows));
	}

	@GetMapping("/statistics/bulletin.docx")
	ResponseEntity<byte[]> bulletin(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) @YearIn(from = FiguresPeriod.FIRST_YEAR, ahead = FiguresPeriod.YEARS_AHEAD) Integer year,
			@RequestParam(required = false) @WholeIn(min = 1, max = 12) Integer through) {
		AnalysisQuery q = query(me, null, region, year, through, null);
		Slice slice = slice(scope, q);
		return Downloads.docx(q.year() + "年" + q.monthsLabel() + "邮政行业运行情况.docx", bulletins.write(slice, q.monthsLabel()));
	}

	/** A sentence of the bundle in the reader's language (an export's header built with its values). */
	private String words(String key, Locale language, Object... arguments) {
		return messages.getMessage(key, arguments, language);
	}

	private AnalysisQuery query(CurrentUser me, String indicator, String region, Integer year, Integer through,
			String brand) {
		YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
		return AnalysisQuery.of(indicator, region, year, through, brand, me.regionCode(), lastMonth);
	}

	private Slice slice(DataScope scope, AnalysisQuery q) {
		return new Slice(analysis.region(scope, q.region()), analysis.brand(q.brand()), q.from(), q.to());
	}
}
