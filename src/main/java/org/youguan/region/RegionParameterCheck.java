package org.youguan.region;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
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
 * broken. Blank and {@code 0} mean the whole country. Only reads (GET) are checked: forms and API writes check the codes
 * they store themselves ({@link Regions#require}). Codes found are remembered for ten minutes (the region table
 * changes only by an administrator's import, which adds codes and never removes one).
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

	RegionParameterCheck(Regions regions) {
		this.regions = regions;
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
		if (!"GET".equals(request.getMethod())) {
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
