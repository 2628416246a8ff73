package org.youguan.workplans.internal;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageSteps;
import org.youguan.org.CurrentUser;
import org.youguan.workplans.Supervision;
import org.youguan.workplans.WorkPlans;

/**
 * 督办: the leadership board of a plan, a department's own list, reminders to departments that owe the month's
 * reports, and the exports of the whole plan with the latest progress.
 */
@Controller
class SupervisionController {

	private final Supervision supervision;

	private final PlanExports exports;

	private final WorkPlans plans;

	SupervisionController(Supervision supervision, PlanExports exports, WorkPlans plans) {
		this.supervision = supervision;
		this.exports = exports;
		this.plans = plans;
	}

	@GetMapping("/workplans/{id:\\d+}/board")
	String board(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		Supervision.Board board = supervision.board(me.scope(), id);
		model.addAttribute("board", board);
		model.addAttribute("own", WorkPlans.manages(me, board.plan().bureauId()));
		return "workplans/board";
	}

	@GetMapping("/workplans/{id:\\d+}/departments/{department:\\d+}")
	String department(DataScope scope, @PathVariable long id, @PathVariable long department, Model model) {
		model.addAttribute("list", supervision.department(scope, id, department));
		return "workplans/department";
	}

	/** The signed-in user's own department's list (or the board, for those without a department). */
	@GetMapping("/workplans/{id:\\d+}/mine")
	String mine(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		plans.get(me.scope(), id);
		return me.departmentId() == null ? "redirect:/workplans/" + id + "/board"
				: "redirect:/workplans/" + id + "/departments/" + me.departmentId();
	}

	@PostMapping("/workplans/{id:\\d+}/remind")
	@PreAuthorize(WorkPlanController.WRITERS)
	String remind(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		String board = "/workplans/" + id + "/board";
		return PageSteps.run(redirect, board, () -> {
			int sent = supervision.remind(me, id);
			return new PageSteps.Done(sent == 0 ? "没有需要催报的处室（今天已催报过的不再重复发送）" : "已向" + sent + "个处室发送催报通知", board);
		});
	}

	@GetMapping("/workplans/{id:\\d+}/export.xlsx")
	ResponseEntity<byte[]> xlsx(DataScope scope, @PathVariable long id) {
		WorkPlans.Plan plan = plans.get(scope, id);
		return Downloads.xlsx(ExportNames.of("工作任务推进情况", String.valueOf(plan.year()), scope), exports.xlsx(scope, id));
	}

	@GetMapping("/workplans/{id:\\d+}/export.docx")
	ResponseEntity<byte[]> docx(DataScope scope, @PathVariable long id) {
		WorkPlans.Plan plan = plans.get(scope, id);
		return Downloads.docx(plan.year() + "年任务推进情况表.docx", exports.docx(scope, id));
	}
}
