package org.youguan.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Builds links of a list page that keep its current filters: another page, another sort, the export. The current
 * query is read decoded as a form sends it (UTF-8, {@code +} for a space) and every link is written form-encoded once,
 * so a search for 顺丰 or C++ stays itself across pages, sorts and tabs (it used to be encoded a second time —
 * {@code %25E9…} — and the search was lost on the next click).
 */
public final class ListUrls {

	/** The same list at another page (0-based). */
	public String page(int page) {
		return current().set("page", String.valueOf(page)).link();
	}

	/** The same list sorted by {@code column}: ascending, or descending when it is already sorted so ascending. */
	public String sort(String column, String currentSort, boolean currentDesc) {
		boolean desc = column.equals(currentSort) && !currentDesc;
		return current().set("sort", column).set("dir", desc ? "desc" : "asc").remove("page").link();
	}

	/**
	 * The same queue in another {@link org.youguan.kernel.WorkState} (待办 / 已办结 / 全部): keeps the search and the
	 * filters every state shares, drops those that belong to one state (status, awaiting reply, overdue), the page and the
	 * sort (each state has its own default order).
	 */
	public String state(String state) {
		return current().set("state", state)
			.remove("status")
			.remove("awaitingReply")
			.remove("overdue")
			.remove("page")
			.remove("sort")
			.remove("dir")
			.link();
	}

	/** The same list without one filter (the ✕ of a filter chip). */
	public String without(String name) {
		return current().remove(name).remove("page").link();
	}

	/** The same list as .xlsx: the export path with the current filters and sort. */
	public String export(String path) {
		String query = current().remove("page").query();
		return path + (query.isEmpty() ? "" : "?" + query);
	}

	private static Query current() {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		return Query.of(request.getRequestURI(), request.getQueryString());
	}

	/** A path and its query parameters, decoded, in their order. */
	record Query(String path, Map<String, List<String>> params) {

		static Query of(String path, String raw) {
			Map<String, List<String>> params = new LinkedHashMap<>();
			if (raw != null && !raw.isEmpty()) {
				for (String pair : raw.split("&")) {
					if (pair.isEmpty()) {
						continue;
					}
					int eq = pair.indexOf('=');
					String name = decode(eq < 0 ? pair : pair.substring(0, eq));
					String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
					params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
				}
			}
			return new Query(path, params);
		}

		Query set(String name, String value) {
			params.put(name, new ArrayList<>(List.of(value)));
			return this;
		}

		Query remove(String name) {
			params.remove(name);
			return this;
		}

		String query() {
			return params.entrySet()
				.stream()
				.flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
				.collect(Collectors.joining("&"));
		}

		String link() {
			String query = query();
			return path + (query.isEmpty() ? "" : "?" + query);
		}

		private static String encode(String s) {
			return URLEncoder.encode(s, StandardCharsets.UTF_8);
		}

		private static String decode(String s) {
			try {
				return URLDecoder.decode(s, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				// a malformed escape as typed: kept as it came
				return s;
			}
		}
	}
}
