package org.youguan.kernel;

/**
 * Who works cases — an enforcement case, a licence application, a complaint, an inspection, a universal-service
 * check or post-office approval — as {@code @PreAuthorize} rules the case-work modules share. Separation of duties:
 * administrators (系统管理员, 机构管理员) manage bureaus, accounts and settings, not case work; a case step is taken
 * by a bureau's 处室工作人员 (a head's step by its 局领导, each module's own rule). An administrator who also handles
 * cases holds 处室工作人员 besides (the demo's 机构管理员 do); one holding an administrator role alone reads the
 * cases of its scope and acts on none of them (403).
 */
public final class CaseRoles {

	/** A bureau's case handler: 处室工作人员. */
	public static final String HANDLERS = "hasRole('STAFF')";

	/** A case handler or the bureau's head (局领导): the steps either may take. */
	public static final String HANDLERS_OR_HEADS = "hasAnyRole('BUREAU_LEADER','STAFF')";

	/** A case handler, or the enterprise on its own records. */
	public static final String HANDLERS_OR_ENTERPRISE = "hasAnyRole('STAFF','ENTERPRISE')";

	private CaseRoles() {
	}
}
