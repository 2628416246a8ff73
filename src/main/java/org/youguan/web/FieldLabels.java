package org.youguan.web;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.youguan.kernel.Text;

/**
 * What the user calls a form field or request parameter, for the refusals no rule of a module words (a forbidden
 * character, a value that does not decode, a number or date of the wrong shape, a parameter left out): the Chinese
 * label the field's own rules use ("排序含有不允许的字符…" beside "排序不能为空"), so the two kinds of message beside one
 * field name it alike. The refusal's {@code field} stays the parameter's name, for API clients.
 *
 * <p>The labels are the UI bundle's field names ({@code tools/messages.py}): {@code field.<name>} for the list
 * parameters every list reads ({@code page}, {@code size}, {@code q} …), else {@code audit.field.<name>}, the names the
 * audit trail gives the records' fields, which the forms and APIs post under the same names. Refusals are Chinese only
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
	 * The label of a parameter or field.
	 * @param name the parameter's or field's name as sent ({@code sortOrder}); a JSON path ({@code a.b}, {@code a[0]})
	 *     or a name with characters no field has gets none
	 * @return the Chinese label ("排序"), or null when none is known
	 */
	static String of(String name) {
		if (CHINESE == null || name == null || !name.matches("[A-Za-z][A-Za-z0-9]{0,60}")) {
			return null;
		}
		for (String key : new String[] { "field." + name, "audit.field." + name }) {
			if (CHINESE.containsKey(key)) {
				return CHINESE.getString(key);
			}
		}
		return null;
	}

	/**
	 * How a message names a parameter of a known type: a choice (an enum) by the name the forms give that choice where
	 * the bundle has one ({@code type.<SimpleName>}: {@code kind} is 用户类型 where it is a {@code UserKind}, whereas
	 * {@code kind} alone is the generic 类别), else as {@link #named(String)}.
	 * @param type the parameter's type (null: unknown)
	 */
	static String named(String name, Class<?> type) {
		if (CHINESE != null && type != null && type.isEnum() && CHINESE.containsKey("type." + type.getSimpleName())) {
			return CHINESE.getString("type." + type.getSimpleName());
		}
		return named(name);
	}

	/**
	 * How a message names a parameter: its label where one is known ({@code 排序}), else the parameter as sent,
	 * quoted ({@code 参数“sortOrder”}, control characters shown as code points).
	 */
	static String named(String name) {
		String label = of(name);
		return label != null ? label : "参数“" + Text.printable(name) + "”";
	}
}
