package org.youguan.web;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.support.MultipartResolutionDelegate;
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
import org.youguan.kernel.PageForm;

/**
 * A page form whose values could not even be bound — a choice that is none of the offered ({@code type=BOGUS}), text in
 * a number or date field, a required field left out — answered as {@link FormSteps} answers a refused form: the form's
 * page rendered again in the same response, 400, with every error ({@code errors}, each naming its field and rule) and
 * {@code refused}, so the page reads the typed values back and marks each field. Binding fails before the handler
 * runs, so the handler's own page supplier cannot be asked: the page is the one its controller shows with GET at the
 * posted address ({@code initXForm}) — for a collection's address its new-record form's ({@code /leads/new} for
 * {@code POST /leads}, the address's own GET being the list) — or else at the nearest address above it (the record's page holding the form:
 * {@code /cases/7/suspension} is on {@code /cases/7}); only a page of the same controller counts. That page decides
 * first whether the record is there and may be shown: its not-found (404) or refusal wins over the form's values, as
 * it would have inside the step. No such page, or one that cannot be rendered: the error page names the fields instead.
 *
 * <p>What was typed comes back as after a refusal inside the step: a page reading the posted parameters
 * ({@code param.x}) reads them as they are, the unbindable value included; a form object the page shows (a record the
 * handler binds with {@code @ModelAttribute}, or the page's {@code form} or {@code xForm} holding the handler's
 * {@code @RequestParam} values) is rebuilt from them, the unbindable value left empty. On a page of several forms
 * sharing field names the form its handler declares with {@link PageForm} is named {@code refusedForm}, so it alone
 * reads them back; an undeclared one is named by the address it posted to ({@code refusedAction}), which marks its
 * fields only.
 *
 * <p>The order of a page form's refusals, the same as the JSON APIs' (a body that cannot be read is 400 before the
 * handler's own rules), is deliberate: the caller's role ({@code @PreAuthorize}, 403, decided before anything of the
 * request is read) → the record not there (404, the page's own answer here) → values that cannot be bound (400, the
 * form re-shown here) → the step's own rules inside the handler (a rule's refusal with its own status, e.g.
 * 只能填报本处室负责的任务进展, through {@link FormSteps}). A value of the wrong shape is never judged against a record
 * the caller may not see, and a step's rules never see a value that is not of its type.
 */
@Component
class UnboundForms {

	private static final Logger log = LoggerFactory.getLogger(UnboundForms.class);

	private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

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
		if (HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod())) {
			return relist(request, response, errors);
		}
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
		Set<String> unbound = new HashSet<>();
		errors.forEach(error -> unbound.add(error.field()));
		request.setAttribute(RENDERING, Boolean.TRUE);
		try {
			for (String at : formPages(path)) {
				ModelAndView page;
				try {
					page = render(new AsGet(request, at, unbound), response, mapping, adapter, posted);
				}
				catch (DomainException | AccessRefusedException ex) {
					if (at.equals(path + "/new")) {
						// "new" read as a record's code by a page of its own ({code}): no new-record form, the next address
						continue;
					}
					throw ex;
				}
				if (page != null) {
					page.setStatus(HttpStatus.BAD_REQUEST);
					page.addObject("errors", errors);
					page.addObject("refused", true);
					typedBack(posted, request, page);
					String form = RefusedForms.of(posted, request);
					if (form != null) {
						// a page of several forms sharing field names: the one its handler declares reads them back
						page.addObject(RefusedForms.REFUSED_FORM, form);
					}
					else if (!page.getModel().containsKey(RefusedForms.REFUSED_FORM)) {
						// a page of several forms: the one posting to this address is the one marked
						page.addObject(RefusedForms.REFUSED_ACTION, request.getRequestURI());
					}
					return page;
				}
			}
			return null;
		}
		finally {
			request.removeAttribute(RENDERING);
		}
	}

	/**
	 * A page (a list's, a figures page's) whose filters the address sets, refused for one of them — a year or date out
	 * of its range ({@code /statistics/targets?year=1900}), a page number below 0, a value of the wrong shape: the same
	 * page again, in 400, as if the refused parameters had not been sent (each filter at its default) — or, when what
	 * is left is refused in turn (a period's end refused, its default end before the start sent), as if none had been
	 * sent — with the errors
	 * ({@code errors}) the layout lists and marks beside each filter of that name — not the error page, which drops the
	 * list and every other filter. Only where every error names a parameter the address holds; the page's own refusal
	 * of what is left (403, 404: a region outside the scope) wins, as on a form.
	 * @return the page, or null when the request is no page's GET, an error names no parameter sent, or the page cannot
	 *         be rendered without them (the error page names the parameters then)
	 * @throws DomainException the page's own refusal of the other parameters (403, 404)
	 * @throws AccessRefusedException the page's refusal of access
	 */
	private ModelAndView relist(HttpServletRequest request, HttpServletResponse response, List<FieldError> errors) {
		if (errors.isEmpty() || request.getAttribute(RENDERING) != null
				|| !(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod shown)
				|| !rendersPages(shown) || !rendersView(shown)
				|| !errors.stream().allMatch(e -> request.getParameterMap().containsKey(e.field()))) {
			return null;
		}
		RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
		RequestMappingHandlerAdapter adapter = adapters.getIfAvailable();
		if (mapping == null || adapter == null) {
			return null;
		}
		Set<String> refused = new HashSet<>();
		errors.forEach(error -> refused.add(error.field()));
		request.setAttribute(RENDERING, Boolean.TRUE);
		try {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			ModelAndView page = render(new AsGet(request, path, refused), response, mapping, adapter, shown);
			if (page == null) {
				// the filters left refuse themselves without the refused one (a period whose end was refused, from=2026-12
				// with the default end before it; to=2026-01 alone being told): the list at its defaults, every filter
				// dropped, the errors beside the filters as typed
				page = render(new AsGet(request, path, new HashSet<>(request.getParameterMap().keySet())), response, mapping,
						adapter, shown);
			}
			if (page == null || fragment(page)) {
				// a fragment swapped in by htmx (a select's options) has no place for the message: the error answer names it
				return null;
			}
			page.setStatus(HttpStatus.BAD_REQUEST);
			page.addObject("errors", errors);
			return page;
		}
		finally {
			request.removeAttribute(RENDERING);
		}
	}

	/** Whether {@code page} renders a template's fragment ({@code org/user-form :: departmentOptions}), not a page. */
	private static boolean fragment(ModelAndView page) {
		return page.getViewName() != null && page.getViewName().contains("::");
	}

	/**
	 * The addresses whose GET may show the form posted to {@code path}, nearest first: the new-record form of a
	 * collection ({@code /enforcement/leads/new} for {@code POST /enforcement/leads}, whose own GET is the list), the
	 * address itself, then each address above it (the record's page holding a step's form).
	 */
	static List<String> formPages(String path) {
		List<String> pages = new java.util.ArrayList<>();
		if (!path.endsWith("/new")) {
			pages.add(path + "/new");
		}
		for (String at = path; at.lastIndexOf('/') >= 0 && !at.isEmpty(); at = at.substring(0, at.lastIndexOf('/'))) {
			pages.add(at);
			if (at.lastIndexOf('/') == 0) {
				break;
			}
		}
		return pages;
	}

	/**
	 * A page that shows its form from a form object gets it as typed, not the blank or stored values its GET shows: a
	 * record the handler binds with {@code @ModelAttribute} (wherever the page holds one of its type) has each
	 * component read from the posted values; the page's form object of a handler taking {@code @RequestParam} values (a
	 * record named {@code form}, or ending in {@code Form} as {@code profileForm}, that holds every one of them) has each
	 * component so named read from them (absent: the parameter's default), the others (not in the form, as an edited
	 * account's username) kept as the page shows them. A value that cannot be read is left empty. Pages reading the
	 * typed values from the posted parameters ({@code param.x}) need nothing here.
	 */
	private void typedBack(HandlerMethod posted, HttpServletRequest request, ModelAndView page) {
		ConversionService conversion = conversions.getIfAvailable();
		if (conversion == null) {
			return;
		}
		Set<Class<?>> records = new HashSet<>();
		Map<String, RequestParam> params = new HashMap<>();
		for (MethodParameter p : posted.getMethodParameters()) {
			RequestParam param = p.getParameterAnnotation(RequestParam.class);
			if (p.hasParameterAnnotation(ModelAttribute.class) && p.getParameterType().isRecord()) {
				records.add(p.getParameterType());
			}
			else if (param != null && !MultipartResolutionDelegate.isMultipartArgument(p)) {
				p.initParameterNameDiscovery(NAMES);
				params.put(!param.name().isEmpty() ? param.name()
						: !param.value().isEmpty() ? param.value() : p.getParameterName(), param);
			}
		}
		for (Map.Entry<String, Object> shown : page.getModel().entrySet()) {
			Object value = shown.getValue();
			Object typed = null;
			if (value != null && records.contains(value.getClass())) {
				typed = asTyped(value, c -> true, Map.of(), request, conversion);
			}
			else if ((shown.getKey().equals("form") || shown.getKey().endsWith("Form")) && isFormOf(value, params.keySet())) {
				typed = asTyped(value, c -> params.containsKey(c.getName()), params, request, conversion);
			}
			if (typed != null) {
				shown.setValue(typed);
			}
		}
	}

	/** Whether {@code shown} is a record holding every one of the handler's {@code params} (so it is their form). */
	private static boolean isFormOf(Object shown, Set<String> params) {
		if (shown == null || !shown.getClass().isRecord() || params.isEmpty()) {
			return false;
		}
		Set<String> components = new HashSet<>();
		for (RecordComponent c : shown.getClass().getRecordComponents()) {
			components.add(c.getName());
		}
		return components.containsAll(params);
	}

	/**
	 * {@code shown} with each component that {@code bound} accepts read from the posted values — absent: its
	 * parameter's default in {@code params} or empty; unreadable: empty — and the others as they are; null if it cannot
	 * be made.
	 */
	private static Object asTyped(Object shown, Predicate<RecordComponent> bound, Map<String, RequestParam> params,
			HttpServletRequest request, ConversionService conversion) {
		Class<?> type = shown.getClass();
		RecordComponent[] components = type.getRecordComponents();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			RecordComponent c = components[i];
			types[i] = c.getType();
			if (!bound.test(c)) {
				ReflectionUtils.makeAccessible(c.getAccessor());
				values[i] = ReflectionUtils.invokeMethod(c.getAccessor(), shown);
				continue;
			}
			values[i] = empty(c.getType());
			String[] typed = request.getParameterValues(c.getName());
			RequestParam param = params.get(c.getName());
			if (typed == null && param != null && !ValueConstants.DEFAULT_NONE.equals(param.defaultValue())) {
				typed = new String[] { param.defaultValue() };
			}
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
	 * The page the posting controller shows with GET at {@code get}'s address, rendered as a GET of it would be, or null
	 * when it shows none there (or answers something other than a page).
	 */
	private ModelAndView render(AsGet get, HttpServletResponse response, RequestMappingHandlerMapping mapping,
			RequestMappingHandlerAdapter adapter, HandlerMethod posted) {
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
		// what reads the request outside the handler's arguments (the region check advising every handler that takes a
		// region, kernel code asking the request context) reads the page's GET, not the request that was refused: else
		// the refused value is read again and the page refused for it once more
		RequestAttributes refused = RequestContextHolder.getRequestAttributes();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(get, response));
		try {
			page = adapter.handle(get, response, shown);
		}
		catch (AccessRefusedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			if (ex.code().status() == HttpStatus.NOT_FOUND.value() || ex.code().status() == HttpStatus.FORBIDDEN.value()) {
				throw ex;
			}
			// the page refused the other values it was given (a period, a region typed in the same form): it cannot be
			// shown for them, so the error page names the fields that could not be bound
			log.debug("The page {} of a form that could not be bound refused its values: {}", ErrorHandling.instance(get),
					ex.toString());
			return null;
		}
		catch (Exception ex) {
			log.debug("The page {} of a form that could not be bound was not rendered again: {}", ErrorHandling.instance(get), ex.toString());
			return null;
		}
		finally {
			RequestContextHolder.setRequestAttributes(refused);
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
	 * The posted request seen as a GET of {@code path}: its parameters (the values as typed) stay, but for those that
	 * could not be bound ({@code unbound}), which the page's GET would refuse alike (a form's {@code kind} that also
	 * chooses the form; the page reads them back from the posted request when it is rendered); request attributes the
	 * lookup and the handler set stay here, not on the posted request.
	 */
	private static final class AsGet extends HttpServletRequestWrapper {

		private final String uri;

		private final String path;

		private final Map<String, Object> attributes = new HashMap<>();

		private final Set<String> removed = new HashSet<>();

		private final Set<String> unbound;

		AsGet(HttpServletRequest request, String path, Set<String> unbound) {
			super(request);
			this.path = path;
			this.uri = request.getContextPath() + path;
			this.unbound = unbound;
		}

		@Override
		public String getParameter(String name) {
			return unbound.contains(name) ? null : super.getParameter(name);
		}

		@Override
		public String[] getParameterValues(String name) {
			return unbound.contains(name) ? null : super.getParameterValues(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			Map<String, String[]> values = new LinkedHashMap<>(super.getParameterMap());
			values.keySet().removeAll(unbound);
			return Collections.unmodifiableMap(values);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
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
