package org.youguan.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.youguan.kernel.RequestRefusals;

/**
 * Answers a refusal of the request's values ({@link RequestRefusals#answerPending}) before the sign-in form's authentication
 * and the sign-out: those requests are answered inside the security filters and never reach the refusal answered after
 * them, and a user name or password holding a control character must be refused (400 naming the field), not looked up
 * or counted as a failed sign-in. Placed after the CSRF check, which a forged sign-in fails first.
 */
class PendingRefusalAtSignIn extends OncePerRequestFilter {

	private final RequestMatcher answeredInside = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login"),
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"));

	private final RequestRefusals refusals;

	PendingRefusalAtSignIn(RequestRefusals refusals) {
		this.refusals = refusals;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (answeredInside.matches(request) && refusals.answerPending(request, response)) {
			return;
		}
		chain.doFilter(request, response);
	}
}
