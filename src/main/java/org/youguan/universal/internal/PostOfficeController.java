package org.youguan.universal.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

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
import org.youguan.org.OwnExamples;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.ImportPages;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.Choice;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.org.CurrentUser;
import org.youguan.platform.BackgroundJobs;
import org.youguan.region.Regions;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityKind;
import org.youguan.registry.FacilityView;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.universal.ApprovalKind;
import org.youguan.universal.ApprovalStatus;
import org.youguan.universal.PostOfficeApprovalImport;
import org.youguan.universal.PostOfficeApprovals;
import org.youguan.universal.PostOfficeView;
import org.youguan.universal.PostOffices;

/**
 * The bureau's pages of the 邮政普遍服务营业场所: opening days against the standard (region and below-standard filters,
 * .xlsx export, as the 建制村 register), the queue of closure/relocation approvals (remaining working days, overdue
 * highlighted) with a paper application's entry, an approval's page with its steps (on-site check and consultation,
 * extension, decision, public notice) and history, the past approvals' import and the reported 临时停业.
 */
@Controller
@PreAuthorize(UniversalAccess.READERS)
class PostOfficeController {

	/** The decision form's values: 批准, 不予批准. */
	private static final List<String> DECISIONS = List.of("APPROVE", "REFUSE");

	private final PostOffices postOffices;

	private final PostOfficeApprovals approvals;

	private final PostOfficeApprovalImport imports;

	private final Facilities facilities;

	private final Regions regions;

	private final Spreadsheets spreadsheets;

	private final AuditTrail audit;

	private final BackgroundJobs jobs;

	private final Clock clock;

	private final StatutoryRules rules;

	private final OwnExamples ownExamples;

	PostOfficeController(PostOffices postOffices, PostOfficeApprovals approvals, PostOfficeApprovalImport imports,
			Facilities facilities, Regions regions, Spreadsheets spreadsheets, AuditTrail audit, BackgroundJobs jobs,
			Clock clock, StatutoryRules rules, OwnExamples ownExamples) {
		this.ownExamples = ownExamples;
		this.rules = rules;
		this.jobs = jobs;
		this.postOffices = postOffices;
		this.approvals = approvals;
		this.imports = imports;
		this.facilities = facilities;
		this.regions = regions;
		this.spreadsheets = spreadsheets;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/universal/post-offices")
	String list(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String region, @RequestParam(required = false) Boolean below, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", postOffices.list(scope, new PostOffices.Filter(region, Boolean.TRUE.equals(below)), query));
		model.addAttribute("query", query);
		String own = me.regionCode() == null || me.regionCode().isEmpty() ? "0" : me.regionCode();
		model.addAttribute("areas", regions.children(own));
		return "universal/post-offices";
	}

	@GetMapping("/universal/post-offices/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request, @RequestParam(required = false) String region,
			@RequestParam(required = false) Boolean below) {
		List<PostOfficeView> rows = postOffices.list(scope, new PostOffices.Filter(region, Boolean.TRUE.equals(below)),
				request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("普遍服务营业场所营业时间", scope), spreadsheets.write("营业场所", PostOfficeFilters.columns(regions.fullNames()), rows));
	}

	@GetMapping("/universal/post-office-approvals")
	String approvals(DataScope scope, ListRequest request, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean open, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", approvals.list(scope, null, PostOfficeApiController.status(status),
				Boolean.TRUE.equals(open), query));
		model.addAttribute("query", query);
		model.addAttribute("statuses", ApprovalStatus.values());
		model.addAttribute("kinds", ApprovalKind.values());
		model.addAttribute("offices", offices(facilities, scope));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("listPath", "/universal/post-office-approvals");
		model.addAttribute("portal", false);
		// past decisions are recorded by the deciding bureau's head: the import is offered to no one else
		model.addAttribute("importer", approvals.recordsPast(scope));
		return "universal/post-office-approvals";
	}

	/** The approvals queue as .xlsx: the list's search, status, 未办结 filter and order; the caller's region only. */
	@GetMapping("/universal/post-office-approvals/export.xlsx")
	ResponseEntity<byte[]> exportApprovals(DataScope scope, ListRequest request,
			@RequestParam(required = false) String status, @RequestParam(required = false) Boolean open) {
		var rows = approvals.list(scope, null, PostOfficeApiController.status(status), Boolean.TRUE.equals(open),
				request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("营业场所撤销搬迁审批", scope), spreadsheets.write("撤销搬迁审批", PostOfficeFilters.APPROVAL_COLUMNS, rows));
	}

	@PostMapping("/universal/post-office-approvals")
	@PreAuthorize(UniversalAccess.WRITERS)
	String enter(DataScope scope, @RequestParam(required = false) Long facilityId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String newAddress,
			@RequestParam(required = false) String receivedOn, ListRequest request, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		// refused: the queue again with the paper form as typed and each error beside its field, in the refusal's 4xx
		return FormSteps.run(model, response, redirect, () -> new PageSteps.Done("纸质申请已登记",
				"/universal/post-office-approvals/" + approvals.apply(scope, new PostOfficeApprovals.ApplicationData(
						facilityId, kind, reason, newAddress, receivedOn), false)),
				() -> approvals(scope, request, null, null, model));
	}

	/**
	 * The period of the one extension the approval page's button names ({@code extensionPeriod}, {@code extensionBasis}):
	 * {@link StatutoryRule#UNIVERSAL_CLOSURE_EXTENSION}, national law, so the national value.
	 */
	static void extensionPeriod(Model model, StatutoryRules rules) {
		model.addAllAttributes(rules.statedAs("extension", StatutoryRule.UNIVERSAL_CLOSURE_EXTENSION, StatutoryRule.NATIONAL_REGION));
	}

	@GetMapping("/universal/post-office-approvals/{id:\\d+}")
	String show(DataScope scope, @PathVariable long id, Model model) {
		model.addAttribute("approval", approvals.get(scope, id));
		model.addAttribute("history", audit.history(scope, "PostOfficeApproval", id));
		// the decision and the extension are the deciding bureau's head's own acts: their forms are offered to no one else
		model.addAttribute("decider", approvals.decides(scope, id));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("staffPage", true);
		extensionPeriod(model, rules);
		return "universal/post-office-approval";
	}

	@PostMapping("/universal/post-office-approvals/{id:\\d+}/site-check")
	@PreAuthorize(UniversalAccess.WRITERS)
	String check(DataScope scope, @PathVariable long id, @RequestParam(required = false) String checkedOn,
			@RequestParam(required = false) String findings, @RequestParam(required = false) String consultation,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		// each step's form refused: the approval's page again in the refusal's 4xx with the step's values as typed
		return FormSteps.run(model, response, redirect, here(id), "现场核查和征求意见情况已登记",
				() -> approvals.check(scope, id, new PostOfficeApprovals.SiteCheck(checkedOn, findings, consultation)),
				() -> show(scope, id, model));
	}

	@PostMapping("/universal/post-office-approvals/{id:\\d+}/extension")
	@PreAuthorize(UniversalAccess.DECIDERS)
	String extend(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, here(id), "审批期限已延长",
				() -> approvals.extend(scope, id, new PostOfficeApprovals.Extension(reason)),
				() -> show(scope, id, model));
	}

	@PostMapping("/universal/post-office-approvals/{id:\\d+}/decision")
	@PreAuthorize(UniversalAccess.DECIDERS)
	String decide(DataScope scope, @PathVariable long id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String reasons, @RequestParam(required = false) String alternativeOffice,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		// no decision, or one the form does not offer, is refused at the field: never read as 不予批准
		return FormSteps.run(model, response, redirect, () -> {
			// who decides before what was chosen: a non-decider is told so, not that the form or the state is wrong
			approvals.requireDecides(scope, id);
			if (Choice.of(DECISIONS, d -> d.equals("APPROVE") ? "批准" : "不予批准", "decision", "决定", decision)
				.equals("APPROVE")) {
				approvals.approve(scope, id, new PostOfficeApprovals.Decision(reasons, alternativeOffice));
				return new PageSteps.Done("已批准，准予决定书已出具", here(id));
			}
			approvals.refuse(scope, id, new PostOfficeApprovals.Decision(reasons, alternativeOffice));
			return new PageSteps.Done("已作出不予批准决定，决定书已出具", here(id));
		}, () -> show(scope, id, model));
	}

	@PostMapping("/universal/post-office-approvals/{id:\\d+}/notice")
	@PreAuthorize(UniversalAccess.WRITERS)
	String announce(DataScope scope, @PathVariable long id, @RequestParam(required = false) String announcedOn,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String effectiveOn,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, here(id), "公告情况已登记，公告文书已出具",
				() -> approvals.announce(scope, id, new PostOfficeApprovals.Notice(announcedOn, channel, effectiveOn)),
				() -> show(scope, id, model));
	}

	/** The import's page, for the deciding bureau's head only (403 for anyone else: {@link PostOfficeApprovals#requireImporter}). */
	@GetMapping("/universal/post-office-approvals/import")
	@PreAuthorize(UniversalAccess.DECIDERS)
	String importForm(DataScope scope) {
		approvals.requireImporter(scope);
		return "universal/post-office-import";
	}

	/** The import's template, to whoever may import ({@link PostOfficeApprovals#requireImporter}, 403 for anyone else). */
	@GetMapping("/universal/post-office-approvals/import/template.xlsx")
	@PreAuthorize(UniversalAccess.DECIDERS)
	ResponseEntity<byte[]> template(DataScope scope) {
		approvals.requireImporter(scope);
		return Downloads.xlsx("历史营业场所撤销搬迁审批导入模板.xlsx", imports.template(ownExamples.of(scope)));
	}

	/**
	 * The sheet's import: done → the queue with a message; refused → the page with every bad row and 422; anyone but
	 * the deciding bureau's head 403 before the file is read.
	 */
	@PostMapping("/universal/post-office-approvals/import")
	@PreAuthorize(UniversalAccess.DECIDERS)
	String upload(@AuthenticationPrincipal CurrentUser me, DataScope scope, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		return ImportPages.upload(new ImportPages.Page(VillageController.ERRORS, "历史审批", "条",
				"universal/post-office-import", "/universal/post-office-approvals"), jobs, me.getUsername(), file,
				content -> imports.importFile(scope, content), model, redirect, response);
	}

	@GetMapping("/universal/post-office-suspensions")
	String suspensions(DataScope scope, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", postOffices.suspensions(scope, null, query));
		model.addAttribute("query", query);
		model.addAttribute("listPath", "/universal/post-office-suspensions");
		return "universal/post-office-suspensions";
	}

	/** The reported 临时停业 as .xlsx: the list's search and order, the caller's region only. */
	@GetMapping("/universal/post-office-suspensions/export.xlsx")
	ResponseEntity<byte[]> exportSuspensions(DataScope scope, ListRequest request) {
		var rows = postOffices.suspensions(scope, null, request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("营业场所临时停业", scope), spreadsheets.write("临时停业", PostOfficeFilters.SUSPENSION_COLUMNS, rows));
	}

	/** The post offices the caller may choose from (a paper application, the portal's forms). */
	static List<FacilityView> offices(Facilities facilities, DataScope scope) {
		return facilities.list(scope, new Facilities.Filter(FacilityKind.POST_OFFICE, null), new PageQuery("", 0, 200, null, false))
			.items();
	}

	private static String here(long id) {
		return "/universal/post-office-approvals/" + id;
	}
}
