package org.youguan.notifications;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.youguan.kernel.Masking;
import org.youguan.kernel.StoredWords;
import org.youguan.kernel.Wording;
import tools.jackson.databind.json.JsonMapper;

/**
 * A notification's title as words ({@link Wording}) stored as JSON ({@code notification.title_words}): a wording as
 * {@code {"key": …, "arguments": […]}}, a list as an array, a day as stored words keep one ({@link StoredWords}: its
 * ISO text, read back as a {@link LocalDate}, so a Chinese reader reads 2026年12月7日 and an English one the ISO day),
 * any other value as its text — an ID or mobile number in a text masked ({@link Masking#personalNumbersIn}) as the
 * Chinese title is. Read back the same way: an object with a key as a wording, an array as a list, a text as
 * {@link StoredWords#argument} reads it. A title stored before that rule kept a day as {@code {"day": "2026-12-07"}}:
 * still read as the day. A month ({@link YearMonth}: a 催报's period) is kept as {@code {"month": "2026-11"}} and read
 * back as the month, so a Chinese reader reads 2026年11月 and an English one 2026-11.
 */
final class TitleWords {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TitleWords() {
	}

	/** The words as JSON; null for none. */
	static String write(Wording words) {
		return words == null ? null : JSON.writeValueAsString(tree(words));
	}

	/** The words read from their JSON; null for none (or a value that is no wording). */
	static Wording read(String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		return value(JSON.readValue(json, Object.class)) instanceof Wording w ? w : null;
	}

	private static Object tree(Object value) {
		if (value instanceof Wording w) {
			Map<String, Object> node = new LinkedHashMap<>();
			node.put("key", w.key());
			node.put("arguments", w.arguments().stream().map(TitleWords::tree).toList());
			return node;
		}
		if (value instanceof Collection<?> list) {
			return list.stream().map(TitleWords::tree).toList();
		}
		if (value instanceof LocalDate day) {
			return StoredWords.text(day);
		}
		if (value instanceof YearMonth month) {
			return Map.of("month", month.toString());
		}
		return value == null ? null : Masking.personalNumbersIn(String.valueOf(value));
	}

	private static Object value(Object node) {
		if (node instanceof Map<?, ?> map && map.get("key") instanceof String key) {
			List<Object> arguments = new ArrayList<>();
			if (map.get("arguments") instanceof List<?> list) {
				list.forEach(a -> arguments.add(value(a)));
			}
			return new Wording(key, arguments);
		}
		if (node instanceof Map<?, ?> map && map.get("day") instanceof String day) {
			// a title stored before StoredWords kept its day marked so
			return StoredWords.argument(day);
		}
		if (node instanceof Map<?, ?> map && map.get("month") instanceof String month) {
			try {
				return YearMonth.parse(month);
			}
			catch (java.time.format.DateTimeParseException ex) {
				return month;
			}
		}
		if (node instanceof List<?> list) {
			return list.stream().map(TitleWords::value).toList();
		}
		return node == null ? null : StoredWords.argument(String.valueOf(node));
	}
}
