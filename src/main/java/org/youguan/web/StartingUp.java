package org.youguan.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.filter.OncePerRequestFilter;
import org.youguan.kernel.FieldError;

/**
 * While the application is not ready for traffic (Spring Boot's readiness state: the web server accepts requests
 * before the start-up runners — regions, calendar, the first administrator, the demo city — have loaded their data, and
 * again while it shuts down), every request but the health probes and static files answers 503 with
 * {@code Retry-After} — an API call as a problem (rule {@code starting}), a page as a short text — instead of being
 * judged against data not there yet: a valid demo token was answered 401 «API令牌无效、已过期或已吊销» until the demo
 * data had loaded (attack 3). Runs before Spring Security, so no token or session is judged meanwhile.
 */
class StartingUp extends OncePerRequestFilter {

	/** Seconds a client is asked to wait before it tries again. */
	static final String RETRY_AFTER = "5";

	private final ObjectProvider<ApplicationAvailability> availability;

	/** Whether the application has been ready once: after that, not ready means stopping, not starting. */
	private volatile boolean wasReady;

	StartingUp(ObjectProvider<ApplicationAvailability> availability) {
		this.availability = availability;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ApplicationAvailability state = availability.getIfAvailable();
		if (state == null || state.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC || exempt(request)) {
			wasReady |= state != null && state.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
			chain.doFilter(request, response);
			return;
		}
		String message = wasReady ? "服务正在停止，请稍后再试" : "服务正在启动，请稍后再试";
		response.setHeader("Retry-After", RETRY_AFTER);
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemResponses.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "服务暂不可用", message,
					List.of(new FieldError("request", "starting", message)));
			return;
		}
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write(message);
	}

	/** The health probes (which report the state themselves) and static files answer whatever the state. */
	private static boolean exempt(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/actuator/") || path.startsWith("/webjars/") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/img/") || path.equals("/favicon.ico");
	}
}
