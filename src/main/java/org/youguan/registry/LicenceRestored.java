package org.youguan.registry;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A licence revoked (吊销) by a penalty decision that was then annulled or changed away from revocation (行政复议,
 * 行政诉讼 or the bureau's own correction), published by the licensing module and applied by the registry when it hears
 * this event (after commit): the licence returns to the state it had before the revocation — valid until its expiry
 * date, or expired when that date passed meanwhile — and the decisions approved for it that never took effect because
 * it stood revoked ({@link LicenceDecisionNotApplied}: renewals, changes, branch decisions) take effect with it, in the
 * same transaction: the revocation
 * annulled is void from the start (行政复议法(2023) art.64, 行政诉讼法(2017) art.70), and the 准予 decisions were
 * made and never withdrawn, so nothing stands in their way any more. A licence not revoked (a repeated delivery, one
 * cancelled since) is left as it is. The opposite of {@link LicenceRevoked}; the registry's inbound contract.
 *
 * @param licenceNumber the licence to restore
 * @param decisionNumber the 文号 of the penalty decision that had revoked it
 * @param reason why it is restored (the outcome and its 文号), recorded in the audit trail
 * @param renewals the approved renewals of the licence that the revocation kept from taking effect, to apply once the
 * licence is restored ({@link Licences#renew}); empty when none (null, as a delivery published before they were
 * carried reads, is empty)
 * @param changes the approved changes (变更) and branch decisions (分支机构) of the licence that the revocation kept from
 * taking effect, oldest decision first, to apply once it is restored and renewed ({@link Licences#applyChange}); empty
 * when none (null, as a delivery published before they were carried reads, is empty)
 */
public record LicenceRestored(String licenceNumber, String decisionNumber, String reason, List<LicenceRenewed> renewals,
		List<LicenceChanged> changes) {

	public LicenceRestored {
		renewals = renewals == null ? List.of() : List.copyOf(renewals);
		changes = changes == null ? List.of() : List.copyOf(changes);
	}

	/** A licence restored with renewals to revive and no change. */
	public LicenceRestored(String licenceNumber, String decisionNumber, String reason, List<LicenceRenewed> renewals) {
		this(licenceNumber, decisionNumber, reason, renewals, List.of());
	}

	/** A licence restored with no renewal to revive. */
	public LicenceRestored(String licenceNumber, String decisionNumber, String reason) {
		this(licenceNumber, decisionNumber, reason, List.of());
	}

	/** The last day of validity once the licence is restored and its renewals applied, given its recorded expiry. */
	public LocalDate restoredUntil(LocalDate expiresOn) {
		return renewals.stream().map(LicenceRenewed::expiresOn).filter(expiresOn::isBefore).max(Comparator.naturalOrder())
			.orElse(expiresOn);
	}
}
