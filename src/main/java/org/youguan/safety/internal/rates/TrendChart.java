package org.youguan.safety.internal.rates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.youguan.safety.SafetyRates;

/** The day/month trend of the three rates as an Apache ECharts option (JSON for the page's data attribute). */
final class TrendChart {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TrendChart() {
	}

	/**
	 * The option of the lines' three rates.
	 * @param names the three series' names in the page's language: real-name, inspection and screening rate
	 */
	static String of(List<SafetyRates.Line> lines, List<String> names) {
		List<String> keys = new ArrayList<>();
		List<Object> realName = new ArrayList<>();
		List<Object> inspection = new ArrayList<>();
		List<Object> screening = new ArrayList<>();
		for (SafetyRates.Line l : lines) {
			keys.add(l.key());
			realName.add(l.realNameRate());
			inspection.add(l.inspectionRate());
			screening.add(l.screeningRate());
		}
		Map<String, Object> option = new LinkedHashMap<>();
		option.put("tooltip", Map.of("trigger", "axis"));
		option.put("legend", Map.of("data", names));
		option.put("grid", Map.of("left", 48, "right", 16, "top", 32, "bottom", 32));
		option.put("xAxis", Map.of("type", "category", "data", keys));
		option.put("yAxis", Map.of("type", "value", "name", "%", "scale", true));
		option.put("series", List.of(series(names.get(0), realName), series(names.get(1), inspection),
				series(names.get(2), screening)));
		return JSON.writeValueAsString(option);
	}

	private static Map<String, Object> series(String name, List<Object> values) {
		return Map.of("name", name, "type", "line", "data", values);
	}
}
