package org.youguan.universal.internal;

import org.youguan.universal.DeliveryMode;
import org.youguan.universal.VillageProfileData;
import org.youguan.universal.VillageView;

/**
 * The profile form as the user filled it in: a refused form is shown again with the values typed, not the saved ones
 * (the bureau's and the enterprise's village page alike).
 */
final class ProfileForms {

	private ProfileForms() {
	}

	/** The village with its profile fields replaced by the submitted values (an unknown mode shows as none chosen). */
	static VillageView typed(VillageView village, VillageProfileData data) {
		return new VillageView(village.code(), village.name(), village.streetName(), village.countyCode(),
				village.countyName(), DeliveryMode.parse(data.deliveryMode()), data.deliveriesPerWeek(),
				data.postOfficeFacilityId(), data.postOfficeName(), data.handoverType(), data.handoverAddress(),
				data.enterpriseCreditCode() == null ? village.enterpriseCreditCode() : data.enterpriseCreditCode(),
				village.lastCheckedOn(), village.lastCheckStandard(), village.belowStandard());
	}
}
