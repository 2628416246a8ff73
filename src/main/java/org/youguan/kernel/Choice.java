package org.youguan.kernel;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A choice a person makes on a form (批准 or 不予批准, 合格 or 不合格) read from its posted value: the value must be
 * one the form offers. A missing value is "不能为空" and any other value is refused naming the values allowed — never
 * read as the other branch, which would record a decision nobody made (a refusal with a document number for a
 * request that carried no {@code decision}).
 */
public final class Choice {

	private Choice() {
	}

	/**
	 * One of the form's values, required, refused listing each value with the label the form shows for it.
	 * @param allowed the values the form offers, as posted ({@code APPROVE}, {@code REFUSE})
	 * @param labels each value's Chinese label (批准, 不予批准)
	 * @param field the posted parameter
	 * @param label what the choice is, in Chinese ("决定")
	 * @param text the value posted
	 * @return the value as listed (any case and surrounding blanks accepted)
	 * @throws InvalidValueException (400, {@code field}) rule {@code required} when blank, {@code one-of} naming the
	 * values allowed ("批准（APPROVE）、不予批准（REFUSE）") for any other value
	 */
	public static String of(List<String> allowed, Function<String, String> labels, String field, String label,
			String text) {
		if (Text.isBlank(text)) {
			throw new InvalidValueException(field, "required", label + "不能为空：请选择"
					+ String.join("或", allowed.stream().map(labels).toList()));
		}
		return ListFilter.oneOf(allowed, labels, field, label, text);
	}

	/**
	 * A yes/no choice posted as {@code true} or {@code false} (a radio of 合格/不合格), or null when not made.
	 * @param field the posted parameter
	 * @param label what the choice is, in Chinese ("核查结论")
	 * @param text the value posted
	 * @return true, false, or null when blank
	 * @throws InvalidValueException (400, {@code field}, rule {@code one-of}) for any value other than true or false —
	 * never read as false
	 */
	public static Boolean yesNo(String field, String label, String text) {
		String value = ListFilter.oneOf(YES_NO, Choice::yesNoLabel, field, label, text);
		return value == null ? null : Boolean.valueOf(value);
	}

	/**
	 * A yes/no choice the form requires (两个按钮 接通/未接通), posted as {@code true} or {@code false}.
	 * @return true or false
	 * @throws InvalidValueException (400, {@code field}) rule {@code required} when blank or missing, {@code one-of}
	 * for any value other than true or false — never read as either
	 */
	public static boolean yesNoRequired(String field, String label, String text) {
		return Boolean.parseBoolean(of(YES_NO, Choice::yesNoLabel, field, label, text));
	}

	private static final List<String> YES_NO = List.of("true", "false");

	private static String yesNoLabel(String value) {
		return "true".equals(value) ? "是" : "否";
	}

	/**
	 * Codes a form or a list offers as a refusal lists them, each with its Chinese label and the code to send in
	 * brackets, as {@link #shown} shows an enum's: 待处理（OPEN）、已排除（DISMISSED）.
	 * @param codes the values allowed, in the order offered
	 * @param labels each code's Chinese label (a code without one is shown alone)
	 */
	public static String listed(List<String> codes, Function<String, String> labels) {
		return String.join("、", codes.stream().map(code -> shown(code, labels.apply(code))).toList());
	}

	/**
	 * {@link #listed(List, Function)} as the argument of a refusal's {@link Wording}: each code with a label as
	 * {@code kernel.choice.shown} (the label — its English where the bundle has the same words — and the code), a code
	 * without one as itself.
	 */
	public static List<Object> choices(List<String> codes, Function<String, String> labels) {
		return codes.stream().map(code -> {
			String label = labels.apply(code);
			return label == null || label.isBlank() || label.equals(code) ? (Object) code
					: Wording.of("kernel.choice.shown", label, code);
		}).toList();
	}

	private static String shown(String code, String label) {
		return label == null || label.isBlank() || label.equals(code) ? code : label + "（" + code + "）";
	}

	/**
	 * An enum's values as a refusal lists them ("应为…之一", "可选值：…"): each {@link #shown} — 系统管理员（SYSTEM_ADMIN）、
	 * 业务管理员（BUSINESS_ADMIN） —, in declaration order, joined by 、.
	 * @param type the enum whose values are allowed
	 * @return the list, never empty for an enum with values
	 */
	public static String listed(Class<?> type) {
		return String.join("、", Arrays.stream(type.getEnumConstants()).map(Choice::shown).toList());
	}

	/**
	 * {@link #listed(Class)} as the argument of a refusal's {@link Wording}, joined per language where it is worded: each
	 * value with a label as {@code kernel.choice.shown} (its label — the {@code enum.*} words of the reader's language —
	 * and the value to send in brackets: 系统管理员（SYSTEM_ADMIN）, System administrator (SYSTEM_ADMIN)), a value
	 * without one as its name.
	 * @param type the enum whose values are allowed
	 * @return the values in declaration order, each a {@link Wording} or a name
	 */
	public static List<Object> choices(Class<?> type) {
		return Arrays.stream(type.getEnumConstants()).map(Choice::choice).toList();
	}

	/** One value of {@link #choices(Class)}: a {@link Wording} of its label and name, or its name alone. */
	public static Object choice(Object constant) {
		Enum<?> value = (Enum<?>) constant;
		return shown(constant).equals(value.name()) ? value.name() : Wording.of("kernel.choice.shown", value, value.name());
	}

	/**
	 * The refusal of a value that is none of an enum's ("{label}应为…之一"), keyed so a page words it — the field's label
	 * and every choice — in the reader's language.
	 * @param field the field refused
	 * @param label the field's Chinese label
	 * @param type the enum whose values are allowed
	 * @return 400 on {@code field}, rule {@code one-of}
	 */
	public static InvalidValueException refused(String field, String label, Class<?> type) {
		return new InvalidValueException(field, "one-of", oneOf(label, type), label + "应为" + listed(type) + "之一");
	}

	/** The key of "{label}应为…之一" with the enum's {@link #choices(Class)}, for a check that gathers its refusals. */
	public static Wording oneOf(String label, Class<?> type) {
		return Wording.of("kernel.invalid.oneOf", label, choices(type));
	}

	/**
	 * One choice of an enum as a refusal lists it: its Chinese label ({@code label()}, which the enums shown in forms
	 * have) with the value to send in brackets — 系统管理员（SYSTEM_ADMIN） — so a person reads the choice the form showed
	 * them and an API caller the value to send; the bare value for an enum without a label.
	 * @param constant an enum constant
	 */
	public static String shown(Object constant) {
		Enum<?> value = (Enum<?>) constant;
		String code = value.name();
		try {
			Method label = value.getDeclaringClass().getMethod("label");
			// an enum of a module's internals may be package-private: its label is still what its form shows
			label.trySetAccessible();
			if (label.getReturnType() == String.class && label.invoke(constant) instanceof String text) {
				return shown(code, text);
			}
		}
		catch (ReflectiveOperationException | RuntimeException noLabel) {
			// an enum without a public label(): its value is all there is to show
		}
		return code;
	}
}
