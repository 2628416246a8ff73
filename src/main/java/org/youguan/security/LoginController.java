package org.youguan.security;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.youguan.platform.DemoMode;

/**
 * The sign-in page, with the reason of a failed attempt in Chinese.
 */
@Controller
class LoginController {

	private final DemoMode demo;

	private final SecuritySettings settings;

	LoginController(DemoMode demo, SecuritySettings settings) {
		this.demo = demo;
		this.settings = settings;
	}

	@GetMapping("/login")
	String login(HttpSession session, Model model, jakarta.servlet.http.HttpServletRequest request) {
		if (request.getParameter("error") != null && session != null) {
			Object ex = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			String key = ex instanceof LockedException ? "login.error.locked"
					: ex instanceof DisabledException ? "login.error.disabled" : "login.error.bad-credentials";
			model.addAttribute("errorKey", key);
			model.addAttribute("lockMinutes", settings.lockPeriod().toMinutes());
		}
		model.addAttribute("demo", demo.enabled());
		return "security/login";
	}
}
