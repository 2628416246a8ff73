package org.youguan.org;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;

/**
 * Bureaus, departments and users over the API, within the caller's scope (phones masked).
 */
@RestController
@Tag(name = "机构与人员", description = "按调用者辖区返回")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER')")
class OrgApiController {

	private final Bureaus bureaus;

	private final Departments departments;

	private final Users users;

	OrgApiController(Bureaus bureaus, Departments departments, Users users) {
		this.bureaus = bureaus;
		this.departments = departments;
		this.users = users;
	}

	@GetMapping("/api/v1/bureaus")
	@Operation(summary = "机构列表")
	PageResult<BureauView> bureaus(DataScope scope, @ParameterObject ListRequest request) {
		return bureaus.list(scope, request.toPage());
	}

	@GetMapping("/api/v1/bureaus/{id}")
	@Operation(summary = "机构详情")
	BureauView bureau(DataScope scope, @PathVariable long id) {
		return bureaus.get(scope, id);
	}

	@GetMapping("/api/v1/departments")
	@Operation(summary = "处室列表")
	PageResult<DepartmentView> departments(DataScope scope, @RequestParam(required = false) Long bureau,
			@ParameterObject ListRequest request) {
		return departments.list(scope, bureau, request.toPage());
	}

	@GetMapping("/api/v1/users")
	@Operation(summary = "用户列表")
	PageResult<UserView> users(DataScope scope, @RequestParam(required = false) Long bureau,
			@RequestParam(required = false) Role role, @ParameterObject ListRequest request) {
		return users.list(scope, new Users.Filter(bureau, role, null), request.toPage());
	}

	@GetMapping("/api/v1/users/{id}")
	@Operation(summary = "用户详情")
	UserView user(DataScope scope, @PathVariable long id) {
		return users.get(scope, id);
	}
}
