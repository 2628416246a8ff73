package org.youguan.region;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Role;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Wording;

/**
 * A region asked for by code in a query ({@code ?region=…} of any page or API read: figures, lists, public lookups) is
 * a region that exists: a whole-length code missing from the region table (a typo such as {@code 329999}, a village of
 * a province whose villages are not loaded) is refused with 400 naming {@code region} and the rule {@code exists} —
 * it used to answer empty figures as if the region had nothing. The format and length rules stay with
 * {@link RegionPrefix} (rules {@code digits}, {@code length}), checked first here so the answer names the first rule
 * broken. Blank and {@code 0} mean the whole country. Only reads (GET, HEAD) of handlers that take a {@code region}
 * are checked: forms and API writes check the codes they store themselves ({@link Regions#require}), a handler that
 * takes none ignores one, as it ignores any stray parameter, and a page marked {@link ChecksRegionItself} shows the
 * error on its own form. Codes found are remembered for ten minutes (the region table changes only by an
 * administrator's import, which adds codes and never removes one).
 * <p>
 * The check is advice on the handler methods that runs <em>inside</em> method security (the lowest precedence of the
 * advisors, so after {@code @PreAuthorize}): a caller who may not use a handler at all is told 403, not which region
 * codes exist.
 */
@Component
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
class RegionParameterCheck extends StaticMethodMatcherPointcutAdvisor implements QueriedRegions {

	/** The query parameter every region filter of the product uses. */
	static final String PARAMETER = "region";

	private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	/** Looked up on first use: an advisor is created before the beans it advises, and must not pull them in early. */
	private final ObjectProvider<Regions> regions;

	private final Cache<String, Boolean> known = Caffeine.newBuilder()
		.maximumSize(20_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	RegionParameterCheck(ObjectProvider<Regions> regions) {
		this.regions = regions;
		setOrder(Ordered.LOWEST_PRECEDENCE);
		setAdvice((MethodInterceptor) invocation -> {
			check();
			return invocation.proceed();
		});
	}

	/**
	 * Whether the method is a controller's request handler that reads a {@code region}: a parameter of that name, or
	 * a bound object (a filter record) with a component of that name, and is not marked {@link ChecksRegionItself}.
	 */
	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		if (!AnnotatedElementUtils.hasAnnotation(targetClass, Controller.class)
				|| !AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)
				|| method.isAnnotationPresent(ChecksRegionItself.class)) {
			return false;
		}
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter p = new MethodParameter(method, i);
			p.initParameterNameDiscovery(NAMES);
			RequestParam named = p.getParameterAnnotation(RequestParam.class);
			String name = named != null && !named.name().isEmpty() ? named.name() : p.getParameterName();
			Class<?> type = p.getParameterType();
			if (PARAMETER.equals(name) || type.isRecord() && Arrays.stream(type.getRecordComponents())
				.anyMatch(c -> PARAMETER.equals(c.getName()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @throws InvalidValueException on {@code region}: rule {@code digits} or {@code length} ({@link RegionPrefix}), or
	 *         {@code exists} when no region has the code
	 */
	private void check() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return;
		}
		HttpServletRequest request = attributes.getRequest();
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return;
		}
		String asked = request.getParameter(PARAMETER);
		if (asked == null) {
			return;
		}
		requireExisting(asked);
	}

	@Override
	public String requireExisting(String asked) {
		if (asked == null) {
			return "";
		}
		String code = RegionPrefix.of(asked).code();
		if (!code.isEmpty() && known.getIfPresent(code) == null) {
			if (regions.getObject().find(code).isEmpty()) {
				throw new InvalidValueException(PARAMETER, "exists", Wording.of("kernel.invalid.noRegion", code), "行政区划代码不存在：" + code);
			}
			known.put(code, Boolean.TRUE);
		}
		return code;
	}
}
