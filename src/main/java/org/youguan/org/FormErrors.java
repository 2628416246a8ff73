package org.youguan.org;

import java.util.List;

import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;

/**
 * The errors a form shows for a failed command: the field errors, or the message when the failure names no field.
 */
final class FormErrors {

	private FormErrors() {
	}

	static List<FieldError> of(DomainException ex) {
		return ex.fieldErrors().isEmpty() ? List.of(new FieldError("", ex.code().name(), ex.getMessage()))
				: ex.fieldErrors();
	}
}
