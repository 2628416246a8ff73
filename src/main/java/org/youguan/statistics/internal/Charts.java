package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import tools.jackson.databind.json.JsonMapper;

import org.youguan.statistics.Analysis;

/**
 * Apache ECharts options for the statistics pages, as JSON for a data attribute (the page's script draws them; no
 * inline script under the content security policy). Each chart on a page has its table beside it. The series, month
 * and caveat names are the UI bundle's ({@code statistics.chart.*}, {@code stat.incomplete}) in the page's language —
 * an option is data the page cannot word with {@code #{…}}.
 */
public final class Charts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Charts() {
	}

	/**
	 * This year against last year by month; a month below the completeness share is grey and labelled 数据不完整.
	 * @param points the months (YYYY-MM; another text is shown as it is)
	 * @param unit the indicator's unit, naming the value axis
	 * @param language the page's language (Chinese by default)
	 */
	public static String trend(List<Analysis.MonthPoint> points, String unit, Locale language) {
		ResourceBundle words = words(language);
		String thisYear = words.getString("statistics.chart.thisYear");
		String lastYear = words.getString("statistics.chart.lastYear");
		List<String> months = points.stream().map(p -> month(p.month(), words, language)).toList();
		List<Object> current = points.stream().map(p -> marked(p.value(), p.incomplete(), words)).toList();
		return json(Map.of("tooltip", Map.of("trigger", "axis"), "legend", Map.of("data", List.of(thisYear, lastYear)),
				"grid", grid(), "xAxis", Map.of("type", "category", "data", months),
				"yAxis", Map.of("type", "value", "name", unit),
				"series", List.of(series(thisYear, "line", current),
						series(lastYear, "line", points.stream().<Object>map(Analysis.MonthPoint::lastYear).toList()))));
	}

	/** A ranking as horizontal bars, largest on top, in the page's language. */
	static String bars(List<Analysis.Row> rows, String unit, Locale language) {
		ResourceBundle words = words(language);
		List<Analysis.Row> reversed = new ArrayList<>(rows);
		Collections.reverse(reversed);
		return json(Map.of("tooltip", Map.of("trigger", "axis"), "grid", grid(),
				"xAxis", valueAxis(unit),
				"yAxis", Map.of("type", "category", "data", reversed.stream().map(Analysis.Row::name).toList()),
				"series", List.of(series(words.getString("statistics.chart.current"), "bar",
						reversed.stream().map(r -> marked(r.value(), r.incomplete(), words)).toList()))));
	}

	/** A month's name on the axis: 3月 in Chinese, Mar in English; a text that is no YYYY-MM as it is. */
	private static String month(String month, ResourceBundle words, Locale language) {
		if (month == null || !month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
			return month;
		}
		int number = Integer.parseInt(month.substring(5));
		return new MessageFormat(words.getString("statistics.chart.month"), language)
			.format(new Object[] { String.valueOf(number), Month.of(number).getDisplayName(TextStyle.SHORT, language) });
	}

	/**
	 * The UI bundle in {@code language} (the default bundle, Chinese, for any language it has no file for — never the
	 * machine's own language).
	 */
	private static ResourceBundle words(Locale language) {
		Locale shown = language == null ? Locale.SIMPLIFIED_CHINESE : language;
		return ResourceBundle.getBundle("messages", shown,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
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
	private static Object marked(BigDecimal value, boolean incomplete, ResourceBundle words) {
		if (!incomplete) {
			return value;
		}
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("value", value);
		item.put("itemStyle", Map.of("color", "#adb5bd"));
		item.put("label", Map.of("show", true, "position", "top", "color", "#d63939", "formatter", words.getString("stat.incomplete")));
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
