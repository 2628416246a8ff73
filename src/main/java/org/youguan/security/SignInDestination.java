package org.youguan.security;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.web.util.WebUtils;

/**
 * Where a signed-out visitor was going, kept in the {@code REDIRECT_URI} cookie for after sign-in — and taken back only
 * when it is a page address of this application a browser sent: a path from the root ({@code /…}, not {@code //…}),
 * printable ASCII only (no space, no control character, no backslash, no non-ASCII character — a browser's own address
 * is percent-encoded). A cookie the client altered (a CR/LF that made the successful sign-in a 500, an ESC or a TAB
 * written raw into {@code Location}) is dropped and the sign-in lands on the home page {@code /}. So is a sign-in or
 * sign-out page ({@code /login}, {@code /login?error}, {@code /logout}): going back there after signing in would show
 * the form again or sign the user straight out. A query holding non-ASCII letters ({@code /complaints?q=中文}, as a
 * client that sent it unencoded leaves it) is kept, percent-encoded as UTF-8 for the {@code Location} header.
 */
class SignInDestination extends CookieRequestCache {

	/** The cookie {@link CookieRequestCache} keeps the destination in. */
	static final String COOKIE = "REDIRECT_URI";

	/**
	 * The saved destination when it is a safe page address of this application, else null (and the cookie cleared).
	 * @return the saved request, or null for none or an unsafe one
	 */
	@Override
	public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved;
		try {
			saved = super.getRequest(request, response);
		}
		catch (IllegalArgumentException ex) {
			// a value no URI parser reads (an unbalanced brace, a bad escape): nothing to go back to
			saved = null;
			removeRequest(request, response);
		}
		if (saved == null && WebUtils.getCookie(request, COOKIE) != null
				|| saved instanceof DefaultSavedRequest page && !(safePath(page.getRequestURI())
						&& !signInOrOut(page.getRequestURI())
						&& (page.getQueryString() == null || printable(encodedText(page.getQueryString()))))) {
			// a cookie the cache did not read (not a relative path: "//evil.com") or read as unsafe is cleared too
			removeRequest(request, response);
			return null;
		}
		if (saved instanceof DefaultSavedRequest page && page.getQueryString() != null
				&& !printable(page.getQueryString())) {
			return new Encoded(saved, encodedText(page.getQueryString()));
		}
		return saved;
	}

	/**
	 * Whether {@code path} is a sign-in or sign-out page ({@code /login}, {@code /logout}, with or without a trailing
	 * part): never a destination after signing in.
	 */
	static boolean signInOrOut(String path) {
		String p = path.toLowerCase(Locale.ROOT);
		for (String page : List.of("/login", "/logout")) {
			if (p.equals(page) || p.startsWith(page + "/") || p.startsWith(page + ";") || p.startsWith(page + ".")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * {@code text} with every non-ASCII letter, digit or mark percent-encoded as UTF-8 ("q=中文" → "q=%E4%B8%AD%E6%96%87");
	 * a control character, space or any other non-ASCII character (a separator, an invisible one) is left as it is, so
	 * {@link #printable} still refuses it.
	 */
	static String encodedText(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			if (c > 0x7F && (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK)) {
				for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
					out.append('%').append(String.format("%02X", b & 0xFF));
				}
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

	/** A saved page whose address is told with its query percent-encoded; all else as saved. */
	private record Encoded(SavedRequest saved, String query) implements SavedRequest {

		@Override
		public String getRedirectUrl() {
			String url = saved.getRedirectUrl();
			int q = url.indexOf('?');
			return (q < 0 ? url : url.substring(0, q)) + "?" + query;
		}

		@Override
		public List<Cookie> getCookies() {
			return saved.getCookies();
		}

		@Override
		public String getMethod() {
			return saved.getMethod();
		}

		@Override
		public List<String> getHeaderValues(String name) {
			return saved.getHeaderValues(name);
		}

		@Override
		public Collection<String> getHeaderNames() {
			return saved.getHeaderNames();
		}

		@Override
		public List<Locale> getLocales() {
			return saved.getLocales();
		}

		@Override
		public String[] getParameterValues(String name) {
			return saved.getParameterValues(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return saved.getParameterMap();
		}
	}

	/**
	 * Whether {@code path} is a same-origin page path fit for a {@code Location} header.
	 * @param path a decoded saved path, may be null
	 * @return true for {@code /…} of printable ASCII without a backslash and not starting {@code //}
	 */
	static boolean safePath(String path) {
		return path != null && path.startsWith("/") && !path.startsWith("//") && printable(path);
	}

	private static boolean printable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c <= 0x20 || c >= 0x7F || c == '\\') {
				return false;
			}
		}
		return true;
	}
}
