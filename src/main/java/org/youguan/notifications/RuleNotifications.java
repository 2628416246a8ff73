package org.youguan.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.Wording;
import org.youguan.rules.RuleOverrideReset;
import org.youguan.rules.StatutoryRule;

/**
 * Tells a bureau's staff that an enclosing bureau reset the bureau's own value of a rule ({@link RuleOverrideReset}).
 * Runs after the reset commits, from the event publication registry; the event's key makes a redelivery notify once.
 * The title is sent as words ({@code notification.rules.reset}: the bureau's name and the rule's title quoted), its
 * Chinese worded from them.
 */
@Component
class RuleNotifications {

	private final Notifications notifications;

	RuleNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(RuleOverrideReset reset) {
		// the rule by its catalogue title in the reader's language (enum.StatutoryRule.*), its Chinese the title sent
		Object title = StatutoryRule.byCode(reset.ruleCode()).<Object>map(r -> Wording.of(EnumWords.key(r)))
			.orElse(reset.ruleTitle());
		notifications.toRegion(reset.regionCode(), Wording.of("notification.rules.reset", reset.byBureau(), title),
				reset.link(), reset.key());
	}
}
