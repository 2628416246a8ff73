package org.youguan.workplans.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.documents.AttachmentDraft;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.WholeIn;
import org.youguan.org.CurrentUser;
import org.youguan.workplans.PlanDrafts;
import org.youguan.workplans.Progress;
import org.youguan.workplans.WorkPlans;

/**
 * A task's page: its history of monthly reports with attachments; the department's report for the month; the
 * correction of its text and due date by the bureau's staff, and its removal from a draft.
 */
@Controller
class TaskController {

	private final WorkPlans plans;

	private final Progress progress;

	private final PlanDrafts drafts;

	TaskController(WorkPlans plans, Progress progress, PlanDrafts drafts) {
		this.plans = plans;
		this.progress = progress;
		this.drafts = drafts;
	}

	/** The task page; {@code draft} in the model (a refused or re-shown progress form) names the files held for it. */
	@GetMapping("/workplans/tasks/{id:\\d+}")
	String task(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		WorkPlans.TaskPage task = plans.task(me.scope(), id);
		// every reader in scope sees the texts with personal numbers masked; the edit form reads the task as recorded
		model.addAttribute("task", task.masked());
		model.addAttribute("recorded", task);
		model.addAttribute("reports", progress.reports(id));
		// the edit form for whoever may correct the task (an issued plan's: its responsible department, the administrators)
		model.addAttribute("own", plans.correctsTask(me, task));
		// the progress form only for a department that answers for the task: another's post is refused (403)
		model.addAttribute("reporter", progress.reporter(me, id));
		String token = (String) model.getAttribute("draft");
		AttachmentDraft draft = Progress.draft(token, me);
		model.addAttribute("draft", draft.token());
		model.addAttribute("held", token == null ? List.of() : progress.held(draft));
		return "workplans/task";
	}

	/**
	 * Reports the month's progress. The files posted are held for the form's draft first (issue 13 item 9, as on the
	 * filing form). Refused (a percentage outside 0–100, no text, a refused file — reported with the form's other
	 * errors): the task page again in the refusal's 4xx ({@link FormSteps}) with the text, the percentage and the held
	 * files, which go with the next submit; posted back to remove a held file ({@code release}): the page again, as
	 * typed. Saved: the task page with 进展已填报.
	 */
	@PostMapping("/workplans/tasks/{id:\\d+}/progress")
	@PageForm("progress-form")
	@PreAuthorize(WorkPlanController.WRITERS)
	String report(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String text,
			@RequestParam(required = false) @WholeIn(min = 0, max = Progress.DONE) Integer percent,
			@RequestParam(required = false) List<MultipartFile> attachments, @RequestParam(required = false) String draft,
			@RequestParam(required = false) Long release, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		plans.task(me.scope(), id);
		AttachmentDraft held = Progress.draft(draft, me);
		List<FieldError> fileErrors = progress.hold(held, UploadedFile.of(attachments));
		if (release != null) {
			progress.release(held, release);
			model.addAttribute("errors", fileErrors.isEmpty() ? null : fileErrors);
			return progressForm(me, id, model, held, text, percent);
		}
		// a second report of the month replaces the first: the page says so (the audit keeps the first)
		return FormSteps.run(model, response, redirect,
				() -> new PageSteps.Done(progress.report(me, id, text, percent, fileErrors, held)
						? "本月进展已更新（原填报内容已记入操作日志）" : "进展已填报", "/workplans/tasks/" + id),
				() -> progressForm(me, id, model, held, text, percent));
	}

	/** The task page with the progress form as typed and its held files; the layout marks that form's fields. */
	private String progressForm(CurrentUser me, long id, Model model, AttachmentDraft held, String text, Integer percent) {
		model.addAttribute("draft", held.token());
		model.addAttribute("progressText", text);
		model.addAttribute("progressPercent", percent);
		model.addAttribute("refusedForm", "progress-form");
		return task(me, id, model);
	}

	@PostMapping("/workplans/tasks/{id:\\d+}")
	@PageForm("task-form")
	@PreAuthorize(WorkPlanController.WRITERS)
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(required = false) String dueOn, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		// refused: the task's page again in the refusal's 4xx, the edit form as typed (its "text" shares the progress
		// form's name, so the refused form is named: @PageForm)
		return FormSteps.run(model, response, redirect, "/workplans/tasks/" + id, "任务已修改", () -> {
			Validation v = new Validation();
			var due = dueOn == null || Text.isBlank(dueOn) ? null : v.date("dueOn", "完成时限", dueOn);
			v.throwIfInvalid();
			drafts.updateTask(me, id, text, due);
		}, () -> task(me, id, model));
	}

	@PostMapping("/workplans/tasks/{id:\\d+}/remove")
	@PreAuthorize(WorkPlanController.WRITERS)
	String remove(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		return PageSteps.run(redirect, "/workplans/tasks/" + id,
				() -> new PageSteps.Done("已从草稿中删除该任务", "/workplans/" + drafts.removeTask(me, id)));
	}
}
