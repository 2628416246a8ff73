package org.youguan.kernel;

/**
 * A refusal: the caller is signed in but may not do this (manage an account above their own rights, bind an account to
 * an enterprise outside their region, change a national catalogue…). Answered with HTTP 403 on pages and API alike.
 *
 * <p>Deliberately not a {@link DomainException}: forms catch those to show field errors, and a refusal must never be
 * turned into a flash message on a redirect.
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
