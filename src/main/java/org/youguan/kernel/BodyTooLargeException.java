package org.youguan.kernel;

import java.io.IOException;

/**
 * A request body read beyond the web layer's limit on bodies ({@code youguan.web.max-json-body}): thrown by the
 * request's input stream at the first byte past the limit, so a body sent in chunks (no {@code Content-Length}) is
 * never held whole. Whoever meets it — wrapped by a JSON parser or a message converter — answers 413 naming
 * {@code body}, rule {@code size} ({@link #of} finds it among the causes).
 */
public final class BodyTooLargeException extends IOException {

	private static final long serialVersionUID = 1L;

	/** @param detail the Chinese message naming the limit, e.g. "请求内容超过大小限制（不超过4MB）…" */
	public BodyTooLargeException(String detail) {
		super(detail);
	}

	/** This exception among a failure's causes (the failure itself included), or null. */
	public static BodyTooLargeException of(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof BodyTooLargeException tooLarge) {
				return tooLarge;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

	/**
	 * Throws the body's refusal when it is among the failure's causes (for code that catches a parser's failures and
	 * would otherwise tell a cut-off body as malformed); returns otherwise.
	 * @throws InvalidValueException 413, field {@code body}, rule {@code size}, with this exception's message
	 */
	public static void rethrowIfAmong(Throwable failure) {
		BodyTooLargeException tooLarge = of(failure);
		if (tooLarge != null) {
			throw InvalidValueException.tooLarge("body", "size", tooLarge.getMessage());
		}
	}
}
