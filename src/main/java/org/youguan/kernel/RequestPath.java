package org.youguan.kernel;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request's path as Tomcat maps it and Spring's path patterns match it — what every decision by path (a filter
 * skipping the API, a layout, a rule) is to read, never the URI as sent: {@code /%61pi/…}, {@code //api/…},
 * {@code /api;jsessionid=…/…} and {@code /x/../api/…} are all {@code /api/…}. Shared by the web module's refusals and
 * the filters of modules that cannot depend on it (region's picker filter).
 */
public final class RequestPath {

	private RequestPath() {
	}

	/**
	 * The request's path within the application as it is routed ({@link #routed(String, String)}).
	 * @return the path, starting with "/"; "/" for an unreadable URI or one outside the context
	 */
	public static String routed(HttpServletRequest request) {
		String path = routed(request.getContextPath(), request.getRequestURI());
		return path == null ? "/" : path;
	}

	/**
	 * Whether the request's path as it is routed ({@link #routed(HttpServletRequest)}) is one of {@code prefixes} or
	 * below it — a whole segment: {@code /public} and {@code /public/lookup} are under {@code /public},
	 * {@code /publicity} is not; {@code /%70ublic/lookup}, {@code //public/lookup} and {@code /public;x=1/lookup} are.
	 * @param prefixes paths starting with "/", without a trailing "/"
	 */
	public static boolean under(HttpServletRequest request, String... prefixes) {
		return pathUnder(routed(request), prefixes);
	}

	/**
	 * Whether {@code uri} (a request URI, not decoded — e.g. the failed request's on an error dispatch), as it is routed
	 * ({@link #routed(String, String)}), is one of {@code prefixes} or below it, by whole segments as
	 * {@link #under(HttpServletRequest, String...)}.
	 * @param contextPath the context path ("" or null at the root)
	 * @param uri the request URI; null (unreadable) is under no prefix
	 */
	public static boolean under(String contextPath, String uri, String... prefixes) {
		String path = routed(contextPath, uri);
		return path != null && pathUnder(path, prefixes);
	}

	private static boolean pathUnder(String path, String... prefixes) {
		for (String prefix : prefixes) {
			if (path.equals(prefix) || path.startsWith(prefix + "/")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the request's path is an API path ({@link #api(String, String)}).
	 */
	public static boolean api(HttpServletRequest request) {
		return api(request.getContextPath(), request.getRequestURI());
	}

	/**
	 * Whether {@code uri} (a request URI, not decoded) is {@code /api} or below it in the context, in any case
	 * ({@code /API/v1/…} is an API call mistyped), judged on its path as it is routed ({@link #routed(String, String)}),
	 * never on the characters sent: {@code /%61pi/…}, {@code //api/…}, {@code /api;x=1/…}, {@code /x/../api/…} are API
	 * calls.
	 * @param contextPath the context path ("" at the root; null before Tomcat mapped the request to the application)
	 * @param uri the request URI, not decoded; null when unreadable (not an API path then)
	 */
	public static boolean api(String contextPath, String uri) {
		String path = routed(contextPath, uri);
		return path != null && path.regionMatches(true, 0, "/api", 0, 4) && (path.length() == 4 || path.charAt(4) == '/');
	}

	/**
	 * A request URI's path within the application as Tomcat maps it and Spring's path patterns match it: each
	 * segment's path parameters ({@code ;jsessionid=…}, {@code ;x=1}) left out, its %-escapes decoded (as UTF-8; an
	 * escape of a "/" stays within its segment; a segment that does not decode as it is), empty segments ({@code //})
	 * and {@code .} left out, {@code ..} removing the segment before it (none above the root), a trailing "/" kept;
	 * then the context path taken off. Case is kept (Spring matches it).
	 * @param contextPath the context path ("" or null at the root)
	 * @param uri the request URI, not decoded; null when unreadable
	 * @return the path starting with "/"; null for a null URI or one outside the context
	 */
	public static String routed(String contextPath, String uri) {
		String path = normalised(uri);
		String context = contextPath == null || contextPath.isEmpty() ? "/" : normalised(contextPath);
		if (path == null || "/".equals(context)) {
			return path;
		}
		if (path.equals(context)) {
			return "/";
		}
		return path.startsWith(context + "/") ? path.substring(context.length()) : null;
	}

	/**
	 * %-decodes {@code s} strictly: every % followed by two hex digits, the bytes valid UTF-8 ({@code plus}: '+' is a
	 * space, as in a query string). (Tomcat admits only ASCII in the request target; characters beyond it, as MockMvc
	 * passes them, are read as UTF-8.)
	 * @return the decoded text; null when {@code s} is not so encoded
	 */
	public static String decoded(String s, boolean plus) {
		if (plainAscii(s, plus)) {
			// nothing to decode: ASCII without % (or +) is its own UTF-8 — most paths and query strings, every request
			return s;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '%') {
				if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
					return null;
				}
				out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
				i += 2;
			}
			else if (c == '+' && plus) {
				out.write(' ');
			}
			else {
				int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
				byte[] raw = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
				out.write(raw, 0, raw.length);
				i = end - 1;
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(out.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/** Whether {@code s} is ASCII without a %-sequence (and without '+', when that means a space). */
	private static boolean plainAscii(String s, boolean plus) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= 0x80 || c == '%' || (plus && c == '+')) {
				return false;
			}
		}
		return true;
	}

	/** A path normalised as {@link #routed(String, String)} says; null for null. */
	private static String normalised(String uri) {
		if (uri == null) {
			return null;
		}
		if (uri.startsWith("/") && uri.indexOf('%') < 0 && uri.indexOf(';') < 0 && !uri.contains("//")
				&& !uri.contains("/./") && !uri.contains("/../") && !uri.endsWith("/.") && !uri.endsWith("/..")) {
			// already routed as it is: most requests
			return uri;
		}
		List<String> segments = new ArrayList<>();
		for (String raw : uri.split("/", -1)) {
			int parameters = raw.indexOf(';');
			String segment = parameters < 0 ? raw : raw.substring(0, parameters);
			String decoded = decoded(segment, false);
			segment = decoded == null ? segment : decoded;
			if (segment.equals("..")) {
				if (!segments.isEmpty()) {
					segments.remove(segments.size() - 1);
				}
			}
			else if (!segment.isEmpty() && !segment.equals(".")) {
				segments.add(segment);
			}
		}
		String path = "/" + String.join("/", segments);
		boolean trailing = uri.endsWith("/") || uri.endsWith("/.") || uri.endsWith("/..");
		return trailing && !segments.isEmpty() ? path + "/" : path;
	}
}
