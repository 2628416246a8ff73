package org.youguan.org;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.BearerToken;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FormBinding;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageFragment;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Wording;

/**
 * User management within the administrator's scope: list, detail with history, create, edit, reset password, unlock,
 * disable/enable.
 */
@Controller
class UserController {

	static final List<Column<UserView>> COLUMNS = List.of(Column.of("用户名", UserView::username),
			Column.of("姓名", UserView::displayName), Column.of("类型", u -> u.kind(), 10),
			Column.of("所属机构", UserView::bureauName, 28), Column.of("处室", UserView::departmentName, 20),
			Column.of("企业统一社会信用代码", UserView::enterpriseCreditCode, 22),
			Column.of("手机号码", UserView::phoneMasked, 14), Column.of("角色", UserView::sortedRoles, 24),
			Column.of("启用", UserView::enabled, 6), Column.of("锁定", UserView::locked, 6),
			Column.of("最近登录", UserView::lastLoginAt, 20), Column.of("创建时间", UserView::createdAt, 20));

	private final Users users;

	private final Bureaus bureaus;

	private final Departments departments;

	private final AuditTrail audit;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	UserController(Users users, Bureaus bureaus, Departments departments, AuditTrail audit, Spreadsheets spreadsheets,
			Clock clock) {
		this.clock = clock;
		this.users = users;
		this.bureaus = bureaus;
		this.departments = departments;
		this.audit = audit;
		this.spreadsheets = spreadsheets;
	}

	@GetMapping("/admin/users")
	String list(DataScope scope, ListRequest request, @RequestParam(required = false) Long bureau,
			@RequestParam(required = false) Role role, @RequestParam(required = false) UserKind kind, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", users.list(scope, new Users.Filter(bureau, role, kind), query));
		model.addAttribute("query", query);
		model.addAttribute("bureaus", bureaus.all(scope));
		model.addAttribute("roles", Role.values());
		model.addAttribute("kinds", UserKind.values());
		return "org/users";
	}

	@GetMapping("/admin/users/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request, @RequestParam(required = false) Long bureau,
			@RequestParam(required = false) Role role, @RequestParam(required = false) UserKind kind) {
		var rows = users.list(scope, new Users.Filter(bureau, role, kind), request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("用户", scope), spreadsheets.write("用户", COLUMNS, rows));
	}

	@GetMapping("/admin/users/{id}")
	String show(DataScope scope, @AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		UserView user = users.get(scope, id);
		model.addAttribute("user", user);
		model.addAttribute("manageable", me != null && Users.mayManage(me, user.roles()));
		model.addAttribute("history", audit.history(scope, "User", id));
		return "org/user";
	}

	@GetMapping("/admin/users/new")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String initCreateForm(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Long bureau,
			Model model) {
		return form(me, model, new UserData("", "", UserKind.STAFF, bureau, null, "", "", EnumSet.of(Role.STAFF)), null);
	}

	@PostMapping("/admin/users/new")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String processCreateForm(@AuthenticationPrincipal CurrentUser me, @ModelAttribute("userForm") UserData form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		UserData data = typed(form, null, null);
		// an API token may open an account (provisioning) but is never shown its temporary password: a token hands out
		// no sign-in; an administrator signed in on the page resets the password to give one
		boolean byToken = BearerToken.sent(request);
		// refused: the form again in the refusal's 4xx with the values as typed (kernel.FormSteps); a kind, bureau,
		// department or role that cannot be read told with every other bad field at once (kernel.FormBinding)
		return FormSteps.run(model, response, redirect, () -> {
			CreatedUser created = users.create(me, data, errors(binding));
			redirect.addFlashAttribute("secret", byToken
					? "用户 " + created.username() + " 已创建。临时密码不向API令牌显示，请管理员登录后在页面上重置密码"
					: "用户 " + created.username() + " 已创建。临时密码：" + created.temporaryPassword()
							+ "（仅显示一次，首次登录须修改）");
			return new PageSteps.Done(null, "/admin/users/" + created.id());
		}, () -> form(me, model, data, null));
	}

	@GetMapping("/admin/users/{id}/edit")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String initUpdateForm(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		UserView u = users.get(me.scope(), id);
		if (!Users.mayManage(me, u.roles())) {
			throw new AccessRefusedException(null, Wording.of("org.refusal.userHasHigherRoles", u.username()),
					"用户" + u.username() + "拥有您不具备的角色，您无权管理该账号");
		}
		return form(me, model, new UserData(u.username(), u.displayName(), u.kind(), u.bureauId(), u.departmentId(),
				u.enterpriseCreditCode(), "", u.roles()), id);
	}

	/**
	 * Saves an account's name, phone, placement and roles ({@link Users#update}); its username and kind are the stored
	 * ones, whatever the post carries. The account is found and judged manageable before any field is read.
	 */
	@PostMapping("/admin/users/{id}/edit")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String processUpdateForm(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@ModelAttribute("userForm") UserData form, BindingResult binding, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		UserView u = users.get(me.scope(), id);
		UserData data = typed(form, u.username(), u.kind());
		return FormSteps.run(model, response, redirect, "/admin/users/" + id, "已保存",
				() -> users.update(me, id, data, errors(binding)), () -> form(me, model, data, id));
	}

	/** The labels of the user form's fields, naming a value that cannot be bound ({@link FormBinding}). */
	static final Map<String, String> LABELS = Map.of("username", "用户名", "displayName", "姓名", "kind", "用户类型",
			"bureauId", "所属机构", "departmentId", "所属处室", "enterpriseCreditCode", "统一社会信用代码", "phone", "手机号码",
			"roles", "角色");

	/** The form's values that could not be bound ({@link FormBinding#errors}), each named by its label and rule. */
	private List<FieldError> errors(BindingResult binding) {
		return FormBinding.errors(binding, UserData.class, LABELS, LocalDate.now(clock));
	}

	/**
	 * The form as posted (a value that could not be bound null in it), no role checked as none; an edit's username and
	 * kind the stored ones.
	 */
	private static UserData typed(UserData form, String username, UserKind kind) {
		UserData f = form == null ? new UserData(null, null, null, null, null, null, null, null) : form;
		return new UserData(username == null ? f.username() : username, f.displayName(), kind == null ? f.kind() : kind,
				f.bureauId(), f.departmentId(), f.enterpriseCreditCode(), f.phone(), f.roles() == null ? Set.of() : f.roles());
	}

	@PostMapping("/admin/users/{id}/{action:reset-password|unlock|disable|enable}")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')")
	String act(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @PathVariable String action,
			RedirectAttributes redirect) {
		String here = "/admin/users/" + id;
		return PageSteps.run(redirect, here, () -> switch (action) {
			case "reset-password" -> {
				CreatedUser reset = users.resetPassword(me, id);
				redirect.addFlashAttribute("secret", "用户 " + reset.username() + " 的临时密码：" + reset.temporaryPassword()
						+ "（仅显示一次，登录后须修改）");
				yield new PageSteps.Done(null, here);
			}
			case "unlock" -> {
				users.unlock(me, id);
				yield new PageSteps.Done("已解除锁定", here);
			}
			case "disable" -> {
				users.disable(me, id);
				yield new PageSteps.Done("已停用", here);
			}
			default -> {
				users.enable(me, id);
				yield new PageSteps.Done("已启用", here);
			}
		});
	}

	private String form(CurrentUser me, Model model, UserData data, Long id) {
		DataScope scope = me.scope();
		model.addAttribute("form", data);
		model.addAttribute("grantable", Users.manageableRoles(me));
		model.addAttribute("userId", id);
		model.addAttribute("bureaus", bureaus.all(scope));
		model.addAttribute("departments", departmentsOf(scope, data.bureauId()));
		model.addAttribute("roles", Role.values());
		model.addAttribute("kinds", UserKind.values());
		return "org/user-form";
	}

	/**
	 * The active departments of a bureau in the caller's scope, for the form's choice; none for a bureau outside it
	 * ({@code /admin/users/new?bureau=1} as a county's administrator listed the province's departments — attack f8).
	 */
	private List<DepartmentView> departmentsOf(DataScope scope, Long bureauId) {
		return bureauId == null || bureaus.find(scope, bureauId).isEmpty() ? List.of() : departments.ofBureau(bureauId);
	}

	/** Department options of a bureau, swapped in by htmx when the bureau changes. */
	@GetMapping("/admin/users/departments")
	@PageFragment("/admin/users/new")
	String departmentOptions(DataScope scope, @RequestParam(required = false) Long bureauId, Model model) {
		model.addAttribute("departments", departmentsOf(scope, bureauId));
		model.addAttribute("selected", null);
		return "org/user-form :: departmentOptions";
	}
}
