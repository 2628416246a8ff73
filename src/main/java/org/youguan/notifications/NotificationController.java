package org.youguan.notifications;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;

/**
 * 站内通知: the notifications the signed-in user may see, newest first, a page at a time, searched in their titles.
 */
@Controller
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal CurrentUser me, ListRequest request, Model model) {
		PageQuery page = request.toPage();
		model.addAttribute("result", notifications.page(me.scope(), me.departmentId(), page));
		model.addAttribute("query", page);
		return "notifications/list";
	}
}
