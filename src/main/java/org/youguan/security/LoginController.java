package org.youguan.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.youguan.platform.DemoMode;

/**
 * The sign-in page. A failed attempt gets one message whatever the cause (wrong password, unknown, locked or disabled
 * account), so the page never tells whether an account exists.
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
	String login(Model model, HttpServletRequest request) {
		if (request.getParameter("error") != null) {
			// one message whatever failed: a locked or disabled account must not tell that the account exists
			model.addAttribute("loginFailed", true);
			model.addAttribute("maxFailures", settings.maxFailures());
			model.addAttribute("lockMinutes", settings.lockPeriod().toMinutes());
		}
		model.addAttribute("demo", demo.enabled());
		return "security/login";
	}
}
