package org.youguan.web;

import java.lang.reflect.Method;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * How a page shows a choice — a status, a kind, a level — in the reader's language: {@code ${@labels.of(c.status())}}
 * in place of {@code ${c.status().label()}}, so the English mode reads "Transferred to the company", not 已转办企业.
 * The text is the UI bundle's {@code enum.<Type>.<CONSTANT>} ({@link #key}: {@code enum.ComplaintStatus.TRANSFERRED},
 * a nested type named with its owner, {@code enum.CreditEntry.Status.IN_FORCE}); its Chinese is the enum's own
 * {@code label()}, which the domain's messages and exports keep using. A constant without a key, or a value that is no
 * enum but has a {@code label()}, is shown by its {@code label()}; null stays null.
 */
@Component("labels")
public final class EnumLabels {

	private final MessageSource messages;

	EnumLabels(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The value's label in the request's language.
	 * @param value an enum constant (or any value with a public {@code label()}), or null
	 * @return the label, or null for null
	 */
	public String of(Object value) {
		if (value == null) {
			return null;
		}
		String label = label(value);
		return value instanceof Enum<?> e ? messages.getMessage(key(e), null, label, LocaleContextHolder.getLocale())
				: label;
	}

	/**
	 * A part of a constant's wording in the request's language — a kind's page title, a column's label
	 * ({@code ${@labels.of(kind, 'title')}}, {@code 'dayLabel'}): the bundle's {@code enum.<Type>.<CONSTANT>.<part>},
	 * its Chinese the constant's own {@code part()}, which is shown where the bundle has none.
	 * @param value an enum constant, or null
	 * @param part the name of the constant's method giving the Chinese wording
	 * @return the wording, or null for null (and for a part the constant does not have)
	 */
	public String of(Object value, String part) {
		if (!(value instanceof Enum<?> e)) {
			return null;
		}
		Method method = ReflectionUtils.findMethod(value.getClass(), part);
		Object chinese = method == null || method.getParameterCount() != 0 ? null : ReflectionUtils.invokeMethod(method, value);
		if (chinese == null) {
			return null;
		}
		return messages.getMessage(key(e) + "." + part, null, chinese.toString(), LocaleContextHolder.getLocale());
	}

	/**
	 * The bundle's key of a constant: {@code enum.} + its type's name without the package (a nested type with its
	 * owner, dot-separated) + {@code .} + the constant's name.
	 */
	public static String key(Enum<?> value) {
		Class<?> type = value.getDeclaringClass();
		String name = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
		return "enum." + name + "." + value.name();
	}

	/** The value's own {@code label()} (its Chinese text), else its {@code toString()}. */
	static String label(Object value) {
		Method method = ReflectionUtils.findMethod(value.getClass(), "label");
		if (method == null || method.getParameterCount() != 0) {
			return value.toString();
		}
		ReflectionUtils.makeAccessible(method);
		Object label = ReflectionUtils.invokeMethod(method, value);
		return label == null ? null : label.toString();
	}
}
