package org.youguan.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.youguan.org.CurrentUser;

/**
 * Authenticates {@code Authorization: Bearer} requests from API tokens. A bad token answers 401 at once and never
 * falls back to the session. Built inside the security filter chain, not as a bean (Boot would also register a bean
 * as a plain servlet filter).
 */
class BearerTokenFilter extends OncePerRequestFilter {

	static final String PREFIX = "Bearer ";

	private final ApiTokens tokens;

	private final Problems problems;

	BearerTokenFilter(ApiTokens tokens, Problems problems) {
		this.problems = problems;
		this.tokens = tokens;
	}

	static boolean isBearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isBearer(request)) {
			chain.doFilter(request, response);
			return;
		}
		String token = request.getHeader("Authorization").substring(PREFIX.length()).strip();
		var user = token.isEmpty() ? Optional.<CurrentUser>empty() : tokens.authenticate(token);
		if (user.isEmpty()) {
			SecurityContextHolder.clearContext();
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			problems.write(request, response, 401, Problems.UNAUTHORIZED, "Authorization", "token", "API令牌无效、已过期或已吊销");
			return;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
				user.get().getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
