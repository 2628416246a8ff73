package org.youguan.kernel;

import java.util.List;
import java.util.Map;

/**
 * A failure the user can act on. The message is already in Chinese (the product's language); the code says how the
 * web layer answers it; field errors, if any, name each field and rule. An ID or mobile number in the message (an
 * echoed value, an id in {@link #notFound}) is masked ({@link Masking#personalNumbersIn}), as in {@link FieldError}.
 */
public class DomainException extends RuntimeException {

	private final ErrorCode code;

	private final List<FieldError> fieldErrors;

	public DomainException(ErrorCode code, String message) {
		this(code, message, List.of());
	}

	public DomainException(ErrorCode code, String message, List<FieldError> fieldErrors) {
		super(Masking.personalNumbersIn(message));
		this.code = code;
		this.fieldErrors = List.copyOf(fieldErrors);
	}

	public ErrorCode code() {
		return code;
	}

	public List<FieldError> fieldErrors() {
		return fieldErrors;
	}

	/**
	 * The rule a refusal that names no field is given, on the field {@code request}, by its code — lower-case kebab
	 * rule codes like every named refusal's, never the code's constant ({@code RULE_VIOLATION}).
	 */
	private static final Map<ErrorCode, String> REQUEST_RULES = Map.of(ErrorCode.RULE_VIOLATION, "rule",
			ErrorCode.NOT_FOUND, "not-found", ErrorCode.INVALID_VALUE, "format", ErrorCode.IMPORT_REJECTED, "import",
			ErrorCode.TOO_LARGE, "too-large", ErrorCode.TOO_MANY_REQUESTS, "rate-limit", ErrorCode.UNAVAILABLE,
			"unavailable", ErrorCode.ACCESS_DENIED, "forbidden", ErrorCode.DUPLICATE, "duplicate");

	/**
	 * What the refusal names, for a form, a page, a sheet's row and the problem JSON alike: its field errors, or — when
	 * it names none — one error in its message: a step the resource's state does not allow (409) on {@code status},
	 * rule {@code state}; any other on {@code request}, rule by its code ({@code rule} for a rule of the domain (422),
	 * {@code duplicate}, {@code forbidden}, {@code not-found} …). Never a blank field or an upper-case code.
	 */
	public List<FieldError> formErrors() {
		if (!fieldErrors.isEmpty()) {
			return fieldErrors;
		}
		if (code == ErrorCode.ILLEGAL_TRANSITION) {
			return List.of(new FieldError("status", "state", getMessage()));
		}
		return List.of(new FieldError("request", REQUEST_RULES.getOrDefault(code, "rule"), getMessage()));
	}

	public static DomainException notFound(String what, Object id) {
		return new DomainException(ErrorCode.NOT_FOUND, what + "不存在或不在您的数据权限范围内：" + id);
	}

	/**
	 * Not found (404) on the public portal or its API: what a visitor asked for is unknown or not public (never
	 * published, or withdrawn) — in the public's words, not a staff sentence about data scopes.
	 */
	public static DomainException notPublished(String what, Object id) {
		return new DomainException(ErrorCode.NOT_FOUND, what + "不存在或未公开：" + id);
	}

	public static DomainException illegalTransition(String message) {
		return new DomainException(ErrorCode.ILLEGAL_TRANSITION, message);
	}

	/** A step the record's state does not allow (409), naming the field and the rule that refuse it. */
	public static DomainException illegalTransition(String field, String rule, String message) {
		return new DomainException(ErrorCode.ILLEGAL_TRANSITION, message, List.of(new FieldError(field, rule, message)));
	}

	public static DomainException duplicate(String field, String message) {
		return new DomainException(ErrorCode.DUPLICATE, message, List.of(new FieldError(field, "unique", message)));
	}

	public static DomainException rule(String message) {
		return new DomainException(ErrorCode.RULE_VIOLATION, message);
	}

	/** A rule of the domain the change breaks (422), naming the field and the rule that refuse it. */
	public static DomainException rule(String field, String rule, String message) {
		return new DomainException(ErrorCode.RULE_VIOLATION, message, List.of(new FieldError(field, rule, message)));
	}
}
