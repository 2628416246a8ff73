package org.youguan.registry;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The registry's side of outlet filing: it adds, changes or closes an outlet when it hears the bureau's decision
 * (after the filing's transaction commits; a failed delivery is retried by the platform's event resubmission).
 */
@Component
class OutletFilingDecisions {

	private final Outlets outlets;

	OutletFilingDecisions(Outlets outlets) {
		this.outlets = outlets;
	}

	@ApplicationModuleListener
	void on(OutletFilingDecision decision) {
		outlets.apply(decision);
	}
}
