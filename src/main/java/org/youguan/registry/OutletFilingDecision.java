package org.youguan.registry;

import java.time.LocalDate;

/**
 * The bureau's decision on an outlet filing (快递末端网点备案暂行规定(2018) art.7–9), published by the filing module when
 * the decision is taken and applied by the registry when it hears it, after the filing's transaction commits: an
 * approved new outlet is added as filed, an approved change is applied, an approved closure closes the outlet, a
 * rejection leaves the registry untouched. The filing module owns the proposed outlet until then; the registry never
 * holds a pending proposal.
 * <p>
 * The type lives in the registry's API because the filing module reads the registry (its enterprises and outlets) and
 * the registry must not depend on the filing module in turn: this is the registry's inbound contract. Personal data
 * travels sealed ({@link SealedOutletData}), since event publications are stored in the database.
 */
public sealed interface OutletFilingDecision {

	/** The filing decided. */
	long filingId();

	/**
	 * A new outlet was filed: the registry adds it under the id and filing number reserved at approval
	 * ({@link Outlets#reserveNew}).
	 */
	record NewOutletApproved(long filingId, long outletId, String filingNumber, LocalDate filedOn, SealedOutletData outlet)
			implements OutletFilingDecision {
	}

	/** A change of a filed outlet was approved: the registry applies the proposed data (the operator stays). */
	record ChangeApproved(long filingId, long outletId, SealedOutletData outlet) implements OutletFilingDecision {
	}

	/**
	 * The closure (撤销) of a filed outlet was approved on {@code closedOn}: the registry closes it as of that day (null
	 * in a publication stored before the day was carried: the day the registry applies it), for {@code reason} — the
	 * closure filing's reason, kept on the outlet's record (null in a publication stored before V279).
	 */
	record ClosureApproved(long filingId, long outletId, LocalDate closedOn, String reason) implements OutletFilingDecision {
	}

	/**
	 * The filing was refused (不予备案): nothing changes in the registry. {@code outletId} is null for a new outlet,
	 * which never reached the registry.
	 */
	record Rejected(long filingId, Long outletId) implements OutletFilingDecision {
	}
}
