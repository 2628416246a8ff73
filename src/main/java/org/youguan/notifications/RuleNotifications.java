package org.youguan.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.rules.RuleOverrideReset;

/**
 * Tells a bureau's staff that an enclosing bureau reset the bureau's own value of a rule ({@link RuleOverrideReset}).
 * Runs after the reset commits, from the event publication registry; the event's key makes a redelivery notify once.
 */
@Component
class RuleNotifications {

	private final Notifications notifications;

	RuleNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(RuleOverrideReset reset) {
		notifications.toRegion(reset.regionCode(), reset.title(), reset.link(), reset.key());
	}
}
