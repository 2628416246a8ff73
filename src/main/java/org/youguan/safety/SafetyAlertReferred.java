package org.youguan.safety;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Published when staff turn an anomaly alert into a case lead ("转为立案线索"): the published contract the enforcement
 * module consumes to open a lead (行政处罚法(2021) art.54) without reading the safety tables — everything the lead needs
 * travels with the event. Pseudonyms travel shortened; a clear ID number never exists to travel.
 *
 * @param alertId the alert ({@code /safety/alerts/{alertId}}); one lead per alert
 * @param rule the rule's name in Chinese
 * @param regionCode where the alert belongs: the bureau competent for the lead
 * @param enterpriseCreditCode the enterprise concerned (统一社会信用代码), or null when the alert concerns several
 * @param enterpriseName its name, or null
 * @param day the day of the parcels
 * @param summary what was found
 * @param reason why staff refer it (移送说明)
 * @param referredAt when
 * @param referredBy who (display name)
 */
public record SafetyAlertReferred(long alertId, String rule, String regionCode, String enterpriseCreditCode,
		String enterpriseName, LocalDate day, String summary, String reason, Instant referredAt, String referredBy) {
}
