package org.youguan.safety;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Published when staff list an anomaly alert's enterprise as an inspection target ("列为检查对象"): the published
 * contract the inspections module consumes to put the enterprise on its list of key inspection targets (重点检查对象,
 * for a special inspection — 快递暂行条例(2025) art.47, 快递市场管理办法(2023) art.42: 双随机 for routine checks, targeted
 * inspections where risks are found) without reading the safety tables. Pseudonyms travel shortened; a clear ID number
 * never exists to travel.
 *
 * @param alertId the alert; one key target per alert
 * @param rule the rule's name in Chinese
 * @param regionCode where the alert belongs: the bureau competent for the inspection
 * @param enterpriseCreditCode the enterprise to inspect (统一社会信用代码); never null
 * @param enterpriseName its name
 * @param day the day of the parcels
 * @param summary what was found
 * @param reason why staff list it (列入说明)
 * @param targetedAt when
 * @param targetedBy who (display name)
 */
public record SafetyAlertTargeted(long alertId, String rule, String regionCode, String enterpriseCreditCode,
		String enterpriseName, LocalDate day, String summary, String reason, Instant targetedAt, String targetedBy) {

	/** The alert's page in the safety module, for the target's source link. */
	public String link() {
		return "/safety/alerts/" + alertId;
	}
}
