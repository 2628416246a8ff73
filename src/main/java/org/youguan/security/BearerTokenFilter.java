package org.youguan.security;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.youguan.kernel.BearerToken;
import org.youguan.kernel.RequestPath;
import org.youguan.org.CurrentUser;

/**
 * Authenticates {@code Authorization: Bearer} requests from API tokens. A bad token answers 401 at once and never
 * falls back to the session; any token on the account pages or a step that issues a password ({@link #sessionOnly})
 * answers 403 ({@code Authorization}, {@code session-required}). Built inside the security filter chain, not as a bean (Boot would also register a bean
 * as a plain servlet filter).
 */
class BearerTokenFilter extends OncePerRequestFilter {

	/**
	 * The pages of one's own account (password, API tokens): for a person signed in with their password, never for a
	 * token — a token that could create tokens would make itself immortal, one that changed the password would take
	 * the account.
	 */
	static final String ACCOUNT = "/account";

	/**
	 * The step that issues another account's password (a reset one, shown once in the page's flash): an administrator's
	 * token that reached it would hand out sign-ins to other accounts. Opening an account stays open to an
	 * administrator's token (provisioning), which is never shown the new account's temporary password
	 * ({@code UserController}).
	 */
	static final Pattern ISSUES_PASSWORDS = Pattern.compile("/admin/users/[^/]+/reset-password");

	static final String SESSION_REQUIRED = "修改密码、管理API令牌和重置密码须登录后在页面上操作，不能使用API令牌";

	private final ApiTokens tokens;

	private final Problems problems;

	BearerTokenFilter(ApiTokens tokens, Problems problems) {
		this.problems = problems;
		this.tokens = tokens;
	}

	/**
	 * Whether the request is for a step only a person signed in with their password takes: the account pages
	 * ({@value #ACCOUNT}) and the steps that issue passwords ({@link #ISSUES_PASSWORDS}), judged on the path as routed
	 * ({@code /%61ccount/tokens} is the tokens page).
	 */
	static boolean sessionOnly(HttpServletRequest request) {
		return RequestPath.under(request, ACCOUNT) || ISSUES_PASSWORDS.matcher(RequestPath.routed(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!BearerToken.sent(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (sessionOnly(request)) {
			// a token is a key for integrations: it neither mints tokens nor revokes them nor changes the password
			problems.write(request, response, 403, Problems.FORBIDDEN, "Authorization", "session-required", SESSION_REQUIRED);
			return;
		}
		String token = BearerToken.token(request);
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
