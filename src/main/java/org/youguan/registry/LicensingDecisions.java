package org.youguan.registry;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The registry's side of licensing: it records the licence when it hears that one was granted, changes or extends it
 * when it hears that a change or renewal was approved, and revokes or cancels it when it
 * hears that a penalty decision revoked it or the issuing bureau cancelled it (after the decision's
 * transaction commits; a failed delivery is retried by the platform's event resubmission; a repeated delivery changes
 * nothing).
 */
@Component
class LicensingDecisions {

	private final Licences licences;

	LicensingDecisions(Licences licences) {
		this.licences = licences;
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
	void on(LicenceRevoked revoked) {
		licences.revokeByDecision(revoked);
	}

	@ApplicationModuleListener
	void on(LicenceCancelled cancelled) {
		licences.cancelByDecision(cancelled);
	}
}
