package org.youguan.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Whether a urlencoded form body will be read at all: Spring answers 415 for a request whose body type none of the
 * handlers of its path and method takes before anything reads the body, so {@link RequestValuesFilter} must not judge
 * that body first (a bad %-escape in it would be a 400, a body beyond Tomcat's form limit a 413, where the client's
 * mistake is the type). A handler takes a form body when its {@code consumes} admits the type (as the dispatcher
 * matches it: {@code POST /api/v1/workplans/import} takes text/plain and .docx only); one declaring no type takes it
 * unless it reads its {@code @RequestBody} as an object (JSON: the API's records), which no converter reads from a
 * form — Spring's 415 — rather than as text, bytes or a {@link MultiValueMap}. Decided from the handlers' own mappings
 * and parameters, so it holds for every endpoint, present and future.
 */
final class FormBodyHandlers {

	/** The methods whose form body is parsed (by Tomcat or Spring's form content filter). */
	private static final Set<String> FORM_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final Supplier<RequestMappingHandlerMapping> mapping;

	/** The handlers' mapping conditions and methods, read once at the first form body (the mapping is complete by then). */
	private volatile Map<RequestMappingInfo, HandlerMethod> handlers;

	/** @param mapping the application's request mapping (looked up at the first form body, not at construction) */
	FormBodyHandlers(Supplier<RequestMappingHandlerMapping> mapping) {
		this.mapping = mapping;
	}

	/**
	 * Whether the request carries a urlencoded form body (POST, whose body Tomcat parses as parameters; PUT, PATCH or
	 * DELETE, whose body Spring's form content filter parses) that no handler of its path and method takes: then
	 * Spring answers 415 naming {@code Content-Type} and the body is never read. False when no handler answers the path
	 * and method at all (the body is judged as any other, a 404 or 405 follows), or when one takes it.
	 */
	boolean bodyNotTaken(HttpServletRequest request) {
		return Boolean.FALSE.equals(taken(request));
	}

	/**
	 * Whether a handler of the request's path and method takes its urlencoded form body — the only case in which the
	 * body needs parsing before the dispatcher: a body nobody takes is answered 415, one to a path or method nobody
	 * answers 404 or 405, neither of which reads it (so a broken escape in it is no 500).
	 */
	boolean bodyTaken(HttpServletRequest request) {
		return Boolean.TRUE.equals(taken(request));
	}

	/**
	 * Whether the request carries a urlencoded form body to a path and method no handler answers: the dispatcher's 404
	 * or 405 reads no body, so the body's values are not to be judged before the route is — unless a filter answers
	 * the path itself (the sign-in form), which {@link RequestValuesFilter} leaves to the security filters to say.
	 */
	boolean routeUnanswered(HttpServletRequest request) {
		return formBody(request) && answering(request).isEmpty();
	}

	/** Taken, not taken, or null: no form body, or no handler of the path and method. */
	private Boolean taken(HttpServletRequest request) {
		if (!formBody(request)) {
			return null;
		}
		List<Map.Entry<RequestMappingInfo, HandlerMethod>> answering = answering(request);
		for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : answering) {
			RequestMappingInfo info = handler.getKey();
			// the consumes condition reads the Content-Type header only, as the dispatcher matches it
			boolean declared = !info.getConsumesCondition().isEmpty();
			if (declared ? info.getConsumesCondition().getMatchingCondition(request) != null
					: !readsObjectBody(handler.getValue())) {
				return true;
			}
		}
		return answering.isEmpty() ? null : false;
	}

	/** Whether the request carries a urlencoded form body by a method whose form body is parsed. */
	private static boolean formBody(HttpServletRequest request) {
		String type = request.getContentType();
		return FORM_METHODS.contains(request.getMethod()) && type != null
				&& type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}

	/** The handlers whose path pattern and method match the request, as the dispatcher matches them. */
	private List<Map.Entry<RequestMappingInfo, HandlerMethod>> answering(HttpServletRequest request) {
		PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
		List<Map.Entry<RequestMappingInfo, HandlerMethod>> answering = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : handlers().entrySet()) {
			RequestMappingInfo info = handler.getKey();
			PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
			if (patterns != null && patterns.getPatterns().stream().anyMatch(p -> p.matches(path))
					&& info.getMethodsCondition().getMatchingCondition(request) != null) {
				answering.add(handler);
			}
		}
		return answering;
	}

	/**
	 * Whether the handler reads its {@code @RequestBody} as an object, which only a JSON converter reads (a form body:
	 * 415), not as text, bytes or a {@link MultiValueMap}, which a form body's converters fill.
	 */
	static boolean readsObjectBody(HandlerMethod handler) {
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				Class<?> type = parameter.getParameterType();
				return type != String.class && type != byte[].class && !MultiValueMap.class.isAssignableFrom(type)
						&& !Resource.class.isAssignableFrom(type);
			}
		}
		return false;
	}

	private Map<RequestMappingInfo, HandlerMethod> handlers() {
		Map<RequestMappingInfo, HandlerMethod> known = handlers;
		if (known == null) {
			known = Map.copyOf(mapping.get().getHandlerMethods());
			handlers = known;
		}
		return known;
	}
}
