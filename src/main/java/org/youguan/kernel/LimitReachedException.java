package org.youguan.kernel;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal past a limit of what the public side may do in a window ({@link PublicTally}: failed look-ups an hour,
 * complaints filed a day): 429 ({@link ErrorCode#TOO_MANY_REQUESTS}) that says when to try again — its
 * {@link #retryAfter()}, the time until the window frees one step — which every answer of it, the API's problem and a
 * page alike, carries as the header {@code Retry-After} in whole seconds ({@link #retryAfter(DomainException,
 * HttpServletResponse)}, the one place it is written).
 */
public class LimitReachedException extends DomainException {

	/** The header saying how many seconds to wait (RFC 9110 §10.2.3). */
	public static final String HEADER = "Retry-After";

	private final Duration retryAfter;

	/**
	 * @param wording the sentence as a bundle key and arguments (the English the pages show), or null
	 * @param message the sentence in Chinese (which limit, how many, when to try again)
	 * @param fieldErrors the field and rule refused
	 * @param retryAfter how long until the window frees a step (at least a second is said)
	 */
	public LimitReachedException(Wording wording, String message, List<FieldError> fieldErrors, Duration retryAfter) {
		super(ErrorCode.TOO_MANY_REQUESTS, wording, message, fieldErrors);
		this.retryAfter = retryAfter;
	}

	/** How long until the window frees a step. */
	public Duration retryAfter() {
		return retryAfter;
	}

	/** {@link #retryAfter()} in whole seconds, rounded up, at least 1. */
	public long retryAfterSeconds() {
		return seconds(retryAfter);
	}

	/**
	 * A wait as {@code Retry-After} says it, the one rule of every 429 (a limit reached here, the public rate limit's
	 * window): whole seconds, rounded up, at least 1.
	 * @param wait the time until a step is free again
	 */
	public static long seconds(Duration wait) {
		// under a millisecond over a whole second is the noise of a stored time (PostgreSQL rounds to the microsecond,
		// up as often as down), not a second more to wait: 10 minutes into a 15-minute pause is 300, not 301
		Duration counted = wait.truncatedTo(ChronoUnit.MILLIS);
		return Math.max(1, counted.getSeconds() + (counted.getNano() > 0 ? 1 : 0));
	}

	/**
	 * Writes the header {@code Retry-After} (seconds until the window frees a step) on the answer of {@code refusal}
	 * when it is a limit reached; nothing for any other refusal. Every answer of a refusal calls it — the error handler
	 * (API problem and error page) and a page that shows its refusal itself ({@code FormSteps}).
	 */
	public static void retryAfter(DomainException refusal, HttpServletResponse response) {
		if (refusal instanceof LimitReachedException limit && response != null) {
			response.setHeader(HEADER, String.valueOf(limit.retryAfterSeconds()));
		}
	}
}
