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
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.ImportPages;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FormBinding;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.platform.BackgroundJobs;
import org.youguan.universal.DeliveryMode;
import org.youguan.universal.DeliveryStandards;
import org.youguan.universal.VillageProfileData;
import org.youguan.universal.VillageView;
import org.youguan.universal.VillageProfileImport;
import org.youguan.universal.Villages;

/**
 * The postal enterprise's 建制村 pages on its portal: its own profiles and the villages of its city nobody keeps yet
 * (another enterprise's profile is not found), the form to keep a profile, and the import of its list — for users of
 * a postal enterprise only ({@link VillagePortal}).
 */
@Controller
@PreAuthorize(VillagePortal.POSTAL)
class EnterpriseVillageController {

	private final Villages villages;

	private final VillageProfileImport imports;

	private final DeliveryStandards standards;

	private final BackgroundJobs jobs;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	EnterpriseVillageController(Villages villages, VillageProfileImport imports, DeliveryStandards standards,
			BackgroundJobs jobs, Spreadsheets spreadsheets, Clock clock) {
		this.spreadsheets = spreadsheets;
		this.clock = clock;
		this.villages = villages;
		this.imports = imports;
		this.standards = standards;
		this.jobs = jobs;
	}

	@GetMapping("/enterprise/villages")
	String list(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) String mode, @RequestParam(required = false) Boolean below, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", villages.list(me.scope(), VillageFilters.of(null, mode, below), query));
		model.addAttribute("query", query);
		model.addAttribute("modes", DeliveryMode.values());
		return "universal/enterprise-villages";
	}

	/** Its villages as .xlsx: the list's mode and below-standard filters, search and order, the staff's columns. */
	@GetMapping("/enterprise/villages/export.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) String mode, @RequestParam(required = false) Boolean below) {
		List<VillageView> rows = villages.list(me.scope(), VillageFilters.of(null, mode, below), request.toExport())
			.items();
		return Downloads.xlsx(ExportNames.of("建制村通邮信息", me.scope()), spreadsheets.write("建制村", VillageFilters.COLUMNS, rows));
	}

	@GetMapping("/enterprise/villages/{code:\\d+}")
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable String code, Model model) {
		VillageView village = villages.get(me.scope(), code);
		model.addAttribute("village", village);
		// the profile form's values: the saved ones, or as typed when the form comes back refused
		model.addAttribute("profileForm", village);
		model.addAttribute("modes", DeliveryMode.values());
		model.addAttribute("standard", standards.villageMinimum(code));
		model.addAttribute("postOffices", villages.postOffices(me.scope(), code));
		return "universal/enterprise-village";
	}

	/** Saves the profile: refused → the page again with the values typed and every field's error (nothing saved). */
	@PostMapping("/enterprise/villages/{code:\\d+}/profile")
	String save(@AuthenticationPrincipal CurrentUser me, @PathVariable String code, @ModelAttribute VillageProfileData form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		// a number that cannot be read (每周投递频次 "abc", a post office's number "x") is told with every other field's
		// error, not alone (kernel.FormBinding); a credit code posted is checked as the API checks it (the own one or refused)
		VillageProfileData data = ProfileForms.of(code, form);
		List<FieldError> unread = FormBinding.errors(binding, VillageProfileData.class, ProfileForms.LABELS, LocalDate.now(clock));
		// refused: the page again in the refusal's 4xx with the values as typed (kernel.FormSteps)
		return FormSteps.run(model, response, redirect, "/enterprise/villages/" + code, "建制村通邮信息已保存",
				() -> villages.saveProfile(me.scope(), data, false, unread), () -> {
					String view = show(me, code, model);
					model.addAttribute("profileForm", ProfileForms.typed(villages.get(me.scope(), code), data));
					return view;
				});
	}

	@GetMapping("/enterprise/villages/import")
	String importForm() {
		return "universal/enterprise-import";
	}

	@GetMapping("/enterprise/villages/import/template.xlsx")
	ResponseEntity<byte[]> template() {
		return Downloads.xlsx("建制村通邮信息导入模板.xlsx", imports.template());
	}

	@PostMapping("/enterprise/villages/import")
	String upload(@AuthenticationPrincipal CurrentUser me, @RequestParam(name = "file", required = false) MultipartFile file,
			Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		return ImportPages.upload(new ImportPages.Page(VillageController.ERRORS, "建制村通邮信息", "条",
				"universal/enterprise-import", "/enterprise/villages"), jobs, me.getUsername(), file,
				content -> imports.importFile(me.scope(), content), model, redirect, response);
	}

	@GetMapping("/enterprise/villages/import/errors/{id}.xlsx")
	ResponseEntity<byte[]> errors(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return ImportPages.errorSheet(jobs, VillageController.ERRORS, me.getUsername(), id);
	}
}
