package org.youguan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Text;
import org.youguan.org.CurrentUser;

/**
 * A {@code region} parameter sent to a page, export or API that does not take one is no way around the caller's data
 * scope: a region outside it is refused (403 "该区域不在您的数据权限范围内", field {@code region}) as every list and
 * export that filters by region refuses it, rather than answered 200 with the caller's own region's rows as if the
 * region had been granted (attack: {@code /statistics/completeness/export.xlsx?region=320583} as a 相城 user). One place
 * for every module; a handler that binds {@code region} (a {@code @RequestParam}, a form or filter record with a
 * {@code region} component or property, or every parameter as a map: {@link HandlerQueryParameters}) checks it itself
 * and is left to it. Only a bureau user's region scope is
 * checked: the whole country holds every region, and an enterprise's or the public's pages read no region filter.
 * A value that is no region code (letters) is left alone, as before; only reads (GET, HEAD) are checked here.
 */
class RegionParameterScope implements HandlerInterceptor {

	/** The parameter name. */
	static final String REGION = "region";

	/** What each handler binds, read once per handler method (as {@link ApiQueryParameters} reads it). */
	private final HandlerQueryParameters handlers;

	RegionParameterScope(HandlerQueryParameters handlers) {
		this.handlers = handlers;
	}

	/**
	 * Refuses a region outside the signed-in bureau user's scope sent to a handler that does not bind it.
	 * @throws AccessRefusedException 403 naming {@code region}
	 */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String[] values = request.getParameterValues(REGION);
		// what is read, not what is changed: a step's region is its form's field, checked by the step
		if (values == null || !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) || !(handler instanceof HandlerMethod method) || handlers.of(method).binds(REGION)) {
			return true;
		}
		DataScope scope = CurrentUser.signedIn().map(CurrentUser::scope).orElse(null);
		if (scope == null || scope.kind() != DataScope.Kind.REGION) {
			return true;
		}
		for (String value : values) {
			String code = RegionPrefix.normalised(value);
			if (!Text.isBlank(value) && code.chars().allMatch(c -> c >= '0' && c <= '9')) {
				scope.requireReadable(code, REGION);
			}
		}
		return true;
	}

}
