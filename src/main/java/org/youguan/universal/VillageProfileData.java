package org.youguan.universal;

import org.youguan.kernel.WholeIn;

/**
 * A village's 通邮 profile as a form, an import row or the API gives it (raw values; {@link Villages#saveProfile} checks
 * them).
 * @param villageCode the 12-digit code of the 村委会 in the region list
 * @param deliveryMode a {@link DeliveryMode} code or its Chinese name
 * @param deliveriesPerWeek deliveries to the village a week, 0–14
 * @param postOfficeFacilityId the serving post office in the registry (邮政普遍服务营业场所), when it is registered
 * @param postOfficeName the serving post office's name (taken from the registry when the id is given)
 * @param enterpriseCreditCode the postal enterprise keeping the profile (ignored for an enterprise user: its own)
 */
public record VillageProfileData(String villageCode, String deliveryMode,
		@WholeIn(min = 0, max = Villages.MAX_DELIVERIES_PER_WEEK) Integer deliveriesPerWeek,
		Long postOfficeFacilityId, String postOfficeName, String handoverType, String handoverAddress,
		String enterpriseCreditCode) {
}
