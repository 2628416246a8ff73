package org.youguan.registry;

import java.time.LocalDate;

/**
 * A branch as lists show it.
 */
public record BranchView(long id, String name, long enterpriseId, String enterpriseName, Long licenceId,
		String licenceNumber, String regionCode, String regionName, String address, String headName,
		LocalDate businessLicenceDate, LocalDate filedOn, boolean filedLate) {
}
