package org.youguan.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;
import org.youguan.audit.SignInLog;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.kernel.RequestPath;

/**
 * Refuses a form sign-in before its password is checked while its account is paused at its client address or the
 * address is paused altogether, the checks under way counted with the failures ({@link PasswordGuesses#claim}: claimed
 * before the check, released after it, so a burst of parallel sign-ins passes no limit; {@code youguan.security.*},
 * see {@link SecuritySettings}):
 * <ul>
 * <li>{@code max-failures} (5) wrong passwords for one account <em>from one address</em> stop that address signing in
 * to that account — the account's owner at another address is not stopped by someone else's guesses;
 * <li>{@code address-max-failures} (30) wrong passwords from one address under any names (known or not) stop that
 * address altogether (guessing many accounts' passwords, 撞库) — everyone behind the same office address included.
 * </ul>
 * A refusal here is recorded as {@link SignInLog.Result#BLOCKED}, not as a failure: it checked no password, so retrying
 * during a pause neither extends the pause nor adds to the address's count. An administrator's 解除锁定 lifts the
 * account's pause at every address ({@link SignInLog#recentFailures}).
 * The account itself locks only after {@code account-max-failures} (30) consecutive wrong passwords from all addresses
 * ({@link SignInEvents}), which bounds guessing spread over many addresses. A refused attempt gets the one sign-in error
 * message every failure gets, is recorded in the sign-in log with its reason, and costs no password hash.
 *
 * <p>The address is the request's remote address: behind a reverse proxy, the proxy must pass the client's address
 * ({@code server.forward-headers-strategy}) or every user counts as one address.
 */
final class SignInThrottle extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private final SignInLog signIns;

	private final UserDirectory directory;

	private final PasswordGuesses guesses;

	SignInThrottle(SignInLog signIns, UserDirectory directory, PasswordGuesses guesses) {
		this.signIns = signIns;
		this.directory = directory;
		this.guesses = guesses;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				// the path as routed: /%6Cogin is the sign-in form too, which Spring Security matches decoded
				|| !RequestPath.routed(request).equals("/login");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String name = UserDirectory.typedName(request.getParameter("username"));
		Optional<CurrentUser> user = name.isEmpty() ? Optional.empty() : directory.principal(name);
		PasswordGuesses.Claim claim = guesses.claim(user.map(CurrentUser::id).orElse(null), request.getRemoteAddr());
		String reason = claim.refusal();
		if (reason == null) {
			// the check counts as under way until it is over, its failure logged (SignInEvents) by then
			try {
				chain.doFilter(request, response);
			}
			finally {
				guesses.release(claim);
			}
			return;
		}
		if (user.isPresent()) {
			CurrentUser u = user.get();
			signIns.recordKnown(name, u.id(), u.auditName(), u.regionCode(), SignInLog.Result.BLOCKED, reason);
		}
		else {
			signIns.recordUnknown(name, SignInLog.Result.BLOCKED, reason);
		}
		log.warn("Sign-in refused before the password check: {}", reason);
		response.sendRedirect(failed(request));
	}

	/**
	 * Where a failed sign-in goes: the sign-in page with its one failure message ({@code /login?error}), in the language
	 * the sign-in was sent in — the form's {@code ?lang=} kept ({@code /login?error&lang=en}), so the message does not
	 * fall back to Chinese for a visitor without the language cookie.
	 */
	static String failed(HttpServletRequest request) {
		String lang = request.getParameter("lang");
		return request.getContextPath() + "/login?error" + (lang == null || lang.isBlank() ? ""
				: "&lang=" + URLEncoder.encode(lang.strip(), StandardCharsets.UTF_8));
	}
}
