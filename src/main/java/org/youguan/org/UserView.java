package org.youguan.org;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A user as lists and pages show it (phone masked).
 *
 * @param locked whether the account itself is locked (consecutive wrong passwords from all addresses)
 * @param failedAttempts consecutive wrong passwords since the last success or unlock: five from one address pause that
 *        address for the account (the security module's sign-in throttle) without locking the account
 * @param pausedAtAnAddress whether wrong passwords pause the account now at some client address — which a success
 *        elsewhere does not lift (its {@code failedAttempts} may be 0)
 */
public record UserView(long id, String username, String displayName, UserKind kind, Long bureauId, String bureauName,
		Long departmentId, String departmentName, String enterpriseCreditCode, String regionCode, String phoneMasked,
		Set<Role> roles, boolean enabled, boolean locked, boolean mustChangePassword, boolean demo,
		OffsetDateTime lastLoginAt, OffsetDateTime createdAt, int failedAttempts, boolean pausedAtAnAddress) {

	/**
	 * Whether an administrator's 解除锁定 has something to lift: the account's lock, wrong passwords that may pause
	 * it at the address they came from, or a pause at an address.
	 */
	public boolean unlockable() {
		return locked || failedAttempts > 0 || pausedAtAnAddress;
	}

	/** This view with {@code pausedAtAnAddress} as given. */
	UserView pausedAtAnAddress(boolean paused) {
		return new UserView(id, username, displayName, kind, bureauId, bureauName, departmentId, departmentName,
				enterpriseCreditCode, regionCode, phoneMasked, roles, enabled, locked, mustChangePassword, demo,
				lastLoginAt, createdAt, failedAttempts, paused);
	}

	/**
	 * The roles in their catalogue's order, as a page ({@code @labels.of}) and the export word them in the reader's
	 * language, joined by 、 in Chinese.
	 */
	public List<Role> sortedRoles() {
		return roles.stream().sorted().toList();
	}
}
