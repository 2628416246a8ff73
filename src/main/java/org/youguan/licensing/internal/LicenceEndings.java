package org.youguan.licensing.internal;

import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.TransactionLocks;
import org.youguan.registry.LicenceView;

/**
 * The one order of the ways this module ends a licence — 注销 ({@code licensing.cancel}) and 吊销 on a delivered penalty
 * ({@code licensing.revoke}). Either is audited here and told to the registry by an event the registry applies after
 * the commit, so for a while its record still reads 有效: two requests at once (a double click, parallel calls, a
 * delivery heard twice) would both pass a check of the registry's status and end the licence twice — two audit entries,
 * two events, the registry's listener failing on the second. Each holds a lock on the licence's number until its
 * transaction ends and then asks whether the licence was already ended here.
 */
@Component
public class LicenceEndings {

	/** The audit actions by which this module ends a licence. */
	public static final Set<String> ACTIONS = Set.of("licensing.cancel", "licensing.revoke");

	/**
	 * The audit action by which this module restores a licence it revoked, the revoking decision annulled
	 * ({@link PenaltyRevocations}): an ending before it no longer ends the licence.
	 */
	public static final String RESTORE = "licensing.restore";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	LicenceEndings(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Holds the lock on licence {@code l} until the caller's transaction ends (must be called inside one) and answers the
	 * entry by which this module already ended it, if any (the registry may not have applied it yet) — none when this
	 * module restored it since ({@link #RESTORE}).
	 */
	public Optional<AuditEvent> lockAndFindEnding(LicenceView l) {
		return lockAndFindLast(l).filter(e -> !e.action().equals(RESTORE));
	}

	/**
	 * As {@link #lockAndFindEnding}, the last entry by which this module ended or restored the licence ({@link #RESTORE}),
	 * if any.
	 */
	public Optional<AuditEvent> lockAndFindLast(LicenceView l) {
		TransactionLocks.hold(jdbc, "licence-ending:" + l.number());
		return audit.history(DataScope.all(), "ExpressLicence", l.id()).stream()
			.filter(e -> ACTIONS.contains(e.action()) || e.action().equals(RESTORE))
			.findFirst();
	}
}
