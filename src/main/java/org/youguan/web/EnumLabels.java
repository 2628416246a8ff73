package org.youguan.web;

import java.lang.reflect.Method;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.youguan.kernel.EnumWords;

/**
 * How a page shows a choice — a status, a kind, a level — in the reader's language: {@code ${@labels.of(c.status())}}
 * in place of {@code ${c.status().label()}}, so the English mode reads "Transferred to the company", not 已转办企业.
 * The text is the UI bundle's {@code enum.<Type>.<CONSTANT>}, looked up by the kernel's {@link EnumWords} (as the
 * modules' page helpers and the exports do; {@link #key}: {@code enum.ComplaintStatus.TRANSFERRED}, a nested type
 * named with its owner, {@code enum.CreditEntry.Status.IN_FORCE}); its Chinese is the enum's own
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
	 * @param value an enum constant (or any value with a public {@code label()}), a message with its values
	 *        ({@link MessageSourceResolvable}: its Chinese its default message), or null
	 * @return the label, or null for null
	 */
	public String of(Object value) {
		if (value instanceof MessageSourceResolvable message) {
			return messages.getMessage(message, LocaleContextHolder.getLocale());
		}
		return EnumWords.of(messages, value, LocaleContextHolder.getLocale());
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

	/** The bundle's key of a constant ({@link EnumWords#key}). */
	public static String key(Enum<?> value) {
		return EnumWords.key(value);
	}

	/** The value's own {@code label()} (its Chinese text), else its {@code toString()} ({@link EnumWords#label}). */
	static String label(Object value) {
		return EnumWords.label(value);
	}
}
