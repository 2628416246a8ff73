package org.youguan.complaints.internal;

import java.math.BigDecimal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.complaints.ComplaintProcedure;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.complaints.ComplaintReply;
import org.youguan.complaints.ComplaintStatus;
import org.youguan.complaints.Responsibility;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Validation;
import org.youguan.kernel.WorkState;
import org.youguan.org.CurrentUser;

/**
 * The enterprise portal's complaints: those transferred to the enterprise, with the reply due date, and the reply.
 */
@Controller
class EnterpriseComplaintController {

	private final ComplaintQueries queries;

	private final ComplaintProcedure procedure;

	EnterpriseComplaintController(ComplaintQueries queries, ComplaintProcedure procedure) {
		this.queries = queries;
		this.procedure = procedure;
	}

	/**
	 * The complaints transferred to the enterprise: by default those still in procedure, the nearest due date first;
	 * {@code awaitingReply} keeps those waiting for its reply (the home page's link).
	 */
	@GetMapping("/enterprise/complaints")
	String list(DataScope scope, ListRequest list, @RequestParam(required = false) ComplaintStatus status,
			@RequestParam(required = false) WorkState state, @RequestParam(defaultValue = "false") boolean awaitingReply,
			Model model) {
		WorkState shown = WorkState.orDefault(state, status != null);
		PageQuery query = ComplaintController.withDefaultOrder(list, shown).toPage();
		model.addAttribute("result", queries.list(scope, new ComplaintQueries.Filter(status, null, null, shown, awaitingReply),
				query));
		model.addAttribute("query", query);
		model.addAttribute("statuses", ComplaintController.statuses(shown));
		model.addAttribute("state", shown);
		model.addAttribute("awaitingReply", awaitingReply);
		return "complaints/enterprise-list";
	}

	@GetMapping("/enterprise/complaints/{id:\\d+}")
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		DataScope scope = me.scope();
		model.addAttribute("complaint", queries.read(me, id));
		model.addAttribute("attachments", queries.attachments(scope, id));
		model.addAttribute("responsibilities", Responsibility.values());
		return "complaints/enterprise-complaint";
	}

	/**
	 * The enterprise's reply. A broken rule shows the form again in the rule's 4xx with everything typed and the errors;
	 * not found (another enterprise's complaint, 404) and refusals (403) reach the one error handler ({@link FormSteps}).
	 */
	@PostMapping("/enterprise/complaints/{id:\\d+}/reply")
	String reply(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String findings,
			@RequestParam(required = false) Responsibility responsibility, @RequestParam(required = false) String solution,
			@RequestParam(required = false) String compensation, @RequestParam(defaultValue = "false") boolean apology,
			@RequestParam(defaultValue = "false") boolean userAgrees, @RequestParam(required = false) String handler,
			@RequestParam(required = false) String handlerPhone, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, () -> {
			Validation v = new Validation();
			BigDecimal amount = v.decimal("compensation", "赔偿金额", compensation);
			v.throwIfInvalid();
			var done = procedure.reply(me.scope(), id, new ComplaintReply(findings, responsibility, solution, amount, apology,
					userAgrees, handler, handlerPhone));
			return new PageSteps.Done(done.message(), "/enterprise/complaints/" + id);
		}, () -> show(me, id, model));
	}
}
