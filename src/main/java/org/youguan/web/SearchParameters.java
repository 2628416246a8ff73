package org.youguan.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;

/**
 * A search text longer than {@link PageQuery#MAX_QUERY_LENGTH} characters sent to any read that searches by it — a
 * list's {@code q} (its {@link org.youguan.kernel.ListRequest}), the region picker's {@code q}
 * ({@code /public/regions/search}), the public licence look-up's {@code query} (page and API) — is refused with 400
 * naming the parameter (rule {@code max-length}, "关键词不能超过100个字符（已输入…个）"), one bound for every search of
 * every module rather than one per handler: a search taken as a plain {@code @RequestParam} had none, and each
 * character costs every row's comparison. Only handlers that take the parameter ({@link HandlerQueryParameters}) are
 * checked; an API read that does not take it refuses it as unknown ({@link ApiQueryParameters}), a page ignores it.
 */
class SearchParameters implements HandlerInterceptor {

	/** The parameters a read searches by. */
	static final Set<String> NAMES = Set.of("q", "query");

	private final HandlerQueryParameters handlers;

	SearchParameters(HandlerQueryParameters handlers) {
		this.handlers = handlers;
	}

	/**
	 * Refuses an over-long search text sent to a read that takes it.
	 * @throws InvalidValueException 400 naming the parameter, rule {@code max-length}
	 */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)
				|| !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return true;
		}
		for (String name : NAMES) {
			String[] values = request.getParameterValues(name);
			if (values != null && handlers.of(method).binds(name)) {
				ListRequestArgumentResolver.requireShortSearch(name, String.join(",", values));
			}
		}
		return true;
	}
}
