package org.youguan.web;

import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletRequest;

import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;

/**
 * The query parameters a handler binds, read off its declaration once per handler method — the one reading both
 * {@link ApiQueryParameters} (an API read's unknown parameter: 400) and {@link RegionParameterScope} (a {@code region}
 * the handler does not check itself: the caller's scope) judge by, so the two never disagree on what a handler takes.
 * A handler takes its {@code @RequestParam}s (or simple parameters bound by name), the five of {@link ListRequest}
 * ({@code q}, {@code page}, {@code size}, {@code sort}, {@code dir}), and the components or properties of a filter or
 * form it binds ({@code @ModelAttribute}, {@code @ParameterObject}, or a type of the product's own taken without
 * annotation). What is resolved elsewhere (a path variable, a header, the body, the signed-in user, the caller's
 * {@link DataScope}) is no query parameter.
 */
@Component
class HandlerQueryParameters {

	private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	private final Map<Method, Bound> bound = new ConcurrentHashMap<>();

	/**
	 * What a handler binds.
	 *
	 * @param names the query parameters it binds by name, in the order it declares them
	 * @param everyParameter whether it binds every parameter sent as a {@code Map} ({@code @RequestParam Map}): any
	 * name is its own to judge
	 * @param readsRequest whether it reads the request itself (the servlet or web request, the body as a stream): the
	 * parameters it reads cannot be told from its declaration
	 */
	record Bound(Set<String> names, boolean everyParameter, boolean readsRequest) {

		/** Whether the handler binds {@code name}: by name, or as one of every parameter bound as a map. */
		boolean binds(String name) {
			return everyParameter || names.contains(name);
		}
	}

	/** What {@code handler} binds, read once per handler method. */
	Bound of(HandlerMethod handler) {
		return bound.computeIfAbsent(handler.getMethod(), m -> read(handler));
	}

	/** What {@code handler} binds, read off its declaration (uncached: {@link #of} remembers it). */
	static Bound read(HandlerMethod handler) {
		Set<String> names = new LinkedHashSet<>();
		boolean everyParameter = false;
		boolean readsRequest = false;
		for (MethodParameter p : handler.getMethodParameters()) {
			p.initParameterNameDiscovery(NAMES);
			Class<?> type = p.getParameterType();
			RequestParam param = p.getParameterAnnotation(RequestParam.class);
			if (ServletRequest.class.isAssignableFrom(type) || WebRequest.class.isAssignableFrom(type)
					|| InputStream.class.isAssignableFrom(type) || Reader.class.isAssignableFrom(type)) {
				readsRequest = true;
			}
			else if (param != null && Map.class.isAssignableFrom(type)) {
				everyParameter = true;
			}
			else if (param != null) {
				String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
						: p.getParameterName();
				if (name != null) {
					names.add(name);
				}
			}
			else if (type == ListRequest.class) {
				names.addAll(List.of("q", "page", "size", "sort", "dir"));
			}
			else if (type == DataScope.class || resolvedElsewhere(p)) {
				// resolved from elsewhere: the caller's scope, the signed-in user, a path variable, a header, the body
			}
			else if (BeanUtils.isSimpleProperty(type)) {
				if (p.getParameterName() != null) {
					names.add(p.getParameterName());
				}
			}
			else if (p.hasParameterAnnotation(ModelAttribute.class) || hasParameterObject(p)
					|| type.getName().startsWith("org.youguan.")) {
				names.addAll(fields(type));
			}
		}
		return new Bound(Collections.unmodifiableSet(names), everyParameter, readsRequest);
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
		if (!type.isInterface() && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
			try {
				Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
				names.addAll(List.of(BeanUtils.getParameterNames(constructor)));
			}
			catch (IllegalStateException noneToBindBy) {
				// no constructor Spring would bind by (several, none public): its properties are what it binds
			}
		}
		for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(type)) {
			if (d.getWriteMethod() != null) {
				names.add(d.getName());
			}
		}
		return names;
	}
}
