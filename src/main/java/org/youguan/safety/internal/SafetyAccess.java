package org.youguan.safety.internal;

/** Who may do what in the safety pages and API: the {@code @PreAuthorize} rules they share. */
public final class SafetyAccess {

	/** Staff and leaders read the rates and alerts of their region. */
	public static final String READERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF')";

	/** Staff, bureau administrators and the system administrator act on alerts and run the detection; leaders read. */
	public static final String WRITERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','STAFF')";

	/** The express enterprise reads its own rates and keeps its courier roster. */
	public static final String ENTERPRISE = "hasRole('ENTERPRISE')";

	private SafetyAccess() {
	}
}
