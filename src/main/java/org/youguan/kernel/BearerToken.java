package org.youguan.kernel;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request sends an API token: an {@code Authorization} header of the {@code Bearer} scheme, named in any
 * case (RFC 9110 §11.1: the scheme is case-insensitive; RFC 6750 §2.1). The one test by which the security filter
 * authenticates a request by its token, a refusal answers it as an API client, and a step keeps from it a secret only
 * a person signed in may be shown (a new account's temporary password).
 */
public final class BearerToken {

	/** The header's start that names the scheme, with the space before the token. */
	public static final String PREFIX = "Bearer ";

	/** The header that carries it. */
	public static final String HEADER = "Authorization";

	private BearerToken() {
	}

	/** Whether the request's {@code Authorization} header sends a Bearer token (its value not judged here). */
	public static boolean sent(HttpServletRequest request) {
		return sent(request.getHeader(HEADER));
	}

	/**
	 * Whether this {@code Authorization} header value sends a Bearer token ({@code Bearer …}, {@code bearer …}).
	 * @param authorization the header's value; null when absent or not read
	 */
	public static boolean sent(String authorization) {
		return authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
	}

	/**
	 * The token the request sends, without the scheme and surrounding blanks: "" when the header names the scheme alone.
	 * @return null when the request sends no Bearer token ({@link #sent(HttpServletRequest)})
	 */
	public static String token(HttpServletRequest request) {
		String header = request.getHeader(HEADER);
		return sent(header) ? header.substring(PREFIX.length()).strip() : null;
	}
}
