package org.youguan.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageAccess;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.StepAccess;
import org.youguan.kernel.Text;
import org.youguan.org.CurrentUser;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * Decides who may take a record's step before the step's values are read: for a POST, PUT, PATCH or DELETE to an
 * address a module declares as its records' steps ({@link StepAccess#steps}), the module's rule runs here, after the
 * handler is chosen and its {@code @PreAuthorize} decided (the security filters) but before the form is bound or the
 * body read — interceptors run before the handler's arguments are resolved. A refusal (404 out of scope, 403 not the
 * handling bureau) reaches the error handling as it would from inside the step, so a page form's bad field or a body
 * that does not parse is never answered with 400 to a caller who may not take the step at all. One place for every
 * module: each declares its addresses and rule, none orders its own checks. A step whose address holds no record (催报
 * of the form a parameter names) declares the parameter ({@link StepAccess#recordParameter}) and is decided the same way;
 * a record addressed by code (a 建制村's village code, a bureau's 抽查事项) is guarded the same way
 * ({@link StepAccess#ofCode}), its code held to its one written form first. A new record named by several fields (an
 * inspection record's enterprise, or one of its branches or outlets) is decided on every value of each
 * ({@link StepAccess#sentRule}), read as the form or body holds them.
 */
@Component
class StepAccessFirst implements HandlerInterceptor {

	private record Guard(PathPattern pattern, StepAccess access) {
	}

	private static final String ID = "id";

	private static final String REST = "rest";

	/**
	 * The request attribute naming the page of the record a step addresses ({@code /enforcement/cases/18} for
	 * {@code POST /enforcement/cases/18/conclusion}), set before the step's guard is asked: a page's form refused there
	 * for the record's state (a stale tab, a second click after the first went through) goes back to that page with the
	 * refusal in its one box, as a step refused by its handler does ({@code kernel.PageSteps}), not to the error page.
	 */
	static final String RECORD_PAGE = StepAccessFirst.class.getName() + ".recordPage";

	/**
	 * Whether a refusal of the request goes back to its record's page ({@link #RECORD_PAGE}) rather than the error
	 * answer: a page's form posted by a browser — a change (POST, PUT, PATCH, DELETE), neither an API client
	 * ({@link Refusals#apiClient}) nor a token caller, whose refusal is the problem it can read.
	 */
	static boolean pageStep(HttpServletRequest request) {
		return changes(request.getMethod()) && !Refusals.apiClient(request) && !PageSteps.byToken(request);
	}

	/** The address without its step ({@code rest}, the part after the record's number), without a trailing slash. */
	private static String recordPage(String path, String rest) {
		String page = rest.isEmpty() || !path.endsWith("/" + rest) ? path : path.substring(0, path.length() - rest.length() - 1);
		return page.endsWith("/") ? page.substring(0, page.length() - 1) : page;
	}

	/** The address's variable holding the code of a record addressed by code ({@link StepAccess#code()}). */
	private static final String CODE = "code";

	private final ObjectProvider<StepAccess> rules;

	/** The handlers, asked whether a record's page answers GET ({@link #showsPage}). */
	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	private volatile List<Guard> guards;

	/** Whether the caller may open a record's page at all ({@link #opens}). */
	private final ObjectProvider<PageAccess> pages;

	StepAccessFirst(ObjectProvider<StepAccess> rules,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings,
			ObjectProvider<PageAccess> pages) {
		this.rules = rules;
		this.mappings = mappings;
		this.pages = pages;
	}

	/**
	 * Whether the request's caller may open {@code page} ({@link PageAccess#opens}: its role passes the page's security
	 * rules): a refused step goes back to its record's page only then — the page the caller may not open either would
	 * answer its own 403 without the step's reason, so the refusal is answered at once, its reason in the 403.
	 */
	boolean opens(HttpServletRequest request, String page) {
		PageAccess access = pages.getIfAvailable();
		return access == null || access.opens(request, page);
	}

	/**
	 * Whether some handler answers GET at {@code page} (an address within the application): a refused step goes back
	 * to its record's page only where there is one (a 报表's settings, {@code /statistics/catalogue/forms/7}, are
	 * changed from the catalogue's page, not from a page of their own: their refusal stays the 403 page).
	 */
	boolean showsPage(String page) {
		RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
		if (mapping == null) {
			return false;
		}
		PathContainer path = PathContainer.parsePath(page);
		return mapping.getHandlerMethods().keySet().stream().anyMatch(info -> {
			java.util.Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			return (methods.isEmpty() || methods.contains(RequestMethod.GET)) && info.getPathPatternsCondition() != null
					&& info.getPathPatternsCondition().getPatterns().stream().anyMatch(p -> p.matches(path));
		});
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		PageAccess access = pages.getIfAvailable();
		if (access != null) {
			// asked by PageSteps before a refused step goes back to a page the caller may not open
			request.setAttribute(PageAccess.ATTRIBUTE, access);
		}
		requireRecordNumbers(request, method);
		requireStep(request, request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars
				&& vars.containsKey(CODE));
		return true;
	}

	/**
	 * Refuses the signed-in caller the step the request addresses, if it is a record's step ({@link StepAccess#steps})
	 * it may not take; returns for a read, an address no rule declares, or a caller not signed in. Also asked by the
	 * error handling before it answers 415 (a body of a type the step does not read: no handler was chosen, so
	 * {@link #preHandle} never ran) — the caller who may not take the step is refused (404, 403), not told the type.
	 * @throws org.youguan.kernel.DomainException 404 for a record outside the caller's scope
	 * @throws org.youguan.kernel.AccessRefusedException 403 for staff of a bureau that does not handle it
	 */
	void requireStep(HttpServletRequest request) {
		requireStep(request, false);
	}

	/**
	 * As {@link #requireStep(HttpServletRequest)}; for a record addressed by code ({@link StepAccess#code()}), a code
	 * not in the record's form is 404 when the chosen handler takes the code ({@code handlerTakesCode}: the segment is
	 * the record's address, not a page's name such as {@code import}), and left alone otherwise.
	 */
	private void requireStep(HttpServletRequest request, boolean handlerTakesCode) {
		if (!changes(request.getMethod())) {
			return;
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		DataScope scope = CurrentUser.signedIn().map(CurrentUser::scope).orElse(null);
		if (scope == null) {
			return;
		}
		for (Guard g : guards()) {
			PathPattern.PathMatchInfo match = g.pattern().matchAndExtract(path);
			if (match == null) {
				continue;
			}
			Map<String, String> vars = match.getUriVariables();
			String rest = vars.getOrDefault(REST, "").replaceFirst("^/", "");
			String code = vars.get(CODE);
			if (code != null && g.access().code().isPresent()) {
				StepAccess.CodeForm form = g.access().code().get();
				if (form.matches(code)) {
					g.access().requireStep(scope, code, rest);
				}
				else if (handlerTakesCode) {
					throw DomainException.notFound(form.record(), code);
				}
				continue;
			}
			if (g.access().sentRule() != null) {
				// a record named by several fields (an enterprise, or one of its branches or outlets): each value sent
				g.access().sentRule().requireStep(scope, name -> sent(request, name));
				continue;
			}
			if (g.access().regionParameter() != null) {
				requireRegionStep(request, scope, g.access());
				continue;
			}
			if (g.access().valueParameter() != null) {
				if (g.access().placingParameters().stream().anyMatch(p -> sent(request, p).stream().anyMatch(v -> !Text.isBlank(v)))) {
					// the record is placed by another field (an outlet of the enterprise): the step decides the place
					continue;
				}
				for (String value : sent(request, g.access().valueParameter())) {
					if (!Text.isBlank(value.replace('\u3000', ' '))) {
						g.access().requireStep(scope, Text.strip(value.replace('\u3000', ' ')), "");
					}
				}
				continue;
			}
			// a step on a record chosen in its form (催报 of form=7): the parameter names it, read before any binding
			String parameter = g.access().recordParameter();
			String id = parameter == null ? vars.get(ID) : request.getParameter(parameter);
			Long number = id == null ? null : recordNumber(id);
			if (number != null) {
				if (parameter == null) {
					// the record's page (the address without the step), where a page's stale form is told its state
					request.setAttribute(RECORD_PAGE, recordPage(path.value(), rest));
				}
				g.access().requireStep(scope, number, rest);
			}
			else if (parameter != null && id != null && !Text.isBlank(id)) {
				// form=７, form=+7: a record's number in another form names no record, as in the address
				throw DomainException.notFound(g.access().parameterRecord(), shown(id));
			}
		}
	}

	/**
	 * The step on the region {@code access}'s {@link StepAccess#regionParameter} names: its value read as every region
	 * code is ({@link RegionPrefix#normalised}), then the rule; blank is left to the step (the caller's own region).
	 * A form or query value that is no region code in any accepted form ({@code abc}, {@code +3205}) names no region,
	 * whatever the caller's scope: 400 naming the parameter (rule {@code format}, "行政区划代码…格式不正确"), the page
	 * form shown again ({@link ErrorHandling}) — not 404 {@code request}, which would say a region was looked for. A
	 * well-formed code outside the caller's scope stays the rule's 404/403. A JSON body's malformed value is left to
	 * the step, which names it among the body's other fields.
	 * @throws MalformedRegion 400 for a form or query value that is no region code
	 */
	private static void requireRegionStep(HttpServletRequest request, DataScope scope, StepAccess access) {
		for (String typed : sent(request, access.regionParameter())) {
			if (Text.isBlank(typed.replace('\u3000', ' '))) {
				continue;
			}
			String code = RegionPrefix.normalised(typed.replace('\u3000', ' '));
			if (!DataScope.isRegionCode(code) && request.getParameter(access.regionParameter()) == null) {
				// a JSON body's value that is no region code names no region to refuse: its field is told by the step (400)
				continue;
			}
			if (!DataScope.isRegionCode(code)) {
				throw new MalformedRegion(access.regionParameter(), typed);
			}
			access.requireStep(scope, code, "");
		}
	}

	/**
	 * A region parameter of a step that is no region code in any accepted form: 400 naming the parameter, rule
	 * {@code format} — answered by {@link ErrorHandling} as a value that could not be bound (a page form's POST gets its
	 * form again, the value beside its field).
	 */
	static final class MalformedRegion extends InvalidValueException {

		private static final long serialVersionUID = 1L;

		MalformedRegion(String field, String typed) {
			super(field, "format", "行政区划代码“" + Text.printable(shown(typed)) + "”格式不正确（" + REGION_FORM + "）");
		}
	}

	/** What a region code looks like, as a refusal of one says it. */
	static final String REGION_FORM = "应为2、4、6、9或12位数字，如3205、320506";

	/**
	 * The page of the record a page's step addresses ({@code /enforcement/cases/18} for a POST to
	 * {@code /enforcement/cases/18/statement}) — as {@link #RECORD_PAGE} names it once the step's guard is asked — for a
	 * step refused before any handler was chosen (the caller's role, by the security filters): empty when the request is
	 * no browser's page step ({@link #pageStep}) or its address is no record's step a module declares by number. Nothing
	 * is looked up: the page itself decides whether the caller may see the record.
	 */
	java.util.Optional<String> recordPageOf(HttpServletRequest request) {
		if (!pageStep(request)) {
			return java.util.Optional.empty();
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (Guard g : guards()) {
			PathPattern.PathMatchInfo match = g.pattern().matchAndExtract(path);
			StepAccess access = g.access();
			if (match == null || access.recordParameter() != null || access.code().isPresent() && match.getUriVariables().containsKey(CODE)
					|| access.sentRule() != null || access.regionParameter() != null || access.valueParameter() != null) {
				continue;
			}
			String id = match.getUriVariables().get(ID);
			if (id != null && recordNumber(id) != null) {
				String page = recordPage(path.value(), match.getUriVariables().getOrDefault(REST, "").replaceFirst("^/", ""));
				return showsPage(page) ? java.util.Optional.of(page) : java.util.Optional.empty();
			}
		}
		return java.util.Optional.empty();
	}

	/**
	 * The value the request names in {@code name}: its form or query parameter, else — for a JSON body — the body's
	 * top-level field of that name or of a {@code @JsonAlias} of the handler's body record component of that name
	 * ({@link JsonBodyReplay#object}, read before the body is bound: a malformed field elsewhere in it is not yet
	 * read). Each string's text or whole number's digits the body holds under those names — every one of a key sent
	 * twice, and the body read as its converter reads it (a byte-order mark skipped, what trails the object ignored:
	 * {@link JsonBodyReplay#values}), so the guard sees every value the handler might bind; anything else (a list, an
	 * object, {@code true}: the handler's reading tells it) is left out. Empty for no such field.
	 */
	private static List<String> sent(HttpServletRequest request, String name) {
		String typed = request.getParameter(name);
		if (typed != null) {
			return List.of(typed);
		}
		return JsonBodyReplay.values(request, jsonNames(request, name));
	}

	/**
	 * The JSON names of the body field {@code name}: the name itself and the aliases its record component declares
	 * ({@code @JsonAlias("regionCode") String region}) on the handler's {@code @RequestBody} record.
	 */
	private static List<String> jsonNames(HttpServletRequest request, String name) {
		List<String> names = new ArrayList<>(List.of(name));
		if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod method)) {
			return names;
		}
		for (MethodParameter parameter : method.getMethodParameters()) {
			Class<?> type = parameter.getParameterType();
			if (!parameter.hasParameterAnnotation(RequestBody.class) || !type.isRecord()) {
				continue;
			}
			for (RecordComponent component : type.getRecordComponents()) {
				// @JsonAlias does not target record components: Java hands it to the component's field
				JsonAlias alias = alias(type, component);
				List<String> aliases = alias == null ? List.of() : List.of(alias.value());
				if (component.getName().equals(name) || aliases.contains(name)) {
					names.add(component.getName());
					names.addAll(aliases);
				}
			}
		}
		return names.stream().distinct().toList();
	}

	/** The {@code @JsonAlias} of a record's component (on its field), or null. */
	private static JsonAlias alias(Class<?> record, RecordComponent component) {
		try {
			return record.getDeclaredField(component.getName()).getAnnotation(JsonAlias.class);
		}
		catch (NoSuchFieldException none) {
			return null;
		}
	}

	/** A value as typed, as a 404 quotes it: at most 20 characters (a long value is cut, "…"). */
	private static String shown(String typed) {
		return typed.length() <= 20 ? typed : typed.substring(0, 20) + "…";
	}

	/**
	 * One form of a record's number in every address: ASCII digits, at most 19 (a long). Spring's conversion of a path
	 * segment to a number also takes a sign ({@code +725}), other scripts' digits ({@code ７２５}), blanks around it and
	 * hex ({@code 0x2d5}, {@code #2d5}) — an id the step's rule above would not have recognised, so the step's fields
	 * were read (400) for a caller who may not take it (attack: {@code POST /api/v1/complaints/+725/close}). Every
	 * number a handler takes from its address ({@code @PathVariable long}) is held to {@link #RECORD_DIGITS} here,
	 * before any rule or field; another form names nothing: 404, as a segment that is no number at all
	 * ({@code ErrorHandling#mismatch}).
	 */
	private static void requireRecordNumbers(HttpServletRequest request, HandlerMethod method) {
		if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars)
				|| vars.isEmpty()) {
			return;
		}
		for (MethodParameter parameter : method.getMethodParameters()) {
			PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
			Class<?> type = parameter.getParameterType();
			if (variable == null || !(Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class
					&& type != char.class)) {
				continue;
			}
			String name = !variable.name().isEmpty() ? variable.name() : parameter.getParameter().getName();
			if (vars.get(name) instanceof String value && !RECORD_DIGITS.matcher(value).matches()) {
				throw new MethodArgumentTypeMismatchException(value, type, name, parameter,
						new NumberFormatException("应为不超过19位的阿拉伯数字：" + value));
			}
		}
	}

	/** A record's number in an address: ASCII digits only (never {@code \d} with Unicode classes), at most 19. */
	static final Pattern RECORD_DIGITS = Pattern.compile("[0-9]{1,19}");

	/** The record's number {@code id} names, or null when it names none (not {@link #RECORD_DIGITS}, beyond a long). */
	static Long recordNumber(String id) {
		if (!RECORD_DIGITS.matcher(id).matches()) {
			return null;
		}
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException beyondALong) {
			return null;
		}
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
