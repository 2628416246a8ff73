package org.youguan.org;

import java.util.Set;

/**
 * What an administrator enters for a user. Staff users name a bureau and optionally a department; enterprise users
 * name their enterprise's credit code and region.
 */
public record UserData(String username, String displayName, UserKind kind, Long bureauId, Long departmentId,
		String enterpriseCreditCode, String enterpriseRegion, String phone, Set<Role> roles) {
}
