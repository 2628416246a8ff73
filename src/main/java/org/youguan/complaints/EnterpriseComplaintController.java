package org.youguan.complaints;

import java.math.BigDecimal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Validation;
import org.youguan.kernel.WorkState;

/**
 * The enterprise portal's complaints: those transferred to the enterprise, with the reply due date, and the reply.
 */
@Controller
class EnterpriseComplaintController {

	private final Complaints complaints;

	EnterpriseComplaintController(Complaints complaints) {
		this.complaints = complaints;
	}

	/**
	 * The complaints transferred to the enterprise: by default those still in procedure, the nearest due date first;
	 * {@code awaitingReply} keeps those waiting for its reply (the home page's link).
	 */
	@GetMapping("/enterprise/complaints")
	String list(DataScope scope, @RequestParam(required = false) ComplaintStatus status,
			@RequestParam(required = false) WorkState state, @RequestParam(defaultValue = "false") boolean awaitingReply,
			@RequestParam(required = false) Integer page, Model model) {
		WorkState shown = WorkState.orDefault(state, status != null);
		model.addAttribute("result", complaints.list(scope, new Complaints.Filter(status, null, null, shown, awaitingReply),
				PageQuery.of(null, page, null, ComplaintController.defaultSort(shown, null),
						ComplaintController.defaultDirection(shown, null, null))));
		model.addAttribute("statuses", ComplaintController.statuses(shown));
		model.addAttribute("state", shown);
		model.addAttribute("awaitingReply", awaitingReply);
		return "complaints/enterprise-list";
	}

	@GetMapping("/enterprise/complaints/{id:\\d+}")
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		DataScope scope = me.scope();
		model.addAttribute("complaint", complaints.read(me, id));
		model.addAttribute("attachments", complaints.attachments(scope, id));
		model.addAttribute("responsibilities", Responsibility.values());
		return "complaints/enterprise-complaint";
	}

	@PostMapping("/enterprise/complaints/{id:\\d+}/reply")
	String reply(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String findings,
			@RequestParam(required = false) Responsibility responsibility, @RequestParam(required = false) String solution,
			@RequestParam(required = false) String compensation, @RequestParam(defaultValue = "false") boolean apology,
			@RequestParam(defaultValue = "false") boolean userAgrees, @RequestParam(required = false) String handler,
			@RequestParam(required = false) String handlerPhone, Model model, RedirectAttributes redirect) {
		try {
			Validation v = new Validation();
			BigDecimal amount = v.decimal("compensation", "赔偿金额", compensation);
			v.throwIfInvalid();
			complaints.reply(me.scope(), id, new ComplaintReply(findings, responsibility, solution, amount, apology, userAgrees,
					handler, handlerPhone));
			redirect.addFlashAttribute("message", "答复已提交");
			return "redirect:/enterprise/complaints/" + id;
		}
		catch (DomainException ex) {
			model.addAttribute("errors", ex.formErrors());
			return show(me, id, model);
		}
	}
}
