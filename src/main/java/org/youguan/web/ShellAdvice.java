package org.youguan.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.youguan.notifications.Notifications;
import org.youguan.org.CurrentUser;
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

	ShellAdvice(DemoMode demo, Notifications notifications) {
		this.demo = demo;
		this.notifications = notifications;
	}

	@ModelAttribute
	void shell(Model model, HttpServletRequest request) {
		// @RestController is a @Controller too: API calls render no layout and must not pay for it
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return;
		}
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
			model.addAttribute("me", user);
			model.addAttribute("notificationCount", notifications.countRecent(user.scope(), user.departmentId()));
			var navigation = Navigation.visibleTo(user);
			model.addAttribute("navigation", navigation);
			Navigation.locate(navigation, request.getRequestURI().substring(request.getContextPath().length()))
				.ifPresent(location -> model.addAttribute("location", location));
		}
		model.addAttribute("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
		model.addAttribute("listUrl", LIST_URLS);
		model.addAttribute("demoMode", demo.enabled());
	}
}
