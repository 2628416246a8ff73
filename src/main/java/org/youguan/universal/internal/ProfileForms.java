package org.youguan.universal.internal;

import java.util.Map;

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

	/** The labels the profile form's fields are named by when a value cannot be read ({@code kernel.FormBinding}). */
	static final Map<String, String> LABELS = Map.of("deliveriesPerWeek", "每周投递频次", "postOfficeFacilityId", "服务邮政局所编号");

	/**
	 * The profile of village {@code code} as the form bound it (the village's code from the page's address, never from
	 * the form), with the keeping enterprise's credit code as posted: the staff form's choice, and on the enterprise
	 * portal whatever was posted too — checked as the API and the import check it ({@code Villages.check}: malformed,
	 * or not the enterprise's own, refused naming the field), never silently dropped; absent, the enterprise's own.
	 */
	static VillageProfileData of(String code, VillageProfileData form) {
		return new VillageProfileData(code, form.deliveryMode(), form.deliveriesPerWeek(), form.postOfficeFacilityId(),
				form.postOfficeName(), form.handoverType(), form.handoverAddress(), form.enterpriseCreditCode());
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
