package org.youguan.security;

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
 * written raw into {@code Location}) is dropped and the sign-in lands on the home page {@code /}.
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
						&& (page.getQueryString() == null || printable(page.getQueryString())))) {
			// a cookie the cache did not read (not a relative path: "//evil.com") or read as unsafe is cleared too
			removeRequest(request, response);
			return null;
		}
		return saved;
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
