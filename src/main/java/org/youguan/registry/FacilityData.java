package org.youguan.registry;

import java.time.LocalDate;

import org.youguan.kernel.Text;

/**
 * What staff enter for a facility; the kind-specific fields are ignored for kinds that do not carry them.
 */
public record FacilityData(FacilityKind kind, String name, long enterpriseId, String regionCode, String address,
		Integer compartments, String serialNumber, String services, LocalDate commissionedOn) {

	/** The free text (services) as stored, searched and compared: {@link Text#freeText}. */
	public FacilityData {
		services = Text.freeText(services);
	}
}
