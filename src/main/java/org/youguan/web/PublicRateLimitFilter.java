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
import org.youguan.kernel.Wording;
import org.youguan.kernel.LimitReachedException;
import org.youguan.kernel.Text;
import org.youguan.org.CurrentUser;

/**
 * Limits public requests ({@code /public/**}, {@code /api/v1/public/**}, and the public working-day calendar
 * {@code /api/v1/calendar/**}, open to anyone as they are) in fixed one-minute windows, counted in
 * PostgreSQL ({@link RateLimitWindows}) so the limit holds for the whole cluster, not per node; beyond it 429 with a
 * problem response. An anonymous request counts against its client address: at most
 * {@code youguan.public.requests-per-minute} (default 120). A refusal's {@code Retry-After} is the time left of the
 * window it was counted in ({@link RateLimitWindows#untilNextWindow}), in whole seconds. A signed-in request (session or API token) counts against
 * its user, at the same allowance, and against its client address among signed-in requests, at
 * {@code youguan.public.signed-in-requests-per-minute} (default 600: staff in one office share one address and use the
 * public region picker and lookup many times a minute) — signing in is no way round the limit: the status lookup's
 * query code (a masked phone's four hidden digits, 10⁴ tries) is walked no faster by an account than without one, nor
 * by several accounts behind one address faster than that address's allowance.
 * <p>
 * The client address is {@code request.getRemoteAddr()}: behind a load balancer it is the client's only when
 * {@code server.forward-headers-strategy=native} and the balancer's address is a trusted proxy
 * ({@code server.tomcat.remoteip.internal-proxies}); otherwise every client shares the balancer's count. When the
 * database cannot count, the request is let through (the lookup itself then fails on its own). The filter runs after
 * Spring Security's chain, so the security context is known here.
 */
@Component
class PublicRateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(PublicRateLimitFilter.class);

	private final int perMinute;

	private final int signedInPerAddress;

	private final RateLimitWindows windows;

	PublicRateLimitFilter(@Value("${youguan.public.requests-per-minute:120}") int perMinute,
			@Value("${youguan.public.signed-in-requests-per-minute:600}") int signedInPerAddress, RateLimitWindows windows) {
		this.perMinute = perMinute;
		this.signedInPerAddress = signedInPerAddress;
		this.windows = windows;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// as the request is routed: /%70ublic/lookup and //public/lookup are the public lookup too
		// the calendar API is public too (SecurityConfiguration): each of its answers walks the calendar up to 3650 days
		return !Refusals.routedUnder(request, "/public", "/api/v1/public", "/api/v1/calendar");
	}

	/** The signed-in caller's name for its bucket (the user's id, else the authenticated name), or null if anonymous. */
	private static String signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return authentication.getPrincipal() instanceof CurrentUser user ? "id:" + user.id()
				: "name:" + Text.start(authentication.getName(), 60);
	}

	/** Whether this request is beyond an allowance: the user's and its address's for a signed-in caller. */
	private boolean beyond(HttpServletRequest request) {
		String user = signedIn();
		if (user == null) {
			return windows.hit("public|" + request.getRemoteAddr(), perMinute) > perMinute;
		}
		// both counted, so a refused request still counts against the address
		boolean byUser = windows.hit("public-user|" + user, perMinute) > perMinute;
		boolean byAddress = windows.hit("public-signed-in|" + request.getRemoteAddr(), signedInPerAddress) > signedInPerAddress;
		return byUser || byAddress;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean beyond;
		try {
			beyond = beyond(request);
		}
		catch (DataAccessException ex) {
			log.warn("Public rate limit not counted: {}", ex.getMessage());
			beyond = false;
		}
		if (beyond) {
			// the window counted in ends at the minute's turn: the real wait, in whole seconds rounded up, as every 429
			// says it (LimitReachedException), not a fixed minute
			long seconds = LimitReachedException.seconds(windows.untilNextWindow());
			response.setHeader(LimitReachedException.HEADER, String.valueOf(seconds));
			// named like every refusal: the request as a whole, rule rate-limit; keyed, so a page says it in its
			// reader's language (the wait as written, no grouping), an API client's problem in Chinese as every problem
			String chinese = "查询过于频繁，请" + seconds + "秒后再试";
			String detail = Refusals.apiClient(request) ? chinese : RefusalWords.in(
					Wording.of("refusal.publicRateLimit", String.valueOf(seconds)), chinese,
					new LanguageResolver().resolveLocale(request));
			RequestValuesFilter.refuse(request, response, new RequestValuesFilter.Refusal(429, "请求过于频繁", detail,
					List.of(new FieldError("request", "rate-limit", detail))));
			return;
		}
		chain.doFilter(request, response);
	}
}
