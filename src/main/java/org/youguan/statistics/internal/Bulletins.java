package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.youguan.documents.DeclaresTemplates;
import org.youguan.documents.DocumentTemplate;
import org.youguan.documents.DocumentTemplates;
import org.youguan.documents.WordTemplates;
import org.youguan.kernel.ChineseText;
import org.youguan.region.Region;
import org.youguan.region.Regions;
import org.youguan.statistics.Aggregates;
import org.youguan.statistics.Analysis;
import org.youguan.statistics.Indicator;
import org.youguan.statistics.Indicators;
import org.youguan.statistics.Slice;

/**
 * The monthly bulletin "1–N月全市邮政行业运行情况" (.docx, template {@code statistics/bulletin}, built in as
 * {@code documents/statistics-bulletin.docx}, replaceable by the administrator — see {@link DocumentTemplates}; a
 * replacement keeping the old built-in's subtitle or its bare 排名 header is refused on upload): the main
 * figures with growth, the place of the region's express growth among its siblings, the composition, and a table by
 * sub-region — approved data only.
 */
@Service
class Bulletins implements DeclaresTemplates {

	static final DocumentTemplate TEMPLATE = DocumentTemplate
		.of("statistics/bulletin", "邮政行业运行情况通报", "documents/statistics-bulletin.docx")
		.withFields("title", "months", "date", "overall", "express", "composition")
		.withList("figures", "name", "unit", "value", "lastYear", "growth")
		.withList("regions", "name", "value", "growth", "share", "rank")
		// what the built-in wrote before (9f4a75fe): an uploaded template made from it is refused, not filled with them
		.withRetired("（${months}）", "标题已写明月份，不再使用重复月份的副标题")
		.withRetired("排名", "排名按快递业务量，表头应为“业务量排名”，数据不完整的地区不参与排名");

	static final List<String> MAIN = List.of("postal.total", "postal.revenue", "express.volume", "express.revenue");

	private final Analysis analysis;

	private final Aggregates aggregates;

	private final Indicators indicators;

	private final Regions regions;

	private final DocumentTemplates templates;

	private final Clock clock;

	private final Coverage coverage;

	Bulletins(Analysis analysis, Aggregates aggregates, Indicators indicators, Regions regions, DocumentTemplates templates,
			Clock clock, Coverage coverage) {
		this.coverage = coverage;
		this.analysis = analysis;
		this.aggregates = aggregates;
		this.indicators = indicators;
		this.regions = regions;
		this.templates = templates;
		this.clock = clock;
	}

	/**
	 * Writes the bulletin of the slice ("1–10月"). Amounts as the bureau writes them (亿件/万件, 亿元/万元, two
	 * decimals), growth and shares with the digits every export shows (two decimals), the date as 2026年11月30日, the
	 * place among sibling regions only when at least two of them have data, a figure whose period (or last year's) is
	 * below the completeness share as 同比不可比 without a number (see {@link Coverage}), and the section by sub-region
	 * left out when there is none (a county).
	 */
	public byte[] write(Slice slice, String months) {
		String area = area(slice.regionPrefix(), regions.find(slice.regionPrefix()).map(Region::name).orElse(null));
		String name = slice.regionPrefix().isEmpty() ? "全国" : regions.fullName(slice.regionPrefix());
		Map<String, String> fields = new HashMap<>();
		fields.put("title", slice.from().getYear() + "年" + months + name + "邮政行业运行情况");
		// the title already names the months: no subtitle repeating them (the template's table header uses this)
		fields.put("months", slice.from().getYear() + "年" + months);
		fields.put("date", ChineseText.day(LocalDate.now(clock)));
		List<Map<String, String>> figures = new ArrayList<>();
		Map<String, Figure> main = new LinkedHashMap<>();
		for (String code : MAIN) {
			Indicator i = indicators.get(code);
			Figure f = new Figure(i, aggregates.value(i, slice), aggregates.value(i, slice.lastYear()),
					coverage.pair(i, slice));
			main.put(code, f);
			Map<String, String> row = new HashMap<>();
			Scale scale = f.scale();
			row.put("name", i.name());
			row.put("unit", scale.unit());
			row.put("value", scale.format(f.value()));
			row.put("lastYear", scale.format(f.lastYear()));
			row.put("growth", growthCell(f.growth(), f.growthNotComparable()));
			figures.add(row);
		}
		String caveat = note(main.values());
		fields.put("overall", months + "，" + area + "邮政行业业务总量累计完成" + main.get("postal.total").amount() + "，"
				+ main.get("postal.total").growthText() + "；业务收入（不包括邮政储蓄银行直接营业收入）累计完成"
				+ main.get("postal.revenue").amount() + "，" + main.get("postal.revenue").growthText() + "。" + caveat);
		Indicator volume = indicators.get("express.volume");
		String place = "";
		if (slice.regionPrefix().length() >= 4 && main.get("express.volume").coverage().comparable()) {
			Analysis.Place p = analysis.place(volume, slice, slice.regionPrefix());
			if (p.growthRanked()) {
				place = "，增幅" + (slice.regionPrefix().length() == 4 ? "全省" : "全市") + "排名第" + p.byGrowth() + "（共" + p.growthOf() + "个）";
			}
		}
		fields.put("express", area + "快递业务量累计完成" + main.get("express.volume").amount() + "，"
				+ main.get("express.volume").growthText() + place + "；快递业务收入累计完成" + main.get("express.revenue").amount()
				+ "，" + main.get("express.revenue").growthText() + "。");
		List<String> parts = new ArrayList<>();
		Coverage.Pair volumeCoverage = main.get("express.volume").coverage();
		for (Analysis.Row r : analysis.composition(volume, slice)) {
			Figure part = new Figure(volume, r.value(), r.previousYearValue(), volumeCoverage);
			// a share of an incomplete whole is no figure either: left out, the note above says why
			parts.add(r.name().replace("快递业务量", "").replace("（", "").replace("）", "") + "业务量" + part.amount() + "，" + part.growthText()
					+ (r.shareNotComparable() || r.share() == null ? "" : "，占全部快递业务量的" + percent(r.share()) + "%"));
		}
		fields.put("composition", parts.isEmpty() ? "" : String.join("；", parts) + "。");
		List<Map<String, String>> regionRows = new ArrayList<>();
		List<Analysis.Row> byRegion = analysis.byRegion(volume, slice);
		// ranked by volume (the template's 业务量排名) by the one ranking rule of every output (Analysis#ranked): among
		// the sub-regions whose period is complete, an incomplete one "—" (its growth 不可比 beside it)
		for (Analysis.Row r : byRegion) {
			Map<String, String> row = new HashMap<>();
			row.put("name", r.name());
			row.put("value", r.value() == null ? "—" : Scale.TEN_THOUSAND.format(r.value()));
			row.put("growth", growthCell(r.growth(), r.growthNotComparable()));
			row.put("share", r.shareNotComparable() ? NOT_COMPARABLE : percent(r.share()));
			row.put("rank", r.rank() == null ? "—" : String.valueOf(r.rank()));
			regionRows.add(row);
		}
		byte[] docx = templates.fill(TEMPLATE, fields, Map.of("figures", figures, "regions", regionRows));
		// a county (or a region whose sub-regions report nothing) has no section by region: left out, the sections
		// after it numbered on (attack 3: a section of one row "无下级地区数据 — — — —")
		return regionRows.isEmpty() ? WordTemplates.withoutSection(docx, REGIONS_HEADING) : docx;
	}

	/** The heading of the section by sub-region, without its number, as the built-in template words it. */
	static final String REGIONS_HEADING = "分地区快递业务量";

	/**
	 * What the bulletin writes for a growth or share from incomplete data: a word, never a number beside a caveat saying
	 * it cannot be compared. The bulletin is an official document and stays Chinese in every page language; the .xlsx
	 * exports write the bundle's {@code stat.notComparable} in the reader's language.
	 */
	static final String NOT_COMPARABLE = "不可比";

	/**
	 * A growth in a table: in percent as every export shows it ({@link Aggregates#growth}: two decimals, toward zero),
	 * "—" without a base, "不可比" when both years have figures but the data of either is incomplete.
	 */
	private static String growthCell(BigDecimal growth, boolean notComparable) {
		return notComparable ? NOT_COMPARABLE : growth == null ? "—" : growth.toPlainString();
	}

	/**
	 * The note under 总体情况: the first incomplete main figure's caveat ("数据不完整：2026年10月已审核52/60家"), and
	 * that growths not comparable are not printed when one is left out; nothing when every figure is comparable or
	 * when only a last year without any figure is incomplete (the sentence already says 上年同期无数据 — said once).
	 */
	static String note(Iterable<Figure> figures) {
		String caveat = null;
		boolean leftOut = false;
		for (Figure f : figures) {
			leftOut |= f.growthNotComparable();
			boolean baseMissing = f.lastYear() == null && f.coverage().current().complete();
			if (caveat == null && !f.coverage().comparable() && !baseMissing) {
				caveat = f.coverage().caveat();
			}
		}
		return caveat == null ? "" : "（注：" + caveat + (leftOut ? "，不可比的同比增速不予列示" : "") + "。）";
	}

	@Override
	public List<DocumentTemplate> templates() {
		return List.of(TEMPLATE);
	}

	/** A share (占比) as every export shows it ({@link Analysis}: two decimals, half up, held inside 0 and 100). */
	private static String percent(BigDecimal v) {
		return v == null ? "—" : v.toPlainString();
	}

	/**
	 * How the bulletin names its whole region — "全国", and below it by what the region is as its name says (GB/T 2260:
	 * 江苏省 全省, 北京市 and 昆山市 (县级市) 全市, 吴中区 and 广西壮族自治区 全区, 沛县 and 自治县 全县, 旗 全旗, 自治州
	 * 全州, 盟 全盟), not by the code's length: a 6-digit code is a 区, a 县 or a county-level city.
	 * @param prefix the region's code ("" for the country)
	 * @param name its name in the region list; null (a code not in the list) falls back to the level of the code
	 */
	static String area(String prefix, String name) {
		if (prefix.isEmpty()) {
			return "全国";
		}
		String kind = name == null ? "" : name.strip();
		if (kind.equals("市辖区")) {
			return "全市"; // a municipality's city level (1101 北京市市辖区) is the city
		}
		for (String suffix : List.of("省", "市", "区", "县", "旗", "州", "盟")) {
			if (kind.endsWith(suffix)) {
				return "全" + suffix;
			}
		}
		return switch (prefix.length()) {
			case 2 -> "全省";
			case 4 -> "全市";
			default -> "全区";
		};
	}

	/** How an amount is written: divided by {@code divisor}, two decimals, in {@code unit}. */
	record Scale(String unit, long divisor) {

		static final Scale TEN_THOUSAND = new Scale("万件", 10_000);

		String format(BigDecimal v) {
			return v == null ? "—" : v.divide(BigDecimal.valueOf(divisor), 2, RoundingMode.HALF_UP).toPlainString();
		}
	}

	/** A figure with last year's, written the way bulletins do ("27.81亿件", "同比增长12.5%"). */
	record Figure(Indicator indicator, BigDecimal value, BigDecimal lastYear, Coverage.Pair coverage) {

		/** The growth, null when not comparable ({@link Coverage.Pair#growth}). */
		BigDecimal growth() {
			return coverage.growth(value, lastYear);
		}

		/** Both years have a figure but their data is incomplete: 不可比. */
		boolean growthNotComparable() {
			return !coverage.comparable() && value != null && lastYear != null;
		}

		/** 亿件 from 100 million parcels, else 万件; 亿元 from 10,000 万元, else 万元; other units as they are. */
		Scale scale() {
			BigDecimal v = value != null ? value : lastYear;
			return switch (indicator.unit()) {
				case "件" -> v != null && v.compareTo(BigDecimal.valueOf(100_000_000)) >= 0 ? new Scale("亿件", 100_000_000)
						: Scale.TEN_THOUSAND;
				case "万元" -> v != null && v.compareTo(BigDecimal.valueOf(10_000)) >= 0 ? new Scale("亿元", 10_000)
						: new Scale("万元", 1);
				default -> new Scale(indicator.unit(), 1);
			};
		}

		String amount() {
			return value == null ? "—" : scale().format(value) + scale().unit();
		}

		String growthText() {
			if (growthNotComparable()) {
				// one thing said: not comparable, so no number (the note under the paragraph says why)
				return "同比不可比（数据不完整）";
			}
			BigDecimal g = growth();
			if (g == null) {
				return "上年同期无数据";
			}
			return (g.signum() >= 0 ? "同比增长" : "同比下降") + g.abs().toPlainString() + "%";
		}
	}
}
