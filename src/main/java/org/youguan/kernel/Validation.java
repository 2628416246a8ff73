package org.youguan.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every failed check of a form or an import row, so the user sees all of them at once.
 */
public final class Validation {

	private final List<FieldError> errors = new ArrayList<>();

	public <T> T check(String field, Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (InvalidValueException ex) {
			ex.forField(field).fieldErrors().forEach(errors::add);
			return null;
		}
	}

	public Validation require(String field, boolean condition, String rule, String message) {
		if (!condition) {
			errors.add(new FieldError(field, rule, message));
		}
		return this;
	}

	public Validation required(String field, String label, String value) {
		return require(field, value != null && !value.isBlank(), "required", label + "不能为空");
	}

	public Validation maxLength(String field, String label, String value, int max) {
		return require(field, value == null || value.length() <= max, "max-length",
				label + "不能超过" + max + "个字符");
	}

	/** A date typed as YYYY-MM-DD, or null when blank; a malformed date is recorded as this field's error. */
	public java.time.LocalDate date(String field, String label, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return java.time.LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			require(field, false, "date", label + "应为日期（YYYY-MM-DD）");
			return null;
		}
	}

	/** A decimal number, or null when blank; a malformed number is recorded as this field's error. */
	public java.math.BigDecimal decimal(String field, String label, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new java.math.BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			require(field, false, "number", label + "应为数字");
			return null;
		}
	}

	public List<FieldError> errors() {
		return List.copyOf(errors);
	}

	public boolean hasErrors() {
		return !errors.isEmpty();
	}

	public void throwIfInvalid() {
		if (hasErrors()) {
			throw new InvalidValueException(errors);
		}
	}
}
