package org.youguan.safety.internal.ledgers;

import java.time.LocalDate;

/**
 * A third-party screening contractor's contract (委托第三方安检企业) as lists show it: the contractor, the entrusting
 * enterprise, the contract period ({@code active} on the day read) and the number of outlets it covers.
 */
public record ContractorView(long id, String name, String creditCode, long enterpriseId, String enterpriseCreditCode,
		String enterpriseName, String regionCode, String regionName, LocalDate contractFrom, LocalDate contractTo,
		boolean active, long outlets) {
}
