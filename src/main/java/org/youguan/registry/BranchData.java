package org.youguan.registry;

import java.time.LocalDate;

/**
 * What staff enter for a branch.
 */
public record BranchData(long enterpriseId, Long licenceId, String name, String regionCode, String address,
		String headName, LocalDate businessLicenceDate, LocalDate filedOn) {
}
