package org.youguan.universal.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.ImportPages;
import org.youguan.documents.Spreadsheets;
import org.youguan.inspections.InspectionRecordData.TeamMember;
import org.youguan.inspections.Inspector;
import org.youguan.inspections.Inspectors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FormBinding;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.FiguresQuery;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.org.CurrentUser;
import org.youguan.platform.BackgroundJobs;
import org.youguan.region.Regions;
import org.youguan.universal.DeliveryMode;
import org.youguan.universal.DeliveryStandards;
import org.youguan.universal.UniversalFigures;
import org.youguan.universal.VillageCheck;
import org.youguan.universal.VillageCheckData;
import org.youguan.universal.VillageCheckImport;
import org.youguan.universal.VillageChecks;
import org.youguan.universal.VillageProfileData;
import org.youguan.universal.VillageProfileImport;
import org.youguan.universal.VillageView;
import org.youguan.universal.Villages;

/**
 * The bureau's 建制村 pages: the register (search, county, mode and below-standard filters, sort, pages, .xlsx export)
 * with this year's figures, a village's profile page with its checks and change history (staff correct the profile
 * and record a 通邮 check there), the profile import, the checks list with the import of past checks and the frequency
 * standards.
 */
@Controller
@PreAuthorize(UniversalAccess.READERS)
class VillageController {

	static final String ERRORS = "universal.import";

	private final Villages villages;

	private final VillageChecks checks;

	private final VillageProfileImport imports;

	private final VillageCheckImport checkImports;

	private final UniversalFigures figures;

	private final DeliveryStandards standards;

	private final Regions regions;

	private final Spreadsheets spreadsheets;

	private final AuditTrail audit;

	private final BackgroundJobs jobs;

	private final Clock clock;

	private final Inspectors roster;

	VillageController(Villages villages, VillageChecks checks, VillageProfileImport imports,
			VillageCheckImport checkImports, UniversalFigures figures, DeliveryStandards standards, Regions regions,
			Spreadsheets spreadsheets, AuditTrail audit, BackgroundJobs jobs, Clock clock, Inspectors roster) {
		this.roster = roster;
		this.villages = villages;
		this.checks = checks;
		this.imports = imports;
		this.checkImports = checkImports;
		this.figures = figures;
		this.standards = standards;
		this.regions = regions;
		this.spreadsheets = spreadsheets;
		this.audit = audit;
		this.jobs = jobs;
		this.clock = clock;
	}

	@GetMapping("/universal/villages")
	String list(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String region, @RequestParam(required = false) String mode,
			@RequestParam(required = false) Boolean below, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", villages.list(scope, VillageFilters.of(region, mode, below), query));
		model.addAttribute("query", query);
		model.addAttribute("modes", DeliveryMode.values());
		String own = me.regionCode() == null ? "0" : me.regionCode();
		model.addAttribute("areas", regions.children(own.isEmpty() ? "0" : own));
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("figures", figures.figures(FiguresQuery.of(scope, null, own, null, null, today)));
		model.addAttribute("standard", standards.villageMinimum(own));
		return "universal/villages";
	}

	@GetMapping("/universal/villages/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request, @RequestParam(required = false) String region,
			@RequestParam(required = false) String mode, @RequestParam(required = false) Boolean below) {
		List<VillageView> rows = villages.list(scope, VillageFilters.of(region, mode, below), request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("建制村通邮信息", scope), spreadsheets.write("建制村", VillageFilters.COLUMNS, rows));
	}

	@GetMapping("/universal/villages/{code:\\d+}")
	String show(DataScope scope, @PathVariable String code, Model model) {
		VillageView village = villages.get(scope, code);
		model.addAttribute("village", village);
		// the profile form's values: the saved ones, or as typed when the form comes back refused
		model.addAttribute("profileForm", village);
		model.addAttribute("modes", DeliveryMode.values());
		model.addAttribute("standard", standards.villageMinimum(code));
		model.addAttribute("postOffices", villages.postOffices(scope, code));
		model.addAttribute("checks", checks.ofVillage(scope, code));
		model.addAttribute("history", audit.history(scope, "VillageProfile", code));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("servingEnterprise", villages.servingEnterprise(village).orElse(null));
		// the certified inspectors of the bureaus above the village, as an inspection's form offers them
		model.addAttribute("roster", roster.drawable(code, LocalDate.now(clock)));
		return "universal/village";
	}

	/**
	 * Saves the profile from the village's page: saved → back to the page with a message; refused → the page again with
	 * the values typed, every field's error and the 4xx status (nothing saved).
	 */
	@PostMapping("/universal/villages/{code:\\d+}/profile")
	@PreAuthorize(UniversalAccess.WRITERS)
	String saveProfile(DataScope scope, @PathVariable String code, @ModelAttribute VillageProfileData form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		// a number that cannot be read (每周投递频次 "abc", a post office's number "x") is told with every other field's
		// error, not alone (kernel.FormBinding)
		VillageProfileData data = ProfileForms.of(code, form);
		List<FieldError> unread = FormBinding.errors(binding, VillageProfileData.class, ProfileForms.LABELS, LocalDate.now(clock));
		// refused: the page again in the refusal's 4xx with the values as typed (kernel.FormSteps)
		return FormSteps.run(model, response, redirect, "/universal/villages/" + code, "建制村通邮信息已保存",
				() -> villages.saveProfile(scope, data, false, unread), () -> {
					String view = show(scope, code, model);
					model.addAttribute("profileForm", ProfileForms.typed(villages.get(scope, code), data));
					return view;
				});
	}

	/**
	 * Records a check from the village's page: saved → back to the page with a message; refused → the page again with
	 * every field's error and the 4xx status (nothing saved).
	 */
	@PostMapping("/universal/villages/{code:\\d+}/checks")
	@PreAuthorize(UniversalAccess.WRITERS)
	String recordCheck(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable String code,
			@RequestParam(required = false) String checkedOn, @RequestParam(required = false) String deliveryMode,
			@RequestParam(required = false) String deliveriesObserved,
			@RequestParam(required = false) Boolean handoverRecords,
			@RequestParam(required = false) Boolean standardDelivery, @RequestParam(required = false) String findings,
			@RequestParam(name = "inspector", required = false) List<String> certificates,
			@RequestParam(required = false) String outcome, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		List<String> chosen = certificates == null ? List.of()
				: certificates.stream().filter(c -> c != null && !Text.isBlank(c)).toList();
		// the form picks inspectors from the roster by 执法证号; the name is the roster's
		List<TeamMember> team = chosen.stream()
			.map(c -> new TeamMember(roster.findByCertificate(c).map(Inspector::name).orElse(null), c))
			.toList();
		boolean standard = !Boolean.FALSE.equals(standardDelivery);
		// read as text, so that 1e309 or 1.5 is this form's error shown beside the field, not an error page
		Validation typed = new Validation();
		Long observed = typed.whole("deliveriesObserved", "实际每周投递频次", deliveriesObserved, 9);
		return FormSteps.run(model, response, redirect, "/universal/villages/" + code, "通邮检查已登记", () -> {
			typed.throwIfInvalid();
			checks.record(scope, me.bureauId(), new VillageCheckData(code, checkedOn, deliveryMode,
					observed == null ? null : observed.intValue(), handoverRecords, standardDelivery, findings, team,
					standard ? null : outcome), false);
		}, () -> {
			model.addAttribute("checkForm", new CheckForm(checkedOn, deliveryMode, deliveriesObserved, handoverRecords,
					standardDelivery, findings, chosen, outcome));
			return show(scope, code, model);
		});
	}

	/** The check form as the user filled it in, shown again when the check is refused. */
	record CheckForm(String checkedOn, String deliveryMode, String deliveriesObserved, Boolean handoverRecords,
			Boolean standardDelivery, String findings, List<String> certificates, String outcome) {
	}

	/**
	 * The 通邮 check an inspection record of kind 普遍服务监督检查 stands for (the inspection record's page links here):
	 * its village's page at the check; 404 when no check of the caller's region has that record.
	 */
	@GetMapping("/universal/checks/by-inspection/{record:\\d+}")
	String byInspection(DataScope scope, @PathVariable long record) {
		VillageCheck check = checks.byInspectionRecord(scope, record)
			.orElseThrow(() -> DomainException.notFound("通邮检查", record));
		return "redirect:/universal/villages/" + check.villageCode() + "#check-" + check.id();
	}

	@GetMapping("/universal/checks")
	String checks(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		PageQuery query = request.toPage();
		FiguresQuery q = period(me, scope, region, from, to);
		model.addAttribute("figures", figures.figures(q));
		model.addAttribute("period", q);
		model.addAttribute("result", checks.list(scope, null, q, query));
		model.addAttribute("query", query);
		return "universal/checks";
	}

	/**
	 * The checks as .xlsx: the list's region and period (the figures'), search and order, the checks of the caller's
	 * region.
	 */
	@GetMapping("/universal/checks/export.xlsx")
	ResponseEntity<byte[]> exportChecks(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		List<VillageCheck> rows = checks.list(scope, null, period(me, scope, region, from, to), request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("建制村通邮检查", scope), spreadsheets.write("通邮检查", VillageFilters.CHECK_COLUMNS, rows));
	}

	/** The checks page's region and period: by default the caller's region, this year to today. */
	private FiguresQuery period(CurrentUser me, DataScope scope, String region, String from, String to) {
		return FiguresQuery.of(scope, region, me.regionCode() == null ? "0" : me.regionCode(), from, to,
				LocalDate.now(clock));
	}

	@GetMapping("/universal/standards")
	String standards(@AuthenticationPrincipal CurrentUser me, Model model) {
		String own = me.regionCode() == null ? "0" : me.regionCode();
		model.addAttribute("standards", standards.standards(own));
		model.addAttribute("province", own.length() >= 2 ? regions.name(own.substring(0, 2)) : null);
		return "universal/standards";
	}

	@GetMapping("/universal/villages/import")
	@PreAuthorize(UniversalAccess.WRITERS)
	String importForm() {
		return "universal/import";
	}

	@GetMapping("/universal/villages/import/template.xlsx")
	@PreAuthorize(UniversalAccess.WRITERS)
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("建制村通邮信息导入模板.xlsx", imports.template());
	}

	@PostMapping("/universal/villages/import")
	@PreAuthorize(UniversalAccess.WRITERS)
	String upload(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		return ImportPages.upload(new ImportPages.Page(ERRORS, "建制村通邮信息", "条", "universal/import",
				"/universal/villages"), jobs, me.getUsername(), file, content -> imports.importFile(scope, content), model,
				redirect, response);
	}

	/** The rejected sheet with its error column (of any import on these pages), once, to the user who uploaded it. */
	@GetMapping("/universal/villages/import/errors/{id}.xlsx")
	@PreAuthorize(UniversalAccess.WRITERS)
	ResponseEntity<byte[]> errors(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return ImportPages.errorSheet(jobs, ERRORS, me.getUsername(), id);
	}

	@GetMapping("/universal/checks/import")
	@PreAuthorize(UniversalAccess.WRITERS)
	String checkImportForm() {
		return "universal/check-import";
	}

	@GetMapping("/universal/checks/import/template.xlsx")
	@PreAuthorize(UniversalAccess.WRITERS)
	ResponseEntity<byte[]> checkTemplate() {
		return Downloads.xlsx("历史通邮检查导入模板.xlsx", checkImports.template());
	}

	/** Past checks with their real dates: done → the checks with a message; refused → the page with every bad row and 422. */
	@PostMapping("/universal/checks/import")
	@PreAuthorize(UniversalAccess.WRITERS)
	String uploadChecks(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		return ImportPages.upload(new ImportPages.Page(ERRORS, "历史通邮检查", "条", "universal/check-import",
				"/universal/checks"), jobs, me.getUsername(), file,
				content -> checkImports.importFile(scope, me.bureauId(), content), model, redirect, response);
	}
}
