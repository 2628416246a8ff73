package org.youguan.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What is entered for a terminal outlet: operator (an enterprise, optionally through one of its branches),
 * cooperation type (dictionary code), location, manager and the five required facilities.
 */
public record OutletData(String name, long enterpriseId, Long branchId, String cooperation, String address,
		String regionCode, BigDecimal longitude, BigDecimal latitude, String managerName, String managerIdNumber,
		String managerPhone, BigDecimal storageArea, boolean hasCommunications, boolean hasShelving,
		boolean hasSurveillance, boolean hasSignage, LocalDate openedOn) {
}
