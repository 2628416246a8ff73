package org.youguan.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.youguan.kernel.FieldError;

/**
 * Limits anonymous public requests ({@code /public/**}, {@code /api/v1/public/**}) per client address: at most
 * {@code youguan.public.requests-per-minute} (default 120) in a fixed one-minute window, counted in PostgreSQL
 * ({@link RateLimitWindows}) so the limit holds for the whole cluster, not per node; beyond it 429 with a problem
 * response. The client address is {@code request.getRemoteAddr()}: behind a load balancer it is the client's only when
 * {@code server.forward-headers-strategy=native} and the balancer's address is a trusted proxy
 * ({@code server.tomcat.remoteip.internal-proxies}); otherwise every client shares the balancer's count. When the
 * database cannot count, the request is let through (the lookup itself then fails on its own).
 * <p>
 * Signed-in users are not counted: staff in one office share one address and use the public region picker and lookup
 * many times a minute, and their requests are attributable (sessions and tokens are audited, API tokens have their own
 * role checks). The filter runs after Spring Security's chain, so the security context is known here.
 */
@Component
class PublicRateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(PublicRateLimitFilter.class);

	private final int perMinute;

	private final RateLimitWindows windows;

	PublicRateLimitFilter(@Value("${youguan.public.requests-per-minute:120}") int perMinute, RateLimitWindows windows) {
		this.perMinute = perMinute;
		this.windows = windows;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// as the request is routed: /%70ublic/lookup and //public/lookup are the public lookup too
		return !Refusals.routedUnder(request, "/public", "/api/v1/public") || signedIn();
	}

	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		int hits;
		try {
			hits = windows.hit("public|" + request.getRemoteAddr(), perMinute);
		}
		catch (DataAccessException ex) {
			log.warn("Public rate limit not counted: {}", ex.getMessage());
			hits = 0;
		}
		if (hits > perMinute) {
			response.setHeader("Retry-After", "60");
			// named like every refusal: the request as a whole, rule rate-limit
			String detail = "查询过于频繁，请一分钟后再试";
			RequestValuesFilter.refuse(request, response, new RequestValuesFilter.Refusal(429, "请求过于频繁", detail,
					List.of(new FieldError("request", "rate-limit", detail))));
			return;
		}
		chain.doFilter(request, response);
	}
}
