package org.youguan.org;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.youguan.audit.AuditActor;
import org.youguan.kernel.Actors;
import org.youguan.kernel.DataScope;

/**
 * The signed-in principal: who, in which bureau and department or enterprise, with which roles — and so which data
 * scope. Built fresh at each sign-in and for each API token request.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer, AuditActor, Serializable {

	private final long id;

	private final String username;

	private final String displayName;

	private final UserKind kind;

	private final Long bureauId;

	private final String bureauName;

	private final BureauLevel bureauLevel;

	private final Long departmentId;

	private final String departmentName;

	private final String enterpriseCreditCode;

	private final String regionCode;

	private final Set<Role> roles;

	private final boolean enabled;

	private final boolean locked;

	private final boolean mustChangePassword;

	private final boolean demo;

	private String passwordHash;

	/**
	 * The user signed in on this thread (a page's session or an API token), if it is one of ours: empty for no one, a
	 * job, or a principal of another kind. For a rule asked outside a handler ({@link org.youguan.kernel.StepAccess}).
	 */
	public static Optional<CurrentUser> signedIn() {
		return Actors.signedIn().map(a -> a.getPrincipal()).filter(CurrentUser.class::isInstance).map(CurrentUser.class::cast);
	}

	CurrentUser(long id, String username, String displayName, UserKind kind, Long bureauId, String bureauName,
			BureauLevel bureauLevel, Long departmentId, String departmentName, String enterpriseCreditCode,
			String regionCode, Set<Role> roles, boolean enabled, boolean locked, boolean mustChangePassword,
			boolean demo, String passwordHash) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.kind = kind;
		this.bureauId = bureauId;
		this.bureauName = bureauName;
		this.bureauLevel = bureauLevel;
		this.departmentId = departmentId;
		this.departmentName = departmentName;
		this.enterpriseCreditCode = enterpriseCreditCode;
		this.regionCode = regionCode;
		this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		this.enabled = enabled;
		this.locked = locked;
		this.mustChangePassword = mustChangePassword;
		this.demo = demo;
		this.passwordHash = passwordHash;
	}

	/** The rows this user may see: the bureau's region for staff, the own enterprise for enterprise users. */
	public DataScope scope() {
		return kind == UserKind.ENTERPRISE ? DataScope.enterprise(enterpriseCreditCode) : DataScope.region(regionCode);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean systemAdmin() {
		return roles.contains(Role.SYSTEM_ADMIN);
	}

	/** May manage departments, users and rule values in scope. */
	public boolean administrator() {
		return roles.contains(Role.SYSTEM_ADMIN) || roles.contains(Role.BUREAU_ADMIN);
	}

	/** May enter and change business records (not only read them, as a leader does). */
	public boolean writer() {
		return administrator() || roles.contains(Role.STAFF);
	}

	/**
	 * Works cases (enforcement, licensing, complaints, inspections, universal service): a 处室工作人员. Administrators
	 * manage accounts, not case work ({@code kernel.CaseRoles}): a 系统管理员 or 机构管理员 without this role reads the
	 * cases of its scope and acts on none.
	 */
	public boolean caseHandler() {
		return roles.contains(Role.STAFF);
	}

	public boolean isStaff() {
		return kind == UserKind.STAFF;
	}

	public long id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public UserKind kind() {
		return kind;
	}

	public Long bureauId() {
		return bureauId;
	}

	public String bureauName() {
		return bureauName;
	}

	public BureauLevel bureauLevel() {
		return bureauLevel;
	}

	public Long departmentId() {
		return departmentId;
	}

	public String departmentName() {
		return departmentName;
	}

	public String enterpriseCreditCode() {
		return enterpriseCreditCode;
	}

	public String regionCode() {
		return regionCode;
	}

	public Set<Role> roles() {
		return roles;
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	public boolean demo() {
		return demo;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String auditName() {
		return username + (displayName == null ? "" : "（" + displayName + "）");
	}

	@Override
	public Long auditUserId() {
		return id;
	}

	@Override
	public Long auditBureauId() {
		return bureauId;
	}

	@Override
	public String auditRegionCode() {
		return regionCode;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof CurrentUser other && other.id == id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(id);
	}

	@Override
	public String toString() {
		return "CurrentUser[" + username + "]";
	}
}
