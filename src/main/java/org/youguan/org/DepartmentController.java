package org.youguan.org;

import java.time.Clock;
import java.time.LocalDate;
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
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FormBinding;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.kernel.WholeIn;

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

	private final Clock clock;

	DepartmentController(Departments departments, Bureaus bureaus, AuditTrail audit, Spreadsheets spreadsheets,
			Clock clock) {
		this.clock = clock;
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
		return Downloads.xlsx(ExportNames.of("处室", scope), spreadsheets.write("处室", COLUMNS, rows));
	}

	@GetMapping("/admin/departments/new")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String initCreateForm(DataScope scope, @RequestParam(required = false) Long bureau, Model model) {
		return form(scope, model, null, bureau, "", "", 0);
	}

	@PostMapping("/admin/departments/new")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String processCreateForm(DataScope scope, @ModelAttribute("departmentForm") DepartmentForm form, BindingResult binding,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		DepartmentForm typed = form == null ? DepartmentForm.EMPTY : form;
		// refused: the form again in the refusal's 4xx with the values as typed (kernel.FormSteps); a bureau or order
		// that cannot be read told with every other bad field at once (kernel.FormBinding)
		return FormSteps.run(model, response, redirect, () -> {
			departments.create(scope, typed.bureauId(), typed.name(), typed.duties(), typed.sortOrder(), errors(binding));
			return new PageSteps.Done("已新建处室“" + Text.strip(typed.name()) + "”", "/admin/departments?bureau=" + typed.bureauId());
		}, () -> form(scope, model, null, typed.bureauId(), typed.name(), typed.duties(), typed.sortOrder()));
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
	String processUpdateForm(DataScope scope, @PathVariable long id, @ModelAttribute("departmentForm") DepartmentForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		DepartmentForm typed = form == null ? DepartmentForm.EMPTY : form;
		return FormSteps.run(model, response, redirect, "/admin/departments/" + id + "/edit", "已保存",
				() -> departments.update(scope, id, typed.name(), typed.duties(), typed.sortOrder(), errors(binding)), () -> {
					DepartmentView d = departments.get(scope, id);
					model.addAttribute("department", d);
					model.addAttribute("history", audit.history(scope, "Department", id));
					return form(scope, model, id, d.bureauId(), typed.name(), typed.duties(), typed.sortOrder());
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

	/**
	 * The department form as posted: the bureau (on a new department; an edit keeps its own), the name, the duties and
	 * the display order, a value of the wrong shape bound as null and told by {@link #errors}.
	 */
	record DepartmentForm(Long bureauId, String name, String duties,
			@WholeIn(min = 0, max = Departments.MAX_SORT_ORDER) Integer sortOrder) {

		static final DepartmentForm EMPTY = new DepartmentForm(null, null, null, null);
	}

	/** The labels of the department form's fields, naming a value that cannot be bound. */
	static final Map<String, String> LABELS = Map.of("bureauId", "所属机构", "name", "处室名称", "duties", "职责",
			"sortOrder", "排序");

	/** The form's values that could not be bound ({@link FormBinding#errors}), each named by its label and rule. */
	private List<FieldError> errors(BindingResult binding) {
		return FormBinding.errors(binding, DepartmentForm.class, LABELS, LocalDate.now(clock));
	}

	private String form(DataScope scope, Model model, Long id, Long bureauId, String name, String duties, Integer sortOrder) {
		model.addAttribute("departmentId", id);
		model.addAttribute("bureauId", bureauId);
		model.addAttribute("name", name);
		model.addAttribute("duties", duties);
		model.addAttribute("sortOrder", sortOrder);
		model.addAttribute("bureaus", bureaus.all(scope));
		return "org/department-form";
	}
}
