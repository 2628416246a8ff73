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

	/**
	 * @param field the request field the refusal concerns (e.g. {@code roles}), or null when it concerns the request
	 * @param message the reason in Chinese, shown to the user
	 */
	public AccessRefusedException(String field, String message) {
		super(message);
		this.field = field;
	}

	public AccessRefusedException(String message) {
		this(null, message);
	}

	/** The field the refusal concerns, or null. */
	public String field() {
		return field;
	}
}
