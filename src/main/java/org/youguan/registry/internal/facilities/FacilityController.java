package org.youguan.registry.internal.facilities;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.region.RegionPicker;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityData;
import org.youguan.registry.FacilityKind;
import org.youguan.registry.FacilityStatus;
import org.youguan.registry.FacilityView;
import org.youguan.registry.internal.RegistryAccess;

/**
 * Facility registers: one list per kind (search, status, sort, paging, export), detail with history, forms, status.
 */
@Controller
class FacilityController {

	/**
	 * The export's columns; {@code place} names a row's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区长桥街道), never
	 * a county's or street's name alone nor a bare code.
	 */
	static List<Column<FacilityView>> columns(Function<String, String> place) {
		return List.of(Column.of("类型", f -> f.kind(), 16),
			Column.of("名称", FacilityView::name, 30), Column.of("所属企业", FacilityView::enterpriseName, 30),
			Column.of("行政区划代码", FacilityView::regionCode, 14), Column.of("所在地", row -> place.apply(row.regionCode())),
			Column.of("地址", FacilityView::address, 36), Column.of("格口数", FacilityView::compartments, 8),
			Column.of("设备序列号", FacilityView::serialNumber, 20), Column.of("服务内容", FacilityView::services, 30),
			Column.of("启用日期", FacilityView::commissionedOn, 12), Column.of("状态", f -> f.status(), 8));
	}

	private final Facilities facilities;

	private final AuditTrail audit;

	private final Spreadsheets spreadsheets;

	private final Enterprises enterprises;

	private final Regions regions;

	FacilityController(Facilities facilities, AuditTrail audit, Spreadsheets spreadsheets, Enterprises enterprises, Regions regions) {
		this.regions = regions;
		this.enterprises = enterprises;
		this.facilities = facilities;
		this.audit = audit;
		this.spreadsheets = spreadsheets;
	}

	@GetMapping("/registry/facilities")
	String list(DataScope scope, ListRequest list, @RequestParam(defaultValue = "POST_OFFICE") FacilityKind kind,
			@RequestParam(required = false) FacilityStatus status, Model model) {
		PageQuery query = list.toPage();
		model.addAttribute("result", facilities.list(scope, new Facilities.Filter(kind, status), query));
		model.addAttribute("query", query);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", FacilityKind.values());
		model.addAttribute("statuses", FacilityStatus.values());
		return "registry/facilities";
	}

	@GetMapping("/registry/facilities/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest list,
			@RequestParam(defaultValue = "POST_OFFICE") FacilityKind kind,
			@RequestParam(required = false) FacilityStatus status) {
		var rows = facilities.list(scope, new Facilities.Filter(kind, status), list.toExport()).items();
		return Downloads.xlsx(ExportNames.of(kind.label(), scope), spreadsheets.write(kind.label(), columns(regions.fullNames()), rows));
	}

	@GetMapping("/registry/facilities/{id:\\d+}")
	String show(DataScope scope, @PathVariable long id, Model model) {
		var facility = facilities.get(scope, id);
		model.addAttribute("facility", facility);
		// the holder's page answers by its own scope rule (a city-level holder's is the city's): linked only where it opens
		model.addAttribute("enterpriseOpens", enterprises.find(scope, facility.enterpriseId()).isPresent());
		model.addAttribute("history", audit.history(scope, "Facility", id));
		return "registry/facility";
	}

	@GetMapping("/registry/facilities/new")
	@PreAuthorize(RegistryAccess.WRITERS)
	String initCreateForm(DataScope scope, @RequestParam(defaultValue = "POST_OFFICE") FacilityKind kind, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("owners", owners(scope));
		return "registry/facility-form";
	}

	@PostMapping({ "/registry/facilities/new", "/registry/facilities/{id}/edit" })
	@PreAuthorize(RegistryAccess.WRITERS)
	String processForm(DataScope scope, @PathVariable(required = false) Long id, @RequestParam FacilityKind kind,
			@RequestParam(required = false) String enterpriseId, @RequestParam String name, @RequestParam String regionCode,
			@RequestParam String address, @RequestParam(required = false) String compartments,
			@RequestParam(required = false) String serialNumber, @RequestParam(required = false) String services,
			@RequestParam(required = false) String commissionedOn,
			@RequestParam(name = RegionPicker.PICK, required = false) String regionPick, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (regionPick != null) {
			return form(model, scope, kind, id);
		}
		// refused: the form again in the refusal's 4xx with the values as typed (kernel.FormSteps)
		return FormSteps.run(model, response, redirect, () -> {
			// what cannot be read is told with every other bad field of the form, and the owner's state after them
			// (Facilities#register)
			Validation v = new Validation();
			Long owner = v.whole("enterpriseId", "所属企业", enterpriseId, 1, Long.MAX_VALUE, "即企业编号，请从列表中选择");
			v.require("enterpriseId", owner != null || v.errors().stream().anyMatch(e -> e.field().equals("enterpriseId")),
					"required", Wording.of("refusal.please.57"), "请选择所属企业");
			Long slots = v.whole("compartments", "格口数", compartments, 1, Facilities.MAX_COMPARTMENTS, null);
			LocalDate since = v.date("commissionedOn", "启用日期", commissionedOn, Facilities.EARLIEST_COMMISSIONED,
					Validation.LATEST_RECORD);
			FacilityData data = new FacilityData(kind, name, owner == null ? 0 : owner, regionCode, address,
					slots == null ? null : slots.intValue(), serialNumber, services, since);
			long saved = id == null ? facilities.register(scope, data, false, v.errors()) : update(scope, id, data, v.errors());
			return new PageSteps.Done("已保存", "/registry/facilities/" + saved);
		}, () -> form(model, scope, kind, id));
	}

	/** The facility form again as posted (a region picked, or a refusal): its kind and the facility it edits. */
	private String form(Model model, DataScope scope, FacilityKind kind, Long id) {
		model.addAttribute("kind", kind);
		model.addAttribute("facilityId", id);
		model.addAttribute("owners", owners(scope));
		if (id != null) {
			model.addAttribute("facility", facilities.get(scope, id));
		}
		return "registry/facility-form";
	}

	/**
	 * The enterprises a new facility may belong to, as the form's select offers them: those of the caller's region not
	 * cancelled, by name ({@link Facilities#register} refuses any other).
	 */
	private List<EnterpriseView> owners(DataScope scope) {
		return enterprises.choosable(scope);
	}

	@GetMapping("/registry/facilities/{id}/edit")
	@PreAuthorize(RegistryAccess.WRITERS)
	String initUpdateForm(DataScope scope, @PathVariable long id, Model model) {
		FacilityView f = facilities.get(scope, id);
		model.addAttribute("facility", f);
		model.addAttribute("facilityId", id);
		model.addAttribute("kind", f.kind());
		return "registry/facility-form";
	}

	@PostMapping("/registry/facilities/{id}/{action:suspend|resume|remove}")
	@PreAuthorize(RegistryAccess.WRITERS)
	String changeStatus(DataScope scope, @PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		String here = "/registry/facilities/" + id;
		return PageSteps.run(redirect, here, () -> {
			switch (action) {
				case "suspend" -> facilities.suspend(scope, id, reason);
				case "resume" -> facilities.resume(scope, id);
				default -> facilities.remove(scope, id, reason);
			}
			FacilityView f = facilities.get(scope, id);
			return new PageSteps.Done("设施“" + f.name() + "”状态已改为“" + f.status().label() + "”", here);
		});
	}

	private long update(DataScope scope, long id, FacilityData data, List<FieldError> formErrors) {
		facilities.update(scope, id, data, formErrors);
		return id;
	}

}
