package org.youguan.kernel;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.validation.BindingResult;

/**
 * The values of a page form that could not be bound into its form record (a number, date or choice of the wrong
 * shape), told as field errors that a step's own checks continue ({@link Validation#after}), so one answer names
 * every bad field of the form at once — "品牌编号应为正整数（至多19位）" beside "企业名称不能为空" — instead of the
 * unbindable one alone. Each message names the field by its label and states what the field takes: a record's number
 * {@link Decimals#RECORD_NUMBER}; a whole number the range its form record declares ({@link Decimals#declaredWhole}:
 * {@link WholeIn}, {@code @Min}/{@code @Max}), else that it is a whole number — or, for a whole number refused only
 * for lying beyond its type, that type's real range ({@link Decimals#typeRange}); a decimal a number; a date its format; a choice its options; a
 * check box (a boolean, "hasSignage=maybe") that it is yes or no.
 */
public final class FormBinding {

	private FormBinding() {
	}

	/**
	 * The binding's field errors, rule {@code format}.
	 * @param binding the binding of a form record (the handler's {@code BindingResult} after its {@code @ModelAttribute})
	 * @param form the form record's class, whose components declare the whole numbers they take ({@link WholeIn},
	 *     {@link YearIn}, {@code @Min}/{@code @Max}): a record bound through its constructor leaves the binding without a
	 *     target when a value cannot be converted, so the class is what tells its ranges
	 * @param labels the form's labels by field; a field without one is named by its name
	 * @param today China's date today (the application's {@code Clock}): a {@link YearIn}'s last year counts from it
	 * @return the errors, in the order bound; empty when everything was bound
	 */
	public static List<FieldError> errors(BindingResult binding, Class<? extends Record> form, Map<String, String> labels,
			LocalDate today) {
		return binding.getFieldErrors().stream()
			.map(e -> new FieldError(e.getField(), "format", labels.getOrDefault(e.getField(), e.getField())
					+ expected(chosen(binding.getFieldType(e.getField()), component(form, e.getField())), e.getField(),
							component(form, e.getField()), today.getYear(), e.getRejectedValue())))
			.toList();
	}

	/**
	 * The type a field's values are told by: a collection of choices (the roles checked, {@code Set<Role>}) by its
	 * choice type, so it lists its options as a single choice does; any other field by its own type.
	 */
	private static Class<?> chosen(Class<?> type, RecordComponent component) {
		if (type != null && java.util.Collection.class.isAssignableFrom(type) && component != null
				&& component.getGenericType() instanceof java.lang.reflect.ParameterizedType p
				&& p.getActualTypeArguments().length == 1 && p.getActualTypeArguments()[0] instanceof Class<?> element
				&& element.isEnum()) {
			return element;
		}
		return type;
	}

	/**
	 * As {@link #expected(Class, String, java.lang.reflect.AnnotatedElement, int)}, told of the value refused: a number
	 * refused only for lying beyond its type ({@code 99999999999} for an {@code Integer} count) where the field declares
	 * no range of its own is told the type's real range ({@link Decimals#typeRange}) — it is a whole number, so
	 * "应为整数" alone would not say what is wrong; a record's number is told it is one all the same.
	 * @param value the value as typed (a string, or several)
	 */
	public static String expected(Class<?> type, String field, java.lang.reflect.AnnotatedElement declared,
			int thisYear, Object value) {
		String range = Decimals.typeRange(type);
		boolean id = field.equals("id") || field.endsWith("Id");
		if (range != null && !id && Decimals.declaredWhole(declared, thisYear) == null && value instanceof String text) {
			String typed = Text.halfWidthDigits(Text.strip(text));
			boolean number = type == java.math.BigDecimal.class
					? typed.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?") : typed.matches("[+-]?\\d+");
			if (number) {
				return range;
			}
		}
		return expected(type, field, declared, thisYear);
	}

	/**
	 * What a field of this type and name takes, for a message after its label.
	 * @param type the field's type (null when unknown)
	 * @param field its name: one ending in {@code Id} (or {@code id}) holds a record's number
	 * @param declared the record component or parameter that may declare its whole numbers, or null
	 * @param thisYear the current year (China time)
	 */
	public static String expected(Class<?> type, String field, java.lang.reflect.AnnotatedElement declared,
			int thisYear) {
		String bound = Decimals.declaredWhole(declared, thisYear);
		if (bound != null) {
			return bound.substring(1, bound.length() - 1);
		}
		if (type == null) {
			return "格式不正确";
		}
		boolean whole = type == Long.class || type == long.class || type == Integer.class || type == int.class;
		if (whole && (field.equals("id") || field.endsWith("Id"))) {
			return Decimals.RECORD_NUMBER;
		}
		if (whole) {
			return "应为整数";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "应为数字";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "应为是或否（勾选框只能勾选或不勾选）";
		}
		if (type == LocalDate.class) {
			return "应为实际存在的日期，格式 YYYY-MM-DD，如2026-03-05";
		}
		if (type.isEnum()) {
			return "的值无效（可选值：" + Choice.listed(type) + "）";
		}
		return "格式不正确";
	}

	/** The form record's component of {@code field}, or null (a nested field). */
	private static RecordComponent component(Class<? extends Record> form, String field) {
		for (RecordComponent c : form.getRecordComponents()) {
			if (c.getName().equals(field)) {
				return c;
			}
		}
		return null;
	}
}
