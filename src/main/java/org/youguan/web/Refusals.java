package org.youguan.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.youguan.kernel.FieldError;

/**
 * Refusals answered outside the controllers (by a filter, Spring Security, Tomcat) in the product's one shape: a
 * problem response ({@link ProblemResponses}) with a Chinese detail and the fields and rules refused for an API
 * client, the error page with the same title, detail and fields for a browser.
 */
public final class Refusals {

	private Refusals() {
	}

	/**
	 * Answers a refusal: a problem response on {@code /api/**} (any case), the error page elsewhere — which a client that
	 * takes no HTML receives as the same problem response.
	 * @param status the HTTP status, 400–599
	 * @param title the title in Chinese
	 * @param detail what the user is told, in Chinese
	 * @param errors the fields and rules refused; a refusal names at least one
	 * @throws IOException when the answer cannot be written
	 */
	public static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail, List<FieldError> errors) throws IOException {
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

	/** Whether the request's path is under {@code /api/}, in any case ({@code /API/v1/…} is an API call mistyped). */
	public static boolean apiPath(HttpServletRequest request) {
		return apiPath(request.getContextPath(), request.getRequestURI());
	}

	/**
	 * Whether {@code uri} (a request URI, not decoded) is under {@code /api/} of the context, in any case.
	 * @param contextPath the context path ("" at the root; null before Tomcat mapped the request to the application)
	 */
	static boolean apiPath(String contextPath, String uri) {
		String api = (contextPath == null ? "" : contextPath) + "/api/";
		return uri != null && uri.regionMatches(true, 0, api, 0, api.length());
	}

	/**
	 * Whether the request comes from an API client, which is answered with problem responses rather than pages: its
	 * path is under {@code /api/} (any case), or it takes no HTML ({@link RequestValuesFilter#acceptsHtml}) and either
	 * asks for JSON ({@code Accept: application/json} or {@code application/problem+json}) or sends an API token
	 * ({@code Authorization: Bearer …}).
	 */
	public static boolean apiClient(HttpServletRequest request) {
		if (apiPath(request)) {
			return true;
		}
		if (RequestValuesFilter.acceptsHtml(request)) {
			return false;
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) || acceptsJson(request);
	}

	/** Whether the {@code Accept} header names JSON (application/json, application/problem+json, *+json). */
	static boolean acceptsJson(String accept) {
		if (accept == null) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch(type -> "application".equals(type.getType()) && !type.isWildcardSubtype()
						&& (type.getSubtype().toLowerCase(Locale.ROOT).equals("json")
								|| type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json")));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static boolean acceptsJson(HttpServletRequest request) {
		return acceptsJson(request.getHeader(HttpHeaders.ACCEPT));
	}
}
