package org.youguan.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;
import org.youguan.kernel.WorkState;
import org.youguan.notifications.Notifications;
import org.youguan.org.CurrentUser;
import org.youguan.org.PageAccess;
import org.youguan.platform.DemoMode;

/**
 * What every page's layout needs: the signed-in user, the header's user bar ({@link UserBar}), the navigation, the
 * current path, list helpers (a queue page's 待办 / 已办结 / 全部 switch, {@link WorkStateHtml}) and whether this
 * is a demo installation — added to the model of a view about to be rendered, and to nothing else.
 *
 * <p>An interceptor after the handler rather than a {@code @ModelAttribute} advice (issue 12): an advice ran for every
 * {@code @Controller}, {@code @RestController} included, so every API call and JSON answer paid for building and
 * invoking it although nothing would render the layout; a redirect must not carry it either (simple values of a
 * redirect's model become query parameters).
 */
@Component
class ShellModel implements HandlerInterceptor {

	private static final ListUrls LIST_URLS = new ListUrls();

	private final DemoMode demo;

	private final Notifications notifications;

	private final Menu menu;

	private final UserBar userBar;

	/** The modules' rules on who may open their pages beyond roles. */
	private final List<PageAccess> access;

	private final WorkStateHtml workStates;

	ShellModel(DemoMode demo, Notifications notifications, Menu menu, UserBar userBar, List<PageAccess> access,
			WorkStateHtml workStates) {
		this.workStates = workStates;
		this.demo = demo;
		this.userBar = userBar;
		this.notifications = notifications;
		this.menu = menu;
		this.access = List.copyOf(access);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (view == null || !rendersPage(view)) {
			return;
		}
		// the path as routed (escapes decoded, // and ;x=1 resolved): /filing//queue is the 备案 queue's page too
		String path = Refusals.routedPath(request);
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
			Locale locale = RequestContextUtils.getLocale(request);
			long notificationCount = notifications.countRecent(user.scope(), user.departmentId());
			view.addObject("me", user);
			view.addObject("notificationCount", notificationCount);
			view.addObject("userBar", userBar.html(user, notificationCount, locale, request, response));
			var navigation = Navigation.visibleTo(user, access);
			var location = Navigation.locate(navigation, path);
			location.ifPresent(l -> view.addObject("location", l));
			String active = path.equals("/") ? "/" : location.map(l -> l.section().key()).orElse(null);
			view.addObject("menu", menu.html(navigation, active, locale, request, response));
		}
		view.addObject("currentPath", path);
		view.addObject("listUrl", LIST_URLS);
		if (view.getModel().get("state") instanceof WorkState state) {
			// the 待办 / 已办结 / 全部 switch of a queue page (fragments :: workState)
			view.addObject("workStateHtml", workStates.html(state));
		}
		view.addObject("demoMode", demo.enabled());
	}

	/** A template (or view) to render here: not a redirect or a forward to another handler, which adds its own. */
	static boolean rendersPage(ModelAndView view) {
		if (view.getView() instanceof RedirectView) {
			return false;
		}
		String name = view.getViewName();
		if (name != null) {
			return !name.startsWith("redirect:") && !name.startsWith("forward:");
		}
		return view.getView() != null;
	}
}
