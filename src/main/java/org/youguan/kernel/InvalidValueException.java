package org.youguan.kernel;

import java.util.List;

/**
 * A value that breaks its format rule, e.g. a credit code with a wrong check character. Names the field and the rule.
 */
public class InvalidValueException extends DomainException {

	public InvalidValueException(String field, String rule, String message) {
		super(ErrorCode.INVALID_VALUE, message, List.of(new FieldError(field, rule, message)));
	}

	public InvalidValueException(List<FieldError> errors) {
		super(ErrorCode.INVALID_VALUE, errors.isEmpty() ? "输入有误" : errors.get(0).message(), errors);
	}

	/** The same failure, attributed to another field name (e.g. a form's own field). */
	public InvalidValueException forField(String field) {
		return new InvalidValueException(fieldErrors().stream()
			.map(e -> new FieldError(field, e.rule(), e.message()))
			.toList());
	}
}
