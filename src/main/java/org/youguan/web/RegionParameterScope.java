package org.youguan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.org.CurrentUser;
import org.youguan.region.QueriedRegions;

/**
 * A {@code region} parameter sent to a page, export or API that does not take one is judged as every read that takes
 * one judges it — one behaviour for one value wherever it is sent: a value that is no whole region's code
 * ({@code abc}, {@code 32050}) or a code no region has ({@code 999999}) is 400 naming {@code region} (rules
 * {@code digits}, {@code length}, {@code exists}: {@link QueriedRegions}), a region outside a bureau user's scope 403
 * "该区域不在您的数据权限范围内" (field {@code region}) — in that order, as a list that takes it checks the code before
 * its handler refuses the scope. It is no way around the caller's data scope (attack:
 * {@code /statistics/completeness/export.xlsx?region=320583} as a 相城 user answered 200 with the caller's own rows as
 * if the region had been granted), and no longer a value ignored when it is letters but refused when it is digits. A
 * page refused for it is shown again without it, the message beside its filters ({@code UnboundForms}). One place for
 * every module; a handler that binds {@code region} (a {@code @RequestParam}, a form or filter record with a
 * {@code region} component or property, or every parameter as a map: {@link HandlerQueryParameters}) checks it itself
 * and is left to it. Only a bureau user's region scope is checked: the whole country holds every region, and an
 * enterprise's or the public's pages read no region filter. Only reads (GET, HEAD) are checked here; an API read that
 * does not take {@code region} refuses it before this as a parameter it does not take ({@link ApiQueryParameters}).
 */
class RegionParameterScope implements HandlerInterceptor {

	/** The parameter name. */
	static final String REGION = "region";

	/** What each handler binds, read once per handler method (as {@link ApiQueryParameters} reads it). */
	private final HandlerQueryParameters handlers;

	/** The check of a region code asked for, the one a read that takes a region makes. */
	private final QueriedRegions regions;

	RegionParameterScope(HandlerQueryParameters handlers, QueriedRegions regions) {
		this.handlers = handlers;
		this.regions = regions;
	}

	/**
	 * Refuses a region sent to a handler that does not bind it as a handler that binds it would: malformed or unknown,
	 * then outside the signed-in bureau user's scope.
	 * @throws InvalidValueException 400 naming {@code region} (rules {@code digits}, {@code length}, {@code exists})
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
		for (String value : values) {
			if (value == null || Text.isBlank(value)) {
				continue;
			}
			String code = regions.requireExisting(value);
			if (scope != null && scope.kind() == DataScope.Kind.REGION) {
				scope.requireReadable(code, REGION);
			}
		}
		return true;
	}

}
