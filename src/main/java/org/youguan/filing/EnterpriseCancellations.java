package org.youguan.filing;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.registry.EnterpriseCancelled;

/**
 * The filing module's side of an enterprise's cancellation (注销) on the register: once the cancellation commits, its
 * undecided filings are refused and its filed outlets closed ({@link OutletFilings#closeForCancelledEnterprise}); a
 * failed delivery is retried by the platform's event resubmission, and a redelivery changes nothing more.
 */
@Component
class EnterpriseCancellations {

	private final OutletFilings filings;

	EnterpriseCancellations(OutletFilings filings) {
		this.filings = filings;
	}

	@ApplicationModuleListener
	void on(EnterpriseCancelled cancelled) {
		filings.closeForCancelledEnterprise(cancelled);
	}
}
