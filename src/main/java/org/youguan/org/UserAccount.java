package org.youguan.org;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Masking;

/**
 * A person who signs in. Sign-in state (failures, lock, forced password change) changes only through the methods
 * here.
 */
@Table("user_account")
class UserAccount {

	@Id
	private Long id;

	private String username;

	private String displayName;

	private String passwordHash;

	private UserKind kind;

	private Long bureauId;

	private Long departmentId;

	private String enterpriseCreditCode;

	private String regionCode;

	private String phone;

	private boolean enabled;

	private boolean mustChangePassword;

	private int failedAttempts;

	private Instant lockedUntil;

	private Instant passwordChangedAt;

	private Instant lastLoginAt;

	private boolean demo;

	private Instant createdAt;

	@Version
	private Integer version;

	@MappedCollection(idColumn = "user_account")
	private Set<RoleGrant> roles = Set.of();

	UserAccount() {
	}

	static UserAccount create(String username, String displayName, UserKind kind, String passwordHash,
			boolean mustChangePassword, boolean demo, Instant now) {
		UserAccount u = new UserAccount();
		u.username = username;
		u.displayName = displayName;
		u.kind = kind;
		u.passwordHash = passwordHash;
		u.enabled = true;
		u.mustChangePassword = mustChangePassword;
		u.demo = demo;
		u.createdAt = now;
		u.passwordChangedAt = now;
		return u;
	}

	void placeInBureau(long bureauId, Long departmentId, String bureauRegion) {
		this.bureauId = bureauId;
		this.departmentId = departmentId;
		this.regionCode = bureauRegion;
		this.enterpriseCreditCode = null;
	}

	void bindToEnterprise(String creditCode, String enterpriseRegion) {
		this.enterpriseCreditCode = creditCode;
		this.regionCode = enterpriseRegion;
		this.bureauId = null;
		this.departmentId = null;
	}

	void describe(String displayName, String phone) {
		this.displayName = displayName;
		this.phone = phone;
	}

	void grant(Set<Role> newRoles) {
		this.roles = newRoles.stream().map(RoleGrant::new).collect(Collectors.toUnmodifiableSet());
	}

	/** A failed password: counts towards the lock; the n-th consecutive failure locks for the lock period. */
	void recordFailedSignIn(Instant now, int maxFailures, Duration lockPeriod) {
		if (lockedUntil != null && lockedUntil.isBefore(now)) {
			failedAttempts = 0;
			lockedUntil = null;
		}
		failedAttempts++;
		if (failedAttempts >= maxFailures) {
			lockedUntil = now.plus(lockPeriod);
		}
	}

	/** Until when the account is locked after consecutive wrong passwords (null: never locked, or unlocked since). */
	Instant lockedUntil() {
		return lockedUntil;
	}

	/** The consecutive failures counting towards the lock at {@code now}: none once a lock has run out. */
	int failuresTowardsLock(Instant now) {
		return lockedUntil != null && lockedUntil.isBefore(now) ? 0 : failedAttempts;
	}

	void recordSuccessfulSignIn(Instant now) {
		failedAttempts = 0;
		lockedUntil = null;
		lastLoginAt = now;
	}

	void changePassword(String newHash, Instant now) {
		passwordHash = newHash;
		passwordChangedAt = now;
		mustChangePassword = false;
	}

	/** An administrator sets a temporary password: the user must change it at the next sign-in. */
	void resetPassword(String temporaryHash, Instant now) {
		passwordHash = temporaryHash;
		passwordChangedAt = now;
		mustChangePassword = true;
		failedAttempts = 0;
		lockedUntil = null;
	}

	/**
	 * 解除锁定: lifts the account's lock and its count of consecutive wrong passwords; the pauses at client addresses
	 * lift with it (the throttle counts only failures after the audited unlock).
	 *
	 * @param pausedAtAnAddress whether wrong passwords pause the account at some client address now
	 * @throws DomainException 409 when there is nothing to lift: no lock, no failure counted, no pause
	 */
	void unlock(boolean pausedAtAnAddress) {
		if (lockedUntil == null && failedAttempts == 0 && !pausedAtAnAddress) {
			throw DomainException.illegalTransition("该用户未被锁定，也未在任何地址暂停登录");
		}
		failedAttempts = 0;
		lockedUntil = null;
	}

	void disable() {
		if (!enabled) {
			throw DomainException.illegalTransition("该用户已停用");
		}
		enabled = false;
	}

	void enable() {
		if (enabled) {
			throw DomainException.illegalTransition("该用户已是启用状态");
		}
		enabled = true;
	}

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	Set<Role> roleSet() {
		return roles.isEmpty() ? EnumSet.noneOf(Role.class)
				: roles.stream().map(RoleGrant::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	Long id() {
		return id;
	}

	String username() {
		return username;
	}

	/** The mobile number as recorded (canonical form), or null. */
	String phone() {
		return phone;
	}

	String displayName() {
		return displayName;
	}

	String passwordHash() {
		return passwordHash;
	}

	UserKind kind() {
		return kind;
	}

	Long bureauId() {
		return bureauId;
	}

	Long departmentId() {
		return departmentId;
	}

	String enterpriseCreditCode() {
		return enterpriseCreditCode;
	}

	String regionCode() {
		return regionCode;
	}

	boolean enabled() {
		return enabled;
	}

	boolean mustChangePassword() {
		return mustChangePassword;
	}

	int failedAttempts() {
		return failedAttempts;
	}

	boolean demo() {
		return demo;
	}

	/** What the audit trail keeps of a user: never the password hash, the phone masked. */
	Map<String, Object> snapshot() {
		var m = new LinkedHashMap<String, Object>();
		m.put("username", username);
		m.put("displayName", displayName);
		m.put("kind", kind);
		m.put("bureauId", bureauId);
		m.put("departmentId", departmentId);
		m.put("enterpriseCreditCode", enterpriseCreditCode);
		m.put("phone", Masking.phone(phone));
		m.put("roles", roleSet());
		m.put("enabled", enabled);
		return m;
	}
}
