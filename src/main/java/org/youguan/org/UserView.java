package org.youguan.org;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A user as lists and pages show it (phone masked).
 */
public record UserView(long id, String username, String displayName, UserKind kind, Long bureauId, String bureauName,
		Long departmentId, String departmentName, String enterpriseCreditCode, String regionCode, String phoneMasked,
		Set<Role> roles, boolean enabled, boolean locked, boolean mustChangePassword, boolean demo,
		OffsetDateTime lastLoginAt, OffsetDateTime createdAt) {

	public String rolesLabel() {
		return String.join("、", roles.stream().sorted().map(Role::label).toList());
	}
}
