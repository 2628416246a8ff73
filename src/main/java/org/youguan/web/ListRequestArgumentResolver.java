package org.youguan.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;

/**
 * Reads a controller's {@link ListRequest} parameter ({@code q}, {@code page}, {@code size}, {@code sort},
 * {@code dir}) straight from the request parameters, as Spring's data binder did: a missing value is null, a text is
 * kept as sent (several values joined with commas), an empty number is null, a number is ASCII or full-width digits
 * ({@link #number}: no spaces around them, no plus sign), and a number that is not one (or one beyond an {@code int})
 * answers 400 naming the parameter, rule {@code format}, and the numbers it takes; a page below 0 or a size outside 1 …
 * {@link PageQuery#MAX_SIZE} is 400 naming it, rule {@code range} ({@link #requireWithinRange}), no longer read as page
 * 0 or a size of its own; a {@code q} longer than {@link PageQuery#MAX_QUERY_LENGTH} characters is 400 naming it, rule
 * {@code max-length} ({@link #requireShortSearch}).
 *
 * <p>Why (issue 12): the generic binder builds the record through reflection on every request — constructor lookup,
 * parameter names, nullness from type annotations — about a seventh of the CPU of an API list request. What goes in and
 * what comes out are unchanged.
 */
@Configuration(proxyBeanMethods = false)
class ListRequestArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == ListRequest.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
			WebDataBinderFactory binderFactory) {
		String page = text(request, "page");
		String size = text(request, "size");
		Integer pageNumber = number(page);
		Integer sizeNumber = number(size);
		boolean badPage = page != null && !page.isEmpty() && pageNumber == null;
		boolean badSize = size != null && !size.isEmpty() && sizeNumber == null;
		if (badPage || badSize) {
			// no whole number an int holds (abc, 1.5, a 20-digit page): refused as every parameter of the wrong type is
			// ("页码的值“abc”格式不正确"), naming the numbers it takes, not only "须为整数"
			List<FieldError> errors = new ArrayList<>();
			Map<FieldError, Wording> keyed = new HashMap<>();
			if (badPage) {
				FieldError e = new FieldError("page", "format", FieldLabels.named("page") + "的值“" + Decimals.echo(page)
						+ "”格式不正确（应为0至" + Integer.MAX_VALUE + "的整数，第一页为0）");
				errors.add(e);
				keyed.put(e, Wording.of("kernel.invalid.pageFormat", Decimals.echo(page), String.valueOf(Integer.MAX_VALUE)));
			}
			if (badSize) {
				FieldError e = new FieldError("size", "format", FieldLabels.named("size") + "的值“" + Decimals.echo(size)
						+ "”格式不正确（应为1至" + PageQuery.MAX_SIZE + "的整数）");
				errors.add(e);
				keyed.put(e, Wording.of("kernel.invalid.sizeFormat", Decimals.echo(size), String.valueOf(PageQuery.MAX_SIZE)));
			}
			throw new InvalidValueException(errors, keyed);
		}
		requireWithinRange(page, pageNumber, size, sizeNumber);
		String q = text(request, "q");
		requireShortSearch(q);
		return new ListRequest(q, pageNumber, sizeNumber, text(request, "sort"), text(request, "dir"));
	}

	/**
	 * Refuses a search text longer than {@link PageQuery#MAX_QUERY_LENGTH} characters (attack 69: 5,000 characters were
	 * searched for): no name, number or address a list matches is that long, and each character costs every row's
	 * comparison.
	 * @param q the search text as sent, null when absent
	 * @throws InvalidValueException 400 naming {@code q}, rule {@code max-length}
	 */
	static void requireShortSearch(String q) {
		requireShortSearch("q", q);
	}

	/**
	 * As {@link #requireShortSearch(String)} for the search parameter {@code name} (the list's {@code q}, a public
	 * look-up's {@code query}: {@link SearchParameters}).
	 * @param name the parameter, named by the refusal (its label in the message)
	 * @param value the text as sent, null when absent
	 * @throws InvalidValueException 400 naming {@code name}, rule {@code max-length}
	 */
	static void requireShortSearch(String name, String value) {
		if (value != null && value.codePointCount(0, value.length()) > PageQuery.MAX_QUERY_LENGTH) {
			int typed = value.codePointCount(0, value.length());
			throw new InvalidValueException(name, "max-length", Wording.of("kernel.invalid.searchTooLong",
					FieldLabels.named(name), PageQuery.MAX_QUERY_LENGTH, typed),
					FieldLabels.named(name) + "不能超过" + PageQuery.MAX_QUERY_LENGTH + "个字符（已输入" + typed + "个）");
		}
	}

	/**
	 * Refuses a page before the first or a page size no list has, which were read as page 0 and as 20 or
	 * {@link PageQuery#MAX_SIZE} rows: the caller asked for something else than what it got. A page far past the end
	 * ({@code 2147483647}) stays a page: it shows no rows and its pager leads back ({@link org.youguan.kernel.PageResult}).
	 * @param page the page as sent, for the message
	 * @param pageNumber the page as read, null when absent or empty
	 * @param size the size as sent
	 * @param sizeNumber the size as read, null when absent or empty
	 * @throws InvalidValueException 400 naming {@code page} (below 0) and {@code size} (outside 1 …
	 *         {@link PageQuery#MAX_SIZE}), rule {@code range}, on an API call as a problem and on a page as the error
	 *         page, as a page or size that is no number
	 */
	static void requireWithinRange(String page, Integer pageNumber, String size, Integer sizeNumber) {
		List<FieldError> errors = new ArrayList<>();
		Map<FieldError, Wording> keyed = new HashMap<>();
		if (pageNumber != null && pageNumber < 0) {
			FieldError e = new FieldError("page", "range", "页码应为0或更大的整数（第一页为0）：" + Decimals.echo(Text.strip(page)));
			errors.add(e);
			keyed.put(e, Wording.of("kernel.invalid.pageRange", Decimals.echo(Text.strip(page))));
		}
		if (sizeNumber != null && (sizeNumber < 1 || sizeNumber > PageQuery.MAX_SIZE)) {
			FieldError e = new FieldError("size", "range", "每页条数应为1至" + PageQuery.MAX_SIZE + "：" + Decimals.echo(Text.strip(size)));
			errors.add(e);
			keyed.put(e, Wording.of("kernel.invalid.sizeRange", String.valueOf(PageQuery.MAX_SIZE), Decimals.echo(Text.strip(size))));
		}
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors, keyed);
		}
	}

	/** The parameter's value (several joined with commas), null when absent. */
	private static String text(NativeWebRequest request, String name) {
		String[] values = request.getParameterValues(name);
		if (values == null || values.length == 0) {
			return null;
		}
		return values.length == 1 ? values[0] : String.join(",", values);
	}

	/** Digits, with a minus before them (a negative page is told as out of range, not as no number). */
	private static final Pattern UNSIGNED_OR_NEGATIVE = Pattern.compile("-?[0-9]+");

	/**
	 * The whole number {@code value} holds: ASCII digits or the full-width ones a Chinese input method types (read as
	 * ASCII, {@link Decimals#ascii}, as every form field reads them) — not Arabic-Indic ones, which Spring's reading
	 * took (attack round 17), and no space around them nor a plus sign before them ("%205", "%2B1", attack 69: a query
	 * number is written by a link or a client, not typed in a field); null when it holds none or one beyond an
	 * {@code int}.
	 */
	private static Integer number(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		String digits = Decimals.ascii(value);
		if (digits == null || !UNSIGNED_OR_NEGATIVE.matcher(digits).matches()) {
			// a space or a plus sign is no part of a page number a link or a client writes ("%205", "%2B1")
			return null;
		}
		Long n = Decimals.whole(digits);
		return n == null || n != n.intValue() ? null : n.intValue();
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}
}
