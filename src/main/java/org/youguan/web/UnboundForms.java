package org.youguan.web;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FormSteps;

/**
 * A page form whose values could not even be bound — a choice that is none of the offered ({@code type=BOGUS}), text in
 * a number or date field, a required field left out — answered as {@link FormSteps} answers a refused form: the form's
 * page rendered again in the same response, 400, with every error ({@code errors}, each naming its field and rule) and
 * {@code refused}, so the page reads the typed values back and marks each field. Binding fails before the handler
 * runs, so the handler's own page supplier cannot be asked: the page is the one its controller shows with GET at the
 * posted address ({@code initXForm}), or else at the nearest address above it (the record's page holding the form:
 * {@code /cases/7/suspension} is on {@code /cases/7}); only a page of the same controller counts. That page decides
 * first whether the record is there and may be shown: its not-found (404) or refusal wins over the form's values, as
 * it would have inside the step. No such page, or one that cannot be rendered: the error page names the fields instead.
 */
@Component
class UnboundForms {

	private static final Logger log = LoggerFactory.getLogger(UnboundForms.class);

	/** Set while a page is rendered again, so a failure of that page is not answered by rendering it again. */
	private static final String RENDERING = UnboundForms.class.getName() + ".rendering";

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	private final ObjectProvider<RequestMappingHandlerAdapter> adapters;

	private final ObjectProvider<ConversionService> conversions;

	private final ShellModel shell;

	UnboundForms(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings,
			@Qualifier("requestMappingHandlerAdapter") ObjectProvider<RequestMappingHandlerAdapter> adapters,
			@Qualifier("mvcConversionService") ObjectProvider<ConversionService> conversions, ShellModel shell) {
		this.mappings = mappings;
		this.adapters = adapters;
		this.conversions = conversions;
		this.shell = shell;
	}

	/**
	 * The form's page again for a page form's POST whose values could not be bound.
	 * @param errors the fields that could not be bound, each with its rule and Chinese message
	 * @return the page in 400 with {@code errors} and {@code refused}; null when the request is no page form's POST
	 *         (an API call, a GET) or no page of its controller can be rendered for it
	 * @throws DomainException the page's own refusal (not-found first of all), which wins over the values
	 * @throws AccessRefusedException the page's refusal of access
	 */
	ModelAndView reshow(HttpServletRequest request, HttpServletResponse response, List<FieldError> errors) {
		if (!HttpMethod.POST.matches(request.getMethod()) || request.getAttribute(RENDERING) != null
				|| !(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod posted)
				|| !rendersPages(posted)) {
			return null;
		}
		RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
		RequestMappingHandlerAdapter adapter = adapters.getIfAvailable();
		if (mapping == null || adapter == null) {
			return null;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		request.setAttribute(RENDERING, Boolean.TRUE);
		try {
			String at = path;
			while (true) {
				ModelAndView page = render(request, response, mapping, adapter, posted, at);
				if (page != null) {
					page.setStatus(HttpStatus.BAD_REQUEST);
					page.addObject("errors", errors);
					page.addObject("refused", true);
					typedBack(posted, request, page);
					if (!page.getModel().containsKey("refusedForm")) {
						// a page of several forms: the one posting to this address is the one marked
						page.addObject("refusedAction", request.getRequestURI());
					}
					return page;
				}
				int slash = at.lastIndexOf('/');
				if (slash <= 0) {
					return null;
				}
				at = at.substring(0, slash);
			}
		}
		finally {
			request.removeAttribute(RENDERING);
		}
	}

	/**
	 * A page that shows its form from a form object (a record bound with {@code @ModelAttribute}, the page's
	 * {@code form}) gets it as typed: each component read from the posted values, one that cannot be read left empty —
	 * not the blank or stored values its GET shows.
	 */
	private void typedBack(HandlerMethod posted, HttpServletRequest request, ModelAndView page) {
		ConversionService conversion = conversions.getIfAvailable();
		for (MethodParameter p : posted.getMethodParameters()) {
			Class<?> type = p.getParameterType();
			if (conversion == null || !p.hasParameterAnnotation(ModelAttribute.class) || !type.isRecord()) {
				continue;
			}
			Object typed = null;
			for (Map.Entry<String, Object> shown : page.getModel().entrySet()) {
				if (type.isInstance(shown.getValue())) {
					typed = typed != null ? typed : asTyped(type, request, conversion);
					if (typed != null) {
						shown.setValue(typed);
					}
				}
			}
		}
	}

	/** The record of {@code type} read from the posted values, each unreadable component empty; null if it cannot be made. */
	private static Object asTyped(Class<?> type, HttpServletRequest request, ConversionService conversion) {
		RecordComponent[] components = type.getRecordComponents();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			RecordComponent c = components[i];
			types[i] = c.getType();
			values[i] = empty(c.getType());
			String[] typed = request.getParameterValues(c.getName());
			if (typed != null) {
				try {
					Object read = conversion.convert(typed.length == 1 ? typed[0] : typed,
							new TypeDescriptor(ResolvableType.forType(c.getGenericType()), null, null));
					values[i] = read != null || !c.getType().isPrimitive() ? read : values[i];
				}
				catch (RuntimeException unreadable) {
					// the value that could not be bound: shown empty, its error beside the field
				}
			}
		}
		try {
			Constructor<?> canonical = type.getDeclaredConstructor(types);
			ReflectionUtils.makeAccessible(canonical);
			return BeanUtils.instantiateClass(canonical, values);
		}
		catch (NoSuchMethodException | RuntimeException ex) {
			return null;
		}
	}

	/** What an empty component holds: null, or a primitive's zero (false). */
	private static Object empty(Class<?> type) {
		return type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0) : null;
	}

	/** A controller that renders pages: {@code @Controller} whose method writes no body. */
	private static boolean rendersPages(HandlerMethod handler) {
		return AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), Controller.class)
				&& !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
				&& !handler.hasMethodAnnotation(ResponseBody.class);
	}

	/**
	 * The page the posting controller shows with GET at {@code path}, rendered as a GET of it would be, or null when it
	 * shows none there (or answers something other than a page).
	 */
	private ModelAndView render(HttpServletRequest request, HttpServletResponse response,
			RequestMappingHandlerMapping mapping, RequestMappingHandlerAdapter adapter, HandlerMethod posted, String path) {
		AsGet get = new AsGet(request, path);
		ServletRequestPathUtils.parseAndCache(get);
		HandlerMethod shown;
		try {
			HandlerExecutionChain chain = mapping.getHandler(get);
			if (chain == null || !(chain.getHandler() instanceof HandlerMethod h) || h.getBeanType() != posted.getBeanType()
					|| !rendersView(h)) {
				return null;
			}
			shown = h;
		}
		catch (Exception ex) {
			// no GET at this address (405 for a POST-only one): the next address above
			return null;
		}
		ModelAndView page;
		try {
			page = adapter.handle(get, response, shown);
		}
		catch (DomainException | AccessRefusedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			log.debug("The page {} of a form that could not be bound was not rendered again: {}", ErrorHandling.instance(get), ex.toString());
			return null;
		}
		if (page == null || !ShellModel.rendersPage(page)) {
			return null;
		}
		shell.postHandle(get, response, shown, page);
		return page;
	}

	/** A handler returning a view's name or a model and view (not a body, a file, a redirect it writes itself). */
	private static boolean rendersView(HandlerMethod handler) {
		Class<?> type = handler.getReturnType().getParameterType();
		return (type == String.class || type == ModelAndView.class) && !handler.hasMethodAnnotation(ResponseBody.class);
	}

	/**
	 * The posted request seen as a GET of {@code path}: its parameters (the values as typed) stay; request attributes
	 * the lookup and the handler set stay here, not on the posted request.
	 */
	private static final class AsGet extends HttpServletRequestWrapper {

		private final String uri;

		private final String path;

		private final Map<String, Object> attributes = new HashMap<>();

		private final Set<String> removed = new HashSet<>();

		AsGet(HttpServletRequest request, String path) {
			super(request);
			this.path = path;
			this.uri = request.getContextPath() + path;
		}

		@Override
		public String getMethod() {
			return HttpMethod.GET.name();
		}

		@Override
		public String getRequestURI() {
			return uri;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = super.getRequestURL();
			String posted = super.getRequestURI();
			return new StringBuffer(url.substring(0, url.length() - posted.length())).append(uri);
		}

		@Override
		public String getServletPath() {
			return super.getPathInfo() == null ? path : super.getServletPath();
		}

		@Override
		public String getPathInfo() {
			return super.getPathInfo() == null ? null : path.substring(Math.min(path.length(), super.getServletPath().length()));
		}

		@Override
		public Object getAttribute(String name) {
			if (attributes.containsKey(name)) {
				return attributes.get(name);
			}
			return removed.contains(name) ? null : super.getAttribute(name);
		}

		@Override
		public void setAttribute(String name, Object value) {
			if (value == null) {
				removeAttribute(name);
				return;
			}
			attributes.put(name, value);
			removed.remove(name);
		}

		@Override
		public void removeAttribute(String name) {
			attributes.remove(name);
			removed.add(name);
		}
	}
}
