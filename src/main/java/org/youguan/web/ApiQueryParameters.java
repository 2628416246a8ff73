package org.youguan.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;

/**
 * Refuses a query parameter an API read ({@code GET /api/v1/**}) does not take — accepted and ignored, it answered
 * another list than the one asked for ({@code ?status=OPEN} on a list without that filter answered every row, a
 * misspelt {@code regoin=320506} the whole province): 400 naming each such parameter (rule {@code unknown-parameter})
 * and the parameters the address takes, one place for every API list and read. What a handler takes is read off its
 * declaration by {@link HandlerQueryParameters} (its {@code @RequestParam}s, the five of {@code kernel.ListRequest},
 * the fields of a filter record it binds), as the region guard reads it; a handler reading the request itself (a
 * {@code Map} of parameters, the servlet request) is left to judge its own.
 * {@code lang} (the language switch, {@link LanguageResolver}) is taken everywhere. A value a taken parameter holds is
 * the handler's to judge (an unknown filter value: {@code kernel.ListFilter}; a search or order the list does not do:
 * {@code kernel.Listing}).
 */
@Component
class ApiQueryParameters implements HandlerInterceptor {

	/** The addresses whose reads are checked. */
	static final String API = "/api/v1/";

	/** Parameters every address takes. */
	private static final Set<String> EVERYWHERE = Set.of(LanguageResolver.PARAMETER);

	/** What each handler binds, read once per handler method. */
	private final HandlerQueryParameters handlers;

	/** A handler that reads its parameters itself: every name is its own to judge. */
	private static final Set<String> ANY = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("*")));

	ApiQueryParameters(HandlerQueryParameters handlers) {
		this.handlers = handlers;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !"GET".equals(request.getMethod())
				|| !request.getRequestURI().substring(request.getContextPath().length()).startsWith(API)) {
			return true;
		}
		Set<String> names = takenBy(handlers.of(method));
		if (names == ANY) {
			return true;
		}
		List<FieldError> unknown = new ArrayList<>();
		for (String sent : Collections.list(request.getParameterNames())) {
			if (!EVERYWHERE.contains(sent) && !names.contains(root(sent))) {
				unknown.add(new FieldError(Text.excerpt(sent, 40), "unknown-parameter", "不支持的查询参数“" + Text.excerpt(sent, 40)
						+ "”：" + (names.isEmpty() ? "本接口不接受查询参数" : "本接口可用的查询参数为" + String.join("、", names))));
			}
		}
		if (!unknown.isEmpty()) {
			throw new InvalidValueException(unknown);
		}
		return true;
	}

	/** A parameter's own name: {@code filter.status} and {@code ids[0]} are those of {@code filter} and {@code ids}. */
	private static String root(String sent) {
		int end = sent.length();
		for (int i = 0; i < sent.length(); i++) {
			char c = sent.charAt(i);
			if (c == '.' || c == '[') {
				end = i;
				break;
			}
		}
		return sent.substring(0, end);
	}

	/**
	 * The query parameters {@code handler} takes ({@link HandlerQueryParameters}), in the order it declares them, or
	 * {@link #ANY} when it reads the request itself or every parameter as a map.
	 */
	static Set<String> takenBy(HandlerQueryParameters.Bound bound) {
		return bound.everyParameter() || bound.readsRequest() ? ANY : bound.names();
	}
}
