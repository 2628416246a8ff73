package org.youguan.registry.internal.branches;

import java.util.List;
import java.util.function.Function;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.region.Regions;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.CaseRoles;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.CurrentUser;
import org.youguan.region.RegionPicker;
import org.youguan.registry.BranchData;
import org.youguan.registry.BranchView;
import org.youguan.registry.CityMatters;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Branches;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Licences;
import org.youguan.registry.internal.RegistryAccess;

/**
 * Branches (分支机构) with the late-filing flag: list, detail with history and correction; a branch is filed in the
 * licensing module's 分支机构备案, which the register follows through {@code registry.BranchFiled}.
 */
@Controller
class BranchController {

	/**
	 * The export's columns; {@code place} names a row's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区长桥街道), never
	 * a county's or street's name alone nor a bare code.
	 */
	static List<Column<BranchView>> columns(Function<String, String> place) {
		return List.of(Column.of("分支机构名称", BranchView::name, 36),
			Column.of("所属企业", BranchView::enterpriseName, 30), Column.of("行政区划代码", BranchView::regionCode, 12),
			Column.of("所在地", row -> place.apply(row.regionCode())), Column.of("地址", BranchView::address, 30),
			Column.of("负责人", BranchView::headName, 10), Column.of("营业执照日期", BranchView::businessLicenceDate, 12),
			Column.of("备案日期", BranchView::filedOn, 12), Column.of("逾期备案", BranchView::filedLate, 8));
	}

	private final Branches branches;

	private final Licences licences;

	private final AuditTrail audit;

	private final Spreadsheets spreadsheets;

	private final Enterprises enterprises;

	/** Whose staff the 备案 button leads to licensing's paper filing form: the bureaus that take it. */
	private final CityMatters cities;

	private final Regions regions;

	BranchController(Branches branches, Licences licences, Enterprises enterprises, Spreadsheets spreadsheets,
			AuditTrail audit, CityMatters cities, Regions regions) {
		this.cities = cities;
		this.regions = regions;
		this.branches = branches;
		this.enterprises = enterprises;
		this.licences = licences;
		this.audit = audit;
		this.spreadsheets = spreadsheets;
	}

	@GetMapping("/registry/branches")
	String list(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest list,
			@RequestParam(required = false) Boolean late, Model model) {
		PageQuery query = list.toPage();
		var result = branches.list(scope, late, query);
		model.addAttribute("result", result);
		model.addAttribute("query", query);
		// a county's branch of a city-level company: the company's page is the city's (404 here), named without a link
		model.addAttribute("openEnterprises", enterprises.readable(scope,
				result.items().stream().map(BranchView::enterpriseId).distinct().toList()).keySet());
		// the 备案 button leads to licensing's paper filing form: shown only to those it takes a filing from — a handler
		// (处室工作人员) of a bureau that takes its city's matters (licensing's BranchFilings.offersForm, whose rule
		// CityMatters#takesOwnCity is): a county's staff and an administrator without the role would be refused there (403)
		model.addAttribute("canFile", me != null && me.caseHandler() && cities.takesOwnCity(me.scope()));
		return "registry/branches";
	}

	@GetMapping("/registry/branches/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest list, @RequestParam(required = false) Boolean late) {
		var rows = branches.list(scope, late, list.toExport()).items();
		return Downloads.xlsx(ExportNames.of("分支机构", scope), spreadsheets.write("分支机构", columns(regions.fullNames()), rows));
	}

	@GetMapping("/registry/branches/{id:\\d+}")
	String show(DataScope scope, @PathVariable long id, Model model) {
		BranchView branch = branches.get(scope, id);
		model.addAttribute("branch", branch);
		// the enterprise's and the licence's pages answer by their own scope rule: linked only where they open
		model.addAttribute("enterpriseOpens", !enterprises.readable(scope, List.of(branch.enterpriseId())).isEmpty());
		model.addAttribute("licenceOpens", branch.licenceId() != null
				&& !licences.readable(scope, List.of(branch.licenceId())).isEmpty());
		model.addAttribute("history", audit.history(scope, "Branch", id));
		return "registry/branch";
	}

	/**
	 * Branches are filed in the licensing procedure (分支机构备案); the old address leads there — for those who may use that
	 * form (licensing's applicants, {@link CaseRoles#HANDLERS_OR_ENTERPRISE}: a 处室工作人员, and an enterprise filing its
	 * own branch); others 403 here as the filing's own GET and POST refuse them — an administrator is not let through
	 * to a form whose post refuses it, nor a county's staff, whose bureau takes no paper filing
	 * ({@link CityMatters#requireOwnCity}: 403 naming the bureau that takes its city's, as the form itself answers).
	 */
	@GetMapping("/registry/branches/new")
	@PreAuthorize(CaseRoles.HANDLERS_OR_ENTERPRISE)
	String initCreateForm(DataScope scope) {
		cities.requireOwnCity(scope, "分支机构备案");
		return "redirect:/licensing/branch-filings/new";
	}

	@GetMapping("/registry/branches/{id}/edit")
	@PreAuthorize(RegistryAccess.WRITERS)
	String initUpdateForm(DataScope scope, @PathVariable long id, Model model) {
		model.addAttribute("branch", branches.get(scope, id));
		model.addAttribute("branchId", id);
		return "registry/branch-form";
	}

	/**
	 * Corrects a branch of the register (its licence named by its number); filing a new branch is the licensing
	 * module's 分支机构备案.
	 */
	@PostMapping("/registry/branches/{id}/edit")
	@PreAuthorize(RegistryAccess.WRITERS)
	String processForm(DataScope scope, @PathVariable long id, @RequestParam(required = false) String licenceNumber,
			@RequestParam String name, @RequestParam String regionCode, @RequestParam String address,
			@RequestParam String headName, @RequestParam(required = false) String businessLicenceDate,
			@RequestParam(required = false) String filedOn,
			@RequestParam(name = RegionPicker.PICK, required = false) String regionPick, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (regionPick != null) {
			model.addAttribute("branchId", id);
			return "registry/branch-form";
		}
		// refused: the form again in the refusal's 4xx with the values as typed (kernel.FormSteps)
		return FormSteps.run(model, response, redirect, () -> {
			Validation v = new Validation();
			var licenceDate = v.date("businessLicenceDate", "营业执照日期", businessLicenceDate);
			var filed = v.date("filedOn", "备案日期", filedOn);
			long enterpriseId = branches.get(scope, id).enterpriseId();
			Long licenceId = null;
			if (licenceNumber != null && !Text.isBlank(licenceNumber)) {
				licenceId = licences.findByNumber(scope, licenceNumber).map(LicenceView::id).orElse(null);
				v.require("licenceNumber", licenceId != null, "exists", Wording.of("import.refused.noLicenceInScope"), "辖区内没有该编号的许可证");
			}
			v.throwIfInvalid();
			BranchData data = new BranchData(enterpriseId, licenceId, name, regionCode, address, headName, licenceDate, filed);
			branches.update(scope, id, data);
			return new PageSteps.Done("已保存", "/registry/branches/" + id);
		}, () -> {
			model.addAttribute("branchId", id);
			return "registry/branch-form";
		});
	}
}
