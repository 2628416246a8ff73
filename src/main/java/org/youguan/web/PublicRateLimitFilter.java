package org.youguan.web;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits anonymous public requests ({@code /public/**}, {@code /api/v1/public/**}) per client address: at most
 * {@code youguan.public.requests-per-minute} (default 120) in a fixed one-minute window; beyond that 429 with a
 * problem response. Per node; behind a load balancer each node counts its own share.
 */
@Component
class PublicRateLimitFilter extends OncePerRequestFilter {

	private final int perMinute;

	private final Clock clock;

	private final Map<String, long[]> windows = new ConcurrentHashMap<>();

	PublicRateLimitFilter(@Value("${youguan.public.requests-per-minute:120}") int perMinute, Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.startsWith("/public/") || path.equals("/public") || path.startsWith("/api/v1/public/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long minute = clock.millis() / 60_000;
		if (windows.size() > 50_000) {
			windows.values().removeIf(w -> w[0] < minute);
		}
		long[] window = windows.compute(request.getRemoteAddr(),
				(k, w) -> w == null || w[0] != minute ? new long[] { minute, 1 } : new long[] { minute, w[1] + 1 });
		if (window[1] > perMinute) {
			response.setStatus(429);
			response.setHeader("Retry-After", "60");
			response.setContentType("application/problem+json;charset=UTF-8");
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
					+ "\"detail\":\"查询过于频繁，请一分钟后再试\"}");
			return;
		}
		chain.doFilter(request, response);
	}
}
