package org.youguan.org;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FormBinding;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.region.RegionPicker;

/**
 * Bureau management: list, detail with history, create and edit (system administrators).
 */
@Controller
class BureauController {

	static final List<Column<BureauView>> COLUMNS = List.of(Column.of("机构名称", BureauView::name, 30),
			Column.of("简称", BureauView::shortName), Column.of("层级", b -> b.level(), 10),
			Column.of("行政区划代码", BureauView::regionCode, 12), Column.of("行政区划", BureauView::regionName),
			Column.of("上级机构", BureauView::parentName, 30), Column.of("地址", BureauView::address, 30),
			Column.of("电话", BureauView::phone), Column.of("处室数", BureauView::departments, 8),
			Column.of("用户数", BureauView::users, 8), Column.of("演示数据", BureauView::demo, 8));

	private final Bureaus bureaus;

	private final AuditTrail audit;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	BureauController(Bureaus bureaus, AuditTrail audit, Spreadsheets spreadsheets, Clock clock) {
		this.clock = clock;
		this.bureaus = bureaus;
		this.audit = audit;
		this.spreadsheets = spreadsheets;
	}

	@GetMapping("/admin/bureaus")
	String list(DataScope scope, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", bureaus.list(scope, query));
		model.addAttribute("query", query);
		// 新建 only where the caller may create some bureau: a county's administrator has no region below its own
		model.addAttribute("createsAny", Bureaus.createsAny(scope));
		return "org/bureaus";
	}

	@GetMapping("/admin/bureaus/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request) {
		var rows = bureaus.list(scope, request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("机构", scope), spreadsheets.write("机构", COLUMNS, rows));
	}

	@GetMapping("/admin/bureaus/{id}")
	String show(DataScope scope, @PathVariable long id, Model model) {
		model.addAttribute("bureau", bureaus.get(scope, id));
		model.addAttribute("history", audit.history(scope, "Bureau", id));
		return "org/bureau";
	}

	@GetMapping("/admin/bureaus/new")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	String initCreateForm(DataScope scope, Model model) {
		return form(scope, model, new BureauData("", "", null, "", null, "", ""), null);
	}

	@PostMapping("/admin/bureaus/new")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	String processCreateForm(DataScope scope, @ModelAttribute("bureauForm") BureauData form, BindingResult binding,
			@RequestParam(name = RegionPicker.PICK, required = false) String regionPick, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		BureauData data = form == null ? EMPTY : form;
		if (regionPick != null) {
			return form(scope, model, data, null);
		}
		// refused: the form again in the refusal's 4xx with the values as typed (kernel.FormSteps); a level or parent
		// that cannot be read told with every other bad field at once (kernel.FormBinding), after the region's access
		return FormSteps.run(model, response, redirect, () -> {
			long id = bureaus.create(scope, data, errors(binding));
			return new PageSteps.Done("已新建机构“" + Text.strip(data.name()) + "”", "/admin/bureaus/" + id);
		}, () -> form(scope, model, data, null));
	}

	@GetMapping("/admin/bureaus/{id}/edit")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	String initUpdateForm(DataScope scope, @PathVariable long id, Model model) {
		BureauView b = bureaus.get(scope, id);
		return form(scope, model, new BureauData(b.name(), b.shortName(), b.level(), b.regionCode(), b.parentId(),
				b.address(), b.phone()), id);
	}

	/**
	 * Saves the fields an edit may change (name, short name, parent, address, telephone); the level and the region define
	 * the bureau and are the stored ones — what the post carries in their hidden fields is neither checked nor saved. A
	 * refused edit shows the form again as typed for correction, the refusal listed at the top naming its field, with the
	 * stored level and region, as every form shows back what its record fixes (the user form its username and kind):
	 * never a region the edit did not check.
	 */
	@PostMapping("/admin/bureaus/{id}/edit")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	String processUpdateForm(DataScope scope, @PathVariable long id, @ModelAttribute("bureauForm") BureauData form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		BureauView stored = bureaus.get(scope, id);
		BureauData data = form == null ? EMPTY : form;
		BureauData typed = new BureauData(data.name(), data.shortName(), stored.level(), stored.regionCode(), data.parentId(),
				data.address(), data.phone());
		// the stored level is the edit's: a level posted that cannot be read is no failure of the edit
		List<FieldError> unread = errors(binding).stream().filter(e -> !e.field().equals("level")).toList();
		return FormSteps.run(model, response, redirect, "/admin/bureaus/" + id, "已保存",
				() -> bureaus.update(scope, id, typed, unread), () -> form(scope, model, typed, id));
	}

	/** A form posted with nothing that could be bound. */
	private static final BureauData EMPTY = new BureauData(null, null, null, null, null, null, null);

	/** The labels of the bureau form's fields, naming a value that cannot be bound. */
	static final Map<String, String> LABELS = Map.of("name", "机构名称", "shortName", "简称", "level", "机构层级",
			"regionCode", "行政区划", "parentId", "上级机构", "address", "地址", "phone", "电话");

	/** The form's values that could not be bound ({@link FormBinding#errors}), each named by its label and rule. */
	private List<FieldError> errors(BindingResult binding) {
		return FormBinding.errors(binding, BureauData.class, LABELS, LocalDate.now(clock));
	}

	private String form(DataScope scope, Model model, BureauData data, Long id) {
		model.addAttribute("form", data);
		model.addAttribute("bureauId", id);
		model.addAttribute("levels", BureauLevel.values());
		List<BureauView> parents = new ArrayList<>(bureaus.all(scope).stream().filter(b -> id == null || b.id() != id).toList());
		// the caller's own bureau keeps its parent above the caller's scope, which it may not change: shown, so kept
		Long parentNow = id == null ? null : bureaus.get(scope, id).parentId();
		if (parentNow != null && parents.stream().noneMatch(p -> p.id() == parentNow)) {
			bureaus.find(DataScope.all(), parentNow).ifPresent(p -> parents.add(0, p));
		}
		model.addAttribute("parents", parents);
		return "org/bureau-form";
	}
}
