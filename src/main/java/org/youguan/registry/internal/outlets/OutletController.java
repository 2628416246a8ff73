package org.youguan.registry.internal.outlets;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

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
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormBinding;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.region.RegionPicker;
import org.youguan.region.Regions;
import org.youguan.registry.Brands;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletData;
import org.youguan.registry.OutletForm;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;
import org.youguan.registry.internal.RegistryAccess;

/**
 * Terminal outlets: search ("中通 吴中", "菜鸟驿站"), filters, export, detail with history, staff registration and
 * correction, closure.
 */
@Controller
class OutletController {

	/**
	 * The register's export columns; {@code place} names an outlet's region in full ({@link Regions#fullNames}:
	 * 江苏省苏州市吴中区长桥街道) — a street's name alone (长桥街道) is ambiguous in a city-wide list.
	 */
	static List<Column<OutletView>> columns(Function<String, String> place) {
		return List.of(Column.of("网点名称", OutletView::name, 30),
			Column.of("品牌", OutletView::brandName, 10), Column.of("运营企业", OutletView::enterpriseName, 30),
			Column.of("合作方式", o -> SheetWord.of(o.cooperationLabel()), 8), Column.of("地址", OutletView::address, 40),
			Column.of("行政区划代码", OutletView::regionCode, 14), Column.of("所在地", o -> place.apply(o.regionCode()), 30),
			Column.of("负责人", OutletView::managerName, 10), Column.of("负责人身份证号", OutletView::managerIdMasked, 22),
			Column.of("负责人电话", OutletView::managerPhoneMasked, 14), Column.of("场地面积（㎡）", OutletView::storageArea, 10),
			Column.of("五项设施齐全", OutletView::facilitiesComplete, 10), Column.of("开办日期", OutletView::openedOn, 12),
			Column.of("备案编号", OutletView::filingNumber, 26), Column.of("状态", o -> o.status(), 8),
			Column.of("关闭日期", OutletView::closedOn, 12), Column.of("关闭原因", OutletView::closedReasonShown, 30));
	}

	private final Outlets outlets;

	private final Regions regions;

	private final Brands brands;

	private final Enterprises enterprises;

	private final AuditTrail audit;

	private final Spreadsheets spreadsheets;

	/** The application's clock: today (China time) for the form's bounds. */
	private final Clock clock;

	OutletController(Outlets outlets, Brands brands, Enterprises enterprises, AuditTrail audit, Spreadsheets spreadsheets,
			Clock clock, Regions regions) {
		this.regions = regions;
		this.clock = clock;
		this.outlets = outlets;
		this.enterprises = enterprises;
		this.brands = brands;
		this.audit = audit;
		this.spreadsheets = spreadsheets;
	}

	@GetMapping("/registry/outlets")
	String list(DataScope scope, ListRequest list, @RequestParam(required = false) Long brand,
			@RequestParam(required = false) OutletStatus status, @RequestParam(required = false) String region,
			@RequestParam(required = false) String cooperation, Model model) {
		PageQuery query = list.toPage();
		model.addAttribute("result", outlets.browse(scope, new Outlets.Filter(brand, status, blank(region), blank(cooperation)), query));
		model.addAttribute("query", query);
		model.addAttribute("brands", brands.all());
		model.addAttribute("statuses", OutletStatus.values());
		model.addAttribute("cooperationTypes", outlets.cooperationTypes());
		return "registry/outlets";
	}

	@GetMapping("/registry/outlets/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest list, @RequestParam(required = false) Long brand,
			@RequestParam(required = false) OutletStatus status, @RequestParam(required = false) String region,
			@RequestParam(required = false) String cooperation) {
		var rows = outlets.list(scope, new Outlets.Filter(brand, status, blank(region), blank(cooperation)),
				list.toExport()).items();
		return Downloads.xlsx(ExportNames.of("末端网点", scope), spreadsheets.write("末端网点", columns(regions.fullNames()), rows));
	}

	@GetMapping("/registry/outlets/{id:\\d+}")
	String show(DataScope scope, @PathVariable long id, Model model) {
		var outlet = outlets.get(scope, id);
		model.addAttribute("outlet", outlet);
		// a county's outlet of a city-level company: the company's page is the city's (404 here), named without a link
		model.addAttribute("enterpriseOpens", enterprises.find(scope, outlet.enterpriseId()).isPresent());
		model.addAttribute("closureReasons", Outlets.CLOSURE_REASONS);
		model.addAttribute("history", audit.history(scope, "TerminalOutlet", id));
		return "registry/outlet";
	}

	@GetMapping("/registry/outlets/new")
	@PreAuthorize(RegistryAccess.WRITERS)
	String initCreateForm(Model model) {
		return form(model, OutletForm.empty(), null);
	}

	/**
	 * Registers an outlet found on inspection or reported outside the portal: pending (the operator must file it), or
	 * filed under the number it was given before YouGuan.
	 */
	@PostMapping("/registry/outlets/new")
	@PreAuthorize(RegistryAccess.WRITERS)
	String processCreateForm(DataScope scope, @ModelAttribute OutletForm form, BindingResult binding,
			@RequestParam(required = false) String creditCode,
			@RequestParam(required = false) String filingNumber,
			@RequestParam(name = RegionPicker.PICK, required = false) String regionPick, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (regionPick != null) {
			return form(model, form, null);
		}
		// refused: the form again in the refusal's 4xx with the values as typed (kernel.FormSteps)
		return FormSteps.run(model, response, redirect, () -> {
			// a check box or other bound value that cannot be read is told with every other error (kernel.FormBinding)
			Validation v = Validation.after(FormBinding.errors(binding, OutletForm.class, OutletForm.LABELS, LocalDate.now(clock)));
			long operator = enterprises.idInScope(scope, creditCode, "creditCode");
			OutletData data = form.toData(operator, v);
			v.throwIfInvalid();
			long id = outlets.registerOnRecord(scope, data, filingNumber);
			return new PageSteps.Done("已登记网点“" + Text.strip(form.name()) + "”", "/registry/outlets/" + id);
		}, () -> form(model, form, null));
	}

	@GetMapping("/registry/outlets/{id}/edit")
	@PreAuthorize(RegistryAccess.WRITERS)
	String initUpdateForm(DataScope scope, @PathVariable long id, Model model) {
		return form(model, OutletForm.of(outlets.get(scope, id)), id);
	}

	@PostMapping("/registry/outlets/{id}/edit")
	@PreAuthorize(RegistryAccess.WRITERS)
	String processUpdateForm(DataScope scope, @PathVariable long id, @ModelAttribute OutletForm form, BindingResult binding,
			@RequestParam(name = RegionPicker.PICK, required = false) String regionPick, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (regionPick != null) {
			return form(model, form, id);
		}
		return FormSteps.run(model, response, redirect, () -> {
			// a check box or other bound value that cannot be read is told with every other error (kernel.FormBinding)
			Validation v = Validation.after(FormBinding.errors(binding, OutletForm.class, OutletForm.LABELS, LocalDate.now(clock)));
			OutletData data = form.toData(0, v);
			v.throwIfInvalid();
			outlets.correct(scope, id, data);
			return new PageSteps.Done("已更正网点登记信息", "/registry/outlets/" + id);
		}, () -> form(model, form, id));
	}

	private String form(Model model, OutletForm form, Long id) {
		model.addAttribute("form", form);
		model.addAttribute("outletId", id);
		model.addAttribute("cooperationTypes", outlets.cooperationTypes());
		if (id != null) {
			model.addAttribute("keepManager", true);
		}
		return "registry/outlet-form";
	}

	/** The bureau closes an outlet for the reason chosen from {@link Outlets#CLOSURE_REASONS} or written ({@code reason}). */
	@PostMapping("/registry/outlets/{id}/close")
	@PreAuthorize(RegistryAccess.WRITERS)
	String close(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		String here = "/registry/outlets/" + id;
		return PageSteps.run(redirect, here, () -> {
			outlets.close(scope, id, reason);
			return new PageSteps.Done("网点“" + outlets.get(scope, id).name() + "”已关闭：" + outlets.get(scope, id).closedReason(), here);
		});
	}

	private static String blank(String s) {
		return s == null || Text.isBlank(s) ? null : Text.strip(s);
	}
}
