package org.youguan.org;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

/**
 * The roles, what each may do, and how many users in scope hold it. Roles are granted on the user page.
 */
@Controller
class RoleController {

	private final Users users;

	RoleController(Users users) {
		this.users = users;
	}

	record RoleRow(Role role, long users) {
	}

	@GetMapping("/admin/roles")
	String list(DataScope scope, Model model) {
		List<RoleRow> rows = Arrays.stream(Role.values())
			.map(r -> new RoleRow(r, users.list(scope, new Users.Filter(null, r, null), new PageQuery("", 0, 1, null, false))
				.total()))
			.toList();
		model.addAttribute("rows", rows);
		return "org/roles";
	}
}
