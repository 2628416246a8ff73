package org.youguan.rules;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A rule as it applies in one region: the default, the effective value and, if a bureau overrode it, who and why.
 */
public record RuleSetting(StatutoryRule rule, BigDecimal effectiveValue, String overrideRegion, String reason,
		String changedBy, OffsetDateTime changedAt) {

	public boolean overridden() {
		return overrideRegion != null;
	}
}
