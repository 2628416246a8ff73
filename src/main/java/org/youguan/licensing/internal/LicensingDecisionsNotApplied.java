package org.youguan.licensing.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.licensing.LicenceApplications;
import org.youguan.registry.LicenceDecisionNotApplied;

/**
 * When the registry did not apply a renewal or change approved here because the licence had been revoked or cancelled
 * before it heard the decision ({@link LicenceDecisionNotApplied}), the application records that its decision never took
 * effect and why ({@link LicenceApplications#decisionNotApplied}), so its 准予延续 / 准予变更 does not stand as if it had.
 */
@Component
class LicensingDecisionsNotApplied {

	private final LicenceApplications applications;

	LicensingDecisionsNotApplied(LicenceApplications applications) {
		this.applications = applications;
	}

	@ApplicationModuleListener
	void on(LicenceDecisionNotApplied notApplied) {
		applications.decisionNotApplied(notApplied);
	}
}
