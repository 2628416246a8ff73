package org.youguan.web;

import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.Text;

/**
 * Refuses a query parameter an API read ({@code GET /api/v1/**}) does not take — accepted and ignored, it answered
 * another list than the one asked for ({@code ?status=OPEN} on a list without that filter answered every row, a
 * misspelt {@code regoin=320506} the whole province): 400 naming each such parameter (rule {@code unknown-parameter})
 * and the parameters the address takes, one place for every API list and read. What a handler takes is read off its
 * declaration: its {@code @RequestParam}s (or simple parameters bound by name), the five of {@link ListRequest}
 * ({@code q}, {@code page}, {@code size}, {@code sort}, {@code dir}), and the fields of a filter record it binds
 * ({@code @ModelAttribute}, {@code @ParameterObject}, or a record of the product's own taken without annotation); a
 * handler reading the request itself (a {@code Map} of parameters, the servlet request) is left to judge its own.
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

	private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	/** What each handler takes; {@link #ANY} for one that reads the request itself. */
	private final Map<HandlerMethod, Set<String>> taken = new ConcurrentHashMap<>();

	/** A handler that reads its parameters itself: every name is its own to judge. */
	private static final Set<String> ANY = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("*")));

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !"GET".equals(request.getMethod())
				|| !request.getRequestURI().substring(request.getContextPath().length()).startsWith(API)) {
			return true;
		}
		Set<String> names = taken.computeIfAbsent(method, ApiQueryParameters::takenBy);
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
	 * The query parameters {@code handler} takes, in the order it declares them, or {@link #ANY} when it reads the
	 * request itself.
	 */
	static Set<String> takenBy(HandlerMethod handler) {
		Set<String> names = new LinkedHashSet<>();
		for (MethodParameter p : handler.getMethodParameters()) {
			p.initParameterNameDiscovery(NAMES);
			Class<?> type = p.getParameterType();
			RequestParam param = p.getParameterAnnotation(RequestParam.class);
			if (ServletRequest.class.isAssignableFrom(type) || WebRequest.class.isAssignableFrom(type)
					|| InputStream.class.isAssignableFrom(type) || Reader.class.isAssignableFrom(type)
					|| param != null && Map.class.isAssignableFrom(type)) {
				return ANY;
			}
			if (param != null) {
				String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
						: p.getParameterName();
				if (name != null) {
					names.add(name);
				}
				continue;
			}
			if (type == ListRequest.class) {
				names.addAll(List.of("q", "page", "size", "sort", "dir"));
				continue;
			}
			if (type == DataScope.class || resolvedElsewhere(p)) {
				// resolved from elsewhere: the caller's scope, the signed-in user, a path variable, a header, the body
				continue;
			}
			if (BeanUtils.isSimpleProperty(type)) {
				if (p.getParameterName() != null) {
					names.add(p.getParameterName());
				}
				continue;
			}
			if (p.hasParameterAnnotation(ModelAttribute.class) || hasParameterObject(p)
					|| type.getName().startsWith("org.youguan.")) {
				names.addAll(fields(type));
			}
		}
		return Collections.unmodifiableSet(names);
	}

	/**
	 * Whether the parameter is bound from something else than the query by an annotation of Spring's (a path variable,
	 * a header, the body, a cookie, the signed-in user): a documentation annotation ({@code @Parameter}) binds nothing.
	 */
	private static boolean resolvedElsewhere(MethodParameter p) {
		for (java.lang.annotation.Annotation a : p.getParameterAnnotations()) {
			String name = a.annotationType().getName();
			if (a.annotationType() != ModelAttribute.class && (name.startsWith("org.springframework.web.bind.annotation.")
					|| name.startsWith("org.springframework.security.") || name.startsWith("org.springframework.beans.factory.annotation."))) {
				return true;
			}
		}
		return false;
	}

	/** Whether the parameter is documented as query parameters ({@code @ParameterObject}). */
	private static boolean hasParameterObject(MethodParameter p) {
		return p.hasParameterAnnotation(org.springdoc.core.annotations.ParameterObject.class)
				|| p.getParameterType().isAnnotationPresent(org.springdoc.core.annotations.ParameterObject.class);
	}

	/** The names a filter object is bound by: a record's components, a bean's constructor parameters and properties. */
	private static Set<String> fields(Class<?> type) {
		Set<String> names = new LinkedHashSet<>();
		if (type.isRecord()) {
			for (RecordComponent c : type.getRecordComponents()) {
				names.add(c.getName());
			}
			return names;
		}
		Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
		String[] parameters = BeanUtils.getParameterNames(constructor);
		names.addAll(List.of(parameters));
		for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(type)) {
			if (d.getWriteMethod() != null) {
				names.add(d.getName());
			}
		}
		return names;
	}
}
