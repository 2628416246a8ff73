package org.youguan.registry;

import java.time.LocalDate;

/**
 * A facility as lists and pages show it.
 */
public record FacilityView(long id, FacilityKind kind, String name, long enterpriseId, String enterpriseName,
		String regionCode, String regionName, String address, FacilityStatus status, Integer compartments,
		String serialNumber, String services, LocalDate commissionedOn, boolean demo) {
}
