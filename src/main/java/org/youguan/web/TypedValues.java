package org.youguan.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.youguan.kernel.PageSteps;

/**
 * The values of a form refused by a step's rules across a redirect ({@link PageSteps}), given back to the page the
 * user returns to as the posted parameters were given to a page {@code FormSteps} renders again: once the page's
 * handler has run ({@link RefusedForms} moves the flashed values, {@link PageSteps#TYPED}, out of the model into the
 * request), {@code param.x} reads the value typed in {@code x}. The page's own handler still sees only its address's
 * parameters, so the page shows the same records it shows without the refusal.
 */
class TypedValues extends OncePerRequestFilter {

	/** The request attribute holding the typed values (name → values) while the page is rendered. */
	static final String ATTRIBUTE = TypedValues.class.getName();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !HttpMethod.GET.matches(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new Page(request), response);
	}

	/** Hands the page the typed values {@code flashed} (from the model of the page about to be rendered). */
	static void giveBack(HttpServletRequest request, Object flashed) {
		if (flashed instanceof Map<?, ?> values) {
			Map<String, String[]> typed = new LinkedHashMap<>();
			values.forEach((name, posted) -> {
				if (name instanceof String n && posted instanceof List<?> list) {
					typed.put(n, list.stream().map(String::valueOf).toArray(String[]::new));
				}
			});
			request.setAttribute(ATTRIBUTE, typed);
		}
	}

	/** A GET whose parameters are, once typed values are given back, those values over the address's own. */
	private static final class Page extends HttpServletRequestWrapper {

		Page(HttpServletRequest request) {
			super(request);
		}

		@SuppressWarnings("unchecked")
		private Map<String, String[]> typed() {
			return getAttribute(ATTRIBUTE) instanceof Map<?, ?> typed ? (Map<String, String[]>) typed : null;
		}

		@Override
		public String getParameter(String name) {
			String[] values = getParameterValues(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public String[] getParameterValues(String name) {
			Map<String, String[]> typed = typed();
			return typed != null && typed.containsKey(name) ? typed.get(name).clone() : super.getParameterValues(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			Map<String, String[]> typed = typed();
			if (typed == null) {
				return super.getParameterMap();
			}
			Map<String, String[]> values = new LinkedHashMap<>(super.getParameterMap());
			values.putAll(typed);
			return Collections.unmodifiableMap(values);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}
	}
}
