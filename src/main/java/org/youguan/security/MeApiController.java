package org.youguan.security;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.org.BureauLevel;
import org.youguan.org.CurrentUser;
import org.youguan.org.Role;

/**
 * Who the caller is.
 */
@RestController
@Tag(name = "账户", description = "当前调用者")
class MeApiController {

	record BureauInfo(Long id, String name, String regionCode, BureauLevel level) {
	}

	record DepartmentInfo(Long id, String name) {
	}

	record Me(String username, String displayName, String kind, BureauInfo bureau, DepartmentInfo department,
			String enterpriseCreditCode, List<String> roles) {
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "当前用户", description = "返回调用者的用户名、所属机构（名称、行政区划代码、层级）、处室和角色。")
	Me me(@AuthenticationPrincipal CurrentUser user) {
		return new Me(user.getUsername(), user.displayName(), user.kind().name(),
				user.bureauId() == null ? null
						: new BureauInfo(user.bureauId(), user.bureauName(), user.regionCode(), user.bureauLevel()),
				user.departmentId() == null ? null : new DepartmentInfo(user.departmentId(), user.departmentName()),
				user.enterpriseCreditCode(), user.roles().stream().sorted().map(Role::name).toList());
	}
}
