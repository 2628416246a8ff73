package org.youguan.notifications;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.youguan.org.CurrentUser;

/**
 * 站内通知: the signed-in user's newest notifications.
 */
@Controller
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("notifications", notifications.recent(me.scope(), me.departmentId(), 100));
		return "notifications/list";
	}
}
