package org.youguan.region;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.youguan.kernel.RequestPath;
import org.youguan.kernel.Text;

/**
 * Turns the region picker's chain of selects into the one code the form's handler expects: for each field named by
 * the hidden {@code regionChain} parameter, the posted values (the picker's base, then one per level, in document
 * order) become the deepest value that continues the chain — each value must lie inside the one before it; a blank or
 * an inconsistent value (a higher level changed without JavaScript) ends it. Requests without {@code regionChain},
 * and the JSON API, pass untouched.
 */
@Component
class RegionChainFilter extends OncePerRequestFilter {

	/**
	 * Whether the request passes untouched: the JSON API and the static and actuator paths, judged on the path as it is
	 * routed by whole segments ({@link RequestPath#under}) — {@code /%61pi/…}, {@code //api/…} and
	 * {@code /api;jsessionid=…/…} are the API as {@code /api/…} is, {@code /apiary} is not.
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return RequestPath.under(request, "/api", "/webjars", "/css", "/js", "/actuator");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String[] fields = request.getParameterValues(RegionPicker.CHAIN);
		if (fields == null) {
			chain.doFilter(request, response);
			return;
		}
		Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
		for (String field : fields) {
			String[] values = parameters.get(field);
			if (values != null && values.length > 1) {
				parameters.put(field, new String[] { deepest(values) });
			}
		}
		chain.doFilter(new CollapsedRequest(request, Collections.unmodifiableMap(parameters)), response);
	}

	/**
	 * The deepest value continuing the chain: {@code ["", "32", "3205", "320506"]} → 320506, {@code ["3205", "320506",
	 * ""]} → 320506, {@code ["", "31", "3205"]} → 31 (3205 no longer lies inside the province chosen above it).
	 */
	static String deepest(String[] values) {
		String result = values[0] == null ? "" : Text.strip(values[0]);
		for (int i = 1; i < values.length; i++) {
			String value = values[i] == null ? "" : Text.strip(values[i]);
			if (value.isEmpty() || value.length() <= result.length() || !value.startsWith(result)) {
				break;
			}
			result = value;
		}
		return result;
	}

	/** The request with the collapsed parameters. */
	static final class CollapsedRequest extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		CollapsedRequest(HttpServletRequest request, Map<String, String[]> parameters) {
			super(request);
			this.parameters = parameters;
		}

		@Override
		public String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public String[] getParameterValues(String name) {
			String[] values = parameters.get(name);
			return values == null ? null : values.clone();
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters.keySet());
		}
	}
}
