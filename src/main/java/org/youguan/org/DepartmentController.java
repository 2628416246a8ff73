package org.youguan.org;

import java.util.List;

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
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;

/**
 * Department (处室) management within the administrator's scope.
 */
@Controller
class DepartmentController {

	static final List<Column<DepartmentView>> COLUMNS = List.of(Column.of("所属机构", DepartmentView::bureauName, 30),
			Column.of("处室名称", DepartmentView::name, 24), Column.of("职责", DepartmentView::duties, 40),
			Column.of("排序", DepartmentView::sortOrder, 8), Column.of("启用", DepartmentView::active, 8),
			Column.of("用户数", DepartmentView::users, 8));

	private final Departments departments;

	private final Bureaus bureaus;

	private final AuditTrail audit;

	private final Spreadsheets spreadsheets;

	DepartmentController(Departments departments, Bureaus bureaus, AuditTrail audit, Spreadsheets spreadsheets) {
		this.departments = departments;
		this.bureaus = bureaus;
		this.audit = audit;
		this.spreadsheets = spreadsheets;
	}

	@GetMapping("/admin/departments")
	String list(DataScope scope, ListRequest request, @RequestParam(required = false) Long bureau, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", departments.list(scope, bureau, query));
		model.addAttribute("query", query);
		model.addAttribute("bureaus", bureaus.all(scope));
		return "org/departments";
	}

	@GetMapping("/admin/departments/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request, @RequestParam(required = false) Long bureau) {
		var rows = departments.list(scope, bureau, request.toExport()).items();
		return Downloads.xlsx("处室.xlsx", spreadsheets.write("处室", COLUMNS, rows));
	}

	@GetMapping("/admin/departments/new")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String initCreateForm(DataScope scope, @RequestParam(required = false) Long bureau, Model model) {
		return form(scope, model, null, bureau, "", "", 0);
	}

	@PostMapping("/admin/departments/new")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String processCreateForm(DataScope scope, @RequestParam(required = false) Long bureauId, @RequestParam String name,
			@RequestParam(required = false) String duties, @RequestParam(defaultValue = "0") int sortOrder, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		// refused: the form again in the refusal's 4xx with the values as typed (kernel.FormSteps)
		return FormSteps.run(model, response, redirect, () -> {
			if (bureauId == null) {
				throw new InvalidValueException("bureauId", "required", "请选择所属机构");
			}
			departments.create(scope, bureauId, name, duties, sortOrder);
			return new PageSteps.Done("已新建处室“" + Text.strip(name) + "”", "/admin/departments?bureau=" + bureauId);
		}, () -> form(scope, model, null, bureauId, name, duties, sortOrder));
	}

	@GetMapping("/admin/departments/{id}/edit")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String initUpdateForm(DataScope scope, @PathVariable long id, Model model) {
		DepartmentView d = departments.get(scope, id);
		model.addAttribute("history", audit.history(scope, "Department", id));
		model.addAttribute("department", d);
		return form(scope, model, id, d.bureauId(), d.name(), d.duties(), d.sortOrder());
	}

	@PostMapping("/admin/departments/{id}/edit")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String processUpdateForm(DataScope scope, @PathVariable long id, @RequestParam String name,
			@RequestParam(required = false) String duties, @RequestParam(defaultValue = "0") int sortOrder, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, "/admin/departments/" + id + "/edit", "已保存",
				() -> departments.update(scope, id, name, duties, sortOrder), () -> {
					DepartmentView d = departments.get(scope, id);
					model.addAttribute("department", d);
					model.addAttribute("history", audit.history(scope, "Department", id));
					return form(scope, model, id, d.bureauId(), name, duties, sortOrder);
				});
	}

	@PostMapping("/admin/departments/{id}/{transition:deactivate|activate}")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String transition(DataScope scope, @PathVariable long id, @PathVariable String transition,
			RedirectAttributes redirect) {
		boolean deactivate = transition.equals("deactivate");
		return PageSteps.run(redirect, "/admin/departments/" + id + "/edit", deactivate ? "处室已停用" : "处室已启用", () -> {
			if (deactivate) {
				departments.deactivate(scope, id);
			}
			else {
				departments.activate(scope, id);
			}
		});
	}

	private String form(DataScope scope, Model model, Long id, Long bureauId, String name, String duties, int sortOrder) {
		model.addAttribute("departmentId", id);
		model.addAttribute("bureauId", bureauId);
		model.addAttribute("name", name);
		model.addAttribute("duties", duties);
		model.addAttribute("sortOrder", sortOrder);
		model.addAttribute("bureaus", bureaus.all(scope));
		return "org/department-form";
	}
}
