package org.youguan.org;

/**
 * Roles. Staff roles act within their bureau's region; the enterprise role within its own enterprise.
 */
public enum Role {

	SYSTEM_ADMIN("系统管理员", "管理机构、用户、工作日历、法定时限和系统配置，查看审计日志"),
	BUREAU_ADMIN("机构管理员", "管理本局及下级机构的处室和用户，调整本局法定时限参数"),
	BUREAU_LEADER("局领导", "查阅本局辖区内的全部业务数据和审计日志"),
	STAFF("处室工作人员", "办理本处室业务"),
	ENTERPRISE("企业用户", "通过企业端办理本企业的业务");

	private final String label;

	private final String description;

	Role(String label, String description) {
		this.label = label;
		this.description = description;
	}

	public String label() {
		return label;
	}

	public String description() {
		return description;
	}

	public String authority() {
		return "ROLE_" + name();
	}

	public boolean isStaffRole() {
		return this != ENTERPRISE;
	}
}
