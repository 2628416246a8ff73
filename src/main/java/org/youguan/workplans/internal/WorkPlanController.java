package org.youguan.workplans.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
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
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.YearIn;
import org.youguan.org.CurrentUser;
import org.youguan.org.Departments;
import org.youguan.workplans.PlanDrafts;
import org.youguan.workplans.PlanTargets;
import org.youguan.workplans.WorkPlans;

/**
 * 工作目标任务: the bureau's plans; importing a notice (pasted, or a .txt or .docx file) with a preview, the mapping of
 * department names the bureau does not have, and the confirmation that saves it; a plan's page with its targets
 * against the statistics; copying a plan into the next year as a draft, editing and publishing the draft.
 */
@Controller
class WorkPlanController {

	static final String WRITERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','STAFF')";


	private final WorkPlans plans;

	private final WorkPlanImport imports;

	private final Departments departments;

	private final PlanDrafts drafts;

	private final PlanTargets targets;

	private final Spreadsheets spreadsheets;

	WorkPlanController(WorkPlans plans, WorkPlanImport imports, Departments departments, PlanDrafts drafts,
			PlanTargets targets, Spreadsheets spreadsheets) {
		this.spreadsheets = spreadsheets;
		this.drafts = drafts;
		this.targets = targets;
		this.plans = plans;
		this.imports = imports;
		this.departments = departments;
	}

	/** The plans export's columns: what the list shows, the state as the page names it. */
	static final List<Column<WorkPlans.PlanSummary>> COLUMNS = List.of(Column.of("年度", WorkPlans.PlanSummary::year, 8),
			Column.of("标题", WorkPlans.PlanSummary::title, 50), Column.of("制定机构", WorkPlans.PlanSummary::bureauName, 24),
			Column.of("状态", p -> p.draft() ? SheetWord.of("草稿") : SheetWord.of("已印发"), 8), Column.of("任务数", WorkPlans.PlanSummary::tasks, 8));

	/**
	 * The work plans of the caller's region: search by title, year and state filters, sorts by year, title, state and
	 * tasks, pages, and the export of the same rows.
	 */
	@GetMapping("/workplans")
	String list(DataScope scope, ListRequest request, @RequestParam(required = false) @YearIn(from = FiguresPeriod.FIRST_YEAR, ahead = FiguresPeriod.YEARS_AHEAD) Integer year,
			@RequestParam(required = false) String status, Model model) {
		PageQuery query = request.toPage();
		PageResult<WorkPlans.PlanSummary> result = plans.list(scope, new WorkPlans.Filter(year, status), query);
		model.addAttribute("result", result);
		model.addAttribute("plans", result.items());
		model.addAttribute("query", query);
		model.addAttribute("statuses", WorkPlans.STATUSES);
		return "workplans/plans";
	}

	/**
	 * The plans as .xlsx in {@link #COLUMNS}: the page's year and state filters, search and order, every plan of the
	 * caller's region up to the export limit, titles masked as listed.
	 * @throws org.youguan.kernel.InvalidValueException naming {@code status} for an unknown state
	 */
	@GetMapping("/workplans/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request, @RequestParam(required = false) @YearIn(from = FiguresPeriod.FIRST_YEAR, ahead = FiguresPeriod.YEARS_AHEAD) Integer year,
			@RequestParam(required = false) String status) {
		var rows = plans.list(scope, new WorkPlans.Filter(year, status), request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("工作计划", scope), spreadsheets.write("工作计划", COLUMNS, rows));
	}

	@GetMapping("/workplans/{id:\\d+}")
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		WorkPlans.Plan recorded = plans.get(me.scope(), id);
		// every reader in scope sees the plan's texts with personal numbers masked; the draft's head form edits them as recorded
		WorkPlans.Plan plan = recorded.masked();
		model.addAttribute("plan", plan);
		model.addAttribute("recorded", recorded);
		model.addAttribute("targets", targets.of(me.scope(), plan));
		model.addAttribute("own", WorkPlans.manages(me, plan.bureauId()));
		// a draft copied from last year may hold targets today's rules refuse: shown to be corrected before 印发
		model.addAttribute("targetProblems", drafts.targetProblems(recorded));
		return "workplans/plan";
	}

	/**
	 * Copies the plan into the next year as a draft; the message says when main targets today's rules refuse came with
	 * it (the draft's page lists them; 印发 waits for their correction).
	 */
	@PostMapping("/workplans/{id:\\d+}/copy")
	@PreAuthorize(WRITERS)
	String copy(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		return PageSteps.run(redirect, "/workplans/" + id, () -> {
			long draft = drafts.copyToNextYear(me, id);
			int problems = drafts.targetProblems(plans.own(me, draft)).size();
			return new PageSteps.Done(problems == 0 ? "已复制为下一年度草稿，请修改后印发"
					: "已复制为下一年度草稿；其中" + problems + "项主要工作目标不符合统计指标的现行规则，须修改后才能印发", "/workplans/" + draft);
		});
	}

	@PostMapping("/workplans/{id:\\d+}/head")
	@PreAuthorize(WRITERS)
	String updateHead(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String overallRequirement, @RequestParam(required = false) String targets,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		// refused: the plan's page again in the refusal's 4xx with the draft's head as typed (kernel.FormSteps)
		return FormSteps.run(model, response, redirect, "/workplans/" + id, "草稿已保存",
				() -> drafts.updateHead(me, id, title, overallRequirement, targets), () -> show(me, id, model));
	}

	@PostMapping("/workplans/{id:\\d+}/publish")
	@PreAuthorize(WRITERS)
	String publish(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String documentNumber, @RequestParam(required = false) String documentDate,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, "/workplans/" + id, "工作计划已印发，各处室可按月填报进展", () -> {
			Validation v = new Validation();
			LocalDate date = documentDate == null || Text.isBlank(documentDate) ? null : v.date("documentDate", "印发日期", documentDate);
			v.throwIfInvalid();
			drafts.publish(me, id, documentNumber, date);
		}, () -> show(me, id, model));
	}

	/** Sets a main target as the statistics annual target of the bureau's region. */
	@PostMapping("/workplans/{id:\\d+}/targets/{position:\\d+}/adopt")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String adopt(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @PathVariable int position,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, "/workplans/" + id, "已设为统计年度目标", () -> targets.adopt(me, id, position));
	}

	@GetMapping("/workplans/import")
	@PreAuthorize(WRITERS)
	String importForm() {
		return "workplans/import";
	}

	/** Shows what the notice contains, with a mapping for every department the bureau does not have. */
	@PostMapping("/workplans/import")
	@PreAuthorize(WRITERS)
	String preview(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String text,
			@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response) throws IOException {
		// refused: the form again in the refusal's 4xx with the text as typed, as every refused form (kernel.FormSteps)
		model.addAttribute("text", text);
		try {
			NoticeDocument.Reading notice = file != null && !file.isEmpty() ? read(file) : new NoticeDocument.Reading(text, List.of());
			model.addAttribute("text", notice.text());
			// what the file's reading could not place comes first: it is about the file, the rest about the text
			model.addAttribute("preview", notice.warnFirst(imports.preview(me, notice.text())));
			model.addAttribute("departments", me.bureauId() == null ? List.of() : departments.ofBureau(me.bureauId()));
		}
		catch (DomainException ex) {
			FormSteps.refused(ex, model, response);
		}
		return "workplans/import";
	}

	/** Saves the previewed notice with the chosen mapping ("map.NAME" → department id or "new"). */
	@PostMapping("/workplans/import/confirm")
	@PreAuthorize(WRITERS)
	String confirm(@AuthenticationPrincipal CurrentUser me, @RequestParam String text, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, Long> mapping = new HashMap<>();
		Set<String> create = new HashSet<>();
		try {
			params.forEach((k, v) -> {
				if (k.startsWith("map.") && v != null && !Text.isBlank(v)) {
					if (v.equals("new")) {
						create.add(k.substring(4));
					}
					else {
						mapping.put(k.substring(4), Validation.id(k, "牵头处室", v));
					}
				}
			});
			long id = plans.save(me, text, mapping, create);
			redirect.addFlashAttribute("message", plans.get(me.scope(), id).draft()
					? "已导入为草稿：通知中未识别到文号，请填写文号后印发" : "已导入工作计划");
			return "redirect:/workplans/" + id;
		}
		catch (DomainException | DataAccessException failure) {
			// a refusal, or a race lost with another submission at the database: the form again, never the error page
			DomainException ex = FormSteps.refusal(failure);
			FormSteps.refused(ex, model, response);
			model.addAttribute("preview", imports.preview(me, text));
			model.addAttribute("text", text);
			model.addAttribute("departments", departments.ofBureau(me.bureauId()));
			return "workplans/import";
		}
	}

	/**
	 * The notice's text from an uploaded .txt (UTF-8) or .docx file ({@link NoticeDocument#readFile}).
	 * @throws InvalidValueException field {@code file}: over 5 MB (413), an unreadable Word file, text not in UTF-8
	 */
	static NoticeDocument.Reading read(MultipartFile file) throws IOException {
		if (file.getSize() > NoticeDocument.MAX_FILE_BYTES) {
			throw InvalidValueException.tooLarge("file", "文件不能超过5MB");
		}
		return NoticeDocument.readFile(file.getBytes(), "file");
	}
}
