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
