package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.youguan.statistics.Analysis;

/**
 * Apache ECharts options for the statistics pages, as JSON for a data attribute (the page's script draws them; no
 * inline script under the content security policy). Each chart on a page has its table beside it.
 */
public final class Charts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Charts() {
	}

	/** The label an incomplete month or region carries on a chart. */
	static final String INCOMPLETE = "数据不完整";

	/** This year against last year by month; a month below the completeness share is grey and labelled 数据不完整. */
	public static String trend(List<Analysis.MonthPoint> points, String unit) {
		List<String> months = points.stream().map(p -> Integer.parseInt(p.month().substring(5)) + "月").toList();
		List<Object> current = points.stream().map(p -> marked(p.value(), p.incomplete())).toList();
		return json(Map.of("tooltip", Map.of("trigger", "axis"), "legend", Map.of("data", List.of("本年", "上年同期")),
				"grid", grid(), "xAxis", Map.of("type", "category", "data", months),
				"yAxis", Map.of("type", "value", "name", unit),
				"series", List.of(series("本年", "line", current),
						series("上年同期", "line", points.stream().<Object>map(Analysis.MonthPoint::lastYear).toList()))));
	}

	/** A ranking as horizontal bars, largest on top. */
	static String bars(List<Analysis.Row> rows, String unit) {
		List<Analysis.Row> reversed = new ArrayList<>(rows);
		Collections.reverse(reversed);
		return json(Map.of("tooltip", Map.of("trigger", "axis"), "grid", grid(),
				"xAxis", valueAxis(unit),
				"yAxis", Map.of("type", "category", "data", reversed.stream().map(Analysis.Row::name).toList()),
				"series", List.of(series("本期", "bar", reversed.stream().map(r -> marked(r.value(), r.incomplete())).toList()))));
	}

	/** The parts of a total. */
	static String pie(List<Analysis.Row> rows) {
		List<Map<String, Object>> data = rows.stream()
			.map(r -> Map.<String, Object>of("name", r.name(), "value", r.value() == null ? 0 : r.value()))
			.toList();
		return json(Map.of("tooltip", Map.of("trigger", "item"), "legend", Map.of("bottom", 0),
				"series", List.of(Map.of("type", "pie", "radius", List.of("40%", "70%"), "data", data))));
	}

	/** A data item: the bare value, or grey and labelled 数据不完整 when its period is incomplete. */
	private static Object marked(BigDecimal value, boolean incomplete) {
		if (!incomplete) {
			return value;
		}
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("value", value);
		item.put("itemStyle", Map.of("color", "#adb5bd"));
		item.put("label", Map.of("show", true, "position", "top", "color", "#d63939", "formatter", INCOMPLETE));
		return item;
	}

	/**
	 * A horizontal value axis with its unit under the axis, centred: the name at the axis' end lies outside what
	 * {@code containLabel} keeps inside the chart and was clipped at the right edge.
	 */
	private static Map<String, Object> valueAxis(String unit) {
		return Map.of("type", "value", "name", unit, "nameLocation", "middle", "nameGap", 28);
	}

	private static Map<String, Object> series(String name, String type, List<?> values) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("name", name);
		s.put("type", type);
		s.put("data", values);
		return s;
	}

	private static Map<String, Object> grid() {
		return Map.of("left", 24, "right", 24, "top", 40, "bottom", 36, "containLabel", true);
	}

	private static String json(Object option) {
		return JSON.writeValueAsString(option);
	}
}
