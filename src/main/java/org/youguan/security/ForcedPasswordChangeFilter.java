package org.youguan.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.youguan.org.CurrentUser;
import org.youguan.kernel.BearerToken;
import org.youguan.kernel.RequestPath;

/**
 * Sends a user whose password was set by an administrator to the change-password page before anything else.
 */
class ForcedPasswordChangeFilter extends OncePerRequestFilter {

	static final String CHANGE_PAGE = "/account/password";

	private final Problems problems;

	ForcedPasswordChangeFilter(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		String path = RequestPath.routed(request);
		if (auth != null && auth.getPrincipal() instanceof CurrentUser user && user.mustChangePassword()
				&& !BearerToken.sent(request) && !allowed(path)) {
			if (RequestPath.api(request)) {
				problems.write(request, response, 403, Problems.FORBIDDEN, "password", "password-change", "请先修改初始密码");
			}
			else {
				response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(String path) {
		return path.equals(CHANGE_PAGE) || path.equals("/logout") || path.startsWith("/webjars/")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
				|| path.equals("/error") || path.equals("/favicon.ico");
	}
}
