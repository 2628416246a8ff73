package org.youguan.registry.internal.enterprises;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.region.Regions;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormBinding;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.region.RegionPicker;
import org.youguan.registry.AnnualReportCopies;
import org.youguan.registry.Branches;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Licences;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.youguan.org.CurrentUser;
import org.youguan.org.InstallationAdmins;
import org.youguan.registry.Registrar;
import org.youguan.registry.internal.RegistryAccess;

/**
 * Enterprise register: list, detail with licences, branches and history, registration and correction, status.
 */
@Controller
class EnterpriseController {

	/**
	 * The export's columns; {@code place} names a row's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区长桥街道), never
	 * a county's or street's name alone nor a bare code.
	 */
	static List<Column<EnterpriseView>> columns(Function<String, String> place) {
		return List.of(Column.of("企业名称", EnterpriseView::legalName, 36),
			Column.of("统一社会信用代码", EnterpriseView::creditCode, 22), Column.of("类型", e -> e.type(), 12),
			Column.of("品牌", EnterpriseView::brandName, 10), Column.of("法定代表人", EnterpriseView::legalRepresentative),
			Column.of("地址", EnterpriseView::address, 40), Column.of("行政区划代码", EnterpriseView::regionCode, 12),
			Column.of("所在地", row -> place.apply(row.regionCode())), Column.of("联系人", EnterpriseView::contactName),
			Column.of("联系电话", EnterpriseView::contactPhoneMasked), Column.of("状态", e -> e.status(), 8),
			Column.of("许可证数", EnterpriseView::licences, 8), Column.of("网点数", EnterpriseView::outlets, 8));
	}

	/**
	 * The labels of the form's fields a value of the wrong shape can be posted to: one that cannot be bound is told with
	 * the form's other bad fields at once ({@link FormBinding}).
	 */
	private static final Map<String, String> LABELS = Map.of("brandId", "品牌编号", "type", "企业类型");

	private final Clock clock;

	private final Enterprises enterprises;

	private final Licences licences;

	private final Branches branches;

	private final Brands brands;

	private final AuditTrail audit;

	private final Spreadsheets spreadsheets;

	private final AnnualReportCopies annualReports;

	/** Who may register a licence of any scope in the registry (the installation's 系统管理员, {@link Registrar}). */
	private final InstallationAdmins installationAdmins;

	private final Regions regions;

	EnterpriseController(Enterprises enterprises, Licences licences, Branches branches, Brands brands, AuditTrail audit,
			Spreadsheets spreadsheets, AnnualReportCopies annualReports, InstallationAdmins installationAdmins,
			Clock clock, Regions regions) {
		this.regions = regions;
		this.clock = clock;
		this.enterprises = enterprises;
		this.annualReports = annualReports;
		this.installationAdmins = installationAdmins;
		this.licences = licences;
		this.branches = branches;
		this.brands = brands;
		this.audit = audit;
		this.spreadsheets = spreadsheets;
	}

	@GetMapping("/registry/enterprises")
	String list(DataScope scope, ListRequest list, @RequestParam(required = false) EnterpriseType type,
			@RequestParam(required = false) Long brand, @RequestParam(required = false) EnterpriseStatus status,
			Model model) {
		PageQuery query = list.toPage();
		model.addAttribute("result", enterprises.list(scope, new Enterprises.Filter(type, brand, status), query));
		model.addAttribute("query", query);
		model.addAttribute("brands", brands.all());
		model.addAttribute("types", EnterpriseType.values());
		model.addAttribute("statuses", EnterpriseStatus.values());
		return "registry/enterprises";
	}

	@GetMapping("/registry/enterprises/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest list,
			@RequestParam(required = false) EnterpriseType type, @RequestParam(required = false) Long brand,
			@RequestParam(required = false) EnterpriseStatus status) {
		var rows = enterprises.list(scope, new Enterprises.Filter(type, brand, status),
				list.toExport()).items();
		return Downloads.xlsx(ExportNames.of("企业", scope), spreadsheets.write("企业", columns(regions.fullNames()), rows));
	}

	@GetMapping("/registry/enterprises/{id:\\d+}")
	String show(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, Model model) {
		model.addAttribute("enterprise", enterprises.get(scope, id));
		// 登记许可证 for the issuing authorities only (Licences#record)
		model.addAttribute("mayRecordLicence", Registrar.of(me, installationAdmins).recordsAny());
		model.addAttribute("licences", licences.list(scope, new Licences.Filter(null, null, id),
				new PageQuery("", 0, 50, "issued_on", true)).items());
		model.addAttribute("annualReports", annualReports.of(id));
		model.addAttribute("history", audit.history(scope, "Enterprise", id));
		return "registry/enterprise";
	}

	@GetMapping("/registry/enterprises/new")
	@PreAuthorize(RegistryAccess.WRITERS)
	String initCreateForm(Model model) {
		return form(model, new EnterpriseData("", "", EnterpriseType.EXPRESS, null, "", "", "", "", ""), null);
	}

	@PostMapping("/registry/enterprises/new")
	@PreAuthorize(RegistryAccess.WRITERS)
	String processCreateForm(DataScope scope, @ModelAttribute EnterpriseData data, BindingResult binding,
			@RequestParam(name = RegionPicker.PICK, required = false) String regionPick, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (regionPick != null && !binding.hasErrors()) {
			// a region picked: the form again to pick it in (a value that cannot be bound is told first)
			return form(model, data, null);
		}
		// refused: the form again in the refusal's 4xx with the values as typed (kernel.FormSteps)
		return FormSteps.run(model, response, redirect, () -> {
			long id = enterprises.register(scope, data, false, FormBinding.errors(binding, EnterpriseData.class, LABELS, LocalDate.now(clock)));
			return new PageSteps.Done("已登记企业“" + Text.strip(data.legalName()) + "”", "/registry/enterprises/" + id);
		}, () -> form(model, data, null));
	}

	@GetMapping("/registry/enterprises/{id}/edit")
	@PreAuthorize(RegistryAccess.WRITERS)
	String initUpdateForm(DataScope scope, @PathVariable long id, Model model) {
		EnterpriseView e = enterprises.get(scope, id);
		return form(model, new EnterpriseData(e.legalName(), e.creditCode(), e.type(), e.brandId(), e.legalRepresentative(),
				e.address(), e.regionCode(), e.contactName(), ""), id);
	}

	@PostMapping("/registry/enterprises/{id}/edit")
	@PreAuthorize(RegistryAccess.WRITERS)
	String processUpdateForm(DataScope scope, @PathVariable long id, @ModelAttribute EnterpriseData data,
			BindingResult binding, @RequestParam(name = RegionPicker.PICK, required = false) String regionPick, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (regionPick != null && !binding.hasErrors()) {
			// a region picked: the form again to pick it in (a value that cannot be bound is told first)
			return form(model, data, id);
		}
		return FormSteps.run(model, response, redirect, () -> {
			enterprises.update(scope, id, data, FormBinding.errors(binding, EnterpriseData.class, LABELS, LocalDate.now(clock)));
			return new PageSteps.Done("已保存", "/registry/enterprises/" + id);
		}, () -> form(model, data, id));
	}

	@PostMapping("/registry/enterprises/{id}/{action:suspend|resume|cancel}")
	@PreAuthorize(RegistryAccess.WRITERS)
	String changeStatus(DataScope scope, @PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		String here = "/registry/enterprises/" + id;
		return PageSteps.run(redirect, here, () -> {
			switch (action) {
				case "suspend" -> enterprises.suspend(scope, id, reason);
				case "resume" -> enterprises.resume(scope, id);
				default -> enterprises.cancel(scope, id, reason);
			}
			EnterpriseView e = enterprises.get(scope, id);
			return new PageSteps.Done("企业“" + e.legalName() + "”状态已改为“" + e.status().label() + "”", here);
		});
	}

	private String form(Model model, EnterpriseData data, Long id) {
		model.addAttribute("form", data);
		model.addAttribute("enterpriseId", id);
		model.addAttribute("brands", brands.all());
		model.addAttribute("types", EnterpriseType.values());
		return "registry/enterprise-form";
	}

}
