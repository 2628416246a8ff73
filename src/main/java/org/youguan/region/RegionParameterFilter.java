package org.youguan.region;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.youguan.kernel.RegionPrefix;

/**
 * The {@code region} a read asks for ({@code GET}/{@code HEAD ?region=…} of any figures page, list, export or API, in
 * every module) reaches its handler in the project's own form, whatever accepted form it was sent in:
 * {@link RegionPrefix#normalised} — full-width digits as ASCII, the standard six-digit code of a province or city
 * (320000, 320500) as 32 or 3205, the twelve-digit statistical code as the county's or township's. So every handler,
 * whichever way it reads the parameter (a {@code String}, a filter record, the {@link RegionParameterCheck} that
 * refuses a code that does not exist), reads one code for one region: {@code ?region=320500} was answered
 * "行政区划代码不存在" and {@code ?region=３２０５} "只能是数字". A value that is no code in any form passes as sent, for
 * the rules to name it. Writes check the codes they store themselves.
 */
@Component
class RegionParameterFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String[] values = request.getParameterValues(RegionParameterCheck.PARAMETER);
		if (values == null) {
			chain.doFilter(request, response);
			return;
		}
		String[] read = new String[values.length];
		boolean changed = false;
		for (int i = 0; i < values.length; i++) {
			read[i] = values[i] == null ? null : RegionPrefix.normalised(values[i]);
			changed |= read[i] != null && !read[i].equals(values[i]);
		}
		if (!changed) {
			chain.doFilter(request, response);
			return;
		}
		Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
		parameters.put(RegionParameterCheck.PARAMETER, read);
		chain.doFilter(new RegionChainFilter.CollapsedRequest(request, Collections.unmodifiableMap(parameters)), response);
	}
}
