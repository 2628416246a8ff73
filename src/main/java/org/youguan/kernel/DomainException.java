package org.youguan.kernel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the user can act on. The message is already in Chinese (the product's language); the code says how the
 * web layer answers it; field errors, if any, name each field and rule. An ID or mobile number in the message (an
 * echoed value, an id in {@link #notFound}) is masked ({@link Masking#personalNumbersIn}), as in {@link FieldError}.
 * A refusal may carry its sentence as a bundle key with arguments ({@link #wording}): the web layer then shows it in the
 * reader's language, the Chinese message staying as written.
 */
public class DomainException extends RuntimeException {

	private final ErrorCode code;

	private final List<FieldError> fieldErrors;

	private final Wording wording;

	/** The keys of the failures beyond the refusal's own sentence, by their (masked) message. */
	private final Map<String, Wording> wordings;

	public DomainException(ErrorCode code, String message) {
		this(code, message, List.of());
	}

	public DomainException(ErrorCode code, String message, List<FieldError> fieldErrors) {
		this(code, null, message, fieldErrors);
	}

	/**
	 * A refusal with its sentence's key.
	 * @param wording the sentence as a bundle key and arguments (the English the pages show), or null
	 * @param message the sentence in Chinese, as the key's Chinese reads with the arguments
	 * @param fieldErrors the fields and rules refused (their messages the same sentence, or their own)
	 */
	public DomainException(ErrorCode code, Wording wording, String message, List<FieldError> fieldErrors) {
		this(code, wording, message, fieldErrors, Map.of());
	}

	/**
	 * A refusal of several failures, each carrying its own sentence's key where it has one — so a page words every
	 * failure in the reader's language, not the first alone.
	 * @param wording the refusal's own sentence (its first failure's) as a key, or null
	 * @param wordings the failures' keys (failures without one absent), matched to {@code fieldErrors} by message — a
	 * refusal's failures renamed to other fields keep them ({@link #wordings()} of the refusal renamed)
	 */
	public DomainException(ErrorCode code, Wording wording, String message, List<FieldError> fieldErrors,
			Map<FieldError, Wording> wordings) {
		super(Masking.personalNumbersIn(message));
		this.code = code;
		this.fieldErrors = List.copyOf(fieldErrors);
		this.wording = wording;
		Map<String, Wording> byMessage = new HashMap<>();
		wordings.forEach((error, words) -> {
			if (words != null) {
				byMessage.putIfAbsent(error.message(), words);
			}
		});
		this.wordings = Map.copyOf(byMessage);
	}

	public ErrorCode code() {
		return code;
	}

	/** The sentence as a bundle key and arguments, or null when the refusal carries only its Chinese message. */
	public Wording wording() {
		return wording;
	}

	public List<FieldError> fieldErrors() {
		return fieldErrors;
	}

	/**
	 * The key of one failure of this refusal ({@link #formErrors}): its own where it was refused with one, the
	 * refusal's sentence ({@link #wording}) for the failure saying that sentence; null for a failure without a key.
	 */
	public Wording wording(FieldError error) {
		Wording own = wordings.get(error.message());
		if (own != null) {
			return own;
		}
		// the failure's message as the refusal's own message becomes one (masked, cut)
		return wording != null && getMessage() != null
				&& error.message().equals(new FieldError(error.field(), error.rule(), getMessage()).message()) ? wording : null;
	}

	/** The keys of the failures that carry one ({@link #wording(FieldError)}), by failure. */
	public Map<FieldError, Wording> wordings() {
		Map<FieldError, Wording> keyed = new HashMap<>();
		for (FieldError error : formErrors()) {
			Wording words = wording(error);
			if (words != null) {
				keyed.putIfAbsent(error, words);
			}
		}
		return keyed;
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

	/**
	 * Not found (404): a record that does not exist or lies outside the caller's data scope (never telling which), worded
	 * {@code refusal.notFound} in another language.
	 * @param what the record's kind in Chinese (申诉, 许可证)
	 * @param id the id asked for (a personal number in it masked)
	 */
	public static DomainException notFound(String what, Object id) {
		return new DomainException(ErrorCode.NOT_FOUND, Wording.of("refusal.notFound", what,
				Masking.personalNumbersIn(String.valueOf(id))), what + "不存在或不在您的数据权限范围内：" + id, List.of());
	}

	/**
	 * Not found (404) on the public portal or its API: what a visitor asked for is unknown or not public (never
	 * published, or withdrawn) — in the public's words, not a staff sentence about data scopes.
	 */
	public static DomainException notPublished(String what, Object id) {
		return new DomainException(ErrorCode.NOT_FOUND, Wording.of("refusal.notPublished", what,
				Masking.personalNumbersIn(String.valueOf(id))), what + "不存在或未公开：" + id, List.of());
	}

	public static DomainException illegalTransition(String message) {
		return new DomainException(ErrorCode.ILLEGAL_TRANSITION, message);
	}

	/**
	 * A step the record's state does not allow (409), with its sentence's key: the pages word it in the reader's
	 * language.
	 * @param wording the sentence's key and arguments
	 * @param message the sentence in Chinese
	 */
	public static DomainException illegalTransition(Wording wording, String message) {
		return new DomainException(ErrorCode.ILLEGAL_TRANSITION, wording, message, List.of());
	}

	/** A step the record's state does not allow (409), naming the field and the rule that refuse it. */
	public static DomainException illegalTransition(String field, String rule, String message) {
		return new DomainException(ErrorCode.ILLEGAL_TRANSITION, message, List.of(new FieldError(field, rule, message)));
	}

	/**
	 * A step the record's state does not allow (409), naming the field and the rule, with its sentence's key: the pages
	 * (the error page, the form's list of errors) word it in the reader's language.
	 * @param wording the sentence's key and arguments
	 * @param message the sentence in Chinese
	 */
	public static DomainException illegalTransition(String field, String rule, Wording wording, String message) {
		return new DomainException(ErrorCode.ILLEGAL_TRANSITION, wording, message, List.of(new FieldError(field, rule, message)));
	}

	public static DomainException duplicate(String field, String message) {
		return new DomainException(ErrorCode.DUPLICATE, message, List.of(new FieldError(field, "unique", message)));
	}

	/**
	 * A record that exists already (409, rule {@code unique} on {@code field}), with its sentence's key: the pages word
	 * it in the reader's language.
	 * @param wording the sentence's key and arguments
	 * @param message the sentence in Chinese
	 */
	public static DomainException duplicate(String field, Wording wording, String message) {
		return new DomainException(ErrorCode.DUPLICATE, wording, message, List.of(new FieldError(field, "unique", message)));
	}

	public static DomainException rule(String message) {
		return new DomainException(ErrorCode.RULE_VIOLATION, message);
	}

	/** A rule of the domain the change breaks (422), naming the field and the rule that refuse it. */
	public static DomainException rule(String field, String rule, String message) {
		return new DomainException(ErrorCode.RULE_VIOLATION, message, List.of(new FieldError(field, rule, message)));
	}

	/**
	 * A rule of the domain the change breaks (422), with its sentence's key: the pages word it in the reader's language.
	 * @param wording the sentence's key and arguments
	 * @param message the sentence in Chinese
	 */
	public static DomainException rule(Wording wording, String message) {
		return new DomainException(ErrorCode.RULE_VIOLATION, wording, message, List.of());
	}

	/**
	 * A rule of the domain the change breaks (422), naming the field and the rule, with its sentence's key: the pages
	 * (the error page, the form's list of errors) word it in the reader's language.
	 */
	public static DomainException rule(String field, String rule, Wording wording, String message) {
		return new DomainException(ErrorCode.RULE_VIOLATION, wording, message, List.of(new FieldError(field, rule, message)));
	}
}
