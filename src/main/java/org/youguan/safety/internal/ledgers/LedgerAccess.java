package org.youguan.safety.internal.ledgers;

/** Who may do what in the safety ledgers' pages and API: the {@code @PreAuthorize} rules they share. */
final class LedgerAccess {

	/** Staff and leaders read the ledgers of their region. */
	static final String READERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF')";

	/** Staff, bureau administrators and the system administrator record and close; leaders read. */
	static final String WRITERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','STAFF')";

	/** An enterprise user on its portal: its own records. */
	static final String ENTERPRISE = "hasRole('ENTERPRISE')";

	/** Readers and the enterprise (each in its own scope). */
	static final String READERS_OR_ENTERPRISE = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF','ENTERPRISE')";

	/** Writers and the enterprise (each in its own scope). */
	static final String WRITERS_OR_ENTERPRISE = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','STAFF','ENTERPRISE')";

	private LedgerAccess() {
	}
}
