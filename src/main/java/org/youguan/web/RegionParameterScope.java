package org.youguan.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
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
 * for every module; a handler that binds {@code region} (a {@code @RequestParam}, or a form or filter record with a
 * {@code region} component or property) checks it itself and is left to it. Only a bureau user's region scope is
 * checked: the whole country holds every region, and an enterprise's or the public's pages read no region filter.
 * A value that is no region code (letters) is left alone, as before; only reads (GET, HEAD) are checked here.
 */
class RegionParameterScope implements HandlerInterceptor {

	/** The parameter name. */
	static final String REGION = "region";

	private final Map<Method, Boolean> binding = new ConcurrentHashMap<>();

	/**
	 * Refuses a region outside the signed-in bureau user's scope sent to a handler that does not bind it.
	 * @throws AccessRefusedException 403 naming {@code region}
	 */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String[] values = request.getParameterValues(REGION);
		// what is read, not what is changed: a step's region is its form's field, checked by the step
		if (values == null || !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) || !(handler instanceof HandlerMethod method) || binding.computeIfAbsent(method.getMethod(),
				m -> bindsRegion(method))) {
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

	/** Whether the handler reads {@code region} itself: a parameter of that name, or a bound type holding one. */
	static boolean bindsRegion(HandlerMethod method) {
		return Arrays.stream(method.getMethodParameters()).anyMatch(RegionParameterScope::binds);
	}

	private static boolean binds(MethodParameter parameter) {
		parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		String name = param == null ? "" : !param.name().isEmpty() ? param.name() : param.value();
		if (REGION.equals(name) || name.isEmpty() && REGION.equals(parameter.getParameterName())) {
			return true;
		}
		Class<?> type = parameter.getParameterType();
		if (param != null && Map.class.isAssignableFrom(type)) {
			// every parameter bound as a map: the handler reads what it is sent
			return true;
		}
		if (param != null || BeanUtils.isSimpleProperty(type) || type.getName().startsWith("jakarta.")
				|| type.getName().startsWith("org.springframework.")) {
			return false;
		}
		if (type.isRecord()) {
			return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).anyMatch(REGION::equals);
		}
		return BeanUtils.getPropertyDescriptor(type, REGION) != null;
	}
}
