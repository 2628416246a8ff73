package org.youguan.kernel;

/**
 * A refusal: the caller is signed in but may not do this (manage an account above their own rights, bind an account to
 * an enterprise outside their region, change a national catalogue…). Answered with HTTP 403 on pages and API alike.
 *
 * <p>Deliberately not a {@link DomainException}: forms catch those to show field errors, and a refusal is not a
 * field to correct. It reaches the one error handler, which answers 403 — for a page's step on a record sent back to
 * the record's page with the refusal in its error box, still in 403 ({@link PageSteps#flashRefusal(java.util.function.BiConsumer,
 * jakarta.servlet.http.HttpServletRequest, AccessRefusedException)}).
 */
public class AccessRefusedException extends RuntimeException {

	private final String field;

	private final Wording wording;

	/**
	 * @param field the request field the refusal concerns (e.g. {@code roles}), or null when it concerns the request
	 * @param message the reason in Chinese, shown to the user
	 */
	public AccessRefusedException(String field, String message) {
		this(field, null, message);
	}

	/**
	 * A refusal with its sentence's key: the pages word it in the reader's language.
	 * @param field the request field the refusal concerns, or null when it concerns the request
	 * @param wording the sentence's bundle key and arguments, or null
	 * @param message the reason in Chinese, as the key's Chinese reads with the arguments
	 */
	public AccessRefusedException(String field, Wording wording, String message) {
		super(message);
		this.field = field;
		this.wording = wording;
	}

	/** The sentence as a bundle key and arguments, or null when the refusal carries only its Chinese message. */
	public Wording wording() {
		return wording;
	}

	public AccessRefusedException(String message) {
		this(null, message);
	}

	/** The field the refusal concerns, or null. */
	public String field() {
		return field;
	}
}
