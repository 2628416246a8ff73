package org.youguan.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.youguan.kernel.Text;

/**
 * What the user calls a form field or request parameter, for the refusals no rule of a module words (a forbidden
 * character, a value that does not decode, a number or date of the wrong shape, a parameter left out): the Chinese
 * label the field's own rules use ("排序含有不允许的字符…" beside "排序不能为空"), so the two kinds of message beside one
 * field name it alike. The refusal's {@code field} stays the parameter's name, for API clients.
 *
 * <p>The labels are the UI bundle's field names ({@code tools/messages.py}): {@code field.<name>} for the list
 * parameters every list reads ({@code page}, {@code size}, {@code q} …), else {@code audit.field.<name>}, the names the
 * audit trail gives the records' fields, which the forms and APIs post under the same names — a record's number
 * ({@code brandId}) by its own label, 品牌编号, not the record's (品牌, {@link #ownLabel}). Refusals are Chinese only
 * (as every domain message), so the Chinese bundle is read, whatever the request's language.
 */
final class FieldLabels {

	private static final ResourceBundle CHINESE = bundle();

	private FieldLabels() {
	}

	private static ResourceBundle bundle() {
		try {
			return ResourceBundle.getBundle("messages", Locale.ROOT,
					ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		}
		catch (MissingResourceException ex) {
			return null;
		}
	}

	/**
	 * The labels one route gives a field whose name other routes use for something else ({@code report} is the
	 * enterprise's 整改情况报告 on an inspection order and the investigator's 调查终结报告 on a case): the bundle's
	 * {@code field.<name>@<route>} keys, by field name, each route a path prefix ({@code /enforcement/cases}) that a
	 * page and its API ({@code /api/v1/enforcement/cases}) share; a {@code *} segment stands for any one (a record's id:
	 * {@code field.on@/enforcement/cases/*}{@code /delivery} is 送达日期 on every case's 送达 step).
	 */
	private static final Map<String, Map<String, String>> BY_ROUTE = byRoute();

	private static Map<String, Map<String, String>> byRoute() {
		Map<String, Map<String, String>> labels = new HashMap<>();
		if (CHINESE != null) {
			for (String key : CHINESE.keySet()) {
				int at = key.indexOf('@');
				if (key.startsWith("field.") && at > 0) {
					labels.computeIfAbsent(key.substring("field.".length(), at), k -> new HashMap<>())
						.put(key.substring(at + 1), CHINESE.getString(key));
				}
			}
		}
		return labels;
	}

	/** A field's name, or the dotted path of a nested object's field, that a label may be kept under. */
	private static final Pattern NAMED = Pattern
		.compile("[A-Za-z][A-Za-z0-9]{0,60}(\\.[A-Za-z][A-Za-z0-9]{0,60}){0,3}");

	/** The API's prefix: a route's label holds for its page and its API alike. */
	private static final String API = "/api/v1";

	/**
	 * The label of a parameter or field wherever it is sent ({@link #of(String, String)} without a route).
	 */
	static String of(String name) {
		return of(name, null);
	}

	/**
	 * The label of a parameter or field sent to {@code path}: the route's own label where the field has one
	 * ({@code field.<name>@<route>}, the longest route {@code path} lies under), else the field's label.
	 * @param name the parameter's or field's name as sent ({@code sortOrder}), or the JSON path of a nested object's
	 *     field ({@code priorComplaint.date}: labelled {@code field.priorComplaint.date}); a path into a list
	 *     ({@code a[0]}) or a name with characters no field has gets none
	 * @param path the request's path inside the application ({@code /api/v1/enterprise/inspections/orders/5}), or null
	 * @return the Chinese label ("排序"), or null when none is known
	 */
	static String of(String name, String path) {
		if (CHINESE == null || name == null || !NAMED.matcher(name).matches()) {
			return null;
		}
		String routed = routed(name, path);
		if (routed != null) {
			return routed;
		}
		if (CHINESE.containsKey("field." + name)) {
			return CHINESE.getString("field." + name);
		}
		if (CHINESE.containsKey("audit.field." + name)) {
			return ownLabel(name, CHINESE.getString("audit.field." + name));
		}
		return null;
	}

	/**
	 * An audit label as a refusal names the field: the audit trail names a record's number ({@code brandId},
	 * {@code outletIds}) by the record it points to (品牌) — the label of {@code brand}, a short name — so a refusal of
	 * the number is told as the number's (品牌编号, as the forms label it), never as the other field's. A label that
	 * already names a number (…编号, …号, …ID) is kept.
	 */
	static String ownLabel(String name, String auditLabel) {
		String last = name.substring(name.lastIndexOf('.') + 1);
		boolean number = last.endsWith("Id") || last.endsWith("Ids");
		return !number || auditLabel.endsWith("编号") || auditLabel.endsWith("号") || auditLabel.endsWith("ID")
				? auditLabel : auditLabel + "编号";
	}

	/** The label the route of {@code path} gives the field, or null. */
	private static String routed(String name, String path) {
		Map<String, String> routes = BY_ROUTE.get(name);
		if (routes == null || path == null) {
			return null;
		}
		String route = path.startsWith(API + "/") ? path.substring(API.length()) : path;
		String best = null;
		for (String prefix : routes.keySet()) {
			if (under(route, prefix) && (best == null || prefix.length() > best.length())) {
				best = prefix;
			}
		}
		return best == null ? null : routes.get(best);
	}

	/**
	 * Whether {@code route} lies under {@code prefix}: segment by segment, a {@code *} segment of the prefix standing for
	 * any one segment — the record's id of a step's address ({@code /enforcement/cases/*}{@code /delivery}), so one
	 * step's field is labelled for that step on every record.
	 */
	private static boolean under(String route, String prefix) {
		String[] want = prefix.split("/", -1);
		String[] have = route.split("/", -1);
		if (have.length < want.length) {
			return false;
		}
		for (int i = 0; i < want.length; i++) {
			if (!want[i].equals("*") ? !want[i].equals(have[i]) : have[i].isEmpty()) {
				return false;
			}
		}
		return true;
	}

	/** The path of a request inside the application (without its context path), for {@link #of(String, String)}. */
	static String path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return uri == null ? null : context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}

	/**
	 * How a message names a parameter of a known type: a choice (an enum) by the name the forms give that choice where
	 * the bundle has one ({@code type.<SimpleName>}: {@code kind} is 用户类型 where it is a {@code UserKind}, whereas
	 * {@code kind} alone is the generic 类别), else as {@link #named(String, String)}.
	 * @param type the parameter's type (null: unknown)
	 * @param path the request's path ({@link #path}), or null
	 */
	static String named(String name, Class<?> type, String path) {
		if (CHINESE != null && type != null && type.isEnum() && CHINESE.containsKey("type." + type.getSimpleName())) {
			return CHINESE.getString("type." + type.getSimpleName());
		}
		return named(name, path);
	}

	/**
	 * How a message names a parameter sent to {@code path}: its label where one is known ({@code 排序}; the route's own,
	 * {@link #of(String, String)}), else the parameter as sent, quoted ({@code 参数“sortOrder”}, control characters
	 * shown as code points).
	 */
	static String named(String name, String path) {
		String label = of(name, path);
		return label != null ? label : "参数“" + Text.printable(name) + "”";
	}

	/** As {@link #named(String, Class, String)} for no route in particular. */
	static String named(String name, Class<?> type) {
		return named(name, type, (String) null);
	}

	/** As {@link #named(String, String)} for no route in particular. */
	static String named(String name) {
		return named(name, (String) null);
	}
}
