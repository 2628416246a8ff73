package org.youguan.registry.internal.enterprises;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.kernel.ChineseText;
import org.youguan.org.Users;
import org.youguan.registry.EnterpriseCancelled;

/**
 * The accounts of an enterprise cancelled (注销) on the register stop once the cancellation commits
 * ({@link Users#disableEnterpriseAccounts}): the registry tells the organisation module, which knows no regulated
 * company. A redelivery of the event changes nothing more.
 */
@Component
class CancelledEnterpriseAccounts {

	private final Users users;

	CancelledEnterpriseAccounts(Users users) {
		this.users = users;
	}

	@ApplicationModuleListener
	void on(EnterpriseCancelled cancelled) {
		users.disableEnterpriseAccounts(cancelled.creditCode(), "企业已于" + ChineseText.day(cancelled.cancelledOn()) + "注销");
	}
}
