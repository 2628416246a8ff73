package org.youguan.org;

import java.util.Set;

/**
 * What an administrator enters for a user. Staff users name a bureau and optionally a department; enterprise users
 * name their enterprise's 统一社会信用代码 — the account's region is the registered enterprise's, never typed.
 */
public record UserData(String username, String displayName, UserKind kind, Long bureauId, Long departmentId,
		String enterpriseCreditCode, String phone, Set<Role> roles) {
}
