package org.youguan.registry;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.kernel.DataScope;

/**
 * The registry's side of licensing: it records the licence when it hears that one was granted (and a branch when it
 * hears that one was filed), changes or extends it
 * when it hears that a change or renewal was approved, keeps it in force past its expiry while a renewal accepted in time
 * is undecided, and revokes or cancels it when it
 * hears that a penalty decision revoked it or the issuing bureau cancelled it (after the decision's
 * transaction commits; a failed delivery is retried by the platform's event resubmission; a repeated delivery changes
 * nothing).
 */
@Component
class LicensingDecisions {

	private final Licences licences;

	private final Branches branches;

	private final Enterprises enterprises;

	LicensingDecisions(Licences licences, Branches branches, Enterprises enterprises) {
		this.licences = licences;
		this.branches = branches;
		this.enterprises = enterprises;
	}

	/**
	 * Records the branch a licensing filing took ({@link BranchFiled}) under the parent's licence, the lateness flag
	 * decided by {@link Branches#file}; a parent unknown, or a branch of that name already recorded, is left as it is.
	 */
	@ApplicationModuleListener
	void on(BranchFiled filed) {
		enterprises.findByCreditCode(filed.parentCreditCode()).ifPresent(parent -> {
			if (!branches.exists(parent.id(), filed.name())) {
				Long licence = licences.findByNumber(DataScope.all(), filed.licenceNumber()).map(LicenceView::id).orElse(null);
				branches.file(DataScope.all(), new BranchData(parent.id(), licence, filed.name(), filed.regionCode(),
						filed.address(), filed.headName(), filed.businessLicenceDate(), filed.filedOn()), filed.demo());
			}
		});
	}

	@ApplicationModuleListener
	void on(LicenceGranted granted) {
		licences.issue(granted);
	}

	@ApplicationModuleListener
	void on(LicenceChanged changed) {
		licences.applyChange(changed);
	}

	@ApplicationModuleListener
	void on(LicenceRenewed renewed) {
		licences.renew(renewed);
	}

	@ApplicationModuleListener
	void on(RenewalAccepted accepted) {
		licences.renewalAccepted(accepted);
	}

	@ApplicationModuleListener
	void on(RenewalRefused refused) {
		licences.renewalRefused(refused);
	}

	@ApplicationModuleListener
	void on(LicenceRevoked revoked) {
		licences.revokeByDecision(revoked);
	}

	@ApplicationModuleListener
	void on(LicenceRestored restored) {
		licences.restoreByDecision(restored);
	}

	@ApplicationModuleListener
	void on(LicenceCancelled cancelled) {
		licences.cancelByDecision(cancelled);
	}
}
