package org.youguan.safety;

import java.time.LocalDate;

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
 * @param summary what was found, with pseudonyms shortened (never a clear ID number)
 */
public record SafetyAlertRaised(long alertId, String ruleKey, String regionCode, LocalDate day, String summary) {
}
