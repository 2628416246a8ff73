package org.youguan.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.youguan.kernel.StoredWords;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An anomaly alert's detail as words of the UI bundle, for every reader's language: the alert page, its list, the
 * inbox, the .xlsx and the notification word it from its key ({@code safety.alert.detail.<kind>}) and its stored values
 * (texts; a day as {@link StoredWords} keeps one). A list value (the enterprises a sender used, a courier's waybills) is
 * stored as a JSON array of its items ({@link #storedList}: an item holding 、 — a name like 甲、乙物流 — stays one item)
 * and worded as a list, joined by the reader's {@code common.listSeparator} (、 Chinese, ", " English); a list value
 * stored before that (old rows, the V372 keying) was joined by {@value #LIST_SEPARATOR} and is still split there
 * ({@link #items}). An enterprise the registry does not name is stored as 企业 and its id and worded by
 * {@value #UNNAMED_ENTERPRISE_KEY}.
 */
public final class AlertDetails {

	/** What the Chinese detail joins the items of a list value with: 、, the Chinese bundle's list separator. */
	public static final String LIST_SEPARATOR = "、";

	/** The bundle key of an enterprise the registry does not name: 企业{0} (Enterprise {0}) with its id. */
	public static final String UNNAMED_ENTERPRISE_KEY = "safety.alert.enterpriseNumbered";

	/** An enterprise the registry does not name as the Chinese detail writes it (企业 and its id). */
	private static final Pattern UNNAMED_ENTERPRISE = Pattern.compile("企业(\\d+)");

	/** The values of each detail that are lists ({@code {4}} of pseudonymEnterprises: names; of courierSelf: waybills). */
	private static final Map<String, Set<Integer>> LIST_VALUES = Map.of("safety.alert.detail.pseudonymEnterprises",
			Set.of(4), "safety.alert.detail.courierSelf", Set.of(4));

	/** The values of each detail that name enterprises (or, in a list, hold their names). */
	private static final Map<String, Set<Integer>> ENTERPRISE_VALUES = Map.of(
			"safety.alert.detail.pseudonymEnterprises", Set.of(4), "safety.alert.detail.pseudonymVolume", Set.of(2),
			"safety.alert.detail.courierSelf", Set.of(0), "safety.alert.detail.noOutletRealName", Set.of(0),
			"safety.alert.detail.noOutletExemptShare", Set.of(0));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AlertDetails() {
	}

	/**
	 * The items of a list value as one stored value: a JSON array of texts, as many items as fit in {@code max}
	 * characters (each item cut to {@code max} first, "…" at its end when cut) and "…" as the last item when some did
	 * not fit.
	 * @param items the list's items (null items are left out)
	 * @param max the most characters the stored value may take, at least 10
	 * @return the JSON array's text, {@code ["SF1","甲、乙物流"]}
	 */
	public static String storedList(List<String> items, int max) {
		List<String> kept = fitting(items, max);
		return JSON.writeValueAsString(kept);
	}

	/**
	 * The items of a list value that fit stored in {@code max} characters ({@link #storedList}), "…" last when some
	 * were left out: the Chinese detail lists the same items as the stored words.
	 */
	public static List<String> fitting(List<String> items, int max) {
		List<String> kept = new ArrayList<>();
		for (String item : items) {
			if (item == null) {
				continue;
			}
			String one = item.length() > max / 2 ? Text.start(item, max / 2) + "…" : item;
			List<String> tried = new ArrayList<>(kept);
			tried.add(one);
			tried.add("…");
			if (JSON.writeValueAsString(tried).length() > max) {
				kept.add("…");
				return kept;
			}
			kept.add(one);
		}
		return kept;
	}

	/**
	 * The items of a stored list value: a JSON array of texts ({@link #storedList}) as its items; a value stored before
	 * (joined by {@value #LIST_SEPARATOR}) split there.
	 * @param stored the stored value, not null
	 * @return the items in their order
	 */
	public static List<String> items(String stored) {
		if (stored.startsWith("[") && stored.endsWith("]")) {
			try {
				Object read = JSON.readValue(stored, Object.class);
				if (read instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
					return list.stream().map(String.class::cast).toList();
				}
			}
			catch (JacksonException ex) {
				// a value of the old form that starts with [ and ends with ]: split as stored then
			}
		}
		return Arrays.asList(stored.split(LIST_SEPARATOR));
	}

	/**
	 * A detail as words: its key with its values, each list value as the list of its items and each enterprise named
	 * by id as the keyed {@value #UNNAMED_ENTERPRISE_KEY}, a day as a day ({@link StoredWords#argument}), other values as
	 * stored.
	 * @param key the detail's bundle key ({@code safety.alert.detail.<kind>})
	 * @param values the stored values, in the key's order (null: none)
	 * @return the wording, which {@code EnumWords} words in a language
	 */
	public static Wording words(String key, List<String> values) {
		if (values == null) {
			return new Wording(key, List.of());
		}
		Set<Integer> lists = LIST_VALUES.getOrDefault(key, Set.of());
		Set<Integer> enterprises = ENTERPRISE_VALUES.getOrDefault(key, Set.of());
		List<Object> worded = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			boolean names = enterprises.contains(i);
			if (value != null && lists.contains(i)) {
				worded.add(items(value).stream().map(item -> names ? enterprise(item) : item).toList());
			}
			else if (value != null && names) {
				worded.add(enterprise(value));
			}
			else {
				// a day stored as stored words keep one (StoredWords): worded per reader, 2026年3月5日 in Chinese
				worded.add(StoredWords.argument(value));
			}
		}
		return new Wording(key, worded);
	}

	/** An enterprise's name as stored, or the keyed 企业{id} where the registry named none. */
	private static Object enterprise(String name) {
		Matcher unnamed = UNNAMED_ENTERPRISE.matcher(name);
		return unnamed.matches() ? Wording.of(UNNAMED_ENTERPRISE_KEY, unnamed.group(1)) : name;
	}
}
