package org.youguan.kernel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A value that breaks its format rule, e.g. a credit code with a wrong check character. Names the field and the rule.
 */
public class InvalidValueException extends DomainException {

	public InvalidValueException(String field, String rule, String message) {
		super(ErrorCode.INVALID_VALUE, message, List.of(new FieldError(field, rule, message)));
	}

	/**
	 * A value that breaks its format rule, with its sentence's key: the pages (the error page, the form's error beside
	 * the field) word it in the reader's language, the API's problem keeps the Chinese.
	 * @param field the field refused
	 * @param rule the rule's code
	 * @param wording the sentence as a bundle key with its values (a {@code rule.*} or {@code *.invalid.*} key)
	 * @param message the sentence in Chinese, as the key's Chinese reads with the values
	 */
	public InvalidValueException(String field, String rule, Wording wording, String message) {
		super(ErrorCode.INVALID_VALUE, wording, message, List.of(new FieldError(field, rule, message)));
	}

	public InvalidValueException(List<FieldError> errors) {
		this(ErrorCode.INVALID_VALUE, errors);
	}

	/**
	 * Several failures, the first of them with its sentence's key ({@code Validation.require} with a wording): the pages
	 * word that one in the reader's language, the others as written.
	 * @param errors the failures, in the order checked
	 * @param first the first failure's sentence as a bundle key with its values, or null
	 */
	public InvalidValueException(List<FieldError> errors, Wording first) {
		this(ErrorCode.INVALID_VALUE, first, errors);
	}

	/**
	 * Several failures, each with its sentence's key where it has one ({@code Validation} checks with a wording, the
	 * refusals an answer gathers, {@link CollectedErrors}): the pages word every one of them in the reader's language.
	 * @param errors the failures, in the order checked
	 * @param wordings the keys of those that carry one
	 */
	public InvalidValueException(List<FieldError> errors, Map<FieldError, Wording> wordings) {
		super(ErrorCode.INVALID_VALUE, errors.isEmpty() ? null : wordings.get(errors.get(0)),
				errors.isEmpty() ? "输入有误" : errors.get(0).message(), errors, wordings);
	}

	private InvalidValueException(ErrorCode code, List<FieldError> errors) {
		this(code, null, errors);
	}

	private InvalidValueException(ErrorCode code, Wording wording, List<FieldError> errors) {
		super(code, wording, errors.isEmpty() ? "输入有误" : errors.get(0).message(), errors);
	}

	private InvalidValueException(ErrorCode code, Wording wording, List<FieldError> errors, Map<FieldError, Wording> wordings) {
		super(code, wording, errors.isEmpty() ? "输入有误" : errors.get(0).message(), errors, wordings);
	}

	/**
	 * An upload beyond its route's limit (rule {@code size}): 413 like one beyond the server's multipart limit, with the
	 * file's field and the limit in the message.
	 * @param field the upload's field
	 * @param message the Chinese message naming the file and the limit
	 */
	public static InvalidValueException tooLarge(String field, String message) {
		return tooLarge(field, "size", message);
	}

	/**
	 * A request beyond one of its route's limits, 413, naming the limit's rule (a batch's bytes or its lines).
	 * @param field the request's part beyond the limit
	 * @param rule the limit's code
	 * @param message the Chinese message naming the limit
	 */
	public static InvalidValueException tooLarge(String field, String rule, String message) {
		return new InvalidValueException(ErrorCode.TOO_LARGE, List.of(new FieldError(field, rule, message)));
	}

	/**
	 * The same failures with one field's name replaced — the name a caller used for it (an API body's {@code on} for
	 * the service's {@code deliveredOn}), so an error names a field the caller sent; other fields keep theirs.
	 * @param field the name the service validated under
	 * @param callerName the name in the caller's request
	 */
	public InvalidValueException renamed(String field, String callerName) {
		return changed(e -> field.equals(e.field()) ? new FieldError(callerName, e.rule(), e.message().replace("（" + field
				+ "）", "（" + callerName + "）")) : e);
	}

	/** The same failure, attributed to another field name (e.g. a form's own field). */
	public InvalidValueException forField(String field) {
		return changed(e -> new FieldError(field, e.rule(), e.message()));
	}

	/** The same refusal with each failure changed by {@code change}, each keeping its sentence's key. */
	private InvalidValueException changed(UnaryOperator<FieldError> change) {
		Map<FieldError, Wording> keyed = new HashMap<>();
		List<FieldError> errors = fieldErrors().stream().map(e -> {
			FieldError changed = change.apply(e);
			Wording words = wording(e);
			if (words != null) {
				keyed.put(changed, words);
			}
			return changed;
		}).toList();
		return new InvalidValueException(code(), wording(), errors, keyed);
	}
}
