package org.youguan.notifications;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Wording;
import org.youguan.safety.SafetyAlertRaised;

/**
 * What the safety module's anomaly detection tells people, after the detection commits (from the event publication
 * registry; the key makes a redelivered event notify once): a new alert ({@link SafetyAlertRaised}) reaches the staff of
 * its region (the county bureau and the bureaus above it, where the safety centre sits) — never an enterprise — with
 * its title in Chinese and as words each reader's list words in their language.
 */
@Component
class SafetyNotifications {

	private final Notifications notifications;

	private final MessageSource messages;

	SafetyNotifications(Notifications notifications, MessageSource messages) {
		this.notifications = notifications;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(SafetyAlertRaised raised) {
		// the notification's text is stored in Chinese: the rule's name read from the Chinese bundle by its key
		String rule = raised.ruleKey() == null ? "" : messages.getMessage(raised.ruleKey(), null, raised.ruleKey(), Locale.SIMPLIFIED_CHINESE);
		String title = "安全监管预警（" + rule + "，" + ChineseText.day(raised.day()) + "）：" + raised.summary();
		// and as words, so an English reader reads it in English (the rule's name and the detail by their keys)
		Wording words = raised.ruleKey() == null ? null
				: Wording.of("safety.alert.notification", Wording.of(raised.ruleKey()), raised.day(),
						raised.summaryWords());
		notifications.toRegion(raised.regionCode(), title.length() > 300 ? title.substring(0, 300) : title, words,
				"/safety/alerts/" + raised.alertId(), "safety-alert-" + raised.alertId());
	}
}
