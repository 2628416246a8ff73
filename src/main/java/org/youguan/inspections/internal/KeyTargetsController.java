package org.youguan.inspections.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;

/**
 * The page of key inspection targets (执法检查 → 重点检查对象, {@code /inspections/key-targets}): the targets of the
 * caller's region with their source (a link to the safety alert), the reason, and whether the enterprise has been
 * inspected since; staff who write start the special inspection's field record from a target (the enterprise filled
 * in), leaders read.
 */
@Controller
@PreAuthorize(InspectionApiController.READERS)
class KeyTargetsController {

	private final KeyTargets targets;

	KeyTargetsController(KeyTargets targets) {
		this.targets = targets;
	}

	@GetMapping("/inspections/key-targets")
	String list(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", targets.list(scope, query));
		model.addAttribute("query", query);
		model.addAttribute("canAct", me.writer());
		return "inspections/key-targets";
	}
}
