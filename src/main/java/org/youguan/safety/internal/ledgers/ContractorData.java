package org.youguan.safety.internal.ledgers;

import java.util.List;

/**
 * A screening contractor's contract as entered (checked by {@link Contractors#create}): the contractor's name and
 * credit code, the entrusting enterprise's credit code, the contract's first and last day (YYYY-MM-DD), and the ids of
 * the enterprise's outlets it covers.
 */
public record ContractorData(String name, String creditCode, String enterpriseCreditCode, String contractFrom,
		String contractTo, List<Long> outletIds) {
}
