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

	/** The same data operated by this enterprise. */
	public OutletData withEnterprise(long id) {
		return new OutletData(name, id, branchId, cooperation, address, regionCode, longitude, latitude, managerName,
				managerIdNumber, managerPhone, storageArea, hasCommunications, hasShelving, hasSurveillance, hasSignage,
				openedOn);
	}

	/** The same data run through this branch of the operator (null: by the enterprise itself). */
	public OutletData withBranch(Long id) {
		return new OutletData(name, enterpriseId, id, cooperation, address, regionCode, longitude, latitude, managerName,
				managerIdNumber, managerPhone, storageArea, hasCommunications, hasShelving, hasSurveillance, hasSignage,
				openedOn);
	}

	/** The same data with this opening day. */
	public OutletData withOpenedOn(LocalDate day) {
		return new OutletData(name, enterpriseId, branchId, cooperation, address, regionCode, longitude, latitude,
				managerName, managerIdNumber, managerPhone, storageArea, hasCommunications, hasShelving, hasSurveillance,
				hasSignage, day);
	}
}
