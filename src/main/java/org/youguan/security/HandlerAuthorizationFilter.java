package org.youguan.security;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.youguan.kernel.RequestRefusals;

/**
 * Decides a handler's {@code @PreAuthorize} before anything of the request is read. Method security alone runs when
 * the handler is invoked — after Spring has matched the content type (415), read the body (400 for JSON that does not
 * parse) and bound the parameters (400 for a date of the wrong shape) — so a caller without the right would learn the
 * endpoint's formats from those answers. This filter runs after the URL rules, before the dispatcher: it finds the
 * handlers the request's path and method lead to (whatever their content type, parameters or headers) and, when the
 * caller passes the {@code @PreAuthorize} of none of them, refuses with the security filters' 403 (401 when
 * anonymous) — the answer the method would have given, only before the body. A request that one candidate admits goes
 * on; the handler's own method security still decides at invocation.
 */
class HandlerAuthorizationFilter extends OncePerRequestFilter {

	/** One handler: where it answers and its method security (null: none). */
	private record Candidate(PathPattern pattern, Set<RequestMethod> methods, SimpleMethodInvocation invocation) {

		boolean answers(PathContainer path, RequestMethod method) {
			return (methods.isEmpty() || methods.contains(method)
					|| method == RequestMethod.HEAD && methods.contains(RequestMethod.GET))
					&& pattern.matches(path);
		}
	}

	private final ApplicationContext context;

	private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

	/**
	 * The handlers by the first segment of their patterns ({@link #ANY_FIRST} for a pattern beginning with a variable
	 * or wildcard), so a request is matched against its own part of the application only.
	 */
	private volatile Map<String, List<Candidate>> candidates;

	/** The bucket of the patterns whose first segment is not literal. */
	private static final String ANY_FIRST = "*";

	/** @param context where the handler mappings and the beans the expressions name ({@code @villagePortal}) are */
	HandlerAuthorizationFilter(ApplicationContext context) {
		this.context = context;
		DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
		expressions.setApplicationContext(context);
		preAuthorize.setExpressionHandler(expressions);
		preAuthorize.setApplicationContext(context);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestMethod method = RequestMethod.resolve(request.getMethod());
		if (method != null && method != RequestMethod.OPTIONS && !admitted(request, method)) {
			throw new AuthorizationDeniedException("No handler of " + request.getMethod() + " "
					+ request.getRequestURI() + " admits the caller");
		}
		chain.doFilter(request, response);
	}

	/** Whether some handler of the path and method admits the caller, or no handler answers there at all. */
	private boolean admitted(HttpServletRequest request, RequestMethod method) {
		return admits(RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication(), method,
				request);
	}

	/**
	 * Whether some handler of {@code path} and {@code method} admits the signed-in caller by its {@code @PreAuthorize},
	 * or no handler answers there at all — what this filter asks of a request, asked of an address
	 * ({@link SecurityPageAccess}: may the caller open a record's page).
	 * @param path the address within the application
	 */
	boolean admits(PathContainer path, RequestMethod method) {
		return admits(path, method, null);
	}

	/**
	 * {@link #admits(PathContainer, RequestMethod)}, telling a refused request who may take its step.
	 * @param request the request refused, given the names of the roles its handlers admit
	 *        ({@link RequestRefusals#STEP_ROLES}), or null
	 */
	private boolean admits(PathContainer path, RequestMethod method, HttpServletRequest request) {
		Map<String, List<Candidate>> known = candidates();
		boolean answered = false;
		java.util.Set<String> roles = new java.util.TreeSet<>();
		for (String bucket : new String[] { firstSegment(path), ANY_FIRST }) {
			for (Candidate c : known.getOrDefault(bucket, List.of())) {
				if (c.answers(path, method)) {
					answered = true;
					if (c.invocation() == null || granted(c.invocation())) {
						return true;
					}
					roles.addAll(roles(c.invocation().getMethod()));
				}
			}
		}
		if (answered && !roles.isEmpty() && request != null) {
			// the refusal of the caller's role names who may take the step (ShellRequestRefusals)
			request.setAttribute(RequestRefusals.STEP_ROLES, List.copyOf(roles));
		}
		return !answered;
	}

	private static final java.util.regex.Pattern ROLE_TEST = java.util.regex.Pattern.compile("has(?:Any)?Role\\(([^)]*)\\)");

	private static final java.util.regex.Pattern ROLE_NAME = java.util.regex.Pattern.compile("[A-Z][A-Z_]+");

	/**
	 * The roles a handler's {@code @PreAuthorize} admits by name (hasRole, hasAnyRole; the method's own, else its
	 * class's), empty where it tests something else (a bean's rule).
	 */
	static List<String> roles(Method handler) {
		PreAuthorize rule = handler.getAnnotation(PreAuthorize.class);
		if (rule == null) {
			rule = handler.getDeclaringClass().getAnnotation(PreAuthorize.class);
		}
		List<String> names = new ArrayList<>();
		if (rule != null) {
			var test = ROLE_TEST.matcher(rule.value());
			while (test.find()) {
				var name = ROLE_NAME.matcher(test.group(1));
				while (name.find()) {
					names.add(name.group());
				}
			}
		}
		return names;
	}

	/**
	 * The first segment of a request's path as the patterns match it (decoded, without its {@code ;} parameters), ""
	 * for none.
	 */
	static String firstSegment(PathContainer path) {
		return path.elements().stream().filter(PathContainer.PathSegment.class::isInstance)
			.map(e -> ((PathContainer.PathSegment) e).valueToMatch()).findFirst().orElse("");
	}

	/** The first segment of a pattern ("api" of {@code /api/v1/…}), {@link #ANY_FIRST} when it is not literal. */
	static String firstSegment(String pattern) {
		int start = pattern.startsWith("/") ? 1 : 0;
		int end = pattern.indexOf('/', start);
		String first = pattern.substring(start, end < 0 ? pattern.length() : end);
		return first.indexOf('{') >= 0 || first.indexOf('*') >= 0 || first.indexOf('?') >= 0 ? ANY_FIRST : first;
	}

	private boolean granted(SimpleMethodInvocation invocation) {
		AuthorizationResult result = preAuthorize.authorize(SecurityContextHolder.getContext()::getAuthentication,
				invocation);
		return result == null || result.isGranted();
	}

	private Map<String, List<Candidate>> candidates() {
		Map<String, List<Candidate>> known = candidates;
		if (known == null) {
			known = candidates(context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
			candidates = known;
		}
		return known;
	}

	/** Every handler with the patterns and methods it answers and its method security, by first pattern segment. */
	private Map<String, List<Candidate>> candidates(RequestMappingHandlerMapping mapping) {
		Map<String, List<Candidate>> all = new HashMap<>();
		mapping.getHandlerMethods().forEach((info, handler) -> {
			PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
			if (patterns == null) {
				return;
			}
			HandlerMethod resolved = handler.createWithResolvedBean();
			Method m = resolved.getMethod();
			SimpleMethodInvocation invocation = hasPreAuthorize(resolved)
					? new SimpleMethodInvocation(resolved.getBean(), m, new Object[m.getParameterCount()]) : null;
			for (PathPattern p : patterns.getPatterns()) {
				all.computeIfAbsent(firstSegment(p.getPatternString()), k -> new ArrayList<>())
					.add(new Candidate(p, info.getMethodsCondition().getMethods(), invocation));
			}
		});
		Map<String, List<Candidate>> frozen = new HashMap<>();
		all.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
		return Map.copyOf(frozen);
	}

	private static boolean hasPreAuthorize(HandlerMethod handler) {
		return handler.hasMethodAnnotation(PreAuthorize.class)
				|| handler.getBeanType().isAnnotationPresent(PreAuthorize.class);
	}
}
