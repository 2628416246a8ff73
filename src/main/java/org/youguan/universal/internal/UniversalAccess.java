package org.youguan.universal.internal;

import org.youguan.kernel.CaseRoles;

/** Who may do what in the universal-service pages and API: the {@code @PreAuthorize} rules they share. */
final class UniversalAccess {

	/** Staff and leaders read the register, the checks and the figures of their region. */
	static final String READERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF')";

	/**
	 * Staff record checks and correct profiles; leaders read, and so do administrators, who manage accounts, not case
	 * work ({@link CaseRoles}).
	 */
	static final String WRITERS = CaseRoles.HANDLERS;

	/** The postal enterprise keeps its own profiles on its portal. */
	static final String ENTERPRISE = "hasRole('ENTERPRISE')";

	/** Staff who write, and the enterprise: who may save a profile through the API. */
	static final String PROFILE_WRITERS = CaseRoles.HANDLERS_OR_ENTERPRISE;

	/**
	 * Who decides on a post-office closure or relocation, approves an extension and records a past decision: writers
	 * and leaders (the decision itself, taken or recorded, the deciding bureau's 局领导 only: {@code PostOfficeApprovals}).
	 */
	static final String DECIDERS = CaseRoles.HANDLERS_OR_HEADS;

	/** Staff and leaders of their region, and the enterprise its own post offices, approvals and suspensions. */
	static final String VIEWERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF','ENTERPRISE')";

	private UniversalAccess() {
	}
}
