package org.youguan.registry.internal.enterprises;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.org.Users;
import org.youguan.registry.EnterpriseMoved;

/**
 * The accounts of an enterprise moved to another region on the register move with it once the correction commits
 * ({@link Users#moveEnterpriseAccounts}): the new region's administrators manage them, the old region's no longer do.
 * A redelivery of the event changes nothing more.
 */
@Component
class MovedEnterpriseAccounts {

	private final Users users;

	MovedEnterpriseAccounts(Users users) {
		this.users = users;
	}

	@ApplicationModuleListener
	void on(EnterpriseMoved moved) {
		users.moveEnterpriseAccounts(moved.creditCode(), moved.toRegion(), "企业登记所在地由" + moved.fromRegion() + "改为"
				+ moved.toRegion());
	}
}
