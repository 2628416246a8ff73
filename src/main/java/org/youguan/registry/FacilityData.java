package org.youguan.registry;

import java.time.LocalDate;

/**
 * What staff enter for a facility; the kind-specific fields are ignored for kinds that do not carry them.
 */
public record FacilityData(FacilityKind kind, String name, long enterpriseId, String regionCode, String address,
		Integer compartments, String serialNumber, String services, LocalDate commissionedOn) {
}
