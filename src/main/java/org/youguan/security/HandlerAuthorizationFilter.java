package org.youguan.security;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
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
	private record Candidate(List<PathPattern> patterns, Set<RequestMethod> methods, SimpleMethodInvocation invocation) {

		boolean answers(PathContainer path, RequestMethod method) {
			return (methods.isEmpty() || methods.contains(method)
					|| method == RequestMethod.HEAD && methods.contains(RequestMethod.GET))
					&& patterns.stream().anyMatch(p -> p.matches(path));
		}
	}

	private final ApplicationContext context;

	private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

	private volatile List<Candidate> candidates;

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
		PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
		boolean answered = false;
		for (Candidate c : candidates()) {
			if (c.answers(path, method)) {
				answered = true;
				if (c.invocation() == null || granted(c.invocation())) {
					return true;
				}
			}
		}
		return !answered;
	}

	private boolean granted(SimpleMethodInvocation invocation) {
		AuthorizationResult result = preAuthorize.authorize(SecurityContextHolder.getContext()::getAuthentication,
				invocation);
		return result == null || result.isGranted();
	}

	private List<Candidate> candidates() {
		List<Candidate> known = candidates;
		if (known == null) {
			known = candidates(context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
			candidates = known;
		}
		return known;
	}

	/** Every handler with the patterns and methods it answers, and its method security as an invocation to decide. */
	private List<Candidate> candidates(RequestMappingHandlerMapping mapping) {
		List<Candidate> all = new ArrayList<>();
		mapping.getHandlerMethods().forEach((info, handler) -> {
			PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
			if (patterns == null) {
				return;
			}
			HandlerMethod resolved = handler.createWithResolvedBean();
			Method m = resolved.getMethod();
			SimpleMethodInvocation invocation = hasPreAuthorize(resolved)
					? new SimpleMethodInvocation(resolved.getBean(), m, new Object[m.getParameterCount()]) : null;
			all.add(new Candidate(List.copyOf(patterns.getPatterns()), info.getMethodsCondition().getMethods(),
					invocation));
		});
		return List.copyOf(all);
	}

	private static boolean hasPreAuthorize(HandlerMethod handler) {
		return handler.hasMethodAnnotation(PreAuthorize.class)
				|| handler.getBeanType().isAnnotationPresent(PreAuthorize.class);
	}
}
