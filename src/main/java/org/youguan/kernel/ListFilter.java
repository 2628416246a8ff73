package org.youguan.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A list's filter value from a request ({@code ?status=OPEN}): blank means no filter, a value the list knows is the
 * filter, and any other value is refused (400, the filter's field, rule {@code one-of}, naming the values allowed) —
 * never silently dropped, which would answer an unfiltered list as if it were the one asked for.
 */
public final class ListFilter {

	private ListFilter() {
	}

	/**
	 * One of an enum's names, in any case.
	 * @param type the filter's values
	 * @param field the request parameter ({@code status}, {@code state})
	 * @param label what the filter is, in Chinese ("线索状态")
	 * @param text the value asked for
	 * @return the value, or null when blank (no filter)
	 * @throws InvalidValueException (400, {@code field}, rule {@code one-of}) for any other value
	 */
	public static <E extends Enum<E>> E oneOf(Class<E> type, String field, String label, String text) {
		if (Text.isBlank(text)) {
			return null;
		}
		String name = Text.strip(text).toUpperCase(Locale.ROOT);
		E[] values = type.getEnumConstants();
		return Arrays.stream(values)
			.filter(e -> e.name().equals(name))
			.findFirst()
			.orElseThrow(() -> Choice.refused(field, label, type));
	}

	/**
	 * One of a list of codes, in any case, refused listing each with its Chinese label as a form shows it
	 * ({@link Choice#listed(List, Function)}: 待处理（OPEN）、已排除（DISMISSED）).
	 * @param allowed the codes, in the order offered
	 * @param labels each code's Chinese label
	 * @return the code as listed, or null when blank (no filter)
	 * @throws InvalidValueException (400, {@code field}, rule {@code one-of}) for any other value
	 */
	public static String oneOf(List<String> allowed, Function<String, String> labels, String field, String label,
			String text) {
		if (Text.isBlank(text)) {
			return null;
		}
		return allowed.stream()
			.filter(a -> a.equalsIgnoreCase(Text.strip(text)))
			.findFirst()
			.orElseThrow(() -> new InvalidValueException(field, "one-of",
					Wording.of("kernel.invalid.oneOf", label, Choice.choices(allowed, labels)),
					label + "应为" + Choice.listed(allowed, labels) + "之一"));
	}

	/**
	 * A value the caller parsed its own way (by name or Chinese label): refused when the request asked for something
	 * and the parse found nothing.
	 * @param type the enum parsed, whose values the refusal lists ({@link Choice#listed(Class)})
	 * @return {@code parsed} (null when {@code text} is blank)
	 * @throws InvalidValueException (400, {@code field}, rule {@code one-of}) when {@code text} is not blank and
	 * {@code parsed} is null
	 */
	public static <E extends Enum<E>> E known(E parsed, String text, String field, String label, Class<E> type) {
		if (parsed == null && !Text.isBlank(text)) {
			throw Choice.refused(field, label, type);
		}
		return parsed;
	}
}
