package org.youguan.region;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.RegionPrefix;

/**
 * A region asked for by code in a query ({@code ?region=…} of any page or API read: figures, lists, public lookups) is
 * a region that exists: a whole-length code missing from the region table (a typo such as {@code 329999}, a village of
 * a province whose villages are not loaded) is refused with 400 naming {@code region} and the rule {@code exists} —
 * it used to answer empty figures as if the region had nothing. The format and length rules stay with
 * {@link RegionPrefix} (rules {@code digits}, {@code length}), checked first here so the answer names the first rule
 * broken. Blank and {@code 0} mean the whole country. Only reads (GET, HEAD) of handlers that take a {@code region}
 * are checked: forms and API writes check the codes they store themselves ({@link Regions#require}), and a handler
 * that takes none ignores one, as it ignores any stray parameter. Codes found are remembered for ten minutes (the
 * region table changes only by an administrator's import, which adds codes and never removes one).
 */
@Component
class RegionParameterCheck implements HandlerInterceptor, WebMvcConfigurer {

	/** The query parameter every region filter of the product uses. */
	static final String PARAMETER = "region";

	private final Regions regions;

	private final Cache<String, Boolean> known = Caffeine.newBuilder()
		.maximumSize(20_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	/** Per handler method, whether it reads a region ({@link #takesRegion}). */
	private final Map<Method, Boolean> readers = new ConcurrentHashMap<>();

	RegionParameterCheck(Regions regions) {
		this.regions = regions;
	}

	/**
	 * Whether the handler reads a {@code region}: a parameter of that name, or a bound object (a filter record) with a
	 * component of that name. Handlers that take no region ignore one sent to them, as they ignore any stray parameter.
	 */
	private boolean takesRegion(HandlerMethod method) {
		return readers.computeIfAbsent(method.getMethod(), m -> Arrays.stream(method.getMethodParameters()).anyMatch(p -> {
			RequestParam named = p.getParameterAnnotation(RequestParam.class);
			String name = named != null && !named.name().isEmpty() ? named.name() : p.getParameterName();
			Class<?> type = p.getParameterType();
			return PARAMETER.equals(name) || type.isRecord() && Arrays.stream(type.getRecordComponents())
				.anyMatch(c -> PARAMETER.equals(c.getName()));
		}));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	/**
	 * @throws InvalidValueException on {@code region}: rule {@code digits} or {@code length} ({@link RegionPrefix}), or
	 *         {@code exists} when no region has the code
	 */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
				|| !(handler instanceof HandlerMethod method) || !takesRegion(method)) {
			return true;
		}
		String asked = request.getParameter(PARAMETER);
		if (asked == null) {
			return true;
		}
		String code = RegionPrefix.of(asked).code();
		if (!code.isEmpty() && known.getIfPresent(code) == null) {
			if (regions.find(code).isEmpty()) {
				throw new InvalidValueException(PARAMETER, "exists", "行政区划代码不存在：" + code);
			}
			known.put(code, Boolean.TRUE);
		}
		return true;
	}
}
