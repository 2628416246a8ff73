package org.youguan.safety;

import java.time.LocalDate;
import java.util.List;

/**
 * Published for every new anomaly alert of the daily detection (issue 17 "Rates and alerts"), once per alert (the
 * detection never raises the same rule, subject and day twice). The notifications module tells the staff of the
 * alert's region; the alert itself waits in the safety centre's queue.
 *
 * @param alertId the alert (its page: {@code /safety/alerts/{alertId}})
 * @param ruleKey the UI bundle's key of the rule's name ({@code enum.AlertRule.COURIER_SELF}, 快递员收寄本人寄件 in
 *        Chinese), so each reader's text words it in their language
 * @param regionCode where it belongs (a county where known): whose staff are told
 * @param day the China-time day the parcels were accepted
 * @param summary what was found, in Chinese, with pseudonyms shortened (never a clear ID number)
 * @param detailKey the same as the UI bundle's key ({@code safety.alert.detail.<kind>}), null for an event published
 *        before it was carried
 * @param detailArgs the key's values as stored with the alert (texts)
 */
public record SafetyAlertRaised(long alertId, String ruleKey, String regionCode, LocalDate day, String summary,
		String detailKey, List<String> detailArgs) {

	/**
	 * What was found as words of the bundle, so each reader's notification words it in their language
	 * ({@link AlertDetails#words}); the Chinese {@code summary} where the event carries no key.
	 */
	public Object summaryWords() {
		return detailKey == null ? summary : AlertDetails.words(detailKey, detailArgs);
	}
}
