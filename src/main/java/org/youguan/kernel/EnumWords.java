package org.youguan.kernel;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.util.ReflectionUtils;

/**
 * A choice's words — a status, a kind, a level — in a language, read from the UI bundle in one place for pages
 * ({@code @labels}), page helpers of the modules (a case's status) and exports alike: the bundle's
 * {@code enum.<Type>.<CONSTANT>} ({@link #key}: {@code enum.ComplaintStatus.TRANSFERRED}, a nested type named with its
 * owner, {@code enum.CreditEntry.Status.IN_FORCE}), whose Chinese is the constant's own {@code label()}. A constant
 * without a key, or a value that is no enum but has a {@code label()}, reads as its {@code label()}; null stays null.
 * A value worded by a sentence of the bundle ({@link Wording}: a state worked out for a row, 已审核（更正草稿）) reads as
 * the sentence in the language, its choices among the arguments worded in turn (a {@link MessageSourceResolvable} as
 * its message, its Chinese the default); a list of choices (a user's roles)
 * reads as their words joined by the bundle's {@value #SEPARATOR_KEY} (、 in Chinese, ", " in English).
 */
public final class EnumWords {

	/** The bundle's key of the separator between the words of a list of choices. */
	public static final String SEPARATOR_KEY = "common.listSeparator";

	private EnumWords() {
	}

	/**
	 * The value's label in {@code locale}'s language.
	 * @param messages the UI bundle
	 * @param value an enum constant (or any value with a public {@code label()}), a {@link Wording}, a
	 * {@link MessageSourceResolvable}, a collection of such values, or null; a wording's days and months are written
	 * 2026年3月5日 and 2026年3月 in Chinese ({@link ChineseText#sentenceArgument}), as the module's own Chinese sentence
	 * writes them
	 * @param locale the language to word it in
	 * @return the label, or null for null
	 */
	public static String of(MessageSource messages, Object value, Locale locale) {
		if (value == null) {
			return null;
		}
		if (value instanceof Wording wording) {
			Object[] arguments = wording.arguments().stream()
				.map(a -> a instanceof Enum<?> || a instanceof Wording || a instanceof Collection<?> ? of(messages, a, locale)
						: ChineseText.sentenceArgument(a, locale))
				.toArray();
			return messages.getMessage(wording.key(), arguments, wording.key(), locale);
		}
		if (value instanceof MessageSourceResolvable message) {
			return messages.getMessage(message, locale);
		}
		if (value instanceof Collection<?> values) {
			String separator = messages.getMessage(SEPARATOR_KEY, null, "、", locale);
			return values.stream().map(v -> of(messages, v, locale)).collect(Collectors.joining(separator));
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
