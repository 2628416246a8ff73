package org.youguan.universal;

import java.time.LocalDate;

import org.youguan.kernel.Masking;

/**
 * A 建制村 of the register with its 通邮 profile as lists and pages show it; the profile's fields are null while the
 * village has no profile (未登记).
 * @param postOfficeName the serving post office as recorded, any ID or mobile number in it masked
 *        ({@link Masking#personalNumbersIn}; such numbers are refused since, older profiles are listed and exported so)
 * @param handoverType the handover point's type, masked alike
 * @param handoverAddress the handover point's address, masked alike
 * @param belowStandard whether the profile's deliveries a week are below the province's village standard
 */
public record VillageView(String code, String name, String streetName, String countyCode, String countyName,
		DeliveryMode deliveryMode, Integer deliveriesPerWeek, Long postOfficeFacilityId, String postOfficeName,
		String handoverType, String handoverAddress, String enterpriseCreditCode, LocalDate lastCheckedOn,
		Boolean lastCheckStandard, boolean belowStandard) {

	public VillageView {
		postOfficeName = Masking.personalNumbersIn(postOfficeName);
		handoverType = Masking.personalNumbersIn(handoverType);
		handoverAddress = Masking.personalNumbersIn(handoverAddress);
	}

	/** Whether the village has a profile. */
	public boolean registered() {
		return deliveryMode != null;
	}
}
