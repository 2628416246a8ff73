package org.youguan.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.youguan.kernel.BearerToken;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.RequestPath;

/**
 * Refusals answered outside the controllers (by a filter, Spring Security, Tomcat) in the product's one shape: a
 * problem response ({@link ProblemResponses}) with a Chinese detail and the fields and rules refused for an API
 * client ({@link #apiClient}, the one rule), the error page with the same title, detail and fields for anyone else.
 */
public final class Refusals {

	private Refusals() {
	}

	/**
	 * Answers a refusal: a problem response to an API client ({@link #apiClient}), the error page to anyone else.
	 * @param status the HTTP status, 400–599
	 * @param title the title in Chinese
	 * @param detail what the user is told, in Chinese
	 * @param errors the fields and rules refused; a refusal names at least one
	 * @throws IOException when the answer cannot be written
	 */
	public static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail, List<FieldError> errors) throws IOException {
		// the language switch holds on a refusal no handler reached (the other portal's page), as on a page
		LanguageResolver.remember(request, response);
		RequestValuesFilter.refuse(request, response, new RequestValuesFilter.Refusal(status, title, detail, errors));
	}

	/**
	 * Answers the refusal of the request's values ({@link RequestValuesFilter}) that waited for the security filters'
	 * decision, if one waits — called where a security filter would otherwise act on the request (the sign-in form's
	 * authentication) and, for every other request, right after the security filters.
	 * @return whether a refusal was answered: the chain must stop then
	 * @throws IOException when the answer cannot be written
	 */
	public static boolean answerPending(HttpServletRequest request, HttpServletResponse response) throws IOException {
		return RequestValuesFilter.answerPending(request, response);
	}

	/**
	 * Whether a refusal waits for which Tomcat could read no parameter at all (a form body that does not decode, or one
	 * beyond the size limits): a form's CSRF token cannot be read from it either, and the request will be refused
	 * whatever it carries, so the CSRF check has nothing to protect.
	 */
	public static boolean parametersUnreadable(HttpServletRequest request) {
		return request.getAttribute(RequestValuesFilter.PENDING) != null
				&& request.getAttribute(RequestValuesFilter.UNREADABLE) != null;
	}

	/**
	 * The request's path within the application as Tomcat maps it and Spring matches it ({@link RequestPath#routed}) —
	 * what every decision by path (an API call? a public page?) is to read, never the URI as sent.
	 * @return the path, starting with "/"
	 */
	public static String routedPath(HttpServletRequest request) {
		return RequestPath.routed(request);
	}

	/**
	 * Whether the request's path as it is routed is one of {@code prefixes} or below it, by whole segments
	 * ({@link RequestPath#under}): {@code /public/lookup} is under {@code /public}, {@code /publicity} is not;
	 * {@code /%70ublic/lookup}, {@code //public/lookup} and {@code /public;x=1/lookup} are. What every decision by a
	 * path's prefix (a layout, a filter, a rule) is to ask, never {@code startsWith} on the URI as sent.
	 * @param prefixes paths starting with "/", without a trailing "/"
	 */
	public static boolean routedUnder(HttpServletRequest request, String... prefixes) {
		return RequestPath.under(request, prefixes);
	}

	/**
	 * Whether the request comes from an API client — the one rule by which every refusal outside a controller and
	 * every failure of one ({@link ErrorHandling}, {@link RequestValuesFilter}, Spring Security's 401/403,
	 * {@link ProductErrorReportValve}) chooses a problem response over the error page:
	 * <ol>
	 * <li>its path is under {@code /api/} of the application, in any case ({@code /API/v1/…} is an API call mistyped),
	 * as the path is routed — decoded and normalised ({@link RequestPath#api(String, String)});
	 * <li>else a client whose {@code Accept} names HTML ({@code text/html}, {@code application/xhtml+xml},
	 * {@code text/*}) is a browser, whatever else it sends;
	 * <li>else it sends an API token ({@code Authorization: Bearer …}) or asks for JSON ({@code Accept:
	 * application/json}, {@code application/problem+json}, {@code *+json}).
	 * </ol>
	 * Anything else — a browser, htmx and fetch ({@code Accept: *}{@code /*}), a script sending no {@code Accept} —
	 * is answered with the page, in Chinese, never Spring's English error map.
	 */
	public static boolean apiClient(HttpServletRequest request) {
		return apiClient(request.getContextPath(), request.getRequestURI(), request.getHeader(HttpHeaders.ACCEPT),
				request.getHeader(HttpHeaders.AUTHORIZATION));
	}

	/**
	 * {@link #apiClient(HttpServletRequest)} on what is known of a request: where Tomcat could not read it whole (its
	 * error report) or on an error dispatch, whose own path is the error page's.
	 * @param contextPath the context path ("" at the root; null before Tomcat mapped the request to the application)
	 * @param uri the path asked for, not decoded; null when unreadable
	 * @param accept the {@code Accept} header, null when absent or not read
	 * @param authorization the {@code Authorization} header, null when absent or not read
	 */
	static boolean apiClient(String contextPath, String uri, String accept, String authorization) {
		if (RequestPath.api(contextPath, uri)) {
			return true;
		}
		if (acceptsHtml(accept)) {
			return false;
		}
		return BearerToken.sent(authorization) || acceptsJson(accept);
	}

	/**
	 * Whether a client with this {@code Accept} header takes an HTML answer: it names {@code text/html} (or
	 * {@code text/*}, {@code application/xhtml+xml}) — browsers navigating do; a bare {@code *}{@code /*}, no header
	 * (curl, scripts, fetch) or an unreadable one does not.
	 */
	static boolean acceptsHtml(String accept) {
		return names(accept, type -> !type.isWildcardType()
				&& (type.isCompatibleWith(MediaType.TEXT_HTML) || type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML)));
	}

	/** Whether the {@code Accept} header names JSON (application/json, application/problem+json, *+json). */
	static boolean acceptsJson(String accept) {
		return names(accept, type -> "application".equals(type.getType()) && !type.isWildcardSubtype()
				&& (type.getSubtype().toLowerCase(Locale.ROOT).equals("json")
						|| type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json")));
	}

	/** Whether an {@code Accept} header names a type the test admits; false for none or an unreadable one. */
	private static boolean names(String accept, Predicate<MediaType> test) {
		if (accept == null) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept).stream().anyMatch(test);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}
}
