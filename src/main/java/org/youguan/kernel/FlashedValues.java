package org.youguan.kernel;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The values a refused form was posted with, as a page keeps them to show the form again after the redirect
 * ({@link PageSteps#TYPED}): they are flashed, and a flash lives in the session (in PostgreSQL, read back whole at
 * every request). So only what the form declares is kept — the step's parameters ({@code @RequestParam} names, the
 * names of its other parameters and the properties of a form object it binds, with their indexed or nested names
 * {@code items[0]}, {@code data.name}) —, never a parameter the step does not read; each value at most
 * {@link #MAX_CHARS} characters (no field of a page form takes more), at most {@link #MAX_VALUES} values a name; and
 * never the CSRF token nor a password, secret or token field. Attack (E1): 16 refused posts each carrying 1.5–1.9 MB of
 * unknown parameters grew the session to 28 MB, read on every request.
 */
public final class FlashedValues {

	/** The longest value kept, in characters: the longest free text of a page form (补正事项 合计, 4000). */
	public static final int MAX_CHARS = 4000;

	/** The most values kept under one name (a form's list of lines). */
	public static final int MAX_VALUES = 100;

	/** The most characters kept for one refused form, all values together. */
	public static final int MAX_TOTAL_CHARS = 65_536;

	/** The declared names of a form that reads every parameter ({@code @RequestParam Map}): any name, within the budget. */
	private static final String ANY = "*";

	private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

	private FlashedValues() {
	}

	/**
	 * The values of {@code posted} its handler declares, each capped, in the order posted.
	 * @param posted the request of the refused step (its handler chosen: {@link HandlerMapping#BEST_MATCHING_HANDLER_ATTRIBUTE})
	 * @return name → values; empty when no handler is known
	 */
	public static Map<String, List<String>> of(HttpServletRequest posted) {
		if (!(posted.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)) {
			return Map.of();
		}
		Set<String> declared = DECLARED.computeIfAbsent(handler.getMethod(), m -> declared(handler));
		Map<String, List<String>> typed = new LinkedHashMap<>();
		int budget = MAX_TOTAL_CHARS;
		for (Map.Entry<String, String[]> e : posted.getParameterMap().entrySet()) {
			if (!kept(e.getKey(), declared)) {
				continue;
			}
			List<String> values = new java.util.ArrayList<>();
			for (String v : e.getValue()) {
				String capped = v == null || v.length() <= MAX_CHARS ? v : v.substring(0, MAX_CHARS);
				int size = capped == null ? 0 : capped.length();
				if (values.size() >= MAX_VALUES || size > budget) {
					break;
				}
				budget -= size;
				values.add(capped);
			}
			typed.put(e.getKey(), List.copyOf(values.stream().map(v -> v == null ? "" : v).toList()));
		}
		return typed;
	}

	/** Whether a posted name is one the form declares ({@code name}, {@code name[3]}, {@code name.part}) and no secret. */
	static boolean kept(String name, Set<String> declared) {
		String n = name.toLowerCase(Locale.ROOT);
		if (n.equals("_csrf") || n.contains("password") || n.contains("secret") || n.contains("token")) {
			return false;
		}
		int end = name.length();
		for (char c : new char[] { '[', '.' }) {
			int at = name.indexOf(c);
			if (at > 0 && at < end) {
				end = at;
			}
		}
		return declared.contains(ANY) || declared.contains(name) || declared.contains(name.substring(0, end));
	}

	/** Whether a map parameter holds uploaded files ({@code MultiValueMap<String, MultipartFile>}), not typed values. */
	private static boolean multipartValues(MethodParameter p) {
		return p.getGenericParameterType().getTypeName().contains("MultipartFile");
	}

	/** The names a handler reads: its parameters' names and the properties of the form objects it binds. */
	private static Set<String> declared(HandlerMethod handler) {
		Set<String> names = new LinkedHashSet<>();
		for (MethodParameter p : handler.getMethodParameters()) {
			RequestParam param = p.getParameterAnnotation(RequestParam.class);
			String named = param == null ? "" : !param.name().isEmpty() ? param.name() : param.value();
			if (param != null && Map.class.isAssignableFrom(p.getParameterType()) && named.isEmpty()
					&& !p.getNestedParameterType().getName().contains("Multipart") && !multipartValues(p)) {
				names.add(ANY);
				continue;
			}
			if (!named.isEmpty()) {
				names.add(named);
				continue;
			}
			p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
			if (p.getParameterName() != null) {
				names.add(p.getParameterName());
			}
			Class<?> type = p.getParameterType();
			if (param == null && !BeanUtils.isSimpleProperty(type) && !type.getName().startsWith("java.")
					&& !type.getName().startsWith("jakarta.") && !type.getName().startsWith("org.springframework.")) {
				if (type.isRecord()) {
					for (RecordComponent c : type.getRecordComponents()) {
						names.add(c.getName());
					}
				}
				else {
					for (var d : BeanUtils.getPropertyDescriptors(type)) {
						if (d.getWriteMethod() != null) {
							names.add(d.getName());
						}
					}
					try {
						// a form bound through its constructor
						names.addAll(List.of(BeanUtils.getParameterNames(BeanUtils.getResolvableConstructor(type))));
					}
					catch (RuntimeException noConstructorToBind) {
						// bound through its setters alone
					}
				}
			}
		}
		return Collections.unmodifiableSet(names);
	}
}
