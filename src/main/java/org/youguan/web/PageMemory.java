package org.youguan.web;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.youguan.audit.AuditTrail;
import org.youguan.audit.AuditedMemory;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.RememberedPage;
import org.youguan.notifications.Notifications;
import org.youguan.org.CurrentUser;
import org.youguan.platform.ChinaTime;

/**
 * Remembers the rendered HTML of the signed-in pages whose handler is marked {@link RememberedPage} until the next
 * audited change, and answers a repeated view from it without calling the handler or the template engine (issue 12:
 * the layout and the page's own expressions were most of such a page's cost, its data being remembered already).
 *
 * <p>A page is remembered under everything that makes it differ ({@link Key}): the user as the session holds them
 * (identity, name, bureau, department, enterprise, region, roles and authorities, data scope), the language, the path,
 * the parameters as the handler reads them and the context path, the day in China (deadlines, 今天), the header's notification count (remembered by
 * {@code Notifications} apart from the audit), the htmx headers — and the newest audit event id
 * ({@link AuditedMemory}): every change YouGuan makes writes its audit event in its transaction, so the first view after
 * any change, on any node, renders afresh; while another writing transaction is open (head {@code -1}) nothing is
 * remembered. An entry also expires after {@code youguan.web.page-memory} (ISO-8601 duration, default 20 s;
 * {@code PT0S} turns the memory off), which bounds changes that write no audit entry (a deadline passing within the
 * day); the entries together hold at most {@code youguan.web.page-memory-bytes} (default 32 MB) of HTML.
 *
 * <p>What belongs to one request stays per request:
 * <ul>
 * <li>The CSRF token: a page is rendered with a placeholder token (the request seen by the template engine answers the
 * placeholder for {@code _csrf}), and every answer, the first included, gets the requesting browser's own token put
 * in (Spring Security masks it per request). No remembered HTML ever carries a request's token.</li>
 * <li>Flash messages and errors: a view with a flash map (after a redirect), with {@code message}, {@code secret} or
 * {@code errors} in its model, with a status of its own, or answered other than 200 is rendered as usual and not
 * remembered.</li>
 * <li>Headers (security headers, cookies, the session) are written by the filters on every request as before;
 * sign-in, sign-out and a disabled account take effect in the filter chain, before this.</li>
 * </ul>
 * Only {@code GET} requests of a signed-in user reach the memory.
 */
@Component
class PageMemory implements HandlerInterceptor {

	/** What the remembered HTML holds in place of the CSRF token: unique per process, untouched by HTML escaping. */
	static final String CSRF_PLACEHOLDER = "yg-csrf-" + UUID.randomUUID();

	/** The view of a miss, to be rendered and remembered after the handler. */
	private static final String PENDING = PageMemory.class.getName() + ".pending";

	/** Model attributes that belong to one answer: such a view is never remembered. */
	private static final Set<String> ONE_OFF = Set.of("message", "secret", "errors");

	/**
	 * What a remembered page differs by, besides the audit head.
	 */
	record Key(String path, String parameters, String contextPath, Locale locale, LocalDate day, long userId,
			String username, String displayName, Object kind, Long bureauId, String bureauName, Object bureauLevel,
			Long departmentId, String departmentName, String enterprise, String regionCode, Set<?> roles,
			List<String> authorities, DataScope scope, boolean mustChangePassword, boolean demo,
			long notificationCount, String htmx, String htmxTarget) {
	}

	/**
	 * A remembered answer: its content type and its HTML encoded once, cut where {@link #CSRF_PLACEHOLDER} stood (the
	 * request's token goes between the parts).
	 */
	record Page(String contentType, Charset charset, List<byte[]> parts) {

		static Page of(String contentType, Charset charset, String html) {
			return new Page(contentType, charset, Arrays.stream(html.split(Pattern.quote(CSRF_PLACEHOLDER), -1))
				.map(part -> part.getBytes(charset))
				.toList());
		}

		int bytes() {
			return parts.stream().mapToInt(p -> p.length).sum();
		}
	}

	/** A miss: what to remember the rendered page under. */
	private record Pending(long head, Key key) {
	}

	private final AuditedMemory memory;

	private final Clock clock;

	private final Notifications notifications;

	private final ThymeleafViewResolver views;

	/** How many answers came from memory (for tests and a look at the hit rate). */
	private final AtomicLong served = new AtomicLong();

	PageMemory(AuditTrail audit, Clock clock, Notifications notifications, ThymeleafViewResolver views,
			@Value("${youguan.web.page-memory:PT20S}") Duration timeToLive,
			@Value("${youguan.web.page-memory-bytes:33554432}") long maximumBytes) {
		this.clock = clock.withZone(ChinaTime.ZONE);
		this.notifications = notifications;
		this.views = views;
		this.memory = new AuditedMemory(audit::latestEventId, clock, timeToLive, maximumBytes,
				(Page p) -> p.bytes() + 64);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(RememberedPage.class)
				|| !"GET".equals(request.getMethod()) || request.getDispatcherType() != DispatcherType.REQUEST) {
			return true;
		}
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
			return true;
		}
		Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
		if (flash != null && !flash.isEmpty()) {
			return true;
		}
		long head = memory.head();
		if (head < 0) {
			return true;
		}
		Locale locale = RequestContextUtils.getLocale(request);
		Key key = key(request, user, locale);
		Page page = memory.find(head, List.of(key));
		if (page == null) {
			request.setAttribute(PENDING, new Pending(head, key));
			return true;
		}
		served.incrementAndGet();
		write(page, locale, request, response);
		return false;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) throws Exception {
		if (!(request.getAttribute(PENDING) instanceof Pending pending)) {
			return;
		}
		request.removeAttribute(PENDING);
		if (view == null || !ShellModel.rendersPage(view) || view.getStatus() != null
				|| response.getStatus() != HttpServletResponse.SC_OK
				|| ONE_OFF.stream().anyMatch(view.getModel()::containsKey)) {
			return;
		}
		Locale locale = RequestContextUtils.getLocale(request);
		View resolved = view.getView() != null ? view.getView() : views.resolveViewName(view.getViewName(), locale);
		if (resolved == null) {
			return;
		}
		// as DispatcherServlet.render does before a view renders
		response.setLocale(locale);
		var buffer = new BufferedResponse(response);
		resolved.render(view.getModel(), new PlaceholderCsrf(request), buffer);
		Page page = Page.of(Objects.requireNonNullElse(response.getContentType(), "text/html;charset=UTF-8"),
				Charset.forName(response.getCharacterEncoding()), buffer.text());
		if (response.getStatus() == HttpServletResponse.SC_OK) {
			memory.keep(pending.head(), List.of(pending.key()), page);
		}
		write(page, locale, request, response);
		// answered here: DispatcherServlet renders nothing more
		view.clear();
	}

	/** How many answers have come from memory since start. */
	long served() {
		return served.get();
	}

	private Key key(HttpServletRequest request, CurrentUser user, Locale locale) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return new Key(path, parameters(request), request.getContextPath(), locale,
				LocalDate.now(clock), user.id(), user.getUsername(), user.displayName(), user.kind(), user.bureauId(),
				user.bureauName(), user.bureauLevel(), user.departmentId(), user.departmentName(),
				user.enterpriseCreditCode(), user.regionCode(), Set.copyOf(user.roles()),
				user.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList(), user.scope(),
				user.mustChangePassword(), user.demo(), notifications.countRecent(user.scope(), user.departmentId()),
				request.getHeader("HX-Request"), request.getHeader("HX-Target"));
	}

	/**
	 * The request's parameters as the handler reads them — names and values, in order, each with its length so that no
	 * two parameter lists read alike — not the raw query string: a request whose parameters do not come from its query
	 * string (a forward, a test's request) is not another request's page.
	 */
	private static String parameters(HttpServletRequest request) {
		StringBuilder b = new StringBuilder();
		request.getParameterMap().forEach((name, values) -> {
			b.append(name.length()).append(':').append(name);
			for (String value : values) {
				b.append('=').append(value.length()).append(':').append(value);
			}
			b.append('&');
		});
		return b.toString();
	}

	/** Writes a page with the request's own CSRF token in place of the placeholder. */
	private static void write(Page page, Locale locale, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		byte[] token = new byte[0];
		if (page.parts().size() > 1) {
			CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			// a signed-in page under the CSRF filter always has a token; without one, no placeholder stays in the page
			token = csrf == null ? token : csrf.getToken().getBytes(page.charset());
		}
		response.setLocale(locale);
		response.setContentType(page.contentType());
		response.setContentLength(page.bytes() + token.length * (page.parts().size() - 1));
		var out = response.getOutputStream();
		for (int i = 0; i < page.parts().size(); i++) {
			if (i > 0) {
				out.write(token);
			}
			out.write(page.parts().get(i));
		}
	}

	/** The request as the template engine sees it for a page to remember: its CSRF token is the placeholder. */
	private static final class PlaceholderCsrf extends HttpServletRequestWrapper {

		private CsrfToken placeholder;

		PlaceholderCsrf(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			if (!"_csrf".equals(name) && !CsrfToken.class.getName().equals(name)) {
				return super.getAttribute(name);
			}
			if (placeholder == null) {
				if (!(super.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken real)) {
					return null;
				}
				placeholder = new DefaultCsrfToken(real.getHeaderName(), real.getParameterName(), CSRF_PLACEHOLDER);
			}
			return placeholder;
		}
	}

	/** The response as the view writes it: the body kept as text, everything else passed on. */
	private static final class BufferedResponse extends HttpServletResponseWrapper {

		private final CharArrayWriter body = new CharArrayWriter(32 * 1024);

		private final PrintWriter writer = new PrintWriter(body);

		BufferedResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return writer;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			throw new IllegalStateException("a remembered page is written as text");
		}

		@Override
		public void flushBuffer() {
			writer.flush();
		}

		@Override
		public boolean isCommitted() {
			return false;
		}

		String text() {
			writer.flush();
			return body.toString();
		}
	}
}
