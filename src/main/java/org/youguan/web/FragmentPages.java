package org.youguan.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriUtils;
import org.youguan.kernel.PageFragment;

/**
 * A fragment (a template's part, {@code org/user-form :: departmentOptions}) is answered to htmx only: a page's
 * request for it carries {@code HX-Request}. A browser opening the fragment's address directly (a link copied, a
 * bookmark, the address typed) sends no such header and would be shown a bare scrap of HTML without the layout — or,
 * for a parameter of the wrong shape, the bare error page — so it is sent to the whole page instead: the one its
 * handler declares ({@link PageFragment}, its address variables filled in), before any of its parameters is judged;
 * a handler that answers a fragment without declaring its page (or one whose page is its own address, shown whole
 * without a parameter: an import's progress) is sent there, or home, once the fragment is chosen ({@link Views}). One
 * place for every module's fragments.
 */
class FragmentPages implements HandlerInterceptor {

	/** The header htmx sends with each of its requests. */
	static final String HX_REQUEST = "HX-Request";

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	/**
	 * Sends a browser's GET of a declared fragment's address to its page, before the handler's parameters are read
	 * (registered before the interceptors that judge them).
	 */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
		PageFragment declared = handler instanceof HandlerMethod method ? method.getMethodAnnotation(PageFragment.class) : null;
		if (declared == null || !opened(request)) {
			return true;
		}
		String page = address(declared.value(), request);
		if (page.equals(Refusals.routedPath(request))) {
			// the page is this address shown whole (without its fragment parameter): decided once the view is chosen
			return true;
		}
		response.sendRedirect(request.getContextPath() + page);
		return false;
	}

	/** Whether the request is a browser's read of the address, not htmx's. */
	static boolean opened(HttpServletRequest request) {
		return request.getHeader(HX_REQUEST) == null
				&& ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
	}

	/**
	 * The fragment a handler chose to answer a browser's read ({@link FragmentPages#opened}) replaced by a redirect to
	 * its declared page, or home: registered last, so its {@code postHandle} runs before any other renders the view.
	 */
	static final class Views implements HandlerInterceptor {

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
			if (view == null || !fragment(view) || !opened(request)) {
				return;
			}
			PageFragment declared = handler instanceof HandlerMethod method ? method.getMethodAnnotation(PageFragment.class)
					: null;
			RedirectView page = new RedirectView(declared == null ? "/" : address(declared.value(), request), true);
			// only the address: the fragment's model (its options) is no query of the page
			page.setExposeModelAttributes(false);
			view.clear();
			view.setView(page);
		}
	}

	/** Whether the view is a template's fragment rather than a page. */
	static boolean fragment(ModelAndView view) {
		return view.getViewName() != null && view.getViewName().contains("::") && ShellModel.rendersPage(view);
	}

	/** {@code page} with each {@code {name}} replaced by the request's address variable of that name (encoded). */
	private static String address(String page, HttpServletRequest request) {
		Map<?, ?> vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> m ? m
				: Map.of();
		Matcher variable = VARIABLE.matcher(page);
		StringBuilder filled = new StringBuilder();
		while (variable.find()) {
			Object value = vars.get(variable.group(1));
			variable.appendReplacement(filled, Matcher.quoteReplacement(
					value == null ? "" : UriUtils.encodePathSegment(value.toString(), StandardCharsets.UTF_8)));
		}
		variable.appendTail(filled);
		return filled.toString();
	}
}
