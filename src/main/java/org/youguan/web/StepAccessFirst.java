package org.youguan.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.youguan.kernel.Actors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.StepAccess;
import org.youguan.org.CurrentUser;

/**
 * Decides who may take a record's step before the step's values are read: for a POST, PUT, PATCH or DELETE to an
 * address a module declares as its records' steps ({@link StepAccess#steps}), the module's rule runs here, after the
 * handler is chosen and its {@code @PreAuthorize} decided (the security filters) but before the form is bound or the
 * body read — interceptors run before the handler's arguments are resolved. A refusal (404 out of scope, 403 not the
 * handling bureau) reaches the error handling as it would from inside the step, so a page form's bad field or a body
 * that does not parse is never answered with 400 to a caller who may not take the step at all. One place for every
 * module: each declares its addresses and rule, none orders its own checks.
 */
@Component
class StepAccessFirst implements HandlerInterceptor {

	private record Guard(PathPattern pattern, StepAccess access) {
	}

	private static final String ID = "id";

	private static final String REST = "rest";

	private final ObjectProvider<StepAccess> rules;

	private volatile List<Guard> guards;

	StepAccessFirst(ObjectProvider<StepAccess> rules) {
		this.rules = rules;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod) || !changes(request.getMethod())) {
			return true;
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		DataScope scope = Actors.signedIn().map(a -> a.getPrincipal() instanceof CurrentUser u ? u.scope() : null)
			.orElse(null);
		if (scope == null) {
			return true;
		}
		for (Guard g : guards()) {
			PathPattern.PathMatchInfo match = g.pattern().matchAndExtract(path);
			if (match == null) {
				continue;
			}
			Map<String, String> vars = match.getUriVariables();
			String id = vars.get(ID);
			if (id != null && id.matches("\\d{1,18}")) {
				g.access().requireStep(scope, Long.parseLong(id), vars.getOrDefault(REST, "").replaceFirst("^/", ""));
			}
		}
		return true;
	}

	/** Whether the method changes something (a step), not a read. */
	private static boolean changes(String method) {
		return HttpMethod.POST.matches(method) || HttpMethod.PUT.matches(method) || HttpMethod.PATCH.matches(method)
				|| HttpMethod.DELETE.matches(method);
	}

	private List<Guard> guards() {
		List<Guard> known = guards;
		if (known == null) {
			List<Guard> all = new ArrayList<>();
			rules.orderedStream().forEach(rule -> rule.steps().forEach(p -> all.add(new Guard(
					PathPatternParser.defaultInstance.parse(p.endsWith("/**") ? p.substring(0, p.length() - 3) + "/{*" + REST + "}" : p),
					rule))));
			known = List.copyOf(all);
			guards = known;
		}
		return known;
	}
}
