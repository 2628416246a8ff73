package org.youguan.kernel;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lock on a name, held until the caller's transaction ends (PostgreSQL {@code pg_advisory_xact_lock} on the name's
 * hash): two requests doing the same thing at once — a double click, a retried call — are ordered, so the second one's
 * duplicate check sees the first one's row. Must be called inside a transaction.
 */
public final class TransactionLocks {

	private TransactionLocks() {
	}

	/** Waits for and holds the lock named {@code key} (e.g. {@code "village_check:<village>|<day>"}) until commit or rollback. */
	public static void hold(JdbcClient jdbc, String key) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key)) IS NULL").param("key", key).query(Boolean.class).single();
	}

	/**
	 * Waits for and holds the lock named {@code key} shared until commit or rollback: any number of shared holders go
	 * on side by side, and each waits for (and holds up) one who {@link #hold holds} the same name alone — many
	 * approvals at once, each ordered against an import they could be counted twice with.
	 */
	public static void holdShared(JdbcClient jdbc, String key) {
		jdbc.sql("SELECT pg_advisory_xact_lock_shared(hashtext(:key)) IS NULL").param("key", key).query(Boolean.class).single();
	}
}
