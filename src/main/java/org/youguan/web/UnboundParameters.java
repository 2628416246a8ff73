package org.youguan.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.multipart.support.MultipartResolutionDelegate;

/**
 * Every request parameter of a handler that cannot be bound to its type, not only the first: Spring stops at the first
 * {@code @RequestParam} it cannot convert ({@code receivedOn=2026-02-30} and {@code endedOn=abc} on one enforcement
 * form: only 收到日期 told), so {@link ErrorHandling} asks here for the others and a page form comes back naming every
 * bad field at once, as a form record bound with {@code kernel.FormBinding} does. Each value is converted as the
 * handler would have (the same conversion service and {@link InputBinding}'s editors); a parameter left out or blank
 * (its default or null, a required one told by its own refusal) is no failure here.
 */
final class UnboundParameters {

	private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	private UnboundParameters() {
	}

	/** A parameter whose value could not be bound: its name as sent, its declaration and the value as typed. */
	record Failure(String name, MethodParameter parameter, Object value) {
	}

	/**
	 * The handler's {@code @RequestParam} values that cannot be bound, in the order the handler declares them.
	 * @param request the request whose binding failed
	 * @param failing the parameter the framework refused (its failure is included as given, never converted again)
	 * @param failingName its name as sent
	 * @param failingValue the value it refused
	 * @param conversion the MVC conversion service, or null (then only {@link InputBinding}'s editors convert)
	 * @return the failures, {@code failing} among them; just {@code failing} when it is no handler's {@code @RequestParam}
	 */
	static List<Failure> of(HttpServletRequest request, MethodParameter failing, String failingName, Object failingValue,
			ConversionService conversion) {
		List<Failure> failures = new ArrayList<>();
		if (failing == null || !failing.hasParameterAnnotation(RequestParam.class) || failing.getMethod() == null) {
			failures.add(new Failure(failingName, failing, failingValue));
			return failures;
		}
		WebDataBinder binder = new WebDataBinder(null);
		binder.setConversionService(conversion);
		new InputBinding().binders(binder);
		for (int i = 0; i < failing.getMethod().getParameterCount(); i++) {
			MethodParameter p = new MethodParameter(failing.getMethod(), i).withContainingClass(failing.getContainingClass());
			if (p.getParameterIndex() == failing.getParameterIndex()) {
				failures.add(new Failure(failingName, failing, failingValue));
				continue;
			}
			RequestParam param = p.getParameterAnnotation(RequestParam.class);
			if (param == null || MultipartResolutionDelegate.isMultipartArgument(p) || p.getParameterType() == String.class
					|| java.util.Map.class.isAssignableFrom(p.getParameterType())) {
				continue;
			}
			p.initParameterNameDiscovery(NAMES);
			String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
					: p.getParameterName();
			String[] values = name == null ? null : request.getParameterValues(name);
			if (values == null || values.length == 0 || (values.length == 1 && values[0].isBlank()
					&& !ValueConstants.DEFAULT_NONE.equals(param.defaultValue()))) {
				continue;
			}
			Object typed = values.length == 1 ? values[0] : values;
			try {
				MethodParameter nested = p.nestedIfOptional();
				binder.convertIfNecessary(typed, nested.getNestedParameterType(), nested);
			}
			catch (TypeMismatchException ex) {
				failures.add(new Failure(name, p, typed));
			}
			catch (RuntimeException other) {
				// a value the type's converter refuses in its own way: unbound all the same
				failures.add(new Failure(name, p, typed));
			}
		}
		return failures;
	}
}
