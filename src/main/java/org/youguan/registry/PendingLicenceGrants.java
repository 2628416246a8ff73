package org.youguan.registry;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the registry asks of the licensing procedure before it records a licence by hand ({@link Licences#record}, the
 * form and the .xlsx import): whether a new licence granted to the enterprise on the platform is still on its way to the
 * registry — decided and committed, its {@link LicenceGranted} not yet recorded, or a past approval imported in
 * licensing that the registry has not recorded by hand yet. Such a grant is a licence in force
 * (快递业务经营许可管理办法: one enterprise holds one licence, {@link OneLicence}) that the registry's own records do not show
 * yet. Declared here and implemented by the licensing module, so the registry reads it without depending on it (as
 * {@link PenaltyDecisionRegister}); both sides ask under the holder's lock ({@link OneLicence#hold}). Without an
 * implementation no grant is pending.
 */
public interface PendingLicenceGrants {

	/**
	 * The new licence granted to the enterprise with credit code {@code creditCode} that the registry has not recorded
	 * yet and that is in force today, if any — a new licence approved on the platform, or a past approval imported in
	 * licensing still in force today (one imported whose term has run out is history, never pending).
	 * @param creditCode the enterprise's 统一社会信用代码 as the registry writes it
	 * @return the grant, or empty
	 */
	Optional<Grant> pendingFor(String creditCode);

	/**
	 * A grant on its way to the registry.
	 * @param licenceNumber the licence's number as issued
	 * @param scope its business scope
	 * @param expiresOn its last valid day
	 * @param decisionNumber the 准予许可决定书's number
	 * @param decidedOn the day it was decided
	 * @param imported whether it is a past approval imported in licensing: it publishes no {@link LicenceGranted}, so the
	 *        registry records that very licence by hand (a second one it refuses all the same)
	 */
	record Grant(String licenceNumber, LicenceScope scope, LocalDate expiresOn, String decisionNumber, LocalDate decidedOn,
			boolean imported) {
	}
}
