package org.youguan.kernel;

import java.lang.reflect.Method;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.util.ReflectionUtils;

/**
 * A choice's words — a status, a kind, a level — in a language, read from the UI bundle in one place for pages
 * ({@code @labels}), page helpers of the modules (a case's status) and exports alike: the bundle's
 * {@code enum.<Type>.<CONSTANT>} ({@link #key}: {@code enum.ComplaintStatus.TRANSFERRED}, a nested type named with its
 * owner, {@code enum.CreditEntry.Status.IN_FORCE}), whose Chinese is the constant's own {@code label()}. A constant
 * without a key, or a value that is no enum but has a {@code label()}, reads as its {@code label()}; null stays null.
 */
public final class EnumWords {

	private EnumWords() {
	}

	/**
	 * The value's label in {@code locale}'s language.
	 * @param messages the UI bundle
	 * @param value an enum constant (or any value with a public {@code label()}), or null
	 * @param locale the language to word it in
	 * @return the label, or null for null
	 */
	public static String of(MessageSource messages, Object value, Locale locale) {
		if (value == null) {
			return null;
		}
		String label = label(value);
		return value instanceof Enum<?> e ? messages.getMessage(key(e), null, label, locale) : label;
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

	/** The value's own {@code label()} (its Chinese text), else its {@code toString()}; null for a null label. */
	public static String label(Object value) {
		Method method = ReflectionUtils.findMethod(value.getClass(), "label");
		if (method == null || method.getParameterCount() != 0) {
			return value.toString();
		}
		ReflectionUtils.makeAccessible(method);
		Object label = ReflectionUtils.invokeMethod(method, value);
		return label == null ? null : label.toString();
	}
}
