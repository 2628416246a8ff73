package org.youguan.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.youguan.documents.WordTemplates;
import org.youguan.region.Regions;

/**
 * The monthly bulletin "1–N月全市邮政行业运行情况" (.docx, from {@code documents/statistics-bulletin.docx}): the main
 * figures with growth, the place of the region's express growth among its siblings, the composition, and a table by
 * sub-region — approved data only.
 */
@Service
public class Bulletins {

	static final String TEMPLATE = "documents/statistics-bulletin.docx";

	static final List<String> MAIN = List.of("postal.total", "postal.revenue", "express.volume", "express.revenue");

	private final Analysis analysis;

	private final Aggregates aggregates;

	private final Indicators indicators;

	private final Regions regions;

	private final WordTemplates templates;

	private final Clock clock;

	Bulletins(Analysis analysis, Aggregates aggregates, Indicators indicators, Regions regions, WordTemplates templates,
			Clock clock) {
		this.analysis = analysis;
		this.aggregates = aggregates;
		this.indicators = indicators;
		this.regions = regions;
		this.templates = templates;
		this.clock = clock;
	}

	public byte[] write(Slice slice, String months) {
		String area = area(slice.regionPrefix());
		String name = slice.regionPrefix().isEmpty() ? "全国" : regions.fullName(slice.regionPrefix());
		Map<String, String> fields = new HashMap<>();
		fields.put("title", slice.from().getYear() + "年" + months + name + "邮政行业运行情况");
		fields.put("months", slice.from().getYear() + "年" + months);
		fields.put("date", LocalDate.now(clock).toString());
		List<Map<String, String>> figures = new ArrayList<>();
		Map<String, Figure> main = new LinkedHashMap<>();
		for (String code : MAIN) {
			Indicator i = indicators.get(code);
			Figure f = new Figure(i, aggregates.value(i, slice), aggregates.value(i, slice.lastYear()));
			main.put(code, f);
			Map<String, String> row = new HashMap<>();
			row.put("name", i.name());
			row.put("unit", i.unit());
			row.put("value", plain(f.value()));
			row.put("lastYear", plain(f.lastYear()));
			row.put("growth", plain(f.growth()));
			figures.add(row);
		}
		fields.put("overall", months + "，" + area + "邮政行业业务总量累计完成" + main.get("postal.total").amount() + "，"
				+ main.get("postal.total").growthText() + "；业务收入（不包括邮政储蓄银行直接营业收入）累计完成"
				+ main.get("postal.revenue").amount() + "，" + main.get("postal.revenue").growthText() + "。");
		Indicator volume = indicators.get("express.volume");
		String place = "";
		if (slice.regionPrefix().length() >= 4) {
			Analysis.Place p = analysis.place(volume, slice, slice.regionPrefix());
			if (p.byGrowth() > 0) {
				place = "，增幅" + (slice.regionPrefix().length() == 4 ? "全省" : "全市") + "排名第" + p.byGrowth() + "（共" + p.of() + "个）";
			}
		}
		fields.put("express", area + "快递业务量累计完成" + main.get("express.volume").amount() + "，"
				+ main.get("express.volume").growthText() + place + "；快递业务收入累计完成" + main.get("express.revenue").amount()
				+ "，" + main.get("express.revenue").growthText() + "。");
		List<String> parts = new ArrayList<>();
		for (Analysis.Row r : analysis.composition(volume, slice)) {
			parts.add(r.name().replace("快递业务量", "") + "业务量" + new Figure(volume, r.value(), r.previousYearValue()).amount()
					+ "，" + new Figure(volume, r.value(), r.previousYearValue()).growthText() + "，占全部快递业务量的"
					+ plain(r.share()) + "%");
		}
		fields.put("composition", parts.isEmpty() ? "" : String.join("；", parts) + "。");
		List<Map<String, String>> regionRows = new ArrayList<>();
		int rank = 0;
		for (Analysis.Row r : analysis.byRegion(volume, slice)) {
			Map<String, String> row = new HashMap<>();
			row.put("name", r.name());
			row.put("value", r.value() == null ? "" : plain(r.value().divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP)));
			row.put("growth", plain(r.growth()));
			row.put("share", plain(r.share()));
			row.put("rank", String.valueOf(++rank));
			regionRows.add(row);
		}
		try (InputStream template = new ClassPathResource(TEMPLATE).getInputStream()) {
			return templates.fill(template, fields, Map.of("figures", figures, "regions", regionRows));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** "全省", "全市", "全区" by the level of the region code. */
	static String area(String prefix) {
		return switch (prefix.length()) {
			case 0 -> "全国";
			case 2 -> "全省";
			case 4 -> "全市";
			default -> "全区";
		};
	}

	private static String plain(BigDecimal v) {
		return v == null ? "—" : v.stripTrailingZeros().toPlainString();
	}

	/** A figure with last year's, written the way bulletins do ("27.81亿件", "同比增长12.5%"). */
	record Figure(Indicator indicator, BigDecimal value, BigDecimal lastYear) {

		BigDecimal growth() {
			return Aggregates.growth(value, lastYear);
		}

		String amount() {
			if (value == null) {
				return "—";
			}
			return switch (indicator.unit()) {
				case "件" -> value.compareTo(BigDecimal.valueOf(100_000_000)) >= 0 ? scaled(100_000_000) + "亿件" : scaled(10_000) + "万件";
				case "万元" -> value.compareTo(BigDecimal.valueOf(10_000)) >= 0 ? scaled(10_000) + "亿元" : scaled(1) + "万元";
				default -> plain(value) + indicator.unit();
			};
		}

		String growthText() {
			BigDecimal g = growth();
			if (g == null) {
				return "上年同期无数据";
			}
			return (g.signum() >= 0 ? "同比增长" : "同比下降") + g.abs().setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
		}

		private String scaled(long divisor) {
			return value.divide(BigDecimal.valueOf(divisor), 2, RoundingMode.HALF_UP).toPlainString();
		}
	}
}
