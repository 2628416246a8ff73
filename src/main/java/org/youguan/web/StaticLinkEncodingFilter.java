package org.youguan.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * What Spring's {@link ResourceUrlEncodingFilter} does — a link to a static file becomes the URL its resource chain
 * serves it under (a version-free WebJars link gets its version) — for links under the static paths only
 * ({@link #STATIC}, the ones {@link WebConfiguration} maps), each answer remembered.
 *
 * <p>Why (issue 12): Spring's filter matches every link of every page ({@code /complaints/42}, each sort and pager
 * link) against every resource pattern with an Ant-style matcher, which tokenises both strings each time — a few
 * percent of a list page's CPU for links that are never files. Registered in place of Spring Boot's filter (a bean of
 * this type makes Boot's back off).
 */
class StaticLinkEncodingFilter extends ResourceUrlEncodingFilter {

	/** The paths {@link WebConfiguration} serves static files under. */
	static final List<String> STATIC = List.of("/webjars/", "/css/", "/js/", "/img/");

	/** Remembered links; the templates name a few dozen static files, the bound only guards against the unexpected. */
	private static final int REMEMBERED = 1_000;

	private final Map<String, String> resolved = new ConcurrentHashMap<>();

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
			throw new ServletException("StaticLinkEncodingFilter only supports HTTP requests");
		}
		chain.doFilter(request, new Links(http, httpResponse));
	}

	/** The response whose {@code encodeURL} resolves static links. */
	private final class Links extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		Links(HttpServletRequest request, HttpServletResponse response) {
			super(response);
			this.request = request;
		}

		@Override
		public String encodeURL(String url) {
			String path = url;
			String context = request.getContextPath();
			if (!context.isEmpty()) {
				if (!url.startsWith(context)) {
					return super.encodeURL(url);
				}
				path = url.substring(context.length());
			}
			if (!isStatic(path)) {
				return super.encodeURL(url);
			}
			String known = resolved.get(url);
			if (known != null) {
				return super.encodeURL(known);
			}
			// set by Spring MVC's handler mapping; absent outside a dispatch (an error page rendered early)
			if (!(request.getAttribute(
					ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR) instanceof ResourceUrlProvider provider)) {
				return super.encodeURL(url);
			}
			String found = provider.getForRequestUrl(request, url);
			if (found == null) {
				return super.encodeURL(url);
			}
			if (resolved.size() < REMEMBERED) {
				resolved.put(url, found);
			}
			return super.encodeURL(found);
		}
	}

	static boolean isStatic(String path) {
		for (String prefix : STATIC) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}
}
