package org.youguan.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.youguan.notifications.Notifications;
import org.youguan.org.CurrentUser;
import org.youguan.org.PageAccess;
import org.youguan.platform.DemoMode;

/**
 * What every page's layout needs: the signed-in user, the navigation, the current path, list helpers and whether this
 * is a demo installation.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ShellAdvice {

	private static final ListUrls LIST_URLS = new ListUrls();

	private final DemoMode demo;

	private final Notifications notifications;

	private final Menu menu;

	/** The modules' rules on who may open their pages beyond roles. */
	private final List<PageAccess> access;

	ShellAdvice(DemoMode demo, Notifications notifications, Menu menu, List<PageAccess> access) {
		this.demo = demo;
		this.notifications = notifications;
		this.menu = menu;
		this.access = List.copyOf(access);
	}

	@ModelAttribute
	void shell(Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		// @RestController is a @Controller too: API calls render no layout and must not pay for it
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return;
		}
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
			model.addAttribute("me", user);
			model.addAttribute("notificationCount", notifications.countRecent(user.scope(), user.departmentId()));
			String path = request.getRequestURI().substring(request.getContextPath().length());
			var navigation = Navigation.visibleTo(user, access);
			var location = Navigation.locate(navigation, path);
			location.ifPresent(l -> model.addAttribute("location", l));
			String active = path.equals("/") ? "/" : location.map(l -> l.section().key()).orElse(null);
			model.addAttribute("menu", menu.html(navigation, active, locale, request, response));
		}
		model.addAttribute("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
		model.addAttribute("listUrl", LIST_URLS);
		model.addAttribute("demoMode", demo.enabled());
	}
}
