package org.youguan.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Checked outlet data as the registry stores it, made by {@link Outlets#seal}: the manager's ID number and phone
 * encrypted under the registry's keys with a masked copy (个人信息保护法 art.51), so it can travel in a stored event
 * without the clear numbers.
 */
public record SealedOutletData(String name, long enterpriseId, Long branchId, String cooperation, String address,
		String regionCode, BigDecimal longitude, BigDecimal latitude, String managerName, byte[] managerIdCipher,
		String managerIdMasked, byte[] managerPhoneCipher, String managerPhoneMasked, BigDecimal storageArea,
		boolean hasCommunications, boolean hasShelving, boolean hasSurveillance, boolean hasSignage, LocalDate openedOn) {
}
